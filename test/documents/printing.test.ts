// Issue 10, items 5 and 12, as paper: a batch of picking lists as one PDF (one
// print job) read back with pdftotext and kept as an image of a page; the cash
// sale's receipt with payment method, received, change and rounding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amt, documentsWorld, keep, pdfPages, pdfText, type DocumentsWorld } from './helpers';

let w: DocumentsWorld;
beforeAll(async () => {
  w = await documentsWorld();
});
afterAll(() => w.t.close());

describe('a batch of picking lists as one PDF', () => {
  it('holds each list in the order asked, each with its own "Side n av N"; a draft in the batch is left out with its reason', async () => {
    const a = await w.order(1, 'pack', [[w.hammer, 2_000], [w.screws, 1_000]]);
    const draft = await w.order(1, 'draft', [[w.coffee, 1_000]]);
    const b = await w.order(1, 'confirmed', [[w.book, 1_000], [w.coffee, 4_000]]);
    const batch = await w.t.ok('documents.renderPickingLists', { orderIds: [a.id, draft.id, b.id] });
    expect(batch.refused.map((r) => r.orderId)).toEqual([draft.id]);
    const combined = await w.t.ok('documents.combine', { documentIds: batch.documents.map((d) => d.documentId) });
    const pdf = Buffer.from(combined.pdfBase64, 'base64');
    keep('picking-lists-combined', pdf);
    expect(pdfPages(pdf)).toBe(2);
    const [first, second] = pdfText(pdf).split('\f');
    expect(first).toContain('PLUKKLISTE');
    expect(first).toContain(String(a.number));
    expect(first).toContain('HAM-450');
    expect(first).not.toContain('BOK-17');
    expect(first).toContain('Side 1 av 1');
    expect(second).toContain(String(b.number));
    expect(second).toContain('BOK-17');
    expect(second).toContain('KAF-500');
    expect(pdfText(pdf)).not.toContain(String(draft.number));
  });
});

describe('the cash sale receipt', () => {
  it('an A4 Kvittering with the payment method, amount received, change and rounding', async () => {
    const cash = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.hammer, quantity: 1_000 }, { productId: w.coffee, quantity: 2_000 }],
      payment: { method: 'cash', receivedOre: 100000 },
    });
    const invoice = await w.t.ok('invoices.get', { id: cash.invoiceIds[0]! });
    const r = await w.render({ kind: 'cash_receipt', invoiceId: invoice.id });
    keep('cash-receipt-counter', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('KVITTERING');
    expect(text).toContain('Kontant');
    expect(text).toContain('Øreavrunding');
    expect(text).toContain('kr 1 000,00');
    expect(invoice.payment!.changeOre).toBe(100000 - invoice.payableOre);
    expect(text).toContain(`kr ${amt(invoice.payment!.changeOre)}`);
  });
});
