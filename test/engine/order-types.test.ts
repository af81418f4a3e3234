// SPEC 1.1: one test per rule of the nine order types.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { salesWorld, type SalesWorld } from '../helpers/sales';
import { stockLedger } from '../helpers/engine';

let w: SalesWorld;
beforeEach(async () => {
  w = await salesWorld();
});
afterEach(() => w.t.close());

describe('1 Normal', () => {
  it('checks stock availability at entry, and reserves when the clerk confirms the shortage', async () => {
    const e = await w.t.refused('orders.create', { header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.bread, quantity: 12_000 }] });
    expect(e.code).toBe('confirm_shortage');
    expect(e.message.nb).toContain('bare 10 disponibelt');
    await w.order(1, 'confirmed', [[w.bread, 12_000]], { confirm: { allowShortage: true } });
    expect(await w.stock(w.bread)).toMatchObject({ onHand: 10_000, reserved: 12_000, available: -2_000 });
  });

  it("checks the customer's credit limit at entry; only a user with the right may override it", async () => {
    await w.t.ok('customers.update', { id: w.customer, kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', creditLimitOre: 200_000 });
    const e = await w.t.refused('orders.create', { header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.drill, quantity: 2_000 }] });
    expect(e.code).toBe('credit_limit_exceeded');
    expect(e.message.nb).toContain('kr 2\u00a0000,00');
    // With users set up, a clerk without the right is refused even when confirming.
    const admins = await w.t.ok('groups.save', { name: 'Admin', rights: ['administer', 'override_credit_limit'] });
    const clerks = await w.t.ok('groups.save', { name: 'Kontor', rights: ['invoice'] });
    await w.t.ok('users.save', { username: 'sjef', name: 'Sjef', groupId: admins.id, pin: '1111' });
    await w.t.ok('users.save', { username: 'kari', name: 'Kari', groupId: clerks.id, pin: '2222' });
    await w.t.ok('auth.login', { username: 'kari', pin: '2222' });
    const input = { header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.drill, quantity: 2_000 }], confirm: { overrideCreditLimit: true } };
    expect((await w.t.refused('orders.create', input)).code).toBe('missing_right');
    await w.t.ok('auth.login', { username: 'sjef', pin: '1111' });
    const order = await w.t.ok('orders.create', input);
    expect(order.totals.grossOre).toBe(250_000);
  });

  it('may be delivered in parts, and lines must be marked delivered before they are invoiced', async () => {
    let o = await w.order(1, 'confirmed', [[w.drill, 5_000]]);
    expect((await w.t.refused('orders.invoice', { id: o.id, version: o.version })).code).toBe('nothing_to_invoice');
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
    expect(o.deliveryState).toBe('partial');
    expect(o.lines[0]).toMatchObject({ qtyDelivered: 2_000, qtyReserved: 3_000 });
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 98_000, reserved: 3_000 });
  });
});

describe('2 Direct', () => {
  it('cannot be delivered in parts', async () => {
    const o = await w.order(2, 'confirmed', [[w.drill, 2_000]]);
    const e = await w.t.refused('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
    expect(e.code).toBe('no_partial_delivery');
  });

  it('may reserve more than is available, without asking', async () => {
    await w.order(2, 'confirmed', [[w.bread, 50_000]]);
    expect(await w.stock(w.bread)).toMatchObject({ reserved: 50_000, available: -40_000 });
  });

  it('is marked delivered when invoiced, and a shortage becomes a negative stock batch', async () => {
    const o = await w.order(2, 'confirmed', [[w.bread, 15_000]]);
    const r = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    expect(r.order.lines[0]).toMatchObject({ qtyDelivered: 15_000, qtyInvoiced: 15_000, qtyReserved: 0 });
    expect(r.order.statusKind).toBe('invoiced');
    const s = await w.t.ok('stock.get', { productId: w.bread });
    expect(s.onHand).toBe(-5_000);
    expect(s.batches.map((b) => b.qtyRemaining)).toEqual([-5_000]);
    // The next receipt settles the negative batch first.
    const after = await w.t.ok('stock.receive', { productId: w.bread, quantity: 8_000, costOre: 2500 });
    expect(after.batches.map((b) => [b.qtyRemaining, b.costOre])).toEqual([[3_000, 2500]]);
  });
});

describe('3 Cash', () => {
  it('is invoiced on save with the payment dialog: total, received, change, method', async () => {
    const o = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.bread, quantity: 3_000, unitPriceOre: 3333 }],
      payment: { method: 'cash', receivedOre: 20_000 },
    });
    expect(o.statusKind).toBe('cash_invoiced');
    const invoice = await w.t.ok('invoices.get', { id: o.invoiceIds[0]! });
    // 3 × 33,33 = 99,99 + 15 % = 114,99 → rounded to 115,00 with +0,01 shown as its own amount.
    expect(invoice).toMatchObject({ grossOre: 11499, roundingOre: 1, payableOre: 11500 });
    expect(invoice.payment).toEqual({ method: 'cash', receivedOre: 20_000, changeOre: 8500 });
  });

  it('refuses to save without the payment, and refuses too little money', async () => {
    expect((await w.t.refused('orders.create', { header: { customerId: w.privateCustomer, orderType: 3 }, lines: [{ productId: w.bread, quantity: 1_000 }] })).code).toBe('payment_required');
    const e = await w.t.refused('orders.create', { header: { customerId: w.privateCustomer, orderType: 3 }, lines: [{ productId: w.bread, quantity: 1_000 }], payment: { method: 'cash', receivedOre: 100 } });
    expect(e.code).toBe('payment_too_small');
    expect(e.field).toBe('payment.receivedOre');
  });

  it("uses today's date as the order date", async () => {
    const o = await w.t.ok('orders.create', { header: { customerId: w.privateCustomer, orderType: 3, orderDate: '2024-12-01' }, lines: [{ productId: w.bread, quantity: 1_000 }], payment: { method: 'card', receivedOre: 4600 } });
    expect(o.orderDate).toBe('2025-01-05');
  });

  it('goes to Invoiced instead of Cash invoiced when the company posts cash invoices, and being paid at the counter on to Betalt (SPEC 11)', async () => {
    const w2 = await salesWorld({ company: { postCashInvoices: true } });
    try {
      const o = await w2.t.ok('orders.create', { header: { customerId: w2.privateCustomer, orderType: 3 }, lines: [{ productId: w2.bread, quantity: 1_000 }], payment: { method: 'vipps', receivedOre: 4600 } });
      expect(o.statusKind).toBe('paid');
      const log = await w2.t.ok('activity.list', { entity: 'order', entityId: o.id });
      // It stood in Fakturert (posted) before the payment moved it on.
      expect(log.find((e) => e.action === 'status')?.after).toMatchObject({ reason: 'paid' });
    } finally {
      w2.t.close();
    }
  });

  it('a credit note on a cash order needs the right "credit cash orders"', async () => {
    const o = await w.t.ok('orders.create', { header: { customerId: w.privateCustomer, orderType: 3 }, lines: [{ productId: w.bread, quantity: 1_000 }], payment: { method: 'cash', receivedOre: 5000 } });
    const invoice = await w.t.ok('invoices.get', { id: o.invoiceIds[0]! });
    const g = await w.t.ok('groups.save', { name: 'Admin', rights: ['administer', 'credit'] });
    await w.t.ok('users.save', { username: 'a', name: 'A', groupId: g.id, pin: '1234' });
    const e = await w.t.refused('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: true });
    expect(e.code).toBe('missing_right');
    expect(e.message.nb).toContain('Kreditere kontantordrer');
  });
});

describe('4 Realized', () => {
  it('updates stock the moment it is saved, and is closed; nothing is invoiced', async () => {
    const o = await w.order(4, 'confirmed', [[w.drill, 3_000]]);
    expect(o.statusKind).toBe('closed');
    expect(o.invoiceIds).toEqual([]);
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 97_000, reserved: 0 });
  });
});

describe('5 Quote, 6 Unprocessed, 8 Budget', () => {
  it('have no processing: no reservation and no stock effect', async () => {
    for (const type of [5, 6, 8]) await w.order(type, 'quote', [[w.drill, 7_000]]);
    expect(await w.stock(w.drill)).toMatchObject({ onHand: 100_000, reserved: 0 });
  });

  it('cannot move into a processing status before the type is changed', async () => {
    const o = await w.order(6, 'quote', [[w.drill, 1_000]]);
    expect((await w.t.refused('orders.setStatus', { id: o.id, version: o.version, statusId: w.status('confirmed') })).code).toBe('status_needs_processing_type');
  });

  it('a quote, when accepted, becomes an order of type 1, 2 or 3 and processing starts', async () => {
    const q = await w.order(5, 'quote', [[w.drill, 2_000], [w.service, 3_000]]);
    const o = await w.t.ok('orders.convertQuote', { id: q.id, version: q.version, orderType: 1 });
    expect(o).toMatchObject({ orderType: 1, statusKind: 'confirmed', sourceOrderId: q.id, customerId: q.customerId });
    expect(o.totals).toEqual(q.totals);
    expect(await w.stock(w.drill)).toMatchObject({ reserved: 2_000 });
  });
});

describe('7 Pre-order', () => {
  it('is processed like Normal but checks neither availability nor credit limit', async () => {
    await w.t.ok('customers.update', { id: w.customer, kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', creditLimitOre: 100 });
    const o = await w.order(7, 'confirmed', [[w.bread, 30_000]]);
    expect(o.lines[0]!.qtyReserved).toBe(30_000);
  });
});

describe('9 Card payment', () => {
  async function cardOrder(amount = 300_000) {
    return w.t.ok('orders.import', {
      source: 'web',
      customerId: w.privateCustomer,
      invoiceCustomerId: w.privateCustomer,
      orderType: 9,
      card: { invoiceReference: 'WEB-1001', currency: 'NOK', contractAmountOre: amount, maskedCardNumber: '4571********1234', cardCompany: 'Nets' },
      lines: [{ productId: w.drill, quantity: 2_000 }],
    });
  }

  it('cannot be created by hand, only by import, with its card data', async () => {
    expect((await w.t.refused('orders.create', { header: { customerId: w.customer, orderType: 9 }, lines: [] })).code).toBe('order_type_import_only');
    const o = await cardOrder();
    expect(o).toMatchObject({ orderType: 9, cardState: 'reserved', contractAmountOre: 300_000 });
  });

  it('may not rise above the contract amount plus the card surcharge', async () => {
    const e = await w.t.refused('orders.import', {
      source: 'web', customerId: w.privateCustomer, invoiceCustomerId: w.privateCustomer, orderType: 9,
      card: { invoiceReference: 'WEB-1002', currency: 'NOK', contractAmountOre: 100_000, maskedCardNumber: '4571********1234', cardCompany: 'Nets' },
      lines: [{ productId: w.drill, quantity: 2_000 }],
    });
    expect(e.code).toBe('card_amount_exceeded');
  });

  it('must be delivered before it is invoiced; invoicing captures the card amount', async () => {
    let o = await cardOrder();
    expect((await w.t.refused('orders.invoice', { id: o.id, version: o.version })).code).toBe('nothing_to_invoice');
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
    const r = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    expect(r.order.cardState).toBe('captured');
  });

  it('changing the type cancels the reservation, needs the right, and can never return to type 9', async () => {
    const o = await cardOrder();
    const changed = await w.t.ok('orders.changeType', { id: o.id, version: o.version, orderType: 1 });
    expect(changed).toMatchObject({ orderType: 1, cardState: 'cancelled' });
    expect((await w.t.refused('orders.changeType', { id: changed.id, version: changed.version, orderType: 9 })).code).toBe('card_type_final');
  });

  it('can be credited only once', async () => {
    let o = await cardOrder();
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
    const { invoice } = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: true });
    const e = await w.t.refused('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: true });
    expect(e.code).toBe('card_credited_once');
  });
});

describe('changing the order type', () => {
  it('undoes what the old type did as far as the new one needs (Direct over-reservation released for a quote)', async () => {
    const o = await w.order(2, 'quote', [[w.bread, 40_000]]);
    const confirmed = await w.move(o, 'confirmed');
    expect(await w.stock(w.bread)).toMatchObject({ reserved: 40_000 });
    const back = await w.move(confirmed, 'quote');
    await w.t.ok('orders.changeType', { id: back.id, version: back.version, orderType: 5 });
    expect(await w.stock(w.bread)).toMatchObject({ reserved: 0 });
  });

  it('is refused once anything on the order has been delivered or invoiced', async () => {
    let o = await w.order(1, 'confirmed', [[w.drill, 2_000]]);
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
    const e = await w.t.refused('orders.changeType', { id: o.id, version: o.version, orderType: 2 });
    expect(e.code).toBe('type_change_after_processing');
  });

  it('every stock movement records the order type the order had when it was made', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 2_000]]);
    await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
    const s = await w.t.ok('stock.get', { productId: w.drill });
    expect(s.movements[0]).toMatchObject({ cause: 'issue', quantity: -1_000, orderType: 1, orderNumber: o.number });
    const { kept, sums } = await stockLedger(w.t.file, w.drill);
    expect(kept).toEqual({ onHand: sums.onHand, reserved: sums.reserved, onLoan: sums.onLoan });
  });
});
