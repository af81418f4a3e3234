// Export of a list to CSV or .xlsx (issue 13). The rows come from the list's own
// repository function, the one its paging channel calls (orders.list,
// customers.list, suppliers.list, products.list), with the clerk's search, sort
// and filter: the file holds the rows the clerk sees, in the same order.
//
// Reading: in batches of ORDER_LIST_MAX_BLOCK rows, each batch one short read
// transaction, the file written in between (handlers/types.ts BatchedReader),
// so a list of 100,000 orders never holds the engine for long: other calls get
// in between two batches. The order list pages by its keyset (the position cache
// of repos/orderList.ts), so each batch starts where the last one ended without
// re-reading the rows above; a write between two batches makes the next batch
// find its place by position, as the clerk's own scrolling would.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CustomFieldDef, CustomFieldValue } from '../../../shared/channels/customFields';
import type { ExportFormat, ExportedFile } from '../../../shared/channels/export';
import { ORDER_LIST_MAX_BLOCK, type OrderListInput } from '../../../shared/channels/orders';
import type { ProductListInput } from '../../../shared/channels/products';
import { formatOrgNumber } from '../../../shared/checks';
import { ORDER_TYPES, VAT_CODES, type Language } from '../../../shared/enums';
import type { HandlerContext } from '../context';
import {
  csvHeader,
  csvLine,
  exportFileName,
  listName,
  XLSX_FORMATS,
  xlsxValue,
  type CellKind,
  type CellValue,
  type ExportColumn,
} from '../domain/exportCells';
import { listCustomers } from '../repos/customers';
import { listFieldDefs } from '../repos/customFields';
import { listOrders } from '../repos/orderList';
import { listProducts } from '../repos/products';
import { listStatuses } from '../repos/statuses';
import { listSuppliers } from '../repos/suppliers';

export const EXPORT_BATCH = ORDER_LIST_MAX_BLOCK;
const WRITE_CHUNK = 250;

type Bilingual = Readonly<Record<Language, string>>;
const yesNo: Readonly<Record<Language, readonly [string, string]>> = { nb: ['Ja', 'Nei'], en: ['Yes', 'No'] };

/** A column: its header in both languages, its kind, and a width to start from (characters). */
const col = (nb: string, en: string, kind: CellKind, width: number) => ({ header: { nb, en } as Bilingual, kind, width });
type ColumnDef = ReturnType<typeof col>;

/** One list: its columns (as of the first batch) and its rows, batch by batch. */
export interface ListSource {
  /** Called in the first batch's read, before `next`. */
  columns(ctx: HandlerContext): readonly ExportColumn[];
  /** The next batch, or null when the list has ended. */
  next(ctx: HandlerContext): CellValue[][] | null;
}

const withHeaders = (defs: readonly ColumnDef[], lang: Language): ExportColumn[] =>
  defs.map((d) => ({ header: d.header[lang], kind: d.kind, width: d.width }));

/** Pages through a list that pages by offset (the registers), until a page comes back short. */
function offsetPages<R>(page: (ctx: HandlerContext, offset: number) => readonly R[], row: (r: R) => CellValue[]): ListSource['next'] {
  let offset = 0;
  let ended = false;
  return (ctx) => {
    if (ended) return null;
    const rows = page(ctx, offset);
    offset += rows.length;
    if (rows.length < EXPORT_BATCH) ended = true;
    return rows.map(row);
  };
}

// ---- the order list -------------------------------------------------------------

const ORDER_COLUMNS: readonly ColumnDef[] = [
  col('Ordrenr.', 'Order no.', 'int', 10),
  col('Ordredato', 'Order date', 'date', 11),
  col('Kunde', 'Customer', 'text', 30),
  col('Kundenr.', 'Customer no.', 'int', 10),
  col('Ordretype', 'Order type', 'text', 14),
  col('Status', 'Status', 'text', 16),
  col('Deres ref.', 'Your ref.', 'text', 16),
  col('Lev.dato', 'Delivery', 'date', 11),
  col('Netto', 'Net', 'amount', 14),
  col('Sum inkl. mva', 'Total incl. VAT', 'amount', 14),
  col('Fakturert', 'Invoiced', 'amount', 14),
  col('Tittel', 'Title', 'text', 20),
  col('Ansvarlig', 'Responsible', 'text', 10),
  col('Prosjekt', 'Project', 'int', 9),
];

const CUSTOM_KIND: Readonly<Record<CustomFieldDef['type'], CellKind>> = {
  text: 'text',
  choice: 'text',
  yesno: 'text',
  number: 'int',
  amount: 'amount',
  date: 'date',
};

function customCell(f: CustomFieldDef, v: CustomFieldValue | undefined, lang: Language): CellValue {
  if (v === null || v === undefined) return null;
  switch (f.type) {
    case 'choice': {
      const c = f.choices.find((ch) => ch.key === v);
      return c ? (lang === 'en' ? (c.labelEn ?? c.labelNb) : c.labelNb) : String(v);
    }
    case 'yesno':
      return v ? yesNo[lang][0] : yesNo[lang][1];
    case 'number':
    case 'amount':
      return typeof v === 'number' ? v : Number(v);
    default:
      return String(v);
  }
}

export type OrderExportQuery = Omit<OrderListInput, 'startRow' | 'endRow'> & {
  sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  filterModel: NonNullable<OrderListInput['filterModel']>;
};

function orderSource(q: OrderExportQuery, lang: Language): ListSource {
  let statuses = new Map<number, string>();
  let custom: CustomFieldDef[] = [];
  let start = 0;
  let ended = false;
  const typeLabel = new Map(ORDER_TYPES.map((t) => [t.id as number, t[lang]]));
  return {
    columns(ctx) {
      statuses = new Map(listStatuses(ctx.db, 'sales').map((s) => [s.id, lang === 'en' ? s.labelEn : s.labelNb]));
      // The custom fields the order list shows as columns (issue 12).
      custom = listFieldDefs(ctx.db, { entity: 'order', includeInactive: false }).filter((f) => f.listColumn);
      return [
        ...withHeaders(ORDER_COLUMNS, lang),
        ...custom.map((f) => ({ header: lang === 'en' ? (f.labelEn ?? f.labelNb) : f.labelNb, kind: CUSTOM_KIND[f.type], width: 14 })),
      ];
    },
    next(ctx) {
      if (ended) return null;
      // The paging channel's own function and block: same SQL, same order, same keyset.
      const page = listOrders(ctx.db, { ...q, startRow: start, endRow: start + EXPORT_BATCH }, ctx.dataVersion);
      start += page.rows.length;
      if (page.rows.length < EXPORT_BATCH || start >= page.rowCount) ended = true;
      return page.rows.map((r) => [
        r.number,
        r.orderDate,
        r.customerName,
        r.customerNumber,
        typeLabel.get(r.orderType) ?? String(r.orderType),
        statuses.get(r.statusId) ?? '',
        r.customerReference,
        r.deliveryDate,
        r.totalNetOre,
        r.totalGrossOre,
        r.invoicedNetOre,
        r.title,
        r.responsibleInitials,
        r.projectNumber,
        ...custom.map((f) => customCell(f, r.customFields[f.key], lang)),
      ]);
    },
  };
}

// ---- the registers ---------------------------------------------------------------

const CUSTOMER_COLUMNS: readonly ColumnDef[] = [
  col('Kundenr.', 'Cust. no.', 'int', 10),
  col('Navn', 'Name', 'text', 30),
  col('Type', 'Type', 'text', 9),
  col('Org.nr.', 'Org. no.', 'text', 12),
  col('Poststed', 'City', 'text', 16),
  col('Telefon', 'Phone', 'text', 15),
  col('Kredittgrense', 'Credit limit', 'amount', 14),
];
const PARTY_KIND: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  nb: { private: 'Privat', business: 'Bedrift' },
  en: { private: 'Private', business: 'Business' },
};

const SUPPLIER_COLUMNS: readonly ColumnDef[] = [
  col('Lev.nr.', 'Supp. no.', 'int', 10),
  col('Navn', 'Name', 'text', 30),
  col('Org.nr.', 'Org. no.', 'text', 12),
  col('Poststed', 'City', 'text', 16),
  col('Telefon', 'Phone', 'text', 15),
  col('Bet.frist', 'Terms', 'int', 9),
];

const PRODUCT_COLUMNS: readonly ColumnDef[] = [
  col('Varenr.', 'Product no.', 'text', 12),
  col('Navn', 'Name', 'text', 30),
  col('På lager', 'On hand', 'quantity', 10),
  col('Reservert', 'Reserved', 'quantity', 10),
  col('Disp.', 'Avail.', 'quantity', 10),
  col('Enhet', 'Unit', 'text', 7),
  col('Pris', 'Price', 'amount', 12),
  col('MVA', 'VAT', 'text', 8),
  col('Lager', 'Stock', 'text', 7),
  col('Lagerplass', 'Bin', 'text', 10),
  col('EAN', 'EAN', 'text', 15),
];

export type ProductExportQuery = Omit<ProductListInput, 'offset' | 'limit'>;

function listSource(q: ExportQuery): ListSource {
  const lang = q.language;
  switch (q.list) {
    case 'orders':
      return orderSource(q, lang);
    case 'customers':
      return {
        columns: () => withHeaders(CUSTOMER_COLUMNS, lang),
        next: offsetPages(
          (ctx, offset) => listCustomers(ctx.db, { search: q.search, offset, limit: EXPORT_BATCH }).rows,
          (r) => [r.number, r.name, PARTY_KIND[lang][r.kind] ?? r.kind, r.orgNumber ? formatOrgNumber(r.orgNumber) : null, r.city, r.phone, r.creditLimitOre],
        ),
      };
    case 'suppliers':
      return {
        columns: () => withHeaders(SUPPLIER_COLUMNS, lang),
        next: offsetPages(
          (ctx, offset) => listSuppliers(ctx.db, { search: q.search, offset, limit: EXPORT_BATCH }).rows,
          (r) => [r.number, r.name, r.orgNumber ? formatOrgNumber(r.orgNumber) : null, r.city, r.phone, r.paymentTermsDays],
        ),
      };
    case 'products':
      return {
        columns: () => withHeaders(PRODUCT_COLUMNS, lang),
        next: offsetPages(
          (ctx, offset) => listProducts(ctx.db, { ...q, offset, limit: EXPORT_BATCH }).rows,
          // Stock figures only for products that keep stock, as the list shows them.
          (r) => [
            r.number,
            r.name,
            r.stockManaged ? r.qtyOnHand : null,
            r.stockManaged ? r.qtyReserved : null,
            r.stockManaged ? r.qtyAvailable : null,
            r.unit,
            r.priceOre,
            VAT_CODES.find((v) => v.code === r.vatCode)?.short[lang] ?? r.vatCode,
            r.stockManaged ? yesNo[lang][0] : yesNo[lang][1],
            r.binLocation,
            r.ean,
          ],
        ),
      };
    default: {
      const never: never = q;
      throw new Error(`unhandled list ${String(never)}`);
    }
  }
}

// ---- the files ------------------------------------------------------------------

interface FileWriter {
  add(rows: readonly (readonly CellValue[])[]): void;
  finish(): Promise<Buffer>;
}

/** UTF-8 with BOM (Excel reads it as UTF-8 then), semicolons, CRLF. */
function csvWriter(columns: readonly ExportColumn[]): FileWriter {
  const lines = [`\uFEFF${csvHeader(columns)}`];
  return {
    add(rows) {
      for (const r of rows) lines.push(csvLine(columns, r));
    },
    finish: () => Promise.resolve(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')),
  };
}

const MAX_WIDTH = 50;

/** The width a value takes as shown (characters). */
function shownLength(kind: CellKind, v: CellValue): number {
  if (v === null) return 0;
  if (kind === 'date') return 10;
  if (kind === 'amount') return String(Math.round(Math.abs(Number(v)) / 100)).length * 1.35 + 4;
  return String(v).length;
}

/**
 * .xlsx through exceljs's streaming writer: rows are committed as they come, so a
 * big list is not held as a workbook in memory. Widths from the header and the
 * first batch; bold frozen header row; an autofilter over the whole list.
 */
function xlsxWriter(columns: readonly ExportColumn[], sheetName: string): FileWriter {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Ordrebok';
  const sheet = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  let rowCount = 0;
  let started = false;
  const start = (first: readonly (readonly CellValue[])[]) => {
    started = true;
    sheet.columns = columns.map((c, i) => ({
      header: c.header,
      width: Math.min(MAX_WIDTH, Math.max(c.width, c.header.length + 3, ...first.slice(0, 200).map((r) => shownLength(c.kind, r[i] ?? null) + 2))),
      style: XLSX_FORMATS[c.kind] ? { numFmt: XLSX_FORMATS[c.kind]! } : {},
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
  };
  return {
    add(rows) {
      if (!started) start(rows);
      for (const r of rows) {
        // Text stays a string cell (never a formula), whatever it starts with.
        const row = sheet.addRow(columns.map((c, i) => xlsxValue(c.kind, r[i] ?? null)));
        row.commit();
      }
      rowCount += rows.length;
    },
    async finish() {
      if (!started) start([]);
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rowCount + 1, column: columns.length } };
      sheet.commit();
      await wb.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

// ---- the export -----------------------------------------------------------------

export type ExportQuery =
  | (OrderExportQuery & { list: 'orders'; format: ExportFormat; language: Language })
  | { list: 'customers'; format: ExportFormat; language: Language; search?: string | undefined }
  | { list: 'suppliers'; format: ExportFormat; language: Language; search?: string | undefined }
  | (ProductExportQuery & { list: 'products'; format: ExportFormat; language: Language });

const MIME: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Lets other calls in between two batches. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `read` runs one short read transaction (handlers/types.ts BatchContext). */
export async function exportList(
  q: ExportQuery,
  read: <T>(work: (ctx: HandlerContext) => T) => T,
  today: string,
): Promise<ExportedFile> {
  const source = listSource(q);
  // The columns and the first batch in one read: a refused sort or filter is refused before any file is begun.
  const first = read((ctx) => ({ columns: source.columns(ctx), rows: source.next(ctx) }));
  const writer = q.format === 'csv' ? csvWriter(first.columns) : xlsxWriter(first.columns, listName(q.list, q.language));
  let rowCount = 0;
  for (let rows = first.rows; rows !== null; rows = read((ctx) => source.next(ctx))) {
    // Written a quarter batch at a time: exceljs takes a while per row, and other calls wait for the thread meanwhile.
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
      writer.add(rows.slice(i, i + WRITE_CHUNK));
      await yieldToOthers();
    }
    rowCount += rows.length;
    if (rows.length === 0) await yieldToOthers();
  }
  const bytes = await writer.finish();
  return { fileName: exportFileName(q.list, q.language, today, q.format), mime: MIME[q.format], contentBase64: bytes.toString('base64'), rowCount };
}
