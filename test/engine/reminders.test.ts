// Reminders (SPEC 11): sent in a batch, one per customer, with the fee where the
// law allows it; orders to Purret in every flow preset; the second reminder refers
// to the first; the reminder archived with its orders; fees paid by a bank payment.
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusPreset } from '../../shared/enums';
import { auditViolations, queryFile } from '../helpers/engine';
import { reminderWorld, type ReminderWorld } from '../helpers/reminders';

let w: ReminderWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

describe('reminders.candidates and reminders.send', () => {
  it('lists overdue customers, charges the fee from day 14, moves the order to Purret, archives and logs the reminder', async () => {
    w = await reminderWorld(); // invoices on 6 January fall due on 20 January
    const { orderId, invoiceId } = await w.invoicedOrder(1, [[w.service, 2000]]);
    expect(await w.t.ok('reminders.candidates', {})).toEqual([]);

    w.setDay('2025-02-02'); // 13 days past due
    const [early] = await w.t.ok('reminders.candidates', {});
    expect(early!.invoices[0]).toMatchObject({ invoiceId, level: 1, feeOre: 0, daysOverdue: 13, outstandingOre: 225_000 });
    expect(early!.invoices[0]!.noFeeReasonNb).toContain('03.02.2025');

    w.setDay('2025-02-03'); // 14 days
    const [candidate] = await w.t.ok('reminders.candidates', {});
    expect(candidate).toMatchObject({ customerId: w.customer, totalOre: 225_000, feeOre: 3_500, lastReminderOn: null });

    const batch = await w.t.ok('reminders.send', { customerIds: [w.customer] });
    expect(batch.skipped).toEqual([]);
    expect(batch.documentIds).toHaveLength(1);
    const [reminder] = batch.reminders;
    expect(reminder).toMatchObject({ customerId: w.customer, sentOn: '2025-02-03', payBy: '2025-02-17', feeOre: 3_500, documentId: batch.documentIds[0] });
    expect(reminder!.invoices).toEqual([{ invoiceId, number: expect.any(Number), level: 1, outstandingOre: 225_000, feeOre: 3_500 }]);
    expect(await w.statusKindOf(orderId)).toBe('reminded');

    // In the order's archive, as a reminder, and listed by invoice and by customer.
    const docs = await w.t.ok('documents.list', { orderId });
    expect(docs.find((d) => d.kind === 'reminder')?.id).toBe(batch.documentIds[0]);
    expect((await w.t.ok('reminders.list', { invoiceId })).map((r) => r.id)).toEqual([reminder!.id]);
    expect((await w.t.ok('reminders.list', { customerId: w.customer })).map((r) => r.id)).toEqual([reminder!.id]);
    const logged = await queryFile<{ entity: string; action: string }>(w.t.file, `SELECT entity, action FROM activity_log WHERE action IN ('reminder', 'status', 'document_issued') AND at >= '2025-02-03'`);
    expect(logged).toEqual(
      expect.arrayContaining([
        { entity: 'customer', action: 'reminder' },
        { entity: 'invoice', action: 'reminder' },
        { entity: 'order', action: 'status' },
        { entity: 'order', action: 'document_issued' },
      ]),
    );
    // The fee is an open item of the customer, on the invoice.
    const [fees] = await queryFile<{ fee: number }>(w.t.file, 'SELECT sum(fee_ore) AS fee FROM reminder_invoice WHERE invoice_id = ?', invoiceId);
    expect(fees!.fee).toBe(3_500);

    // While its deadline runs, the reminder is not repeated.
    expect(await w.t.ok('reminders.candidates', {})).toEqual([]);
    const again = await w.t.ok('reminders.send', { customerIds: [w.customer] });
    expect(again.reminders).toEqual([]);
    expect(again.skipped[0]!.customerId).toBe(w.customer);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('a second reminder refers to the first and charges the second fee; a third charges none', async () => {
    w = await reminderWorld();
    const { invoiceId } = await w.invoicedOrder(1, [[w.service, 1000]]);
    w.setDay('2025-02-03');
    const first = (await w.t.ok('reminders.send', { customerIds: [w.customer] })).reminders[0]!;

    w.setDay('2025-02-17'); // the first reminder's last day: not yet
    expect(await w.t.ok('reminders.candidates', {})).toEqual([]);
    w.setDay('2025-02-18');
    const [c2] = await w.t.ok('reminders.candidates', {});
    expect(c2).toMatchObject({ feeOre: 3_500, lastReminderOn: first.sentOn });
    expect(c2!.invoices[0]).toMatchObject({ level: 2, feeOre: 3_500 });
    const second = (await w.t.ok('reminders.send', { customerIds: [w.customer] })).reminders[0]!;
    expect(second.invoices[0]).toMatchObject({ invoiceId, level: 2, feeOre: 3_500 });

    w.setDay('2025-03-05');
    const third = (await w.t.ok('reminders.send', { customerIds: [w.customer] })).reminders[0]!;
    expect(third.feeOre).toBe(0);
    expect(third.invoices[0]).toMatchObject({ level: 3, feeOre: 0 });
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('one reminder per customer in a batch, one fee per reminder; a customer with nothing overdue is skipped; an unknown one refuses', async () => {
    w = await reminderWorld();
    const other = (await w.t.ok('customers.create', { kind: 'business', name: 'Ålesund Rør AS', orgNumber: '923609016', paymentTermsDays: 14 })).id;
    const quiet = (await w.t.ok('customers.create', { kind: 'private', name: 'Øystein Å' })).id;
    await w.invoicedOrder(1, [[w.service, 1000]]);
    await w.invoicedOrder(1, [[w.service, 3000]]);
    await w.invoicedOrder(2, [[w.drill, 1000]], other);
    w.setDay('2025-02-10');
    const batch = await w.t.ok('reminders.send', { customerIds: [w.customer, other, quiet] });
    expect(batch.reminders.map((r) => [r.customerId, r.invoices.length, r.feeOre])).toEqual([
      [w.customer, 2, 3_500],
      [other, 1, 3_500],
    ]);
    expect(batch.skipped.map((s) => s.customerId)).toEqual([quiet]);
    // One print job for the batch, as picking lists are printed.
    const combined = await w.t.ok('documents.combine', { documentIds: batch.documentIds });
    expect(combined).toMatchObject({ documentCount: 2, pageCount: 2 });
    expect(batch.skipped[0]!.reasonNb).toContain('ingen forfalte');

    const refusal = await w.t.refused('reminders.send', { customerIds: [w.customer, 99_999] });
    expect(refusal).toMatchObject({ code: 'not_found', field: 'customerIds.1' });
  });

  it('all the orders of a collective invoice move to Purret, and the reminder is in each one\'s archive', async () => {
    w = await reminderWorld();
    const shipped = async (hours: number) => {
      const o = await w!.t.ok('orders.create', { header: { customerId: w!.customer, orderType: 1, statusId: w!.status('confirmed') }, lines: [{ productId: w!.service, quantity: hours }] });
      return w!.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: hours }] });
    };
    const a = await shipped(1000);
    const b = await shipped(2000);
    const invoice = await w.t.ok('orders.collectiveInvoice', { customerId: w.customer, orderIds: [a.id, b.id] });
    expect(invoice.orderIds).toEqual([a.id, b.id]);
    w.setDay('2025-02-05');
    const batch = await w.t.ok('reminders.send', { customerIds: [w.customer] });
    for (const id of [a.id, b.id]) {
      expect(await w.statusKindOf(id)).toBe('reminded');
      expect((await w.t.ok('documents.list', { orderId: id })).map((d) => d.id)).toContain(batch.documentIds[0]);
    }
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  for (const preset of ['standard', 'field_service', 'simple'] as StatusPreset[]) {
    it(`orders move to the flow's Purret (${preset})`, async () => {
      w = await reminderWorld({ preset });
      const { orderId } = await w.invoicedOrder(1, [[w.service, 1000]]);
      w.setDay('2025-02-04');
      await w.t.ok('reminders.send', { customerIds: [w.customer] });
      const order = await w.t.ok('orders.get', { id: orderId });
      expect(order.statusKind).toBe('reminded');
      expect(order.statusId).toBe(w.status('reminded'));
    });
  }
});

describe('reminder fees are payable', () => {
  it('a bank payment on the invoice settles the invoice first, then its fee; the order is paid', async () => {
    w = await reminderWorld();
    const { orderId, invoiceId } = await w.invoicedOrder(1, [[w.service, 1000]]); // 1 125,00
    w.setDay('2025-02-04');
    await w.t.ok('reminders.send', { customerIds: [w.customer] });

    w.setDay('2025-02-06');
    w.pay(invoiceId, 112_500 + 2_000); // the invoice, and 20,00 of the fee
    const alloc = async () =>
      queryFile<{ reminder: number | null; amount: number }>(
        w!.t.file,
        'SELECT reminder_id IS NOT NULL AS reminder, sum(amount_ore) AS amount FROM payment_allocation WHERE invoice_id = ? GROUP BY reminder_id IS NOT NULL ORDER BY 1',
        invoiceId,
      );
    expect(await alloc()).toEqual([
      { reminder: 0, amount: 112_500 },
      { reminder: 1, amount: 2_000 },
    ]);
    expect(await w.statusKindOf(orderId)).toBe('paid');
    w.pay(invoiceId, 2_000); // the rest of the fee (15,00), and 5,00 to the customer's credit
    expect(await alloc()).toEqual([
      { reminder: 0, amount: 112_500 },
      { reminder: 1, amount: 3_500 },
    ]);
    const [credit] = await queryFile<{ left: number }>(
      w.t.file,
      'SELECT (SELECT sum(amount_ore) FROM customer_payment) - (SELECT sum(amount_ore) FROM payment_allocation) AS left',
    );
    expect(credit!.left).toBe(500);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });
});

describe('the company fee setting', () => {
  it('is refused above the legal maximum (kr 35) and kept at it', async () => {
    w = await reminderWorld();
    const company = (await w.t.ok('company.get', {}))!;
    const { updatedAt: _u, ...input } = company;
    const refusal = await w.t.refused('company.save', { ...input, reminderFeeOre: 3_501 });
    expect(refusal).toMatchObject({ code: 'reminder_fee_above_legal', field: 'reminderFeeOre' });
    expect(refusal.message.nb).toContain('35,00');
    expect((await w.t.ok('company.save', { ...input, reminderFeeOre: 3_500 })).reminderFeeOre).toBe(3_500);
  });
});
