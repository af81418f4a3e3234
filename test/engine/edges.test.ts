// Issue 9: the rules hold at the edges, where a setting changes mid-life, an
// unusual order type meets a flow, or a user lacks a right. One test per
// confirmed defect (9.N is point N of the issue), each reproduced through
// engine.call on a fresh database, and each ending with the whole-file audit.
import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import { COMPANY, auditViolations, queryFile } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
afterEach(() => w?.t.close());

async function expectAuditClean(): Promise<void> {
  expect(await auditViolations(w.t.file)).toEqual([]);
}

async function shippedOrder(lines: readonly [number, number][], type = 1): Promise<Order> {
  const o = await w.order(type, 'confirmed', lines);
  return w.move(o, 'shipped', { deliverRemaining: true });
}

const CARD = { currency: 'NOK', maskedCardNumber: '4571********1234', cardCompany: 'Nets' };

async function cardOrder(opts: { customerId?: number; invoiceCustomerId?: number; contract?: number; lines?: { productId: number; quantity: number }[]; ref?: string } = {}): Promise<Order> {
  return w.t.ok('orders.import', {
    source: 'web',
    customerId: opts.customerId ?? w.privateCustomer,
    invoiceCustomerId: opts.invoiceCustomerId ?? w.privateCustomer,
    orderType: 9,
    card: { ...CARD, invoiceReference: opts.ref ?? 'WEB-1', contractAmountOre: opts.contract ?? 250_000 },
    lines: opts.lines ?? [{ productId: w.drill, quantity: 2_000 }],
  });
}

/** A user in a group with the given rights, logged in on the default session (an administrator exists beside it). */
async function logInWith(rights: string[]): Promise<void> {
  const admins = await w.t.ok('groups.save', { name: 'Administrasjon', rights: ['administer'] });
  const clerks = await w.t.ok('groups.save', { name: 'Kontor', rights });
  await w.t.ok('users.save', { username: 'sjef', name: 'Sjef', groupId: admins.id, pin: '1111' });
  await w.t.ok('users.save', { username: 'kari', name: 'Kari', groupId: clerks.id, pin: '2222' });
  await w.t.ok('auth.login', { username: 'kari', pin: '2222' });
}

describe('money and stock', () => {
  it('9.2 setting an order to Samleordre invoices it together with the customer’s other eligible orders, and its goods leave stock', async () => {
    w = await salesWorld();
    const other = await shippedOrder([[w.drill, 1_000]]);
    const moved = await w.order(1, 'confirmed', [[w.drill, 2_000]]);
    expect((await w.t.refused('orders.setStatus', { id: moved.id, version: moved.version, statusId: w.status('collective') })).code).toBe('confirm_deliver_remaining');
    const after = await w.move(moved, 'collective', { deliverRemaining: true });
    expect(after.statusKind).toBe('invoiced_packing_slip');
    expect(after.lines[0]).toMatchObject({ qtyDelivered: 2_000, qtyInvoiced: 2_000, qtyReserved: 0 });
    expect(after.invoiceIds).toHaveLength(1);
    const invoice = await w.t.ok('invoices.get', { id: after.invoiceIds[0]! });
    expect([...invoice.orderIds].sort()).toEqual([other.id, moved.id].sort());
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 97_000, reserved: 0 });
    // With no other eligible order, the moved order is invoiced on its own.
    const alone = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    expect((await w.move(alone, 'collective', { deliverRemaining: true })).statusKind).toBe('invoiced_packing_slip');
    await expectAuditClean();
  });

  it('9.3 only cash is rounded to whole kroner: card and Vipps pay to the øre, and so do their credit notes', async () => {
    w = await salesWorld();
    // 91,99 + 25 % VAT = 114,99.
    const sale = (method: string) =>
      w.t.ok('orders.create', {
        header: { customerId: w.privateCustomer, orderType: 3 },
        lines: [{ productId: w.service, quantity: 1_000, unitPriceOre: 9199 }],
        payment: { method, receivedOre: 11_500 },
      });
    for (const method of ['card', 'vipps']) {
      const o = await sale(method);
      const invoice = await w.t.ok('invoices.get', { id: o.invoiceIds[0]! });
      expect(invoice).toMatchObject({ grossOre: 11_499, roundingOre: 0, payableOre: 11_499 });
      const note = await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: false });
      expect(note).toMatchObject({ grossOre: -11_499, roundingOre: 0, payableOre: -11_499 });
    }
    const cash = await w.t.ok('invoices.get', { id: (await sale('cash')).invoiceIds[0]! });
    expect(cash).toMatchObject({ grossOre: 11_499, roundingOre: 1, payableOre: 11_500 });
    await expectAuditClean();
  });

  it('9.4 a Realized order never gets an invoice: it cannot be moved back and invoiced, nor invoiced after a type change', async () => {
    w = await salesWorld();
    const realized = await w.order(4, 'confirmed', [[w.drill, 1_000]]);
    expect(realized.statusKind).toBe('closed');
    expect((await w.t.refused('orders.setStatus', { id: realized.id, version: realized.version, statusId: w.status('confirmed') })).code).toBe('realized_final');
    expect((await w.t.refused('orders.invoice', { id: realized.id, version: realized.version })).code).toBe('realized_final');
    // Changing a saved order to Realized realizes it: stock moves, the order closes, no invoice.
    const normal = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    const changed = await w.t.ok('orders.changeType', { id: normal.id, version: normal.version, orderType: 4 });
    expect(changed).toMatchObject({ orderType: 4, statusKind: 'closed' });
    expect((await w.t.refused('orders.invoice', { id: changed.id, version: changed.version })).code).toBe('realized_final');
    expect(await w.t.ok('invoices.list', {})).toEqual([]);
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 98_000, reserved: 0 });
    await expectAuditClean();
  });

  it('9.5 an issued invoice keeps its VAT table after the company stops being VAT registered, on screen and in its PDF', async () => {
    w = await salesWorld();
    const shipped = await shippedOrder([[w.drill, 1_000]]);
    const { invoice } = await w.t.ok('orders.invoice', { id: shipped.id, version: shipped.version });
    expect(invoice.byRate).toEqual([{ vatCode: '25', rateBp: 2500, baseOre: 100_000, vatOre: 25_000, totalOre: 125_000 }]);
    await w.t.ok('company.save', { ...COMPANY, vatRegistered: false });
    const again = await w.t.ok('invoices.get', { id: invoice.id });
    expect(again.byRate).toEqual(invoice.byRate);
    expect(again.vatRegistered).toBe(true);
    const pdf = await w.t.ok('documents.render', { kind: 'invoice', invoiceId: invoice.id, language: 'nb' });
    const { pdfText } = await import('../documents/helpers');
    const text = await pdfText(Buffer.from(pdf.pdfBase64, 'base64'));
    expect(text).toContain('923 609 016 MVA');
    expect(text).toMatch(/25 %/);
    expect(text).toContain('250,00');
  });

  it('9.6 a credit note of a subscription-period invoice never leaves an order line credited above what was invoiced', async () => {
    w = await salesWorld();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const sub = await w.t.ok('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: '2025-01-01' });
    await w.move(sub, 'subscription');
    const { invoices } = await w.t.ok('subscriptions.run', {});
    expect(invoices).toHaveLength(1);
    const line = invoices[0]!.lines[0]!;
    await w.t.ok('invoices.credit', { invoiceId: invoices[0]!.id, lines: [{ invoiceLineId: line.id, quantity: 1_000 }], returnToStock: false });
    const after = await w.t.ok('orders.get', { id: o.id });
    expect(after.lines[0]!.qtyCredited).toBeLessThanOrEqual(after.lines[0]!.qtyInvoiced);
    expect((await w.t.ok('invoices.get', { id: invoices[0]!.id })).lines[0]!.qtyCredited).toBe(1_000);
    await expectAuditClean();
  });

  it('9.7 stock returned by a credit note is tied to its order line, order number and order type', async () => {
    w = await salesWorld();
    const shipped = await shippedOrder([[w.drill, 2_000]]);
    const { invoice } = await w.t.ok('orders.invoice', { id: shipped.id, version: shipped.version });
    await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: true });
    const rows = await queryFile<{ order_line_id: number | null; order_number: number | null; order_type: number | null; quantity: number }>(
      w.t.file,
      "SELECT order_line_id, order_number, order_type, quantity FROM stock_movement WHERE cause = 'credit'",
    );
    expect(rows).toEqual([{ order_line_id: shipped.lines[0]!.id, order_number: shipped.number, order_type: 1, quantity: 1_000 }]);
    await expectAuditClean();
  });

  it('9.8 stock management cannot be switched while the product is in use (reservations, loans, open orders, movements)', async () => {
    w = await salesWorld();
    const product = async (id: number) => w.t.ok('products.get', { id });
    const update = async (id: number, stockManaged: boolean) => {
      const { id: _id, createdAt: _c, updatedAt: _u, ...p } = (await product(id)) as unknown as Record<string, unknown>;
      return w.t.engine.call('products.update', { ...pickProductInput(p), id, stockManaged });
    };
    await w.order(1, 'confirmed', [[w.bread, 2_000], [w.service, 1_000]]);
    const off = await update(w.bread, false);
    expect(off.ok ? 'ok' : off.error.code).toBe('stock_managed_in_use');
    const on = await update(w.service, true);
    expect(on.ok ? 'ok' : on.error.code).toBe('stock_managed_in_use');
    // A product only on quotes is free to switch.
    const spare = await w.t.ok('products.create', { number: 'SPARE', name: 'Reservedel', unit: 'stk', priceOre: 1000, vatCode: '25', stockManaged: false });
    await w.order(5, 'quote', [[spare.id, 1_000]]);
    const free = await update(spare.id, true);
    expect(free.ok).toBe(true);
    await expectAuditClean();
  });

  it('9.9 a Shipped order takes no new line: its status always agrees with its lines', async () => {
    w = await salesWorld();
    const shipped = await shippedOrder([[w.drill, 1_000]]);
    const e = await w.t.refused('orders.addLine', { orderId: shipped.id, version: shipped.version, line: { productId: w.bread, quantity: 1_000 } });
    expect(e.code).toBe('order_shipped_lines');
    const save = await w.t.refused('orders.save', {
      id: shipped.id,
      version: shipped.version,
      header: { customerId: w.customer, orderType: 1, statusId: shipped.statusId },
      lines: [...shipped.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })), { productId: w.bread, quantity: 1_000 }],
    });
    expect(save.code).toBe('order_shipped_lines');
    expect((await w.t.ok('orders.get', { id: shipped.id })).statusKind).toBe('shipped');
    await expectAuditClean();
  });

  it('9.10 moving back past shipping asks and returns the goods, whatever the route (Shipped → Til fakturering → Pakk)', async () => {
    w = await salesWorld();
    const shipped = await shippedOrder([[w.drill, 3_000]]);
    const ready = await w.move(shipped, 'ready_to_invoice');
    expect((await w.t.refused('orders.setStatus', { id: ready.id, version: ready.version, statusId: w.status('pack') })).code).toBe('confirm_return_goods');
    const pack = await w.move(ready, 'pack', { returnGoods: true });
    expect(pack.lines[0]).toMatchObject({ qtyDelivered: 0, qtyReserved: 3_000 });
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 100_000, reserved: 3_000 });
    await expectAuditClean();
  });

  it('9.11 goods of a non-stock line come back with a return record when a Shipped order moves to Abonnement', async () => {
    w = await salesWorld();
    const shipped = await shippedOrder([[w.drill, 1_000], [w.service, 2_000]]);
    const sub = await w.move(shipped, 'subscription', { returnGoods: true });
    expect(sub.lines.map((l) => l.qtyDelivered)).toEqual([0, 0]);
    const returns = await queryFile<{ order_line_id: number; quantity: number }>(
      w.t.file,
      "SELECT dl.order_line_id, dl.quantity FROM delivery d JOIN delivery_line dl ON dl.delivery_id = d.id WHERE d.kind = 'return' ORDER BY dl.order_line_id",
    );
    expect(returns).toEqual(shipped.lines.map((l) => ({ order_line_id: l.id, quantity: l.quantity })));
    await expectAuditClean();
  });

  it('9.12 after Direct → Normal the new type’s rules apply: an over-reservation is asked about', async () => {
    w = await salesWorld();
    const direct = await w.order(2, 'confirmed', [[w.bread, 50_000]]);
    expect(await w.stock(w.bread)).toMatchObject({ onHand: 10_000, reserved: 50_000 });
    const e = await w.t.refused('orders.changeType', { id: direct.id, version: direct.version, orderType: 1 });
    expect(e.code).toBe('confirm_shortage');
    expect((await w.t.ok('orders.get', { id: direct.id })).orderType).toBe(2);
    const normal = await w.t.ok('orders.changeType', { id: direct.id, version: direct.version, orderType: 1, confirm: { allowShortage: true } });
    expect(normal.orderType).toBe(1);
    await expectAuditClean();
  });
});

describe('quotes, subscriptions, jobs, statuses', () => {
  it('9.13 a quote converts once, the link shows on both sides, and a conversion to Cash goes through the payment', async () => {
    w = await salesWorld();
    const quote = await w.order(5, 'quote', [[w.drill, 1_000]]);
    const order = await w.t.ok('orders.convertQuote', { id: quote.id, version: quote.version, orderType: 1 });
    expect(order).toMatchObject({ sourceOrderId: quote.id, sourceOrderNumber: quote.number });
    const q = await w.t.ok('orders.get', { id: quote.id });
    expect(q).toMatchObject({ convertedToId: order.id, convertedToNumber: order.number });
    const again = await w.t.refused('orders.convertQuote', { id: q.id, version: q.version, orderType: 1 });
    expect(again.code).toBe('quote_converted');
    expect(again.message.nb).toContain(String(order.number));

    const cashQuote = await w.order(5, 'quote', [[w.bread, 1_000]]);
    const unpaid = await w.t.refused('orders.convertQuote', { id: cashQuote.id, version: cashQuote.version, orderType: 3 });
    expect(unpaid.code).toBe('payment_required');
    const cash = await w.t.ok('orders.convertQuote', { id: cashQuote.id, version: cashQuote.version, orderType: 3, payment: { method: 'cash', receivedOre: 10_000 } });
    expect(cash.statusKind).toBe('cash_invoiced');
    expect(cash.invoiceIds).toHaveLength(1);
    await expectAuditClean();
  });

  it('9.14 a subscription switched off and on again invoices each day of service once', async () => {
    const now = new Date('2025-01-05T10:00:00');
    w = await salesWorld({ now });
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    let sub: Order = await w.t.ok('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: '2025-01-01' });
    sub = await w.move(sub, 'subscription');
    expect((await w.t.ok('subscriptions.run', {})).invoices).toHaveLength(1);
    sub = await w.t.ok('orders.setSubscription', { id: sub.id, version: sub.version, interval: null, start: null });
    now.setTime(new Date('2025-01-20T10:00:00').getTime());
    sub = await w.t.ok('orders.setSubscription', { id: sub.id, version: sub.version, interval: 'monthly', start: null });
    // January is paid for: the next period starts on 1 February.
    expect(sub.subscriptionStart).toBe('2025-02-01');
    expect((await w.t.ok('subscriptions.run', {})).invoices).toHaveLength(0);
    now.setTime(new Date('2025-02-01T10:00:00').getTime());
    const feb = (await w.t.ok('subscriptions.run', {})).invoices;
    expect(feb).toHaveLength(1);
    await expectAuditClean();
  });

  it('9.15 deleting an invoiced subscription order is a clear refusal, not an internal error', async () => {
    w = await salesWorld();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const sub = await w.move(await w.t.ok('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: '2025-01-01' }), 'subscription');
    await w.t.ok('subscriptions.run', {});
    const e = await w.t.refused('orders.delete', { id: sub.id, version: sub.version });
    expect(e.code).toBe('delete_invoiced');
    expect(e.message.nb).toMatch(/Avsluttet|krediter/i);
  });

  it('9.16 jobs move an order only from statuses where work can start, and Jobb fullført waits for every job', async () => {
    w = await salesWorld();
    const cancelled = await w.move(await w.order(1, 'confirmed', [[w.drill, 1_000]]), 'cancelled');
    const job = await w.t.ok('jobs.add', { orderId: cancelled.id, title: 'Montering' });
    expect((await w.t.refused('jobs.start', { jobId: job.id })).code).toBe('job_order_not_open');
    expect((await w.t.ok('orders.get', { id: cancelled.id })).statusKind).toBe('cancelled');
    expect(await w.stock(w.drill)).toMatchObject({ reserved: 0 });
    const quote = await w.order(1, 'quote', [[w.drill, 1_000]]);
    const quoteJob = await w.t.ok('jobs.add', { orderId: quote.id, title: 'Befaring' });
    expect((await w.t.refused('jobs.start', { jobId: quoteJob.id })).code).toBe('job_order_not_open');

    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const first = await w.t.ok('jobs.add', { orderId: o.id, title: 'Rigg' });
    await w.t.ok('jobs.add', { orderId: o.id, title: 'Rydd' });
    expect((await w.t.ok('jobs.start', { jobId: first.id })).statusKind).toBe('job_started');
    expect((await w.t.ok('jobs.complete', { jobId: first.id })).statusKind).toBe('job_started');
    await expectAuditClean();
  });

  it('9.17 "confirm automatically when the customer accepts" is read: accepting moves on to Bekreftet', async () => {
    w = await salesWorld({ company: { autoConfirmOnAccept: true, statusPreset: 'field_service' } });
    const o = await w.order(1, 'quote', [[w.drill, 2_000]]);
    const accepted = await w.move(o, 'accepted');
    expect(accepted.statusKind).toBe('confirmed');
    expect(accepted.lines[0]!.qtyReserved).toBe(2_000);
    const quote = await w.order(5, 'quote', [[w.drill, 1_000]]);
    expect((await w.t.ok('orders.convertQuote', { id: quote.id, version: quote.version, orderType: 1 })).statusKind).toBe('confirmed');
    // Switched off, the order stops at Akseptert av kunde until a clerk confirms it.
    await w.t.ok('company.save', { ...COMPANY, statusPreset: 'field_service', autoConfirmOnAccept: false });
    const o2 = await w.order(1, 'quote', [[w.drill, 1_000]]);
    const stays = await w.move(o2, 'accepted');
    expect(stays.statusKind).toBe('accepted');
    expect(stays.lines[0]!.qtyReserved).toBe(0);
    const quote2 = await w.order(5, 'quote', [[w.drill, 1_000]]);
    expect((await w.t.ok('orders.convertQuote', { id: quote2.id, version: quote2.version, orderType: 1 })).statusKind).toBe('accepted');
    await expectAuditClean();
  });

  it('9.18 the status preset changes the flow while no order exists, and is refused with a clear message once orders exist', async () => {
    w = await salesWorld();
    await w.t.ok('company.save', { ...COMPANY, statusPreset: 'simple' });
    const flow = (await w.t.ok('statuses.list', {})).filter((s) => !s.hidden).map((s) => s.labelNb);
    expect(flow).toEqual(['Under arbeid', 'Til fakturering', 'Purret', 'Betalt']);
    await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 1 }, lines: [] });
    const e = await w.t.refused('company.save', { ...COMPANY, statusPreset: 'standard' });
    expect(e.code).toBe('preset_change_with_orders');
    expect((await w.t.ok('company.get', {}))!.statusPreset).toBe('simple');
  });
});

describe('card payment orders (type 9)', () => {
  it('9.19 the invoice goes to the invoice customer', async () => {
    w = await salesWorld();
    const o = await cardOrder({ customerId: w.privateCustomer, invoiceCustomerId: w.customer });
    const d = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
    const { invoice } = await w.t.ok('orders.invoice', { id: d.id, version: d.version });
    expect(invoice.customerId).toBe(w.customer);
    expect(invoice.customerName).toBe('Bergen Bygg AS');
    await expectAuditClean();
  });

  it('9.20 a card payment is captured once and credited at most once: a partly delivered card order is not invoiced into a backorder', async () => {
    w = await salesWorld();
    const o = await cardOrder();
    const part = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
    expect((await w.t.refused('orders.invoice', { id: part.id, version: part.version })).code).toBe('card_partly_delivered');
    const all = await w.t.ok('orders.deliver', { id: part.id, version: part.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
    const r = await w.t.ok('orders.invoice', { id: all.id, version: all.version });
    expect(r.backorder).toBeNull();
    expect(r.order.cardState).toBe('captured');
    const line = r.invoice.lines[0]!;
    await w.t.ok('invoices.credit', { invoiceId: r.invoice.id, lines: [{ invoiceLineId: line.id, quantity: 1_000 }], returnToStock: false });
    expect((await w.t.refused('invoices.credit', { invoiceId: r.invoice.id, lines: [{ invoiceLineId: line.id, quantity: 1_000 }], returnToStock: false })).code).toBe('card_credited_once');
    await expectAuditClean();
  });

  it('9.21 a card order is never invoiced without its capture: collective invoicing leaves it to its own invoice', async () => {
    w = await salesWorld();
    const card = await cardOrder({ customerId: w.customer, invoiceCustomerId: w.customer });
    await w.t.ok('orders.deliver', { id: card.id, version: card.version, lines: [{ lineId: card.lines[0]!.id, quantity: 2_000 }] });
    await shippedOrder([[w.bread, 1_000]]);
    const invoice = await w.t.ok('orders.collectiveInvoice', { customerId: w.customer });
    expect(invoice.orderIds).not.toContain(card.id);
    const c = await w.t.ok('orders.get', { id: card.id });
    expect((await w.t.refused('orders.setStatus', { id: c.id, version: c.version, statusId: w.status('collective') })).code).toBe('card_not_collective');
    const { order } = await w.t.ok('orders.invoice', { id: c.id, version: c.version });
    expect(order.cardState).toBe('captured');
    await expectAuditClean();
  });

  it('9.22 the card surcharge of one party decides the import and every later edit', async () => {
    w = await salesWorld();
    // The payer (invoice customer) allows 10 % above the contract amount; the order's own customer none.
    const payer = await w.t.ok('customers.get', { id: w.customer });
    await w.t.ok('customers.update', { id: payer.id, kind: 'business', name: payer.name, orgNumber: payer.orgNumber, cardSurchargeBp: 1000 });
    // 2 × 1 000,00 + 25 % = 2 500,00 against a contract of 2 300,00 (+10 % = 2 530,00).
    const o = await cardOrder({ customerId: w.privateCustomer, invoiceCustomerId: w.customer, contract: 230_000 });
    const edited = await w.t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { notes: 'Levering bakdør' } });
    expect(edited.notes).toBe('Levering bakdør');
  });
});

describe('rights', () => {
  it('9.23 the credit limit is checked again when lines are added or changed', async () => {
    w = await salesWorld();
    const c = await w.t.ok('customers.get', { id: w.customer });
    await w.t.ok('customers.update', { id: c.id, kind: 'business', name: c.name, orgNumber: c.orgNumber, creditLimitOre: 200_000 });
    const o = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    expect((await w.t.refused('orders.addLine', { orderId: o.id, version: o.version, line: { productId: w.drill, quantity: 1_000 } })).code).toBe('credit_limit_exceeded');
    expect((await w.t.refused('orders.updateLine', { orderId: o.id, version: o.version, lineId: o.lines[0]!.id, changes: { quantity: 2_000 } })).code).toBe('credit_limit_exceeded');
    await w.t.ok('orders.addLine', { orderId: o.id, version: o.version, line: { productId: w.drill, quantity: 1_000 }, confirm: { overrideCreditLimit: true } });
  });

  it('9.23 changing a customer’s credit limit needs the right to override credit limits', async () => {
    w = await salesWorld();
    await logInWith(['invoice']);
    const c = await w.t.ok('customers.get', { id: w.customer });
    const e = await w.t.refused('customers.update', { id: c.id, kind: 'business', name: c.name, orgNumber: c.orgNumber, creditLimitOre: 99_900_000 });
    expect(e).toMatchObject({ code: 'missing_right', params: { right: 'override_credit_limit' } });
    // Other changes to the customer need no such right.
    await w.t.ok('customers.update', { id: c.id, kind: 'business', name: 'Bergen Bygg og Anlegg AS', orgNumber: c.orgNumber });
  });

  it('9.23 without "change card payment orders" a card order cannot be cancelled, deleted or made a subscription', async () => {
    w = await salesWorld();
    const o = await cardOrder();
    await logInWith(['invoice', 'credit', 'change_order_type']);
    const cancel = await w.t.refused('orders.setStatus', { id: o.id, version: o.version, statusId: w.status('cancelled') });
    expect(cancel).toMatchObject({ code: 'missing_right', params: { right: 'change_card_orders' } });
    expect(await w.t.refused('orders.delete', { id: o.id, version: o.version })).toMatchObject({ code: 'missing_right', params: { right: 'change_card_orders' } });
    expect(await w.t.refused('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: null })).toMatchObject({
      code: 'missing_right',
      params: { right: 'change_card_orders' },
    });
  });

  it('9.23 without "change order type" a quote cannot be converted', async () => {
    w = await salesWorld();
    const quote = await w.order(5, 'quote', [[w.drill, 1_000]]);
    await logInWith(['invoice']);
    expect(await w.t.refused('orders.convertQuote', { id: quote.id, version: quote.version, orderType: 1 })).toMatchObject({
      code: 'missing_right',
      params: { right: 'change_order_type' },
    });
  });
});

describe('found by the fuzz test (test/engine/fuzz.test.ts)', () => {
  it('a line changed to another product gives back what it held of the old one', async () => {
    w = await salesWorld();
    const o = await w.order(1, 'confirmed', [[w.drill, 3_000]]);
    await w.t.ok('orders.updateLine', { orderId: o.id, version: o.version, lineId: o.lines[0]!.id, changes: { productId: w.bread } });
    expect(await w.stock(w.drill)).toMatchObject({ reserved: 0 });
    expect(await w.stock(w.bread)).toMatchObject({ reserved: 3_000 });
    await expectAuditClean();
  });

  it('a running subscription takes a new stock line: each later period issues it, earlier ones did not', async () => {
    w = await salesWorld();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const sub = await w.move(await w.t.ok('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: '2025-01-01' }), 'subscription');
    await w.t.ok('subscriptions.run', {});
    await w.t.ok('orders.addLine', { orderId: sub.id, version: sub.version, line: { productId: w.bread, quantity: 4_000 } });
    await expectAuditClean();
  });

  it('a subscription with invoiced periods does not become a Realized order', async () => {
    w = await salesWorld();
    const o = await w.order(1, 'confirmed', [[w.service, 1_000]]);
    const sub = await w.move(await w.t.ok('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: '2025-01-01' }), 'subscription');
    await w.t.ok('subscriptions.run', {});
    const now = await w.t.ok('orders.get', { id: sub.id });
    expect((await w.t.refused('orders.changeType', { id: now.id, version: now.version, orderType: 4 })).code).toBe('type_change_after_processing');
    await expectAuditClean();
  });

  it('an order named twice in a collective invoice is refused, not invoiced twice', async () => {
    w = await salesWorld();
    const o = await shippedOrder([[w.drill, 1_000]]);
    expect((await w.t.refused('orders.collectiveInvoice', { customerId: w.customer, orderIds: [o.id, o.id] })).code).toBe('duplicate_order');
    await expectAuditClean();
  });

  it('an access group name taken twice is a clear refusal, not an internal error', async () => {
    w = await salesWorld();
    await w.t.ok('groups.save', { name: 'Lager', rights: [] });
    expect(await w.t.refused('groups.save', { name: 'Lager', rights: ['invoice'] })).toMatchObject({ code: 'duplicate_group_name', field: 'name' });
  });
});

/** The fields products.update takes, from a product as products.get gives it. */
function pickProductInput(p: Record<string, unknown>) {
  const keys = ['number', 'name', 'unit', 'priceOre', 'costOre', 'vatCode', 'stockManaged', 'binLocation', 'ean', 'active', 'supplierId', 'reorderPointQty'];
  return Object.fromEntries(keys.filter((k) => k in p).map((k) => [k, p[k]]));
}
