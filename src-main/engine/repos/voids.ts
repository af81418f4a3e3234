// What voiding a spoiled invoice reads and writes (SPEC 9): the facts the void
// rule decides on, the mark itself, and where its orders stood before it.
import { stmt, type Db } from '../db/connection';

export interface VoidFactsRow {
  readonly hasPayments: boolean;
  readonly hasCreditNotes: boolean;
  readonly hasReminders: boolean;
  readonly exported: boolean;
  readonly hasBackorder: boolean;
  readonly subscription: boolean;
}

export function voidFactsOf(db: Db, invoiceId: number): VoidFactsRow {
  const r = stmt(
    db,
    `SELECT
       EXISTS (SELECT 1 FROM payment_allocation WHERE invoice_id = i.id) OR EXISTS (SELECT 1 FROM payment WHERE invoice_id = i.id) AS hasPayments,
       EXISTS (SELECT 1 FROM invoice c WHERE c.credited_invoice_id = i.id) AS hasCreditNotes,
       EXISTS (SELECT 1 FROM reminder_invoice WHERE invoice_id = i.id) AS hasReminders,
       EXISTS (SELECT 1 FROM accounting_batch WHERE invoice_id = i.id AND state = 'exported') AS exported,
       EXISTS (SELECT 1 FROM invoice_order io JOIN order_header b ON b.backorder_of_id = io.order_id
               WHERE io.invoice_id = i.id AND b.created_at >= i.created_at) AS hasBackorder,
       EXISTS (SELECT 1 FROM subscription_run WHERE invoice_id = i.id) AS subscription
     FROM invoice i WHERE i.id = ?`,
  ).get(invoiceId) as Record<keyof VoidFactsRow, number>;
  return {
    hasPayments: r.hasPayments === 1,
    hasCreditNotes: r.hasCreditNotes === 1,
    hasReminders: r.hasReminders === 1,
    exported: r.exported === 1,
    hasBackorder: r.hasBackorder === 1,
    subscription: r.subscription === 1,
  };
}

/** The invoice trigger allows exactly this change: voided 0 → 1, nothing else. */
export function markVoid(db: Db, invoiceId: number): void {
  stmt(db, 'UPDATE invoice SET voided = 1 WHERE id = ? AND voided = 0').run(invoiceId);
}

/** The order list's invoiced amount, less a voided invoice's lines. */
export function subtractInvoicedNet(db: Db, orderId: number, amountOre: number): void {
  stmt(db, 'UPDATE order_header SET invoiced_net_ore = invoiced_net_ore - ? WHERE id = ?').run(amountOre, orderId);
}

/** Whether the order has another invoice (not void) besides this one. */
export function hasOtherInvoice(db: Db, orderId: number, invoiceId: number): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM invoice_order io JOIN invoice i ON i.id = io.invoice_id
       WHERE io.order_id = ? AND io.invoice_id <> ? AND i.kind = 'invoice' AND i.voided = 0 LIMIT 1`,
    ).get(orderId, invoiceId) !== undefined
  );
}

/**
 * The status an order had just before it was invoiced, from its activity log. The
 * invoice's own entry ("invoice", with its number) marks the moment; the first later
 * entry that says where the order stood before it (the invoicing step, or the move
 * of a collective invoice's orders) has it. An older log without one: the status
 * the last entry before the invoice left the order in.
 */
export function statusBeforeInvoicing(db: Db, orderId: number, invoiceNumber: number): number | null {
  const anchor = stmt(
    db,
    `SELECT id FROM activity_log WHERE entity = 'order' AND entity_id = ? AND action = 'invoice'
       AND json_extract(after_json, '$.invoiceNumber') = ? ORDER BY id LIMIT 1`,
  ).get(orderId, invoiceNumber) as { id: number } | undefined;
  if (!anchor) return null;
  const statusIn = (json: string | null): number | null => {
    const v = json ? (JSON.parse(json) as { statusId?: unknown }) : null;
    return typeof v?.statusId === 'number' ? v.statusId : null;
  };
  const later = stmt(db, `SELECT before_json AS json FROM activity_log WHERE entity = 'order' AND entity_id = ? AND id > ? ORDER BY id LIMIT 20`).all(
    orderId,
    anchor.id,
  ) as { json: string | null }[];
  const before = later.map((r) => statusIn(r.json)).find((s) => s !== null);
  if (before !== undefined) return before;
  const earlier = stmt(db, `SELECT after_json AS json FROM activity_log WHERE entity = 'order' AND entity_id = ? AND id < ? ORDER BY id DESC LIMIT 200`).all(
    orderId,
    anchor.id,
  ) as { json: string | null }[];
  return earlier.map((r) => statusIn(r.json)).find((s) => s !== null) ?? null;
}
