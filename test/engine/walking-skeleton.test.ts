import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
beforeEach(async () => {
  t = await makeEngine();
});
afterEach(() => t.close());

describe('a sales order entered end to end in the engine', () => {
  it('creates company, customer, products and a 3-line order, and lists it under its status', async () => {
    await t.ok('company.save', COMPANY);
    const statuses = await t.ok('statuses.list', {});
    const visible = statuses.filter((s) => !s.hidden);
    expect(visible.map((s) => s.kind)).toEqual(['quote', 'confirmed', 'production', 'pack', 'shipped', 'ready_to_invoice', 'invoiced', 'paid']);

    const customer = await t.ok('customers.create', {
      kind: 'business',
      name: 'Bergen Bygg AS',
      orgNumber: '974 760 673',
      contacts: [{ name: 'Kari Nordmann', phone: '+47 900 12 345' }],
    });
    expect(customer.orgNumber).toBe('974760673');
    expect(customer.number).toBe(10001);

    const p25 = await t.ok('products.create', { number: 'SKRUE-50', name: 'Treskrue 5x50 (200 stk)', unit: 'pk', priceOre: 14990, vatCode: '25', stockManaged: true });
    const p15 = await t.ok('products.create', { number: 'KAFFE-1', name: 'Kaffe 1 kg', unit: 'stk', priceOre: 12900, vatCode: '15', stockManaged: true });
    const p0 = await t.ok('products.create', { number: 'AVIS', name: 'Avisabonnement', unit: 'stk', priceOre: 39900, vatCode: '0', stockManaged: false });

    await t.ok('stock.receive', { productId: p25.id, quantity: 100000, costOre: 9000 });
    await t.ok('stock.receive', { productId: p15.id, quantity: 100000, costOre: 8000 });
    const confirmed = visible.find((s) => s.kind === 'confirmed')!;
    const order = await t.ok('orders.create', {
      header: { customerId: customer.id, orderType: 1, statusId: confirmed.id, customerReference: 'PO-7781' },
      lines: [
        { productId: p25.id, quantity: 3000 },
        { productId: p15.id, quantity: 2500, discountBp: 1000 },
        { productId: p0.id, quantity: 1000 },
      ],
    });
    expect(order.number).toBe(10001);
    expect(order.lines.map((l) => l.amountOre)).toEqual([44970, 29025, 39900]);
    expect(order.totals.byRate).toEqual([
      { vatCode: '25', rateBp: 2500, baseOre: 44970, vatOre: 11243, totalOre: 56213 },
      { vatCode: '15', rateBp: 1500, baseOre: 29025, vatOre: 4354, totalOre: 33379 },
      { vatCode: '0', rateBp: 0, baseOre: 39900, vatOre: 0, totalOre: 39900 },
    ]);
    expect(order.totals.grossOre).toBe(56213 + 33379 + 39900);

    const list = await t.ok('orders.list', { startRow: 0, endRow: 100, statusId: confirmed.id });
    expect(list.rowCount).toBe(1);
    expect(list.rows[0]).toMatchObject({ number: 10001, customerName: 'Bergen Bygg AS', totalGrossOre: order.totals.grossOre });
    const counts = await t.ok('orders.statusCounts', {});
    expect(counts.byStatus).toEqual([{ statusId: confirmed.id, count: 1 }]);

    const found = await t.ok('orders.list', { startRow: 0, endRow: 100, search: 'berg' });
    expect(found.rows.map((r) => r.id)).toEqual([order.id]);
    const byProduct = await t.ok('orders.list', { startRow: 0, endRow: 100, search: 'kaff' });
    expect(byProduct.rows.map((r) => r.id)).toEqual([order.id]);
    const byRef = await t.ok('orders.list', { startRow: 0, endRow: 100, search: 'PO-7781' });
    expect(byRef.rows.map((r) => r.id)).toEqual([order.id]);
  });
});
