// SPEC 7, 9: every issued document is archived with its order exactly as
// issued and written to the activity log; a reprint returns the archived
// bytes; later changes (prices, addresses) never change an archived document;
// the archive is append-only; the same input gives the same bytes.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/engine/db/connection';
import { commonParts, orderDocumentModel } from '../../src-main/engine/documents/build';
import { encodeRgbPng } from '../../src-main/engine/documents/logo';
import { renderDocument } from '../../src-main/engine/documents/render';
import { getOrder } from '../../src-main/engine/repos/orders';
import { COMPANY } from '../helpers/engine';
import { documentsWorld, keep, pdfText, readAsset, type DocumentsWorld } from './helpers';

let w: DocumentsWorld;
beforeEach(async () => {
  w = await documentsWorld();
});
afterEach(() => w.t.close());

async function setPrice(productId: number, priceOre: number) {
  const { updatedAt: _updatedAt, ...product } = await w.t.ok('products.get', { id: productId });
  await w.t.ok('products.update', { ...product, priceOre });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function confirmedOrder() {
  return w.t.ok('orders.create', {
    header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') },
    lines: [{ productId: w.hammer, quantity: 2_000 }, { productId: w.coffee, quantity: 1_000 }],
  });
}

describe('archived as issued', () => {
  it('a document archived before a price change is unchanged after it; printing again issues a new one beside it', async () => {
    const o = await confirmedOrder();
    const issued = await w.render({ kind: 'order_confirmation', orderId: o.id });
    expect(issued.reprint).toBe(false);
    expect(issued.document.sha256).toBe(sha256(issued.pdf));
    expect(pdfText(issued.pdf)).toContain('349,00');

    // The price changes: on the product, and on the order's line.
    await setPrice(w.hammer, 39900);
    const line = o.lines.find((l) => l.productId === w.hammer)!;
    const changed = await w.t.ok('orders.updateLine', { orderId: o.id, version: o.version, lineId: line.id, changes: { unitPriceOre: 39900 } });
    expect(changed.lines.find((l) => l.id === line.id)!.unitPriceOre).toBe(39900);

    const archived = await w.t.ok('documents.get', { id: issued.document.id });
    const bytes = Buffer.from(archived.pdfBase64, 'base64');
    expect(bytes.equals(issued.pdf)).toBe(true);
    expect(sha256(bytes)).toBe(issued.document.sha256);
    expect(archived.document).toEqual(issued.document);

    const reissued = await w.render({ kind: 'order_confirmation', orderId: o.id });
    expect(reissued.reprint).toBe(false);
    expect(reissued.document.id).not.toBe(issued.document.id);
    expect(pdfText(reissued.pdf)).toContain('399,00');
    const list = await w.t.ok('documents.list', { orderId: o.id });
    expect(list.map((d) => d.id)).toEqual([reissued.document.id, issued.document.id]);
  });

  it('an invoice is issued once: after price and address changes it still prints the archived bytes', async () => {
    const inv = await w.move(await confirmedOrder(), 'invoiced', { deliverRemaining: true });
    const first = await w.render({ kind: 'invoice', invoiceId: inv.invoiceIds[0]! });
    await w.t.ok('company.save', { ...COMPANY, addressLine1: 'Nye Sandviksveien 1' });
    await setPrice(w.hammer, 1);
    const again = await w.render({ kind: 'invoice', invoiceId: inv.invoiceIds[0]! });
    expect(again.reprint).toBe(true);
    expect(again.document.id).toBe(first.document.id);
    expect(again.pdf.equals(first.pdf)).toBe(true);
    expect(pdfText(again.pdf)).toContain('Havnegata 12');
  });

  it('printing an unchanged order document again is a reprint of the archived bytes, and both prints are in the activity log', async () => {
    const o = await confirmedOrder();
    const first = await w.render({ kind: 'order_confirmation', orderId: o.id });
    const second = await w.render({ kind: 'order_confirmation', orderId: o.id });
    expect(second).toMatchObject({ reprint: true, document: { id: first.document.id } });
    expect(second.pdf.equals(first.pdf)).toBe(true);
    const log = await w.t.ok('activity.list', { entity: 'order', entityId: o.id });
    const docs = log.filter((e) => e.action.startsWith('document_'));
    expect(docs.map((e) => e.action)).toEqual(['document_reprinted', 'document_issued']);
    expect(docs[1]!.after).toMatchObject({ documentId: first.document.id, kind: 'order_confirmation', sha256: first.document.sha256, number: o.number });
  });

  it('invoice documents are logged on the invoice and on each of its orders', async () => {
    const inv = await w.move(await confirmedOrder(), 'invoiced', { deliverRemaining: true });
    const r = await w.render({ kind: 'invoice', invoiceId: inv.invoiceIds[0]! });
    const onInvoice = await w.t.ok('activity.list', { entity: 'invoice', entityId: inv.invoiceIds[0]! });
    const onOrder = await w.t.ok('activity.list', { entity: 'order', entityId: inv.id });
    expect(onInvoice.find((e) => e.action === 'document_issued')?.after).toMatchObject({ documentId: r.document.id });
    expect(onOrder.find((e) => e.action === 'document_issued')?.after).toMatchObject({ documentId: r.document.id });
    expect((await w.t.ok('documents.list', { orderId: inv.id })).map((d) => d.id)).toEqual([r.document.id]);
  });

  it('the archive is append-only: the database refuses to change or delete a document, its bytes or its SSCCs', async () => {
    const o = await confirmedOrder();
    const r = await w.render({ kind: 'waybill', orderId: o.id, waybill: { companyPrefix: '7012345', parcels: [{ weightGrams: 500 }] } });
    const db = openDatabase(w.t.file);
    try {
      expect(() => db.prepare('UPDATE document SET number = 1 WHERE id = ?').run(r.document.id)).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM document WHERE id = ?').run(r.document.id)).toThrow(/cannot be deleted/);
      expect(() => db.prepare("UPDATE document_pdf SET pdf = x'00' WHERE document_id = ?").run(r.document.id)).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM document_pdf').run()).toThrow(/cannot be deleted/);
      expect(() => db.prepare("UPDATE document_sscc SET sscc = '000000000000000000'").run()).toThrow(/cannot be changed/);
    } finally {
      db.close();
    }
  });

  it("a document outlives its order: a printed quote's archive stays when the quote is deleted", async () => {
    const quote = await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 5, statusId: w.status('quote') }, lines: [{ productId: w.book, quantity: 1_000 }] });
    const r = await w.render({ kind: 'quote', orderId: quote.id });
    await w.t.ok('orders.delete', { id: quote.id, version: quote.version });
    const kept = await w.t.ok('documents.get', { id: r.document.id });
    expect(kept.pdfBase64).toBe(r.pdfBase64);
    expect((await w.t.ok('documents.list', { orderId: quote.id })).map((d) => d.id)).toEqual([r.document.id]);
  });
});

describe('deterministic PDFs', () => {
  it('the same model gives the same bytes, dated at its issue time', async () => {
    const o = await confirmedOrder();
    const db = openDatabase(w.t.file, { readonly: true });
    try {
      const common = commonParts(db);
      const order = getOrder(db, o.id, { vatRegistered: true })!;
      const model = orderDocumentModel(db, common, order, 'order_confirmation', { language: 'nb', issuedAt: '2025-01-05T09:00:00.000Z' });
      const a = renderDocument(model).bytes;
      const b = renderDocument(model).bytes;
      expect(a.equals(b)).toBe(true);
      const later = renderDocument({ ...model, issuedAt: '2025-02-01T09:00:00.000Z' }).bytes;
      expect(later.equals(a)).toBe(false);
      const info = spawnSync('pdfinfo', ['-isodates', '-'], { input: a, encoding: 'utf8' }).stdout;
      expect(info).toMatch(/CreationDate:\s+2025-01-05T09:00:00Z/);
      expect(info).toMatch(/Producer:\s+Ordrebok/);
    } finally {
      db.close();
    }
  });
});

describe('purchase order (template ready before purchasing exists)', () => {
  it('renders from an Order-shaped input (a sales order standing in for a purchase order)', async () => {
    const o = await confirmedOrder();
    const db = openDatabase(w.t.file, { readonly: true });
    try {
      const order = getOrder(db, o.id, { vatRegistered: true })!;
      const model = orderDocumentModel(db, commonParts(db), order, 'purchase_order', { language: 'nb', issuedAt: '2025-01-05T09:00:00.000Z' });
      const pdf = renderDocument(model).bytes;
      keep('purchase-order-nb', pdf);
      const text = pdfText(pdf);
      expect(text).toContain('INNKJØPSORDRE');
      expect(text).toContain(`Innkjøpsordrenr. ${o.number}`);
      expect(text).toContain('LEVERANDØR');
      expect(text).toContain('LEVERINGSADRESSE');
      expect(text).toContain('Org.nr. 923 609 016 MVA');
      expect(text).toMatch(/HAM-450 Snekkerhammer 450 g 2 stk 349,00 25 % 698,00/);
      // The same stand-in as an inquiry (a purchase quote): no prices.
      const inquiry = renderDocument({ ...model, kind: 'quote', order: { ...model.order, transactionType: 'purchase' } }).bytes;
      const inquiryText = pdfText(inquiry);
      expect(inquiryText).toContain('FORESPØRSEL');
      expect(inquiryText).not.toContain('349,00');
    } finally {
      db.close();
    }
  });

  it('renders a real purchase order: the supplier as receiver, our address as delivery address, at purchase prices', async () => {
    const supplier = await w.t.ok('suppliers.create', {
      kind: 'business',
      name: 'Verktøygrossisten AS',
      orgNumber: '974760673',
      addressLine1: 'Industriveien 4',
      postalCode: '0581',
      city: 'Oslo',
    });
    const po = await w.t.ok('purchase.create', {
      header: { supplierId: supplier.id, supplierReference: 'Kari Lund', ourReference: 'Per Innkjøp', deliveryDate: '2025-01-20' },
      lines: [{ productId: w.hammer, quantity: 12_000, unitPriceOre: 15000 }],
    });
    const r = await w.t.ok('documents.render', { kind: 'purchase_order', orderId: po.id });
    expect(r.document).toMatchObject({ kind: 'purchase_order', orderId: po.id, number: po.number });
    const pdf = Buffer.from(r.pdfBase64, 'base64');
    keep('purchase-order-real-nb', pdf);
    const text = pdfText(pdf);
    expect(text).toContain(`Innkjøpsordrenr. ${po.number}`);
    expect(text).toContain('LEVERANDØR');
    expect(text).toContain('Verktøygrossisten AS');
    expect(text).toContain('Industriveien 4');
    expect(text).toContain('0581 Oslo');
    expect(text).toContain(String(supplier.number));
    expect(text).toContain('Kari Lund');
    expect(text).toMatch(/HAM-450 Snekkerhammer 450 g 12 stk 150,00 25 % 1 800,00/);
    // An inquiry (type 5) prints as an inquiry, not as an order; a Realized one prints nothing.
    const inquiry = await w.t.ok('purchase.create', { header: { supplierId: supplier.id, orderType: 5 }, lines: [{ productId: w.hammer, quantity: 1_000 }] });
    expect((await w.t.refused('documents.render', { kind: 'purchase_order', orderId: inquiry.id })).code).toBe('document_normal_only');
    expect(pdfText(Buffer.from((await w.t.ok('documents.render', { kind: 'quote', orderId: inquiry.id })).pdfBase64, 'base64'))).toContain('FORESPØRSEL');
  });

  it('the channel refuses a purchase order for a sales order, naming the rule', async () => {
    const o = await confirmedOrder();
    const e = await w.t.refused('documents.render', { kind: 'purchase_order', orderId: o.id });
    expect(e.code).toBe('document_purchase_only');
  });
});

describe('batch of picking lists', () => {
  it('archives one picking list per order and returns only their ids; the same batch again reprints', async () => {
    const orders = [];
    for (let i = 0; i < 40; i++) orders.push(await w.order(1, 'pack', [[w.hammer, 1_000], [w.coffee, ((i % 3) + 1) * 1_000]]));
    const first = await w.t.ok('documents.renderPickingLists', { orderIds: orders.map((o) => o.id) });
    expect(first.documents).toHaveLength(40);
    expect(first.documents.map((d) => d.orderId)).toEqual(orders.map((o) => o.id));
    expect(first.documents.every((d) => !d.reprint)).toBe(true);
    const one = await w.t.ok('documents.get', { id: first.documents[7]!.documentId });
    expect(one.document).toMatchObject({ kind: 'picking_list', orderId: orders[7]!.id, number: orders[7]!.number });
    expect(pdfText(Buffer.from(one.pdfBase64, 'base64'))).toMatch(/C-01 KAF-500 Kaffe filtermalt 500 g .*2 stk/);
    const again = await w.t.ok('documents.renderPickingLists', { orderIds: orders.map((o) => o.id) });
    expect(again.documents.map((d) => d.documentId)).toEqual(first.documents.map((d) => d.documentId));
    expect(again.documents.every((d) => d.reprint)).toBe(true);
  });

  it('leaves out an order that may not have a picking list, with its reason, and prints the rest (issue 10, item 5)', async () => {
    const a = await w.order(1, 'pack', [[w.hammer, 1_000]]);
    const direct = await w.order(2, 'confirmed', [[w.hammer, 1_000]]);
    const r = await w.t.ok('documents.renderPickingLists', { orderIds: [a.id, direct.id] });
    expect(r.documents.map((d) => d.orderId)).toEqual([a.id]);
    expect(r.refused).toEqual([{ orderId: direct.id, code: 'document_normal_only', message: expect.objectContaining({ nb: expect.stringMatching(/ordretype 1 Normal/) }) }]);
    expect(await w.t.ok('documents.list', { orderId: direct.id })).toEqual([]);
  });
});

describe('company logo', () => {
  it('the demo logo goes into the header of documents issued after it is saved', async () => {
    const o = await confirmedOrder();
    const without = await w.render({ kind: 'order_confirmation', orderId: o.id });
    const saved = await w.t.ok('documents.setLogo', { imageBase64: readAsset('assets/logo-demo.png').toString('base64') });
    expect(saved.sha256).toMatch(/^[0-9a-f]{64}$/);
    const withLogo = await w.render({ kind: 'order_confirmation', orderId: o.id });
    expect(withLogo.reprint).toBe(false);
    keep('order-confirmation-logo', withLogo.pdf);
    const images = (pdf: Buffer) => spawnSync('pdfimages', ['-list', '-'], { input: pdf, encoding: 'utf8' }).stdout.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length;
    expect(images(withLogo.pdf)).toBe(1);
    expect(images(without.pdf)).toBe(0);
    // The document printed before the logo is still without it.
    expect(Buffer.from((await w.t.ok('documents.get', { id: without.document.id })).pdfBase64, 'base64').equals(without.pdf)).toBe(true);
  });

  it('a PNG with transparency is flattened onto white so it embeds; anything else is refused by name', async () => {
    // 2×1 RGBA: one opaque red pixel, one fully transparent.
    const raw = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 0]);
    const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    const rgbaPng = pngWith(ihdr, deflateSync(raw));
    const r = await w.t.ok('documents.setLogo', { imageBase64: rgbaPng.toString('base64') });
    expect(r.sha256).not.toBeNull();
    const o = await confirmedOrder();
    await w.render({ kind: 'order_confirmation', orderId: o.id });
    const e = await w.t.refused('documents.setLogo', { imageBase64: Buffer.from('GIF89a not a png').toString('base64') });
    expect(e).toMatchObject({ code: 'logo_unsupported', field: 'imageBase64' });
    expect((await w.t.ok('documents.setLogo', { imageBase64: null })).sha256).toBeNull();
    // The opaque encoder writes a PNG our own reader accepts unchanged.
    const opaque = encodeRgbPng(1, 1, Buffer.from([10, 20, 30]));
    expect((await w.t.ok('documents.setLogo', { imageBase64: opaque.toString('base64') })).sha256).toBe(sha256(opaque));
  });
});

/** A PNG from an IHDR body and compressed image data (CRCs included). */
function pngWith(ihdr: Buffer, idat: Buffer): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, body: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    const tb = Buffer.concat([Buffer.from(type, 'latin1'), body]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(tb));
    return Buffer.concat([len, tb, c]);
  };
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
