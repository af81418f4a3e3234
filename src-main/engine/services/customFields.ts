// Custom fields (issue 12): the administrator's definitions, and the one place a
// record's values are checked and stored (saveCustomValues, called with one line
// from each record kind's save). Values are stored typed (repos/customFields.ts).
import {
  CUSTOM_TEXT_MAX,
  type CustomFieldChoice,
  type CustomFieldDef,
  type CustomFieldEntity,
  type CustomFieldInput,
  type CustomFieldValue,
  type CustomFieldValuesInput,
} from '../../../shared/channels/customFields';
import { isoDate } from '../../../shared/channels/common';
import { DomainError } from '../../../shared/errors';
import { formatAmount } from '../../../shared/format';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { foldText } from '../domain/fold';
import { logActivity } from '../repos/activity';
import {
  choiceUseCount,
  fieldIdByKey,
  getFieldDef,
  insertFieldDef,
  listFieldDefs,
  replaceChoices,
  setFieldActive,
  setFieldOrder,
  storedValuesOf,
  updateFieldDef,
  fromStored,
  writeValue,
  type StoredValue,
} from '../repos/customFields';

type ParsedInput = Omit<CustomFieldInput, 'required' | 'active' | 'listColumn' | 'choices'> & {
  required: boolean;
  active: boolean;
  listColumn: boolean;
  choices: { key?: string | undefined; labelNb: string; labelEn?: string | null | undefined }[];
};

/** The widest a whole number may be (kept well inside what SQLite and JavaScript hold exactly). */
const NUMBER_LIMIT = 1_000_000_000_000;
const AMOUNT_LIMIT = 1_000_000_000_00;

const EXPECTED: Readonly<Record<CustomFieldDef['type'], readonly [string, string]>> = {
  text: ['en tekst', 'a text'],
  number: ['et helt tall', 'a whole number'],
  amount: ['et beløp i hele øre', 'an amount in whole øre'],
  date: ['en dato', 'a date'],
  yesno: ['ja eller nei', 'yes or no'],
  choice: ['et av valgene', 'one of the choices'],
};

/** A key made from a label: folded, ASCII letters and digits, æøå spelled out (Leveringsmåte → leveringsmaate). */
export function keyFromLabel(label: string): string {
  const ascii = foldText(label)
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return (ascii || 'felt').slice(0, 40).replace(/_+$/, '');
}

function uniqueKey(taken: (key: string) => boolean, base: string): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const k = `${base.slice(0, 36)}_${n}`;
    if (!taken(k)) return k;
  }
}

// ---- Values ------------------------------------------------------------------

function bounds(f: CustomFieldDef): [number, number] {
  const limit = f.type === 'amount' ? AMOUNT_LIMIT : NUMBER_LIMIT;
  return [f.minValue ?? -limit, f.maxValue ?? limit];
}

/** A value checked against its field, as stored; null: no value. */
function toStored(f: CustomFieldDef, value: CustomFieldValue, field: string): StoredValue | null {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  const invalid = () => new DomainError('custom_field_invalid', field, { label: f.labelNb, expectedNb: EXPECTED[f.type][0], expectedEn: EXPECTED[f.type][1] });
  switch (f.type) {
    case 'text':
      if (typeof value !== 'string') throw invalid();
      return { text: value.trim().slice(0, CUSTOM_TEXT_MAX), int: null };
    case 'number':
    case 'amount': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid();
      const [min, max] = bounds(f);
      if (value < min || value > max) {
        const show = (n: number) => (f.type === 'amount' ? formatAmount(n) : String(n));
        throw new DomainError('custom_field_out_of_range', field, { label: f.labelNb, min: show(min), max: show(max) });
      }
      return { text: null, int: value };
    }
    case 'date':
      if (typeof value !== 'string' || !isoDate.safeParse(value).success) throw invalid();
      return { text: value, int: null };
    case 'yesno':
      if (typeof value !== 'boolean') throw invalid();
      return { text: null, int: value ? 1 : 0 };
    case 'choice':
      if (typeof value !== 'string') throw invalid();
      if (!f.choices.some((c) => c.key === value)) {
        throw new DomainError('custom_field_choice_unknown', field, { label: f.labelNb, value: value.slice(0, 40) });
      }
      return { text: value, int: null };
    default: {
      const never: never = f.type;
      throw new Error(`unhandled custom field type ${String(never)}`);
    }
  }
}

const activeFields = (db: Db, entity: CustomFieldEntity) => listFieldDefs(db, { entity, includeInactive: false });

/**
 * Checks and stores a record's values: `values` is partial (a key left out keeps
 * its value, null empties it). Required fields must have a value when the record
 * is created, and whenever a save sends values (the forms always do); a change
 * that sends none (a status move) is not held up by a field made required later.
 * Every change is written to the record's activity log.
 */
export function saveCustomValues(
  ctx: HandlerContext,
  entity: CustomFieldEntity,
  recordId: number,
  values: CustomFieldValuesInput | undefined,
  opts: { creating: boolean; field?: string },
): void {
  if (values === undefined && !opts.creating) return;
  const prefix = opts.field ?? 'customFields';
  const fields = activeFields(ctx.db, entity);
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const stored = opts.creating ? new Map<number, StoredValue>() : storedValuesOf(ctx.db, entity, recordId);
  const next = new Map<number, StoredValue | null>();
  for (const [key, value] of Object.entries(values ?? {})) {
    const f = byKey.get(key);
    if (!f) throw new DomainError('custom_field_unknown', `${prefix}.${key}`, { key: key.slice(0, 40) });
    next.set(f.id, toStored(f, value, `${prefix}.${key}`));
  }
  for (const f of fields) {
    const v = next.has(f.id) ? next.get(f.id)! : (stored.get(f.id) ?? null);
    if (f.required && v === null) throw new DomainError('custom_field_required', `${prefix}.${f.key}`, { label: f.labelNb });
  }
  const before: Record<string, CustomFieldValue> = {};
  const after: Record<string, CustomFieldValue> = {};
  for (const f of fields) {
    if (!next.has(f.id)) continue;
    const old = stored.get(f.id);
    const now = next.get(f.id)!;
    if ((old?.text ?? null) === (now?.text ?? null) && (old?.int ?? null) === (now?.int ?? null)) continue;
    writeValue(ctx.db, f.id, recordId, now, f.type === 'text');
    before[f.key] = fromStored(f, old);
    after[f.key] = fromStored(f, now ?? undefined);
  }
  if (Object.keys(after).length > 0) {
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity, entityId: recordId, action: 'custom_fields', before, after });
  }
}

// ---- Definitions ---------------------------------------------------------------

export const listCustomFields = (db: Db, q: { entity?: CustomFieldEntity | undefined; includeInactive: boolean }) => listFieldDefs(db, q, { counts: true });

function fieldOrThrow(db: Db, id: number): CustomFieldDef {
  const f = getFieldDef(db, id);
  if (!f) throw new DomainError('not_found', 'id', { entity: 'spesialfelt', id });
  return f;
}

/** The choices with their keys: existing keys kept, new ones made from the label, none twice. */
function resolveChoices(input: ParsedInput): CustomFieldChoice[] {
  if (input.type !== 'choice') return [];
  if (input.choices.length === 0) throw new DomainError('custom_field_choices_required', 'choices');
  const keys = new Set<string>();
  const labels = new Set<string>();
  return input.choices.map((c, i) => {
    const label = foldText(c.labelNb);
    const key = c.key ?? uniqueKey((k) => keys.has(k) || input.choices.some((o) => o.key === k), keyFromLabel(c.labelNb));
    if (keys.has(key) || labels.has(label)) throw new DomainError('custom_field_duplicate_choice', `choices.${i}`, { choice: c.labelNb });
    keys.add(key);
    labels.add(label);
    return { key, labelNb: c.labelNb, labelEn: c.labelEn ?? null };
  });
}

/**
 * Creates or changes a field. Its type is fixed once any record has a value in
 * it: a value stored as one type is not a value of another (a number is not an
 * amount in øre, a text is not a date), and converting them silently would change
 * what the records say. A choice in use cannot be removed (it would leave records
 * with a value that is no choice); its label can change.
 */
export function saveCustomField(ctx: HandlerContext, input: ParsedInput): CustomFieldDef {
  const { db } = ctx;
  const at = ctx.now.toISOString();
  if (input.minValue != null && input.maxValue != null && input.minValue > input.maxValue) {
    throw new DomainError('custom_field_range_invalid', 'minValue');
  }
  const hasRange = input.type === 'number' || input.type === 'amount';
  const values = {
    type: input.type,
    labelNb: input.labelNb,
    labelEn: input.labelEn || null,
    required: input.required,
    active: input.active,
    listColumn: input.listColumn,
    minValue: hasRange ? (input.minValue ?? null) : null,
    maxValue: hasRange ? (input.maxValue ?? null) : null,
  };
  const choices = resolveChoices(input);
  if (input.id === undefined) {
    if (input.key !== undefined && fieldIdByKey(db, input.entity, input.key) !== null) {
      throw new DomainError('custom_field_duplicate_key', 'key', { key: input.key });
    }
    const key = input.key ?? uniqueKey((k) => fieldIdByKey(db, input.entity, k) !== null, keyFromLabel(input.labelNb));
    const id = insertFieldDef(db, input.entity, key, values, at);
    replaceChoices(db, id, choices);
    const created = fieldOrThrow(db, id);
    logActivity(db, { at, userId: ctx.userId, entity: 'company', entityId: id, action: 'custom_field_create', after: created });
    return created;
  }
  const before = fieldOrThrow(db, input.id);
  if (input.version === undefined) throw new DomainError('required', 'version');
  if (before.version !== input.version) throw new DomainError('version_conflict', 'version');
  if (before.entity !== input.entity || (input.key !== undefined && input.key !== before.key)) {
    throw new DomainError('custom_field_fixed', before.entity !== input.entity ? 'entity' : 'key');
  }
  if (before.type !== input.type && before.valueCount > 0) {
    throw new DomainError('custom_field_type_in_use', 'type', { label: before.labelNb, count: before.valueCount });
  }
  if (before.type === 'choice') {
    for (const old of before.choices) {
      if (choices.some((c) => c.key === old.key)) continue;
      const count = choiceUseCount(db, before.id, old.key);
      if (count > 0) throw new DomainError('custom_field_choice_in_use', 'choices', { choice: old.labelNb, count });
    }
  }
  updateFieldDef(db, before.id, values, at);
  replaceChoices(db, before.id, choices);
  const after = fieldOrThrow(db, before.id);
  logActivity(db, { at, userId: ctx.userId, entity: 'company', entityId: before.id, action: 'custom_field_update', before, after });
  return after;
}

export function reorderCustomFields(ctx: HandlerContext, entity: CustomFieldEntity, ids: readonly number[]): CustomFieldDef[] {
  const all = listFieldDefs(ctx.db, { entity, includeInactive: true });
  const given = new Set(ids);
  if (given.size !== ids.length || ids.length !== all.length || all.some((f) => !given.has(f.id))) {
    throw new DomainError('custom_field_reorder_incomplete', 'ids');
  }
  setFieldOrder(ctx.db, ids, ctx.now.toISOString());
  const after = listFieldDefs(ctx.db, { entity, includeInactive: true }, { counts: true });
  logActivity(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.userId,
    entity: 'company',
    entityId: 0,
    action: `custom_field_reorder_${entity}`,
    before: all.map((f) => f.key),
    after: after.map((f) => f.key),
  });
  return after;
}

export function deactivateCustomField(ctx: HandlerContext, id: number, version: number): CustomFieldDef {
  const before = fieldOrThrow(ctx.db, id);
  if (before.version !== version) throw new DomainError('version_conflict', 'version');
  if (!before.active) return before;
  setFieldActive(ctx.db, id, false, ctx.now.toISOString());
  const after = fieldOrThrow(ctx.db, id);
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'company', entityId: id, action: 'custom_field_deactivate', before, after });
  return after;
}
