// The demo company offered on first start (system.createDemo): realistic,
// valid by the same checks as user input, spread over many statuses and order
// types within the rules of entry, deterministic, and refused once a company exists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order, OrderListRow } from '../../shared/channels/orders';
import { isValidBankAccount, isValidEan, isValidOrgNumber } from '../../shared/checks';
import { VAT_CODE_IDS } from '../../shared/enums';
import { NON_PROCESSING_KINDS, NOT_AT_ENTRY_KINDS, UNPROCESSED_TYPES } from '../../src-main/engine/domain/orderRules';
import { computeTotals } from '../../src-main/engine/domain/pricing';
import { FIXED_NOW, makeEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
beforeEach(async () => {
  t = await makeEngine();
});
afterEach(() => t.close());

async function allOrders(e: TestEngine): Promise<OrderListRow[]> {
  const { rows, rowCount } = await e.ok('orders.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'number', sort: 'asc' }] });
  expect(rows).toHaveLength(rowCount);
  return [...rows];
}

describe('the demo company', () => {
  it('creates a company, at least 50 products, 20 customers and 200 orders through the channels', async () => {
    const summary = await t.ok('system.createDemo', {});
    expect(summary.products).toBeGreaterThanOrEqual(50);
    expect(summary.customers).toBeGreaterThanOrEqual(20);
    expect(summary.orders).toBe(200);
    expect((await t.ok('system.bootstrap', {})).companyExists).toBe(true);

    const company = (await t.ok('company.get', {}))!;
    expect(isValidOrgNumber(company.orgNumber)).toBe(true);
    expect(isValidBankAccount(company.bankAccount!)).toBe(true);
    expect(company.vatRegistered).toBe(true);
    expect(['Bergen', 'Kokstad', 'Oslo']).toContain(company.city);
    expect(company.postalCode).toMatch(/^\d{4}$/);

    const products = (await t.ok('products.list', { limit: 500 })).rows;
    expect(products).toHaveLength(summary.products);
    expect(new Set(products.map((p) => p.vatCode))).toEqual(new Set(VAT_CODE_IDS));
    expect(new Set(products.map((p) => p.unit))).toEqual(new Set(['stk', 'pk', 'kg', 'm', 'l', 'time']));
    const withEan = products.filter((p) => p.ean !== null);
    expect(withEan.length).toBeGreaterThan(products.length / 2);
    for (const p of withEan) expect(isValidEan(p.ean!), p.ean!).toBe(true);
    expect(products.filter((p) => !p.stockManaged).length).toBeGreaterThanOrEqual(5);
    for (const p of products.filter((x) => x.stockManaged)) expect(p.binLocation).toMatch(/^[A-Z]-\d{2}-\d{2}$/);

    const customers = (await t.ok('customers.list', { limit: 500 })).rows;
    expect(customers).toHaveLength(summary.customers);
    const business = customers.filter((c) => c.kind === 'business');
    const privates = customers.filter((c) => c.kind === 'private');
    expect(business.length).toBeGreaterThanOrEqual(5);
    expect(privates.length).toBeGreaterThanOrEqual(5);
    for (const c of customers) {
      if (c.orgNumber !== null) expect(isValidOrgNumber(c.orgNumber), `${c.name} ${c.orgNumber}`).toBe(true);
      expect(c.postalCode).toMatch(/^\d{4}$/);
      expect(c.phone).toMatch(/^\+47 [\d ]{8,}$/);
    }
    for (const c of business) {
      expect(c.orgNumber).not.toBeNull();
      const full = await t.ok('customers.get', { id: c.id });
      expect(full.contacts.length).toBeGreaterThanOrEqual(1);
      for (const contact of full.contacts) expect(contact.phone).toMatch(/^\+47 /);
    }
    expect(new Set(customers.map((c) => c.orgNumber).filter(Boolean)).size).toBe(business.length);
    expect(customers.some((c) => c.invoiceCustomerId !== null)).toBe(true);
    expect(customers.some((c) => c.creditLimitOre !== null) && customers.some((c) => c.creditLimitOre === null)).toBe(true);
  });

  it('spreads 200 orders over many statuses and order types, all within the rules of entry', async () => {
    await t.ok('system.createDemo', {});
    const statuses = await t.ok('statuses.list', {});
    const kindOf = new Map(statuses.map((s) => [s.id, s.kind]));
    const orders = await allOrders(t);
    expect(orders).toHaveLength(200);

    const counts = await t.ok('orders.statusCounts', {});
    expect(counts.total).toBe(200);
    const used = counts.byStatus.filter((s) => s.count > 0);
    expect(used.length).toBeGreaterThanOrEqual(5);
    // Every status an order is in is shown as a tab, and there are many tabs.
    const visible = new Set(statuses.filter((s) => !s.hidden).map((s) => s.id));
    for (const s of used) expect(visible.has(s.statusId), kindOf.get(s.statusId)).toBe(true);
    expect(visible.size).toBeGreaterThanOrEqual(10);

    const types = new Set(orders.map((o) => o.orderType));
    expect(types.size).toBeGreaterThanOrEqual(4);
    expect(types.has(9)).toBe(false);
    for (const o of orders) {
      const kind = kindOf.get(o.statusId)!;
      expect(NOT_AT_ENTRY_KINDS).not.toContain(kind);
      if (UNPROCESSED_TYPES.includes(o.orderType)) expect(NON_PROCESSING_KINDS).toContain(kind);
    }

    // Over the last twelve months, numbers rising with the date.
    const today = '2025-01-05';
    expect(FIXED_NOW.toISOString().startsWith('2025-01-05')).toBe(true);
    for (const o of orders) {
      expect(o.orderDate <= today).toBe(true);
      expect(o.orderDate >= '2024-01-06').toBe(true);
    }
    const dates = orders.map((o) => o.orderDate);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(orders.map((o) => o.orderDate.slice(0, 7))).size).toBeGreaterThanOrEqual(10);
    for (const o of orders) if (o.customerReference !== null) expect(o.customerReference).toMatch(/^PO-\d{4}$/);
  });

  it('gives every order 1 to 12 lines and stores the totals its lines add up to', async () => {
    await t.ok('system.createDemo', {});
    const rows = await allOrders(t);
    const company = (await t.ok('company.get', {}))!;
    const lineCounts = new Set<number>();
    for (const row of rows) {
      const order: Order = await t.ok('orders.get', { id: row.id });
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(12);
      lineCounts.add(order.lines.length);
      const totals = computeTotals(order.lines, { vatRegistered: company.vatRegistered });
      expect(row.totalGrossOre).toBe(totals.grossOre);
      expect(row.totalNetOre).toBe(totals.netOre);
      expect(row.customerName).toBe(order.customerName);
    }
    expect(lineCounts.size).toBeGreaterThanOrEqual(8);
  });

  it('finds demo orders by customer name and by number', async () => {
    await t.ok('system.createDemo', {});
    const rows = await allOrders(t);
    const sample = rows[57]!;
    const byNumber = await t.ok('orders.list', { startRow: 0, endRow: 100, search: String(sample.number) });
    expect(byNumber.rows.map((r) => r.id)).toEqual([sample.id]);
    const byName = await t.ok('orders.list', { startRow: 0, endRow: 1000, search: sample.customerName });
    const expected = rows.filter((r) => r.customerId === sample.customerId).map((r) => r.id);
    expect(byName.rows.map((r) => r.id)).toEqual(expect.arrayContaining(expected));
  });

  it('is the same company every time (seeded)', async () => {
    await t.ok('system.createDemo', {});
    const other = await makeEngine();
    try {
      await other.ok('system.createDemo', {});
      expect(await allOrders(other)).toEqual(await allOrders(t));
      expect((await other.ok('products.list', { limit: 500 })).rows).toEqual((await t.ok('products.list', { limit: 500 })).rows);
    } finally {
      other.close();
    }
  });

  it('is refused once a company exists, leaving the database as it was', async () => {
    await t.ok('system.createDemo', { orders: 20 });
    const snapshot = async () => ({
      orders: await allOrders(t),
      customers: await t.ok('customers.list', { limit: 500 }),
      products: await t.ok('products.list', { limit: 500 }),
      company: await t.ok('company.get', {}),
    });
    const before = await snapshot();
    expect(before.orders).toHaveLength(20);
    const e = await t.refused('system.createDemo', {});
    expect(e.code).toBe('company_exists');
    expect(await snapshot()).toEqual(before);
  });

  it('can be made with any number of orders up to the limit, including none', async () => {
    expect((await t.ok('system.createDemo', { orders: 0 })).orders).toBe(0);
    expect((await t.ok('orders.statusCounts', {})).total).toBe(0);
  });
});
