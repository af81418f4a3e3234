// The invoice screen's list (SPEC 11): paged, sorted and filtered by the engine
// through an allowlist of columns, tabs by derived state with their counts, a
// search that folds Norwegian letters, and the SQL state equal to the domain's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOICE_TABS, type InvoiceBalance, type InvoicePageInput } from '../../shared/channels/receivables';
import { invoiceState } from '../../src-main/engine/domain/invoiceState';
import { queryFile } from '../helpers/engine';
import { creditNote, invoiceFor, pay } from '../helpers/ledger';
import { salesWorld, type SalesWorld } from '../helpers/sales';

const TODAY = '2025-03-01';
const at = (iso: string) => new Date(`${iso}T10:00:00`);
const now = at('2025-01-05');
let w: SalesWorld;
let aasane: number;
const ids: Record<string, number> = {};

beforeAll(async () => {
  w = await salesWorld({ now });
  aasane = (await w.t.ok('customers.create', { kind: 'business', name: 'Åsane Rør AS', orgNumber: '974760673', paymentTermsDays: 30 })).id;
  // Old invoices (due in January): overdue by TODAY unless settled.
  ids.overdue = (await invoiceFor(w, [[w.drill, 1_000]])).id;
  ids.paid = (await invoiceFor(w, [[w.drill, 1_000]])).id;
  await pay(w, ids.paid, 125_000, '2025-01-05');
  const credited = await invoiceFor(w, [[w.bread, 2_000]], aasane);
  ids.credited = credited.id;
  ids.creditNote = (await creditNote(w, credited)).id;
  ids.void = (await invoiceFor(w, [[w.bread, 1_000]])).id;
  now.setTime(at('2025-02-25').getTime());
  // Recent ones: not yet due.
  ids.open = (await invoiceFor(w, [[w.drill, 3_000]], aasane)).id;
  ids.partly = (await invoiceFor(w, [[w.drill, 1_000]], aasane)).id;
  await pay(w, ids.partly, 25_000, '2025-02-25');
  for (let i = 0; i < 12; i++) await invoiceFor(w, [[w.bread, 1_000 + i * 1_000]]);
  now.setTime(at(TODAY).getTime());
  // Voiding is the reminders part's channel: the flag is set on the side, the list must show it.
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const db = openDatabase(w.t.file);
  db.prepare('UPDATE invoice SET voided = 1 WHERE id = ?').run(ids.void);
  db.close();
}, 60_000);
afterAll(() => w.t.close());

const page = (input: Partial<InvoicePageInput> = {}) => w.t.ok('invoices.page', { startRow: 0, endRow: 1000, ...input });
const all = async (input: Partial<InvoicePageInput> = {}) => (await page(input)).rows;

describe('tabs by derived state', () => {
  it('puts each invoice under its state, and the counts match the pages', async () => {
    const rows = await all();
    const stateOf = (id: number) => rows.find((r) => r.invoiceId === id)!.state;
    expect(Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, stateOf(id)]))).toEqual({
      overdue: 'overdue',
      paid: 'paid',
      credited: 'credited',
      creditNote: 'credit_note',
      void: 'void',
      open: 'open',
      partly: 'partly_paid',
    });
    const counts = await w.t.ok('invoices.tabCounts', {});
    for (const tab of INVOICE_TABS) {
      const p = await page({ tab: tab.key });
      expect(p.rowCount, tab.key).toBe(counts[tab.key]);
      expect(p.rows.every((r) => (tab.states as readonly string[]).includes(r.state)), tab.key).toBe(true);
    }
    expect(counts).toMatchObject({ all: 19, overdue: 1, paid: 1, credited: 2, void: 1 });
    expect(counts.unpaid).toBe(19 - 1 - 2 - 1);
    const forAasane = await w.t.ok('invoices.tabCounts', { customerId: aasane });
    expect(forAasane).toMatchObject({ all: 4, unpaid: 2, credited: 2, paid: 0 });
  });

  it('the state the list derives in SQL is the domain rule for every invoice', async () => {
    const rows = await all();
    const voided = new Set((await queryFile<{ id: number }>(w.t.file, 'SELECT id FROM invoice WHERE voided = 1')).map((r) => r.id));
    expect(rows).toHaveLength(19);
    for (const r of rows) {
      const domain = invoiceState({ kind: r.kind, voided: voided.has(r.invoiceId), dueDate: r.dueDate, payableOre: r.payableOre, creditedOre: r.creditedOre, paidOre: r.paidOre }, TODAY);
      expect(r.state, `invoice ${r.number}`).toBe(domain);
    }
  });
});

describe('paging and sorting', () => {
  it('blocks read one after the other give the whole list once, newest number first by default', async () => {
    const whole = await all();
    const blocks: InvoiceBalance[] = [];
    for (let start = 0; start < whole.length; start += 5) blocks.push(...(await page({ startRow: start, endRow: start + 5 })).rows);
    expect(blocks.map((r) => r.invoiceId)).toEqual(whole.map((r) => r.invoiceId));
    expect(whole.map((r) => r.number)).toEqual([...whole.map((r) => r.number)].sort((a, b) => b - a));
    expect((await page({ startRow: 5, endRow: 10 })).rowCount).toBe(19);
  });

  it('sorts by the allowed columns; the customer name in Norwegian order (Å after Z)', async () => {
    const byOutstanding = await all({ sortModel: [{ colId: 'outstandingOre', sort: 'desc' }] });
    expect(byOutstanding.map((r) => r.outstandingOre)).toEqual([...byOutstanding.map((r) => r.outstandingOre)].sort((a, b) => b - a));
    const byName = await all({ sortModel: [{ colId: 'customerName', sort: 'asc' }, { colId: 'number', sort: 'asc' }] });
    expect(byName[0]!.customerName).toBe('Bergen Bygg AS');
    expect(byName[byName.length - 1]!.customerName).toBe('Åsane Rør AS');
    const e = await w.t.refused('invoices.page', { startRow: 0, endRow: 10, sortModel: [{ colId: 'party_id; DROP TABLE invoice', sort: 'asc' }] });
    expect(e).toMatchObject({ code: 'invalid_sort_column', field: 'sortModel.0.colId' });
  });

  it('filters by column: number range, date, folded name, and refuses unknown columns and the wrong filter type', async () => {
    const numbers = (await all()).map((r) => r.number).sort((a, b) => a - b);
    const ranged = await all({ filterModel: { number: { filterType: 'number', type: 'inRange', filter: numbers[2]!, filterTo: numbers[4]! } } });
    expect(ranged.map((r) => r.number).sort((a, b) => a - b)).toEqual(numbers.slice(2, 5));
    const due = await all({ filterModel: { dueDate: { filterType: 'date', type: 'lessThan', dateFrom: TODAY } } });
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((r) => r.dueDate < TODAY)).toBe(true);
    const named = await all({ filterModel: { customerName: { filterType: 'text', type: 'contains', filter: 'ÅSANE' } } });
    expect(named).toHaveLength(4);
    expect((await w.t.refused('invoices.page', { startRow: 0, endRow: 10, filterModel: { secret: { filterType: 'number', type: 'equals', filter: 1 } } })).code).toBe('invalid_filter');
    expect((await w.t.refused('invoices.page', { startRow: 0, endRow: 10, filterModel: { number: { filterType: 'text', type: 'equals', filter: '1' } } })).code).toBe('invalid_filter');
  });
});

describe('search', () => {
  it('finds the customer by name with Norwegian letters folded, by invoice number and by KID', async () => {
    for (const q of ['åsane', 'ÅSANE', 'Åsane rør', 'rør']) {
      const rows = await all({ search: q });
      expect(rows.map((r) => r.customerId), q).toEqual(rows.map(() => aasane));
      expect(rows, q).toHaveLength(4);
    }
    expect(await all({ search: 'asane' })).toHaveLength(0); // å is a letter of its own
    const open = (await all()).find((r) => r.invoiceId === ids.open)!;
    expect((await all({ search: String(open.number) })).map((r) => r.invoiceId)).toContain(ids.open);
    expect((await all({ search: open.kid! })).map((r) => r.invoiceId)).toEqual([ids.open]);
    expect((await w.t.ok('invoices.tabCounts', { search: 'åsane' })).all).toBe(4);
    // A wildcard typed in the box is a character, not a pattern.
    expect(await all({ search: '%' })).toHaveLength(0);
  });
});

describe('the detail', () => {
  it('shows the balance, the payments, the customer credit and whether it may be voided, with the reason', async () => {
    const d = await w.t.ok('invoices.detail', { invoiceId: ids.partly });
    expect(d.balance).toMatchObject({ state: 'partly_paid', paidOre: 25_000, outstandingOre: 100_000, customerName: 'Åsane Rør AS' });
    expect(d.payments).toHaveLength(1);
    expect(d.reminders).toEqual([]);
    expect(d.voidable).toMatchObject({ allowed: false });
    expect(d.voidable.reasonNb).toContain('betalt');
    expect((await w.t.ok('invoices.detail', { invoiceId: ids.open })).voidable).toEqual({ allowed: true, reasonNb: null, reasonEn: null });
    expect((await w.t.ok('invoices.detail', { invoiceId: ids.credited })).voidable.reasonEn).toContain('credited');
    expect((await w.t.ok('invoices.detail', { invoiceId: ids.creditNote })).voidable.allowed).toBe(false);
    expect(await w.t.refused('invoices.detail', { invoiceId: 99_999 })).toMatchObject({ code: 'not_found', field: 'invoiceId' });
  });
});
