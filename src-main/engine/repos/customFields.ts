// Custom field definitions and their typed values (migration 018).
import type {
  CustomFieldChoice,
  CustomFieldDef,
  CustomFieldEntity,
  CustomFieldType,
  CustomFieldValue,
  CustomFieldValues,
} from '../../../shared/channels/customFields';
import { stmt, type Db } from '../db/connection';
import { foldText } from '../domain/fold';

interface FieldRow {
  id: number;
  entity: CustomFieldEntity;
  key: string;
  type: CustomFieldType;
  label_nb: string;
  label_en: string | null;
  required: number;
  active: number;
  list_column: number;
  sort_order: number;
  min_value: number | null;
  max_value: number | null;
  version: number;
  value_count: number;
}

/** With the number of records holding a value (a count over the field's values: only where a screen shows it). */
const selectWith = (counts: boolean) =>
  `SELECT f.*, ${counts ? '(SELECT count(*) FROM custom_value v WHERE v.field_id = f.id)' : '0'} AS value_count FROM custom_field f`;

function choicesOf(db: Db, fieldId: number): CustomFieldChoice[] {
  return stmt(db, `SELECT key, label_nb AS labelNb, label_en AS labelEn FROM custom_field_choice WHERE field_id = ? ORDER BY sort_order`).all(
    fieldId,
  ) as CustomFieldChoice[];
}

function toDef(db: Db, r: FieldRow): CustomFieldDef {
  return {
    id: r.id,
    entity: r.entity,
    key: r.key,
    type: r.type,
    labelNb: r.label_nb,
    labelEn: r.label_en,
    required: r.required === 1,
    active: r.active === 1,
    listColumn: r.list_column === 1,
    sortOrder: r.sort_order,
    minValue: r.min_value,
    maxValue: r.max_value,
    choices: r.type === 'choice' ? choicesOf(db, r.id) : [],
    valueCount: r.value_count,
    version: r.version,
  };
}

export function listFieldDefs(
  db: Db,
  q: { entity?: CustomFieldEntity | undefined; includeInactive: boolean },
  opts: { counts: boolean } = { counts: false },
): CustomFieldDef[] {
  const rows = stmt(
    db,
    `${selectWith(opts.counts)} WHERE (@entity IS NULL OR f.entity = @entity) AND (@all = 1 OR f.active = 1) ORDER BY f.entity, f.sort_order, f.id`,
  ).all({ entity: q.entity ?? null, all: q.includeInactive ? 1 : 0 }) as FieldRow[];
  return rows.map((r) => toDef(db, r));
}

export function getFieldDef(db: Db, id: number): CustomFieldDef | null {
  const r = stmt(db, `${selectWith(true)} WHERE f.id = ?`).get(id) as FieldRow | undefined;
  return r ? toDef(db, r) : null;
}

export function fieldIdByKey(db: Db, entity: CustomFieldEntity, key: string): number | null {
  const r = stmt(db, 'SELECT id FROM custom_field WHERE entity = ? AND key = ?').get(entity, key) as { id: number } | undefined;
  return r?.id ?? null;
}

export interface FieldValues {
  readonly type: CustomFieldType;
  readonly labelNb: string;
  readonly labelEn: string | null;
  readonly required: boolean;
  readonly active: boolean;
  readonly listColumn: boolean;
  readonly minValue: number | null;
  readonly maxValue: number | null;
}

const flag = (b: boolean) => (b ? 1 : 0);

export function insertFieldDef(db: Db, entity: CustomFieldEntity, key: string, v: FieldValues, now: string): number {
  const next = stmt(db, 'SELECT coalesce(max(sort_order), 0) + 1 AS n FROM custom_field WHERE entity = ?').get(entity) as { n: number };
  return Number(
    stmt(
      db,
      `INSERT INTO custom_field (entity, key, type, label_nb, label_en, required, active, list_column, sort_order, min_value, max_value, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entity, key, v.type, v.labelNb, v.labelEn, flag(v.required), flag(v.active), flag(v.listColumn), next.n, v.minValue, v.maxValue, now, now)
      .lastInsertRowid,
  );
}

export function updateFieldDef(db: Db, id: number, v: FieldValues, now: string): void {
  stmt(
    db,
    `UPDATE custom_field SET type = ?, label_nb = ?, label_en = ?, required = ?, active = ?, list_column = ?, min_value = ?, max_value = ?,
       version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(v.type, v.labelNb, v.labelEn, flag(v.required), flag(v.active), flag(v.listColumn), v.minValue, v.maxValue, now, id);
}

export function setFieldActive(db: Db, id: number, active: boolean, now: string): void {
  stmt(db, 'UPDATE custom_field SET active = ?, version = version + 1, updated_at = ? WHERE id = ?').run(flag(active), now, id);
}

export function setFieldOrder(db: Db, ids: readonly number[], now: string): void {
  const update = stmt(db, 'UPDATE custom_field SET sort_order = ?, version = version + 1, updated_at = ? WHERE id = ? AND sort_order <> ?');
  ids.forEach((id, i) => update.run(i + 1, now, id, i + 1));
}

export function replaceChoices(db: Db, fieldId: number, choices: readonly CustomFieldChoice[]): void {
  stmt(db, 'DELETE FROM custom_field_choice WHERE field_id = ?').run(fieldId);
  const insert = stmt(
    db,
    'INSERT INTO custom_field_choice (field_id, key, label_nb, label_en, label_fold, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
  );
  choices.forEach((c, i) => insert.run(fieldId, c.key, c.labelNb, c.labelEn, foldText(c.labelNb), i + 1));
}

/** How many records hold this choice. */
export function choiceUseCount(db: Db, fieldId: number, key: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM custom_value WHERE field_id = ? AND text_value = ?').get(fieldId, key) as { n: number }).n;
}

// ---- Values ------------------------------------------------------------------

/** A value as stored: exactly one of the two columns is set. */
export interface StoredValue {
  readonly text: string | null;
  readonly int: number | null;
}

/** The stored values of one record, by field id. */
export function storedValuesOf(db: Db, entity: CustomFieldEntity, recordId: number): Map<number, StoredValue> {
  const rows = stmt(
    db,
    `SELECT v.field_id AS fieldId, v.text_value AS text, v.int_value AS int FROM custom_field f
     JOIN custom_value v ON v.field_id = f.id AND v.record_id = ? WHERE f.entity = ?`,
  ).all(recordId, entity) as { fieldId: number; text: string | null; int: number | null }[];
  return new Map(rows.map((r) => [r.fieldId, { text: r.text, int: r.int }]));
}

/** The stored values of many records (a list's rows), looked up by each field's key. */
export function storedValuesOfMany(db: Db, fieldIds: readonly number[], recordIds: readonly number[]): { fieldId: number; recordId: number; text: string | null; int: number | null }[] {
  if (fieldIds.length === 0 || recordIds.length === 0) return [];
  return stmt(
    db,
    `SELECT field_id AS fieldId, record_id AS recordId, text_value AS text, int_value AS int FROM custom_value
       WHERE field_id IN (SELECT value FROM json_each(?)) AND record_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(fieldIds), JSON.stringify(recordIds)) as { fieldId: number; recordId: number; text: string | null; int: number | null }[];
}

export function writeValue(db: Db, fieldId: number, recordId: number, v: StoredValue | null, fold: boolean): void {
  if (v === null) {
    stmt(db, 'DELETE FROM custom_value WHERE field_id = ? AND record_id = ?').run(fieldId, recordId);
    return;
  }
  stmt(
    db,
    `INSERT INTO custom_value (field_id, record_id, text_value, text_fold, int_value) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (field_id, record_id) DO UPDATE SET text_value = excluded.text_value, text_fold = excluded.text_fold, int_value = excluded.int_value`,
  ).run(fieldId, recordId, v.text, fold && v.text !== null ? foldText(v.text) : null, v.int);
}

// ---- Reading values as they travel ---------------------------------------------

/** A stored value as the record carries it (yes/no as a boolean). */
export function fromStored(f: CustomFieldDef, v: StoredValue | undefined): CustomFieldValue {
  if (!v) return null;
  switch (f.type) {
    case 'yesno':
      return v.int === 1;
    case 'number':
    case 'amount':
      return v.int;
    default:
      return v.text;
  }
}

const activeFields = (db: Db, entity: CustomFieldEntity) => listFieldDefs(db, { entity, includeInactive: false });

/** A record's values: every active field of its kind, null where it has none. */
export function customValuesOf(db: Db, entity: CustomFieldEntity, recordId: number): CustomFieldValues {
  const stored = storedValuesOf(db, entity, recordId);
  return Object.fromEntries(activeFields(db, entity).map((f) => [f.key, fromStored(f, stored.get(f.id))]));
}

/** List rows with their values (one query for the page, not one per row). */
export function withCustomValues<R extends { readonly id: number }>(db: Db, entity: CustomFieldEntity, rows: readonly R[]): (R & { customFields: CustomFieldValues })[] {
  const fields = activeFields(db, entity);
  const byRecord = new Map<number, Map<number, StoredValue>>();
  for (const v of storedValuesOfMany(db, fields.map((f) => f.id), rows.map((r) => r.id))) {
    let m = byRecord.get(v.recordId);
    if (!m) byRecord.set(v.recordId, (m = new Map()));
    m.set(v.fieldId, { text: v.text, int: v.int });
  }
  return rows.map((r) => ({ ...r, customFields: Object.fromEntries(fields.map((f) => [f.key, fromStored(f, byRecord.get(r.id)?.get(f.id))])) }));
}


/** The records of a kind with the date they belong to (an order's date), for the demo company's values. */
export function recordIdsOf(db: Db, entity: CustomFieldEntity): { id: number; date: string | null }[] {
  const sql: Readonly<Record<CustomFieldEntity, string>> = {
    order: `SELECT id, order_date AS date FROM order_header WHERE transaction_type = 'sales' ORDER BY id`,
    customer: `SELECT id, NULL AS date FROM party WHERE role = 'customer' ORDER BY id`,
    product: 'SELECT id, NULL AS date FROM product ORDER BY id',
    project: 'SELECT id, start_date AS date FROM project ORDER BY id',
  };
  return stmt(db, sql[entity]).all() as { id: number; date: string | null }[];
}
