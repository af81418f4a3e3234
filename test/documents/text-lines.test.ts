// Issue 10 (SPEC 2): headings and text rows on the documents. Priced documents
// (quote, order confirmation, invoice) print each heading's group subtotal
// after the group; warehouse documents show headings and text without amounts;
// an invoice shows the headings and text of its own lines only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import { amt, documentsWorld, keep, pdfText, type DocumentsWorld } from './helpers';

let w: DocumentsWorld;
beforeEach(async () => {
  w = await documentsWorld();
});
afterEach(() => w.t.close());

/** "Verktøy" over the hammer and the screws (a remark before the screws), "Kaffe" over the coffee, a closing text. */
async function groupedOrder(type: number, kind: Parameters<DocumentsWorld['status']>[0]): Promise<Order> {
  return w.t.ok('orders.create', {
    header: { customerId: w.customer, orderType: type, statusId: w.status(kind) },
    lines: [
      { productId: w.hammer, quantity: 2_000 },
      { productId: w.screws, quantity: 4_000 },
      { productId: w.coffee, quantity: 6_000 },
    ],
    texts: [
      { index: 0, kind: 'heading', text: 'Verktøy' },
      { index: 2, kind: 'text', text: 'Skruene leveres i originalpakning' },
      { index: 4, kind: 'heading', text: 'Kaffe til kantina' },
      { index: 6, kind: 'text', text: 'Takk for handelen' },
    ],
  });
}

/** The lines of the text that hold one of `needles`, in order, each reduced to the longest needle it holds. */
function order(text: string, needles: readonly string[]): string[] {
  const longestFirst = [...needles].sort((a, b) => b.length - a.length);
  return text.split('\n').flatMap((line) => longestFirst.find((n) => line.includes(n)) ?? []);
}

const amountOf = (o: Order, productId: number) => o.lines.find((l) => l.productId === productId)!.amountOre;

describe('priced documents', () => {
  it('the order confirmation prints headings and text in place and each group’s subtotal after it', async () => {
    const o = await groupedOrder(1, 'confirmed');
    const r = await w.render({ kind: 'order_confirmation', orderId: o.id });
    keep('text-lines-confirmation-nb', r.pdf);
    const text = pdfText(r.pdf);
    const tools = amountOf(o, w.hammer) + amountOf(o, w.screws);
    expect(order(text, ['Verktøy', 'HAM-450', 'Skruene leveres', 'SKR-4x40', 'Sum Verktøy', 'Kaffe til kantina', 'KAF-500', 'Takk for handelen', 'Sum Kaffe til kantina'])).toEqual([
      'Verktøy',
      'HAM-450',
      'Skruene leveres',
      'SKR-4x40',
      'Sum Verktøy',
      'Kaffe til kantina',
      'KAF-500',
      'Takk for handelen',
      'Sum Kaffe til kantina',
    ]);
    expect(text).toContain(`Sum Verktøy ${amt(tools)}`);
    expect(text).toContain(`Sum Kaffe til kantina ${amt(amountOf(o, w.coffee))}`);
    // The totals are the order's, untouched by the subtotals.
    expect(text).toContain(`Sum (NOK) ${amt(o.totals.grossOre)}`);

    const en = pdfText((await w.render({ kind: 'order_confirmation', orderId: o.id, language: 'en' })).pdf);
    expect(en).toContain(`Subtotal Verktøy ${amt(tools)}`);
  });

  it('the quote prints its groups and subtotals too', async () => {
    const q = await groupedOrder(5, 'quote');
    const r = await w.render({ kind: 'quote', orderId: q.id });
    keep('text-lines-quote-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(text).toContain('Skruene leveres i originalpakning');
    expect(text).toContain(`Sum Kaffe til kantina ${amt(amountOf(q, w.coffee))}`);
  });

  it('an invoice shows the headings and text of its own lines, and leaves out a heading with none of them', async () => {
    let o = await groupedOrder(1, 'pack');
    // Only the coffee is delivered; the rest waits.
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[2]!.id, quantity: 6_000 }] });
    const { invoice } = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    const r = await w.render({ kind: 'invoice', invoiceId: invoice.id });
    keep('text-lines-invoice-nb', r.pdf);
    const text = pdfText(r.pdf);
    expect(order(text, ['Kaffe til kantina', 'KAF-500', 'Takk for handelen', 'Sum Kaffe til kantina'])).toEqual(['Kaffe til kantina', 'KAF-500', 'Takk for handelen', 'Sum Kaffe til kantina']);
    expect(text).toContain(`Sum Kaffe til kantina ${amt(amountOf(o, w.coffee))}`);
    expect(text).not.toContain('Verktøy');
    expect(text).not.toContain('Skruene leveres');
  });
});

describe('collective invoice', () => {
  it('a heading’s group ends where the next order’s lines begin', async () => {
    const grouped = await groupedOrder(1, 'confirmed');
    await w.t.ok('orders.setStatus', { id: grouped.id, version: grouped.version, statusId: w.status('shipped'), confirm: { deliverRemaining: true } });
    const plain = await w.t.ok('orders.create', {
      header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') },
      lines: [{ productId: w.book, quantity: 1_000 }],
    });
    const moved = await w.t.ok('orders.setStatus', { id: plain.id, version: plain.version, statusId: w.status('collective'), confirm: { deliverRemaining: true } });
    const invoiceId = moved.invoiceIds[0]!;
    const invoice = await w.t.ok('invoices.get', { id: invoiceId });
    expect([...invoice.orderIds].sort()).toEqual([grouped.id, plain.id].sort());
    const r = await w.render({ kind: 'invoice', invoiceId });
    keep('text-lines-collective-invoice-nb', r.pdf);
    const text = pdfText(r.pdf);
    // The coffee's group closes before the book of the other order: its subtotal is the coffee alone.
    expect(text).toContain(`Sum Kaffe til kantina ${amt(amountOf(grouped, w.coffee))}`);
    expect(text).toContain(`Sum Verktøy ${amt(amountOf(grouped, w.hammer) + amountOf(grouped, w.screws))}`);
  });
});

describe('warehouse documents', () => {
  it('the picking list shows headings and remarks, bin order within each group, and no amounts', async () => {
    const o = await groupedOrder(1, 'pack');
    const r = await w.render({ kind: 'picking_list', orderId: o.id });
    keep('text-lines-picking-list-nb', r.pdf);
    const text = pdfText(r.pdf);
    // A-2 (hammer) before A-10 (screws); the remark travels with the screws.
    expect(order(text, ['Verktøy', 'HAM-450', 'Skruene leveres', 'SKR-4x40', 'Kaffe til kantina', 'KAF-500', 'Takk for handelen'])).toEqual([
      'Verktøy',
      'HAM-450',
      'Skruene leveres',
      'SKR-4x40',
      'Kaffe til kantina',
      'KAF-500',
      'Takk for handelen',
    ]);
    expect(text).not.toContain('Sum Verktøy');
  });

  it('the packing slip shows the headings and text of what this delivery contains, without subtotals', async () => {
    let o = await groupedOrder(1, 'pack');
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 2_000 }] });
    const r = await w.render({ kind: 'packing_slip', orderId: o.id });
    keep('text-lines-packing-slip-nb', r.pdf);
    const text = pdfText(r.pdf);
    const delivered = text.split('Restordre: leveres senere')[0]!;
    expect(order(delivered, ['Verktøy', 'HAM-450'])).toEqual(['Verktøy', 'HAM-450']);
    expect(delivered).not.toContain('Kaffe til kantina');
    // What remains, under its headings: the screws (with their remark) and the coffee's group.
    const remains = text.split('Restordre: leveres senere')[1]!;
    expect(order(remains, ['Verktøy', 'Skruene leveres', 'SKR-4x40', 'Kaffe til kantina', 'KAF-500', 'Takk for handelen'])).toEqual([
      'Verktøy',
      'Skruene leveres',
      'SKR-4x40',
      'Kaffe til kantina',
      'KAF-500',
      'Takk for handelen',
    ]);
    expect(text).not.toContain('Sum Verktøy');
  });
});
