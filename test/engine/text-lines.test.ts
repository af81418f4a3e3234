// Issue 10: text and heading lines (SPEC 2: lines grouped under headings).
// Product lines and text rows share one numbering per order; the single-line
// channels keep text rows where they are among their neighbours; text rows
// follow the order into the order made from a quote and into a backorder,
// and an invoice keeps those that go with its lines, as issued.
import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '../../shared/channels/orders';
import { auditViolations, queryFile } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld;
afterEach(() => w?.t.close());

/** The order's rows as the clerk sees them, in lineNo order: "#product" for a line, "H:…"/"T:…" for headings and text. */
function rowsOf(o: Order): string[] {
  return [
    ...o.lines.map((l) => ({ n: l.lineNo, s: `#${l.productId === w.drill ? 'drill' : l.productId === w.bread ? 'bread' : 'service'}` })),
    ...o.textLines.map((t) => ({ n: t.lineNo, s: `${t.kind === 'heading' ? 'H' : 'T'}:${t.text}` })),
  ]
    .sort((a, b) => a.n - b.n)
    .map((r) => r.s);
}

function numbersOf(o: Order): number[] {
  return [...o.lines.map((l) => l.lineNo), ...o.textLines.map((t) => t.lineNo)].sort((a, b) => a - b);
}

/** Every row the order tables hold, to compare before and after a refused call. */
async function tables(): Promise<unknown> {
  return {
    headers: await queryFile(w.t.file, 'SELECT id, version, status_id FROM order_header ORDER BY id'),
    lines: await queryFile(w.t.file, 'SELECT id, order_id, line_no, product_id, quantity FROM order_line ORDER BY id'),
    texts: await queryFile(w.t.file, 'SELECT * FROM order_text_line ORDER BY id'),
    invoiceTexts: await queryFile(w.t.file, 'SELECT * FROM invoice_text_line ORDER BY id'),
  };
}

/** Heading "Verktøy" over drill + a remark; heading "Mat" over bread; a closing text. */
async function groupedOrder(type = 1, kind: Parameters<SalesWorld['status']>[0] = 'confirmed'): Promise<Order> {
  return w.t.ok('orders.create', {
    header: { customerId: w.customer, orderType: type, statusId: w.status(kind) },
    lines: [
      { productId: w.drill, quantity: 2_000 },
      { productId: w.service, quantity: 1_000 },
      { productId: w.bread, quantity: 3_000 },
    ],
    texts: [
      { index: 0, kind: 'heading', text: 'Verktøy' },
      { index: 2, kind: 'text', text: 'Montering på stedet' },
      { index: 4, kind: 'heading', text: 'Mat' },
      { index: 6, kind: 'text', text: 'Levering etter avtale' },
    ],
  });
}

describe('entering text rows', () => {
  it('create and save place text rows where the clerk put them, numbered 1..n together with the lines', async () => {
    w = await salesWorld();
    const o = await groupedOrder();
    expect(rowsOf(o)).toEqual(['H:Verktøy', '#drill', 'T:Montering på stedet', '#service', 'H:Mat', '#bread', 'T:Levering etter avtale']);
    expect(numbersOf(o)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Totals and stock see only the product lines.
    expect(o.totals.netOre).toBe(2 * 100000 + 90000 + 3 * 4000);
    expect(o.lines.map((l) => l.qtyReserved)).toEqual([2_000, 0, 3_000]);

    // Save: the heading renamed, the remark moved to the top, the closing text dropped, a new text before the bread.
    const [heading, remark, mat] = [o.textLines[0]!, o.textLines[1]!, o.textLines[2]!];
    const saved = await w.t.ok('orders.save', {
      id: o.id,
      version: o.version,
      header: { customerId: w.customer, orderType: 1 },
      lines: o.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
      texts: [
        { id: remark.id, index: 0, kind: 'text', text: 'Montering på stedet' },
        { id: heading.id, index: 1, kind: 'heading', text: 'Verktøy og montering' },
        { id: mat.id, index: 4, kind: 'heading', text: 'Mat' },
        { index: 5, kind: 'text', text: 'Ferskvare' },
      ],
    });
    expect(rowsOf(saved)).toEqual(['T:Montering på stedet', 'H:Verktøy og montering', '#drill', '#service', 'H:Mat', 'T:Ferskvare', '#bread']);
    expect(numbersOf(saved)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The kept rows keep their ids; the dropped one is gone.
    expect(saved.textLines.map((t) => t.id).slice(0, 3).sort()).toEqual([remark.id, heading.id, mat.id].sort());
    expect(await queryFile(w.t.file, 'SELECT count(*) AS n FROM order_text_line WHERE order_id = ?', o.id)).toEqual([{ n: 4 }]);
    // The activity log records the change of text as it records line changes: before and after.
    const [log] = await queryFile<{ before_json: string; after_json: string }>(
      w.t.file,
      "SELECT before_json, after_json FROM activity_log WHERE entity = 'order' AND entity_id = ? AND action = 'save'",
      o.id,
    );
    expect(JSON.parse(log!.before_json).textLines.map((t: { text: string }) => t.text)).toContain('Levering etter avtale');
    expect(JSON.parse(log!.after_json).textLines.map((t: { text: string }) => t.text)).toContain('Verktøy og montering');
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('addLine, moveLine and removeLine keep text rows where they are among their neighbours', async () => {
    w = await salesWorld();
    let o = await groupedOrder();
    // A new line at product position 2 (before the bread) joins the bread's group, after its heading.
    o = await w.t.ok('orders.addLine', { orderId: o.id, version: o.version, line: { productId: w.drill, quantity: 1_000 }, position: 2 });
    expect(rowsOf(o)).toEqual(['H:Verktøy', '#drill', 'T:Montering på stedet', '#service', 'H:Mat', '#drill', '#bread', 'T:Levering etter avtale']);
    // Appended at the end: after every row, into the last group.
    o = await w.t.ok('orders.addLine', { orderId: o.id, version: o.version, line: { productId: w.service, quantity: 1_000 } });
    expect(rowsOf(o).at(-1)).toBe('#service');
    expect(numbersOf(o)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const added = o.lines.at(-1)!;
    o = await w.t.ok('orders.removeLine', { orderId: o.id, version: o.version, lineId: added.id });
    // Alt+↓ on the service line: it crosses the heading into the next group; the heading and remark stay put.
    const service = o.lines[1]!;
    o = await w.t.ok('orders.moveLine', { orderId: o.id, version: o.version, lineId: service.id, toIndex: 2 });
    expect(rowsOf(o)).toEqual(['H:Verktøy', '#drill', 'T:Montering på stedet', 'H:Mat', '#drill', '#service', '#bread', 'T:Levering etter avtale']);
    // Alt+↑ back: it lands right before the line it passes.
    o = await w.t.ok('orders.moveLine', { orderId: o.id, version: o.version, lineId: service.id, toIndex: 1 });
    expect(rowsOf(o)).toEqual(['H:Verktøy', '#drill', 'T:Montering på stedet', 'H:Mat', '#service', '#drill', '#bread', 'T:Levering etter avtale']);
    // Removing a line closes the gap for every row.
    o = await w.t.ok('orders.removeLine', { orderId: o.id, version: o.version, lineId: o.lines[0]!.id });
    expect(rowsOf(o)).toEqual(['H:Verktøy', 'T:Montering på stedet', 'H:Mat', '#service', '#drill', '#bread', 'T:Levering etter avtale']);
    expect(numbersOf(o)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });
});

describe('text rows follow the order', () => {
  it('a quote converts to an order with its headings and text in place', async () => {
    w = await salesWorld();
    const quote = await groupedOrder(5, 'quote');
    const order = await w.t.ok('orders.convertQuote', { id: quote.id, version: quote.version, orderType: 1 });
    expect(rowsOf(order)).toEqual(rowsOf(quote));
    expect(numbersOf(order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(order.textLines.every((t) => !quote.textLines.some((q) => q.id === t.id))).toBe(true);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('a backorder takes the headings of its lines, the remarks before them and their group’s closing text; the invoice keeps those of its own lines', async () => {
    w = await salesWorld();
    let o = await groupedOrder(1, 'pack');
    // The drill and the service are delivered in full, the bread in part: the bread's group goes to the backorder.
    o = await w.t.ok('orders.deliver', {
      id: o.id,
      version: o.version,
      lines: [
        { lineId: o.lines[0]!.id, quantity: 2_000 },
        { lineId: o.lines[1]!.id, quantity: 1_000 },
        { lineId: o.lines[2]!.id, quantity: 1_000 },
      ],
    });
    const r = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    expect(rowsOf(r.backorder!)).toEqual(['H:Mat', '#bread', 'T:Levering etter avtale']);
    expect(r.backorder!.lines[0]!.quantity).toBe(2_000);
    // The invoiced order keeps every row as it was.
    expect(rowsOf(r.order)).toEqual(rowsOf(o));
    // The invoice holds all three lines, so every heading and text row, each before the line it precedes.
    expect(
      await queryFile(w.t.file, 'SELECT before_line AS b, kind, text FROM invoice_text_line WHERE invoice_id = ? ORDER BY b, id', r.invoice.id),
    ).toEqual([
      { b: 0, kind: 'heading', text: 'Verktøy' },
      { b: 1, kind: 'text', text: 'Montering på stedet' },
      { b: 2, kind: 'heading', text: 'Mat' },
      { b: 3, kind: 'text', text: 'Levering etter avtale' },
    ]);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('an invoice of some lines leaves out a heading with none of its lines on it', async () => {
    w = await salesWorld({ company: { generateBackorders: false } });
    let o = await groupedOrder(1, 'pack');
    o = await w.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[2]!.id, quantity: 3_000 }] });
    const r = await w.t.ok('orders.invoice', { id: o.id, version: o.version });
    expect(r.invoice.lines.map((l) => l.description)).toEqual(['Brød']);
    expect(await queryFile(w.t.file, 'SELECT before_line AS b, text FROM invoice_text_line WHERE invoice_id = ? ORDER BY b, id', r.invoice.id)).toEqual([
      { b: 0, text: 'Mat' },
      { b: 1, text: 'Levering etter avtale' },
    ]);
    // What the invoice printed is kept as issued, whatever the order's text becomes.
    const after = await w.t.ok('orders.get', { id: o.id });
    await w.t.ok('orders.save', {
      id: after.id,
      version: after.version,
      header: { customerId: w.customer, orderType: 1 },
      lines: after.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
      texts: [{ index: 0, kind: 'heading', text: 'Alt' }],
    });
    expect(await queryFile(w.t.file, 'SELECT count(*) AS n FROM invoice_text_line WHERE invoice_id = ?', r.invoice.id)).toEqual([{ n: 2 }]);
  });
});

describe('refusals leave the database unchanged', () => {
  it('an invoiced order’s text rows cannot change', async () => {
    w = await salesWorld();
    const o = await groupedOrder(1, 'pack');
    const invoiced = await w.move(o, 'invoiced', { deliverRemaining: true });
    const before = await tables();
    const e = await w.t.refused('orders.save', {
      id: invoiced.id,
      version: invoiced.version,
      header: { customerId: w.customer, orderType: 1 },
      lines: invoiced.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
      texts: [{ id: invoiced.textLines[0]!.id, index: 0, kind: 'heading', text: 'Endret' }],
    });
    expect(e.code).toBe('order_invoiced');
    expect(await tables()).toEqual(before);
  });

  it('bad text rows are refused with their code and field', async () => {
    w = await salesWorld();
    const o = await groupedOrder();
    const other = await groupedOrder();
    const save = (texts: unknown[]) =>
      w.t.refused('orders.save', {
        id: o.id,
        version: o.version,
        header: { customerId: w.customer, orderType: 1 },
        lines: o.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
        texts,
      });
    const before = await tables();
    const cases: [unknown[], string, string][] = [
      [[{ index: 0, kind: 'text', text: 'A' }, { index: 0, kind: 'text', text: 'B' }], 'text_line_index_taken', 'texts.1.index'],
      [[{ index: 4, kind: 'text', text: 'A' }], 'text_line_index_out_of_range', 'texts.0.index'],
      [[{ index: 0, kind: 'text', text: '   ' }], 'required', 'texts.0.text'],
      [[{ index: 0, kind: 'note', text: 'A' }], 'invalid_choice', 'texts.0.kind'],
      [[{ id: other.textLines[0]!.id, index: 0, kind: 'text', text: 'A' }], 'unknown_text_line', 'texts.0.id'],
      [[{ id: o.textLines[0]!.id, index: 0, kind: 'text', text: 'A' }, { id: o.textLines[0]!.id, index: 1, kind: 'text', text: 'B' }], 'unknown_text_line', 'texts.1.id'],
    ];
    for (const [texts, code, field] of cases) {
      const e = await save(texts);
      expect({ code: e.code, field: e.field }).toEqual({ code, field });
    }
    const created = await w.t.refused('orders.create', {
      header: { customerId: w.customer, orderType: 1 },
      lines: [{ productId: w.drill, quantity: 1_000 }],
      texts: [{ index: 2, kind: 'heading', text: 'Utenfor' }],
    });
    expect({ code: created.code, field: created.field }).toEqual({ code: 'text_line_index_out_of_range', field: 'texts.0.index' });
    expect(await tables()).toEqual(before);
  });
});
