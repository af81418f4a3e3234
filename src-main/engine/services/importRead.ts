// Reading an import file (issue 13) into a table of cells: .xlsx through exceljs
// (a well-kept library for Office Open XML, not a hand-written zip/XML parser),
// anything else as CSV (domain/importCsv.ts). This runs BEFORE the handler's
// transaction (handlers/types.ts Handler.prepare), because exceljs reads
// asynchronously; it touches no database.
import ExcelJS from 'exceljs';
import type { ImportFileFacts } from '../../../shared/channels/import';
import { DomainError } from '../../../shared/errors';
import { decodeText, detectDelimiter, parseCsv } from '../domain/importCsv';
import { isBlank, type Cell } from '../domain/importValues';
import { foldText } from '../domain/fold';

export interface ImportTable extends ImportFileFacts {
  /** The header row's texts (an empty header becomes "Kolonne C"; a repeated one gets " (2)"). */
  readonly columns: readonly string[];
  /** The header's row in the file. */
  readonly headerRow: number;
  /** The data rows that are not empty, by the file's own row number (the header is row 1 unless rows above it are empty). */
  readonly rows: readonly { readonly row: number; readonly cells: readonly Cell[] }[];
}

/** The most data rows a file may hold (a file above it is refused, not cut short). */
export const MAX_IMPORT_ROWS = 100_000;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);

export async function readImportFile(fileName: string, dataBase64: string): Promise<ImportTable> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new DomainError('import_file_empty', 'dataBase64', { name: fileName });
  if (startsWith(bytes, OLE)) throw new DomainError('import_xls_not_supported', 'dataBase64', { name: fileName });
  if (startsWith(bytes, ZIP)) return readXlsx(fileName, bytes);
  if (/\.xlsx$/i.test(fileName)) throw new DomainError('import_file_unreadable', 'dataBase64', { name: fileName });
  const { text, encoding } = decodeText(bytes);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) throw new DomainError('import_file_unreadable', 'dataBase64', { name: fileName });
  const delimiter = detectDelimiter(text);
  const records = parseCsv(text, delimiter);
  // A record's row is its place among the records, as a spreadsheet opening the file numbers it (a quoted line break stays in its row).
  return table(fileName, records.map((cells, i) => ({ row: i + 1, cells })), { format: 'csv', encoding, delimiter, sheet: null });
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<ImportTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('import_file_unreadable', 'dataBase64', { name: fileName });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new DomainError('import_file_empty', 'dataBase64', { name: fileName });
  const rows: { row: number; cells: Cell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const values = r.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let c = 1; c < values.length; c++) cells.push(xlsxCell(values[c]));
    rows.push({ row: rowNumber, cells });
  });
  return table(fileName, rows, { format: 'xlsx', encoding: null, delimiter: null, sheet: ws.name });
}

/** A spreadsheet cell as text or number: a formula by its result, a date as ISO, rich text as its text. */
function xlsxCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'ja' : 'nei';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : null;
  if ('error' in v) return v.error;
  if ('result' in v) return v.result === undefined ? null : xlsxCell(v.result);
  return null;
}

const columnLetter = (i: number): string => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

function table(fileName: string, all: readonly { row: number; cells: readonly Cell[] }[], facts: ImportFileFacts): ImportTable {
  const nonEmpty = all.filter((r) => r.cells.some((c) => !isBlank(c)));
  const head = nonEmpty[0];
  if (!head) throw new DomainError('import_file_empty', 'dataBase64', { name: fileName });
  const body = nonEmpty.slice(1);
  // Headers and no rows under them: nothing to import.
  if (body.length === 0) throw new DomainError('import_file_empty', 'dataBase64', { name: fileName });
  if (body.length > MAX_IMPORT_ROWS) throw new DomainError('import_too_many_rows', 'dataBase64', { rows: body.length, max: MAX_IMPORT_ROWS });
  const width = body.reduce((w, r) => Math.max(w, r.cells.length), head.cells.length);
  const seen = new Map<string, number>();
  const columns: string[] = [];
  for (let i = 0; i < width; i++) {
    const h = head.cells[i];
    const base = isBlank(h ?? null) ? `Kolonne ${columnLetter(i)}` : String(h).trim();
    const n = (seen.get(foldText(base)) ?? 0) + 1;
    seen.set(foldText(base), n);
    columns.push(n === 1 ? base : `${base} (${n})`);
  }
  const rows = body.map((r) => ({ row: r.row, cells: columns.map((_, i) => r.cells[i] ?? null) }));
  return { ...facts, columns, headerRow: head.row, rows };
}
