// npx tsx test/bench/peopleScope.ts [--orders N]
//
// Issue 12: the order list scoped to a customer, a contact, an employee or a
// project over N sales orders (default 1,000,000). The orders are header rows
// only, written straight into a fresh company file (the list reads headers
// alone), spread over 2,000 customers, 40 employees and 300 projects; each scope
// is then listed (first block and a block deep in it) and counted per status tab
// through engine.call, the median of five runs each.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine } from '../../src-main/engine';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? undefined : process.argv[i + 1];
};
const N = Number(arg('orders') ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'ordrebok-scope-'));
const file = join(dir, 'scope.ordrebok');

async function main(): Promise<void> {
  const setup = await openEngine({ file });
  const must = async (channel: Parameters<typeof setup.call>[0], input: unknown) => {
    const r = await setup.call(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}`);
    return r.value as { id: number };
  };
  await must('company.save', { name: 'Fjordlager AS', orgNumber: '923609016', vatRegistered: true, addressLine1: 'Havnegata 12', postalCode: '5003', city: 'Bergen', bankAccount: '15031234562' });
  const employee = (await must('employees.create', { name: 'Kari Ås', initials: 'KÅ' })).id;
  setup.close();

  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const started = Date.now();
  const status = (db.prepare("SELECT id FROM status WHERE transaction_type = 'sales' ORDER BY id").all() as { id: number }[]).map((s) => s.id);
  db.transaction(() => {
    const party = db.prepare("INSERT INTO party (role, kind, number, name, name_fold, name_sort, payment_terms_days, created_at, updated_at) VALUES ('customer', 'private', ?, ?, ?, ?, 14, '2025-01-01', '2025-01-01')");
    for (let i = 1; i <= 2000; i++) party.run(10_000 + i, `Kunde ${i}`, `kunde ${i}`, `kunde ${String(i).padStart(5, '0')}`);
    const contact = db.prepare('INSERT INTO contact (party_id, name, sort_order) VALUES (?, ?, 0)');
    for (let i = 1; i <= 2000; i++) contact.run(i, `Kontakt ${i}`);
    const emp = db.prepare("INSERT INTO employee (name, name_fold, initials, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01', '2025-01-01')");
    for (let i = 1; i < 40; i++) emp.run(`Ansatt ${i}`, `ansatt ${i}`, `A${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    const project = db.prepare("INSERT INTO project (number, name, name_fold, party_id, created_at, updated_at) VALUES (?, ?, ?, ?, '2025-01-01', '2025-01-01')");
    for (let i = 1; i <= 300; i++) project.run(1000 + i, `Prosjekt ${i}`, `prosjekt ${i}`, i);
    const order = db.prepare(
      `INSERT INTO order_header (transaction_type, number, order_type, status_id, party_id, customer_number, customer_name, customer_sort,
         contact_id, order_date, payment_terms_days, created_at, updated_at, responsible_id, our_contact_id, project_id)
       VALUES ('sales', ?, 1, ?, ?, ?, ?, ?, ?, ?, 14, '2025-01-01', '2025-01-01', ?, ?, ?)`,
    );
    for (let i = 1; i <= N; i++) {
      const p = 1 + ((i * 7919) % 2000);
      const day = new Date(Date.UTC(2020, 0, 1) + Math.floor((i / N) * 5 * 365) * 86_400_000).toISOString().slice(0, 10);
      order.run(
        i,
        status[i % status.length],
        p,
        10_000 + p,
        `Kunde ${p}`,
        `kunde ${String(p).padStart(5, '0')}`,
        i % 3 === 0 ? p : null,
        day,
        i % 2 === 0 ? 1 + (i % 40) : null,
        i % 5 === 0 ? 1 + ((i >> 3) % 40) : null,
        p <= 300 && i % 4 === 0 ? p : null,
      );
    }
  })();
  db.close();
  console.log(`${N} orders written in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const engine = await openEngine({ file });
  const time = async (channel: 'orders.list' | 'orders.statusCounts', input: unknown) => {
    const ms: number[] = [];
    let out: unknown;
    for (let r = 0; r < 5; r++) {
      const t0 = process.hrtime.bigint();
      const res = await engine.call(channel, input);
      ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!res.ok) throw new Error(`${channel}: ${res.error.code}`);
      out = res.value;
    }
    ms.sort((a, b) => a - b);
    return { ms: ms[2]!, out };
  };
  const scopes: [string, Record<string, number>][] = [
    ['customer', { customerId: 17 }],
    ['contact', { contactId: 17 }],
    ['employee', { employeeId: employee }],
    ['project', { projectId: 17 }],
  ];
  for (const [name, scope] of scopes) {
    const first = await time('orders.list', { startRow: 0, endRow: 100, ...scope });
    const rowCount = (first.out as { rowCount: number }).rowCount;
    const deep = await time('orders.list', { startRow: Math.max(0, rowCount - 100), endRow: Math.max(100, rowCount), ...scope });
    const counts = await time('orders.statusCounts', scope);
    const byDate = await time('orders.list', { startRow: 0, endRow: 100, sortModel: [{ colId: 'orderDate', sort: 'desc' }], ...scope });
    console.log(
      `${name.padEnd(9)} ${String(rowCount).padStart(7)} orders: first block ${first.ms.toFixed(1)} ms, last block ${deep.ms.toFixed(1)} ms, by date ${byDate.ms.toFixed(1)} ms, status counts ${counts.ms.toFixed(1)} ms`,
    );
  }
  engine.close();
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => (process.env.KEEP ? console.log(file) : rmSync(dir, { recursive: true, force: true })));
