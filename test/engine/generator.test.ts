// The data generator (demo/generator.ts) on a real database: everything it
// writes must be what the engine itself would keep (counts, totals, sort keys,
// search rows, number series), the sales processing it runs must leave stock,
// reservations, deliveries and invoices agreeing with the orders (the sales
// invariants), and the order list must page over it exactly as a plain SQL
// ORDER BY ... LIMIT/OFFSET would, for every sort, filter and start row.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnFilter, OrderListInput } from '../../shared/channels/orders';
import { isValidOrgNumber } from '../../shared/checks';
import type { VatCode } from '../../shared/enums';
import { openEngine, type Engine } from '../../src-main/engine';
import { openDatabase } from '../../src-main/engine/db/connection';
import { auditSales } from '../../src-main/engine/demo/audit';
import { OUR_REFERENCES } from '../../src-main/engine/demo/demoData';
import { generateCustomers, generateOrders } from '../../src-main/engine/demo/generator';
import { NON_PROCESSING_KINDS, UNPROCESSED_TYPES } from '../../shared/kinds';
import { computeTotals, lineAmountOre } from '../../src-main/engine/domain/pricing';
import { norwegianSortKey } from '../../src-main/engine/domain/sortKey';
import { FIXED_NOW, ledgerSnapshot, makeEngine } from '../helpers/engine';

const DEMO_ORDERS = 120;
const GENERATED = 3000;
const EXTRA_CUSTOMERS = 300;

let dir: string;
let file: string;
let engine: Engine;
/** A second, read-only connection for the plain SQL the engine's answers are compared with. */
let ref: Database.Database;
let generated: Pick<ReturnType<typeof generateOrders>, 'orders' | 'madeByProcessing' | 'lines' | 'firstNumber' | 'lastNumber' | 'steps'>;
let indexesBefore: unknown[];
/**
 * What the demo company left before the generator ran: every row of order_header
 * (sales and purchase orders, which share the table and its ids), its sales
 * orders (which alone take sales order numbers), and the last order id.
 */
let prior: { orders: number; salesOrders: number; maxId: number };
/** The demo company's purchase orders, line by line, before the generator ran: it must leave them alone. */
let purchasesBefore: unknown[];
const PURCHASE_LINES = `SELECT l.id, l.order_id, l.quantity, l.qty_confirmed, l.qty_received, l.qty_invoiced, o.version
  FROM order_line l JOIN order_header o ON o.id = l.order_id WHERE o.transaction_type = 'purchase' ORDER BY l.id`;

/** Every index and trigger with its definition. */
function schemaOf(db: { prepare(sql: string): { all(): unknown[] } }): unknown[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();
}

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; field: string | null } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`refused: ${r.error.code} ${r.error.field ?? ''}`);
  return r.value;
}

beforeAll(async () => {
  // The demo company with some orders entered through the channels, then the
  // generator on top: it must continue numbering and ids after what exists.
  const t = await makeEngine();
  dir = t.dir;
  file = t.file;
  await t.ok('system.createDemo', { orders: DEMO_ORDERS });
  t.engine.close();

  const db = openDatabase(file);
  indexesBefore = schemaOf(db);
  prior = db
    .prepare(`SELECT count(*) AS orders, count(*) FILTER (WHERE transaction_type = 'sales') AS salesOrders, max(id) AS maxId FROM order_header`)
    .get() as typeof prior;
  purchasesBefore = db.prepare(PURCHASE_LINES).all();
  generateCustomers(db, { customers: EXTRA_CUSTOMERS, seed: 3, now: FIXED_NOW.toISOString() });
  // Two loads: one as a test would run it (WAL, indexes kept), then one as the
  // bench does (the file to itself, indexes dropped and rebuilt). Small batches,
  // so that several transactions and partial multi-row statements are exercised.
  const first = generateOrders(db, { orders: 1000, seed: 7, today: '2025-01-05', batchSize: 700 });
  const second = generateOrders(db, { orders: GENERATED - 1000, seed: 8, today: '2025-01-05', batchSize: 900, exclusive: true, rebuildIndexes: true });
  const steps = { ...first.steps };
  for (const [k, v] of Object.entries(second.steps)) steps[k] = (steps[k] ?? 0) + v;
  generated = {
    orders: first.orders + second.orders,
    madeByProcessing: first.madeByProcessing + second.madeByProcessing,
    lines: first.lines + second.lines,
    firstNumber: first.firstNumber,
    lastNumber: second.lastNumber,
    steps,
  };
  // The connection's settings are put back.
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(db.pragma('synchronous', { simple: true })).toBe(2);
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  expect(schemaOf(db)).toEqual(indexesBefore);
  db.close();

  engine = await openEngine({
    file,
    clock: () => FIXED_NOW,
    onInternalError: (channel, error) => {
      throw new Error(`internal error in ${channel}: ${String(error)}`);
    },
  });
  ref = new Database(file, { readonly: true });
}, 120_000);

afterAll(() => {
  ref?.close();
  engine?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const all = <T>(sql: string, ...params: unknown[]): T[] => ref.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]): T => ref.prepare(sql).get(...params) as T;

describe('the data generator', () => {
  it('adds the orders and lines it says, after the orders already there', () => {
    expect(generated.orders).toBe(GENERATED);
    // The orders entered, and the orders their processing made (from quotes, backorders).
    expect(generated.madeByProcessing).toBeGreaterThan(GENERATED / 50);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM order_header').n).toBe(prior.orders + GENERATED + generated.madeByProcessing);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM order_header WHERE transaction_type = 'sales'").n).toBe(
      prior.salesOrders + GENERATED + generated.madeByProcessing,
    );
    // Only sales orders: the demo company's purchase orders (in the same tables) are there, and as they were.
    expect(prior.orders).toBeGreaterThan(prior.salesOrders);
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM order_header WHERE id > ? AND transaction_type <> 'sales'`, prior.maxId).n).toBe(0);
    expect(all(PURCHASE_LINES)).toEqual(purchasesBefore);
    const entered = `order_id IN (SELECT id FROM order_header WHERE id > ${prior.maxId} AND source_order_id IS NULL AND backorder_of_id IS NULL)`;
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM order_line WHERE ${entered}`).n).toBe(generated.lines);
    // About ten lines an order (cash sales, loans and subscriptions fewer), 1 to 19.
    expect(generated.lines / GENERATED).toBeGreaterThan(8.5);
    expect(generated.lines / GENERATED).toBeLessThan(11);
    const range = one<{ lo: number; hi: number }>('SELECT min(line_count) AS lo, max(line_count) AS hi FROM order_header WHERE id > ?', prior.maxId);
    expect(range).toEqual({ lo: 1, hi: 19 });
    // Sales order numbers go on from the demo company's sales orders (purchase orders have a series of their own).
    expect(generated.firstNumber).toBe(10001 + prior.salesOrders);
    expect(generated.lastNumber).toBe(10000 + prior.salesOrders + GENERATED + generated.madeByProcessing);
    expect(one<{ n: number }>("SELECT count(*) AS n FROM party WHERE role = 'customer'").n).toBeGreaterThanOrEqual(EXTRA_CUSTOMERS + 20);
  });

  it('keeps the count tables equal to the orders they count', () => {
    const byStatus = all("SELECT transaction_type, status_id, count(*) AS n FROM order_header GROUP BY 1, 2 ORDER BY 1, 2");
    expect(all('SELECT transaction_type, status_id, n FROM order_status_count WHERE n <> 0 ORDER BY 1, 2')).toEqual(byStatus);
    const byDay = all('SELECT transaction_type, status_id, order_date, count(*) AS n FROM order_header GROUP BY 1, 2, 3 ORDER BY 1, 2, 3');
    expect(all('SELECT transaction_type, status_id, order_date, n FROM order_day_count WHERE n <> 0 ORDER BY 1, 2, 3')).toEqual(byDay);
    const byDate = all('SELECT transaction_type, order_date, count(*) AS n FROM order_header GROUP BY 1, 2 ORDER BY 1, 2');
    expect(all('SELECT transaction_type, order_date, n FROM order_day_total WHERE n <> 0 ORDER BY 1, 2')).toEqual(byDate);
  });

  it('stores header totals, line counts and line amounts that the lines give, by the pricing rules', () => {
    type L = { order_id: number; line_no: number; quantity: number; unit_price_ore: number; discount_bp: number; vat_code: VatCode; amount_ore: number };
    const lines = all<L>('SELECT order_id, line_no, quantity, unit_price_ore, discount_bp, vat_code, amount_ore FROM order_line ORDER BY order_id, line_no');
    const byOrder = new Map<number, L[]>();
    for (const l of lines) byOrder.set(l.order_id, [...(byOrder.get(l.order_id) ?? []), l]);
    const headers = all<{ id: number; total_net_ore: number; total_vat_ore: number; total_gross_ore: number; line_count: number }>(
      'SELECT id, total_net_ore, total_vat_ore, total_gross_ore, line_count FROM order_header',
    );
    // Product lines and text rows (headings, remarks) share one numbering, 1..n.
    const textNos = new Map<number, number[]>();
    for (const t of all<{ order_id: number; line_no: number }>('SELECT order_id, line_no FROM order_text_line')) {
      textNos.set(t.order_id, [...(textNos.get(t.order_id) ?? []), t.line_no]);
    }
    let checked = 0;
    for (const h of headers) {
      const ls = byOrder.get(h.id) ?? [];
      const numbers = [...ls.map((l) => l.line_no), ...(textNos.get(h.id) ?? [])].sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const priced = ls.map((l) => ({ quantity: l.quantity, unitPriceOre: l.unit_price_ore, discountBp: l.discount_bp, vatCode: l.vat_code }));
      for (let i = 0; i < ls.length; i++) expect(ls[i]!.amount_ore).toBe(lineAmountOre(priced[i]!));
      const totals = computeTotals(priced, { vatRegistered: true });
      expect([h.total_net_ore, h.total_vat_ore, h.total_gross_ore, h.line_count]).toEqual([totals.netOre, totals.vatOre, totals.grossOre, ls.length]);
      checked++;
    }
    expect(checked).toBe(prior.orders + GENERATED + generated.madeByProcessing);
    // Lines copy their product's number, text, unit and VAT code.
    expect(
      one<{ n: number }>(
        `SELECT count(*) AS n FROM order_line l JOIN product p ON p.id = l.product_id
         WHERE l.product_number <> p.number OR l.description <> p.name OR l.unit <> p.unit OR l.vat_code <> p.vat_code`,
      ).n,
    ).toBe(0);
  });

  it("keeps each order's customer number, name and Norwegian sort key", () => {
    // Every order: a purchase order keeps its supplier's in the same columns.
    const rows = all<{ customer_number: number; customer_name: string; customer_sort: string; number: number; name: string }>(
      `SELECT o.customer_number, o.customer_name, o.customer_sort, p.number, p.name
       FROM order_header o JOIN party p ON p.id = o.party_id`,
    );
    for (const r of rows) {
      expect(r.customer_number).toBe(r.number);
      expect(r.customer_name).toBe(r.name);
      expect(r.customer_sort).toBe(norwegianSortKey(r.name));
    }
    // Many customers get orders, and some get many.
    const perCustomer = all<{ n: number }>('SELECT count(*) AS n FROM order_header WHERE id > ? GROUP BY party_id ORDER BY n DESC', prior.maxId);
    expect(perCustomer.length).toBeGreaterThan(150);
    expect(perCustomer[0]!.n).toBeGreaterThan(20);
  });

  it('makes generated customers valid: organisation numbers pass MOD11, businesses have a contact with a phone', () => {
    const parties = all<{ id: number; kind: string; org_number: string | null; name_sort: string; name: string }>(
      "SELECT id, kind, org_number, name_sort, name FROM party WHERE role = 'customer'",
    );
    for (const p of parties) {
      if (p.kind === 'business') expect(isValidOrgNumber(p.org_number ?? ''), `${p.name} ${p.org_number}`).toBe(true);
      expect(p.name_sort).toBe(norwegianSortKey(p.name));
    }
    expect(new Set(parties.map((p) => p.org_number).filter(Boolean)).size).toBe(parties.filter((p) => p.org_number).length);
    const withoutPhone = one<{ n: number }>(
      `SELECT count(*) AS n FROM party p WHERE p.role = 'customer' AND p.kind = 'business'
       AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.party_id = p.id AND c.phone LIKE '+47 %')`,
    );
    expect(withoutPhone.n).toBe(0);
  });

  it('moves the orders through the statuses of the processing, within the rules of order types and statuses', () => {
    const rows = all<{ order_type: number; kind: string; n: number }>(
      'SELECT o.order_type, s.kind, count(*) AS n FROM order_header o JOIN status s ON s.id = o.status_id WHERE o.id > ? GROUP BY 1, 2',
      prior.maxId,
    );
    const kinds = new Set(rows.map((r) => r.kind));
    for (const kind of ['quote', 'accepted', 'confirmed', 'production', 'pack', 'loan', 'subscription', 'rest', 'shipped', 'ready_to_invoice',
      'invoiced_packing_slip', 'cash_invoiced', 'invoiced', 'reminded', 'paid', 'closed', 'cancelled']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
    expect(new Set(rows.map((r) => r.order_type)).size).toBeGreaterThanOrEqual(7);
    for (const r of rows) {
      expect(r.order_type).not.toBe(9);
      if (UNPROCESSED_TYPES.includes(r.order_type as 5)) expect(NON_PROCESSING_KINDS).toContain(r.kind);
    }
    // Most old orders are finished: invoiced and paid or closed.
    const old = one<{ done: number; n: number }>(
      `SELECT sum(s.kind IN ('paid', 'closed', 'invoiced_packing_slip', 'cash_invoiced')) AS done, count(*) AS n
       FROM order_header o JOIN status s ON s.id = o.status_id WHERE o.id > ? AND o.order_date < '2024-10-01'`,
      prior.maxId,
    );
    expect(old.done / old.n).toBeGreaterThan(0.6);
    // Every kind of step ran, and each through the services that keep the ledger.
    for (const step of ['enter', 'ship', 'invoice', 'deliverPart', 'move.paid', 'move.closed', 'move.cancelled', 'move.loan', 'returnLoan',
      'credit', 'convert', 'collective', 'subscriptions', 'receipts']) {
      expect(generated.steps[step] ?? 0, step).toBeGreaterThan(0);
    }
    // Within a load, the numbers of the orders entered rise with the date (the
    // second load starts a year back again: one step back, between the loads).
    const entered = all<{ order_date: string }>(
      'SELECT order_date FROM order_header WHERE id > ? AND source_order_id IS NULL AND backorder_of_id IS NULL ORDER BY number',
      prior.maxId,
    );
    expect(entered).toHaveLength(GENERATED);
    expect(entered.filter((o, i) => i > 0 && o.order_date < entered[i - 1]!.order_date)).toHaveLength(1);
  });

  it('keeps the sales invariants: stock, reservations, loans, deliveries and invoices agree with the orders', async () => {
    const snap = await ledgerSnapshot(file);
    for (const s of snap.stock) {
      expect(s.onHand, `on-hand = sum of movements (product ${s.productId})`).toBe(s.movementSum);
      expect(s.batchSum, `batches sum to on-hand (product ${s.productId})`).toBe(s.onHand);
      expect(s.reserved, `reserved = sum of line reservations (product ${s.productId})`).toBe(s.reservedSum);
      expect(s.onLoan, `on loan = sum of lines on loan (product ${s.productId})`).toBe(s.onLoanSum);
      expect(s.onHand - s.reserved - s.onLoan, `nothing promised that is not there (product ${s.productId})`).toBeGreaterThanOrEqual(0);
    }
    expect(snap.stock.some((s) => s.reserved > 0) && snap.stock.some((s) => s.onLoan > 0)).toBe(true);
    expect(snap.invoiceNumbers.length).toBeGreaterThan(GENERATED / 2);
    expect(snap.invoiceNumbers, 'invoice numbers 1..n without gaps').toEqual(snap.invoiceNumbers.map((_, i) => i + 1));

    // The sales lines; purchase lines are received and invoiced against the supplier (the audit below has their rules).
    const lines = all<{ id: number; quantity: number; qty_delivered: number; qty_invoiced: number; qty_credited: number; managed: number; periods: number }>(
      `SELECT l.id, l.quantity, l.qty_delivered, l.qty_invoiced, l.qty_credited, p.stock_managed AS managed,
         (SELECT count(*) FROM subscription_run r WHERE r.order_id = l.order_id) AS periods
       FROM order_line l JOIN product p ON p.id = l.product_id JOIN order_header o ON o.id = l.order_id
       WHERE o.transaction_type = 'sales'`,
    );
    let issued = 0;
    for (const l of lines) {
      expect(l.qty_delivered, `delivered ≤ ordered (line ${l.id})`).toBeLessThanOrEqual(l.quantity);
      expect(l.qty_invoiced, `invoiced ≤ delivered (line ${l.id})`).toBeLessThanOrEqual(l.qty_delivered);
      expect(l.qty_credited, `credited ≤ invoiced (line ${l.id})`).toBeLessThanOrEqual(l.qty_invoiced);
      const want = l.managed ? l.qty_delivered + l.periods * l.quantity : 0;
      expect(snap.netIssued.get(l.id) ?? 0, `no quantity issued twice (line ${l.id})`).toBe(want);
      if (want > 0) issued++;
    }
    expect(issued).toBeGreaterThan(lines.length / 3);

    // The rest of the rules, over the whole file: reservations as order type and
    // status call for, deliveries and invoice lines adding up, statuses that match.
    expect(auditSales(ref as unknown as Parameters<typeof auditSales>[0]).filter((f) => f.violations > 0)).toEqual([]);
  });

  it("passes SQLite's integrity, foreign-key and full-text index checks, with every index and trigger in place", () => {
    expect(schemaOf(ref)).toEqual(indexesBefore);
    expect(ref.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(ref.pragma('foreign_key_check')).toEqual([]);
    const rw = new Database(file);
    try {
      // Throws SQLITE_CORRUPT_VTAB if the index does not hold together.
      rw.prepare("INSERT INTO order_search (order_search, rank) VALUES ('integrity-check', 0)").run();
      // The bulk settings are put back: merging on, the default buffer.
      const config = Object.fromEntries(
        (rw.prepare('SELECT k, v FROM order_search_config').all() as { k: string; v: unknown }[]).map((r) => [r.k, r.v]),
      );
      expect(config.automerge).toBe(4);
      expect(config.hashsize).toBe(1024 * 1024);
    } finally {
      rw.close();
    }
  });

  it('writes the same search row for an order as the order screen does', async () => {
    const vocab = (rowid: number) => {
      const rw = new Database(file);
      try {
        rw.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, order_search, instance)');
        return rw
          .prepare('SELECT term, col, offset FROM temp.search_terms WHERE doc = ? ORDER BY col, offset')
          .all(rowid);
      } finally {
        rw.close();
      }
    };
    // An order still open for edits (invoiced ones are not).
    const order = one<{ id: number; version: number }>(
      `SELECT o.id, o.version FROM order_header o JOIN status s ON s.id = o.status_id
       WHERE o.id > ? AND s.kind IN ('quote', 'draft', 'confirmed') AND customer_reference IS NOT NULL AND our_reference IS NOT NULL
       LIMIT 1 OFFSET 10`,
      prior.maxId,
    );
    const before = vocab(order.id);
    expect(before.length).toBeGreaterThan(10);
    // A header edit that leaves the searchable text alone makes the engine write the row again.
    await ok(engine.call('orders.updateHeader', { id: order.id, version: order.version, header: { notes: 'Sjekket' } }));
    expect(vocab(order.id)).toEqual(before);
  });

  it('gives the orders the processing made (backorders, orders from quotes) their totals and search rows', async () => {
    for (const column of ['backorder_of_id', 'source_order_id']) {
      const made = all<{ id: number; number: number; total_gross_ore: number }>(
        `SELECT id, number, total_gross_ore FROM order_header WHERE id > ? AND ${column} IS NOT NULL ORDER BY id LIMIT 5`,
        prior.maxId,
      );
      expect(made.length, column).toBe(5);
      for (const o of made) {
        expect(o.total_gross_ore).toBeGreaterThan(0);
        const found = await ok(engine.call('orders.list', { startRow: 0, endRow: 10, search: String(o.number) }));
        expect(found.rows.map((r) => r.id)).toEqual([o.id]);
        const order = await ok(engine.call('orders.get', { id: o.id }));
        expect(order.totals.grossOre).toBe(o.total_gross_ore);
      }
    }
  });

  it('lets the search box find an order by its number and by its customer', async () => {
    // A private customer whose name shares no word with "our reference" (Kari N., Ingrid B. ...), which the search also covers.
    const refWords = OUR_REFERENCES.flatMap((r) => r.toLowerCase().split(/[^\p{L}]+/u)).filter(Boolean);
    const order = all<{ id: number; number: number; party_id: number; customer_name: string }>(
      `SELECT o.id, o.number, o.party_id, o.customer_name FROM order_header o JOIN party p ON p.id = o.party_id
       WHERE o.id > ? AND p.kind = 'private' ORDER BY o.id LIMIT 400 OFFSET 123`,
      prior.maxId,
    ).find((o) => !o.customer_name.toLowerCase().split(/\s+/).some((w) => refWords.some((r) => r.startsWith(w))))!;
    const byNumber = await ok(engine.call('orders.list', { startRow: 0, endRow: 100, search: String(order.number) }));
    expect(byNumber.rows.map((r) => r.id)).toEqual([order.id]);

    const byName = await ok(engine.call('orders.list', { startRow: 0, endRow: 1000, search: order.customer_name }));
    const ofCustomer = all<{ id: number }>("SELECT id FROM order_header WHERE transaction_type = 'sales' AND party_id = ?", order.party_id).map((r) => r.id);
    const found = byName.rows.map((r) => r.id);
    expect(found).toEqual(expect.arrayContaining(ofCustomer));
    // Everything else found has the same words at the start of words in its customer name.
    const words = order.customer_name.toLowerCase().split(/\s+/);
    for (const r of byName.rows) {
      const tokens = r.customerName.toLowerCase().split(/[^\p{L}\p{N}]+/u);
      for (const w of words) expect(tokens.some((tok) => tok.startsWith(w)), `${r.customerName} / ${w}`).toBe(true);
    }
    expect(byName.rowCount).toBe(found.length);
  });
});

// ---- The order list against plain SQL ----------------------------------------

type Query = Omit<OrderListInput, 'startRow' | 'endRow'>;

const SORT_COLUMN: Readonly<Record<string, string>> = {
  number: 'number',
  orderDate: 'order_date',
  deliveryDate: 'delivery_date',
  customerName: 'customer_sort',
  customerNumber: 'customer_number',
  orderType: 'order_type',
  statusId: 'status_id',
  totalGrossOre: 'total_gross_ore',
  totalNetOre: 'total_net_ore',
  updatedAt: 'updated_at',
};

/**
 * The list's meaning, written plainly: the rows that match, ordered by the sort
 * columns and then by id in the last column's direction (newest number first
 * when unsorted), as one SELECT with LIMIT and OFFSET.
 */
function expectedIds(q: Query, startRow: number, endRow: number): { ids: number[]; count: number } {
  const where = [`transaction_type = 'sales'`];
  const params: unknown[] = [];
  if (q.statusId != null) {
    where.push('status_id = ?');
    params.push(q.statusId);
  }
  if (q.customerId != null) {
    where.push('party_id = ?');
    params.push(q.customerId);
  }
  if (q.search) {
    const words = q.search.match(/[\p{L}\p{N}]+/gu) ?? [];
    where.push('id IN (SELECT rowid FROM order_search WHERE order_search MATCH ?)');
    params.push(words.map((w) => `"${w}"*`).join(' '));
  }
  for (const [col, f] of Object.entries(q.filterModel ?? {}) as [string, ColumnFilter][]) {
    if (f.filterType === 'number') {
      const c = SORT_COLUMN[col]!;
      if (f.type === 'inRange') {
        where.push(`${c} >= ? AND ${c} <= ?`);
        params.push(f.filter, f.filterTo);
      } else {
        where.push(`${c} ${{ equals: '=', greaterThan: '>', lessThan: '<' }[f.type]} ?`);
        params.push(f.filter);
      }
    } else if (f.filterType === 'date') {
      where.push('order_date >= ? AND order_date <= ?');
      params.push(f.dateFrom.slice(0, 10), (f.dateTo ?? f.dateFrom).slice(0, 10));
    } else if (f.type === 'startsWith') {
      const key = norwegianSortKey(f.filter);
      where.push('substr(customer_sort, 1, length(?)) = ?');
      params.push(key, key);
    } else {
      where.push(`instr(lower(customer_name), lower(?)) > 0`);
      params.push(f.filter);
    }
  }
  const sort = q.sortModel?.length ? q.sortModel : [{ colId: 'number', sort: 'desc' as const }];
  const last = sort[sort.length - 1]!.sort.toUpperCase();
  const order = [...sort.map((s) => `${SORT_COLUMN[s.colId]} ${s.sort.toUpperCase()}`), `id ${last}`].join(', ');
  const w = where.join(' AND ');
  const ids = all<{ id: number }>(`SELECT id FROM order_header WHERE ${w} ORDER BY ${order} LIMIT ? OFFSET ?`, ...params, endRow - startRow, startRow).map(
    (r) => r.id,
  );
  return { ids, count: one<{ n: number }>(`SELECT count(*) AS n FROM order_header WHERE ${w}`, ...params).n };
}

async function listed(q: Query, startRow: number, endRow: number): Promise<{ ids: number[]; count: number }> {
  const r = await ok(engine.call('orders.list', { ...q, startRow, endRow }));
  return { ids: r.rows.map((x) => x.id), count: r.rowCount };
}

const SORTS: readonly NonNullable<Query['sortModel']>[] = [
  [],
  [{ colId: 'number', sort: 'asc' }],
  [{ colId: 'number', sort: 'desc' }],
  [{ colId: 'orderDate', sort: 'desc' }],
  [{ colId: 'orderDate', sort: 'asc' }],
  [{ colId: 'customerName', sort: 'asc' }],
  [{ colId: 'customerName', sort: 'desc' }],
  [{ colId: 'totalGrossOre', sort: 'desc' }],
  [{ colId: 'totalNetOre', sort: 'asc' }],
  [{ colId: 'deliveryDate', sort: 'asc' }],
  [{ colId: 'deliveryDate', sort: 'desc' }],
  [{ colId: 'customerNumber', sort: 'asc' }],
  [{ colId: 'updatedAt', sort: 'desc' }],
  [{ colId: 'statusId', sort: 'asc' }, { colId: 'orderDate', sort: 'desc' }],
  [{ colId: 'orderType', sort: 'desc' }, { colId: 'customerName', sort: 'asc' }],
];

function filters(): readonly Omit<Query, 'sortModel'>[] {
  // The sales orders' statuses and customers: the order list shows sales orders only.
  const sales = `FROM order_header WHERE transaction_type = 'sales'`;
  const statuses = all<{ status_id: number }>(`SELECT status_id ${sales} GROUP BY status_id ORDER BY count(*) DESC`);
  const busiest = one<{ party_id: number }>(`SELECT party_id ${sales} GROUP BY party_id ORDER BY count(*) DESC, party_id LIMIT 1`);
  const name = one<{ customer_name: string }>(`SELECT customer_name ${sales} AND party_id = ?`, busiest.party_id);
  return [
    {},
    { statusId: statuses[0]!.status_id },
    { statusId: statuses[statuses.length - 1]!.status_id },
    { statusId: statuses[2]!.status_id },
    { customerId: busiest.party_id },
    { search: name.customer_name.split(' ')[0]! },
    { search: 'BYG' },
    { statusId: statuses[1]!.status_id, search: 'kaffe' },
    { filterModel: { orderType: { filterType: 'number', type: 'equals', filter: 1 } } },
    { filterModel: { orderDate: { filterType: 'date', type: 'inRange', dateFrom: '2024-06-01', dateTo: '2024-09-30' } } },
    { filterModel: { customerName: { filterType: 'text', type: 'startsWith', filter: 'B' } } },
    { filterModel: { customerName: { filterType: 'text', type: 'startsWith', filter: 'ø' } } },
    { filterModel: { totalGrossOre: { filterType: 'number', type: 'greaterThan', filter: 1_000_000 } } },
    { statusId: statuses[0]!.status_id, filterModel: { customerName: { filterType: 'text', type: 'contains', filter: 'bygg' } } },
  ];
}

describe('the order list over generated data, against plain SQL', () => {
  it('scrolls block by block (100 rows, as the grid asks) through every sort and filter, with the right row count', async () => {
    let compared = 0;
    for (const f of filters()) {
      for (const sortModel of SORTS) {
        const q: Query = { ...f, sortModel };
        // The whole list in one plain query; each block must be its slice.
        const whole = expectedIds(q, 0, 1_000_000);
        expect(whole.count, JSON.stringify(q)).toBeGreaterThan(0);
        for (let start = 0; start < whole.count + 100; start += 100) {
          const got = await listed(q, start, start + 100);
          expect(got, `${JSON.stringify(q)} at ${start}`).toEqual({ ids: whole.ids.slice(start, start + 100), count: whole.count });
          compared += got.ids.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(50_000);
  }, 120_000);

  it('jumps straight to any row, cold, then scrolls on from there (property)', async () => {
    const fs = filters();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fs),
        fc.constantFrom(...SORTS),
        fc.nat({ max: DEMO_ORDERS * 2 + Math.round(GENERATED * 1.1) }),
        fc.integer({ min: 1, max: 250 }),
        async (f, sortModel, rawStart, size) => {
          const q: Query = { ...f, sortModel };
          const total = expectedIds(q, 0, 1).count;
          // Mostly inside the list, sometimes past its end.
          const start = rawStart % (total + 20);
          for (let block = 0; block < 3; block++) {
            const s = start + block * size;
            const got = await listed(q, s, s + size);
            const want = expectedIds(q, s, s + size);
            expect(got, `${JSON.stringify(q)} at ${s}, ${size} rows`).toEqual(want);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('answers deep jumps on a fresh engine, whose position cache is empty', async () => {
    const fresh = await openEngine({ file, clock: () => FIXED_NOW });
    try {
      for (const sortModel of SORTS) {
        for (const f of fs3()) {
          const q: Query = { ...f, sortModel };
          const total = expectedIds(q, 0, 1).count;
          for (const start of [total - 1, Math.floor(total * 0.9), Math.floor(total / 2) + 1]) {
            if (start < 0) continue;
            const r = await ok(fresh.call('orders.list', { ...q, startRow: start, endRow: start + 100 }));
            expect({ ids: r.rows.map((x) => x.id), count: r.rowCount }, `${JSON.stringify(q)} at ${start}`).toEqual(expectedIds(q, start, start + 100));
          }
        }
      }
    } finally {
      fresh.close();
    }
    function fs3() {
      return filters().slice(0, 5);
    }
  });

  it('counts the status tabs as the orders are, also within a search or a customer', async () => {
    const byStatus = (where: string, ...params: unknown[]) =>
      new Map(all<{ s: number; n: number }>(`SELECT status_id AS s, count(*) AS n FROM order_header WHERE ${where} GROUP BY 1`, ...params).map((r) => [r.s, r.n]));
    const asMap = (c: { byStatus: readonly { statusId: number; count: number }[] }) => new Map(c.byStatus.map((r) => [r.statusId, r.count]));
    // The tabs count sales orders; purchase orders (in the same table, found by the same search) are not among them.
    const sales = "transaction_type = 'sales'";
    expect(asMap(await ok(engine.call('orders.statusCounts', {})))).toEqual(byStatus(sales));
    const busiest = one<{ party_id: number }>(`SELECT party_id FROM order_header WHERE ${sales} GROUP BY party_id ORDER BY count(*) DESC LIMIT 1`);
    expect(asMap(await ok(engine.call('orders.statusCounts', { customerId: busiest.party_id })))).toEqual(
      byStatus(`${sales} AND party_id = ?`, busiest.party_id),
    );
    const kaffe = `id IN (SELECT rowid FROM order_search WHERE order_search MATCH '"kaffe"*')`;
    expect(asMap(await ok(engine.call('orders.statusCounts', { search: 'kaffe' })))).toEqual(byStatus(`${sales} AND ${kaffe}`));
    // The search does find purchase orders too: the filter above is what keeps them out.
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM order_header WHERE transaction_type = 'purchase' AND ${kaffe}`).n).toBeGreaterThan(0);
  });
});

describe('after the generator', () => {
  it('the next order entered through the engine takes the next number in the series', async () => {
    const max = one<{ n: number }>("SELECT max(number) AS n FROM order_header WHERE transaction_type = 'sales'").n;
    expect(one<{ v: number }>("SELECT next_value AS v FROM number_series WHERE name = 'sales_order'").v).toBe(max + 1);
    const customer = one<{ id: number }>("SELECT id FROM party WHERE role = 'customer' AND credit_limit_ore IS NULL LIMIT 1");
    const product = one<{ id: number }>('SELECT id FROM product WHERE stock_managed = 0 LIMIT 1');
    const order = await ok(engine.call('orders.create', { header: { customerId: customer.id, orderType: 5 }, lines: [{ productId: product.id, quantity: 1000 }] }));
    expect(order.number).toBe(max + 1);
    expect(order.id).toBe(one<{ n: number }>('SELECT max(id) AS n FROM order_header').n);
  });
});
