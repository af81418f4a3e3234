// Orders follow their invoices' payment (SPEC 11): a paid order in Fakturert or
// Purret goes to the flow's Betalt, on to Avsluttet when the company says so;
// the orders of a collective invoice together; for every status preset.
import { afterEach, describe, expect, it } from 'vitest';
import type { StatusPreset } from '../../shared/enums';
import { creditNote, invoiceFor, pay } from '../helpers/ledger';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
afterEach(() => w.t.close());

const DRILL_GROSS = 125_000;
const kindOf = async (orderId: number) => (await w.t.ok('orders.get', { id: orderId })).statusKind;

/**
 * Where a paid order ends, per preset and setting: standard and simple have
 * Betalt in their flow; field_service's flow ends at Avsluttet (no Betalt), so a
 * paid job is closed. With closeWhenPaid every preset closes it.
 */
const EXPECTED: readonly [StatusPreset, boolean, string][] = [
  ['standard', false, 'paid'],
  ['standard', true, 'closed'],
  ['simple', false, 'paid'],
  ['simple', true, 'closed'],
  ['field_service', false, 'closed'],
  ['field_service', true, 'closed'],
];

describe('a paid order moves on, per status preset', () => {
  for (const [preset, closeWhenPaid, end] of EXPECTED) {
    it(`${preset}${closeWhenPaid ? ', closing paid orders' : ''}: Fakturert stays until paid in full, then ${end}`, async () => {
      w = await salesWorld({ company: { statusPreset: preset, closeWhenPaid } });
      const inv = await invoiceFor(w, [[w.drill, 1_000]]);
      const orderId = inv.orderIds[0]!;
      expect(await kindOf(orderId)).toBe('invoiced');
      await pay(w, inv.id, DRILL_GROSS - 1);
      expect(await kindOf(orderId)).toBe('invoiced');
      await pay(w, inv.id, 1);
      expect(await kindOf(orderId)).toBe(end);
    });
  }
});

describe('which orders follow', () => {
  it('a reminded order (Purret) goes to Betalt when paid', async () => {
    w = await salesWorld({ company: { statusPreset: 'simple' } });
    const inv = await invoiceFor(w, [[w.drill, 1_000]]);
    const o = await w.t.ok('orders.get', { id: inv.orderIds[0]! });
    await w.t.ok('orders.setStatus', { id: o.id, version: o.version, statusId: w.status('reminded') });
    await pay(w, inv.id, DRILL_GROSS);
    expect(await kindOf(o.id)).toBe('paid');
  });

  it('the orders of a collective invoice follow it together, and only when it is paid in full', async () => {
    w = await salesWorld();
    const a = await w.move(await w.order(1, 'confirmed', [[w.drill, 1_000]]), 'shipped', { deliverRemaining: true });
    const b = await w.move(await w.order(1, 'confirmed', [[w.bread, 1_000]]), 'shipped', { deliverRemaining: true });
    const inv = await w.t.ok('orders.collectiveInvoice', { customerId: w.customer });
    expect([...inv.orderIds].sort()).toEqual([a.id, b.id].sort());
    expect(await kindOf(a.id)).toBe('invoiced_packing_slip');
    await pay(w, inv.id, 1_000);
    expect([await kindOf(a.id), await kindOf(b.id)]).toEqual(['invoiced_packing_slip', 'invoiced_packing_slip']);
    await pay(w, inv.id, inv.payableOre - 1_000);
    expect([await kindOf(a.id), await kindOf(b.id)]).toEqual(['paid', 'paid']);
  });

  it('an order invoiced in two parts (no backorders) is paid when both invoices are', async () => {
    w = await salesWorld({ company: { generateBackorders: false } });
    let o = await w.order(1, 'confirmed', [[w.drill, 2_000]]);
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
    const first = (await w.t.ok('orders.invoice', { id: o.id, version: o.version })).invoice;
    await pay(w, first.id, first.payableOre);
    // Part of the order is still to deliver: it is not waiting for payment, so it stays where it is.
    expect(await kindOf(o.id)).toBe('confirmed');
    o = await w.t.ok('orders.get', { id: o.id });
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
    const second = (await w.t.ok('orders.invoice', { id: o.id, version: o.version })).invoice;
    expect(await kindOf(o.id)).toBe('invoiced');
    await pay(w, second.id, second.payableOre);
    expect(await kindOf(o.id)).toBe('paid');
  });

  it('an invoice part paid and the rest credited is settled and its order moves on; one credited in full is not paid', async () => {
    w = await salesWorld();
    const inv = await invoiceFor(w, [[w.drill, 2_000]]);
    await pay(w, inv.id, DRILL_GROSS);
    expect(await kindOf(inv.orderIds[0]!)).toBe('invoiced');
    await creditNote(w, inv, 1_000);
    expect(await kindOf(inv.orderIds[0]!)).toBe('paid');
    const creditedOff = await invoiceFor(w, [[w.drill, 1_000]]);
    await creditNote(w, creditedOff);
    expect(await kindOf(creditedOff.orderIds[0]!)).toBe('invoiced');
  });

  it('a cash sale stays Kontant fakturert; a posted cash sale goes from Fakturert to Betalt at once', async () => {
    w = await salesWorld();
    const cash = { header: { customerId: w.privateCustomer, orderType: 3 }, lines: [{ productId: w.bread, quantity: 1_000 }], payment: { method: 'card', receivedOre: 4_600 } };
    expect((await w.t.ok('orders.create', cash)).statusKind).toBe('cash_invoiced');
    w.t.close();
    w = await salesWorld({ company: { postCashInvoices: true } });
    const posted = await w.t.ok('orders.create', { ...cash, header: { customerId: w.privateCustomer, orderType: 3 } });
    expect(await kindOf(posted.id)).toBe('paid');
  });
});
