// SPEC 1.2 (status kinds), 1.2.1 (where types and statuses meet) and 4 (flows):
// one test per rule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXED_NOW } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
beforeEach(async () => {
  w = await salesWorld();
});
afterEach(() => w.t.close());

describe('status kinds (SPEC 1.2)', () => {
  it('Confirmed reserves stock for Normal lines; Cancelled releases it', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 4_000], [w.service, 2_000]]);
    expect(await w.stock(w.drill)).toMatchObject({ reserved: 4_000, available: 96_000 });
    expect(o.lines[1]!.qtyReserved).toBe(0); // not stock-managed
    await w.move(o, 'cancelled');
    expect(await w.stock(w.drill)).toMatchObject({ reserved: 0, available: 100_000 });
  });

  it('Loan: available drops, stock on hand and value do not; Loan → Invoiced sends the goods out of stock', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 3_000]]);
    const lent = await w.move(o, 'loan');
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 100_000, reserved: 0, onLoan: 3_000, available: 97_000, valueOre: 5_000_000 });
    const invoiced = await w.move(lent, 'invoiced', { deliverRemaining: true });
    expect(invoiced.statusKind).toBe('invoiced');
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 97_000, onLoan: 0, available: 97_000 });
  });

  it('Shipped issues the goods; moving on from Shipped to Invoiced does not issue them again', async () => {
    const o = await w.order(1, 'pack', [[w.drill, 2_000]]);
    const shipped = await w.move(o, 'shipped', { deliverRemaining: true });
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 98_000 });
    const ready = await w.move(shipped, 'ready_to_invoice');
    await w.move(ready, 'invoiced');
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 98_000, reserved: 0 });
  });

  it('moving a Normal order to Shipped by hand marks all remaining quantities delivered, after asking', async () => {
    const o = await w.order(1, 'pack', [[w.drill, 2_000]]);
    const e = await w.t.refused('orders.setStatus', { id: o.id, version: o.version, statusId: w.status('shipped') });
    expect(e.code).toBe('confirm_deliver_remaining');
    const shipped = await w.move(o, 'shipped', { deliverRemaining: true });
    expect(shipped.deliveryState).toBe('full');
  });

  it('an order is Shipped when every line is delivered or closed short; until then it is partially delivered', async () => {
    let o = await w.order(1, 'pack', [[w.drill, 2_000], [w.bread, 5_000]]);
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
    expect(o).toMatchObject({ statusKind: 'pack', deliveryState: 'partial' });
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[1]!.id, quantity: 3_000 }], closeShort: [o.lines[1]!.id] });
    expect(o).toMatchObject({ statusKind: 'shipped', deliveryState: 'full' });
    expect(await w.stock(w.bread)).toMatchObject({ onHand: 7_000, reserved: 0 });
  });

  it('moving back past Shipped returns the goods to stock through a movement, after asking', async () => {
    const o = await w.order(1, 'pack', [[w.drill, 2_000]]);
    const shipped = await w.move(o, 'shipped', { deliverRemaining: true });
    expect((await w.t.refused('orders.setStatus', { id: shipped.id, version: shipped.version, statusId: w.status('pack') })).code).toBe('confirm_return_goods');
    const back = await w.move(shipped, 'pack', { returnGoods: true });
    expect(back.lines[0]).toMatchObject({ qtyDelivered: 0, qtyReserved: 2_000 });
    const s = await w.t.ok('stock.get', { productId: w.drill });
    expect(s.onHand).toBe(100_000);
    expect(s.movements[0]).toMatchObject({ cause: 'return', quantity: 2_000 });
  });

  it('Invoiced: lines, amounts and status can no longer change, and it cannot be deleted; only credited', async () => {
    const o = await w.order(1, 'pack', [[w.drill, 1_000]]);
    const inv = await w.move(o, 'invoiced', { deliverRemaining: true });
    const before = w.t.engine.fingerprint();
    expect((await w.t.refused('orders.updateLine', { orderId: inv.id, version: inv.version, lineId: inv.lines[0]!.id, changes: { quantity: 5_000 } })).code).toBe('order_invoiced');
    expect((await w.t.refused('orders.setStatus', { id: inv.id, version: inv.version, statusId: w.status('pack') })).code).toBe('move_back_past_invoice');
    expect((await w.t.refused('orders.delete', { id: inv.id, version: inv.version })).code).toBe('delete_invoiced');
    expect(w.t.engine.fingerprint()).toEqual(before);
    const paid = await w.move(inv, 'paid');
    expect(paid.statusKind).toBe('paid');
  });

  it('a Shipped order can be deleted only if it has no stock-managed product delivered', async () => {
    const withStock = await w.move(await w.order(1, 'pack', [[w.drill, 1_000]]), 'shipped', { deliverRemaining: true });
    expect((await w.t.refused('orders.delete', { id: withStock.id, version: withStock.version })).code).toBe('delete_delivered');
    const serviceOnly = await w.move(await w.order(1, 'pack', [[w.service, 1_000]]), 'shipped', { deliverRemaining: true });
    expect(await w.t.ok('orders.delete', { id: serviceOnly.id, version: serviceOnly.version })).toEqual({ deleted: serviceOnly.id });
  });

  it('Collective: setting one order to Collective invoices every eligible order of the customer together', async () => {
    const a = await w.move(await w.order(1, 'pack', [[w.drill, 1_000]]), 'shipped', { deliverRemaining: true });
    const b = await w.move(await w.order(1, 'pack', [[w.bread, 2_000]]), 'shipped', { deliverRemaining: true });
    const open = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    await w.move(a, 'collective');
    const [ra, rb, ro] = await Promise.all([a, b, open].map((o) => w.t.ok('orders.get', { id: o.id })));
    expect(ra!.statusKind).toBe('invoiced_packing_slip');
    expect(rb!.statusKind).toBe('invoiced_packing_slip');
    expect(ro!.statusKind).toBe('confirmed');
    expect(ra!.invoiceIds).toEqual(rb!.invoiceIds);
    const invoice = await w.t.ok('invoices.get', { id: ra!.invoiceIds[0]! });
    expect(invoice.orderIds).toEqual([a.id, b.id]);
  });

  it('Cash invoiced and Invoiced packing slip are set by Ordrebok itself, not from the status bar', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    expect((await w.t.refused('orders.setStatus', { id: o.id, version: o.version, statusId: w.status('cash_invoiced') })).code).toBe('status_by_action');
  });

  it('the three presets give the documented flows', async () => {
    const flows: Record<string, string[]> = {
      standard: ['quote', 'confirmed', 'production', 'pack', 'shipped', 'ready_to_invoice', 'invoiced', 'paid'],
      field_service: ['draft', 'quote', 'accepted', 'confirmed', 'job_started', 'job_completed', 'closed'],
      simple: ['confirmed', 'ready_to_invoice', 'reminded', 'paid'],
    };
    for (const [preset, kinds] of Object.entries(flows)) {
      const w2 = await salesWorld({ company: { statusPreset: preset } });
      try {
        const visible = (await w2.t.ok('statuses.list', {})).filter((s) => !s.hidden);
        expect(visible.map((s) => s.kind)).toEqual(kinds);
        if (preset === 'simple') expect(visible[0]!.labelNb).toBe('Under arbeid');
      } finally {
        w2.t.close();
      }
    }
  });
});

describe('flows (SPEC 4)', () => {
  it('quote to order copies customer, lines, prices and totals, and the two stay related', async () => {
    const q = await w.order(5, 'quote', [[w.drill, 1_000], [w.service, 4_000]]);
    const o = await w.t.ok('orders.convertQuote', { id: q.id, version: q.version, orderType: 2 });
    expect(o.lines.map((l) => [l.productId, l.quantity, l.unitPriceOre])).toEqual(q.lines.map((l) => [l.productId, l.quantity, l.unitPriceOre]));
    expect(o.sourceOrderId).toBe(q.id);
    expect((await w.t.ok('orders.get', { id: q.id })).statusKind).toBe('accepted');
  });

  it('partial delivery, then invoicing what is delivered makes a backorder (Rest) of what remains', async () => {
    let o = await w.order(1, 'pack', [[w.drill, 5_000], [w.bread, 2_000]]);
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 3_000 }] });
    const r = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    expect(r.invoice.lines.map((l) => [l.description, l.quantity])).toEqual([['Drill 18V', 3_000]]);
    expect(r.order.statusKind).toBe('invoiced');
    expect(r.backorder).not.toBeNull();
    expect(r.backorder!).toMatchObject({ statusKind: 'rest', backorderOfId: o.id });
    expect(r.backorder!.lines.map((l) => [l.productId, l.quantity, l.qtyReserved])).toEqual([[w.drill, 2_000, 2_000], [w.bread, 2_000, 2_000]]);
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 97_000, reserved: 2_000 });
  });

  it('orders made by processing (a backorder, an order from a quote) are in the list with their totals and found by the search', async () => {
    let o = await w.order(1, 'pack', [[w.drill, 5_000]]);
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 3_000 }] });
    const rest = (await w.t.ok('orders.invoice', { id: o.id, version: o.version })).backorder!;
    const q = await w.order(5, 'quote', [[w.service, 4_000]]);
    const fromQuote = await w.t.ok('orders.convertQuote', { id: q.id, version: q.version, orderType: 1 });
    for (const made of [rest, fromQuote]) {
      const found = await w.t.ok('orders.list', { startRow: 0, endRow: 10, search: String(made.number) });
      expect(found.rows.map((r) => r.id), `order ${made.number}`).toEqual([made.id]);
      expect(found.rows[0]!.totalGrossOre).toBe(made.totals.grossOre);
      expect(made.totals.grossOre).toBeGreaterThan(0);
    }
    // Processing keeps the other orders' search rows: the invoiced order and the quote are still found.
    for (const kept of [o, q]) {
      // (10001 is also the customer's number, so that search finds more than the order.)
      expect((await w.t.ok('orders.list', { startRow: 0, endRow: 10, search: String(kept.number) })).rows.map((r) => r.id)).toContain(kept.id);
    }
  });

  it('without the backorder setting, what remains stays open on the order (partially invoiced)', async () => {
    const w2 = await salesWorld({ company: { generateBackorders: false } });
    try {
      let o = await w2.order(1, 'pack', [[w2.drill, 5_000]]);
      o = await w2.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
      const r = await w2.t.ok('orders.invoice', { id: o.id, version: o.version });
      expect(r.backorder).toBeNull();
      expect(r.order).toMatchObject({ statusKind: 'pack', invoiceState: 'partial' });
      o = await w2.t.ok('orders.deliver', { id: o.id, version: r.order.version, lines: [{ lineId: o.lines[0]!.id, quantity: 3_000 }] });
      const r2 = await w2.t.ok('orders.invoice', { id: o.id, version: o.version });
      expect(r2.order).toMatchObject({ statusKind: 'invoiced', invoiceState: 'full', invoiceIds: [r.invoice.id, r2.invoice.id] });
    } finally {
      w2.t.close();
    }
  });

  it('subscriptions invoice every period that has come due, never twice', async () => {
    let o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    o = await w.move(o, 'subscription');
    await w.t.ok('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: '2024-10-05' });
    const first = await w.t.ok('subscriptions.run', {});
    expect(first.invoices).toHaveLength(4); // 5 Oct, 5 Nov, 5 Dec, 5 Jan
    expect((await w.t.ok('subscriptions.run', {})).invoices).toHaveLength(0);
  });

  it('a returned loan restores availability; a fully returned loan is closed', async () => {
    const lent = await w.move(await w.order(1, 'confirmed', [[w.drill, 3_000]]), 'loan');
    const part = await w.t.ok('orders.returnLoan', { id: lent.id, version: lent.version, lines: [{ lineId: lent.lines[0]!.id, quantity: 1_000 }] });
    expect(await w.stock(w.drill)).toMatchObject({ onLoan: 2_000, available: 98_000 });
    const all = await w.t.ok('orders.returnLoan', { id: part.id, version: part.version, lines: [{ lineId: part.lines[0]!.id, quantity: 2_000 }] });
    expect(all.statusKind).toBe('closed');
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 100_000, onLoan: 0, available: 100_000 });
  });

  it('credit notes: partial, referring to the invoice, goods back to stock when asked, never more than invoiced', async () => {
    const inv = await w.move(await w.order(1, 'pack', [[w.drill, 3_000]]), 'invoiced', { deliverRemaining: true });
    const invoice = await w.t.ok('invoices.get', { id: inv.invoiceIds[0]! });
    const note = await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: true });
    expect(note).toMatchObject({ kind: 'credit_note', creditedInvoiceId: invoice.id, grossOre: -125_000, number: invoice.number + 1 });
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 98_000 });
    const noStock = await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: false });
    expect(noStock.grossOre).toBe(-125_000);
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 98_000 });
    const e = await w.t.refused('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 2_000 }], returnToStock: false });
    expect(e.code).toBe('credit_exceeds_invoiced');
    expect((await w.t.ok('orders.get', { id: inv.id })).lines[0]!.qtyCredited).toBe(2_000);
  });

  it('jobs: starting the first sets Job started, completing the last sets Job completed', async () => {
    const o = await w.order(1, 'confirmed', [[w.service, 2_000]]);
    const job = await w.t.ok('jobs.add', { orderId: o.id, title: 'Montere kjøkken', plannedDate: '2025-01-10', durationMinutes: 240 });
    expect((await w.t.ok('jobs.start', { jobId: job.id })).statusKind).toBe('job_started');
    expect((await w.t.ok('jobs.complete', { jobId: job.id })).statusKind).toBe('job_completed');
    const { jobs } = await w.t.ok('jobs.list', { orderId: o.id });
    expect(jobs.map((j) => [j.plannedDate, j.durationMinutes, j.completedAt !== null])).toEqual([['2025-01-10', 240, true]]);
  });

  it('every change is written to the activity log with who and when', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    await w.move(o, 'pack');
    const log = await w.t.ok('activity.list', { entity: 'order', entityId: o.id });
    expect(log.map((e) => e.action)).toEqual(['status', 'create']);
    expect(log[0]!.at).toBe(FIXED_NOW.toISOString());
  });
});
