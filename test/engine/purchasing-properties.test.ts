// Invariants of purchasing over random sequences of operations under random
// purchase options (fast-check): on-hand = Σ movements = Σ batches; no line is
// shipped, received or invoiced beyond what its rules allow; every receipt is
// one movement tied to its line; the derived status matches the quantities (as
// SPEC 1.3 states it, restated here on its own) in the order and in the list;
// and a refused step leaves the database exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PurchaseOptions, PurchaseOrder } from '../../shared/channels/purchasing';
import type { PurchaseStatus } from '../../shared/enums';
import { ledgerSnapshot } from '../helpers/engine';
import { purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';

const qty = fc.integer({ min: 1, max: 8 }).map((n) => n * 1000);
const price = fc.integer({ min: 0, max: 60 }).map((n) => n * 100);

const command = fc.oneof(
  fc.record({ op: fc.constant('create' as const), type: fc.constantFrom(1, 1, 1, 4, 5), lines: fc.array(fc.tuple(fc.nat(3), qty, price), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('reply' as const), order: fc.nat(), line: fc.nat(), action: fc.constantFrom('accept', 'change', 'refuse'), qty, price: fc.option(price, { nil: undefined }) }),
  fc.record({ op: fc.constant('dispatch' as const), order: fc.nat(), line: fc.nat(), qty }),
  fc.record({ op: fc.constant('receive' as const), order: fc.nat(), line: fc.nat(), qty, cost: fc.option(price, { nil: undefined }) }),
  fc.record({ op: fc.constant('invoice' as const), order: fc.nat(), line: fc.nat(), qty, price, no: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('cancel' as const), order: fc.nat() }),
  fc.record({ op: fc.constant('amend' as const), order: fc.nat() }),
  // A Direct sale, which may leave a negative batch for a receipt to settle.
  fc.record({ op: fc.constant('sell' as const), product: fc.nat(1), qty }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

async function run(w: PurchaseWorld, orders: number[], c: Command): Promise<{ ok: boolean; code?: string }> {
  const products = [w.screw, w.bread, w.drill, w.service];
  const pick = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  const get = async (i: number): Promise<PurchaseOrder | undefined> => {
    const id = pick(orders, i);
    return id === undefined ? undefined : w.t.ok('purchase.get', { id });
  };
  let r;
  switch (c.op) {
    case 'create':
      r = await w.t.engine.call('purchase.create', {
        header: { supplierId: w.supplier, orderType: c.type },
        lines: c.lines.map(([p, q, unitPriceOre]) => ({ productId: products[p]!, quantity: q, unitPriceOre })),
      });
      if (r.ok) orders.push(r.value.id);
      break;
    case 'reply': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      const extra = c.action === 'change' ? { quantity: c.qty, unitPriceOre: c.price } : {};
      r = await w.t.engine.call('purchase.reply', { id: o.id, version: o.version, lines: [{ lineId: line.id, action: c.action, ...extra }] });
      break;
    }
    case 'dispatch':
    case 'receive': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      const cost = c.op === 'receive' && c.cost !== undefined ? { costOre: c.cost } : {};
      r = await w.t.engine.call(c.op === 'dispatch' ? 'purchase.dispatch' : 'purchase.receive', { id: o.id, version: o.version, lines: [{ lineId: line.id, quantity: c.qty, ...cost }] });
      break;
    }
    case 'invoice': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      r = await w.t.engine.call('purchase.matchInvoice', { id: o.id, version: o.version, invoiceNumber: `F-${c.no}`, invoiceDate: '2025-01-05', lines: [{ lineId: line.id, quantity: c.qty, unitPriceOre: c.price }] });
      break;
    }
    case 'cancel': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('purchase.cancel', { id: o.id, version: o.version });
      break;
    }
    case 'amend': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('purchase.amend', { id: o.id, version: o.version });
      if (r.ok) orders.push(r.value.id);
      break;
    }
    case 'sell': {
      const o = await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 2, statusId: w.status('confirmed') }, lines: [{ productId: products[c.product]!, quantity: c.qty }] });
      r = await w.t.engine.call('orders.invoice', { id: o.id, version: o.version });
      break;
    }
  }
  if (r.ok) return { ok: true };
  expect(r.error.code, JSON.stringify(r.error)).not.toBe('internal');
  return { ok: false, code: r.error.code };
}

/** SPEC 1.3 restated: the latest step any line has reached, "partially" while some line expects more there. */
function statusFromQuantities(po: PurchaseOrder, o: PurchaseOptions): PurchaseStatus {
  if (po.cancelledAt) return 'cancelled';
  const expects = (l: PurchaseOrder['lines'][number]) => (l.reply === null ? l.quantity : l.qtyConfirmed);
  const live = po.lines.filter((l) => expects(l) > 0);
  const complete = (f: (l: PurchaseOrder['lines'][number]) => number) => live.length > 0 && live.every((l) => f(l) === expects(l));
  if (po.lines.some((l) => l.qtyInvoiced > 0)) return complete((l) => l.qtyInvoiced) ? 'invoiced' : 'partially_invoiced';
  if ((o.reception || po.orderType === 4) && po.lines.some((l) => l.qtyReceived > 0)) return complete((l) => l.qtyReceived) ? 'received' : 'partially_received';
  if (o.dispatch && po.lines.some((l) => l.qtyShipped > 0)) return complete((l) => l.qtyShipped) ? 'shipped' : 'partially_shipped';
  if (o.reply && po.lines.some((l) => l.reply !== null)) {
    if (po.lines.every((l) => l.reply === 'refused')) return 'refused';
    return po.lines.every((l) => l.reply === 'accepted') ? 'confirmed' : 'partially_confirmed';
  }
  return 'to_process';
}

/** Receipt movements and supplier-invoice quantities per order line, read on a second connection. */
async function lineLedger(file: string) {
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const db = openDatabase(file, { readonly: true });
  try {
    const receipts = db.prepare("SELECT order_line_id AS id, sum(quantity) AS q FROM stock_movement WHERE cause = 'receipt' AND order_line_id IS NOT NULL GROUP BY 1").all() as { id: number; q: number }[];
    const invoiced = db.prepare('SELECT order_line_id AS id, sum(quantity) AS q FROM supplier_invoice_line GROUP BY 1').all() as { id: number; q: number }[];
    return { receipts: new Map(receipts.map((r) => [r.id, r.q])), invoiced: new Map(invoiced.map((r) => [r.id, r.q])) };
  } finally {
    db.close();
  }
}

describe('purchasing invariants', () => {
  it('hold after every step of any sequence of operations, under any purchase options', async () => {
    const options = fc.record({ reply: fc.boolean(), dispatch: fc.boolean(), reception: fc.boolean() });
    /** Steps that went through, so the property is known to have exercised them. */
    const done = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(options, fc.array(command, { minLength: 5, maxLength: 30 }), async (opts, commands) => {
        const w = await purchaseWorld(opts);
        const orders: number[] = [];
        try {
          for (const c of commands) {
            const before = w.t.engine.fingerprint();
            const result = await run(w, orders, c);
            if (!result.ok) expect(w.t.engine.fingerprint(), `refused ${c.op} (${result.code}) changed the database`).toEqual(before);
            else done.set(c.op, (done.get(c.op) ?? 0) + 1);

            const snap = await ledgerSnapshot(w.t.file);
            for (const s of snap.stock) {
              expect(s.onHand, 'on-hand = sum of movements').toBe(s.movementSum);
              expect(s.batchSum, 'batches sum to on-hand').toBe(s.onHand);
              expect(s.reserved, 'reserved = sum of line reservations').toBe(s.reservedSum);
            }
            const ledger = await lineLedger(w.t.file);
            const list = await w.t.ok('purchase.list', { limit: 500 });
            const listed = new Map(list.rows.map((r) => [r.id, r.status]));
            for (const id of orders) {
              const po = await w.t.ok('purchase.get', { id });
              expect(po.status, 'the derived status matches the quantities').toBe(statusFromQuantities(po, opts));
              expect(listed.get(id), 'the list derives the same status').toBe(po.status);
              // Agreed = expected quantity × agreed price (no discounts here, whole units: exact øre).
              for (const l of po.lines) {
                const expected = l.reply === null ? l.quantity : l.qtyConfirmed;
                expect(l.agreedAmountOre, 'agreed amount = expected × agreed price').toBe((expected / 1000) * (l.confirmedPriceOre ?? l.unitPriceOre));
              }
              expect(po.agreedTotals.netOre, 'agreed totals = Σ agreed line amounts').toBe(po.lines.reduce((s, l) => s + l.agreedAmountOre, 0));
              expect(po.agreedTotals.grossOre).toBe(po.agreedTotals.netOre + po.agreedTotals.vatOre);
              if (po.lines.every((l) => l.reply === null || l.reply === 'accepted')) expect(po.agreedTotals, 'unchanged by the supplier: agreed = ordered').toEqual(po.totals);
              for (const l of po.lines) {
                const expected = l.reply === null ? l.quantity : l.qtyConfirmed;
                expect(l.qtyShipped, 'shipped ≤ confirmed').toBeLessThanOrEqual(expected);
                expect(l.qtyReceived, 'received ≤ confirmed').toBeLessThanOrEqual(expected);
                expect(l.qtyInvoiced, 'invoiced ≤ confirmed').toBeLessThanOrEqual(expected);
                if (opts.dispatch && po.orderType === 1) expect(l.qtyReceived, 'received ≤ shipped').toBeLessThanOrEqual(l.qtyShipped);
                if (opts.reception) expect(l.qtyInvoiced, 'invoiced ≤ received').toBeLessThanOrEqual(l.qtyReceived);
                else if (po.orderType === 1) expect(l.qtyReceived, 'without reception, the invoice receives').toBe(l.qtyInvoiced);
                if (opts.reply && l.qtyShipped + l.qtyReceived + l.qtyInvoiced > 0 && po.orderType === 1) {
                  expect(['accepted', 'changed'], 'nothing moves before the reply').toContain(l.reply);
                }
                if (po.orderType === 5) expect(l.qtyReceived + l.qtyInvoiced, 'an inquiry is not processed').toBe(0);
                const managed = l.productId !== w.service;
                expect(ledger.receipts.get(l.id) ?? 0, 'each received quantity is one receipt into stock').toBe(managed ? l.qtyReceived : 0);
                expect(ledger.invoiced.get(l.id) ?? 0, 'invoiced = the supplier-invoice lines').toBe(l.qtyInvoiced);
              }
            }
          }
        } finally {
          w.t.close();
        }
      }),
      { numRuns: 30 },
    );
    for (const op of ['create', 'reply', 'dispatch', 'receive', 'invoice', 'cancel', 'amend', 'sell']) {
      expect(done.get(op) ?? 0, `${op} went through at least once`).toBeGreaterThan(0);
    }
  }, 300_000);
});
