// Issue 13, export: the lists to CSV and .xlsx through export.list, read back
// (the .xlsx with exceljs): header, rows, Norwegian letters, typed numbers and
// dates, the order list's filter, sort, search and tab applied (compared with
// the paging channel's own rows), formula injection guarded, and the login the
// lists need. The order list of the demo company gets 1,100 more orders (header
// rows written straight into the file) so that the export reads several batches.
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/catalog';
import type { ExportedFile } from '../../shared/channels/export';
import type { OrderListInput } from '../../shared/channels/orders';
import { openEngine } from '../../src-main/engine';
import { EXPORT_BATCH } from '../../src-main/engine/services/listExport';
import { FIXED_NOW, makeEngine, type TestEngine } from '../helpers/engine';

const EXTRA_ORDERS = 1_100;
const INJECTED = '=HYPERLINK("http://x.example";"Klikk her")';
let template = '';
let templateDir = '';
let t: TestEngine;

beforeAll(async () => {
  templateDir = mkdtempSync(join(tmpdir(), 'ordrebok-export-'));
  template = join(templateDir, 'mal.ordrebok');
  const setup = await openEngine({ file: template, clock: () => FIXED_NOW });
  const must = async (channel: Parameters<typeof setup.call>[0], input: unknown) => {
    const r = await setup.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as { id: number };
  };
  await must('system.createDemo', { orders: 40 });
  // Text a spreadsheet would take for a formula, in a name, a reference and a title.
  const evil = await must('customers.create', { kind: 'private', name: INJECTED, phone: '+47 412 34 567' });
  const products = await setup.call('products.list', {});
  if (!products.ok) throw new Error('products.list');
  await must('orders.create', {
    header: { customerId: evil.id, orderType: 1, customerReference: '-2+3', title: '@SUM(A1:A9)' },
    lines: [{ productId: products.value.rows[0]!.id, quantity: 1_000, unitPriceOre: 123_450 }],
  });
  setup.close();
  // More orders, header rows only (the list reads headers alone), across customers, statuses and days.
  const db = new Database(template);
  const customers = db.prepare(`SELECT id, number, name, name_sort FROM party WHERE role = 'customer' ORDER BY id`).all() as {
    id: number;
    number: number;
    name: string;
    name_sort: string;
  }[];
  const statuses = (db.prepare(`SELECT id FROM status WHERE transaction_type = 'sales' ORDER BY id`).all() as { id: number }[]).map((s) => s.id);
  const first = (db.prepare(`SELECT max(number) AS n FROM order_header WHERE transaction_type = 'sales'`).get() as { n: number }).n + 1;
  const insert = db.prepare(
    `INSERT INTO order_header (transaction_type, number, order_type, status_id, party_id, customer_number, customer_name, customer_sort,
       order_date, payment_terms_days, total_net_ore, total_gross_ore, created_at, updated_at)
     VALUES ('sales', ?, 1, ?, ?, ?, ?, ?, ?, 14, ?, ?, '2024-06-01', '2024-06-01')`,
  );
  db.transaction(() => {
    for (let i = 0; i < EXTRA_ORDERS; i++) {
      const c = customers[i % customers.length]!;
      const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const net = 10_000 + ((i * 7919) % 900_000);
      insert.run(first + i, statuses[i % statuses.length], c.id, c.number, c.name, c.name_sort, day, net, Math.round(net * 1.25));
    }
  })();
  db.close();
  t = await makeEngine({ copyOf: template });
}, 120_000);

afterAll(() => {
  t?.close();
  rmSync(templateDir, { recursive: true, force: true });
});

const exportOf = (input: ChannelInput<'export.list'>) => t.ok('export.list', input);
const bytesOf = (f: ExportedFile) => Buffer.from(f.contentBase64, 'base64');

/** RFC 4180 with semicolons, as the test's own reader (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) throw new Error('the file does not end with CRLF');
  return rows;
}

function csvOf(f: ExportedFile): { header: string[]; rows: string[][]; raw: Buffer } {
  const raw = bytesOf(f);
  const [header, ...rows] = parseCsv(raw.subarray(3).toString('utf8'));
  return { header: header!, rows, raw };
}

async function sheetOf(f: ExportedFile): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytesOf(f) as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

/** Every order number of orders.list for the query, block by block as the grid pages it. */
async function listedNumbers(q: Omit<OrderListInput, 'startRow' | 'endRow'>): Promise<number[]> {
  const out: number[] = [];
  for (let start = 0; ; start += 1000) {
    const page = await t.ok('orders.list', { ...q, startRow: start, endRow: start + 1000 });
    out.push(...page.rows.map((r) => r.number));
    if (out.length >= page.rowCount || page.rows.length === 0) return out;
  }
}

const ORDER_HEADER = ['Ordrenr.', 'Ordredato', 'Kunde', 'Kundenr.', 'Ordretype', 'Status', 'Deres ref.', 'Lev.dato', 'Netto', 'Sum inkl. mva', 'Fakturert', 'Tittel', 'Ansvarlig', 'Prosjekt'];

describe('the order list to CSV', () => {
  it('holds every order in the list, in its order, across several batches, named in Norwegian with the date', async () => {
    const f = await exportOf({ list: 'orders', format: 'csv' });
    const listed = await listedNumbers({});
    expect(listed.length).toBeGreaterThan(EXPORT_BATCH);
    expect(f.fileName).toBe('Ordrer 2025-01-05.csv');
    expect(f.mime).toBe('text/csv');
    expect(f.rowCount).toBe(listed.length);
    const { header, rows, raw } = csvOf(f);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header.slice(0, ORDER_HEADER.length)).toEqual(ORDER_HEADER);
    // The demo company's order fields shown as list columns come after (issue 12).
    const listColumns = (await t.ok('customFields.list', { entity: 'order' })).filter((d) => d.listColumn).map((d) => d.labelNb);
    expect(listColumns.length).toBeGreaterThan(0);
    expect(header.slice(ORDER_HEADER.length)).toEqual(listColumns);
    expect(rows.map((r) => Number(r[0]))).toEqual(listed);
  });

  it('writes amounts with a decimal comma, dates as dd.mm.yyyy, labels in Norwegian, and guards formulas', async () => {
    const f = await exportOf({ list: 'orders', format: 'csv', search: 'HYPERLINK' });
    const { rows } = csvOf(f);
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r[1]).toBe('05.01.2025');
    // An apostrophe first: Excel keeps the cell as text instead of running it.
    expect(r[2]).toBe(`'${INJECTED}`);
    expect(r[4]).toBe('Normal');
    expect(r[6]).toBe("'-2+3");
    const listed = (await t.ok('orders.list', { startRow: 0, endRow: 10, search: 'HYPERLINK' })).rows[0]!;
    expect(listed.totalNetOre).toBe(123_450);
    expect(r[8]).toBe('1234,50');
    expect(r[9]).toBe(`${Math.floor(listed.totalGrossOre / 100)},${String(listed.totalGrossOre % 100).padStart(2, '0')}`);
    expect(r[11]).toBe("'@SUM(A1:A9)");
    const all = csvOf(await exportOf({ list: 'orders', format: 'csv' })).raw.toString('utf8');
    expect(all).toMatch(/[æøåÆØÅ]/);
    expect(all).not.toContain('Ã');
  });

  it('applies the tab, filters, sort and search of the order list exactly as orders.list does', async () => {
    const statuses = await t.ok('statuses.list', {});
    const queries: Omit<OrderListInput, 'startRow' | 'endRow'>[] = [
      { sortModel: [{ colId: 'customerName', sort: 'asc' }] },
      { statusId: statuses.find((s) => s.kind === 'confirmed')!.id, sortModel: [{ colId: 'orderDate', sort: 'desc' }] },
      { filterModel: { totalNetOre: { filterType: 'number', type: 'greaterThan', filter: 500_000 } }, sortModel: [{ colId: 'totalNetOre', sort: 'asc' }] },
      { filterModel: { orderDate: { filterType: 'date', type: 'inRange', dateFrom: '2024-03-01', dateTo: '2024-05-31' } } },
      { filterModel: { customerName: { filterType: 'text', type: 'contains', filter: 'bygg' } }, sortModel: [{ colId: 'deliveryDate', sort: 'asc' }, { colId: 'number', sort: 'asc' }] },
      { search: 'Bergen' },
    ];
    for (const q of queries) {
      const listed = await listedNumbers(q);
      expect(listed.length, JSON.stringify(q)).toBeGreaterThan(0);
      const csv = csvOf(await exportOf({ list: 'orders', format: 'csv', ...q } as ChannelInput<'export.list'>));
      expect(csv.rows.map((r) => Number(r[0])), JSON.stringify(q)).toEqual(listed);
      const sheet = await sheetOf(await exportOf({ list: 'orders', format: 'xlsx', ...q } as ChannelInput<'export.list'>));
      const numbers: number[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) numbers.push(row.getCell(1).value as number);
      });
      expect(numbers, JSON.stringify(q)).toEqual(listed);
    }
  });

  it('refuses a sort column the list does not know, as orders.list does, before any file is made', async () => {
    const e = await t.refused('export.list', { list: 'orders', format: 'csv', sortModel: [{ colId: 'number; DROP TABLE party', sort: 'asc' }] });
    expect(e.code).toBe('invalid_sort_column');
    expect(e.field).toBe('sortModel.0.colId');
  });

  it('lets other calls in between its batches', async () => {
    let settled = false;
    const running = t.engine.call('export.list', { list: 'orders', format: 'csv' }).then((r) => {
      settled = true;
      return r;
    });
    // Answered while the export is still reading its batches.
    await t.ok('statuses.list', {});
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect((await running).ok).toBe(true);
  });
});

describe('the order list to .xlsx', () => {
  it('has the sheet named after the list, a bold frozen header with an autofilter, typed numbers and dates, and text kept as text', async () => {
    const f = await exportOf({ list: 'orders', format: 'xlsx', sortModel: [{ colId: 'number', sort: 'desc' }] });
    expect(f.fileName).toBe('Ordrer 2025-01-05.xlsx');
    expect(f.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheet = await sheetOf(f);
    expect(sheet.name).toBe('Ordrer');
    expect(sheet.rowCount).toBe(f.rowCount + 1);
    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1, ORDER_HEADER.length + 1)).toEqual(ORDER_HEADER);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    for (let c = 1; c <= ORDER_HEADER.length; c++) {
      const width = sheet.getColumn(c).width ?? 0;
      expect(width).toBeGreaterThanOrEqual(ORDER_HEADER[c - 1]!.length);
      expect(width).toBeLessThanOrEqual(50);
    }
    // The order made with formula-like text.
    let at = 0;
    sheet.getColumn(3).eachCell((cell, n) => {
      if (cell.value === INJECTED) at = n;
    });
    const row = sheet.getRow(at);
    const listed = (await t.ok('orders.list', { startRow: 0, endRow: 10, search: 'HYPERLINK' })).rows[0]!;
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2025, 0, 5)));
    expect(row.getCell(2).numFmt).toBe('dd.mm.yyyy');
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).value).toBe(INJECTED);
    expect(row.getCell(7).value).toBe('-2+3');
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(12).value).toBe('@SUM(A1:A9)');
    expect(row.getCell(9).value).toBe(1234.5);
    expect(row.getCell(9).numFmt).toBe('#,##0.00');
    expect(row.getCell(10).value).toBe(listed.totalGrossOre / 100);
    // The rows in the list's order, newest number first.
    expect(row.getCell(1).value).toBe(listed.number);
    expect(sheet.getRow(2).getCell(1).value).toBe((await t.ok('orders.list', { startRow: 0, endRow: 1 })).rows[0]!.number);
    // Norwegian letters intact somewhere among the customer names.
    const names: string[] = [];
    sheet.getColumn(3).eachCell((cell) => {
      names.push(String(cell.value));
    });
    expect(names.some((n) => /[æøåÆØÅ]/.test(n))).toBe(true);
    // No cell anywhere is a formula.
    let formulas = 0;
    sheet.eachRow((r) =>
      r.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas++;
      }),
    );
    expect(formulas).toBe(0);
  });
});

describe('the registers', () => {
  it('exports customers as the customer list has them, with the search applied', async () => {
    const list = await t.ok('customers.list', { limit: 500 });
    const f = await exportOf({ list: 'customers', format: 'csv' });
    expect(f.fileName).toBe('Kunder 2025-01-05.csv');
    const { header, rows } = csvOf(f);
    expect(header).toEqual(['Kundenr.', 'Navn', 'Type', 'Org.nr.', 'Poststed', 'Telefon', 'Kredittgrense']);
    expect(rows.map((r) => Number(r[0]))).toEqual(list.rows.map((r) => r.number));
    const evil = rows.find((r) => r[1] === `'${INJECTED}`)!;
    expect(evil[5]).toBe("'+47 412 34 567");
    const searched = await t.ok('customers.list', { search: 'bergen' });
    expect(searched.total).toBeGreaterThan(0);
    const sheet = await sheetOf(await exportOf({ list: 'customers', format: 'xlsx', search: 'bergen' }));
    expect(sheet.name).toBe('Kunder');
    expect(sheet.rowCount - 1).toBe(searched.total);
    expect(sheet.getRow(2).getCell(2).value).toBe(searched.rows[0]!.name);
    const withLimit = searched.rows.find((r) => r.creditLimitOre !== null);
    if (withLimit) {
      const i = searched.rows.indexOf(withLimit);
      expect(sheet.getRow(2 + i).getCell(7).value).toBe(withLimit.creditLimitOre! / 100);
    }
  });

  it('exports suppliers in English when asked', async () => {
    const list = await t.ok('suppliers.list', {});
    const f = await exportOf({ list: 'suppliers', format: 'xlsx', language: 'en' });
    expect(f.fileName).toBe('Suppliers 2025-01-05.xlsx');
    const sheet = await sheetOf(f);
    expect(sheet.name).toBe('Suppliers');
    expect(sheet.getRow(1).getCell(2).value).toBe('Name');
    expect(sheet.rowCount - 1).toBe(list.total);
    expect(sheet.getRow(2).getCell(2).value).toBe(list.rows[0]!.name);
  });

  it('exports products with stock in units, sorted and filtered as the product list', async () => {
    const q = { sort: { colId: 'qtyAvailable', dir: 'desc' }, filters: { qtyOnHand: { filterType: 'number', type: 'greaterThan', filter: 1_000 } } } as const;
    const list = await t.ok('products.list', { ...q, limit: 500 });
    expect(list.total).toBeGreaterThan(1);
    const f = await exportOf({ list: 'products', format: 'csv', ...q });
    expect(f.fileName).toBe('Produkter 2025-01-05.csv');
    const { header, rows } = csvOf(f);
    expect(header.slice(0, 3)).toEqual(['Varenr.', 'Navn', 'På lager']);
    expect(rows.map((r) => r[0])).toEqual(list.rows.map((r) => r.number));
    const p = list.rows[0]!;
    expect(rows[0]![2]).toBe(String(p.qtyOnHand / 1000).replace('.', ','));
    expect(rows[0]![6]).toBe((p.priceOre / 100).toFixed(2).replace('.', ','));
    const sheet = await sheetOf(await exportOf({ list: 'products', format: 'xlsx', ...q }));
    expect(sheet.getRow(2).getCell(3).value).toBe(p.qtyOnHand / 1000);
    expect(sheet.getRow(2).getCell(7).value).toBe(p.priceOre / 100);
  });
});

describe('who may export', () => {
  it('needs a logged-in user, like the lists it exports', async () => {
    const own = await makeEngine({ copyOf: template });
    try {
      const admins = await own.ok('groups.save', { name: 'Administratorer', rights: ['administer'] });
      await own.ok('users.save', { username: 'anne', name: 'Anne Admin', groupId: admins.id, pin: '9876' });
      // A workstation session where nobody has logged in.
      const refused = await own.engine.call('export.list', { list: 'customers', format: 'csv' }, { sessionKey: 'kasse-1' });
      expect(refused.ok ? null : refused.error.code).toBe('login_required');
      const logged = await own.engine.call('auth.login', { username: 'anne', pin: '9876' }, { sessionKey: 'kasse-1' });
      expect(logged.ok).toBe(true);
      const answered = await own.engine.call('export.list', { list: 'customers', format: 'csv' }, { sessionKey: 'kasse-1' });
      expect(answered.ok).toBe(true);
    } finally {
      own.close();
    }
  });
});
