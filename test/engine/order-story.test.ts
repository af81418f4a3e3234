// Issue 10, items 3, 6 and 15: an invoicing step is previewed by running the
// step itself and undoing it (the preview is what the step then does, and it
// writes nothing); an order tells what went to which invoice and backorder; an
// order is copied into a new draft.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import type { InvoicePreview } from '../../shared/channels/orderStory';
import type { Invoice } from '../../shared/channels/processing';
import { auditViolations, queryFile } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
beforeEach(async () => {
  w = await salesWorld();
});
afterEach(() => w.t.close());

/** The invoice as the preview shows it, to compare with the one issued. */
const shape = (i: Invoice | InvoicePreview) => ({
  lines: i.lines.map((l) => ({ description: l.description, quantity: l.quantity, amountOre: l.amountOre })),
  byRate: i.byRate,
  netOre: i.netOre,
  vatOre: i.vatOre,
  grossOre: i.grossOre,
  payableOre: i.payableOre,
});

async function deliverPart(order: Order, qty: number): Promise<Order> {
  return w.t.ok('orders.deliver', { id: order.id, version: order.version, lines: [{ lineId: order.lines[0]!.id, quantity: qty }] });
}

describe('invoicing.preview of Fakturer (Alt+R)', () => {
  it('is exactly what invoicing then does: the lines, the VAT per rate, the total and the backorder with its lines', async () => {
    const o = await w.order(1, 'confirmed', [
      [w.drill, 5000],
      [w.bread, 3000],
    ]);
    const part = await deliverPart(o, 2000);
    const before = w.t.engine.fingerprint();
    // Another connection sees no commit at all (PRAGMA data_version moves on any other connection's commit).
    const other = new Database(w.t.file, { readonly: true });
    const version = () => other.pragma('data_version', { simple: true }) as number;
    const dv = version();
    const preview = await w.t.ok('invoicing.preview', { kind: 'order', id: part.id, version: part.version });
    // Writes nothing: not the invoice, its number, the backorder, the activity log or the order's version.
    expect(w.t.engine.fingerprint()).toEqual(before);
    expect(version()).toBe(dv);
    other.close();

    expect(preview.kind).toBe('invoice');
    expect(preview.deliversRemaining).toBe(false);
    expect(preview.lines).toEqual([
      { orderNumber: part.number, lineNo: 1, productNumber: 'DRILL', description: 'Drill 18V', quantity: 2000, amountOre: 200000 },
    ]);
    expect(preview.grossOre).toBe(250000);
    expect(preview.backorder?.lines.map((l) => [l.productNumber, l.quantity])).toEqual([
      ['DRILL', 3000],
      ['BROD', 3000],
    ]);
    expect(preview.remainsOpen).toEqual([]);

    const done = await w.t.ok('orders.invoice', { id: part.id, version: part.version });
    expect(shape(preview)).toEqual(shape(done.invoice));
    expect(done.backorder!.lines.map((l) => [l.productNumber, l.quantity])).toEqual(preview.backorder!.lines.map((l) => [l.productNumber, l.quantity]));
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('with nothing delivered says the rest is delivered on the way, and matches the move to Fakturert the screen then makes', async () => {
    const o = await w.order(1, 'confirmed', [
      [w.drill, 1000],
      [w.service, 2500],
    ]);
    const preview = await w.t.ok('invoicing.preview', { kind: 'order', id: o.id, version: o.version });
    expect(preview.deliversRemaining).toBe(true);
    expect(preview.backorder).toBeNull();
    expect(preview.lines.map((l) => l.quantity)).toEqual([1000, 2500]);
    const after = await w.move(o, 'invoiced', { deliverRemaining: true });
    const invoice = await w.t.ok('invoices.get', { id: after.invoiceIds[0]! });
    expect(shape(preview)).toEqual(shape(invoice));
  });

  it('without backorders (company setting) names what stays open on the order', async () => {
    w.t.close();
    w = await salesWorld({ company: { generateBackorders: false } });
    const o = await w.order(1, 'confirmed', [[w.drill, 4000]]);
    const part = await deliverPart(o, 1000);
    const preview = await w.t.ok('invoicing.preview', { kind: 'order', id: part.id, version: part.version });
    expect(preview.backorder).toBeNull();
    expect(preview.remainsOpen.map((l) => [l.productNumber, l.quantity])).toEqual([['DRILL', 3000]]);
    const done = await w.t.ok('orders.invoice', { id: part.id, version: part.version });
    expect(done.backorder).toBeNull();
    expect(done.order.lines[0]!.qtyDelivered - done.order.lines[0]!.qtyInvoiced).toBe(0);
    expect(done.order.lines[0]!.quantity - done.order.lines[0]!.qtyDelivered).toBe(3000);
  });

  it('is refused as the step would be, and a stale version is refused, both leaving the database unchanged', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 1000]]);
    const before = w.t.engine.fingerprint();
    expect((await w.t.refused('invoicing.preview', { kind: 'order', id: o.id, version: o.version + 1 })).code).toBe('version_conflict');
    const quote = await w.order(5, 'quote', [[w.drill, 1000]]);
    const fp = w.t.engine.fingerprint();
    expect((await w.t.refused('invoicing.preview', { kind: 'order', id: quote.id, version: quote.version })).code).toBe(
      (await w.t.refused('orders.invoice', { id: quote.id, version: quote.version })).code,
    );
    expect(w.t.engine.fingerprint()).toEqual(fp);
    expect(before).not.toEqual(fp);
  });
});

describe('invoicing.preview of a collective invoice and a credit note', () => {
  it('a collective invoice: the same lines and total as the one then issued', async () => {
    const a = await w.move(await w.order(1, 'confirmed', [[w.drill, 1000]]), 'shipped', { deliverRemaining: true });
    const b = await w.move(await w.order(1, 'confirmed', [[w.bread, 2000]]), 'shipped', { deliverRemaining: true });
    const before = w.t.engine.fingerprint();
    const preview = await w.t.ok('invoicing.preview', { kind: 'collective', customerId: w.customer, orderIds: [a.id, b.id] });
    expect(w.t.engine.fingerprint()).toEqual(before);
    expect(preview.orderNumbers).toEqual([a.number, b.number]);
    expect(preview.lines.map((l) => l.orderNumber)).toEqual([a.number, b.number]);
    const invoice = await w.t.ok('orders.collectiveInvoice', { customerId: w.customer, orderIds: [a.id, b.id] });
    expect(shape(preview)).toEqual(shape(invoice));
  });

  it('a credit note: negative lines and total as the note then issued, and nothing written before', async () => {
    const o = await w.move(await w.order(1, 'confirmed', [[w.drill, 2000]]), 'invoiced', { deliverRemaining: true });
    const invoice = await w.t.ok('invoices.get', { id: o.invoiceIds[0]! });
    const input = { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1000 }], returnToStock: true };
    const stockBefore = await w.stock(w.drill);
    const before = w.t.engine.fingerprint();
    const preview = await w.t.ok('invoicing.preview', { kind: 'credit', ...input });
    expect(w.t.engine.fingerprint()).toEqual(before);
    expect(await w.stock(w.drill)).toEqual(stockBefore);
    expect(preview.kind).toBe('credit_note');
    expect(preview.returnToStock).toBe(true);
    expect(preview.grossOre).toBe(-125000);
    const note = await w.t.ok('invoices.credit', input);
    expect(shape(preview)).toEqual(shape(note));
    expect((await w.t.refused('invoicing.preview', { kind: 'credit', ...input, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1500 }] })).code).toBe(
      'credit_exceeds_invoiced',
    );
  });
});

describe('orders.story: what went to which invoice and backorder', () => {
  it('lists each invoice with this order\'s lines and quantities, each backorder with its lines, and the backorder its source', async () => {
    const o = await w.order(1, 'confirmed', [
      [w.drill, 5000],
      [w.bread, 1000],
    ]);
    const part = await deliverPart(o, 2000);
    const { invoice, backorder } = await w.t.ok('orders.invoice', { id: part.id, version: part.version });
    const note = await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 500 }], returnToStock: false });
    const story = await w.t.ok('orders.story', { id: o.id });
    expect(story.invoices.map((i) => [i.number, i.kind, i.creditedInvoiceNumber, i.lines.map((l) => [l.lineNo, l.productNumber, l.quantity])])).toEqual([
      [invoice.number, 'invoice', null, [[1, 'DRILL', 2000]]],
      [note.number, 'credit_note', invoice.number, [[1, 'DRILL', -500]]],
    ]);
    expect(story.backorders).toEqual([
      expect.objectContaining({ id: backorder!.id, number: backorder!.number, statusKind: 'rest' }),
    ]);
    expect(story.backorders[0]!.lines.map((l) => [l.productNumber, l.quantity])).toEqual([
      ['DRILL', 3000],
      ['BROD', 1000],
    ]);
    expect(story.backorderOf).toBeNull();
    const rest = await w.t.ok('orders.story', { id: backorder!.id });
    expect(rest.backorderOf).toEqual({ id: o.id, number: o.number });
  });

  it('on a collective invoice shows only this order\'s lines and names the other orders', async () => {
    const a = await w.move(await w.order(1, 'confirmed', [[w.drill, 1000]]), 'shipped', { deliverRemaining: true });
    const b = await w.move(await w.order(1, 'confirmed', [[w.bread, 2000]]), 'shipped', { deliverRemaining: true });
    await w.t.ok('orders.collectiveInvoice', { customerId: w.customer, orderIds: [a.id, b.id] });
    const story = await w.t.ok('orders.story', { id: a.id });
    expect(story.invoices).toHaveLength(1);
    expect(story.invoices[0]!.otherOrderNumbers).toEqual([b.number]);
    expect(story.invoices[0]!.lines.map((l) => l.productNumber)).toEqual(['DRILL']);
  });
});

describe('orders.copy', () => {
  it('makes a saved draft: same customer, references and lines at the source\'s prices; nothing delivered or invoiced; first status; activity names the source', async () => {
    const contacts = await w.t.ok('customers.get', { id: w.customer });
    const o = await w.order(1, 'confirmed', [[w.drill, 2000]], {});
    const priced = await w.t.ok('orders.save', {
      id: o.id,
      version: o.version,
      header: { customerId: w.customer, orderType: 1, customerReference: 'Prosjekt Sentrum', ourReference: 'KB' },
      lines: [{ id: o.lines[0]!.id, productId: w.drill, quantity: 2000, unitPriceOre: 90000, discountBp: 500 }],
    });
    const invoiced = await w.move(priced, 'invoiced', { deliverRemaining: true });
    // The product's price changes after the order: the copy keeps the order's price.
    await w.t.ok('products.update', { id: w.drill, number: 'DRILL', name: 'Drill 18V', unit: 'stk', priceOre: 120000, costOre: 50000, vatCode: '25', stockManaged: true, binLocation: 'A-01' });

    const copy = await w.t.ok('orders.copy', { id: invoiced.id });
    expect(copy.id).not.toBe(invoiced.id);
    expect(copy.number).toBeGreaterThan(invoiced.number);
    expect(copy.customerId).toBe(w.customer);
    expect(copy.orderType).toBe(1);
    expect(copy.customerReference).toBe('Prosjekt Sentrum');
    expect(copy.ourReference).toBe('KB');
    expect(copy.contactId).toBe(contacts.contacts.length === 1 ? contacts.contacts[0]!.id : null);
    const statuses = await w.t.ok('statuses.list', {});
    expect(copy.statusId).toBe(statuses.find((s) => !s.hidden)!.id);
    expect(copy.lines.map((l) => [l.productId, l.quantity, l.unitPriceOre, l.discountBp, l.qtyDelivered, l.qtyInvoiced])).toEqual([
      [w.drill, 2000, 90000, 500, 0, 0],
    ]);
    expect(copy.invoiceIds).toEqual([]);
    const log = await w.t.ok('activity.list', { entity: 'order', entityId: copy.id });
    expect(log.some((e) => e.action === 'copied_from' && (e.after as { from: number }).from === invoiced.number)).toBe(true);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('fills in the contact when the customer has exactly one, and keeps a Quote a quote but makes a Cash order Normal', async () => {
    const one = await w.t.ok('customers.create', { kind: 'business', name: 'Åsane Rør AS', orgNumber: '923609016', contacts: [{ name: 'Øystein Berg', phone: '91234567' }] });
    const quote = await w.t.ok('orders.create', { header: { customerId: one.id, orderType: 5, statusId: w.status('quote') }, lines: [{ productId: w.service, quantity: 1000 }] });
    expect(quote.contactId).toBeNull();
    const copy = await w.t.ok('orders.copy', { id: quote.id });
    expect(copy.contactId).toBe(one.contacts[0]!.id);
    expect(copy.orderType).toBe(5);

    const cash = await w.t.ok('orders.create', {
      header: { customerId: w.customer, orderType: 3, statusId: w.status('confirmed') },
      lines: [{ productId: w.bread, quantity: 1000 }],
      payment: { method: 'cash', receivedOre: 10000 },
    });
    const normal = await w.t.ok('orders.copy', { id: cash.id });
    expect(normal.orderType).toBe(1);
    expect(normal.invoiceIds).toEqual([]);
  });

  it('refuses an unknown order and leaves the database unchanged', async () => {
    const before = w.t.engine.fingerprint();
    expect((await w.t.refused('orders.copy', { id: 4242 })).code).toBe('not_found');
    expect(w.t.engine.fingerprint()).toEqual(before);
  });

  it('a copy counts: the order number series moves on by one, and the source is unchanged', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 1000]]);
    const rows = async () => queryFile<{ n: number }>(w.t.file, 'SELECT count(*) AS n FROM order_header');
    const n = (await rows())[0]!.n;
    await w.t.ok('orders.copy', { id: o.id });
    expect((await rows())[0]!.n).toBe(n + 1);
    const again = await w.t.ok('orders.get', { id: o.id });
    expect(again.version).toBe(o.version);
  });
});
