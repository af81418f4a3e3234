// SPEC 5: customers have delivery addresses; an order ships to one of its
// customer's addresses, kept on the order as a copy taken when it was chosen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '../../shared/channels/customers';
import type { Order } from '../../shared/channels/orders';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
let customer: Customer;
let other: Customer;
let product: number;

const SITE = { name: 'Byggeplass Fjellveien', addressLine1: 'Fjellveien 77', postalCode: '5019', city: 'Bergen' };
const DEPOT = { name: 'Lager Sandnes', addressLine1: 'Industriveien 4', postalCode: '4313', city: 'Sandnes' };

beforeEach(async () => {
  t = await makeEngine();
  await t.ok('company.save', COMPANY);
  customer = await t.ok('customers.create', {
    kind: 'business',
    name: 'Hordaland Maskin AS',
    orgNumber: '974760673',
    addressLine1: 'Kokstadvegen 1',
    postalCode: '5257',
    city: 'Kokstad',
    deliveryAddresses: [SITE, DEPOT],
  });
  other = await t.ok('customers.create', { kind: 'private', name: 'Åse Ødegård', deliveryAddresses: [{ name: 'Hytta', postalCode: '3580', city: 'Geilo' }] });
  product = (await t.ok('products.create', { number: 'A1', name: 'Vinkelsliper 125 mm', unit: 'stk', priceOre: 129900, vatCode: '25', stockManaged: false })).id;
});
afterEach(() => t.close());

function customerUpdate(c: Customer, deliveryAddresses: readonly Record<string, unknown>[]) {
  return { id: c.id, kind: c.kind, name: c.name, orgNumber: c.orgNumber, addressLine1: c.addressLine1, postalCode: c.postalCode, city: c.city, deliveryAddresses };
}

function newOrder(header: Record<string, unknown> = {}): Promise<Order> {
  return t.ok('orders.create', { header: { customerId: customer.id, orderType: 1, ...header }, lines: [{ productId: product, quantity: 1000 }] });
}

const site = () => customer.deliveryAddresses[0]!;
const depot = () => customer.deliveryAddresses[1]!;

describe('customers’ delivery addresses', () => {
  it('are saved, returned in the order given, and replaced like the contacts', async () => {
    expect(customer.deliveryAddresses).toMatchObject([
      { ...SITE, country: 'NO' },
      { ...DEPOT, country: 'NO' },
    ]);
    expect((await t.ok('customers.get', { id: customer.id })).deliveryAddresses).toEqual(customer.deliveryAddresses);

    // Kept ids are updated in place (and reordered), the rest removed, new ones added.
    const updated = await t.ok(
      'customers.update',
      customerUpdate(customer, [
        { id: depot().id, ...DEPOT, addressLine1: 'Industriveien 6' },
        { name: 'Verksted Oslo', addressLine1: 'Økernveien 9', postalCode: '0653', city: 'Oslo' },
        { name: 'Lager Göteborg', postalCode: 'SE-41104', city: 'Göteborg', country: 'SE' },
      ]),
    );
    expect(updated.deliveryAddresses.map((a) => a.name)).toEqual(['Lager Sandnes', 'Verksted Oslo', 'Lager Göteborg']);
    expect(updated.deliveryAddresses[0]).toEqual({ ...depot(), addressLine1: 'Industriveien 6' });
    expect(updated.deliveryAddresses[1]!.postalCode).toBe('0653');
    expect(updated.deliveryAddresses.map((a) => a.id)).not.toContain(site().id);
  });

  it('a Norwegian delivery address needs a 4-digit postal code', async () => {
    const e = await t.refused('customers.update', customerUpdate(customer, [{ name: 'Feil', postalCode: '501' }]));
    expect({ code: e.code, field: e.field }).toEqual({ code: 'invalid_postal_code', field: 'deliveryAddresses.0.postalCode' });
  });

  it("refuses another customer's address in the customer's list, changing nothing", async () => {
    const before = t.engine.fingerprint();
    const e = await t.refused('customers.update', customerUpdate(customer, [{ id: other.deliveryAddresses[0]!.id, name: 'Kapret' }]));
    expect({ code: e.code, field: e.field }).toEqual({ code: 'unknown_delivery_address', field: 'deliveryAddresses.0.id' });
    expect(t.engine.fingerprint()).toEqual(before);
  });
});

describe('an order’s delivery address', () => {
  it('is copied onto the order and returned by orders.get; null without one', async () => {
    const plain = await newOrder();
    expect(plain.deliveryAddress).toBeNull();
    const o = await newOrder({ deliveryAddressId: site().id });
    expect(o.deliveryAddress).toEqual({ deliveryAddressId: site().id, ...SITE, country: 'NO' });
    expect((await t.ok('orders.get', { id: o.id })).deliveryAddress).toEqual(o.deliveryAddress);

    // Left out of a header edit, it stays; null goes back to the customer's own address.
    const kept = await t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { customerReference: 'Per' } });
    expect(kept.deliveryAddress).toEqual(o.deliveryAddress);
    const moved = await t.ok('orders.updateHeader', { id: o.id, version: kept.version, header: { deliveryAddressId: depot().id } });
    expect(moved.deliveryAddress).toMatchObject({ deliveryAddressId: depot().id, name: 'Lager Sandnes' });
    const cleared = await t.ok('orders.updateHeader', { id: o.id, version: moved.version, header: { deliveryAddressId: null } });
    expect(cleared.deliveryAddress).toBeNull();
  });

  it("must be one of the order's customer's addresses: refused with a typed error, nothing changed", async () => {
    const o = await newOrder({ deliveryAddressId: site().id });
    const foreign = other.deliveryAddresses[0]!.id;
    const before = t.engine.fingerprint();

    const created = await t.refused('orders.create', { header: { customerId: customer.id, orderType: 1, deliveryAddressId: foreign }, lines: [] });
    expect({ code: created.code, field: created.field }).toEqual({ code: 'unknown_delivery_address', field: 'header.deliveryAddressId' });
    expect(created.message.nb).toContain('Leveringsadresse');
    expect(created.message.en).toContain('Delivery address');

    const edited = await t.refused('orders.updateHeader', { id: o.id, version: o.version, header: { deliveryAddressId: foreign } });
    expect({ code: edited.code, field: edited.field }).toEqual({ code: 'unknown_delivery_address', field: 'header.deliveryAddressId' });

    const saved = await t.refused('orders.save', {
      id: o.id,
      version: o.version,
      header: { customerId: customer.id, orderType: 1, deliveryAddressId: 987654 },
      lines: o.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
    });
    expect({ code: saved.code, field: saved.field }).toEqual({ code: 'unknown_delivery_address', field: 'header.deliveryAddressId' });

    expect(t.engine.fingerprint()).toEqual(before);
    expect((await t.ok('orders.get', { id: o.id })).deliveryAddress?.deliveryAddressId).toBe(site().id);
  });

  it('keeps the copy after the customer changes or removes the address', async () => {
    const o = await newOrder({ deliveryAddressId: site().id });
    await t.ok('customers.update', customerUpdate(customer, [{ id: site().id, ...SITE, addressLine1: 'Fjellveien 99' }, DEPOT]));
    expect((await t.ok('orders.get', { id: o.id })).deliveryAddress).toMatchObject({ addressLine1: 'Fjellveien 77', deliveryAddressId: site().id });

    // Saving the order with the same address chosen keeps the copy as it was taken.
    const saved = await t.ok('orders.save', {
      id: o.id,
      version: o.version,
      header: { customerId: customer.id, orderType: 1, deliveryAddressId: site().id },
      lines: o.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
    });
    expect(saved.deliveryAddress).toMatchObject({ addressLine1: 'Fjellveien 77' });

    // Removed from the customer's list: the order still ships there.
    await t.ok('customers.update', customerUpdate(customer, [DEPOT]));
    const after = await t.ok('orders.get', { id: o.id });
    expect(after.deliveryAddress).toEqual({ deliveryAddressId: null, ...SITE, country: 'NO' });
    const resaved = await t.ok('orders.updateHeader', { id: o.id, version: after.version, header: { notes: 'Ring før levering' } });
    expect(resaved.deliveryAddress).toEqual(after.deliveryAddress);
  });

  it('is cleared when the order changes customer', async () => {
    const o = await newOrder({ deliveryAddressId: site().id });
    const moved = await t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { customerId: other.id } });
    expect(moved.customerId).toBe(other.id);
    expect(moved.deliveryAddress).toBeNull();

    // With the new customer, one of the new customer's addresses may be chosen in the same edit.
    const back = await t.ok('orders.updateHeader', { id: o.id, version: moved.version, header: { customerId: customer.id, deliveryAddressId: depot().id } });
    expect(back.deliveryAddress).toMatchObject({ deliveryAddressId: depot().id, name: 'Lager Sandnes' });

    // An address kept from the old customer is not carried to the new one.
    const e = await t.refused('orders.updateHeader', { id: o.id, version: back.version, header: { customerId: other.id, deliveryAddressId: depot().id } });
    expect(e.code).toBe('unknown_delivery_address');
  });

  it('goes with the order to its backorder', async () => {
    // Delivered from Bekreftet: an order in a status without processing (the flow's first, Tilbud) is not delivered.
    const confirmed = (await t.ok('statuses.list', {})).find((s) => s.kind === 'confirmed')!.id;
    const o = await t.ok('orders.create', {
      header: { customerId: customer.id, orderType: 1, statusId: confirmed, deliveryAddressId: depot().id },
      lines: [{ productId: product, quantity: 2000 }],
    });
    const delivered = await t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1000 }] });
    const { backorder } = await t.ok('orders.invoice', { id: delivered.id, version: delivered.version });
    expect(backorder).not.toBeNull();
    expect(backorder!.deliveryAddress).toMatchObject({ deliveryAddressId: depot().id, name: 'Lager Sandnes' });
  });
});
