// How a list's cells are written to an exported file (issue 13), as pure
// functions: CSV the way Norwegian Excel reads it (semicolons, decimal comma,
// dd.mm.yyyy), values for .xlsx typed (numbers as numbers, dates as dates), and
// the guard against formula injection: a text cell that a spreadsheet would
// take for a formula (= + - @, or a tab or carriage return first) is written as text.
import type { ExportFormat, ExportList } from '../../../shared/channels/export';
import type { Language } from '../../../shared/enums';

/** What a column holds: text; a whole number; øre shown as kroner; thousandths shown as units; an ISO date. */
export type CellKind = 'text' | 'int' | 'amount' | 'quantity' | 'date';
export type CellValue = string | number | null;

export interface ExportColumn {
  readonly header: string;
  readonly kind: CellKind;
  /** Width in characters, for the .xlsx sheet. */
  readonly width: number;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A text cell for CSV, guarded (an apostrophe first makes Excel keep it as text) and quoted when it must be. */
export function csvText(text: string): string {
  const guarded = looksLikeFormula(text) ? `'${text}` : text;
  return /[";\r\n]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** An integer in hundredths or thousandths as a decimal with a comma: 123450 øre → "1234,50"; no thousands separator, so Excel reads a number. */
function decimal(value: number, places: 2 | 3, trim: boolean): string {
  const scale = places === 2 ? 100 : 1000;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / scale);
  let frac = String(abs % scale).padStart(places, '0');
  if (trim) frac = frac.replace(/0+$/, '');
  return frac ? `${sign}${whole},${frac}` : `${sign}${whole}`;
}

/** "2026-12-04" → "04.12.2026". */
export function norwegianDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

export function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null || value === '') return '';
  switch (kind) {
    case 'text':
      return csvText(String(value));
    case 'int':
      return String(value);
    case 'amount':
      return decimal(Number(value), 2, false);
    case 'quantity':
      return decimal(Number(value), 3, true);
    case 'date':
      return norwegianDate(String(value));
    default: {
      const never: never = kind;
      throw new Error(`unhandled cell kind ${String(never)}`);
    }
  }
}

export function csvLine(columns: readonly ExportColumn[], values: readonly CellValue[]): string {
  return columns.map((c, i) => csvCell(c.kind, values[i] ?? null)).join(';');
}

/** The header row: always text, guarded like any text (a custom field may be named "=SUM"). */
export function csvHeader(columns: readonly ExportColumn[]): string {
  return columns.map((c) => csvText(c.header)).join(';');
}

/** The value .xlsx gets: numbers as numbers (kroner, units), dates as dates (UTC midnight: exceljs counts days in UTC), text as text. */
export function xlsxValue(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null || value === '') return null;
  switch (kind) {
    case 'text':
      return String(value);
    case 'int':
      return Number(value);
    case 'amount':
      return Number(value) / 100;
    case 'quantity':
      return Number(value) / 1000;
    case 'date': {
      const [y, m, d] = String(value).slice(0, 10).split('-').map(Number);
      return new Date(Date.UTC(y!, m! - 1, d!));
    }
    default: {
      const never: never = kind;
      throw new Error(`unhandled cell kind ${String(never)}`);
    }
  }
}

/**
 * Number formats as stored in the file: Excel shows them in the reader's own
 * locale, so `#,##0.00` reads "1 234,50" (# ##0,00) in Norwegian Excel.
 */
export const XLSX_FORMATS: Readonly<Record<CellKind, string | null>> = {
  text: '@',
  int: '0',
  amount: '#,##0.00',
  quantity: 'General',
  date: 'dd.mm.yyyy',
};

const LIST_NAMES: Readonly<Record<ExportList, Readonly<Record<Language, string>>>> = {
  orders: { nb: 'Ordrer', en: 'Orders' },
  customers: { nb: 'Kunder', en: 'Customers' },
  suppliers: { nb: 'Leverandører', en: 'Suppliers' },
  products: { nb: 'Produkter', en: 'Products' },
};

/** The sheet's name: the list's. */
export function listName(list: ExportList, lang: Language): string {
  return LIST_NAMES[list][lang];
}

/** "Ordrer 2026-12-04.xlsx". */
export function exportFileName(list: ExportList, lang: Language, today: string, format: ExportFormat): string {
  return `${listName(list, lang)} ${today}.${format}`;
}
