// npx tsx test/bench/export.ts [--orders N]
//
// Issue 13: exporting the order list (default 100,000 sales orders, header rows
// written straight into a fresh company file; the list reads headers alone) to
// CSV and to .xlsx through engine.call, in rows per second, against the bare
// SELECT of the same rows and columns in the same order, measured in the same
// run on the same file (ratio = export time / bare time). Also: the longest wait
// of another call (statuses.list, asked again and again) while an export runs,
// which shows that the batches leave the engine free in between.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine, type Engine } from '../../src-main/engine';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const N = Number(arg('orders') ?? 100_000);
const RUNS = 3;
const dir = mkdtempSync(join(tmpdir(), 'ordrebok-export-'));
const file = join(dir, 'export.ordrebok');

const NAMES = ['Ærlig Håndverk ENK', 'Øystein Bråten', 'Åsane Rør AS', 'Bergen Bygg og Tømrer AS', 'Kari Nordmann', 'Fjordlager AS'];

async function fill(): Promise<void> {
  const setup = await openEngine({ file });
  const r = await setup.call('company.save', { name: 'Fjordlager AS', orgNumber: '923609016', vatRegistered: true, addressLine1: 'Havnegata 12', postalCode: '5003', city: 'Bergen', bankAccount: '15031234562' });
  if (!r.ok) throw new Error(r.error.code);
  setup.close();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const status = (db.prepare("SELECT id FROM status WHERE transaction_type = 'sales' ORDER BY id").all() as { id: number }[]).map((s) => s.id);
  db.transaction(() => {
    const party = db.prepare("INSERT INTO party (role, kind, number, name, name_fold, name_sort, payment_terms_days, created_at, updated_at) VALUES ('customer', 'private', ?, ?, ?, ?, 14, '2025-01-01', '2025-01-01')");
    for (let i = 1; i <= 500; i++) {
      const name = `${NAMES[i % NAMES.length]} ${i}`;
      party.run(10_000 + i, name, name.toLowerCase(), name.toLowerCase());
    }
    const order = db.prepare(
      `INSERT INTO order_header (transaction_type, number, order_type, status_id, party_id, customer_number, customer_name, customer_sort,
         order_date, delivery_date, customer_reference, payment_terms_days, total_net_ore, total_gross_ore, created_at, updated_at)
       VALUES ('sales', ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 14, ?, ?, '2025-01-01', '2025-01-01')`,
    );
    for (let i = 1; i <= N; i++) {
      const p = 1 + ((i * 7919) % 500);
      const name = `${NAMES[p % NAMES.length]} ${p}`;
      const day = new Date(Date.UTC(2020, 0, 1) + Math.floor((i / N) * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
      const net = 10_000 + ((i * 104_729) % 5_000_000);
      order.run(i, status[i % status.length], p, 10_000 + p, name, name.toLowerCase(), day, i % 3 ? day : null, i % 4 ? `PO-${i}` : null, net, Math.round(net * 1.25));
    }
  })();
  db.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeExport(engine: Engine, format: 'csv' | 'xlsx'): Promise<{ ms: number; rows: number; bytes: number; longestWaitMs: number }> {
  const ms: number[] = [];
  let rows = 0;
  let bytes = 0;
  let longestWaitMs = 0;
  for (let r = 0; r < RUNS; r++) {
    let done = false;
    const t0 = process.hrtime.bigint();
    const running = engine.call('export.list', { list: 'orders', format }).then((res) => {
      done = true;
      return res;
    });
    // Another clerk's call, asked over and over while the export runs: how long does it wait at most?
    while (!done) {
      const asked = process.hrtime.bigint();
      await new Promise((resolve) => setImmediate(resolve));
      const s = await engine.call('statuses.list', {});
      if (!s.ok) throw new Error(s.error.code);
      if (!done) longestWaitMs = Math.max(longestWaitMs, Number(process.hrtime.bigint() - asked) / 1e6);
    }
    const res = await running;
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (!res.ok) throw new Error(res.error.code);
    rows = res.value.rowCount;
    bytes = res.value.contentBase64.length * 0.75;
  }
  return { ms: median(ms), rows, bytes, longestWaitMs };
}

/** The bare SELECT of the same rows, columns and order as the export of the unfiltered list (newest number first). */
function timeBare(): number {
  const db = new Database(file, { readonly: true });
  const select = db.prepare(
    `SELECT id, number, order_date, delivery_date, party_id, customer_number, customer_name, order_type, status_id,
       customer_reference, total_net_ore, total_gross_ore, invoiced_net_ore, updated_at, title, responsible_id, project_id
     FROM order_header WHERE transaction_type = 'sales' ORDER BY number DESC, id DESC`,
  );
  const ms: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    const n = select.all().length;
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (n !== N) throw new Error(`bare select: ${n} rows`);
  }
  db.close();
  return median(ms);
}

async function main(): Promise<void> {
  const started = Date.now();
  await fill();
  console.log(`export bench: ${N} orders written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const engine = await openEngine({ file });
  try {
    const bare = timeBare();
    console.log(`  bare SELECT of the same rows: ${bare.toFixed(0)} ms (${Math.round((N / bare) * 1000)} rows/s)`);
    for (const format of ['csv', 'xlsx'] as const) {
      const r = await timeExport(engine, format);
      if (r.rows !== N) throw new Error(`${format}: ${r.rows} rows exported, expected ${N}`);
      console.log(
        `  ${format.padEnd(4)}: ${r.ms.toFixed(0)} ms for ${r.rows} rows = ${Math.round((r.rows / r.ms) * 1000)} rows/s, ${(r.bytes / 1e6).toFixed(1)} MB; ` +
          `${(r.ms / bare).toFixed(1)}x the bare SELECT; another call waited at most ${r.longestWaitMs.toFixed(0)} ms meanwhile`,
      );
    }
  } finally {
    engine.close();
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
