// Import of customers, suppliers and products (issue 13): every row of the file is
// checked as its create channel would check it — the channel's own zod schema
// (shared/channels/customers.ts …), the domain's checks (organisation numbers by
// MOD11 in the schema, product numbers and EANs unique, custom fields by their
// definitions) — and duplicates within the file and against the register. Rows
// that pass are written, each in a savepoint, so that what only the writing finds
// (a required custom field) is named too; one error anywhere and nothing is kept.
// Runs inside the handler's one transaction.
import { getCompany } from '../repos/company';
import type { CustomFieldDef } from '../../../shared/channels/customFields';
import { customerInput } from '../../../shared/channels/customers';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  MAX_IMPORT_ISSUES,
  customImportField,
  type ImportField,
  type ImportFieldInfo,
  type ImportIssue,
  type ImportKind,
  type ImportMapping,
} from '../../../shared/channels/import';
import { productInput } from '../../../shared/channels/products';
import { supplierInput } from '../../../shared/channels/suppliers';
import type { InvoiceMethod, Language } from '../../../shared/enums';
import { DomainError, errorData, type ErrorCode } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import {
  cellText,
  guessMapping,
  isBlank,
  parseDateCell,
  parsePartyKind,
  parseScaled,
  parseVatCode,
  parseYesNo,
  type Cell,
} from '../domain/importValues';
import { contactValues, partyValues } from '../handlers/parties';
import { foldText } from '../domain/fold';
import { logActivity } from '../repos/activity';
import { listFieldDefs } from '../repos/customFields';
import { insertCustomer } from '../repos/customers';
import { partyNumberByOrgNumber, rememberedMapping } from '../repos/importMappings';
import { nextNumber } from '../repos/numberSeries';
import { replaceContacts } from '../repos/parties';
import { findProductIdBy, insertProduct } from '../repos/products';
import { insertSupplier } from '../repos/suppliers';
import { issueToDomainError } from '../validation';
import { saveCustomValues } from './customFields';
import type { ImportTable } from './importRead';
import { receiveGoods } from './stock';

const ENTITY = { customers: 'customer', suppliers: null, products: 'product' } as const;
/** Without these a row is nothing: the file must have a column for each. */
const REQUIRED: Readonly<Record<ImportKind, readonly string[]>> = {
  customers: ['name'],
  suppliers: ['name'],
  products: ['number', 'name', 'priceOre'],
};

export interface ImportSetup {
  readonly fields: readonly ImportFieldInfo[];
  readonly customDefs: ReadonlyMap<string, CustomFieldDef>;
  /** The company's defaults for a new customer or supplier (issue 13), read once per file, as create gives them. */
  readonly partyDefaults: { readonly language: Language; readonly invoiceMethod: InvoiceMethod };
}

/** The fields of the kind a column can go to: the built-in ones and the kind's active custom fields. */
export function importSetup(db: Db, kind: ImportKind): ImportSetup {
  const entity = ENTITY[kind];
  const defs = entity ? listFieldDefs(db, { entity, includeInactive: false }) : [];
  const fields: ImportFieldInfo[] = [
    ...IMPORT_FIELDS[kind].map((key) => ({ key, required: REQUIRED[kind].includes(key), custom: null })),
    ...defs.map((d) => ({ key: customImportField(d.key), required: d.required, custom: { labelNb: d.labelNb, labelEn: d.labelEn } })),
  ];
  const company = getCompany(db);
  return {
    fields,
    customDefs: new Map(defs.map((d) => [customImportField(d.key), d])),
    partyDefaults: { language: company?.documentLanguage ?? 'nb', invoiceMethod: company?.defaultInvoiceMethod ?? 'print' },
  };
}

/**
 * The mapping to use: as given; else the one remembered from the last import of
 * the kind, for the columns this file has (a field it does not cover is guessed);
 * else guessed from the headers. Every field gets an entry (null: not imported).
 */
export function resolveMapping(
  db: Db,
  kind: ImportKind,
  setup: ImportSetup,
  columns: readonly string[],
  given: ImportMapping | undefined,
): { mapping: Record<string, string | null>; source: 'given' | 'remembered' | 'guessed' } {
  const custom = [...setup.customDefs.values()].map((d) => ({ key: d.key, labelNb: d.labelNb, labelEn: d.labelEn }));
  const guessed = guessMapping(kind, columns, custom);
  const all = (m: ImportMapping) => Object.fromEntries(setup.fields.map((f) => [f.key, m[f.key] ?? null]));
  if (given) {
    checkMapping(setup, columns, given);
    return { mapping: all(given), source: 'given' };
  }
  const remembered = rememberedMapping(db, kind);
  const present = new Set(columns);
  const kept = Object.entries(remembered ?? {}).filter(([, c]) => c !== null && present.has(c));
  if (kept.length === 0) return { mapping: all(guessed), source: 'guessed' };
  const used = new Set(kept.map(([, c]) => c));
  const mapping: Record<string, string | null> = {};
  for (const f of setup.fields) {
    const r = remembered?.[f.key];
    if (r !== undefined) mapping[f.key] = r !== null && present.has(r) ? r : null;
    else {
      const g = guessed[f.key] ?? null;
      mapping[f.key] = g !== null && !used.has(g) ? g : null;
    }
  }
  return { mapping, source: 'remembered' };
}

/** A mapping names only the kind's fields and the file's columns, each column once. */
export function checkMapping(setup: ImportSetup, columns: readonly string[], mapping: ImportMapping): void {
  const known = new Set(setup.fields.map((f) => f.key));
  const present = new Set(columns);
  const used = new Map<string, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) throw new DomainError('import_unknown_field', `mapping.${field.slice(0, 50)}`, { field: field.slice(0, 50) });
    if (column === null) continue;
    if (!present.has(column)) throw new DomainError('import_unknown_column', `mapping.${field}`, { column: column.slice(0, 100) });
    if (used.has(column)) throw new DomainError('import_column_twice', `mapping.${field}`, { column: column.slice(0, 100) });
    used.set(column, field);
  }
}

export interface ImportOutcome {
  readonly imported: number;
  readonly issues: readonly ImportIssue[];
  readonly errorCount: number;
  readonly firstNumber: number | null;
  readonly lastNumber: number | null;
}

/** A cell as text for a text field: a spreadsheet number without a decimal comma (an org. number, a phone). */
const str = (c: Cell): string => (typeof c === 'number' ? String(c) : (c ?? '')).trim();

const COUNTRIES: Readonly<Record<string, string>> = {
  norge: 'NO', noreg: 'NO', norway: 'NO', sverige: 'SE', sweden: 'SE', danmark: 'DK', denmark: 'DK', finland: 'FI', suomi: 'FI',
  island: 'IS', iceland: 'IS', tyskland: 'DE', germany: 'DE', storbritannia: 'GB', 'united kingdom': 'GB', polen: 'PL', poland: 'PL',
};

/** What a custom field's cell becomes, by the field's type; undefined when the cell is not of that type. */
function customValue(def: CustomFieldDef, c: Cell): string | number | boolean | undefined {
  switch (def.type) {
    case 'text':
      return str(c);
    case 'number':
      return parseScaled(c, 0) ?? undefined;
    case 'amount':
      return parseScaled(c, 2) ?? undefined;
    case 'date':
      return parseDateCell(c) ?? undefined;
    case 'yesno':
      return parseYesNo(c) ?? undefined;
    case 'choice': {
      // Folded as search is (domain/fold.ts): «ÅPEN» is the choice «Åpen».
      const s = foldText(str(c));
      const hit = def.choices.find((ch) => ch.key === s || foldText(ch.labelNb) === s || foldText(ch.labelEn ?? '') === s);
      return hit ? hit.key : str(c);
    }
    default: {
      const never: never = def.type;
      throw new Error(`unhandled custom field type ${String(never)}`);
    }
  }
}

const NOT_OF_TYPE: Readonly<Record<CustomFieldDef['type'], ErrorCode>> = {
  text: 'invalid_type',
  number: 'import_not_a_whole_number',
  amount: 'import_not_an_amount',
  date: 'invalid_date',
  yesno: 'import_not_yes_no',
  choice: 'invalid_choice',
};

/** The import field an error's input path concerns: `contacts.0.name` → contactName, `customFields.k` → cf.k. */
function importFieldOf(path: string | null): string | null {
  if (path === null) return null;
  const [head, second] = path.split('.');
  if (head === 'contacts') return 'contactName';
  if (head === 'customFields' && second) return customImportField(second);
  return head ?? null;
}

/**
 * Checks every row and writes those that pass. The caller rolls everything back
 * when errorCount > 0 (commit) or always (preview).
 */
export function importRows(ctx: HandlerContext, kind: ImportKind, table: ImportTable, mapping: ImportMapping, setup: ImportSetup, fileName: string): ImportOutcome {
  const { db } = ctx;
  const issues: ImportIssue[] = [];
  let errorCount = 0;
  /** The fields named in the current row. */
  const named = new Set<string>();
  const add = (row: number, field: string | null, e: { code: ErrorCode; params?: Readonly<Record<string, string | number>> }) => {
    errorCount++;
    if (field !== null) named.add(field);
    if (issues.length >= MAX_IMPORT_ISSUES) return;
    const d = errorData(e.code, field, e.params ?? {});
    issues.push({ row, column: field ? (mapping[field] ?? null) : null, field, code: d.code, message: d.message });
  };

  // A field the rows cannot do without, and no column for it: said once, for the header.
  const unmapped = setup.fields.filter((f) => f.required && !mapping[f.key]);
  for (const f of unmapped) {
    const label = f.custom ? { nb: f.custom.labelNb, en: f.custom.labelEn ?? f.custom.labelNb } : IMPORT_FIELD_LABELS[f.key as ImportField];
    add(table.headerRow, f.key, { code: 'import_field_unmapped', params: { fieldNb: label.nb, fieldEn: label.en } });
  }
  if (unmapped.length > 0) return { imported: 0, issues, errorCount, firstNumber: null, lastNumber: null };

  const index = new Map<string, number>();
  for (const [field, column] of Object.entries(mapping)) if (column !== null) index.set(field, table.columns.indexOf(column));
  const cellOf = (cells: readonly Cell[], field: string): Cell => {
    const i = index.get(field);
    return i === undefined || i < 0 ? null : (cells[i] ?? null);
  };

  // A credit limit is set by those who may decide over credit (SPEC 8): once for the file, not per row.
  if (kind === 'customers' && index.has('creditLimitOre') && table.rows.some((r) => !isBlank(cellOf(r.cells, 'creditLimitOre')))) {
    ctx.guard('set_credit_limit', 'mapping.creditLimitOre');
  }

  const seen = new Map<string, number>();
  const now = ctx.now.toISOString();
  const entity = ENTITY[kind];
  const hasCustom = setup.customDefs.size > 0;
  let imported = 0;
  let firstNumber: number | null = null;
  let lastNumber: number | null = null;

  for (const { row, cells } of table.rows) {
    const before = errorCount;
    named.clear();
    const get = (field: string) => cellOf(cells, field);
    const blank = (field: string) => isBlank(get(field));
    const input: Record<string, unknown> = {};
    const text = (field: string) => {
      if (!blank(field)) input[field] = str(get(field));
    };
    const scaled = (field: string, decimals: number, code: ErrorCode) => {
      if (blank(field)) return undefined;
      const v = parseScaled(get(field), decimals);
      if (v === null) add(row, field, { code, params: { decimals } });
      return v ?? undefined;
    };

    let openingQty: number | undefined;
    if (kind === 'products') {
      for (const f of ['number', 'name', 'binLocation', 'ean']) text(f);
      input.unit = blank('unit') ? 'stk' : str(get('unit'));
      const price = scaled('priceOre', 2, 'import_not_an_amount');
      if (price !== undefined) input.priceOre = price;
      const cost = scaled('costOre', 2, 'import_not_an_amount');
      if (cost !== undefined) input.costOre = cost;
      if (blank('vatCode')) input.vatCode = '25';
      else {
        const vat = parseVatCode(get('vatCode'));
        if (vat === null) add(row, 'vatCode', { code: 'import_unknown_vat', params: { value: cellText(get('vatCode')).slice(0, 20) } });
        else input.vatCode = vat;
      }
      if (blank('stockManaged')) input.stockManaged = true;
      else {
        const yes = parseYesNo(get('stockManaged'));
        if (yes === null) add(row, 'stockManaged', { code: 'import_not_yes_no' });
        else input.stockManaged = yes;
      }
      const reorder = scaled('reorderPointQty', 3, 'import_not_a_quantity');
      if (reorder !== undefined) input.reorderPointQty = reorder;
      openingQty = scaled('openingQty', 3, 'import_not_a_quantity');
    } else {
      for (const f of ['name', 'orgNumber', 'email', 'phone', 'addressLine1', 'city']) text(f);
      if (!blank('postalCode')) {
        const p = get('postalCode');
        // A spreadsheet keeps 0150 as the number 150.
        input.postalCode = typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 1000 ? String(p).padStart(4, '0') : str(p);
      }
      if (!blank('country')) {
        const c = str(get('country'));
        input.country = COUNTRIES[foldText(c)] ?? c.toUpperCase();
      }
      const terms = scaled('paymentTermsDays', 0, 'import_not_a_whole_number');
      if (terms !== undefined) input.paymentTermsDays = terms;
      if (kind === 'customers') {
        const limit = scaled('creditLimitOre', 2, 'import_not_an_amount');
        if (limit !== undefined) input.creditLimitOre = limit;
      }
      if (blank('kind')) input.kind = blank('orgNumber') ? 'private' : 'business';
      else {
        const k = parsePartyKind(get('kind'));
        if (k === null) add(row, 'kind', { code: 'import_unknown_party_kind', params: { value: cellText(get('kind')).slice(0, 20) } });
        else input.kind = k;
      }
      if (!blank('contactName')) input.contacts = [{ name: str(get('contactName')) }];
    }
    if (hasCustom) {
      const values: Record<string, string | number | boolean> = {};
      for (const [field, def] of setup.customDefs) {
        if (blank(field)) continue;
        const v = customValue(def, get(field));
        if (v === undefined) add(row, field, { code: NOT_OF_TYPE[def.type], params: { label: def.labelNb } });
        else values[def.key] = v;
      }
      if (Object.keys(values).length > 0) input.customFields = values;
    }

    // The create channel's own schema, every issue of the row named.
    const schema = kind === 'customers' ? customerInput : kind === 'suppliers' ? supplierInput : productInput;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const e = issueToDomainError(issue, input).data;
        const field = importFieldOf(e.field);
        // A cell already named as unreadable is not named again as missing.
        if (field !== null && named.has(field)) continue;
        add(row, field, e);
      }
      continue;
    }
    if (errorCount > before) continue;

    // Duplicates within the file and against the register.
    const data = parsed.data as Record<string, unknown>;
    /** Unique within the file; true for the value's first row, which alone is checked against the register (the first row is written by then). */
    const unique = (field: string, value: string): boolean => {
      const key = `${field}:${value}`;
      const first = seen.get(key);
      if (first !== undefined) add(row, field, { code: 'import_duplicate_in_file', params: { value, row: first } });
      else seen.set(key, row);
      return first === undefined;
    };
    if (kind === 'products') {
      const number = data.number as string;
      if (unique('number', number) && findProductIdBy(db, 'number', number) !== null) add(row, 'number', { code: 'duplicate_product_number', params: { value: number } });
      const ean = data.ean as string | null | undefined;
      if (ean) {
        if (unique('ean', ean) && findProductIdBy(db, 'ean', ean) !== null) add(row, 'ean', { code: 'duplicate_ean', params: { value: ean } });
      }
      if (openingQty !== undefined && openingQty !== 0) {
        if (openingQty < 0) add(row, 'openingQty', { code: 'too_small', params: { min: 0 } });
        else if (!data.stockManaged) add(row, 'openingQty', { code: 'import_stock_not_managed' });
        else if (data.costOre == null) add(row, 'costOre', { code: 'import_cost_required' });
      }
    } else {
      const org = data.orgNumber as string | null | undefined;
      if (org) {
        const existing = unique('orgNumber', org) ? partyNumberByOrgNumber(db, kind === 'customers' ? 'customer' : 'supplier', org) : null;
        if (existing !== null) add(row, 'orgNumber', { code: 'import_org_number_exists', params: { value: org, number: existing } });
      }
    }
    if (errorCount > before) continue;

    // Written in a savepoint: what only the writing finds is named, and the row is undone.
    try {
      db.transaction(() => {
        const written = writeRow(ctx, kind, data, openingQty ?? 0, fileName, row, now, setup.partyDefaults);
        if (entity && hasCustom) saveCustomValues(ctx, entity, written.id, data.customFields as Record<string, string | number | boolean> | undefined, { creating: true });
        if (written.number !== null) {
          firstNumber ??= written.number;
          lastNumber = written.number;
        }
      })();
      imported++;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      add(row, importFieldOf(err.data.field), err.data);
    }
  }
  issues.sort((a, b) => a.row - b.row);
  return errorCount > 0 ? { imported: 0, issues, errorCount, firstNumber: null, lastNumber: null } : { imported, issues, errorCount, firstNumber, lastNumber };
}

function writeRow(
  ctx: HandlerContext,
  kind: ImportKind,
  data: Record<string, unknown>,
  openingQty: number,
  fileName: string,
  row: number,
  now: string,
  defaults: ImportSetup['partyDefaults'],
): { id: number; number: number | null } {
  const { db, userId } = ctx;
  const source = { file: fileName, row };
  if (kind === 'products') {
    const v = {
      number: data.number as string,
      name: data.name as string,
      unit: data.unit as string,
      priceOre: data.priceOre as number,
      costOre: (data.costOre as number | null | undefined) ?? null,
      vatCode: data.vatCode as '25',
      stockManaged: data.stockManaged as boolean,
      binLocation: (data.binLocation as string | null | undefined) || null,
      ean: (data.ean as string | null | undefined) || null,
      active: data.active as boolean,
      supplierId: null,
      reorderPointQty: (data.reorderPointQty as number | null | undefined) ?? null,
    };
    const id = insertProduct(db, v, now);
    logActivity(db, { at: now, userId, entity: 'product', entityId: id, action: 'import', after: { ...v, ...source } });
    // Opening stock as a receipt at its cost, through the stock service (on hand = movements = batches).
    if (openingQty > 0) receiveGoods(ctx, id, openingQty, v.costOre ?? 0, 'receipt', { note: `Import: ${fileName}`.slice(0, 200), source: 'manual' });
    return { id, number: null };
  }
  const party = partyValues(db, data as unknown as Parameters<typeof partyValues>[1]);
  const contacts = contactValues((data.contacts as { name: string }[] | undefined) ?? []);
  if (kind === 'customers') {
    const number = nextNumber(db, 'customer');
    const v = {
      ...party,
      creditLimitOre: (data.creditLimitOre as number | null | undefined) ?? null,
      cardSurchargeBp: (data.cardSurchargeBp as number | undefined) ?? 0,
      invoiceCustomerId: null,
      language: (data.language as Language | undefined) ?? defaults.language,
      invoiceMethod: defaults.invoiceMethod,
    };
    const id = insertCustomer(db, number, v, now);
    replaceContacts(db, id, contacts);
    logActivity(db, { at: now, userId, entity: 'customer', entityId: id, action: 'import', after: { number, ...v, contacts, ...source } });
    return { id, number };
  }
  const number = nextNumber(db, 'supplier');
  const id = insertSupplier(db, number, party, now, defaults.language);
  replaceContacts(db, id, contacts);
  logActivity(db, { at: now, userId, entity: 'supplier', entityId: id, action: 'import', after: { number, ...party, contacts, ...source } });
  return { id, number };
}
