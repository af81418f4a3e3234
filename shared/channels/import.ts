// Import of customers, suppliers and products from CSV and .xlsx files (issue 13).
// The file's bytes cross as base64, as an attached file does (shared/channels/files.ts);
// the engine reads the file, maps its columns to the fields of the record kind, and
// checks every row with the create channel's own schema and the domain's checks.
import { z } from 'zod';
import { base64Bytes, MAX_FILE_BASE64, MAX_FILE_BYTES } from '../files';
import type { ErrorCode } from '../errors';
import { channel } from './common';

export const IMPORT_KINDS = ['customers', 'suppliers', 'products'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The fields a file's columns can go to, per kind (custom fields come on top, as `cf.<key>`). */
export const IMPORT_FIELDS = {
  customers: ['name', 'kind', 'orgNumber', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'country', 'paymentTermsDays', 'creditLimitOre', 'contactName'],
  suppliers: ['name', 'kind', 'orgNumber', 'email', 'phone', 'addressLine1', 'postalCode', 'city', 'country', 'paymentTermsDays', 'contactName'],
  products: ['number', 'name', 'unit', 'priceOre', 'costOre', 'vatCode', 'stockManaged', 'binLocation', 'ean', 'reorderPointQty', 'openingQty'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];

/** The built-in fields' names, for the engine's messages (the screen words them through its own i18n keys). */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, { readonly nb: string; readonly en: string }>> = {
  name: { nb: 'Navn', en: 'Name' },
  kind: { nb: 'Type', en: 'Kind' },
  orgNumber: { nb: 'Org.nr.', en: 'Org. no.' },
  email: { nb: 'E-post', en: 'E-mail' },
  phone: { nb: 'Telefon', en: 'Phone' },
  addressLine1: { nb: 'Adresse', en: 'Address' },
  postalCode: { nb: 'Postnr.', en: 'Postal code' },
  city: { nb: 'Poststed', en: 'City' },
  country: { nb: 'Land', en: 'Country' },
  paymentTermsDays: { nb: 'Betalingsfrist', en: 'Payment terms' },
  creditLimitOre: { nb: 'Kredittgrense', en: 'Credit limit' },
  contactName: { nb: 'Kontaktperson', en: 'Contact person' },
  number: { nb: 'Varenr.', en: 'Product no.' },
  unit: { nb: 'Enhet', en: 'Unit' },
  priceOre: { nb: 'Pris', en: 'Price' },
  costOre: { nb: 'Kostpris', en: 'Cost price' },
  vatCode: { nb: 'Mva-sats', en: 'VAT rate' },
  stockManaged: { nb: 'Lagerført', en: 'Stock-managed' },
  binLocation: { nb: 'Lagerplass', en: 'Bin location' },
  ean: { nb: 'EAN', en: 'EAN' },
  reorderPointQty: { nb: 'Bestillingspunkt', en: 'Reorder point' },
  openingQty: { nb: 'Inngående beholdning', en: 'Opening stock' },
};

/** A custom field's key as an import field. */
export const customImportField = (key: string): string => `cf.${key}`;

/** Field → the file's column (its header) or null: not imported. */
export type ImportMapping = Readonly<Record<string, string | null>>;

/** A field the screen can map a column to. */
export interface ImportFieldInfo {
  /** A key of IMPORT_FIELDS, or `cf.<key>` for a custom field. */
  readonly key: string;
  /** The row is refused without it. */
  readonly required: boolean;
  /** A custom field's own labels; null for the built-in fields (the screen words those). */
  readonly custom: { readonly labelNb: string; readonly labelEn: string | null } | null;
}

/** One problem in the file: the file's row (the header is row 1) and its column (the header's text). */
export interface ImportIssue {
  readonly row: number;
  readonly column: string | null;
  readonly field: string | null;
  readonly code: ErrorCode;
  readonly message: { readonly nb: string; readonly en: string };
}

export interface ImportFileFacts {
  readonly format: 'csv' | 'xlsx';
  /** CSV: how its bytes were read. */
  readonly encoding: 'utf-8' | 'utf-16le' | 'windows-1252' | null;
  readonly delimiter: ';' | ',' | '\t' | null;
  /** xlsx: the worksheet read (the first). */
  readonly sheet: string | null;
}

export interface ImportPreview extends ImportFileFacts {
  readonly kind: ImportKind;
  /** The file's column headers, in order. */
  readonly columns: readonly string[];
  readonly fields: readonly ImportFieldInfo[];
  /** The mapping checked: as given, remembered from the last import of the kind, or guessed from the headers. */
  readonly mapping: ImportMapping;
  readonly mappingSource: 'given' | 'remembered' | 'guessed';
  /** Data rows in the file (empty rows not counted). */
  readonly rowCount: number;
  /** The first rows as the file has them, one cell per column. */
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
  /** At most MAX_IMPORT_ISSUES, by row. */
  readonly errors: readonly ImportIssue[];
  readonly errorCount: number;
}

export interface ImportResult {
  /** Rows written: all of them, or 0 when any row had an error (then nothing was written). */
  readonly imported: number;
  readonly errors: readonly ImportIssue[];
  readonly errorCount: number;
  /** Customers and suppliers: the numbers the series gave, first and last. */
  readonly firstNumber: number | null;
  readonly lastNumber: number | null;
}

/** How many problems a preview or commit lists (the count says how many there are in all). */
export const MAX_IMPORT_ISSUES = 500;

/** A file name as the clerk's machine gave it: no folders, no control characters. */
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\\/\u0000-\u001f\u007f]/.test(s), { message: 'invalid_file_name' });

const base64 = z
  .string()
  .max(MAX_FILE_BASE64)
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), { message: 'invalid_base64' });

const mapping = z.record(z.string().max(50), z.string().trim().max(200).nullable()).refine((m) => Object.keys(m).length <= 200, { message: 'too_many_values' });

const fileFields = { kind: z.enum(IMPORT_KINDS), fileName, dataBase64: base64 };

const tooLarge = (v: { fileName: string; dataBase64: string }, ctx: z.RefinementCtx) => {
  const bytes = base64Bytes(v.dataBase64);
  if (bytes > MAX_FILE_BYTES) {
    ctx.addIssue({ code: 'custom', path: ['dataBase64'], message: 'file_too_large', params: { name: v.fileName, bytes, max: MAX_FILE_BYTES } });
  }
};

export const importPreviewInput = z
  .object({ ...fileFields, mapping: mapping.optional(), previewRows: z.number().int().min(0).max(200).default(50) })
  .strict()
  .superRefine(tooLarge);
export const importCommitInput = z
  .object({ ...fileFields, mapping })
  .strict()
  .superRefine(tooLarge);

export const importChannels = {
  /**
   * Reads the file and checks every row as the import would write it (in a
   * transaction that is rolled back), without writing anything.
   */
  'import.preview': channel<ImportPreview>()(importPreviewInput, { guards: ['set_credit_limit'] }),
  /** All rows or none: one transaction, numbers from the series, the mapping remembered. */
  'import.commit': channel<ImportResult>()(importCommitInput, { guards: ['set_credit_limit'] }),
};
