// npm run bench [-- --orders N] [--fresh] [--runs R] [--write-runs W] [--collective-runs C] [--bank-runs B] [--bank-payments P] [--no-writes]
//
// Issue 2, Done-when 5: a company database with N sales orders (default
// 1,000,000, about ten lines each) and, for each thing a clerk does in the order
// list, the engine's time through the real channel path (engine.call: schema
// validation, a read transaction, the handler) against the bare SQL query that
// returns the same rows, on a second read-only connection, in the same run.
//
// Issue 3, Done-when 4: on a copy of the same database, the sales work (create
// a 10-line order, confirm it with reservation, deliver and invoice it, a
// collective invoice of 1,000 orders), each through engine.call against a bare
// SQLite transaction writing the same number of rows (test/bench/writes.ts).
//
// Issue 11, Done-when 6: on the same copy, importing a Nets OCR file of 10,000
// payments matched by KID (test/bench/bankImport.ts), against a bare SQLite
// transaction writing the same rows.
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
// The generator tells every order its story through the sales services
// (demo/generator.ts), and the build ends with an audit of the sales rules over
// the whole file (demo/audit.ts), which must pass. The write bench works on a
// copy made for the run and deleted afterwards, so the cached file stays as built.
import Database from 'better-sqlite3';
import { cpus, loadavg, totalmem } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChannelName } from '../../shared/catalog';
import { openEngine, type Engine } from '../../src-main/engine';
import { openDatabase } from '../../src-main/engine/db/connection';
import { latestVersion } from '../../src-main/engine/db/migrate';
import { auditSales, type AuditFinding } from '../../src-main/engine/demo/audit';
import { GENERATOR_VERSION, generateCustomers, generateOrders, type GenerateResult } from '../../src-main/engine/demo/generator';
import { benchBankImport } from './bankImport';
import { benchWrites, type WriteMeasured } from './writes';

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
const WRITE_RUNS = Number(option('write-runs') ?? 21);
const COLLECTIVE_RUNS = Number(option('collective-runs') ?? 5);
const COLLECTIVE_ORDERS = 1000;
const BANK_RUNS = Number(option('bank-runs') ?? 3);
/** Issue 11: the OCR file of the bank-import case holds this many payments. */
const BANK_PAYMENTS = Number(option('bank-payments') ?? 10_000);
const WRITES = option('no-writes') === undefined;
if (!Number.isInteger(ORDERS) || ORDERS < 1000) throw new Error('--orders must be a whole number, at least 1000');
for (const [name, v] of [['runs', RUNS], ['write-runs', WRITE_RUNS], ['collective-runs', COLLECTIVE_RUNS], ['bank-runs', BANK_RUNS], ['bank-payments', BANK_PAYMENTS]] as const) {
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive whole number`);
}
/** About one customer per 50 orders, 20,000 for a million: "filter by customer" as in a real company. */
const CUSTOMERS = Math.min(20_000, Math.max(300, Math.round(ORDERS / 50)));
const TODAY = '2025-06-30';
const BIG_ORDER_LINES = 50;

const CACHE = resolve('.cache/bench');
const SCHEMA = latestVersion();
const FILE = join(CACHE, `orders-${ORDERS}-g${GENERATOR_VERSION}-s${SCHEMA}.ordrebok`);
const BUILD_INFO = `${FILE}.build.json`;

interface BuildInfo {
  readonly builtAt: string;
  /** Orders entered by the generator, and all orders in the file (with those the processing made). */
  readonly orders: number;
  readonly ordersInFile: number;
  readonly lines: number;
  readonly customers: number;
  readonly buildSeconds: number;
  /** CPU time of the build process (user + system): the machine is shared, so wall time alone says little. */
  readonly buildCpuSeconds: number;
  readonly phasesSeconds: Record<string, number>;
  /** How many steps of each kind the generator ran through the services. */
  readonly steps: Record<string, number>;
  readonly invoices: number;
  readonly audit: readonly AuditFinding[];
  readonly bigOrderId: number;
  /** What else was running: the load average over 1, 5 and 15 minutes at the end of the build. */
  readonly loadAverage: readonly number[];
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
  const cpuStart = process.cpuUsage();
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
    onProgress: (done, timings) => {
      const now = performance.now();
      if (now - last > 60_000 || done === ORDERS - 1) {
        last = now;
        const rate = done / ((now - t) / 1000);
        const cpu = process.cpuUsage(cpuStart);
        console.log(
          `  ${done.toLocaleString('en')} orders, ${Math.round(rate).toLocaleString('en')}/s ` +
            `(saving ${sec(timings.headers + timings.lines + timings.search)} s, processing ${sec(timings.processing)} s; ` +
            `CPU ${sec((cpu.user + cpu.system) / 1000)} s; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`,
        );
      }
    },
  });
  const ordersMs = performance.now() - t;
  t = performance.now();
  const audit = auditSales(db);
  const auditMs = performance.now() - t;
  const broken = audit.filter((f) => f.violations > 0);
  if (broken.length > 0) throw new Error(`The generated database breaks the sales rules:\n${JSON.stringify(broken, null, 2)}`);
  const counts = db.prepare('SELECT (SELECT count(*) FROM order_header) AS orders, (SELECT count(*) FROM invoice) AS invoices').get() as {
    orders: number;
    invoices: number;
  };
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
  const { steps: stepMs, ...phases } = result.timings;
  const info: BuildInfo = {
    builtAt: new Date().toISOString(),
    orders: ORDERS,
    ordersInFile: counts.orders + 1,
    lines: result.lines + BIG_ORDER_LINES,
    customers: CUSTOMERS,
    buildSeconds: sec(performance.now() - started),
    buildCpuSeconds: sec((process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1000),
    phasesSeconds: {
      customers: sec(customersMs),
      orders: sec(ordersMs),
      ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [`orders.${k}`, sec(v)])),
      ...Object.fromEntries(Object.entries(stepMs).map(([k, v]) => [`orders.processing.${k}`, sec(v)])),
      audit: sec(auditMs),
    },
    steps: { ...result.steps },
    invoices: counts.invoices,
    audit,
    bigOrderId: big.id,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
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
  // A large file is checked for damage in a worker after opening, and writes wait for its answer:
  // wait for it here (auth.logout is a write that changes nothing), so it does not compete with the measuring.
  const checkStarted = performance.now();
  await engine.call('auth.logout', {});
  console.log(`  Integrity check of the file (worker, before measuring): ${Math.round(performance.now() - checkStarted)} ms`);
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
  // The read-only connection first, so that the engine's, closing last, folds the WAL into the file.
  bare.close();
  engine.close();

  // The sales work, on a copy of the database made for this run (the cached file stays as built).
  let sales: WriteMeasured[] = [];
  const twin = join(CACHE, 'write-twin.ordrebok');
  if (WRITES) {
    removeDatabase(twin);
    console.log(`Copying the database for the write bench → ${twin}`);
    const c = new Database(FILE);
    c.pragma('wal_checkpoint(TRUNCATE)');
    c.close();
    copyFileSync(FILE, twin);
    const writer = await openEngine({ file: twin });
    try {
      sales = await benchWrites(writer, twin, {
        customerId: typical.party_id,
        runs: WRITE_RUNS,
        collectiveRuns: COLLECTIVE_RUNS,
        collectiveOrders: COLLECTIVE_ORDERS,
        onProgress: (x) => process.stdout.write(x),
      });
      sales.push(await benchBankImport(writer, twin, { runs: BANK_RUNS, transactions: BANK_PAYMENTS, onProgress: (x) => process.stdout.write(x) }));
      process.stdout.write('\n');
    } finally {
      writer.close();
      removeDatabase(twin);
    }
  }

  const facts = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    sqlite: sqliteVersion,
    database: FILE,
    databaseMiB: Math.round(sizeBytes / 2 ** 20),
    orders: info.orders,
    ordersInFile: info.ordersInFile,
    lines: info.lines,
    invoices: info.invoices,
    customers: info.customers,
    buildSeconds: info.buildSeconds,
    buildCpuSeconds: info.buildCpuSeconds,
    buildPhasesSeconds: info.phasesSeconds,
    buildSteps: info.steps,
    buildLoadAverage: info.loadAverage,
    audit: info.audit.map((f) => `${f.violations === 0 ? 'ok' : `${f.violations} violations`}: ${f.rule}`),
    builtAt: info.builtAt,
    reusedCachedDatabase: reused,
    runsPerOperation: RUNS,
    writeRunsPerOperation: WRITE_RUNS,
    collectiveInvoiceRuns: COLLECTIVE_RUNS,
    measured:
      'median of runs. Reads: engine = engine.call() through schema validation, read transaction and handler, with the list memo ' +
      'invalidated by a small write before each run; bare = one prepared statement on a second read-only connection; warm page caches. ' +
      'Writes (on a copy of the database): engine = engine.call() through schema validation, IMMEDIATE transaction, handler and services, ' +
      'commit with synchronous=FULL; bare = one transaction on a second connection (WAL, synchronous=FULL) writing the same number of rows, ' +
      'counted per run table by table (inserts, updates, deletes; the count tables written by triggers; the search row), into scratch ' +
      'copies of the same tables (same columns and secondary indexes, no triggers) in the same file, values picked before the clock starts',
  };

  const rows = [
    ...results.map((r) => ({ ...r, kind: 'read' as const })),
    ...sales.map((r) => ({ operation: r.operation, engineMs: r.engineMs, bareMs: r.bareMs, ratio: r.ratio, rows: r.rows, note: r.note.split('; rows:')[0]!, kind: 'write' as const })),
  ];
  const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(1));
  const w = Math.max(...rows.map((r) => r.operation.length), 9);
  console.log();
  console.log(`${'operation'.padEnd(w)}  ${'engine ms'.padStart(10)}  ${'bare SQL ms'.padStart(11)}  ${'ratio'.padStart(7)}  ${'rows'.padStart(6)}  note`);
  console.log(`${'-'.repeat(w)}  ${'-'.repeat(10)}  ${'-'.repeat(11)}  ${'-'.repeat(7)}  ------  ----`);
  let kind = rows[0]?.kind;
  for (const r of rows) {
    if (r.kind !== kind) {
      kind = r.kind;
      console.log(`${'— writes (rows = rows written; bare = one transaction writing as many)'.padEnd(w)}`);
    }
    console.log(
      `${r.operation.padEnd(w)}  ${fmt(r.engineMs).padStart(10)}  ${fmt(r.bareMs).padStart(11)}  ${r.ratio.toFixed(2).padStart(7)}  ${String(r.rows).padStart(6)}  ${r.note}`,
    );
  }
  console.log();
  for (const r of sales) console.log(`${r.operation}: ${r.note.split('; rows: ')[1] ?? ''}`);
  if (sales.length > 0) console.log();
  console.log(
    `${facts.orders.toLocaleString('en')} orders entered (${facts.ordersInFile.toLocaleString('en')} in the file with those made from quotes and backorders), ` +
      `${facts.lines.toLocaleString('en')} lines, ${facts.invoices.toLocaleString('en')} invoices and credit notes, ${facts.customers.toLocaleString('en')} customers; ` +
      `database ${facts.databaseMiB.toLocaleString('en')} MiB; built in ${facts.buildSeconds} s (${facts.buildCpuSeconds} s CPU, ` +
      `load average ${facts.buildLoadAverage.join(' ')} at its end)${reused ? ` (cached, ${facts.builtAt})` : ''}`,
  );
  console.log(
    `${facts.cores} cores (${facts.cpu}), ${facts.memoryGiB} GiB, load average ${facts.loadAverageAtEnd.join(' ')}; Node ${facts.node}; SQLite ${facts.sqlite}; ` +
      `${RUNS} runs per read, ${WRITE_RUNS} per write, ${COLLECTIVE_RUNS} collective invoices`,
  );
  console.log(`Build phases (s): ${JSON.stringify(facts.buildPhasesSeconds)}`);
  console.log(`Audit of the sales rules at build: ${info.audit.every((f) => f.violations === 0) ? `all ${info.audit.length} rules hold` : 'VIOLATIONS'}`);

  mkdirSync(CACHE, { recursive: true });
  writeFileSync(join(CACHE, 'last-run.json'), `${JSON.stringify({ facts, results, writes: sales }, null, 2)}\n`);
  console.log(`Written to ${join(CACHE, 'last-run.json')}`);
}

await main();
