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
       EXISTS (SELECT 1 FROM accounting_batch WHERE invoice_id = i.id AND posted = 1) AS exported,
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
 * The status an order had just before it was invoiced, from its activity log:
 * the invoicing entry's "before", or the status the last earlier entry left it in.
 */
export function statusBeforeInvoicing(db: Db, orderId: number, invoicedAt: string): number | null {
  const rows = stmt(
    db,
    `SELECT action, before_json AS beforeJson, after_json AS afterJson FROM activity_log
     WHERE entity = 'order' AND entity_id = ? AND at <= ? ORDER BY id DESC LIMIT 200`,
  ).all(orderId, invoicedAt) as { action: string; beforeJson: string | null; afterJson: string | null }[];
  const statusIn = (json: string | null): number | null => {
    const v = json ? (JSON.parse(json) as { statusId?: unknown }) : null;
    return typeof v?.statusId === 'number' ? v.statusId : null;
  };
  for (const r of rows) {
    if (r.action === 'invoice') {
      const before = statusIn(r.beforeJson);
      if (before !== null) return before;
      continue;
    }
    const after = statusIn(r.afterJson);
    if (after !== null) return after;
  }
  return null;
}
