// The company's three purchase options (reply, dispatch, reception; SPEC 1.3)
// switched in the middle of an order's life (company.save). The quantities on a
// line are the record of what has happened; the options decide only which steps
// can be registered from now on. So: goods enter stock once per received
// quantity (order_line.qty_received), whatever the options say now; a step that
// has happened shows in the status even when its option is off; and no line is
// left waiting for a step the company no longer (or not yet) registered.
import { afterEach, describe, expect, it } from 'vitest';
import type { PurchaseOptions, PurchaseOrder } from '../../shared/channels/purchasing';
import { openDatabase } from '../../src-main/engine/db/connection';
import { auditSales } from '../../src-main/engine/demo/audit';
import { stockLedger } from '../helpers/engine';
import { ALL_OPTION_COMBINATIONS, purchaseWorld, setPurchaseOptions, type PurchaseWorld } from '../helpers/purchasing';

let w: PurchaseWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

type Step = 'purchase.reply' | 'purchase.dispatch' | 'purchase.receive' | 'purchase.matchInvoice';
let invoiceNo = 0;
async function step(world: PurchaseWorld, po: PurchaseOrder, channel: Step, lines: Record<string, unknown>[]): Promise<PurchaseOrder> {
  const extra = channel === 'purchase.matchInvoice' ? { invoiceNumber: `F-${++invoiceNo}`, invoiceDate: '2025-01-06' } : {};
  return world.t.ok(channel, { id: po.id, version: po.version, ...extra, lines });
}

/** Every audit rule (sales and purchasing) holds over the whole file, and the product's ledger adds up. */
async function audited(world: PurchaseWorld, productId: number) {
  const db = openDatabase(world.t.file, { readonly: true });
  try {
    expect(auditSales(db).filter((f) => f.violations > 0)).toEqual([]);
  } finally {
    db.close();
  }
  const { kept, sums } = await stockLedger(world.t.file, productId);
  expect(kept.onHand).toBe(sums.onHand);
  expect(sums.batches).toBe(sums.onHand);
}

/** The availability the order shows for an action equals the refusal its channel gave. */
function sameReason(action: PurchaseOrder['actions'][keyof PurchaseOrder['actions']], e: { code: string; message: { nb: string; en: string } }) {
  expect(action).toEqual({ available: false, reason: { code: e.code, nb: e.message.nb, en: e.message.en } });
}

describe('reception switched off after goods were received', () => {
  it('the supplier invoice does not receive the same goods again: goods enter stock once per received quantity', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: true });
    let po = await w.po([[w.drill, 10_000, 50000]]);
    const line = po.lines[0]!.id;
    po = await step(w, po, 'purchase.receive', [{ lineId: line, quantity: 10_000 }]);
    expect((await w.stock(w.drill)).onHand).toBe(110_000);

    await setPurchaseOptions(w.t, { reception: false });
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: line, quantity: 10_000, unitPriceOre: 50000 }]);
    expect((await w.stock(w.drill)).onHand).toBe(110_000);
    expect(po.lines[0]).toMatchObject({ qtyReceived: 10_000, qtyInvoiced: 10_000 });
    expect(po.status).toBe('invoiced');
    await audited(w, w.drill);
  });

  it('an invoice beyond what was received brings in only the difference, at the invoiced cost', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000]]);
    const line = po.lines[0]!.id;
    po = await step(w, po, 'purchase.receive', [{ lineId: line, quantity: 4_000 }]);
    await setPurchaseOptions(w.t, { reception: false });
    // 3 of the 4 received: nothing enters stock.
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: line, quantity: 3_000, unitPriceOre: 3000 }]);
    expect(po.lines[0]).toMatchObject({ qtyReceived: 4_000, qtyInvoiced: 3_000, canInvoice: 7_000 });
    expect((await w.stock(w.screw)).onHand).toBe(4_000);
    // The other 7: 1 was received already, 6 enter stock now, at the invoiced cost.
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: line, quantity: 7_000, unitPriceOre: 3300 }]);
    expect(po.lines[0]).toMatchObject({ qtyReceived: 10_000, qtyInvoiced: 10_000 });
    expect(po.status).toBe('invoiced');
    const s = await w.t.ok('stock.get', { productId: w.screw });
    expect(s.onHand).toBe(10_000);
    expect(s.batches.map((b) => [b.qtyRemaining, b.costOre])).toEqual([
      [4_000, 3000],
      [6_000, 3300],
    ]);
    await audited(w, w.screw);
  });

  it('a received order never shows To process: the reception shows in the status with the option off', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: true });
    let po = await w.po([[w.drill, 10_000], [w.screw, 5_000]]);
    po = await step(w, po, 'purchase.receive', [{ lineId: po.lines[0]!.id, quantity: 10_000 }]);
    await setPurchaseOptions(w.t, { reception: false });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.status).toBe('partially_received');
    expect((await w.t.ok('purchase.list', {})).rows.find((r) => r.id === po.id)?.status).toBe('partially_received');
    // Received goods are processed: the order is no longer editable, nor cancellable.
    expect(po.editable).toBe(false);
    sameReason(po.actions.cancel, await w.t.refused('purchase.cancel', { id: po.id, version: po.version }));
    // The reception step itself is off now, and says so.
    sameReason(po.actions.receive, await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: po.lines[1]!.id, quantity: 5_000 }] }));
    expect(po.actions.receive.reason?.code).toBe('purchase_option_off');
  });
});

describe('reception switched on after goods entered stock through a supplier invoice', () => {
  it('they are not received again: reception takes only what no invoice brought in', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: false });
    let po = await w.po([[w.screw, 10_000, 3000], [w.drill, 2_000, 50000]]);
    const [screw, drill] = po.lines.map((l) => l.id) as [number, number];
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: screw, quantity: 4_000, unitPriceOre: 3000 }, { lineId: drill, quantity: 2_000, unitPriceOre: 50000 }]);
    expect((await w.stock(w.screw)).onHand).toBe(4_000);

    await setPurchaseOptions(w.t, { reception: true });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.status).toBe('partially_invoiced');
    // The invoiced drills are in stock: nothing to receive on them; 6 screws still to come.
    expect(po.lines.map((l) => [l.qtyReceived, l.canReceive, l.canInvoice])).toEqual([
      [4_000, 6_000, 0],
      [2_000, 0, 0],
    ]);
    const again = await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: drill, quantity: 1_000 }] });
    expect(again).toMatchObject({ code: 'purchase_over_receive', field: 'lines.0.quantity' });
    // Invoicing now waits for the reception of the rest, and the order says so.
    const early = await w.t.refused('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'X', invoiceDate: '2025-01-06', lines: [{ lineId: screw, quantity: 1_000, unitPriceOre: 3000 }] });
    expect(early.code).toBe('purchase_invoice_waiting');
    sameReason(po.actions.invoice, early);

    po = await step(w, po, 'purchase.receive', [{ lineId: screw, quantity: 6_000 }]);
    // Everything is in stock now, once: reception has nothing left, and says so.
    const full = await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: screw, quantity: 1_000 }] });
    expect(full.code).toBe('purchase_nothing_left');
    sameReason(po.actions.receive, full);
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: screw, quantity: 6_000, unitPriceOre: 3000 }]);
    expect(po.status).toBe('invoiced');
    expect((await w.stock(w.screw)).onHand).toBe(10_000);
    expect((await w.stock(w.drill)).onHand).toBe(102_000);
    await audited(w, w.screw);
  });
});

describe('reply switched on after goods moved on a line', () => {
  it('does not hold that line back: goods that came are the answer; an untouched line waits for the reply', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000], [w.drill, 1_000, 50000]]);
    const [screw, drill] = po.lines.map((l) => l.id) as [number, number];
    po = await step(w, po, 'purchase.receive', [{ lineId: screw, quantity: 4_000 }]);

    await setPurchaseOptions(w.t, { reply: true });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.status).toBe('partially_received');
    expect(po.lines.map((l) => [l.canReceive, l.canInvoice])).toEqual([
      [6_000, 4_000],
      [0, 0],
    ]);
    expect(po.actions.invoice.available).toBe(true);
    // The received line is invoiced and received in full without a reply.
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: screw, quantity: 4_000, unitPriceOre: 3000 }]);
    po = await step(w, po, 'purchase.receive', [{ lineId: screw, quantity: 6_000 }]);
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: screw, quantity: 6_000, unitPriceOre: 3000 }]);
    expect(po.lines[0]).toMatchObject({ reply: null, qtyReceived: 10_000, qtyInvoiced: 10_000 });
    // The line nothing has moved on waits for the supplier's answer, by the channel and by the screen alike.
    const waiting = await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: drill, quantity: 1_000 }] });
    expect(waiting).toMatchObject({ code: 'purchase_reply_first', field: 'lines.0.lineId', params: { line: 2 } });
    sameReason(po.actions.receive, waiting);
    expect(po.actions.reply.available).toBe(true);
    po = await step(w, po, 'purchase.reply', [{ lineId: drill, action: 'accept' }]);
    po = await step(w, po, 'purchase.receive', [{ lineId: drill, quantity: 1_000 }]);
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: drill, quantity: 1_000, unitPriceOre: 50000 }]);
    expect(po.status).toBe('invoiced');
    await audited(w, w.screw);
  });
});

describe('reply switched off after the supplier answered', () => {
  it('the answers stand: a refused line takes nothing, a changed quantity is what is expected; unanswered lines go as ordered', async () => {
    w = await purchaseWorld({ reply: true, dispatch: false, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000], [w.drill, 2_000, 50000], [w.bread, 3_000, 2000]]);
    const [screw, drill, bread] = po.lines.map((l) => l.id) as [number, number, number];
    po = await step(w, po, 'purchase.reply', [{ lineId: screw, action: 'change', quantity: 8_000 }, { lineId: drill, action: 'refuse' }]);
    expect(po.status).toBe('partially_confirmed');

    await setPurchaseOptions(w.t, { reply: false });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.status).toBe('partially_confirmed');
    expect(po.lines.map((l) => [l.qtyExpected, l.canReceive])).toEqual([
      [8_000, 8_000],
      [0, 0],
      [3_000, 3_000],
    ]);
    expect((await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: drill, quantity: 1_000 }] })).code).toBe('purchase_line_refused');
    expect((await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: screw, quantity: 9_000 }] })).code).toBe('purchase_over_receive');
    // The reply step itself is off: the screen shows why, as the channel says it.
    sameReason(po.actions.reply, await w.t.refused('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: bread, action: 'accept' }] }));
    po = await step(w, po, 'purchase.receive', [{ lineId: screw, quantity: 8_000 }, { lineId: bread, quantity: 3_000 }]);
    expect(po.status).toBe('received');
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: screw, quantity: 8_000, unitPriceOre: 3000 }, { lineId: bread, quantity: 3_000, unitPriceOre: 2000 }]);
    expect(po.status).toBe('invoiced');
    await audited(w, w.screw);
  });
});

describe('dispatch switched off after shipping', () => {
  it('the shipment shows in the status; reception no longer waits for dispatch advices', async () => {
    w = await purchaseWorld({ reply: false, dispatch: true, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000]]);
    const line = po.lines[0]!.id;
    po = await step(w, po, 'purchase.dispatch', [{ lineId: line, quantity: 4_000 }]);
    po = await step(w, po, 'purchase.receive', [{ lineId: line, quantity: 4_000 }]);
    const waiting = await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 1_000 }] });
    expect(waiting.code).toBe('purchase_receive_waiting');
    sameReason(po.actions.receive, waiting);

    await setPurchaseOptions(w.t, { dispatch: false });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.status).toBe('partially_received');
    expect(po.lines[0]).toMatchObject({ qtyShipped: 4_000, canShip: 0, canReceive: 6_000 });
    expect(po.actions.dispatch.reason?.code).toBe('purchase_option_off');
    po = await step(w, po, 'purchase.receive', [{ lineId: line, quantity: 6_000 }]);
    expect(po.status).toBe('received');
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: line, quantity: 10_000, unitPriceOre: 3000 }]);
    expect(po.status).toBe('invoiced');
    await audited(w, w.screw);
  });

  it('a shipped order never shows To process after dispatch is switched off', async () => {
    w = await purchaseWorld({ reply: false, dispatch: true, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000]]);
    po = await step(w, po, 'purchase.dispatch', [{ lineId: po.lines[0]!.id, quantity: 10_000 }]);
    await setPurchaseOptions(w.t, { dispatch: false });
    expect((await w.t.ok('purchase.get', { id: po.id })).status).toBe('shipped');
    await setPurchaseOptions(w.t, { reception: false });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.status).toBe('shipped');
    // With neither dispatch nor reception, the invoice brings the goods in, once.
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: po.lines[0]!.id, quantity: 10_000, unitPriceOre: 3000 }]);
    expect((await w.stock(w.screw)).onHand).toBe(10_000);
    expect(po.status).toBe('invoiced');
    await audited(w, w.screw);
  });
});

describe('dispatch switched on after goods arrived without dispatch advices', () => {
  it('what arrived counts as shipped: only the rest can be shipped, and reception waits for its dispatch', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000]]);
    const line = po.lines[0]!.id;
    po = await step(w, po, 'purchase.receive', [{ lineId: line, quantity: 4_000 }]);

    await setPurchaseOptions(w.t, { dispatch: true });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.status).toBe('partially_received');
    expect(po.lines[0]).toMatchObject({ qtyShipped: 0, leftToShip: 6_000, canShip: 6_000, canReceive: 0, canInvoice: 4_000 });
    expect((await w.t.refused('purchase.dispatch', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 7_000 }] })).code).toBe('purchase_over_ship');
    po = await step(w, po, 'purchase.dispatch', [{ lineId: line, quantity: 6_000 }]);
    // The line's shipped quantity is what has left the supplier: the 4 that came and the 6 now.
    expect(po.lines[0]).toMatchObject({ qtyShipped: 10_000, leftToShip: 0, canShip: 0, canReceive: 6_000 });
    sameReason(po.actions.dispatch, await w.t.refused('purchase.dispatch', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 1_000 }] }));
    expect(po.actions.dispatch.reason?.code).toBe('purchase_nothing_left');
    po = await step(w, po, 'purchase.receive', [{ lineId: line, quantity: 6_000 }]);
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: line, quantity: 10_000, unitPriceOre: 3000 }]);
    expect(po.status).toBe('invoiced');
    expect((await w.stock(w.screw)).onHand).toBe(10_000);
    await audited(w, w.screw);
  });

  it('with reception off as well, what was received can be invoiced without a dispatch advice; the rest waits for one', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000]]);
    const line = po.lines[0]!.id;
    po = await step(w, po, 'purchase.receive', [{ lineId: line, quantity: 6_000 }]);
    await setPurchaseOptions(w.t, { dispatch: true, reception: false });
    po = await w.t.ok('purchase.get', { id: po.id });
    expect(po.lines[0]).toMatchObject({ canInvoice: 6_000 });
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: line, quantity: 6_000, unitPriceOre: 3000 }]);
    expect((await w.stock(w.screw)).onHand).toBe(6_000);
    const waiting = await w.t.refused('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'Y', invoiceDate: '2025-01-06', lines: [{ lineId: line, quantity: 1_000, unitPriceOre: 3000 }] });
    expect(waiting.code).toBe('purchase_invoice_waiting');
    expect(waiting.message.nb).toContain('Registrer forsendelsen først');
    sameReason(po.actions.invoice, waiting);
    po = await step(w, po, 'purchase.dispatch', [{ lineId: line, quantity: 4_000 }]);
    po = await step(w, po, 'purchase.matchInvoice', [{ lineId: line, quantity: 4_000, unitPriceOre: 3000 }]);
    expect(po.status).toBe('invoiced');
    expect((await w.stock(w.screw)).onHand).toBe(10_000);
    await audited(w, w.screw);
  });
});

// ---- Every combination ------------------------------------------------------------

const COMBOS = ALL_OPTION_COMBINATIONS;
const name = (o: PurchaseOptions) => `reply ${o.reply ? 'on' : 'off'}, dispatch ${o.dispatch ? 'on' : 'off'}, reception ${o.reception ? 'on' : 'off'}`;

/**
 * Takes every step the options allow now, once round, on `share` of what each
 * line can take (1: all of it): reply (accept), dispatch, reception, invoice.
 */
async function advance(world: PurchaseWorld, po: PurchaseOrder, share: number): Promise<PurchaseOrder> {
  const part = (q: number) => Math.max(1_000, Math.floor((q * share) / 1_000) * 1_000);
  if (po.options.reply && po.actions.reply.available) {
    const unanswered = po.lines.filter((l) => l.reply === null);
    if (unanswered.length) po = await step(world, po, 'purchase.reply', unanswered.map((l) => ({ lineId: l.id, action: 'accept' })));
  }
  const take = async (channel: Step, can: (l: PurchaseOrder['lines'][number]) => number, extra: (l: PurchaseOrder['lines'][number]) => Record<string, unknown> = () => ({})) => {
    const lines = po.lines.filter((l) => can(l) > 0).map((l) => ({ lineId: l.id, quantity: Math.min(can(l), part(can(l))), ...extra(l) }));
    if (lines.length) po = await step(world, po, channel, lines);
  };
  await take('purchase.dispatch', (l) => l.canShip);
  await take('purchase.receive', (l) => l.canReceive);
  await take('purchase.matchInvoice', (l) => l.canInvoice, (l) => ({ unitPriceOre: l.agreedPriceOre }));
  return po;
}

/** The screen's availability agrees with the line figures: a step is offered exactly when some line can take it. */
function actionsAgree(po: PurchaseOrder) {
  const some = (f: (l: PurchaseOrder['lines'][number]) => number) => po.lines.some((l) => f(l) > 0);
  expect(po.actions.dispatch.available, 'dispatch offered iff some line can be shipped').toBe(some((l) => l.canShip));
  expect(po.actions.receive.available, 'reception offered iff some line can be received').toBe(some((l) => l.canReceive));
  expect(po.actions.invoice.available, 'invoice offered iff some line can be invoiced').toBe(some((l) => l.canInvoice));
  for (const a of Object.values(po.actions)) expect(a.available === (a.reason === null)).toBe(true);
}

describe.each(COMBOS.map((o) => [name(o), o] as const))('options switched in the middle of an order, from %s', (_n, before) => {
  it('to any other combination: the order still finishes, Invoiced, its goods in stock once, and the audit holds', async () => {
    w = await purchaseWorld(before);
    for (const after of COMBOS) {
      await setPurchaseOptions(w.t, before);
      const start = { screw: (await w.stock(w.screw)).onHand, drill: (await w.stock(w.drill)).onHand };
      let po = await w.po([[w.screw, 6_000, 3000], [w.drill, 2_000, 50000], [w.service, 1_000, 90000]]);
      // Half of what each step can take under the first options: every step the company uses is under way when they change.
      po = await advance(w, po, 0.5);
      const moved = po.lines.some((l) => l.qtyShipped + l.qtyReceived + l.qtyInvoiced > 0);
      const statusBefore = po.status;

      await setPurchaseOptions(w.t, after);
      po = await w.t.ok('purchase.get', { id: po.id });
      const at = `${name(before)} → ${name(after)}`;
      // Switching an option changes no step that has happened.
      expect(po.status, `${at}: the status is the quantities', whatever the options`).toBe(statusBefore);
      if (moved) expect(po.status, at).not.toBe('to_process');
      actionsAgree(po);

      for (let round = 0; round < 4 && po.status !== 'invoiced'; round++) {
        po = await advance(w, po, 1);
        actionsAgree(po);
      }
      expect(po.status, at).toBe('invoiced');
      for (const l of po.lines) expect([l.qtyReceived, l.qtyInvoiced], `${at}: line ${l.lineNo}`).toEqual([l.quantity, l.quantity]);
      expect((await w.stock(w.screw)).onHand - start.screw, `${at}: screws in stock once`).toBe(6_000);
      expect((await w.stock(w.drill)).onHand - start.drill, `${at}: drills in stock once`).toBe(2_000);
      expect(po.actions.invoice.reason?.code, at).toBe('purchase_nothing_left');
    }
    await audited(w, w.screw);
  });
});
