// Payments on invoices (SPEC 11): partial, in full, overpaid into the customer's
// credit, the credit used and paid back, a credit note on a paid invoice giving
// the money back to the credit; cash sales and card payments paid as issued.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditViolations, queryFile } from '../helpers/engine';
import { creditNote, invoiceFor, LEDGER_SUMS, pay } from '../helpers/ledger';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
beforeEach(async () => {
  w = await salesWorld();
});
afterEach(() => w.t.close());

/** One drill: 1 000,00 + 25 % VAT. */
const DRILL_GROSS = 125_000;

describe('registering payments', () => {
  it('a partial payment leaves the rest outstanding; the second pays it and the order goes to Betalt', async () => {
    const inv = await invoiceFor(w, [[w.drill, 1_000]]);
    let d = await w.t.ok('invoices.detail', { invoiceId: inv.id });
    expect(d.balance).toMatchObject({ state: 'open', payableOre: DRILL_GROSS, paidOre: 0, outstandingOre: DRILL_GROSS });
    d = await pay(w, inv.id, 50_000);
    expect(d.balance).toMatchObject({ state: 'partly_paid', paidOre: 50_000, outstandingOre: 75_000 });
    expect(d.payments).toMatchObject([{ amountOre: 50_000, allocatedHereOre: 50_000, method: 'bank', source: 'manual', reference: 'Nettbank', kid: inv.kid }]);
    expect((await w.t.ok('orders.get', { id: inv.orderIds[0]! })).statusKind).toBe('invoiced');
    d = await pay(w, inv.id, 75_000);
    expect(d.balance).toMatchObject({ state: 'paid', outstandingOre: 0 });
    expect(d.customerCreditOre).toBe(0);
    expect((await w.t.ok('orders.get', { id: inv.orderIds[0]! })).statusKind).toBe('paid');
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('an overpayment pays the invoice and the rest stays as credit, used on the next invoice and the remainder paid back', async () => {
    const first = await invoiceFor(w, [[w.drill, 1_000]]);
    const d = await pay(w, first.id, 200_000);
    expect(d.balance).toMatchObject({ state: 'paid', paidOre: DRILL_GROSS });
    expect(d.customerCreditOre).toBe(75_000);
    expect((await w.t.ok('ledger.customer', { customerId: w.customer })).creditOre).toBe(75_000);

    const second = await invoiceFor(w, [[w.bread, 1_000]]); // 40,00 + 15 % = 46,00
    const used = await w.t.ok('payments.useCredit', { invoiceId: second.id });
    expect(used.balance).toMatchObject({ state: 'paid', paidOre: 4_600 });
    expect(used.customerCreditOre).toBe(70_400);

    // Part of a third invoice from the credit, by amount.
    const third = await invoiceFor(w, [[w.drill, 1_000]]);
    const part = await w.t.ok('payments.useCredit', { invoiceId: third.id, amountOre: 10_000 });
    expect(part.balance).toMatchObject({ state: 'partly_paid', paidOre: 10_000, outstandingOre: 115_000 });
    expect(part.customerCreditOre).toBe(60_400);

    expect((await w.t.refused('payments.refundCredit', { customerId: w.customer, amountOre: 60_401, paidOn: '2025-01-05' })).code).toBe('credit_too_small');
    const refunded = await w.t.ok('payments.refundCredit', { customerId: w.customer, amountOre: 60_400, paidOn: '2025-01-05', reference: 'Tilbakebetalt' });
    expect(refunded.creditOre).toBe(0);
    expect((await w.t.refused('payments.refundCredit', { customerId: w.customer, amountOre: 1, paidOn: '2025-01-05' })).code).toBe('no_customer_credit');
    expect((await w.t.refused('payments.useCredit', { invoiceId: third.id })).code).toBe('no_customer_credit');

    const [sums] = await queryFile<{ paid: number; allocated: number }>(w.t.file, LEDGER_SUMS);
    expect(sums!.allocated).toBe(sums!.paid); // no credit left: everything received is used or paid back
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('a credit note on a paid invoice gives what was paid beyond the new total back to the credit', async () => {
    const inv = await invoiceFor(w, [[w.drill, 2_000]]);
    await pay(w, inv.id, 2 * DRILL_GROSS);
    await creditNote(w, inv, 1_000);
    let d = await w.t.ok('invoices.detail', { invoiceId: inv.id });
    expect(d.balance).toMatchObject({ state: 'paid', creditedOre: DRILL_GROSS, paidOre: DRILL_GROSS, outstandingOre: 0 });
    expect(d.customerCreditOre).toBe(DRILL_GROSS);
    // The rest credited too: all of it is the customer's credit, and the invoice is credited.
    await creditNote(w, inv, 1_000);
    d = await w.t.ok('invoices.detail', { invoiceId: inv.id });
    expect(d.balance).toMatchObject({ state: 'credited', paidOre: 0 });
    expect(d.customerCreditOre).toBe(2 * DRILL_GROSS);
    expect(d.payments).toMatchObject([{ amountOre: 2 * DRILL_GROSS, allocatedHereOre: 0 }]);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('a credit note on an unpaid invoice takes off what is outstanding; a part paid stays paid', async () => {
    const inv = await invoiceFor(w, [[w.drill, 2_000]]);
    await pay(w, inv.id, 100_000);
    await creditNote(w, inv, 1_000);
    const d = await w.t.ok('invoices.detail', { invoiceId: inv.id });
    expect(d.balance).toMatchObject({ state: 'partly_paid', creditedOre: DRILL_GROSS, paidOre: 100_000, outstandingOre: 25_000 });
    expect(d.customerCreditOre).toBe(0);
  });
});

describe('paid as issued', () => {
  it('a cash sale is paid at the counter (method as given) and a credit note pays it back at once', async () => {
    const o = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.bread, quantity: 3_000 }],
      payment: { method: 'vipps', receivedOre: 13_800 },
    });
    const invoiceId = o.invoiceIds[0]!;
    const d = await w.t.ok('invoices.detail', { invoiceId });
    expect(d.balance).toMatchObject({ state: 'paid', payableOre: 13_800, paidOre: 13_800 });
    expect(d.payments).toMatchObject([{ source: 'cash_sale', method: 'vipps', amountOre: 13_800 }]);
    expect(d.voidable.allowed).toBe(false);
    // The till's own record (received, change) is kept.
    expect(await queryFile(w.t.file, 'SELECT amount_ore, received_ore FROM payment WHERE invoice_id = ?', invoiceId)).toEqual([{ amount_ore: 13_800, received_ore: 13_800 }]);
    const inv = await w.t.ok('invoices.get', { id: invoiceId });
    await creditNote(w, inv);
    const after = await w.t.ok('invoices.detail', { invoiceId });
    expect(after.balance.state).toBe('credited');
    expect(after.customerCreditOre).toBe(0); // given back over the counter, not kept as credit
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('cash paid in notes is rounded to whole kroner and the rounded amount is what was paid', async () => {
    const o = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.bread, quantity: 3_000, unitPriceOre: 3333 }],
      payment: { method: 'cash', receivedOre: 20_000 },
    });
    const d = await w.t.ok('invoices.detail', { invoiceId: o.invoiceIds[0]! });
    expect(d.balance.payableOre % 100).toBe(0);
    expect(d.balance).toMatchObject({ state: 'paid', paidOre: d.balance.payableOre });
    expect(d.payments[0]).toMatchObject({ method: 'cash', source: 'cash_sale' });
  });

  it('a card payment order is paid by the capture as it is invoiced, goes to Betalt, and its credit note refunds the card', async () => {
    let o = await w.t.ok('orders.import', {
      source: 'web',
      customerId: w.privateCustomer,
      invoiceCustomerId: w.privateCustomer,
      orderType: 9,
      card: { invoiceReference: 'WEB-77', currency: 'NOK', contractAmountOre: 300_000, maskedCardNumber: '4571********1234', cardCompany: 'Nets' },
      lines: [{ productId: w.drill, quantity: 2_000 }],
    });
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
    const r = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    expect(r.order.statusKind).toBe('paid');
    const d = await w.t.ok('invoices.detail', { invoiceId: r.invoice.id });
    expect(d.balance).toMatchObject({ state: 'paid', paidOre: 2 * DRILL_GROSS });
    expect(d.payments).toMatchObject([{ source: 'card_capture', method: 'card' }]);
    await creditNote(w, r.invoice);
    const after = await w.t.ok('invoices.detail', { invoiceId: r.invoice.id });
    expect(after.balance.state).toBe('credited');
    expect(after.customerCreditOre).toBe(0);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });
});

describe('refusals', () => {
  it('a credit note, a credited and a void invoice cannot be paid; the payment date is not in the future', async () => {
    const inv = await invoiceFor(w, [[w.drill, 1_000]]);
    const note = await creditNote(w, inv);
    let e = await w.t.refused('payments.register', { invoiceId: note.id, amountOre: 100, paidOn: '2025-01-05', method: 'bank' });
    expect(e).toMatchObject({ code: 'not_an_invoice', field: 'invoiceId' });
    e = await w.t.refused('payments.register', { invoiceId: inv.id, amountOre: 100, paidOn: '2025-01-05', method: 'bank' });
    expect(e).toMatchObject({ code: 'invoice_not_payable', field: 'invoiceId' });
    expect(e.message.nb).toContain('kreditert');
    const other = await invoiceFor(w, [[w.drill, 1_000]]);
    e = await w.t.refused('payments.register', { invoiceId: other.id, amountOre: 100, paidOn: '2025-01-06', method: 'bank' });
    expect(e).toMatchObject({ code: 'payment_date_in_future', field: 'paidOn' });
    expect(e.message.nb).toContain('06.01.2025');
    e = await w.t.refused('payments.useCredit', { invoiceId: note.id });
    expect(e.code).toBe('not_an_invoice');
    await pay(w, other.id, DRILL_GROSS);
    await pay(w, (await invoiceFor(w, [[w.bread, 1_000]])).id, 10_000); // 54,00 of credit
    e = await w.t.refused('payments.useCredit', { invoiceId: other.id });
    expect(e).toMatchObject({ code: 'nothing_outstanding', field: 'invoiceId' });
    expect(await queryFile(w.t.file, "SELECT count(*) AS n FROM payment_allocation WHERE invoice_id = ?", note.id)).toEqual([{ n: 0 }]);
  });

  it('a void invoice is refused a payment', async () => {
    const inv = await invoiceFor(w, [[w.drill, 1_000]]);
    // Voiding is the reminders part's channel; the state rule is what refuses, so the flag is set on the side.
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const db = openDatabase(w.t.file);
    db.prepare('UPDATE invoice SET voided = 1 WHERE id = ?').run(inv.id);
    db.close();
    const e = await w.t.refused('payments.register', { invoiceId: inv.id, amountOre: 100, paidOn: '2025-01-05', method: 'bank' });
    expect(e).toMatchObject({ code: 'invoice_not_payable', field: 'invoiceId' });
    expect(e.message.en).toContain('void');
  });

  it('payments and allocations can never be changed or deleted', async () => {
    const inv = await invoiceFor(w, [[w.drill, 1_000]]);
    await pay(w, inv.id, 1_000);
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const db = openDatabase(w.t.file);
    try {
      expect(() => db.prepare('UPDATE customer_payment SET amount_ore = 2').run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM customer_payment').run()).toThrow(/cannot be deleted/);
      expect(() => db.prepare('UPDATE payment_allocation SET amount_ore = 2').run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM payment_allocation').run()).toThrow(/cannot be deleted/);
    } finally {
      db.close();
    }
  });
});

describe('the audit (demo/audit.ts) of the payment rules', () => {
  it('catches an allocation beyond its payment, on a credit note, on another customer, and an overpaid invoice', async () => {
    const inv = await invoiceFor(w, [[w.drill, 1_000]]);
    const note = await creditNote(w, await invoiceFor(w, [[w.bread, 1_000]]));
    const theirs = await invoiceFor(w, [[w.bread, 1_000]], w.privateCustomer);
    await pay(w, inv.id, 1_000);
    expect(await auditViolations(w.t.file)).toEqual([]);
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const db = openDatabase(w.t.file);
    const allocate = db.prepare("INSERT INTO payment_allocation (payment_id, kind, invoice_id, amount_ore, on_date, at) VALUES (1, 'settle', ?, ?, '2025-01-05', 'x')");
    allocate.run(inv.id, 200_000);
    allocate.run(note.id, 1);
    allocate.run(theirs.id, 1);
    db.close();
    const rules = (await auditViolations(w.t.file)).map((f) => f.rule.replace(' (SPEC 11)', ''));
    expect(rules).toEqual([
      'payments: what a payment is used for (settled, released, refunded) never exceeds it, nor goes below zero',
      "payments: a payment settles only its own customer's invoices, never a credit note or a void invoice",
      'invoices: paid + credited never exceeds what the invoice asks; a surplus goes back to the credit',
      'customers: credit (received and not used) is never negative',
    ]);
  });
});
