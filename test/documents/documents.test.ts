// SPEC 7 and 9: each document rendered through the real channels to a real
// PDF, then read back: its words with pdftotext (numbers, totals per VAT rate,
// the KID and its check digit, the seller's organisation number with MVA) and
// its barcodes from a 200 dpi page with zbarimg (order number, EANs, SSCCs).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import { isValidKidMod10, kidMod10CheckDigit } from '../../shared/checks';
import { isValidSscc } from '../../src-main/engine/documents/barcodes';
import { amt, barcodesOnPage, documentsWorld, keep, pdfPages, pdfText, type DocumentsWorld } from './helpers';

let w: DocumentsWorld;
beforeEach(async () => {
  w = await documentsWorld();
});
afterEach(() => w.t.close());

const SELLER_ORG = 'Org.nr. 923 609 016 MVA';

/** A Normal order in Pack with goods at 25 %, 15 % and 0 % and a service. */
async function packOrder(extra: Record<string, unknown> = {}): Promise<Order> {
  return w.t.ok('orders.create', {
    header: { customerId: w.customer, orderType: 1, statusId: w.status('pack'), customerReference: 'Per Hansen', ourReference: 'Kari Lager', deliveryDate: '2025-01-10', ...extra },
    lines: [
      { productId: w.screws, quantity: 4_000 },
      { productId: w.coffee, quantity: 6_000 },
      { productId: w.hammer, quantity: 2_000, discountBp: 1000 },
      { productId: w.book, quantity: 1_000 },
      { productId: w.service, quantity: 1_500 },
      { productId: w.bread, quantity: 3_000 },
    ],
  });
}

function expectVatRows(text: string, byRate: readonly { rateBp: number; baseOre: number; vatOre: number; totalOre: number }[]) {
  for (const r of byRate) {
    // pdftotext sometimes drops the no-break space in "0 %".
    const row = new RegExp(`${r.rateBp / 100} ?% ${amt(r.baseOre)} ${amt(r.vatOre)} ${amt(r.totalOre)}`);
    expect(text, `VAT row ${r.rateBp / 100} %`).toMatch(row);
  }
}

describe('quote / inquiry', () => {
  it('prints a quote for order type 5 with prices, VAT per rate and how long it holds, in nb and en', async () => {
    const quote = await w.t.ok('orders.create', {
      header: { customerId: w.customer, orderType: 5, statusId: w.status('quote'), customerReference: 'Anbud 7' },
      lines: [{ productId: w.hammer, quantity: 10_000 }, { productId: w.coffee, quantity: 2_000 }],
    });
    const nb = await w.render({ kind: 'quote', orderId: quote.id, language: 'nb' });
    keep('quote-nb', nb.pdf);
    const text = pdfText(nb.pdf);
    expect(text).toContain('TILBUD');
    expect(text).toMatch(new RegExp(`Tilbudsnr\\. ${quote.number}`));
    expect(text).toContain('Gyldig til 04.02.2025');
    expect(text).toContain(SELLER_ORG);
    expect(text).toContain('Org.nr. 974 760 673');
    expect(text).toContain('Snekkerhammer 450 g');
    expectVatRows(text, quote.totals.byRate);
    expect(text).toContain(`Sum (NOK) ${amt(quote.totals.grossOre)}`);
    expect(text).toContain('Side 1 av 1');

    const en = await w.render({ kind: 'quote', orderId: quote.id, language: 'en' });
    keep('quote-en', en.pdf);
    const enText = pdfText(en.pdf);
    expect(enText).toContain('QUOTE');
    expect(enText).toContain('Valid until 04.02.2025');
    expect(enText).toContain('Page 1 of 1');
    expect(en.document.id).not.toBe(nb.document.id);
  });

  it('refuses an order that is neither type 5 nor in status Quote, naming the rule', async () => {
    const o = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    const e = await w.t.refused('documents.render', { kind: 'quote', orderId: o.id });
    expect(e.code).toBe('document_not_a_quote');
    expect(e.message.nb).toContain(String(o.number));
  });
});

describe('order confirmation', () => {
  it('prints lines, delivery date, terms and VAT per rate for a Normal order', async () => {
    const o = await w.t.ok('orders.create', {
      header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed'), deliveryDate: '2025-01-15', customerReference: 'Per Hansen' },
      lines: [{ productId: w.screws, quantity: 3_000 }, { productId: w.coffee, quantity: 1_000 }, { productId: w.book, quantity: 2_000 }],
    });
    const r = await w.render({ kind: 'order_confirmation', orderId: o.id });
    keep('order-confirmation-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('ORDREBEKREFTELSE');
    expect(text).toContain(`Ordrenr. ${o.number}`);
    expect(text).toContain('Leveringsdato 15.01.2025');
    expect(text).toContain('14 dager netto');
    expect(text).toContain(SELLER_ORG);
    expect(text).toContain(`SKR-4x40 Treskruer 4×40 mm, 200 stk 3 pk ${amt(12950)}`);
    expectVatRows(text, o.totals.byRate);
    expect(r.document).toMatchObject({ kind: 'order_confirmation', number: o.number, orderId: o.id, language: 'nb', pageCount: 1 });
  });

  it('is refused for every order type but Normal, with the reason', async () => {
    const direct = await w.order(2, 'confirmed', [[w.drill, 1_000]]);
    const e = await w.t.refused('documents.render', { kind: 'order_confirmation', orderId: direct.id });
    expect(e.code).toBe('document_normal_only');
    expect(e.message.nb).toContain('ordretype 1 Normal');
    expect(e.message.nb).toContain('2 Direkte');
  });
});

describe('picking list', () => {
  it('lists what remains to deliver sorted by bin, with a box to tick, the order number as Code 128 and each EAN-13', async () => {
    const o = await packOrder();
    const r = await w.render({ kind: 'picking_list', orderId: o.id });
    keep('picking-list-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('PLUKKLISTE');
    // A-01 (drill bin is not on this order), A-2, A-10, B-02, B-1, C-01: natural order, "A-2" before "A-10"; the service is not picked.
    const order = ['A-2', 'A-10', 'B-1', 'B-02', 'C-01'].map((bin) => text.indexOf(` ${bin} `));
    expect(order.every((pos) => pos > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Montering');
    expect(text).toMatch(/A-10 SKR-4x40 Treskruer 4×40 mm, 200 stk .*4 pk/);

    const codes = barcodesOnPage(r.pdf);
    expect(codes).toContain(`CODE-128:${o.number}`);
    for (const ean of Object.values(w.eans)) expect(codes).toContain(`EAN-13:${ean}`);
    // Bread has no EAN: four EANs and one Code 128.
    expect(codes).toHaveLength(5);
  });

  it('after a partial delivery lists only what is left to pick', async () => {
    let o = await packOrder();
    const screws = o.lines.find((l) => l.productId === w.screws)!;
    const coffee = o.lines.find((l) => l.productId === w.coffee)!;
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: screws.id, quantity: 4_000 }, { lineId: coffee.id, quantity: 2_000 }] });
    const text = pdfText((await w.render({ kind: 'picking_list', orderId: o.id })).pdf);
    expect(text).not.toContain('SKR-4x40');
    expect(text).toMatch(/C-01 KAF-500 Kaffe filtermalt 500 g .*4 stk/);
  });

  it('is refused for Direct and Cash orders and for an order with nothing left to pick', async () => {
    const direct = await w.order(2, 'confirmed', [[w.drill, 1_000]]);
    expect((await w.t.refused('documents.render', { kind: 'picking_list', orderId: direct.id })).code).toBe('document_normal_only');
    const shipped = await w.move(await w.order(1, 'pack', [[w.drill, 1_000]]), 'shipped', { deliverRemaining: true });
    expect((await w.t.refused('documents.render', { kind: 'picking_list', orderId: shipped.id })).code).toBe('document_nothing_to_pick');
  });

  it('runs onto several pages with the table header repeated and "Side n av N" on each', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({ productId: [w.hammer, w.screws, w.coffee, w.book][i % 4]!, quantity: 1_000 }));
    const o = await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 1, statusId: w.status('pack') }, lines });
    const r = await w.render({ kind: 'picking_list', orderId: o.id });
    keep('picking-list-long', r.pdf);
    const pages = pdfPages(r.pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(r.document.pageCount).toBe(pages);
    const text = pdfText(r.pdf);
    const perPage = text.split('\f').filter((p) => p.trim().length > 0);
    expect(perPage).toHaveLength(pages);
    perPage.forEach((page, i) => {
      expect(page).toContain(`Side ${i + 1} av ${pages}`);
      expect(page).toMatch(/Lokasjon Varenr\. Beskrivelse EAN Å plukke Enhet/);
      if (i > 0) expect(page).toContain(`Plukkliste ordrenr. ${o.number} (forts.)`);
    });
    // zbarimg reports each distinct code once per page; over all pages every EAN is found.
    const found = new Set(Array.from({ length: pages }, (_, i) => barcodesOnPage(r.pdf, i + 1)).flat());
    expect([...found].filter((c) => c.startsWith('EAN-13:')).sort()).toEqual(Object.values(w.eans).map((e) => `EAN-13:${e}`).sort());
  });
});

describe('packing slip', () => {
  it('shows what one delivery contains and what remains on backorder', async () => {
    let o = await packOrder();
    const screws = o.lines.find((l) => l.productId === w.screws)!;
    const coffee = o.lines.find((l) => l.productId === w.coffee)!;
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: screws.id, quantity: 4_000 }, { lineId: coffee.id, quantity: 2_000 }] });
    const first = await w.render({ kind: 'packing_slip', orderId: o.id });
    keep('packing-slip-nb', first.pdf);
    const text = pdfText(first.pdf);
    expect(text).toContain('PAKKSEDDEL');
    expect(text).toContain('Levering nr. 1');
    expect(text).toMatch(/SKR-4x40 Treskruer 4×40 mm, 200 stk 4 4 0 pk/);
    expect(text).toMatch(/KAF-500 Kaffe filtermalt 500 g 6 2 4 stk/);
    expect(text).toContain('Restordre: leveres senere');
    expect(text).toMatch(/HAM-450 Snekkerhammer 450 g 2 2 stk/);
    expect(barcodesOnPage(first.pdf)).toEqual([`CODE-128:${o.number}`]);

    // The second delivery: the rest of the coffee, the hammer closed short.
    const hammer = o.lines.find((l) => l.productId === w.hammer)!;
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: coffee.id, quantity: 4_000 }], closeShort: [hammer.id] });
    const second = pdfText((await w.render({ kind: 'packing_slip', orderId: o.id })).pdf);
    expect(second).toContain('Levering nr. 2');
    expect(second).toMatch(/KAF-500 Kaffe filtermalt 500 g 6 2 4 0 stk/);
    expect(second).not.toMatch(/SKR-4x40/);
    // The first delivery's slip is still there, as it was.
    const again = await w.render({ kind: 'packing_slip', orderId: o.id, deliveryId: first.document.deliveryId! });
    expect(again.pdfBase64).toBe(first.pdfBase64);
    expect(again.reprint).toBe(true);
  });

  it('is refused before anything is delivered, and for an unknown delivery', async () => {
    const o = await packOrder();
    expect((await w.t.refused('documents.render', { kind: 'packing_slip', orderId: o.id })).code).toBe('document_no_delivery');
  });
});

describe('waybill', () => {
  it('prints sender, receiver, parcels, weight and a GS1-128 SSCC per parcel with a valid check digit', async () => {
    const o = await packOrder();
    const r = await w.render({
      kind: 'waybill',
      orderId: o.id,
      waybill: { companyPrefix: '7012345', extensionDigit: 3, carrier: 'Bring Cargo', parcels: [{ weightGrams: 12_500 }, { weightGrams: 4_250 }, { weightGrams: 800 }] },
    });
    keep('waybill-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('FRAKTBREV');
    expect(text).toContain('AVSENDER');
    expect(text).toContain('MOTTAKER');
    expect(text).toContain('Bergen Bygg AS');
    expect(text).toContain('Antall kolli 3');
    expect(text).toContain('Total vekt 17,55 kg');
    expect(text).toContain('Transportør Bring Cargo');
    expect(r.document.sscc).toHaveLength(3);
    for (const [i, sscc] of r.document.sscc.entries()) {
      expect(isValidSscc(sscc)).toBe(true);
      expect(sscc.startsWith('37012345')).toBe(true);
      expect(sscc.slice(8, 17)).toBe(String(i + 1).padStart(9, '0'));
      expect(text).toContain(`(00) 3 7012345 ${sscc.slice(8, 17)} ${sscc[17]}`);
    }
    const codes = barcodesOnPage(r.pdf);
    for (const sscc of r.document.sscc) expect(codes).toContain(`CODE-128:00${sscc}`);
    expect(codes).toContain(`CODE-128:${o.number}`);

    // The next waybill's parcels get new SSCCs: an SSCC names one parcel for ever.
    const next = await w.render({ kind: 'waybill', orderId: o.id, waybill: { companyPrefix: '7012345', parcels: [{ weightGrams: 1000 }] } });
    expect(next.document.sscc[0]!.slice(8, 17)).toBe('000000004');
  });

  it('is refused for a Cash order', async () => {
    const cash = await w.t.ok('orders.create', {
      header: { customerId: w.customer, orderType: 3 },
      lines: [{ productId: w.coffee, quantity: 1_000 }],
      payment: { method: 'cash', receivedOre: 20000 },
    });
    const e = await w.t.refused('documents.render', { kind: 'waybill', orderId: cash.id, waybill: { companyPrefix: '7012345', parcels: [{ weightGrams: 1 }] } });
    expect(e.code).toBe('document_normal_only');
  });
});

describe('invoice', () => {
  it('prints zero-rated and outside-the-VAT-act sales as two rows of the VAT table: 0 % and Utenfor (SPEC 9)', async () => {
    const giftCard = (await w.t.ok('products.create', { number: 'GAVE-1', name: 'Gavekort 500 kr', unit: 'stk', priceOre: 50_000, vatCode: 'outside', stockManaged: false })).id;
    const o = await w.order(1, 'confirmed', [
      [w.book, 1_000],
      [giftCard, 2_000],
    ]);
    const invoiced = await w.move(o, 'invoiced', { deliverRemaining: true });
    const invoice = await w.t.ok('invoices.get', { id: invoiced.invoiceIds[0]! });
    expect(invoice.byRate.map((r) => r.vatCode)).toEqual(['0', 'outside']);
    const r = await w.render({ kind: 'invoice', invoiceId: invoice.id });
    keep('invoice-outside-vat', r.pdf);
    const text = pdfText(r.pdf);
    const [zero, outside] = invoice.byRate;
    expect(text).toMatch(new RegExp(`0 ?% ${amt(zero!.baseOre)} ${amt(0)} ${amt(zero!.totalOre)}`));
    expect(text).toMatch(new RegExp(`Utenfor ${amt(outside!.baseOre)} ${amt(0)} ${amt(outside!.totalOre)}`));
    expect(text).toMatch(/GAVE-1 Gavekort 500 kr 2 stk 500,00 0 ?% 1 000,00/);
  });

  it('carries the Norwegian particulars: number, dates, both parties, seller org. no. with MVA, VAT per rate, due date, account and KID', async () => {
    const o = await packOrder();
    const invoiced = await w.move(o, 'invoiced', { deliverRemaining: true });
    const invoice = await w.t.ok('invoices.get', { id: invoiced.invoiceIds[0]! });
    const r = await w.render({ kind: 'invoice', invoiceId: invoice.id });
    keep('invoice-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('FAKTURA');
    expect(text).toContain(`Fakturanr. ${invoice.number}`);
    expect(text).toContain('Fakturadato 05.01.2025');
    expect(text).toContain('Forfallsdato 19.01.2025');
    expect(text).toContain('Leveringsdato 05.01.2025');
    expect(text).toContain('Leveringssted Sandbrogaten 5, 5003');
    expect(text).toContain(SELLER_ORG);
    expect(text).toContain('Foretaksregisteret');
    expect(text).toContain('Bergen Bygg AS');
    expect(text).toContain('Org.nr. 974 760 673');
    expect(text).toContain('Kontonummer 1503.12.34562');
    // Goods and quantities, with the discount.
    expect(text).toMatch(/HAM-450 Snekkerhammer 450 g 2 stk 349,00 10 % 25 % 628,20/);
    expectVatRows(text, invoice.byRate);
    expect(invoice.byRate.map((r) => r.rateBp)).toEqual([2500, 1500, 0]);
    expect(text).toContain(`Å betale (NOK) ${amt(invoice.payableOre)}`);
    // KID: printed, valid MOD10, its check digit the one the body gives.
    const kid = invoice.kid!;
    expect(isValidKidMod10(kid)).toBe(true);
    expect(kid.slice(-1)).toBe(kidMod10CheckDigit(kid.slice(0, -1)));
    expect(text).toContain(`KID ${kid}`);
    expect(text).toContain('Betalingsinformasjon');
    // Not rounded: invoices are paid electronically.
    expect(text).not.toContain('Øreavrunding');
    expect(r.document).toMatchObject({ kind: 'invoice', number: invoice.number, invoiceId: invoice.id, orderId: null });
  });

  it('in English', async () => {
    const inv = await w.move(await packOrder(), 'invoiced', { deliverRemaining: true });
    const text = pdfText((await w.render({ kind: 'invoice', invoiceId: inv.invoiceIds[0]!, language: 'en' })).pdf);
    expect(text).toContain('INVOICE');
    expect(text).toContain('Due date 19.01.2025');
    expect(text).toContain(SELLER_ORG);
    expect(text).toContain('Amount due (NOK)');
  });

  it('a seller that is not VAT registered prints no MVA after its organisation number and no VAT', async () => {
    const w2 = await documentsWorld({ company: { vatRegistered: false } });
    try {
      const o = await w2.t.ok('orders.create', { header: { customerId: w2.customer, orderType: 1, statusId: w2.status('pack') }, lines: [{ productId: w2.hammer, quantity: 1_000 }] });
      const inv = await w2.move(o, 'invoiced', { deliverRemaining: true });
      const text = pdfText((await w2.render({ kind: 'invoice', invoiceId: inv.invoiceIds[0]! })).pdf);
      expect(text).toContain('Org.nr. 923 609 016');
      expect(text).not.toContain('923 609 016 MVA');
      expect(text).toContain('Selger er ikke registrert i Merverdiavgiftsregisteret.');
      expect(text).toContain('Å betale (NOK) 349,00');
    } finally {
      w2.t.close();
    }
  });
});

describe('credit note', () => {
  it('refers to its invoice by number and date, with negative amounts and VAT per rate', async () => {
    const inv = await w.move(await packOrder(), 'invoiced', { deliverRemaining: true });
    const invoice = await w.t.ok('invoices.get', { id: inv.invoiceIds[0]! });
    const line = invoice.lines.find((l) => l.description.startsWith('Treskruer'))!;
    const note = await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: line.id, quantity: 1_000 }], returnToStock: true });
    const r = await w.render({ kind: 'credit_note', invoiceId: note.id });
    keep('credit-note-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('KREDITNOTA');
    expect(text).toContain(`Kreditnotanr. ${note.number}`);
    expect(text).toContain(`Kreditnota for faktura nr. ${invoice.number} datert 05.01.2025.`);
    expect(text).toContain(`Krediterer faktura ${invoice.number} (05.01.2025)`);
    expect(text).toContain(SELLER_ORG);
    expect(text).toContain(`-1 pk ${amt(12950)}`);
    expectVatRows(text, note.byRate);
    expect(text).toContain(`Sum kreditnota (NOK) ${amt(note.payableOre)}`);
    expect(note.payableOre).toBe(-16188);

    // A credit note is not an invoice, and the other way round.
    expect((await w.t.refused('documents.render', { kind: 'invoice', invoiceId: note.id })).code).toBe('document_wrong_invoice_kind');
    expect((await w.t.refused('documents.render', { kind: 'credit_note', invoiceId: invoice.id })).code).toBe('document_wrong_invoice_kind');
  });
});

describe('cash receipt', () => {
  it('shows the rounding to whole kroner as its own line and the payment with its change', async () => {
    // 3 × 89,90 at 15 % = 310,16: rounded to 310,00, rounding −0,16.
    const cash = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.coffee, quantity: 3_000 }],
      payment: { method: 'cash', receivedOre: 50000 },
    });
    const invoice = await w.t.ok('invoices.get', { id: cash.invoiceIds[0]! });
    expect(invoice.roundingOre).toBe(-16);
    const r = await w.render({ kind: 'cash_receipt', invoiceId: invoice.id });
    keep('cash-receipt-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('KVITTERING');
    expect(text).toContain(`Kvitteringsnr. ${invoice.number}`);
    expect(text).toContain(SELLER_ORG);
    expect(text).toContain('Sum inkl. MVA 310,16');
    expect(text).toContain('Øreavrunding -0,16');
    expect(text).toContain('Å betale (NOK) 310,00');
    expect(text).toContain('Kontant');
    expect(text).toContain('kr 500,00');
    expect(text).toContain('kr 190,00');
    expectVatRows(text, invoice.byRate);
    // A cash sale prints as a receipt; an invoice of a Normal order is not one.
    expect((await w.t.refused('documents.render', { kind: 'invoice', invoiceId: invoice.id })).code).toBe('document_wrong_invoice_kind');
  });
});
