// Sales order entry through the channels: header, lines, reordering, the
// whole-document save, optimistic versions, and what the list and search see.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
let customerId: number;
let otherCustomerId: number;
let p: { a: number; b: number; c: number };
let statusOf: (kind: string) => number;

beforeEach(async () => {
  t = await makeEngine();
  await t.ok('company.save', COMPANY);
  const statuses = await t.ok('statuses.list', {});
  statusOf = (kind) => statuses.find((s) => s.kind === kind)!.id;
  customerId = (await t.ok('customers.create', { kind: 'business', name: 'Hordaland Maskin AS', orgNumber: '974760673', paymentTermsDays: 30 })).id;
  otherCustomerId = (await t.ok('customers.create', { kind: 'private', name: 'Åse Ødegård' })).id;
  p = {
    a: (await t.ok('products.create', { number: 'A1', name: 'Vinkelsliper 125 mm', unit: 'stk', priceOre: 129900, vatCode: '25', stockManaged: true })).id,
    b: (await t.ok('products.create', { number: 'B2', name: 'Brød grovt', unit: 'stk', priceOre: 4590, vatCode: '15', stockManaged: true })).id,
    c: (await t.ok('products.create', { number: 'C3', name: 'Kinobillett', unit: 'stk', priceOre: 15000, vatCode: '12', stockManaged: false })).id,
  };
  await t.ok('stock.receive', { productId: p.a, quantity: 500000, costOre: 80000 });
  await t.ok('stock.receive', { productId: p.b, quantity: 500000, costOre: 2000 });
});
afterEach(() => t.close());

async function newOrder(): Promise<Order> {
  return t.ok('orders.create', {
    header: { customerId, orderType: 1 },
    lines: [
      { productId: p.a, quantity: 1000 },
      { productId: p.b, quantity: 4000 },
    ],
  });
}

describe('order entry', () => {
  it('defaults: first status of the flow, today, the customer’s payment terms, product price, text and VAT code', async () => {
    const o = await newOrder();
    expect(o.statusKind).toBe('quote');
    expect(o.orderDate).toBe('2025-01-05');
    expect(o.paymentTermsDays).toBe(30);
    expect(o.lines[1]).toMatchObject({ lineNo: 2, description: 'Brød grovt', unitPriceOre: 4590, vatCode: '15', amountOre: 18360, unit: 'stk' });
  });

  it('adds, edits, moves and removes lines, each bumping the version', async () => {
    let o = await newOrder();
    o = await t.ok('orders.addLine', { orderId: o.id, version: o.version, line: { productId: p.c, quantity: 2000 }, position: 0 });
    expect(o.lines.map((l) => l.productNumber)).toEqual(['C3', 'A1', 'B2']);
    o = await t.ok('orders.updateLine', { orderId: o.id, version: o.version, lineId: o.lines[1]!.id, changes: { quantity: 3000, discountBp: 500 } });
    expect(o.lines[1]).toMatchObject({ quantity: 3000, discountBp: 500, amountOre: 370215 });
    o = await t.ok('orders.moveLine', { orderId: o.id, version: o.version, lineId: o.lines[0]!.id, toIndex: 2 });
    expect(o.lines.map((l) => [l.lineNo, l.productNumber])).toEqual([[1, 'A1'], [2, 'B2'], [3, 'C3']]);
    const removed = o.lines[1]!.id;
    const v = o.version;
    o = await t.ok('orders.removeLine', { orderId: o.id, version: o.version, lineId: removed });
    expect(o.lines.map((l) => [l.lineNo, l.productNumber])).toEqual([[1, 'A1'], [2, 'C3']]);
    expect(o.version).toBe(v + 1);
    expect(o.totals.byRate.map((r) => r.vatCode)).toEqual(['25', '12']);
  });

  it('a stale version is refused: two clerks cannot overwrite each other', async () => {
    const o = await newOrder();
    await t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { customerReference: 'Kari' } });
    const e = await t.refused('orders.updateHeader', { id: o.id, version: o.version, header: { customerReference: 'Per' } });
    expect(e.code).toBe('version_conflict');
    expect((await t.ok('orders.get', { id: o.id })).customerReference).toBe('Kari');
  });

  it('save replaces header and lines in one step: keeps, edits, adds, removes and reorders', async () => {
    const o = await newOrder();
    const [a, b] = o.lines;
    const saved = await t.ok('orders.save', {
      id: o.id,
      version: o.version,
      header: { customerId, orderType: 1, statusId: statusOf('confirmed'), customerReference: 'Tilbud 17', deliveryDate: '2025-01-20' },
      lines: [
        { productId: p.c, quantity: 1000 },
        { id: b!.id, productId: p.b, quantity: 6000 },
      ],
    });
    expect(saved.statusKind).toBe('confirmed');
    expect(saved.lines.map((l) => [l.lineNo, l.productNumber, l.quantity])).toEqual([[1, 'C3', 1000], [2, 'B2', 6000]]);
    expect(saved.lines[1]!.id).toBe(b!.id);
    expect(saved.lines.some((l) => l.id === a!.id)).toBe(false);
    expect(saved.deliveryDate).toBe('2025-01-20');
  });

  it('the order keeps the customer name it was entered with; a new customer brings its own', async () => {
    const o = await newOrder();
    await t.ok('customers.update', { id: customerId, kind: 'business', name: 'Hordaland Maskin og Utleie AS', orgNumber: '974760673' });
    expect((await t.ok('orders.get', { id: o.id })).customerName).toBe('Hordaland Maskin AS');
    const moved = await t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { customerId: otherCustomerId } });
    expect(moved.customerName).toBe('Åse Ødegård');
  });

  it('order type 9 (card payment) cannot be entered by hand', async () => {
    const e = await t.refused('orders.create', { header: { customerId, orderType: 9 }, lines: [] });
    expect(e.code).toBe('order_type_import_only');
    expect(e.message.nb).toMatch(/import/);
  });

  it('Quote, Unprocessed and Budget orders stay in statuses without processing', async () => {
    for (const type of [5, 6, 8]) {
      await t.ok('orders.create', { header: { customerId, orderType: type, statusId: statusOf('quote') }, lines: [] });
      const e = await t.refused('orders.create', { header: { customerId, orderType: type, statusId: statusOf('pack') }, lines: [] });
      expect(e.code).toBe('status_needs_processing_type');
    }
  });

  it('an order cannot be entered directly as shipped or invoiced', async () => {
    for (const kind of ['shipped', 'invoiced', 'paid']) {
      const e = await t.refused('orders.create', { header: { customerId, orderType: 1, statusId: statusOf(kind) }, lines: [] });
      expect(e.code).toBe('status_not_at_entry');
    }
  });
});

describe('order list and search', () => {
  it('status counts and tabs follow status changes', async () => {
    const o1 = await newOrder();
    await newOrder();
    await t.ok('orders.updateHeader', { id: o1.id, version: o1.version, header: { statusId: statusOf('pack') } });
    const counts = await t.ok('orders.statusCounts', {});
    expect(counts.total).toBe(2);
    expect(new Map(counts.byStatus.map((c) => [c.statusId, c.count]))).toEqual(new Map([[statusOf('quote'), 1], [statusOf('pack'), 1]]));
    const filtered = await t.ok('orders.statusCounts', { filterModel: { number: { filterType: 'number', type: 'equals', filter: o1.number } } });
    expect(filtered).toEqual({ total: 1, byStatus: [{ statusId: statusOf('pack'), count: 1 }] });
    const pack = await t.ok('orders.list', { startRow: 0, endRow: 50, statusId: statusOf('pack') });
    expect(pack.rows.map((r) => r.id)).toEqual([o1.id]);
    expect(pack.rowCount).toBe(1);
  });

  it('search follows edits: a product added later is found, a removed one no longer', async () => {
    const o = await newOrder();
    expect((await t.ok('orders.list', { startRow: 0, endRow: 50, search: 'kinobil' })).rows).toHaveLength(0);
    const withC = await t.ok('orders.addLine', { orderId: o.id, version: o.version, line: { productId: p.c, quantity: 1000 } });
    expect((await t.ok('orders.list', { startRow: 0, endRow: 50, search: 'kinobil' })).rows.map((r) => r.id)).toEqual([o.id]);
    await t.ok('orders.removeLine', { orderId: o.id, version: withC.version, lineId: withC.lines[2]!.id });
    expect((await t.ok('orders.list', { startRow: 0, endRow: 50, search: 'kinobil' })).rows).toHaveLength(0);
    expect((await t.ok('orders.list', { startRow: 0, endRow: 50, search: String(o.number) })).rows.map((r) => r.id)).toEqual([o.id]);
    expect((await t.ok('orders.list', { startRow: 0, endRow: 50, search: 'hordaland maski' })).rows.map((r) => r.id)).toEqual([o.id]);
  });

  it('sorts customer names the Norwegian way: Æ, Ø, Å after Z', async () => {
    const names = ['Zeta Bygg', 'Åsen Gård', 'Ørsta Sag', 'Ærlig Handel', 'Alfa Rør'];
    for (const name of names) {
      const id = (await t.ok('customers.create', { kind: 'private', name })).id;
      await t.ok('orders.create', { header: { customerId: id, orderType: 1 }, lines: [] });
    }
    const list = await t.ok('orders.list', { startRow: 0, endRow: 50, sortModel: [{ colId: 'customerName', sort: 'asc' }] });
    expect(list.rows.map((r) => r.customerName)).toEqual(['Alfa Rør', 'Zeta Bygg', 'Ærlig Handel', 'Ørsta Sag', 'Åsen Gård']);
  });

  it('pages block by block without losing or repeating rows, in every direction', async () => {
    for (let i = 0; i < 23; i++) await newOrder();
    for (const sort of [[], [{ colId: 'orderDate', sort: 'asc' }], [{ colId: 'totalGrossOre', sort: 'desc' }], [{ colId: 'customerName', sort: 'asc' }]]) {
      const all = (await t.ok('orders.list', { startRow: 0, endRow: 1000, sortModel: sort })).rows.map((r) => r.id);
      const paged: number[] = [];
      for (let start = 0; start < 23; start += 5) {
        paged.push(...(await t.ok('orders.list', { startRow: start, endRow: start + 5, sortModel: sort })).rows.map((r) => r.id));
      }
      expect(paged).toEqual(all);
      expect(new Set(paged).size).toBe(23);
    }
  });
});
