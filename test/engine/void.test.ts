// Voiding a spoiled invoice that never left the house (SPEC 9): kept, marked
// void, its number still in the series; its orders restored as if it had not
// been issued. Once paid, credited, reminded or posted, only a credit note.
import { afterEach, describe, expect, it } from 'vitest';
import { voidRule, type VoidFacts } from '../../src-main/engine/domain/voidRule';
import { auditViolations, queryFile } from '../helpers/engine';
import { reminderWorld, type ReminderWorld } from '../helpers/reminders';

let w: ReminderWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

const clean: VoidFacts = { kind: 'invoice', voided: false, hasPayments: false, hasCreditNotes: false, hasReminders: false, exported: false, hasBackorder: false, subscription: false };

describe('the void rule', () => {
  it('allows an invoice nothing has happened to', () => {
    expect(voidRule(clean)).toEqual({ allowed: true, reasonNb: null, reasonEn: null });
  });

  const refusals: [Partial<VoidFacts>, string, string][] = [
    [{ kind: 'credit_note' }, 'kreditnota kan ikke annulleres', 'credit note cannot be voided'],
    [{ voided: true }, 'allerede annullert', 'already void'],
    [{ hasPayments: true }, 'betalt', 'paid'],
    [{ hasCreditNotes: true }, 'kreditert', 'credited'],
    [{ hasReminders: true }, 'purret', 'reminded'],
    [{ exported: true }, 'regnskapet', 'accountant'],
    [{ hasBackorder: true }, 'restordre', 'backorder'],
    [{ subscription: true }, 'abonnementsperiode', 'subscription'],
  ];
  for (const [facts, nb, en] of refusals) {
    it(`refuses when ${Object.keys(facts)[0]}, saying why and what to do instead`, () => {
      const d = voidRule({ ...clean, ...facts });
      expect(d.allowed).toBe(false);
      expect(d.reasonNb).toContain(nb);
      expect(d.reasonEn).toContain(en);
      if (facts.kind === undefined && facts.voided === undefined) expect(d.reasonNb).toContain('kreditnota');
    });
  }
});

const lineFigures = (file: string, orderId: number) =>
  queryFile<{ qty_delivered: number; qty_invoiced: number; qty_reserved: number }>(
    file,
    'SELECT qty_delivered, qty_invoiced, qty_reserved FROM order_line WHERE order_id = ? ORDER BY id',
    orderId,
  );

describe('invoices.void', () => {
  it('a Normal order: the invoice is kept as void with its number; invoiced quantities, amount and status come back; it can be invoiced again', async () => {
    w = await reminderWorld();
    const o = await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.drill, quantity: 2000 }] });
    const delivered = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2000 }] });
    const stockBefore = await w.t.ok('stock.get', { productId: w.drill });
    const { invoice } = await w.t.ok('orders.invoice', { id: delivered.id, version: delivered.version });

    const detail = await w.t.ok('invoices.void', { invoiceId: invoice.id, reason: 'Feil kunde' });
    expect(detail.balance).toMatchObject({ invoiceId: invoice.id, number: invoice.number, state: 'void', outstandingOre: 0 });
    expect(detail.voidable.allowed).toBe(false);

    const order = await w.t.ok('orders.get', { id: o.id });
    expect(order.statusId).toBe(delivered.statusId);
    expect(await lineFigures(w.t.file, o.id)).toEqual([{ qty_delivered: 2000, qty_invoiced: 0, qty_reserved: 0 }]);
    const [row] = await queryFile<{ invoiced_net_ore: number }>(w.t.file, 'SELECT invoiced_net_ore FROM order_header WHERE id = ?', o.id);
    expect(row!.invoiced_net_ore).toBe(0);
    // Goods delivered to the customer stay delivered: only invoicing is undone.
    expect((await w.t.ok('stock.get', { productId: w.drill })).onHand).toBe(stockBefore.onHand);
    const logged = await queryFile<{ entity: string; action: string }>(w.t.file, `SELECT entity, action FROM activity_log WHERE action IN ('void', 'invoice_voided') ORDER BY id`);
    expect(logged).toEqual([
      { entity: 'order', action: 'invoice_voided' },
      { entity: 'invoice', action: 'void' },
    ]);

    // Invoiced again: the next number, and the series is unbroken with the void one in it.
    const again = await w.t.ok('orders.invoice', { id: order.id, version: order.version });
    expect(again.invoice.number).toBe(invoice.number + 1);
    const numbers = await queryFile<{ number: number; voided: number }>(w.t.file, 'SELECT number, voided FROM invoice ORDER BY number');
    expect(numbers).toEqual([
      { number: invoice.number, voided: 1 },
      { number: invoice.number + 1, voided: 0 },
    ]);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('a Direct order: the goods invoicing delivered go back to stock at their cost, reserved again, and the order back to its status', async () => {
    w = await reminderWorld();
    const before = await w.t.ok('stock.get', { productId: w.drill });
    const o = await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 2, statusId: w.status('confirmed') }, lines: [{ productId: w.drill, quantity: 3000 }] });
    const reserved = await w.t.ok('stock.get', { productId: w.drill });
    const { invoice } = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    expect((await w.t.ok('stock.get', { productId: w.drill })).onHand).toBe(before.onHand - 3000);

    await w.t.ok('invoices.void', { invoiceId: invoice.id, reason: 'Skrevet ut på feil ordre' });
    const after = await w.t.ok('stock.get', { productId: w.drill });
    expect(after).toMatchObject({ onHand: before.onHand, valueOre: before.valueOre, reserved: reserved.reserved, available: reserved.available });
    expect(await lineFigures(w.t.file, o.id)).toEqual([{ qty_delivered: 0, qty_invoiced: 0, qty_reserved: 3000 }]);
    expect((await w.t.ok('orders.get', { id: o.id })).statusKind).toBe('confirmed');
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('a collective invoice: every order goes back to the status it had, and each can be invoiced again', async () => {
    w = await reminderWorld();
    const shipped = async (hours: number) => {
      const o = await w!.t.ok('orders.create', { header: { customerId: w!.customer, orderType: 1, statusId: w!.status('confirmed') }, lines: [{ productId: w!.service, quantity: hours }] });
      return w!.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: hours }] });
    };
    const a = await shipped(1000);
    const b = await shipped(2000);
    const invoice = await w.t.ok('orders.collectiveInvoice', { customerId: w.customer, orderIds: [a.id, b.id] });
    await w.t.ok('invoices.void', { invoiceId: invoice.id, reason: 'Feil periode' });
    for (const o of [a, b]) {
      const now = await w.t.ok('orders.get', { id: o.id });
      expect(now.statusId).toBe(o.statusId);
      expect(now.invoiceIds).toEqual([invoice.id]); // the void invoice stays in the order's history
    }
    const again = await w.t.ok('orders.collectiveInvoice', { customerId: w.customer, orderIds: [a.id, b.id] });
    expect(again.number).toBe(invoice.number + 1);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('refuses a paid, credited or reminded invoice, a credit note and a void invoice, saying why; an unknown invoice is not found', async () => {
    w = await reminderWorld();
    const paid = await w.invoicedOrder(1, [[w.service, 1000]]);
    const credited = await w.invoicedOrder(1, [[w.service, 1000]]);
    const voided = await w.invoicedOrder(1, [[w.service, 1000]]);
    w.pay(paid.invoiceId, 50_000);
    const inv = await w.t.ok('invoices.get', { id: credited.invoiceId });
    const note = await w.t.ok('invoices.credit', { invoiceId: inv.id, lines: [{ invoiceLineId: inv.lines[0]!.id, quantity: 1000 }], returnToStock: false });
    await w.t.ok('invoices.void', { invoiceId: voided.invoiceId, reason: 'Feil' });

    const refused = async (invoiceId: number) => w!.t.refused('invoices.void', { invoiceId, reason: 'Feil' });
    expect(await refused(paid.invoiceId)).toMatchObject({ code: 'invoice_not_voidable', field: 'invoiceId' });
    expect((await refused(paid.invoiceId)).message.nb).toContain('Lag en kreditnota i stedet');
    expect((await refused(credited.invoiceId)).message.nb).toContain('kreditert');
    expect((await refused(note.id)).message.nb).toContain('kreditnota kan ikke annulleres');
    expect((await refused(voided.invoiceId)).message.nb).toContain('allerede annullert');
    // A void invoice cannot be credited either (it asks for nothing).
    const voidInv = await w.t.ok('invoices.get', { id: voided.invoiceId });
    const credit = await w.t.refused('invoices.credit', { invoiceId: voidInv.id, lines: [{ invoiceLineId: voidInv.lines[0]!.id, quantity: 1000 }], returnToStock: false });
    expect(credit).toMatchObject({ code: 'invoice_void', field: 'invoiceId' });
    expect(await refused(99_999)).toMatchObject({ code: 'not_found', field: 'invoiceId' });

    const reminded = await w.invoicedOrder(1, [[w.service, 1000]]);
    w.setDay('2025-02-10');
    await w.t.ok('reminders.send', { customerIds: [w.customer] });
    expect((await refused(reminded.invoiceId)).message.en).toContain('reminded');
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('refuses when invoicing made a backorder', async () => {
    w = await reminderWorld();
    const company = (await w.t.ok('company.get', {}))!;
    const { updatedAt: _u, ...input } = company;
    await w.t.ok('company.save', { ...input, generateBackorders: true });
    const o = await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.drill, quantity: 2000 }] });
    const d = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1000 }] });
    const { invoice, backorder } = await w.t.ok('orders.invoice', { id: d.id, version: d.version });
    expect(backorder).not.toBeNull();
    const r = await w.t.refused('invoices.void', { invoiceId: invoice.id, reason: 'Feil' });
    expect(r.message.nb).toContain('restordre');
  });
});
