// Purchasing (SPEC 1.3, 3): the derived status under every combination of the
// company's purchase options, reception into stock (new batches at the received
// cost, negative batches settled first), supplier invoices with price
// differences, cancellation and amendment with their history, purchase
// suggestions, and a sales order made deliverable by a purchase order.
import { afterEach, describe, expect, it } from 'vitest';
import type { PurchaseOptions, PurchaseOrder } from '../../shared/channels/purchasing';
import { openDatabase } from '../../src-main/engine/db/connection';
import { auditSales } from '../../src-main/engine/demo/audit';
import { COMPANY, stockLedger } from '../helpers/engine';
import { ALL_OPTION_COMBINATIONS, purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';

let w: PurchaseWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

const onOff = (b: boolean) => (b ? 'on' : 'off');
const comboName = (o: PurchaseOptions) => `reply ${onOff(o.reply)}, dispatch ${onOff(o.dispatch)}, reception ${onOff(o.reception)}`;

describe.each(ALL_OPTION_COMBINATIONS.map((o) => [comboName(o), o] as const))('status with %s', (_name, options) => {
  it('a new order is To process; a step whose option is off is refused, naming the option', async () => {
    w = await purchaseWorld(options);
    const po = await w.po([[w.drill, 10_000]]);
    expect(po.status).toBe('to_process');
    expect(po.options).toEqual(options);
    const line = po.lines[0]!.id;
    if (!options.reply) {
      expect((await w.t.refused('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: line, action: 'accept' }] })).code).toBe('purchase_option_off');
    }
    if (!options.dispatch) {
      expect((await w.t.refused('purchase.dispatch', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 1_000 }] })).code).toBe('purchase_option_off');
    }
    if (!options.reception) {
      expect((await w.t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 1_000 }] })).code).toBe('purchase_option_off');
    }
  });

  it('Cancelled: a cancelled order stays, with its lines, and takes no further step', async () => {
    w = await purchaseWorld(options);
    const po = await w.po([[w.drill, 10_000]]);
    const cancelled = await w.t.ok('purchase.cancel', { id: po.id, version: po.version, reason: 'Feil leverandør' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lines).toHaveLength(1);
    const e = await w.t.refused('purchase.matchInvoice', { id: po.id, version: cancelled.version, invoiceNumber: 'F1', invoiceDate: '2025-01-05', lines: [{ lineId: po.lines[0]!.id, quantity: 1_000, unitPriceOre: 1 }] });
    expect(e.code).toBe('purchase_cancelled');
  });

  it('walks every status its options allow, from To process to Invoiced, computed from the lines', async () => {
    w = await purchaseWorld(options);
    const t = w.t;
    let po = await w.po([[w.screw, 10_000, 3000], [w.drill, 4_000, 50000]]);
    const [a, b] = po.lines.map((l) => l.id) as [number, number];
    const step = async (channel: 'purchase.reply' | 'purchase.dispatch' | 'purchase.receive', lines: unknown[]) => {
      po = await t.ok(channel, { id: po.id, version: po.version, lines });
      return po.status;
    };
    let expectedB = 4_000;

    if (options.reply) {
      // Nothing moves on a line before the supplier has answered it.
      const first = options.dispatch ? 'purchase.dispatch' : options.reception ? 'purchase.receive' : null;
      if (first) expect((await t.refused(first, { id: po.id, version: po.version, lines: [{ lineId: a, quantity: 1_000 }] })).code).toBe('purchase_reply_first');
      // One line answered, one not: Partially confirmed.
      expect(await step('purchase.reply', [{ lineId: a, action: 'accept' }])).toBe('partially_confirmed');
      // Every line accepted unchanged: Confirmed.
      expect(await step('purchase.reply', [{ lineId: b, action: 'accept' }])).toBe('confirmed');
      // The supplier changes quantity on a line: Partially confirmed, ordered and confirmed side by side.
      expect(await step('purchase.reply', [{ lineId: b, action: 'change', quantity: 3_000, deliveryDate: '2025-02-01' }])).toBe('partially_confirmed');
      expect(po.lines[1]).toMatchObject({ quantity: 4_000, qtyConfirmed: 3_000, qtyExpected: 3_000, deliveryDate: null, confirmedDeliveryDate: '2025-02-01', reply: 'changed' });
      expectedB = 3_000;
    }
    if (options.dispatch) {
      if (options.reception) {
        // Reception follows dispatch: nothing shipped, nothing to receive; the order's action says so too.
        const e = await t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: a, quantity: 1_000 }] });
        expect(e.code).toBe('purchase_receive_waiting');
        expect(po.actions.receive).toEqual({ available: false, reason: { code: e.code, nb: e.message.nb, en: e.message.en } });
      }
      expect(await step('purchase.dispatch', [{ lineId: a, quantity: 4_000 }])).toBe('partially_shipped');
      expect(po.lines[0]).toMatchObject({ qtyShipped: 4_000, leftToShip: 6_000, canShip: 6_000 });
      const over = await t.refused('purchase.dispatch', { id: po.id, version: po.version, lines: [{ lineId: a, quantity: 7_000 }] });
      expect(over).toMatchObject({ code: 'purchase_over_ship', field: 'lines.0.quantity' });
      expect(await step('purchase.dispatch', [{ lineId: a, quantity: 6_000 }, { lineId: b, quantity: expectedB }])).toBe('shipped');
    }
    if (options.reception) {
      expect(await step('purchase.receive', [{ lineId: a, quantity: 5_000 }])).toBe('partially_received');
      expect(po.lines[0]).toMatchObject({ qtyReceived: 5_000, leftToReceive: 5_000, canReceive: 5_000 });
      const over = await t.refused('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: a, quantity: 6_000 }] });
      expect(over).toMatchObject({ code: 'purchase_over_receive', field: 'lines.0.quantity' });
      expect(await step('purchase.receive', [{ lineId: a, quantity: 5_000 }, { lineId: b, quantity: expectedB }])).toBe('received');
    }

    // Invoicing, in two supplier invoices: Partially invoiced, then Invoiced.
    po = await t.ok('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'F-100', invoiceDate: '2025-01-10', lines: [{ lineId: a, quantity: 10_000, unitPriceOre: 3100 }] });
    expect(po.status).toBe('partially_invoiced');
    expect(po.lines[0]).toMatchObject({ qtyInvoiced: 10_000, leftToInvoice: 0, canInvoice: 0, priceDifferenceOre: 1000 });
    const over = await t.refused('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'F-101', invoiceDate: '2025-01-11', lines: [{ lineId: b, quantity: expectedB + 1_000, unitPriceOre: 50000 }] });
    expect(over).toMatchObject({ code: 'purchase_over_invoice', field: 'lines.0.quantity' });
    po = await t.ok('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'F-101', invoiceDate: '2025-01-11', lines: [{ lineId: b, quantity: expectedB, unitPriceOre: 50000 }] });
    expect(po.status).toBe('invoiced');
    expect(po.invoices.map((i) => [i.invoiceNumber, i.totalNetOre, i.priceDifferenceOre])).toEqual([
      ['F-100', 31000, 1000],
      ['F-101', (expectedB / 1000) * 50000, 0],
    ]);
    expect(po.priceDifferenceOre).toBe(1000);

    // Whatever the options, the goods are in stock once (by reception, or by the invoice without it).
    expect((await w.stock(w.screw)).onHand).toBe(10_000);
    expect((await w.stock(w.drill)).onHand).toBe(100_000 + expectedB);
    for (const p of [w.screw, w.drill]) {
      const { kept, sums } = await stockLedger(t.file, p);
      expect(kept.onHand).toBe(sums.onHand);
      expect(sums.batches).toBe(sums.onHand);
    }
    // The status is computed, never stored: the list agrees with the order.
    const list = await t.ok('purchase.list', {});
    expect(list.rows.find((r) => r.id === po.id)?.status).toBe('invoiced');
    // The whole-file audit (sales and purchasing rules) finds nothing wrong.
    const db = openDatabase(t.file, { readonly: true });
    try {
      expect(auditSales(db).filter((f) => f.violations > 0)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it(options.reply ? 'Refused: every line refused by the supplier' : 'Refused does not exist without replies', async () => {
    w = await purchaseWorld(options);
    const po = await w.po([[w.drill, 10_000], [w.bread, 2_000]]);
    const lines = po.lines.map((l) => ({ lineId: l.id, action: 'refuse' }));
    if (!options.reply) {
      expect((await w.t.refused('purchase.reply', { id: po.id, version: po.version, lines })).code).toBe('purchase_option_off');
      return;
    }
    const refused = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines });
    expect(refused.status).toBe('refused');
    expect(refused.lines.every((l) => l.qtyExpected === 0 && l.canInvoice === 0)).toBe(true);
    const e = await w.t.refused('purchase.matchInvoice', { id: po.id, version: refused.version, invoiceNumber: 'F1', invoiceDate: '2025-01-05', lines: [{ lineId: po.lines[0]!.id, quantity: 1_000, unitPriceOre: 1 }] });
    expect(e).toMatchObject({ code: 'purchase_line_refused', field: 'lines.0.lineId' });
  });
});

describe('the supplier reply', () => {
  it('a refused line expects nothing; the rest of the order carries on', async () => {
    w = await purchaseWorld({ reply: true, reception: true });
    let po = await w.po([[w.drill, 2_000], [w.bread, 3_000]]);
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, action: 'refuse' }, { lineId: po.lines[1]!.id, action: 'change', unitPriceOre: 2500 }] });
    expect(po.status).toBe('partially_confirmed');
    expect(po.lines[1]).toMatchObject({ unitPriceOre: 2000, confirmedPriceOre: 2500, agreedPriceOre: 2500 });
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: po.lines[1]!.id, quantity: 3_000 }] });
    expect(po.status).toBe('received');
    // Received at the confirmed price: a batch at 25,00.
    const s = await w.t.ok('stock.get', { productId: w.bread });
    expect(s.batches.at(-1)).toMatchObject({ qtyRemaining: 3_000, costOre: 2500 });
  });

  it('a change without a change, and a confirmed quantity below what has arrived, are refused', async () => {
    w = await purchaseWorld({ reply: true, reception: true });
    let po = await w.po([[w.drill, 5_000]]);
    const line = po.lines[0]!;
    expect((await w.t.refused('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: line.id, action: 'change', quantity: 5_000 }] })).code).toBe('purchase_reply_no_change');
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: line.id, action: 'accept' }] });
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: line.id, quantity: 3_000 }] });
    expect((await w.t.refused('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: line.id, action: 'change', quantity: 2_000 }] })).code).toBe('purchase_reply_below_processed');
    expect((await w.t.refused('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: line.id, action: 'refuse' }] })).code).toBe('purchase_reply_below_processed');
    // Closing the rest short: the supplier confirms what came; the order is then Received.
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: line.id, action: 'change', quantity: 3_000 }] });
    expect(po.status).toBe('received');
  });

  it('lines can be edited only while the order is To process', async () => {
    w = await purchaseWorld({ reply: true });
    let po = await w.po([[w.drill, 5_000]]);
    const header = { supplierId: w.supplier, orderType: 1 };
    po = await w.t.ok('purchase.save', { id: po.id, version: po.version, header, lines: [{ id: po.lines[0]!.id, productId: w.drill, quantity: 6_000 }, { productId: w.bread, quantity: 1_000 }] });
    expect(po.lines.map((l) => l.quantity)).toEqual([6_000, 1_000]);
    expect(po.editable).toBe(true);
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, action: 'accept' }] });
    expect(po.editable).toBe(false);
    const e = await w.t.refused('purchase.save', { id: po.id, version: po.version, header, lines: [] });
    expect(e.code).toBe('purchase_not_editable');
  });
});

describe('reception into stock (SPEC 3)', () => {
  it('creates a batch at the received cost per reception, tied to the order line', async () => {
    w = await purchaseWorld({ reply: false, reception: true });
    let po = await w.po([[w.screw, 10_000, 3000]]);
    const line = po.lines[0]!.id;
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 4_000 }] });
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 6_000, costOre: 3200 }] });
    const s = await w.t.ok('stock.get', { productId: w.screw });
    expect(s.batches.map((b) => [b.qtyInitial, b.qtyRemaining, b.costOre, b.source, b.sourceNumber])).toEqual([
      [4_000, 4_000, 3000, 'purchase', po.number],
      [6_000, 6_000, 3200, 'purchase', po.number],
    ]);
    expect(s.onHand).toBe(10_000);
    expect(s.valueOre).toBe(4 * 3000 + 6 * 3200);
    expect(s.movements.map((m) => [m.cause, m.quantity, m.orderNumber, m.orderType])).toEqual([
      ['receipt', 6_000, po.number, 1],
      ['receipt', 4_000, po.number, 1],
    ]);
  });

  it('settles negative batches first, then makes a batch of what is left at the received cost', async () => {
    w = await purchaseWorld({ reply: false, reception: true });
    // A Direct sale of 15 bread with 10 on hand leaves a batch of −5.
    const sale = await w.order(2, 'confirmed', [[w.bread, 15_000]]);
    await w.t.ok('orders.invoice', { id: sale.id, version: sale.version });
    expect((await w.t.ok('stock.get', { productId: w.bread })).batches.map((b) => b.qtyRemaining)).toEqual([-5_000]);
    const po = await w.po([[w.bread, 8_000, 2400]]);
    const received = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, quantity: 8_000 }] });
    expect(received.status).toBe('received');
    const s = await w.t.ok('stock.get', { productId: w.bread });
    expect(s.onHand).toBe(3_000);
    // Settling the −5 is a receipt movement at the received cost too; the rest is the new batch.
    expect(s.movements.filter((m) => m.cause === 'receipt' && m.orderNumber === po.number).map((m) => m.quantity).sort()).toEqual([3_000, 5_000]);
    expect(s.batches.map((b) => [b.qtyRemaining, b.costOre])).toEqual([[3_000, 2400]]);
    const { kept, sums } = await stockLedger(w.t.file, w.bread);
    expect(kept.onHand).toBe(sums.onHand);
    expect(sums.batches).toBe(3_000);
  });

  it('the scanner finds the line by EAN; a product not on the order is named', async () => {
    w = await purchaseWorld({ reply: false, reception: true });
    const po = await w.po([[w.drill, 1_000], [w.screw, 2_000]]);
    const line = await w.t.ok('purchase.lineByEan', { id: po.id, ean: '7038010009457' });
    expect(line).toMatchObject({ id: po.lines[1]!.id, productNumber: 'SKRUE', canReceive: 2_000 });
    const e = await w.t.refused('purchase.lineByEan', { id: po.id, ean: '5701234567899' });
    expect(e).toMatchObject({ code: 'ean_not_on_order', field: 'ean' });
  });

  it('the scanner prefers a line that can be received now, and says why when none can', async () => {
    w = await purchaseWorld({ reply: false, dispatch: true, reception: true });
    // The same product on two lines: only the second is shipped.
    let po = await w.po([[w.screw, 5_000], [w.drill, 1_000], [w.screw, 3_000]]);
    const [first, , second] = po.lines.map((l) => l.id) as [number, number, number];
    const notShippedAtAll = await w.t.refused('purchase.lineByEan', { id: po.id, ean: '7038010009457' });
    expect(notShippedAtAll).toMatchObject({ code: 'ean_not_shipped', field: 'ean', params: { line: 1, product: 'SKRUE', left: '5' } });
    po = await w.t.ok('purchase.dispatch', { id: po.id, version: po.version, lines: [{ lineId: second, quantity: 3_000 }] });
    expect(po.lines[0]).toMatchObject({ leftToReceive: 5_000, canReceive: 0 });
    // Line 1 still expects goods but none are shipped: the shipped line 3 is the one found.
    expect(await w.t.ok('purchase.lineByEan', { id: po.id, ean: '7038010009457' })).toMatchObject({ id: second, lineNo: 3, canReceive: 3_000 });
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: second, quantity: 3_000 }] });
    const e = await w.t.refused('purchase.lineByEan', { id: po.id, ean: '7038010009457' });
    expect(e).toMatchObject({ code: 'ean_not_shipped', field: 'ean', params: { line: 1, product: 'SKRUE', left: '5' } });
    expect(e.message.nb).toBe('Linje 1 (SKRUE) kan ikke mottas nå: 5 er ikke sendt fra leverandøren ennå. Registrer forsendelsen først.');
    expect(e.message.en).toContain('has not been shipped by the supplier yet');
    po = await w.t.ok('purchase.dispatch', { id: po.id, version: po.version, lines: [{ lineId: first, quantity: 5_000 }] });
    expect(await w.t.ok('purchase.lineByEan', { id: po.id, ean: '7038010009457' })).toMatchObject({ id: first, canReceive: 5_000 });
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: first, quantity: 5_000 }] });
    const full = await w.t.refused('purchase.lineByEan', { id: po.id, ean: '7038010009457' });
    expect(full).toMatchObject({ code: 'ean_received_in_full', field: 'ean', params: { line: 3, received: '3' } });
    expect(full.message.nb).toContain('allerede mottatt i sin helhet');
    // Not on the order at all stays its own refusal.
    expect((await w.t.refused('purchase.lineByEan', { id: po.id, ean: '5701234567899' })).code).toBe('ean_not_on_order');
  });

  it('the scanner names a line still waiting for the reply, a refused line and a cancelled order', async () => {
    w = await purchaseWorld({ reply: true, dispatch: false, reception: true });
    let po = await w.po([[w.screw, 2_000]]);
    expect(await w.t.refused('purchase.lineByEan', { id: po.id, ean: '7038010009457' })).toMatchObject({ code: 'purchase_reply_first', field: 'ean' });
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, action: 'refuse' }] });
    expect(await w.t.refused('purchase.lineByEan', { id: po.id, ean: '7038010009457' })).toMatchObject({ code: 'purchase_line_refused', field: 'ean' });
    const other = await w.po([[w.screw, 2_000]]);
    await w.t.ok('purchase.cancel', { id: other.id, version: other.version });
    expect((await w.t.refused('purchase.lineByEan', { id: other.id, ean: '7038010009457' })).code).toBe('purchase_cancelled');
  });

  it('a Realized purchase order updates stock as it is saved, and is finished', async () => {
    w = await purchaseWorld({ reply: true, dispatch: true, reception: false });
    const po = await w.po([[w.screw, 7_000, 2800]], { orderType: 4 });
    expect(po.status).toBe('received');
    expect(po.editable).toBe(false);
    expect((await w.stock(w.screw)).onHand).toBe(7_000);
    const e = await w.t.refused('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'X', invoiceDate: '2025-01-05', lines: [{ lineId: po.lines[0]!.id, quantity: 1_000, unitPriceOre: 1 }] });
    expect(e.code).toBe('purchase_realized_final');
  });

  it('Inquiry and Unprocessed orders are not processed until they become Normal', async () => {
    w = await purchaseWorld({ reply: false, reception: true });
    let po = await w.po([[w.drill, 1_000]], { orderType: 5 });
    const receive = () => ({ id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, quantity: 1_000 }] });
    const e = await w.t.refused('purchase.receive', receive());
    expect(e.code).toBe('not_processed_type');
    // The order screen shows the same refusal beside the disabled action, and offers to make it an order.
    expect(e.message).toEqual({ nb: 'Ordretypen 5 Forespørsel behandles ikke. Endre ordretype først.', en: 'Order type 5 Inquiry is not processed. Change the order type first.' });
    expect(po.actions.receive).toEqual({ available: false, reason: { code: e.code, ...e.message } });
    expect(po.actions.toOrder).toEqual({ available: true, reason: null });
    po = await w.t.ok('purchase.save', { id: po.id, version: po.version, header: { supplierId: w.supplier, orderType: 1 }, lines: [{ id: po.lines[0]!.id, productId: w.drill, quantity: 1_000 }] });
    expect(po.actions.toOrder.reason?.code).toBe('purchase_already_order');
    expect(po.actions.receive).toEqual({ available: true, reason: null });
    po = await w.t.ok('purchase.receive', receive());
    expect(po.status).toBe('received');
  });
});

describe('supplier invoices', () => {
  it('several invoices per order; the quantity left to invoice is kept per line; price differences are shown', async () => {
    w = await purchaseWorld({ reply: false, reception: true });
    let po = await w.po([[w.drill, 10_000, 50000]]);
    const line = po.lines[0]!.id;
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 6_000 }] });
    // Only what is received can be invoiced (reception is on).
    const over = await w.t.refused('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'A1', invoiceDate: '2025-01-06', lines: [{ lineId: line, quantity: 7_000, unitPriceOre: 50000 }] });
    expect(over.code).toBe('purchase_over_invoice');
    expect(over.message.nb).toContain('6');
    po = await w.t.ok('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'A1', invoiceDate: '2025-01-06', lines: [{ lineId: line, quantity: 6_000, unitPriceOre: 49000 }] });
    expect(po.lines[0]).toMatchObject({ qtyInvoiced: 6_000, leftToInvoice: 4_000, canInvoice: 0, priceDifferenceOre: -6000 });
    expect(po.status).toBe('partially_invoiced');
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: line, quantity: 4_000 }] });
    expect((await w.t.refused('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'A1', invoiceDate: '2025-01-06', lines: [{ lineId: line, quantity: 1_000, unitPriceOre: 1 }] })).code).toBe('duplicate_supplier_invoice');
    po = await w.t.ok('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'A2', invoiceDate: '2025-01-07', lines: [{ lineId: line, quantity: 4_000, unitPriceOre: 51000 }] });
    expect(po.status).toBe('invoiced');
    expect(po.invoices.map((i) => i.priceDifferenceOre)).toEqual([-6000, 4000]);
    expect(po.lines[0]).toMatchObject({ invoicedAmountOre: 6 * 49000 + 4 * 51000, priceDifferenceOre: -2000, leftToInvoice: 0 });
  });

  it('without reception, the invoice brings the goods into stock at the invoiced cost', async () => {
    w = await purchaseWorld({ reply: false, dispatch: false, reception: false });
    let po = await w.po([[w.screw, 5_000, 3000]]);
    po = await w.t.ok('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: '9001', invoiceDate: '2025-01-06', lines: [{ lineId: po.lines[0]!.id, quantity: 5_000, unitPriceOre: 3300 }] });
    expect(po.lines[0]).toMatchObject({ qtyReceived: 5_000, qtyInvoiced: 5_000 });
    const s = await w.t.ok('stock.get', { productId: w.screw });
    expect(s.batches.map((b) => [b.qtyRemaining, b.costOre])).toEqual([[5_000, 3300]]);
  });
});

describe('agreed amounts and totals', () => {
  it('follow the supplier reply: expected quantity × agreed price less discount, VAT per rate; the ordered totals are kept beside them', async () => {
    w = await purchaseWorld({ reply: true, reception: true });
    let po = await w.t.ok('purchase.create', {
      header: { supplierId: w.supplier },
      lines: [
        { productId: w.drill, quantity: 10_000, unitPriceOre: 60000, discountBp: 1000 },
        { productId: w.screw, quantity: 20_000, unitPriceOre: 11000 },
        { productId: w.bread, quantity: 4_000, unitPriceOre: 2500 },
      ],
    });
    // Before any reply, agreed = ordered.
    expect(po.agreedTotals).toEqual(po.totals);
    expect(po.lines.map((l) => l.agreedAmountOre)).toEqual(po.lines.map((l) => l.amountOre));
    const [drill, screw, bread] = po.lines.map((l) => l.id) as [number, number, number];
    po = await w.t.ok('purchase.reply', {
      id: po.id,
      version: po.version,
      lines: [
        { lineId: drill, action: 'change', quantity: 8_000, unitPriceOre: 55000 },
        { lineId: screw, action: 'change', unitPriceOre: 9900 },
        { lineId: bread, action: 'refuse' },
      ],
    });
    // Ordered amounts stay as they were.
    expect(po.lines.map((l) => l.amountOre)).toEqual([540000, 220000, 10000]);
    // 8 × 550,00 − 10 % = 3 960,00; 20 × 99,00 = 1 980,00; refused: 0.
    expect(po.lines.map((l) => l.agreedAmountOre)).toEqual([396000, 198000, 0]);
    const byRate = Object.fromEntries(po.agreedTotals.byRate.map((r) => [r.vatCode, r]));
    expect(byRate['25']).toMatchObject({ baseOre: 594000, vatOre: 148500, totalOre: 742500 });
    expect(byRate['15']).toMatchObject({ baseOre: 0, vatOre: 0 });
    expect(po.agreedTotals).toMatchObject({ netOre: 594000, vatOre: 148500, grossOre: 742500 });
    expect(po.totals.netOre).toBe(770000);
    // The list shows what the order is worth as agreed.
    expect((await w.t.ok('purchase.list', {})).rows[0]).toMatchObject({ id: po.id, totalNetOre: 594000, totalGrossOre: 742500 });
  });

  it('a company that is not VAT registered has no VAT on the agreed totals either', async () => {
    w = await purchaseWorld({ reply: true, reception: true });
    await w.t.ok('company.save', { ...COMPANY, purchaseReply: true, purchaseReception: true, vatRegistered: false });
    let po = await w.po([[w.drill, 2_000, 10000]]);
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, action: 'change', unitPriceOre: 12000 }] });
    expect(po.agreedTotals).toMatchObject({ netOre: 24000, vatOre: 0, grossOre: 24000 });
  });
});

describe('cancelling and amending keep the history', () => {
  it('an amendment cancels the original and points back at it; both stay, with the log', async () => {
    w = await purchaseWorld({ reply: true, reception: true });
    let po = await w.po([[w.drill, 5_000], [w.bread, 2_000]], { supplierReference: 'Ola' });
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: po.lines.map((l) => ({ lineId: l.id, action: 'accept' })) });
    expect(po.status).toBe('confirmed');
    const amendment = await w.t.ok('purchase.amend', { id: po.id, version: po.version, lines: [{ productId: w.drill, quantity: 8_000 }], reason: 'Større behov' });
    expect(amendment).toMatchObject({ status: 'to_process', amendsId: po.id, amendsNumber: po.number, revision: 1, supplierReference: 'Ola' });
    expect(amendment.number).not.toBe(po.number);
    expect(amendment.lines.map((l) => l.quantity)).toEqual([8_000]);
    const original = await w.t.ok('purchase.get', { id: po.id });
    expect(original).toMatchObject({ status: 'cancelled', amendedById: amendment.id, amendedByNumber: amendment.number, cancelReason: 'Større behov' });
    expect(original.lines.map((l) => [l.quantity, l.reply])).toEqual([[5_000, 'accepted'], [2_000, 'accepted']]);
    const e = await w.t.refused('purchase.amend', { id: po.id, version: original.version });
    expect(e.code).toBe('purchase_cancelled');
    expect(e.message.nb).toContain(String(amendment.number));
    // The amendment of an amendment: revision 2, copying the lines.
    const second = await w.t.ok('purchase.amend', { id: amendment.id, version: amendment.version });
    expect(second).toMatchObject({ revision: 2, amendsId: amendment.id });
    expect(second.lines.map((l) => l.quantity)).toEqual([8_000]);
    const list = await w.t.ok('purchase.list', { statuses: ['cancelled'] });
    expect(list.rows.map((r) => r.id).sort()).toEqual([po.id, amendment.id].sort());
    expect(list.counts).toMatchObject({ cancelled: 2, to_process: 1 });
  });

  it('an order with goods received cannot be cancelled or replaced', async () => {
    w = await purchaseWorld({ reply: false, reception: true });
    let po = await w.po([[w.drill, 5_000]]);
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, quantity: 1_000 }] });
    expect((await w.t.refused('purchase.cancel', { id: po.id, version: po.version })).code).toBe('purchase_processed');
    expect((await w.t.refused('purchase.amend', { id: po.id, version: po.version })).code).toBe('purchase_processed');
  });
});

describe('the purchase list', () => {
  it('counts per derived status, filters by status, supplier and search; sales lists never show purchase orders', async () => {
    w = await purchaseWorld({ reply: true, reception: true });
    const a = await w.po([[w.drill, 1_000]], { supplierReference: 'Kari Lund' });
    const b = await w.po([[w.screw, 2_000]]);
    await w.t.ok('purchase.reply', { id: b.id, version: b.version, lines: [{ lineId: b.lines[0]!.id, action: 'accept' }] });
    const c = await w.t.ok('purchase.create', { header: { supplierId: w.otherSupplier }, lines: [{ productId: w.bread, quantity: 1_000 }] });
    const all = await w.t.ok('purchase.list', {});
    expect(all.rows.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(all.counts).toMatchObject({ to_process: 2, confirmed: 1, invoiced: 0 });
    expect((await w.t.ok('purchase.list', { statuses: ['confirmed'] })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await w.t.ok('purchase.list', { supplierId: w.otherSupplier })).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await w.t.ok('purchase.list', { search: 'Kari' })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await w.t.ok('purchase.list', { search: 'SKRUE' })).rows.map((r) => r.id)).toEqual([b.id]);

    const sales = await w.t.ok('orders.list', { startRow: 0, endRow: 100 });
    expect(sales.rowCount).toBe(0);
    expect((await w.t.ok('orders.list', { startRow: 0, endRow: 100, search: 'Kari' })).rowCount).toBe(0);
    expect((await w.t.ok('orders.statusCounts', {})).total).toBe(0);
    expect((await w.t.refused('orders.get', { id: a.id })).code).toBe('not_found');
    expect((await w.t.refused('purchase.get', { id: (await w.order(1, 'confirmed', [[w.drill, 1_000]])).id })).code).toBe('not_found');
  });
});

describe('the purchase list sorted', () => {
  it('by number, order date or supplier name, either way; newest first without a sort, and ties newest first', async () => {
    w = await purchaseWorld({ reply: false, reception: true });
    // Verktøygrossisten AS (supplier) and Bakeriet Engros AS (otherSupplier).
    const a = await w.po([[w.drill, 1_000]], { orderDate: '2025-03-01' });
    const b = await w.t.ok('purchase.create', { header: { supplierId: w.otherSupplier, orderDate: '2025-01-15' }, lines: [{ productId: w.bread, quantity: 1_000 }] });
    const c = await w.po([[w.screw, 1_000]], { orderDate: '2025-02-10' });
    const ids = async (sort?: { colId: 'number' | 'orderDate' | 'supplierName'; sort: 'asc' | 'desc' }, extra: Record<string, unknown> = {}) =>
      (await w!.t.ok('purchase.list', { ...(sort ? { sort } : {}), ...extra })).rows.map((r) => r.id);
    expect(await ids()).toEqual([c.id, b.id, a.id]);
    expect(await ids({ colId: 'number', sort: 'asc' })).toEqual([a.id, b.id, c.id]);
    expect(await ids({ colId: 'number', sort: 'desc' })).toEqual([c.id, b.id, a.id]);
    expect(await ids({ colId: 'orderDate', sort: 'asc' })).toEqual([b.id, c.id, a.id]);
    expect(await ids({ colId: 'orderDate', sort: 'desc' })).toEqual([a.id, c.id, b.id]);
    // Same supplier: the newer first.
    expect(await ids({ colId: 'supplierName', sort: 'asc' })).toEqual([b.id, c.id, a.id]);
    expect(await ids({ colId: 'supplierName', sort: 'desc' })).toEqual([c.id, a.id, b.id]);
    // Sorting, then paging and filtering.
    expect(await ids({ colId: 'orderDate', sort: 'asc' }, { offset: 1, limit: 1 })).toEqual([c.id]);
    expect(await ids({ colId: 'orderDate', sort: 'asc' }, { supplierId: w.supplier })).toEqual([c.id, a.id]);
  });
});

describe('purchase suggestions', () => {
  it('counts what is on order, groups by supplier, and makes the purchase orders in one action', async () => {
    w = await purchaseWorld({ reply: true, reception: true });
    await w.t.ok('products.update', { id: w.bread, number: 'BROD', name: 'Brød', unit: 'stk', priceOre: 4000, costOre: 2000, vatCode: '15', stockManaged: true, supplierId: w.otherSupplier, reorderPointQty: 12_000 });
    // A product whose update leaves the supplier fields out keeps them.
    await w.t.ok('products.update', { id: w.screw, number: 'SKRUE', name: 'Treskrue 5x50 (200 stk)', unit: 'pk', priceOre: 9900, costOre: 3000, vatCode: '25', stockManaged: true, ean: '7038010009457' });
    expect(await w.t.ok('products.get', { id: w.screw })).toMatchObject({ supplierId: w.supplier, reorderPointQty: 20_000 });

    // 8 screws are already on order: projected 8, 12 short of the point.
    await w.po([[w.screw, 8_000]]);
    const groups = await w.t.ok('purchase.suggestions', {});
    expect(groups.map((g) => [g.supplierName, g.lines.map((l) => [l.productNumber, l.onOrder, l.projected, l.suggestedQty])])).toEqual([
      ['Bakeriet Engros AS', [['BROD', 0, 10_000, 2_000]]],
      ['Verktøygrossisten AS', [['SKRUE', 8_000, 8_000, 12_000]]],
    ]);
    const created = await w.t.ok('purchase.createFromSuggestions', {});
    expect(created.map((p) => [p.supplierId, p.status, p.lines.map((l) => [l.productNumber, l.quantity, l.unitPriceOre])])).toEqual([
      [w.otherSupplier, 'to_process', [['BROD', 2_000, 2000]]],
      [w.supplier, 'to_process', [['SKRUE', 12_000, 3000]]],
    ]);
    // Now on order: nothing more to suggest.
    expect(await w.t.ok('purchase.suggestions', {})).toEqual([]);
    expect((await w.t.refused('purchase.createFromSuggestions', {})).code).toBe('nothing_to_order');
    // A refused line is no longer on order: it is suggested again.
    const po = created[1]!;
    await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, action: 'refuse' }] });
    expect((await w.t.ok('purchase.suggestions', { supplierId: w.supplier }))[0]!.lines[0]).toMatchObject({ productNumber: 'SKRUE', onOrder: 8_000 });
  });

  it('a chosen product without a supplier is named', async () => {
    w = await purchaseWorld();
    const e = await w.t.refused('purchase.createFromSuggestions', { items: [{ productId: w.drill, quantity: 1_000 }] });
    expect(e).toMatchObject({ code: 'product_without_supplier', field: 'items.0.productId' });
  });
});

describe('across sales and purchasing', () => {
  it('a sales order short of stock becomes deliverable after the purchase order is received', async () => {
    w = await purchaseWorld({ reply: true, dispatch: true, reception: true });
    // 10 bread on hand; the customer wants 25.
    let sale = await w.order(1, 'confirmed', [[w.bread, 25_000]], { confirm: { allowShortage: true } });
    const deliver = () => ({ id: sale.id, version: sale.version, lines: [{ lineId: sale.lines[0]!.id, quantity: 25_000 }] });
    expect((await w.t.refused('orders.deliver', deliver())).code).toBe('insufficient_stock');

    let po: PurchaseOrder = await w.t.ok('purchase.create', { header: { supplierId: w.otherSupplier }, lines: [{ productId: w.bread, quantity: 20_000, unitPriceOre: 1900 }] });
    const lineId = po.lines[0]!.id;
    po = await w.t.ok('purchase.reply', { id: po.id, version: po.version, lines: [{ lineId, action: 'accept' }] });
    po = await w.t.ok('purchase.dispatch', { id: po.id, version: po.version, lines: [{ lineId, quantity: 20_000 }] });
    po = await w.t.ok('purchase.receive', { id: po.id, version: po.version, lines: [{ lineId, quantity: 20_000 }] });
    expect(po.status).toBe('received');

    sale = await w.t.ok('orders.get', { id: sale.id });
    sale = await w.t.ok('orders.deliver', deliver());
    expect(sale.deliveryState).toBe('full');
    const s = await w.t.ok('stock.get', { productId: w.bread });
    expect(s.onHand).toBe(5_000);
    // Oldest first: the 10 at 20,00, then 15 of the 20 received at 19,00.
    expect(s.batches.map((b) => [b.qtyRemaining, b.costOre])).toEqual([[5_000, 1900]]);
  });
});

describe('documents', () => {
  it('a cancelled purchase order is not printed', async () => {
    w = await purchaseWorld();
    const po = await w.po([[w.drill, 1_000]]);
    await w.t.ok('documents.render', { kind: 'purchase_order', orderId: po.id });
    await w.t.ok('purchase.cancel', { id: po.id, version: po.version });
    expect((await w.t.refused('documents.render', { kind: 'purchase_order', orderId: po.id })).code).toBe('document_order_cancelled');
    const availability = await w.t.ok('documents.availability', { orderId: po.id });
    expect(availability.purchase_order.available).toBe(false);
  });
});
