// SPEC 5 and 7: an order that ships to one of the customer's delivery addresses
// prints that address on its picking list, packing slip and waybill and as the
// invoice's delivery place; an order without one prints the customer's address.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import { documentsWorld, keep, pdfText, type DocumentsWorld } from './helpers';

let w: DocumentsWorld;
let siteId: number;
beforeEach(async () => {
  w = await documentsWorld();
  const c = await w.t.ok('customers.get', { id: w.customer });
  const updated = await w.t.ok('customers.update', {
    id: c.id,
    kind: c.kind,
    name: c.name,
    orgNumber: c.orgNumber,
    addressLine1: c.addressLine1,
    postalCode: c.postalCode,
    city: c.city,
    paymentTermsDays: c.paymentTermsDays,
    contacts: c.contacts.map((k) => ({ id: k.id, name: k.name, phone: k.phone })),
    deliveryAddresses: [{ name: 'Byggeplass Fjellveien', addressLine1: 'Fjellveien 77', postalCode: '5019', city: 'Bergen' }],
  });
  siteId = updated.deliveryAddresses[0]!.id;
});
afterEach(() => w.t.close());

async function deliveredOrder(header: Record<string, unknown> = {}): Promise<Order> {
  const o = await w.t.ok('orders.create', {
    header: { customerId: w.customer, orderType: 1, statusId: w.status('pack'), ...header },
    lines: [{ productId: w.hammer, quantity: 2_000 }],
  });
  // Half delivered: a packing slip to print and something left to pick.
  return w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
}

const WAYBILL = { companyPrefix: '7012345', parcels: [{ weightGrams: 1_000 }] };

describe('delivery address on documents', () => {
  it('the packing slip, waybill, picking list and invoice show the order’s delivery address', async () => {
    const o = await deliveredOrder({ deliveryAddressId: siteId });
    const slip = await w.render({ kind: 'packing_slip', orderId: o.id });
    keep('packing-slip-delivery-address', slip.pdf);
    const slipText = pdfText(slip.pdf);
    expect(slipText).toContain('Bergen Bygg AS');
    expect(slipText).toContain('Byggeplass Fjellveien');
    expect(slipText).toContain('Fjellveien 77');
    expect(slipText).toContain('5019 Bergen');
    expect(slipText).not.toContain('Sandbrogaten 5');

    const waybill = pdfText((await w.render({ kind: 'waybill', orderId: o.id, waybill: WAYBILL })).pdf);
    expect(waybill).toContain('MOTTAKER');
    expect(waybill).toContain('Fjellveien 77');
    expect(waybill).toContain('5019 Bergen');

    const picking = pdfText((await w.render({ kind: 'picking_list', orderId: o.id })).pdf);
    expect(picking).toContain('LEVERES TIL');
    expect(picking).toContain('Fjellveien 77');

    const { invoice } = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    const inv = pdfText((await w.render({ kind: 'invoice', invoiceId: invoice.id })).pdf);
    // The delivery place wraps in its column.
    expect(inv.replace(/\s+/g, ' ')).toContain('Leveringssted Byggeplass Fjellveien, Fjellveien 77, 5019 Bergen');
    // The buyer is still billed at the customer's own address.
    expect(inv).toContain('Sandbrogaten 5');
  });

  it('an order without a delivery address still ships to the customer’s address', async () => {
    const o = await deliveredOrder();
    const slip = pdfText((await w.render({ kind: 'packing_slip', orderId: o.id })).pdf);
    expect(slip).toContain('Sandbrogaten 5');
    expect(slip).toContain('5003 Bergen');
    expect(slip).not.toContain('Fjellveien');
    const waybill = pdfText((await w.render({ kind: 'waybill', orderId: o.id, waybill: WAYBILL })).pdf);
    expect(waybill).toContain('Sandbrogaten 5');
    expect(waybill).not.toContain('Fjellveien');
  });

  it('prints the address as it was copied onto the order, not as the customer’s list has it now', async () => {
    const o = await deliveredOrder({ deliveryAddressId: siteId });
    const c = await w.t.ok('customers.get', { id: w.customer });
    await w.t.ok('customers.update', {
      id: c.id,
      kind: c.kind,
      name: c.name,
      orgNumber: c.orgNumber,
      deliveryAddresses: [{ id: siteId, name: 'Byggeplass Fjellveien', addressLine1: 'Fjellveien 99', postalCode: '5019', city: 'Bergen' }],
    });
    const slip = pdfText((await w.render({ kind: 'packing_slip', orderId: o.id })).pdf);
    expect(slip).toContain('Fjellveien 77');
    expect(slip).not.toContain('Fjellveien 99');
  });
});
