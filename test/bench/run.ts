// npm run bench [-- --orders N] [--fresh] [--runs R]
//
// Issue 2, Done-when 5: a company database with N sales orders (default
// 1,000,000, about ten lines each) and, for each thing a clerk does in the order
// list, the engine's time through the real channel path (engine.call: schema
// validation, a read transaction, the handler) against the bare SQL query that
// returns the same rows, on a second read-only connection, in the same run.
//
// What is measured: the median of R runs of each operation, alternating engine
// and bare SQL. Before every engine run the engine's own list memo (row counts
// and remembered block positions, keyed on the data version) is invalidated by a
// small real write, so a block deep in the list is found again every time rather
// than served from memory. SQLite's page cache and the OS file cache are warm for
// both sides, as they are for a clerk who has the program open.
//
// The database is built once and cached in .cache/bench/ (git-ignored), keyed on
// the order count, the generator version and the schema version; --fresh rebuilds.
import Database from 'better-sqlite3';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChannelName } from '../../shared/catalog';
import { openEngine, type Engine } from '../../src-main/engine';
import { openDatabase } from '../../src-main/engine/db/connection';
import { loadMigrations } from '../../src-main/engine/db/migrate';
import { GENERATOR_VERSION, generateCustomers, generateOrders, type GenerateResult } from '../../src-main/engine/demo/generator';

// ---- Options --------------------------------------------------------------------

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = process.argv[i + 1];
  return v === undefined || v.startsWith('--') ? '' : v;
}
const ORDERS = Number(option('orders') ?? 1_000_000);
const FRESH = option('fresh') !== undefined;
const RUNS = Number(option('runs') ?? 21);
if (!Number.isInteger(ORDERS) || ORDERS < 1000) throw new Error('--orders must be a whole number, at least 1000');
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive whole number');
/** About one customer per 50 orders, 20,000 for a million: "filter by customer" as in a real company. */
const CUSTOMERS = Math.min(20_000, Math.max(300, Math.round(ORDERS / 50)));
const TODAY = '2025-06-30';
const BIG_ORDER_LINES = 50;

const CACHE = resolve('.cache/bench');
const SCHEMA = loadMigrations().length;
const FILE = join(CACHE, `orders-${ORDERS}-g${GENERATOR_VERSION}-s${SCHEMA}.ordrebok`);
const BUILD_INFO = `${FILE}.build.json`;

interface BuildInfo {
  readonly builtAt: string;
  readonly orders: number;
  readonly lines: number;
  readonly customers: number;
  readonly buildSeconds: number;
  readonly phasesSeconds: Record<string, number>;
  readonly bigOrderId: number;
}

const sec = (ms: number): number => Math.round(ms / 100) / 10;

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}

async function mustCall(engine: Engine, channel: ChannelName, input: unknown): Promise<unknown> {
  const r = await engine.call(channel, input);
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.field ?? ''} ${r.error.message.en}`);
  return r.value;
}

// ---- Building the database ----------------------------------------------------------

async function build(): Promise<BuildInfo> {
  mkdirSync(CACHE, { recursive: true });
  const tmp = `${FILE}.building`;
  removeDatabase(tmp);
  const started = performance.now();
  console.log(`Building ${ORDERS.toLocaleString('en')} orders, ${CUSTOMERS.toLocaleString('en')} customers → ${FILE}`);

  // The demo company's settings, range and customers, through the channels.
  const clock = () => new Date(`${TODAY}T09:00:00`);
  let engine = await openEngine({ file: tmp, clock });
  await mustCall(engine, 'system.createDemo', { orders: 0 });
  engine.close();

  const db = openDatabase(tmp);
  let t = performance.now();
  generateCustomers(db, { customers: CUSTOMERS - 25, seed: 11, now: `${TODAY}T09:00:00.000Z` });
  const customersMs = performance.now() - t;
  t = performance.now();
  let last = t;
  const result: GenerateResult = generateOrders(db, {
    orders: ORDERS - 1,
    seed: 42,
    today: TODAY,
    exclusive: true,
    batchSize: 25_000,
    onProgress: (done) => {
      const now = performance.now();
      if (now - last > 10_000 || done === ORDERS - 1) {
        last = now;
        const rate = done / ((now - t) / 1000);
        console.log(`  ${done.toLocaleString('en')} orders, ${Math.round(rate).toLocaleString('en')}/s`);
      }
    },
  });
  const ordersMs = performance.now() - t;
  db.close();

  // One order with 50 lines, entered through the channel like any other.
  engine = await openEngine({ file: tmp, clock });
  const products = (await mustCall(engine, 'products.list', { limit: 100 })) as { rows: { id: number; stockManaged: boolean }[] };
  const customer = (await mustCall(engine, 'customers.lookup', { query: 'Akershus Entreprenør' })) as { id: number }[];
  const big = (await mustCall(engine, 'orders.create', {
    header: { customerId: customer[0]!.id, orderType: 5, customerReference: 'PO-5050' },
    lines: Array.from({ length: BIG_ORDER_LINES }, (_, i) => ({
      productId: products.rows[i % products.rows.length]!.id,
      quantity: (1 + (i % 7)) * 1000,
    })),
  })) as { id: number; lines: unknown[] };
  if (big.lines.length !== BIG_ORDER_LINES) throw new Error('the big order did not get its lines');
  engine.close();

  removeDatabase(FILE);
  renameSync(tmp, FILE);
  const info: BuildInfo = {
    builtAt: new Date().toISOString(),
    orders: ORDERS,
    lines: result.lines + BIG_ORDER_LINES,
    customers: CUSTOMERS,
    buildSeconds: sec(performance.now() - started),
    phasesSeconds: {
      customers: sec(customersMs),
      orders: sec(ordersMs),
      ...Object.fromEntries(Object.entries(result.timings).map(([k, v]) => [`orders.${k}`, sec(v)])),
    },
    bigOrderId: big.id,
  };
  writeFileSync(BUILD_INFO, `${JSON.stringify(info, null, 2)}\n`);
  console.log(`Built in ${info.buildSeconds} s`);
  return info;
}

// ---- Measuring ---------------------------------------------------------------------

interface Measured {
  readonly operation: string;
  readonly engineMs: number;
  readonly bareMs: number;
  readonly ratio: number;
  readonly rows: number;
  readonly note: string;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const LIST_COLUMNS = `id, number, order_date AS orderDate, delivery_date AS deliveryDate, party_id AS customerId,
  customer_number AS customerNumber, customer_name AS customerName, order_type AS orderType, status_id AS statusId,
  customer_reference AS customerReference, total_net_ore AS totalNetOre, total_gross_ore AS totalGrossOre,
  updated_at AS updatedAt`;

async function main(): Promise<void> {
  let info: BuildInfo;
  let reused = false;
  if (!FRESH && existsSync(FILE) && existsSync(BUILD_INFO)) {
    info = JSON.parse(readFileSync(BUILD_INFO, 'utf8')) as BuildInfo;
    reused = true;
    console.log(`Reusing ${FILE} (built ${info.builtAt} in ${info.buildSeconds} s; --fresh rebuilds)`);
  } else {
    info = await build();
  }

  const engine = await openEngine({ file: FILE });
  const bare = new Database(FILE, { readonly: true });
  bare.pragma('cache_size = -65536'); // the same page cache as the engine's connection
  const sqliteVersion = (bare.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const sizeBytes = ['', '-wal'].reduce((s, x) => s + (existsSync(`${FILE}${x}`) ? statSync(`${FILE}${x}`).size : 0), 0);

  const one = <T>(sql: string, ...p: unknown[]) => bare.prepare(sql).get(...p) as T;
  const statuses = bare
    .prepare(
      `SELECT s.id, s.kind, s.label_nb AS label, c.n FROM status s JOIN order_status_count c ON c.status_id = s.id
       WHERE s.transaction_type = 'sales' AND c.n > 0 ORDER BY c.n DESC`,
    )
    .all() as { id: number; kind: string; label: string; n: number }[];
  const bigStatus = statuses[0]!;
  const confirmed = statuses.find((s) => s.kind === 'confirmed') ?? statuses[statuses.length - 1]!;
  const busiest = one<{ party_id: number; n: number }>(
    'SELECT party_id, count(*) AS n FROM order_header GROUP BY party_id ORDER BY n DESC LIMIT 1',
  );
  const typical = one<{ party_id: number; n: number }>(
    `SELECT party_id, n FROM (SELECT party_id, count(*) AS n FROM order_header GROUP BY party_id) ORDER BY n LIMIT 1 OFFSET ?`,
    Math.floor(CUSTOMERS / 2),
  );
  const customerName = one<{ name: string }>('SELECT name FROM party WHERE id = ?', busiest.party_id).name;
  const middleNumber = one<{ number: number }>('SELECT number FROM order_header ORDER BY id LIMIT 1 OFFSET ?', Math.floor(ORDERS / 2)).number;
  const matchOf = (search: string) => (search.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => `"${w}"*`).join(' ');

  // Invalidates the engine's list memo with a real (small) write: a note on the big order.
  let version = (await mustCall(engine, 'orders.get', { id: info.bigOrderId }) as { version: number }).version;
  let writes = 0;
  const invalidate = async () => {
    const o = (await mustCall(engine, 'orders.updateHeader', {
      id: info.bigOrderId,
      version,
      header: { notes: `Benk ${++writes}` },
    })) as { version: number };
    version = o.version;
  };

  interface Op {
    readonly operation: string;
    readonly channel: ChannelName;
    readonly input: unknown;
    readonly bare: () => unknown[];
    readonly note?: string;
  }
  const list = (sql: string, ...p: unknown[]) => {
    const s = bare.prepare(sql);
    return () => s.all(...p);
  };
  const deep = Math.min(500_000, Math.floor(ORDERS / 2));
  const ops: Op[] = [
    {
      operation: 'first page, sorted by date',
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, sortModel: [{ colId: 'orderDate', sort: 'desc' }] },
      bare: list(`SELECT ${LIST_COLUMNS} FROM order_header WHERE transaction_type = 'sales' ORDER BY order_date DESC, id DESC LIMIT 100`),
    },
    {
      operation: 'first page, sorted by customer name',
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, sortModel: [{ colId: 'customerName', sort: 'asc' }] },
      bare: list(`SELECT ${LIST_COLUMNS} FROM order_header WHERE transaction_type = 'sales' ORDER BY customer_sort, id LIMIT 100`),
    },
    {
      operation: `first page, status tab «${confirmed.label}» (${confirmed.n.toLocaleString('en')})`,
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, statusId: confirmed.id },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header WHERE transaction_type = 'sales' AND status_id = ? ORDER BY number DESC, id DESC LIMIT 100`,
        confirmed.id,
      ),
    },
    {
      operation: `first page, status tab «${bigStatus.label}» (${bigStatus.n.toLocaleString('en')}), by date`,
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, statusId: bigStatus.id, sortModel: [{ colId: 'orderDate', sort: 'desc' }] },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header WHERE transaction_type = 'sales' AND status_id = ? ORDER BY order_date DESC, id DESC LIMIT 100`,
        bigStatus.id,
      ),
    },
    {
      operation: `first page, busiest customer (${busiest.n.toLocaleString('en')} orders)`,
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, customerId: busiest.party_id },
      bare: list(`SELECT ${LIST_COLUMNS} FROM order_header WHERE party_id = ? ORDER BY number DESC, id DESC LIMIT 100`, busiest.party_id),
      note: 'bare SQL: WHERE party_id = ?',
    },
    {
      operation: `first page, typical customer (${typical.n} orders)`,
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, customerId: typical.party_id },
      bare: list(`SELECT ${LIST_COLUMNS} FROM order_header WHERE party_id = ? ORDER BY number DESC, id DESC LIMIT 100`, typical.party_id),
      note: 'bare SQL: WHERE party_id = ?',
    },
    {
      operation: `first page, typical customer (${typical.n} orders), by date`,
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, customerId: typical.party_id, sortModel: [{ colId: 'orderDate', sort: 'desc' }] },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header WHERE party_id = ? ORDER BY order_date DESC, id DESC LIMIT 100`,
        typical.party_id,
      ),
      note: 'bare SQL: WHERE party_id = ?',
    },
    {
      operation: `block at row ${deep.toLocaleString('en')}, sorted by date`,
      channel: 'orders.list',
      input: { startRow: deep, endRow: deep + 100, sortModel: [{ colId: 'orderDate', sort: 'desc' }] },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header WHERE transaction_type = 'sales' ORDER BY order_date DESC, id DESC LIMIT 100 OFFSET ?`,
        deep,
      ),
      note: 'bare SQL: LIMIT 100 OFFSET',
    },
    {
      operation: `block at row ${deep.toLocaleString('en')}, sorted by number`,
      channel: 'orders.list',
      input: { startRow: deep, endRow: deep + 100, sortModel: [{ colId: 'number', sort: 'asc' }] },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header WHERE transaction_type = 'sales' ORDER BY number, id LIMIT 100 OFFSET ?`,
        deep,
      ),
      note: 'bare SQL: LIMIT 100 OFFSET',
    },
    {
      operation: `block at row ${deep.toLocaleString('en')}, sorted by customer name`,
      channel: 'orders.list',
      input: { startRow: deep, endRow: deep + 100, sortModel: [{ colId: 'customerName', sort: 'asc' }] },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header WHERE transaction_type = 'sales' ORDER BY customer_sort, id LIMIT 100 OFFSET ?`,
        deep,
      ),
      note: 'bare SQL: LIMIT 100 OFFSET',
    },
    {
      operation: `search for a customer name («${customerName}»)`,
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, search: customerName },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header
         WHERE id IN (SELECT rowid FROM order_search WHERE order_search MATCH ?) ORDER BY number DESC, id DESC LIMIT 100`,
        matchOf(customerName),
      ),
      note: 'engine also counts all matches',
    },
    {
      operation: `search for an order number (${middleNumber})`,
      channel: 'orders.list',
      input: { startRow: 0, endRow: 100, search: String(middleNumber) },
      bare: list(
        `SELECT ${LIST_COLUMNS} FROM order_header
         WHERE id IN (SELECT rowid FROM order_search WHERE order_search MATCH ?) ORDER BY number DESC, id DESC LIMIT 100`,
        matchOf(String(middleNumber)),
      ),
    },
    {
      operation: `fetch one order with ${BIG_ORDER_LINES} lines`,
      channel: 'orders.get',
      input: { id: info.bigOrderId },
      bare: (() => {
        const h = bare.prepare('SELECT o.*, s.kind FROM order_header o JOIN status s ON s.id = o.status_id WHERE o.id = ?');
        const l = bare.prepare('SELECT * FROM order_line WHERE order_id = ? ORDER BY line_no');
        return () => [h.get(info.bigOrderId), ...l.all(info.bigOrderId)];
      })(),
      note: 'bare SQL: header + lines',
    },
    {
      operation: 'status tab counts',
      channel: 'orders.statusCounts',
      input: {},
      bare: list(`SELECT status_id, count(*) AS n FROM order_header WHERE transaction_type = 'sales' GROUP BY status_id`),
      note: 'bare SQL: GROUP BY over all orders',
    },
  ];

  // Every engine answer must be the bare query's rows (ids), or the comparison means nothing.
  for (const op of ops) {
    if (op.channel !== 'orders.list') continue;
    const r = (await mustCall(engine, op.channel, op.input)) as { rows: { id: number }[] };
    const want = (op.bare() as { id: number }[]).map((x) => x.id);
    if (JSON.stringify(r.rows.map((x) => x.id)) !== JSON.stringify(want)) throw new Error(`engine and bare SQL disagree: ${op.operation}`);
  }

  const results: Measured[] = [];
  for (const op of ops) {
    const e: number[] = [];
    const b: number[] = [];
    let rows = 0;
    op.bare(); // compile and touch once, outside the timing, for both sides
    await engine.call(op.channel, op.input);
    for (let i = 0; i < RUNS; i++) {
      await invalidate();
      let t = performance.now();
      const r = await engine.call(op.channel, op.input);
      e.push(performance.now() - t);
      if (!r.ok) throw new Error(`${op.operation}: ${r.error.code}`);
      t = performance.now();
      rows = op.bare().length;
      b.push(performance.now() - t);
    }
    const engineMs = median(e);
    const bareMs = median(b);
    results.push({ operation: op.operation, engineMs, bareMs, ratio: engineMs / bareMs, rows, note: op.note ?? '' });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  engine.close();
  bare.close();

  const facts = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    sqlite: sqliteVersion,
    database: FILE,
    databaseMiB: Math.round(sizeBytes / 2 ** 20),
    orders: info.orders,
    lines: info.lines,
    customers: info.customers,
    buildSeconds: info.buildSeconds,
    buildPhasesSeconds: info.phasesSeconds,
    builtAt: info.builtAt,
    reusedCachedDatabase: reused,
    runsPerOperation: RUNS,
    measured:
      'median of runs; engine = engine.call() through schema validation, read transaction and handler, with the list memo ' +
      'invalidated by a small write before each run; bare = one prepared statement on a second read-only connection; warm page caches',
  };

  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(1));
  const w = Math.max(...results.map((r) => r.operation.length), 9);
  console.log();
  console.log(`${'operation'.padEnd(w)}  ${'engine ms'.padStart(10)}  ${'bare SQL ms'.padStart(11)}  ${'ratio'.padStart(7)}  rows  note`);
  console.log(`${'-'.repeat(w)}  ${'-'.repeat(10)}  ${'-'.repeat(11)}  ${'-'.repeat(7)}  ----  ----`);
  for (const r of results) {
    console.log(
      `${r.operation.padEnd(w)}  ${fmt(r.engineMs).padStart(10)}  ${fmt(r.bareMs).padStart(11)}  ${r.ratio.toFixed(2).padStart(7)}  ${String(r.rows).padStart(4)}  ${r.note}`,
    );
  }
  console.log();
  console.log(
    `${facts.orders.toLocaleString('en')} orders, ${facts.lines.toLocaleString('en')} lines, ${facts.customers.toLocaleString('en')} customers; ` +
      `database ${facts.databaseMiB.toLocaleString('en')} MiB; built in ${facts.buildSeconds} s${reused ? ` (cached, ${facts.builtAt})` : ''}`,
  );
  console.log(`${facts.cores} cores (${facts.cpu}), ${facts.memoryGiB} GiB; Node ${facts.node}; SQLite ${facts.sqlite}; ${RUNS} runs per operation`);
  console.log(`Build phases (s): ${JSON.stringify(facts.buildPhasesSeconds)}`);

  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, 'last-run.json'), `${JSON.stringify({ facts, results }, null, 2)}\n`);
  console.log(`Written to ${join(CACHE, 'last-run.json')}`);
}

await main();
