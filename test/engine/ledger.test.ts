// The customer ledger (SPEC 11): open items per customer with aging (0–30,
// 31–60, 61–90, over 90 days past due), what each customer owes, and the
// overdue list for the whole company; the aging totals equal the open items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/channels/processing';
import { addDays } from '../../src-main/engine/demo/random';
import { invoiceFor, pay } from '../helpers/ledger';
import { salesWorld, type SalesWorld } from '../helpers/sales';

const TODAY = '2025-06-01';
const at = (iso: string) => new Date(`${iso}T10:00:00`);
/** Days past due of each of the business customer's invoices (payment terms 14 days), at the buckets' edges. */
const AGES = [91, 90, 61, 60, 31, 30, 1, 0, -5] as const;
const DRILL_GROSS = 125_000;

let w: SalesWorld;
const now = at(TODAY);
const invoices = new Map<number, Invoice>();
let privateInvoice: Invoice;

beforeAll(async () => {
  w = await salesWorld({ now });
  for (const age of AGES) {
    now.setTime(at(addDays(TODAY, -age - 14)).getTime());
    invoices.set(age, await invoiceFor(w, [[w.drill, 1_000]]));
  }
  // The private customer: one invoice 45 days past due, half paid; one paid in full (not an open item).
  now.setTime(at(addDays(TODAY, -45 - 14)).getTime());
  privateInvoice = await invoiceFor(w, [[w.drill, 1_000]], w.privateCustomer);
  const paid = await invoiceFor(w, [[w.bread, 1_000]], w.privateCustomer);
  now.setTime(at(addDays(TODAY, -50)).getTime());
  await pay(w, privateInvoice.id, 50_000, addDays(TODAY, -50));
  await pay(w, paid.id, paid.payableOre, addDays(TODAY, -50));
  now.setTime(at(TODAY).getTime());
}, 60_000);
afterAll(() => w.t.close());

describe('the customer ledger', () => {
  it('lists the open items oldest due first, with days overdue, and sums them into the aging buckets at their edges', async () => {
    const l = await w.t.ok('ledger.customer', { customerId: w.customer });
    expect(l.openItems.map((i) => i.invoiceId)).toEqual(AGES.map((a) => invoices.get(a)!.id));
    expect(l.openItems.map((i) => i.dueDate)).toEqual(AGES.map((a) => addDays(TODAY, -a)));
    expect(l.openItems.map((i) => i.daysOverdue)).toEqual(AGES.map((a) => Math.max(0, a)));
    expect(l.openItems.map((i) => i.state)).toEqual(AGES.map((a) => (a > 0 ? 'overdue' : 'open')));
    // 91 → over 90; 90, 61 → 61–90; 60, 31 → 31–60; 30, 1 → 0–30; due today and not yet due → current.
    expect(l.aging).toEqual({ over90: DRILL_GROSS, d61_90: 2 * DRILL_GROSS, d31_60: 2 * DRILL_GROSS, d0_30: 2 * DRILL_GROSS, current: 2 * DRILL_GROSS });
    expect(l.totalOre).toBe(AGES.length * DRILL_GROSS);
    expect(l.overdueOre).toBe(7 * DRILL_GROSS);
    expect(l).toMatchObject({ feesOre: 0, creditOre: 0, customerName: 'Bergen Bygg AS' });
  });

  it('a partial payment lowers its open item and bucket; a paid invoice is no open item', async () => {
    const l = await w.t.ok('ledger.customer', { customerId: w.privateCustomer });
    expect(l.openItems).toHaveLength(1);
    expect(l.openItems[0]).toMatchObject({ invoiceId: privateInvoice.id, state: 'overdue', outstandingOre: 75_000, daysOverdue: 45 });
    expect(l.aging).toEqual({ current: 0, d0_30: 0, d31_60: 75_000, d61_90: 0, over90: 0 });
    expect(l.totalOre).toBe(75_000);
  });

  it('refuses an unknown customer', async () => {
    expect(await w.t.refused('ledger.customer', { customerId: 999 })).toMatchObject({ code: 'unknown_customer', field: 'customerId' });
  });
});

describe('the aging list for the whole company', () => {
  it('has a row per customer who owes, and its totals equal the open items of every customer ledger', async () => {
    const { rows, totals } = await w.t.ok('ledger.aging', {});
    expect(rows.map((r) => r.customerId).sort()).toEqual([w.customer, w.privateCustomer].sort());
    let openItems = 0;
    for (const r of rows) {
      const l = await w.t.ok('ledger.customer', { customerId: r.customerId });
      expect(r.aging).toEqual(l.aging);
      expect(r.totalOre).toBe(l.openItems.reduce((s, i) => s + i.outstandingOre, 0));
      expect(r.invoiceCount).toBe(l.openItems.length);
      expect(r.overdueOre).toBe(l.overdueOre);
      expect(r.oldestDueDate).toBe(l.openItems[0]!.dueDate);
      openItems += r.totalOre;
    }
    expect(totals.totalOre).toBe(openItems);
    expect(totals.totalOre).toBe(AGES.length * DRILL_GROSS + 75_000);
    expect(totals.current + totals.d0_30 + totals.d31_60 + totals.d61_90 + totals.over90).toBe(totals.totalOre);
    expect(totals.d31_60).toBe(2 * DRILL_GROSS + 75_000);
  });

  it('the overdue list is the invoices past their due date', async () => {
    const page = await w.t.ok('invoices.page', { startRow: 0, endRow: 100, tab: 'overdue', sortModel: [{ colId: 'dueDate', sort: 'asc' }] });
    const expected = [...AGES.filter((a) => a > 0).map((a) => invoices.get(a)!.id), privateInvoice.id];
    expect(page.rows.map((r) => r.invoiceId).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    expect(page.rowCount).toBe(8);
    expect(page.rows.every((r) => r.daysOverdue > 0 && r.dueDate < TODAY)).toBe(true);
    expect(page.rows.map((r) => r.dueDate)).toEqual([...page.rows.map((r) => r.dueDate)].sort());
  });
});
