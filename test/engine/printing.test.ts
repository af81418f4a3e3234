// Issue 10, items 4, 5, 12 and 13, in the engine: picking lists only for
// orders that can be picked (a draft with nothing reserved is refused with its
// reason, alone and in a batch); a batch's lists as one PDF with every page;
// documents in the customer's language unless another is asked for; the GS1
// prefix and carrier read from the company settings; a cash sale's receipt and
// documents allowed by the engine's rule; bad input changing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPANY } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';
import { pdfPages, pdfText } from '../documents/helpers';

let w: SalesWorld;
beforeEach(async () => {
  w = await salesWorld();
});
afterEach(() => w.t.close());

const pdf = (base64: string) => Buffer.from(base64, 'base64');

describe('picking lists only for orders that can be picked (item 5)', () => {
  it('a draft with nothing reserved is refused with its reason in Norwegian; once confirmed it prints', async () => {
    const draft = await w.order(1, 'draft', [[w.drill, 2_000]]);
    expect((await w.stock(w.drill)).reserved).toBe(0);
    const e = await w.t.refused('documents.render', { kind: 'picking_list', orderId: draft.id });
    expect(e.code).toBe('document_not_pickable');
    expect(e.message.nb).toBe(
      `Ordre ${draft.number} står i status Utkast og har ingenting reservert på lager. Plukkliste skrives først når ordren er bekreftet.`,
    );
    expect(e.message.en).toContain('nothing reserved');
    const availability = await w.t.ok('documents.availability', { orderId: draft.id });
    expect(availability.picking_list).toMatchObject({ available: false, reason: { code: 'document_not_pickable' } });

    const confirmed = await w.move(draft, 'confirmed');
    expect((await w.stock(w.drill)).reserved).toBe(2_000);
    const r = await w.t.ok('documents.render', { kind: 'picking_list', orderId: confirmed.id });
    expect(pdfText(pdf(r.pdfBase64))).toContain('PLUKKLISTE');
  });

  it('a batch prints the pickable orders and lists each refused one with its reason; nothing is archived for those', async () => {
    const pack1 = await w.order(1, 'pack', [[w.drill, 1_000]]);
    const draft = await w.order(1, 'draft', [[w.drill, 1_000]]);
    const pack2 = await w.order(1, 'confirmed', [[w.bread, 2_000]]);
    const direct = await w.order(2, 'confirmed', [[w.drill, 1_000]]);
    // Only a service to deliver: nothing for the warehouse to pick.
    const service = await w.order(1, 'pack', [[w.service, 1_000]]);
    const r = await w.t.ok('documents.renderPickingLists', { orderIds: [pack1.id, draft.id, pack2.id, direct.id, service.id] });
    expect(r.documents.map((d) => d.orderId)).toEqual([pack1.id, pack2.id]);
    expect(r.refused.map((x) => [x.orderId, x.code])).toEqual([
      [draft.id, 'document_not_pickable'],
      [direct.id, 'document_normal_only'],
      [service.id, 'document_nothing_to_pick'],
    ]);
    expect(r.refused[0]!.message.nb).toMatch(new RegExp(`^Ordre ${draft.number} står i status Utkast`));
    expect(await w.t.ok('documents.list', { orderId: draft.id })).toEqual([]);
    expect(await w.t.ok('documents.list', { orderId: direct.id })).toEqual([]);
  });

  it('the batch gives one combined PDF holding every page of every list, in order, exactly the archived pages', async () => {
    const orders = [];
    // One long list (several pages) among short ones.
    const lines: [number, number][] = [];
    for (let i = 0; i < 40; i++) {
      const p = await w.t.ok('products.create', { number: `P-${i}`, name: `Vare nummer ${i}`, unit: 'stk', priceOre: 1000, vatCode: '25', stockManaged: true, binLocation: `C-${i}` });
      await w.t.ok('stock.receive', { productId: p.id, quantity: 10_000, costOre: 500 });
      lines.push([p.id, 1_000]);
    }
    orders.push(await w.order(1, 'pack', [[w.drill, 1_000]]));
    orders.push(await w.order(1, 'pack', lines));
    orders.push(await w.order(1, 'pack', [[w.bread, 3_000]]));
    const batch = await w.t.ok('documents.renderPickingLists', { orderIds: orders.map((o) => o.id) });
    const archived = await Promise.all(batch.documents.map((d) => w.t.ok('documents.get', { id: d.documentId })));
    const pagesEach = archived.map((a) => a.document.pageCount);
    expect(pagesEach[1]).toBeGreaterThan(1);

    const combined = await w.t.ok('documents.combine', { documentIds: batch.documents.map((d) => d.documentId) });
    const bytes = pdf(combined.pdfBase64);
    const total = pagesEach.reduce((a, b) => a + b, 0);
    expect(combined.pageCount).toBe(total);
    expect(combined.documentCount).toBe(3);
    expect(pdfPages(bytes)).toBe(total);
    // Page by page the same text as the archived lists, in the order asked.
    const pages = pdfText(bytes).split('\f').filter((p) => p.trim());
    const expected = archived.flatMap((a) => pdfText(pdf(a.pdfBase64)).split('\f').filter((p) => p.trim()));
    expect(pages).toEqual(expected);
    expect(pages[0]).toContain(`${orders[0]!.number}`);
    expect(pages.at(-1)).toContain(`${orders[2]!.number}`);
  });
});

describe('the customer language (item 4)', () => {
  it('is nb unless set; documents are printed in it unless the clerk picks another', async () => {
    const norwegian = await w.t.ok('customers.get', { id: w.customer });
    expect(norwegian.language).toBe('nb');
    const english = await w.t.ok('customers.create', { kind: 'business', name: 'Fjord Events AS', orgNumber: '974760673', language: 'en' });
    expect(english.language).toBe('en');
    const order = await w.t.ok('orders.create', {
      header: { customerId: english.id, orderType: 1, statusId: w.status('confirmed') },
      lines: [{ productId: w.drill, quantity: 1_000 }],
    });
    expect((await w.t.ok('documents.printDefaults', { orderId: order.id })).language).toBe('en');
    const byDefault = await w.t.ok('documents.render', { kind: 'order_confirmation', orderId: order.id });
    expect(byDefault.document.language).toBe('en');
    expect(pdfText(pdf(byDefault.pdfBase64))).toContain('ORDER CONFIRMATION');
    const chosen = await w.t.ok('documents.render', { kind: 'order_confirmation', orderId: order.id, language: 'nb' });
    expect(chosen.document.language).toBe('nb');
    expect(pdfText(pdf(chosen.pdfBase64))).toContain('ORDREBEKREFTELSE');

    // Changed on the customer: the next document follows.
    await w.t.ok('customers.update', { id: english.id, kind: 'business', name: 'Fjord Events AS', orgNumber: '974760673', language: 'nb' });
    expect((await w.t.ok('documents.printDefaults', { orderId: order.id })).language).toBe('nb');
  });

  it('an unknown language is refused at its field and changes nothing', async () => {
    const before = w.t.engine.fingerprint();
    const e = await w.t.refused('customers.update', { id: w.customer, kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', language: 'de' });
    expect(e).toMatchObject({ code: 'invalid_choice', field: 'language' });
    expect(w.t.engine.fingerprint()).toEqual(before);
  });

  it('the invoice is printable from the order: the print defaults list it with the document it prints as', async () => {
    const order = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    const invoiced = await w.move(order, 'invoiced', { deliverRemaining: true });
    const defaults = await w.t.ok('documents.printDefaults', { orderId: invoiced.id });
    expect(defaults.invoices).toEqual([{ id: invoiced.invoiceIds[0], number: expect.any(Number), kind: 'invoice' }]);
    const availability = await w.t.ok('documents.availability', { orderId: invoiced.id });
    expect(availability.invoice.available).toBe(true);
    const first = await w.t.ok('documents.render', { kind: 'invoice', invoiceId: defaults.invoices[0]!.id });
    const again = await w.t.ok('documents.render', { kind: 'invoice', invoiceId: defaults.invoices[0]!.id });
    expect(again.reprint).toBe(true);
    expect(again.document.id).toBe(first.document.id);
  });
});

describe('a cash sale (item 12)', () => {
  it('the receipt is what a cash order prints once paid: the engine allows it and lists it; the invoice and warehouse documents are not', async () => {
    const cash = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.bread, quantity: 3_000 }],
      payment: { method: 'cash', receivedOre: 20000 },
    });
    const availability = await w.t.ok('documents.availability', { orderId: cash.id });
    expect(availability.cash_receipt).toEqual({ available: true, reason: null });
    expect(availability.invoice.reason?.code).toBe('document_use_receipt');
    expect(availability.picking_list.available).toBe(false);
    const defaults = await w.t.ok('documents.printDefaults', { orderId: cash.id });
    expect(defaults.invoices.map((i) => i.kind)).toEqual(['cash_receipt']);
    const receipt = await w.t.ok('documents.render', { kind: 'cash_receipt', invoiceId: defaults.invoices[0]!.id });
    const text = pdfText(pdf(receipt.pdfBase64));
    expect(text).toContain('KVITTERING');
    expect(text).toContain('Kontant');
    expect(text).toContain('Øreavrunding');
    expect(text).toContain('kr 200,00');
  });
});

describe('waybill settings (item 13)', () => {
  const company = (extra: Record<string, unknown>) => ({ ...COMPANY, ...extra });

  it('the GS1 prefix and carrier are company settings the waybill reads; the carrier can be changed for one shipment; weights per parcel', async () => {
    await w.t.ok('company.save', company({ gs1CompanyPrefix: '7080001', defaultCarrier: 'Bring Cargo' }));
    const saved = await w.t.ok('company.get', {});
    expect(saved).toMatchObject({ gs1CompanyPrefix: '7080001', defaultCarrier: 'Bring Cargo' });
    const order = await w.order(1, 'pack', [[w.drill, 2_000]]);
    expect(await w.t.ok('documents.printDefaults', { orderId: order.id })).toMatchObject({ gs1CompanyPrefix: '7080001', carrier: 'Bring Cargo' });

    const r = await w.t.ok('documents.render', { kind: 'waybill', orderId: order.id, waybill: { parcels: [{ weightGrams: 12_500 }, { weightGrams: 3_250 }] } });
    expect(r.document.sscc).toHaveLength(2);
    for (const sscc of r.document.sscc) expect(sscc).toMatch(/^07080001\d{10}$/);
    const text = pdfText(pdf(r.pdfBase64));
    expect(text).toContain('Bring Cargo');
    expect(text).toMatch(/12,5/);
    expect(text).toMatch(/3,25/);
    expect(text).toMatch(/15,75/);

    const other = await w.t.ok('documents.render', {
      kind: 'waybill',
      orderId: order.id,
      waybill: { parcels: [{ weightGrams: 1_000 }], carrier: 'PostNord' },
    });
    const otherText = pdfText(pdf(other.pdfBase64));
    expect(otherText).toContain('PostNord');
    expect(otherText).not.toContain('Bring Cargo');
  });

  it('without a prefix in the settings the waybill is refused, saying where to set it; nothing is archived', async () => {
    const order = await w.order(1, 'pack', [[w.drill, 1_000]]);
    const before = w.t.engine.fingerprint();
    const e = await w.t.refused('documents.render', { kind: 'waybill', orderId: order.id, waybill: { parcels: [{ weightGrams: 1_000 }] } });
    expect(e).toMatchObject({ code: 'gs1_prefix_missing', field: 'waybill.companyPrefix' });
    expect(e.message.nb).toContain('Innstillinger');
    expect(w.t.engine.fingerprint()).toEqual(before);
  });

  it('a GS1 prefix that is not 7–10 digits is refused at its field, in Norwegian, and the settings stay as they were', async () => {
    await w.t.ok('company.save', company({ gs1CompanyPrefix: '7080001' }));
    for (const bad of ['70800', '70800011234', '70A0001']) {
      const before = w.t.engine.fingerprint();
      const e = await w.t.refused('company.save', company({ gs1CompanyPrefix: bad }));
      expect(e).toMatchObject({ code: 'invalid_gs1_prefix', field: 'gs1CompanyPrefix' });
      expect(e.message.nb).toContain('7 til 10 sifre');
      expect(w.t.engine.fingerprint()).toEqual(before);
    }
    expect((await w.t.ok('company.get', {}))?.gs1CompanyPrefix).toBe('7080001');
  });

  it('a parcel without weight is refused at that parcel, and nothing is archived', async () => {
    await w.t.ok('company.save', company({ gs1CompanyPrefix: '7080001' }));
    const order = await w.order(1, 'pack', [[w.drill, 1_000]]);
    const before = w.t.engine.fingerprint();
    const e = await w.t.refused('documents.render', {
      kind: 'waybill',
      orderId: order.id,
      waybill: { parcels: [{ weightGrams: 1_000 }, { weightGrams: 0 }] },
    });
    expect(e).toMatchObject({ code: 'too_small', field: 'waybill.parcels.1.weightGrams' });
    expect(w.t.engine.fingerprint()).toEqual(before);
  });
});
