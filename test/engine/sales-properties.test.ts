// Invariants of sales processing over random sequences of operations on random
// orders (fast-check): stock ledger, reservations, deliveries, invoicing,
// credit notes and numbering hold after every step, and every refused step
// leaves the database exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import type { StatusKind } from '../../shared/enums';
import { ledgerSnapshot } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

const KINDS: StatusKind[] = ['quote', 'confirmed', 'pack', 'shipped', 'ready_to_invoice', 'invoiced', 'cancelled', 'loan', 'paid', 'collective'];
const confirmArb = fc.record({ deliverRemaining: fc.boolean(), returnGoods: fc.boolean(), allowShortage: fc.boolean() });
const qty = fc.integer({ min: 1, max: 12 }).map((n) => n * 1000);

const command = fc.oneof(
  fc.record({ op: fc.constant('create' as const), type: fc.constantFrom(1, 2, 7, 5), kind: fc.constantFrom<StatusKind>('quote', 'confirmed', 'pack'), lines: fc.array(fc.tuple(fc.nat(2), qty), { minLength: 1, maxLength: 3 }), allowShortage: fc.boolean() }),
  fc.record({ op: fc.constant('deliver' as const), order: fc.nat(), line: fc.nat(), qty }),
  fc.record({ op: fc.constant('invoice' as const), order: fc.nat() }),
  fc.record({ op: fc.constant('status' as const), order: fc.nat(), kind: fc.constantFrom(...KINDS), confirm: confirmArb }),
  fc.record({ op: fc.constant('credit' as const), invoice: fc.nat(), line: fc.nat(), qty, returnToStock: fc.boolean() }),
  fc.record({ op: fc.constant('receive' as const), product: fc.nat(1), qty }),
  fc.record({ op: fc.constant('type' as const), order: fc.nat(), type: fc.constantFrom(1, 2, 5, 7) }),
  fc.record({ op: fc.constant('delete' as const), order: fc.nat() }),
  fc.record({ op: fc.constant('returnLoan' as const), order: fc.nat(), line: fc.nat(), qty }),
  fc.record({ op: fc.constant('editLine' as const), order: fc.nat(), line: fc.nat(), qty }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

async function run(w: SalesWorld, orders: number[], invoices: number[], c: Command): Promise<{ ok: boolean; code?: string }> {
  const products = [w.drill, w.bread, w.service];
  const pick = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  const get = async (i: number): Promise<Order | undefined> => {
    const id = pick(orders, i);
    return id === undefined ? undefined : w.t.ok('orders.get', { id });
  };
  let r;
  switch (c.op) {
    case 'create':
      r = await w.t.engine.call('orders.create', {
        header: { customerId: w.customer, orderType: c.type, statusId: w.status(c.kind) },
        lines: c.lines.map(([p, q]) => ({ productId: products[p]!, quantity: q })),
        confirm: { allowShortage: c.allowShortage },
      });
      if (r.ok) orders.push(r.value.id);
      break;
    case 'deliver': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      r = await w.t.engine.call('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: line.id, quantity: c.qty }] });
      break;
    }
    case 'invoice': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('orders.invoice', { id: o.id, version: o.version });
      if (r.ok) {
        invoices.push(r.value.invoice.id);
        if (r.value.backorder) orders.push(r.value.backorder.id);
      }
      break;
    }
    case 'status': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('orders.setStatus', { id: o.id, version: o.version, statusId: w.status(c.kind), confirm: c.confirm });
      if (r.ok) for (const id of r.value.invoiceIds) if (!invoices.includes(id)) invoices.push(id);
      break;
    }
    case 'credit': {
      const id = pick(invoices, c.invoice);
      if (id === undefined) return { ok: true };
      const inv = await w.t.ok('invoices.get', { id });
      const line = pick(inv.lines, c.line);
      if (!line) return { ok: true };
      r = await w.t.engine.call('invoices.credit', { invoiceId: id, lines: [{ invoiceLineId: line.id, quantity: c.qty }], returnToStock: c.returnToStock });
      break;
    }
    case 'receive':
      r = await w.t.engine.call('stock.receive', { productId: products[c.product]!, quantity: c.qty, costOre: 1000 });
      break;
    case 'type': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('orders.changeType', { id: o.id, version: o.version, orderType: c.type, confirm: { allowShortage: true } });
      break;
    }
    case 'delete': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('orders.delete', { id: o.id, version: o.version });
      if (r.ok) orders.splice(orders.indexOf(o.id), 1);
      break;
    }
    case 'returnLoan': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      r = await w.t.engine.call('orders.returnLoan', { id: o.id, version: o.version, lines: [{ lineId: line.id, quantity: c.qty }] });
      break;
    }
    case 'editLine': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      r = await w.t.engine.call('orders.updateLine', { orderId: o.id, version: o.version, lineId: line.id, changes: { quantity: c.qty } });
      break;
    }
  }
  if (r.ok) return { ok: true };
  expect(r.error.code, JSON.stringify(r.error)).not.toBe('internal');
  return { ok: false, code: r.error.code };
}

describe('sales processing invariants', () => {
  it('hold after every step of any sequence of operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 30 }), async (commands) => {
        const w = await salesWorld();
        const orders: number[] = [];
        const invoices: number[] = [];
        /** Invoiced orders as they were when they became invoices. */
        const frozen = new Map<number, string>();
        try {
          for (const c of commands) {
            const before = w.t.engine.fingerprint();
            const result = await run(w, orders, invoices, c);
            if (!result.ok) expect(w.t.engine.fingerprint(), `refused ${c.op} (${result.code}) changed the database`).toEqual(before);

            const snap = await ledgerSnapshot(w.t.file);
            for (const s of snap.stock) {
              expect(s.onHand, 'on-hand = sum of movements').toBe(s.movementSum);
              expect(s.batchSum, 'batches sum to on-hand').toBe(s.onHand);
              expect(s.reserved, 'reserved = sum of line reservations').toBe(s.reservedSum);
              expect(s.onLoan, 'on loan = sum of lines on loan').toBe(s.onLoanSum);
              const info = await w.t.ok('stock.get', { productId: s.productId });
              expect(info.available).toBe(info.onHand - info.reserved - info.onLoan);
            }
            expect(snap.invoiceNumbers, 'invoice numbers 1..n without gaps').toEqual(snap.invoiceNumbers.map((_, i) => i + 1));

            for (const id of orders) {
              const o = await w.t.ok('orders.get', { id });
              for (const l of o.lines) {
                expect(l.qtyDelivered, 'delivered ≤ ordered').toBeLessThanOrEqual(l.quantity);
                expect(l.qtyInvoiced, 'invoiced ≤ delivered').toBeLessThanOrEqual(l.qtyDelivered);
                expect(l.qtyCredited, 'credited ≤ invoiced').toBeLessThanOrEqual(l.qtyInvoiced);
                const managed = l.productId !== w.service;
                expect(snap.netIssued.get(l.id) ?? 0, 'no quantity issued twice').toBe(managed ? l.qtyDelivered : 0);
              }
              const view = JSON.stringify({ lines: o.lines.map((l) => [l.id, l.quantity, l.unitPriceOre, l.discountBp, l.amountOre, l.qtyDelivered, l.qtyInvoiced]), totals: o.totals });
              if (['invoiced', 'invoiced_packing_slip', 'paid'].includes(o.statusKind)) {
                const was = frozen.get(id);
                if (was === undefined) frozen.set(id, view);
                else expect(view, 'an invoiced order never changes').toBe(was);
              }
            }
          }
        } finally {
          w.t.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 240_000);
});
