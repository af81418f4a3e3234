// Issue 10, item 6 (the list half) and item 14: the order list's invoiced amount
// per order (net of credit notes), sortable and filterable; the product list's
// stock columns, sorted and filtered by the engine; batch sources as kind + number.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryFile } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
beforeEach(async () => {
  w = await salesWorld();
});
afterEach(() => w.t.close());

const listed = async (input: object) => (await w.t.ok('orders.list', { startRow: 0, endRow: 100, ...input })).rows;

describe('the order list shows what is invoiced', () => {
  it('per order, net of credit notes, kept as invoices are written, sorted and filtered through the engine', async () => {
    const invoiceAll = async (hours: number) => {
      const o = await w.order(1, 'confirmed', [[w.service, hours * 1000]]);
      const d = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: hours * 1000 }] });
      const { order } = await w.t.ok('orders.invoice', { id: d.id, version: d.version });
      return order;
    };
    const two = await invoiceAll(2); // 2 × 900,00
    const three = await invoiceAll(3); // 3 × 900,00
    const open = await w.order(1, 'confirmed', [[w.service, 1000]]);

    // A credit note for one hour of the three-hour order.
    const invoice = await w.t.ok('invoices.get', { id: three.invoiceIds[0]! });
    await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1000 }], returnToStock: false });

    const byId = new Map((await listed({})).map((r) => [r.id, r.invoicedNetOre]));
    expect(byId.get(two.id)).toBe(180_000);
    expect(byId.get(three.id)).toBe(180_000);
    expect(byId.get(open.id)).toBe(0);

    const sorted = await listed({ sortModel: [{ colId: 'invoicedNetOre', sort: 'asc' }] });
    expect(sorted.map((r) => r.invoicedNetOre)).toEqual([...sorted.map((r) => r.invoicedNetOre)].sort((a, b) => a - b));
    expect(sorted[0]!.id).toBe(open.id);
    // Paging by keyset over the new sort gives the same rows as one block.
    const firstTwo = await w.t.ok('orders.list', { startRow: 0, endRow: 2, sortModel: [{ colId: 'invoicedNetOre', sort: 'desc' }] });
    const rest = await w.t.ok('orders.list', { startRow: 2, endRow: 100, sortModel: [{ colId: 'invoicedNetOre', sort: 'desc' }] });
    const all = await listed({ sortModel: [{ colId: 'invoicedNetOre', sort: 'desc' }] });
    expect([...firstTwo.rows, ...rest.rows].map((r) => r.id)).toEqual(all.map((r) => r.id));

    const filtered = await listed({ filterModel: { invoicedNetOre: { filterType: 'number', type: 'greaterThan', filter: 0 } } });
    expect(filtered.map((r) => r.id).sort()).toEqual([two.id, three.id].sort());

    // The kept column always equals the invoice lines it sums.
    const drift = await queryFile<{ id: number }>(
      w.t.file,
      `SELECT o.id FROM order_header o
       WHERE o.invoiced_net_ore <> (SELECT coalesce(sum(l.amount_ore), 0) FROM invoice_line l WHERE l.order_id = o.id)`,
    );
    expect(drift).toEqual([]);
  });
});

describe('the product list shows stock', () => {
  it('on hand, reserved and available, sorted and filtered by the engine; products without stock are left out of stock filters', async () => {
    await w.order(1, 'confirmed', [[w.drill, 30_000]]); // 30 of 100 drills reserved
    const page = await w.t.ok('products.list', { limit: 100 });
    const drill = page.rows.find((p) => p.id === w.drill)!;
    expect([drill.qtyOnHand, drill.qtyReserved, drill.qtyAvailable]).toEqual([100_000, 30_000, 70_000]);

    const byAvailable = await w.t.ok('products.list', { limit: 100, sort: { colId: 'qtyAvailable', dir: 'desc' } });
    expect(byAvailable.rows[0]!.id).toBe(w.drill);
    const some = await w.t.ok('products.list', { limit: 100, filters: { qtyAvailable: { filterType: 'number', type: 'inRange', filter: 1_000, filterTo: 20_000 } } });
    expect(some.rows.map((p) => p.id)).toEqual([w.bread]);
    expect(some.total).toBe(1);
    const none = await w.t.ok('products.list', { limit: 100, filters: { qtyReserved: { filterType: 'number', type: 'equals', filter: 0 } } });
    expect(none.rows.map((p) => p.id)).toEqual([w.bread]); // not the service, which keeps no stock

    const refused = await w.t.refused('products.list', { sort: { colId: 'cost_ore', dir: 'asc' } });
    expect(refused.field).toBe('sort.colId');
  });

  it('gives a batch from a return its order number beside its kind', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 2_000]]);
    const shipped = await w.move(o, 'shipped', { deliverRemaining: true });
    await w.move(shipped, 'confirmed', { returnGoods: true });
    const s = await w.t.ok('stock.get', { productId: w.drill });
    expect(s.batches.filter((b) => b.source === 'return').map((b) => b.sourceNumber)).toEqual([o.number]);
    expect(s.batches.find((b) => b.source === 'manual')?.sourceNumber).toBeNull();
  });
});
