// Bulk writing for the data generator: many orders in large transactions through
// prepared statements, keeping every derived structure the order screen keeps
// (header totals and line count, customer sort key, the search row, the number
// series). The count tables follow by their triggers. This writes what saving
// an order stores; what saving then does (reservations, cash invoices ...) is
// the services' work (demo/salesSteps.ts).
import type { OrderTypeId, PartyKind, StatusKind, TransactionType, VatCode } from '../../../shared/enums';
import type { Db } from '../db/connection';
import { stmt } from '../db/connection';
import { foldText } from '../domain/fold';
import type Database from 'better-sqlite3';

export interface BulkProduct {
  readonly id: number;
  readonly number: string;
  readonly name: string;
  readonly unit: string;
  readonly priceOre: number;
  readonly costOre: number | null;
  readonly vatCode: VatCode;
  readonly stockManaged: boolean;
}

export interface BulkCustomer {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly kind: PartyKind;
  readonly paymentTermsDays: number;
  readonly contactId: number | null;
}

export function bulkProducts(db: Db): BulkProduct[] {
  return (
    stmt(
      db,
      `SELECT id, number, name, unit, price_ore AS priceOre, cost_ore AS costOre, vat_code AS vatCode,
         stock_managed AS stockManaged FROM product WHERE active = 1 ORDER BY id`,
    ).all() as (Omit<BulkProduct, 'stockManaged'> & { stockManaged: number })[]
  ).map((p) => ({ ...p, stockManaged: p.stockManaged === 1 }));
}

export function bulkCustomers(db: Db): BulkCustomer[] {
  return stmt(
    db,
    `SELECT p.id, p.number, p.name, p.kind, p.payment_terms_days AS paymentTermsDays,
            (SELECT c.id FROM contact c WHERE c.party_id = p.id ORDER BY c.sort_order, c.id LIMIT 1) AS contactId
     FROM party p WHERE p.role = 'customer' ORDER BY p.id`,
  ).all() as BulkCustomer[];
}

/** The first status of each kind, in flow order (visible ones first, as the services pick them). */
export function statusIdsByKind(db: Db, transactionType: TransactionType): Map<StatusKind, number> {
  const rows = stmt(db, 'SELECT id, kind FROM status WHERE transaction_type = ? ORDER BY hidden, sort_order, id').all(
    transactionType,
  ) as { id: number; kind: StatusKind }[];
  const out = new Map<StatusKind, number>();
  for (const r of rows) if (!out.has(r.kind)) out.set(r.kind, r.id);
  return out;
}

export function isVatRegistered(db: Db): boolean {
  const r = stmt(db, 'SELECT vat_registered AS v FROM company WHERE id = 1').get() as { v: number } | undefined;
  if (!r) throw new Error('No company: create the company (or the demo company) before generating orders');
  return r.v === 1;
}

/** Where a bulk load starts: the next sales order number and the highest ids so far. */
export function bulkStart(db: Db): { nextSalesNumber: number; maxOrderId: number; maxLineId: number } {
  const s = stmt(db, `SELECT next_value AS n FROM number_series WHERE name = 'sales_order'`).get() as { n: number };
  const o = stmt(db, 'SELECT coalesce(max(id), 0) AS n FROM order_header').get() as { n: number };
  const l = stmt(db, 'SELECT coalesce(max(id), 0) AS n FROM order_line').get() as { n: number };
  return { nextSalesNumber: s.n, maxOrderId: o.n, maxLineId: l.n };
}

/** Moves the sales order series past the numbers the bulk load used. */
export function advanceSalesSeries(db: Db, nextValue: number): void {
  stmt(db, `UPDATE number_series SET next_value = max(next_value, ?) WHERE name = 'sales_order'`).run(nextValue);
}

export interface BulkHeader {
  readonly id: number;
  readonly number: number;
  readonly orderType: OrderTypeId;
  readonly statusId: number;
  readonly customer: BulkCustomer;
  readonly customerSort: string;
  readonly contactId: number | null;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly customerReference: string | null;
  readonly ourReference: string | null;
  readonly notes: string | null;
  readonly netOre: number;
  readonly vatOre: number;
  readonly grossOre: number;
  readonly createdAt: string;
}

export interface BulkLine {
  readonly product: BulkProduct;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
  readonly amountOre: number;
}

export interface BulkOrder {
  readonly header: BulkHeader;
  readonly lines: readonly BulkLine[];
}

const HEADER_COLUMNS = `id, transaction_type, number, order_type, status_id, party_id, customer_number, customer_name,
  customer_sort, contact_id, order_date, delivery_date, customer_reference, reference_fold, our_reference, payment_terms_days, notes,
  total_net_ore, total_vat_ore, total_gross_ore, line_count, version, created_at, updated_at`;
const HEADER_ROW = `(?, 'sales', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`;
const HEADER_PARAMS = 22;

const LINE_COLUMNS = `id, order_id, line_no, product_id, product_number, description, unit, quantity, unit_price_ore,
  discount_bp, vat_code, amount_ore`;
const LINE_ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const LINE_PARAMS = 12;

const SEARCH_ROW = '(?, ?, ?, ?, ?)';
const SEARCH_PARAMS = 5;

/**
 * Multi-row INSERT ... VALUES: one statement per `rowsPerStatement` rows. Far
 * fewer statement runs, and for order_header, whose count triggers make every
 * statement keep a statement journal, one journal per many rows instead of one
 * per row (measured: two to three times faster).
 */
function multiInsert(db: Db, head: string, row: string, paramsPerRow: number, rowsPerStatement: number) {
  const cache = new Map<number, Database.Statement>();
  const statementFor = (rows: number): Database.Statement => {
    let s = cache.get(rows);
    if (!s) cache.set(rows, (s = db.prepare(`${head} VALUES ${Array.from({ length: rows }, () => row).join(', ')}`)));
    return s;
  };
  return (params: readonly unknown[]): void => {
    const total = params.length / paramsPerRow;
    for (let at = 0; at < total; at += rowsPerStatement) {
      const rows = Math.min(rowsPerStatement, total - at);
      statementFor(rows).run(params.slice(at * paramsPerRow, (at + rows) * paramsPerRow));
    }
  };
}

export interface BulkWriter {
  /**
   * Writes sales orders: headers, lines (ids from `firstLineId` on, in order)
   * and one search row each, with the same text that refreshDerived
   * (repos/orders.ts) writes for an order saved on screen.
   */
  write(orders: readonly BulkOrder[], firstLineId: number): void;
  /** Milliseconds spent in each kind of insert so far (for the bench's build report). */
  readonly timings: { headers: number; lines: number; search: number };
}

export function bulkWriter(db: Db): BulkWriter {
  const headers = multiInsert(db, `INSERT INTO order_header (${HEADER_COLUMNS})`, HEADER_ROW, HEADER_PARAMS, 50);
  const lines = multiInsert(db, `INSERT INTO order_line (${LINE_COLUMNS})`, LINE_ROW, LINE_PARAMS, 50);
  const search = multiInsert(
    db,
    'INSERT INTO order_search (rowid, number, customer, reference, products)',
    SEARCH_ROW,
    SEARCH_PARAMS,
    20,
  );
  const timings = { headers: 0, lines: 0, search: 0 };
  return {
    timings,
    write(orders, firstLineId) {
      const hp: unknown[] = [];
      const lp: unknown[] = [];
      const sp: unknown[] = [];
      let lineId = firstLineId;
      for (const { header: h, lines: ls } of orders) {
        const c = h.customer;
        hp.push(
          h.id, h.number, h.orderType, h.statusId, c.id, c.number, c.name, h.customerSort, h.contactId, h.orderDate,
          h.deliveryDate, h.customerReference, h.customerReference === null ? null : foldText(h.customerReference), h.ourReference, c.paymentTermsDays, h.notes, h.netOre, h.vatOre,
          h.grossOre, ls.length, h.createdAt, h.createdAt,
        );
        let products = '';
        for (let i = 0; i < ls.length; i++) {
          const l = ls[i]!;
          const p = l.product;
          lp.push(
            lineId++, h.id, i + 1, p.id, p.number, p.name, p.unit, l.quantity, l.unitPriceOre, l.discountBp, l.vatCode,
            l.amountOre,
          );
          products += i === 0 ? `${p.number} ${p.name}` : ` ${p.number} ${p.name}`;
        }
        sp.push(
          h.id,
          String(h.number),
          `${c.name} ${c.number}`,
          [h.customerReference, h.ourReference].filter(Boolean).join(' '),
          products,
        );
      }
      let t = performance.now();
      headers(hp);
      timings.headers += performance.now() - t;
      t = performance.now();
      lines(lp);
      timings.lines += performance.now() - t;
      t = performance.now();
      search(sp);
      timings.search += performance.now() - t;
    },
  };
}

// ---- Tuning around a bulk load --------------------------------------------

/**
 * Connection settings for a bulk load, and what to put back afterwards. These
 * are per connection (other connections keep synchronous=FULL); the caller
 * owns this connection for the duration.
 *  - synchronous=OFF: a crash mid-load loses the load, not consistency of what
 *    committed earlier on other connections; a generated database is rebuilt.
 *  - foreign_keys=OFF: every id the generator writes comes from the database it
 *    read; checking two parents for each of ten million lines costs a third of
 *    the line inserts. Tests run PRAGMA foreign_key_check over generated data.
 *  - temp_store=MEMORY: statement journals in memory.
 *  - exclusive (only for a database no one else has open, such as the bench's):
 *    the rollback journal in memory instead of WAL, so committed pages are
 *    written once instead of to the WAL and again at the checkpoint.
 */
export function beginBulkSession(db: Db, opts: { exclusive?: boolean } = {}): () => void {
  const saved = {
    synchronous: db.pragma('synchronous', { simple: true }) as number,
    foreignKeys: db.pragma('foreign_keys', { simple: true }) as number,
    tempStore: db.pragma('temp_store', { simple: true }) as number,
    cacheSize: db.pragma('cache_size', { simple: true }) as number,
    journalMode: db.pragma('journal_mode', { simple: true }) as string,
  };
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = MEMORY');
  // A page cache that holds what the load's transactions touch: the new rows, and
  // the recent orders, lines, stock and count rows the processing goes back to.
  db.pragma('cache_size = -4194304'); // 4 GiB
  if (opts.exclusive) {
    db.pragma('locking_mode = EXCLUSIVE');
    if (db.pragma('journal_mode = MEMORY', { simple: true }) !== 'memory') {
      throw new Error('The database is in use elsewhere; a bulk load with exclusive: true needs it to itself');
    }
  }
  return () => {
    if (opts.exclusive) {
      db.pragma(`journal_mode = ${saved.journalMode}`);
      db.pragma('locking_mode = NORMAL');
    }
    db.pragma(`synchronous = ${saved.synchronous}`);
    db.pragma(`foreign_keys = ${saved.foreignKeys}`);
    db.pragma(`temp_store = ${saved.tempStore}`);
    db.pragma(`cache_size = ${saved.cacheSize}`);
  };
}

/**
 * The search index during a bulk load: a large in-memory buffer and no merging
 * while the rows go in, then one merge into a single segment (the fastest index
 * to search), and FTS5's defaults back.
 */
export function beginBulkSearchLoad(db: Db): () => void {
  // (FTS5 takes configuration values as literals.)
  stmt(db, `INSERT INTO order_search (order_search, rank) VALUES ('hashsize', 268435456)`).run();
  stmt(db, `INSERT INTO order_search (order_search, rank) VALUES ('automerge', 0)`).run();
  return () => {
    stmt(db, `INSERT INTO order_search (order_search) VALUES ('optimize')`).run();
    stmt(db, `INSERT INTO order_search (order_search, rank) VALUES ('hashsize', 1048576)`).run();
    stmt(db, `INSERT INTO order_search (order_search, rank) VALUES ('automerge', 4)`).run();
  };
}

/**
 * Drops the order list's secondary indexes on order_header for a large load and
 * returns what builds them again, from their own definitions. Building an index
 * once from sorted keys costs far less than keeping nine of them (several in
 * random key order) up to date row by row: about a third of the header inserts,
 * and every status move of the processing afterwards. Indexes named in `keep`
 * stay (those the processing itself reads by). Not for order_line, whose
 * indexes follow the insertion order.
 */
export function dropOrderIndexes(db: Db, keep: readonly string[] = []): () => void {
  const indexes = (
    stmt(
      db,
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'order_header' AND sql IS NOT NULL ORDER BY name`,
    ).all() as { name: string; sql: string }[]
  ).filter((i) => !keep.includes(i.name));
  db.transaction(() => {
    for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  }).immediate();
  return () => {
    db.transaction(() => {
      for (const i of indexes) db.exec(i.sql);
    }).immediate();
  };
}

/**
 * Indexes the sales processing wants and the schema does not (yet) have, for the
 * length of a load, and what drops them again so that the schema stays as the
 * migrations made it. Each one turns a lookup the services make for every
 * invoice or every line delivered from a scan that grows with the database into
 * a seek:
 *  - payment by invoice: every invoice read (getInvoice, also right after
 *    issuing one) looks up its cash payment, scanning all payments without it;
 *  - open stock batches: every issue reads a product's batches with stock left,
 *    and without it steps over every emptied batch of the product since the start.
 * The generated data is the same with or without them; only the time differs.
 */
export function addLoadIndexes(db: Db): () => void {
  const made = [
    ['bulk_load_payment_invoice', 'CREATE INDEX bulk_load_payment_invoice ON payment (invoice_id)'],
    ['bulk_load_open_batches', 'CREATE INDEX bulk_load_open_batches ON stock_batch (product_id, received_at, id) WHERE qty_remaining <> 0'],
  ] as const;
  db.transaction(() => {
    for (const [name, sql] of made) {
      db.exec(`DROP INDEX IF EXISTS ${name}`);
      db.exec(sql);
    }
  }).immediate();
  return () => {
    db.transaction(() => {
      for (const [name] of made) db.exec(`DROP INDEX IF EXISTS ${name}`);
    }).immediate();
  };
}

/** Rows of order_header: of one transaction type (sales or purchase orders), or all of them. */
export function countOrders(db: Db, transactionType?: TransactionType): number {
  const row =
    transactionType === undefined
      ? stmt(db, 'SELECT count(*) AS n FROM order_header').get()
      : stmt(db, 'SELECT count(*) AS n FROM order_header WHERE transaction_type = ?').get(transactionType);
  return (row as { n: number }).n;
}
