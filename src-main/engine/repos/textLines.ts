// Headings and text rows of orders (order_text_line) and the copy an invoice
// keeps of those it printed (invoice_text_line). Their line_no shares one
// numbering per order with order_line.
import type { TextLine, TextLineKind } from '../../../shared/channels/orders';
import { stmt, type Db } from '../db/connection';
import type { PlacedText, RowRef } from '../domain/textLines';

export function getTextLines(db: Db, orderId: number): TextLine[] {
  return stmt(db, 'SELECT id, line_no AS lineNo, kind, text FROM order_text_line WHERE order_id = ? ORDER BY line_no').all(orderId) as TextLine[];
}

export function insertTextLine(db: Db, orderId: number, lineNo: number, t: { kind: TextLineKind; text: string }): number {
  return Number(
    stmt(db, 'INSERT INTO order_text_line (order_id, line_no, kind, text) VALUES (?, ?, ?, ?)').run(orderId, lineNo, t.kind, t.text)
      .lastInsertRowid,
  );
}

export function updateTextLine(db: Db, id: number, t: { kind: TextLineKind; text: string }): void {
  stmt(db, 'UPDATE order_text_line SET kind = ?, text = ? WHERE id = ?').run(t.kind, t.text, id);
}

export function deleteTextLine(db: Db, id: number): void {
  stmt(db, 'DELETE FROM order_text_line WHERE id = ?').run(id);
}

/**
 * Gives an order's rows, product lines and text rows together, the numbers
 * 1..n in the order given. Two passes, because line_no is unique per order in
 * each table: first out of the way (negative), then into place.
 */
export function renumberRows(db: Db, orderId: number, rows: readonly RowRef[]): void {
  stmt(db, 'UPDATE order_line SET line_no = -line_no WHERE order_id = ? AND line_no > 0').run(orderId);
  stmt(db, 'UPDATE order_text_line SET line_no = -line_no WHERE order_id = ? AND line_no > 0').run(orderId);
  const setLine = stmt(db, 'UPDATE order_line SET line_no = ? WHERE id = ? AND order_id = ?');
  const setText = stmt(db, 'UPDATE order_text_line SET line_no = ? WHERE id = ? AND order_id = ?');
  rows.forEach((r, i) => (r.table === 'line' ? setLine : setText).run(i + 1, r.id, orderId));
}

/** Stores the headings and text rows an invoice prints, as issued. */
export function insertInvoiceTexts(db: Db, invoiceId: number, texts: readonly (PlacedText & { orderId: number })[]): void {
  const add = stmt(db, 'INSERT INTO invoice_text_line (invoice_id, before_line, kind, text, order_id) VALUES (?, ?, ?, ?, ?)');
  for (const t of texts) add.run(invoiceId, t.beforeLine, t.kind, t.text, t.orderId);
}

/** An invoice's headings and text rows, each placed before the invoice line it precedes (in invoice_line id order). */
export function invoiceTexts(db: Db, invoiceId: number): PlacedText[] {
  return stmt(
    db,
    'SELECT before_line AS beforeLine, kind, text FROM invoice_text_line WHERE invoice_id = ? ORDER BY before_line, id',
  ).all(invoiceId) as PlacedText[];
}
