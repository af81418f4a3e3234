// Invariants of purchasing over random sequences of operations (fast-check):
// every purchase order type (1 Normal, 4 Realized, 5 Inquiry, 6 Unprocessed, and
// turning 5 and 6 into orders), replies, dispatches, receptions, supplier
// invoices, cancellations and amendments, Direct sales leaving negative batches,
// and the company's three purchase options switched at random in the middle of
// it all (company.save, every other company field as it is). After every step:
// - the whole-file audit (demo/audit.ts) finds nothing;
// - on-hand = Σ movements = Σ batches; a received quantity is in stock once (Σ
//   receipt movements of a line = its qty_received, for stock-managed goods);
// - no line is shipped, received or invoiced beyond what is expected of it, and
//   nothing is invoiced that has not entered stock;
// - the derived status matches the quantities (SPEC 1.3 restated here on its
//   own), in the order and in the list, and an order anything has moved on never
//   shows To process;
// - the order's actions agree with its line figures, and a refused call gives
//   the refusal its action's availability showed (or one about the input);
// - a refused call leaves the database exactly as it was; no call fails as `internal`.
// ORDREBOK_SOAK_RUNS raises the number of runs for a soak (`npm test` keeps it small).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PurchaseAction, PurchaseOrder } from '../../shared/channels/purchasing';
import type { DomainErrorData } from '../../shared/errors';
import type { PurchaseStatus } from '../../shared/enums';
import type { Db } from '../../src-main/engine/db/connection';
import { purchaseWorldTemplate, setPurchaseOptions, type PurchaseWorldCopy } from '../helpers/purchasing';

const RUNS = Number(process.env.ORDREBOK_SOAK_RUNS ?? 15);

const qty = fc.integer({ min: 1, max: 8 }).map((n) => n * 1000);
const price = fc.integer({ min: 0, max: 60 }).map((n) => n * 100);
const options = fc.record({ reply: fc.boolean(), dispatch: fc.boolean(), reception: fc.boolean() });
/**
 * A step's quantity on one line, or 'all': every line that can take the step,
 * all it can (the dialogs' "all"); when no line can, one unit of the line named.
 */
const stepQty = fc.oneof({ arbitrary: qty, weight: 1 }, { arbitrary: fc.constant('all' as const), weight: 2 });
/**
 * Which order a step is for, counted from the newest: mostly one the step is
 * meant for (a Normal order not cancelled; an inquiry or unprocessed order to turn
 * into an order), as a clerk would pick it, and now and then any order at all.
 */
const order = fc.record({ index: fc.oneof({ arbitrary: fc.nat(1), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }), meant: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }) });

const createOf = (type: fc.Arbitrary<number>) =>
  fc.record({ op: fc.constant('create' as const), type, lines: fc.array(fc.tuple(fc.nat(3), qty, price), { minLength: 1, maxLength: 2 }) });
const create = createOf(fc.constantFrom(1, 1, 1, 4, 5, 6));
const command = fc.oneof(
  { arbitrary: create, weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('reply' as const), order, line: fc.nat(), action: fc.constantFrom('accept', 'change', 'refuse'), qty: stepQty, price: fc.option(price, { nil: undefined }) }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('dispatch' as const), order, line: fc.nat(), qty: stepQty, cost: fc.constant(undefined), price: fc.constant(undefined), no: fc.constant(0) }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('receive' as const), order, line: fc.nat(), qty: stepQty, cost: fc.option(price, { nil: undefined }), price: fc.constant(undefined), no: fc.constant(0) }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('invoice' as const), order, line: fc.nat(), qty: stepQty, cost: fc.constant(undefined), price: fc.option(price, { nil: undefined }), no: fc.integer({ min: 1, max: 6 }) }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('toOrder' as const), order }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('cancel' as const), order }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('amend' as const), order }), weight: 1 },
  // The administrator switches one purchase option on or off (company.save).
  { arbitrary: fc.record({ op: fc.constant('options' as const), option: fc.constantFrom('reply' as const, 'dispatch' as const, 'reception' as const) }), weight: 5 },
  // A Direct sale, which may leave a negative batch for a receipt to settle.
  { arbitrary: fc.record({ op: fc.constant('sell' as const), product: fc.nat(1), qty }), weight: 2 },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;
const OPS: readonly Command['op'][] = ['create', 'reply', 'dispatch', 'receive', 'invoice', 'toOrder', 'cancel', 'amend', 'options', 'sell'];

/** One run in which every kind of call goes through (run before the random ones), whatever the seed. */
const all = 'all' as const;
const meant = { index: 0, meant: true };
const EVERY_STEP: [{ reply: boolean; dispatch: boolean; reception: boolean }, Command & { op: 'create' }, Command[]] = [
  { reply: true, dispatch: true, reception: true },
  { op: 'create', type: 1, lines: [[0, 4000, 3000], [2, 2000, 50000]] },
  [
    { op: 'reply', order: meant, line: 0, action: 'accept', qty: all, price: undefined },
    { op: 'dispatch', order: meant, line: 0, qty: all, cost: undefined, price: undefined, no: 0 },
    { op: 'receive', order: meant, line: 0, qty: 2000, cost: undefined, price: undefined, no: 0 },
    { op: 'options', option: 'reception' },
    { op: 'invoice', order: meant, line: 0, qty: all, cost: undefined, price: undefined, no: 1 },
    { op: 'create', type: 5, lines: [[1, 1000, 2000]] },
    { op: 'toOrder', order: meant },
    { op: 'cancel', order: meant },
    { op: 'create', type: 1, lines: [[3, 1000, 90000]] },
    { op: 'amend', order: meant },
    { op: 'create', type: 4, lines: [[0, 1000, 3000]] },
    { op: 'create', type: 6, lines: [[2, 1000, 50000]] },
    { op: 'sell', product: 0, qty: 3000 },
  ],
];

/** The order action each purchase call is offered by on the screen. */
const ACTION_OF: Partial<Record<Command['op'], PurchaseAction>> = {
  reply: 'reply',
  dispatch: 'dispatch',
  receive: 'receive',
  invoice: 'invoice',
  toOrder: 'toOrder',
  cancel: 'cancel',
  amend: 'amend',
};
/** Refusals about one line the call named: a step's channel checks the lines it names before the order as a whole. */
const LINE_BLOCKS = ['purchase_line_refused', 'purchase_reply_first'];
const LINE_FIELD = /^lines\.\d+\.lineId$/;

type Outcome = { ok: true } | { ok: false; error: DomainErrorData; before: PurchaseOrder | undefined };

async function run(w: PurchaseWorldCopy, orders: number[], c: Command): Promise<Outcome> {
  const products = [w.screw, w.bread, w.drill, w.service];
  const pick = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);
  const get = async (which: { index: number; meant: boolean }): Promise<PurchaseOrder | undefined> => {
    let ids = [...orders].reverse();
    if (which.meant) {
      const types = c.op === 'toOrder' ? [5, 6] : [1];
      const rows = new Map((await w.t.ok('purchase.list', { limit: 500 })).rows.map((r) => [r.id, r]));
      const meant = ids.filter((id) => types.includes(rows.get(id)!.orderType) && rows.get(id)!.status !== 'cancelled');
      if (meant.length) ids = meant;
    }
    const id = pick(ids, which.index);
    return id === undefined ? undefined : w.t.ok('purchase.get', { id });
  };
  let r;
  let o: PurchaseOrder | undefined;
  switch (c.op) {
    case 'create':
      r = await w.t.engine.call('purchase.create', {
        header: { supplierId: w.supplier, orderType: c.type },
        lines: c.lines.map(([p, q, unitPriceOre]) => ({ productId: products[p]!, quantity: q, unitPriceOre })),
      });
      if (r.ok) orders.push(r.value.id);
      break;
    case 'reply': {
      o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      // 'all': the supplier accepts every line not answered yet.
      const open = o.lines.filter((l) => l.reply === null);
      const lines =
        c.qty === 'all' && open.length
          ? open.map((l) => ({ lineId: l.id, action: 'accept' as const }))
          : [{ lineId: line.id, action: c.action, ...(c.action === 'change' ? { quantity: c.qty === 'all' ? line.quantity : c.qty, unitPriceOre: c.price } : {}) }];
      r = await w.t.engine.call('purchase.reply', { id: o.id, version: o.version, lines });
      break;
    }
    case 'dispatch':
    case 'receive':
    case 'invoice': {
      o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      const can = (l: PurchaseOrder['lines'][number]) => (c.op === 'dispatch' ? l.canShip : c.op === 'receive' ? l.canReceive : l.canInvoice);
      const extra = (l: PurchaseOrder['lines'][number]) =>
        c.op === 'receive' ? (c.cost === undefined ? {} : { costOre: c.cost }) : c.op === 'invoice' ? { unitPriceOre: c.price ?? l.agreedPriceOre } : {};
      const ready = o.lines.filter((l) => can(l) > 0);
      const lines =
        c.qty === 'all'
          ? ready.length
            ? ready.map((l) => ({ lineId: l.id, quantity: can(l), ...extra(l) }))
            : [{ lineId: line.id, quantity: 1, ...extra(line) }]
          : [{ lineId: line.id, quantity: c.qty, ...extra(line) }];
      const channel = c.op === 'dispatch' ? 'purchase.dispatch' : c.op === 'receive' ? 'purchase.receive' : 'purchase.matchInvoice';
      const invoice = c.op === 'invoice' ? { invoiceNumber: `F-${c.no}`, invoiceDate: '2025-01-05' } : {};
      r = await w.t.engine.call(channel, { id: o.id, version: o.version, ...invoice, lines });
      break;
    }
    case 'toOrder': {
      // An inquiry or unprocessed order saved as it is, as a Normal order (Alt+O).
      o = await get(c.order);
      if (!o) return { ok: true };
      const lines = o.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity, unitPriceOre: l.unitPriceOre }));
      r = await w.t.engine.call('purchase.save', { id: o.id, version: o.version, header: { supplierId: o.supplierId, orderType: 1 }, lines });
      break;
    }
    case 'cancel': {
      o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('purchase.cancel', { id: o.id, version: o.version });
      break;
    }
    case 'amend': {
      o = await get(c.order);
      if (!o) return { ok: true };
      r = await w.t.engine.call('purchase.amend', { id: o.id, version: o.version });
      if (r.ok) orders.push(r.value.id);
      break;
    }
    case 'options': {
      const company = (await w.t.ok('company.get', {}))!;
      const now = { reply: company.purchaseReply, dispatch: company.purchaseDispatch, reception: company.purchaseReception };
      await setPurchaseOptions(w.t, { [c.option]: !now[c.option] });
      return { ok: true };
    }
    case 'sell': {
      const sale = await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 2, statusId: w.status('confirmed') }, lines: [{ productId: products[c.product]!, quantity: c.qty }] });
      r = await w.t.engine.call('orders.invoice', { id: sale.id, version: sale.version });
      break;
    }
  }
  if (r.ok) return { ok: true };
  expect(r.error.code, JSON.stringify(r.error)).not.toBe('internal');
  return { ok: false, error: r.error, before: o };
}

/** SPEC 1.3 restated: the latest step any line has reached, "partially" while some line expects more there. */
function statusFromQuantities(po: PurchaseOrder): PurchaseStatus {
  if (po.cancelledAt) return 'cancelled';
  const expects = (l: PurchaseOrder['lines'][number]) => (l.reply === null ? l.quantity : l.qtyConfirmed);
  const live = po.lines.filter((l) => expects(l) > 0);
  const complete = (f: (l: PurchaseOrder['lines'][number]) => number) => live.length > 0 && live.every((l) => f(l) === expects(l));
  if (po.lines.some((l) => l.qtyInvoiced > 0)) return complete((l) => l.qtyInvoiced) ? 'invoiced' : 'partially_invoiced';
  if (po.lines.some((l) => l.qtyReceived > 0)) return complete((l) => l.qtyReceived) ? 'received' : 'partially_received';
  if (po.lines.some((l) => l.qtyShipped > 0)) return complete((l) => l.qtyShipped) ? 'shipped' : 'partially_shipped';
  if (po.lines.some((l) => l.reply !== null)) {
    if (po.lines.every((l) => l.reply === 'refused')) return 'refused';
    return po.lines.every((l) => l.reply === 'accepted') ? 'confirmed' : 'partially_confirmed';
  }
  return 'to_process';
}

/** The audit, the stock checks, receipt movements and supplier-invoice quantities per order line, read on a second connection. */
async function fileChecks(db: Db) {
  const { auditSales } = await import('../../src-main/engine/demo/audit');
  const { allStockChecks } = await import('../../src-main/engine/repos/stock');
  const receipts = db.prepare("SELECT order_line_id AS id, sum(quantity) AS q FROM stock_movement WHERE cause = 'receipt' AND order_line_id IS NOT NULL GROUP BY 1").all() as { id: number; q: number }[];
  const invoiced = db.prepare('SELECT order_line_id AS id, sum(quantity) AS q FROM supplier_invoice_line GROUP BY 1').all() as { id: number; q: number }[];
  return {
    broken: auditSales(db).filter((f) => f.violations > 0),
    stock: allStockChecks(db),
    receipts: new Map(receipts.map((r) => [r.id, r.q])),
    invoiced: new Map(invoiced.map((r) => [r.id, r.q])),
  };
}

/** A refused call says what the order's action said before it, or names what was wrong in the input. */
function refusalAgrees(c: Command, error: DomainErrorData, before: PurchaseOrder | undefined) {
  // Saving an order that is already Normal as Normal is the screen's save, not its "to order".
  const action = c.op === 'toOrder' && before && before.orderType !== 5 && before.orderType !== 6 ? 'save' : ACTION_OF[c.op];
  if (!action || !before) return;
  const shown = before.actions[action];
  const what = `${c.op} refused with ${error.code} (${error.field ?? 'no field'}); the order showed ${JSON.stringify(shown)}`;
  if (shown.available) {
    expect(error.field, `${what}: an available action is refused only for its input`).not.toBeNull();
  } else if (!(LINE_BLOCKS.includes(error.code) && LINE_FIELD.test(error.field ?? ''))) {
    expect({ code: error.code, nb: error.message.nb, en: error.message.en }, what).toEqual(shown.reason);
  }
}

describe('purchasing invariants', () => {
  it('hold after every step of any sequence of operations, while the purchase options change', async () => {
    /** Calls that went through, so the property is known to have exercised them. */
    const done = new Map<string, number>();
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const template = await purchaseWorldTemplate();
    await fc.assert(
      // Each run starts with a Normal order, so that its steps have something to work on.
      fc.asyncProperty(options, createOf(fc.constant(1)), fc.array(command, { minLength: 10, maxLength: 40 }), async (initial, first, rest) => {
        const commands = [first, ...rest];
        const w = await template.copy();
        await setPurchaseOptions(w.t, initial);
        // A second, read-only connection: each query reads what the engine has committed.
        const reader = openDatabase(w.t.file, { readonly: true });
        const orders: number[] = [];
        try {
          for (const c of commands) {
            const before = w.t.engine.fingerprint();
            const result = await run(w, orders, c);
            if (!result.ok) {
              expect(w.t.engine.fingerprint(), `refused ${c.op} (${result.error.code}) changed the database`).toEqual(before);
              refusalAgrees(c, result.error, result.before);
            } else done.set(c.op, (done.get(c.op) ?? 0) + 1);

            const file = await fileChecks(reader);
            expect(file.broken, `the audit after ${c.op}`).toEqual([]);
            for (const s of file.stock) {
              expect(s.onHand, 'on-hand = sum of movements').toBe(s.movementSum);
              expect(s.batchSum, 'batches sum to on-hand').toBe(s.onHand);
              expect(s.reserved, 'reserved = sum of line reservations').toBe(s.reservedSum);
            }
            const list = await w.t.ok('purchase.list', { limit: 500 });
            const listed = new Map(list.rows.map((r) => [r.id, r.status]));
            for (const id of orders) {
              const po = await w.t.ok('purchase.get', { id });
              expect(po.status, 'the derived status matches the quantities').toBe(statusFromQuantities(po));
              expect(listed.get(id), 'the list derives the same status').toBe(po.status);
              if (po.lines.some((l) => l.qtyShipped + l.qtyReceived + l.qtyInvoiced > 0)) expect(po.status, 'moved, so never To process').not.toBe('to_process');
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
                expect(l.qtyInvoiced, 'invoiced ≤ received: nothing is invoiced that has not entered stock').toBeLessThanOrEqual(l.qtyReceived);
                if (l.reply === 'refused') expect(l.qtyShipped + l.qtyReceived + l.qtyInvoiced, 'a refused line took nothing').toBe(0);
                if (po.orderType === 5 || po.orderType === 6) expect(l.qtyShipped + l.qtyReceived + l.qtyInvoiced, 'an inquiry or unprocessed order is not processed').toBe(0);
                if (po.orderType === 4) expect([l.qtyReceived, l.qtyInvoiced], 'a Realized order is received as saved').toEqual([l.quantity, 0]);
                const managed = l.productId !== w.service;
                expect(file.receipts.get(l.id) ?? 0, 'a received quantity is in stock once').toBe(managed ? l.qtyReceived : 0);
                expect(file.invoiced.get(l.id) ?? 0, 'invoiced = the supplier-invoice lines').toBe(l.qtyInvoiced);
              }
              // The screen's actions agree with the line figures.
              const some = (f: (l: PurchaseOrder['lines'][number]) => number) => po.lines.some((l) => f(l) > 0);
              expect(po.actions.dispatch.available, 'dispatch offered iff some line can be shipped').toBe(some((l) => l.canShip));
              expect(po.actions.receive.available, 'reception offered iff some line can be received').toBe(some((l) => l.canReceive));
              expect(po.actions.invoice.available, 'invoice offered iff some line can be invoiced').toBe(some((l) => l.canInvoice));
              expect(po.actions.save.available, 'saved only while editable').toBe(po.editable);
            }
          }
        } finally {
          reader.close();
          w.t.close();
        }
      }),
      { numRuns: RUNS, examples: [EVERY_STEP] },
    );
    template.dispose();
    for (const op of OPS) expect(done.get(op) ?? 0, `${op} went through at least once`).toBeGreaterThan(0);
  }, 600_000 + RUNS * 5_000);
});
