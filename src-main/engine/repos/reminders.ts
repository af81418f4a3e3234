// Reminders (SPEC 11): the reminder rows, the invoices each lists with its level
// and fee, and what of each fee is still unpaid.
import type { ReminderSummary } from '../../../shared/channels/receivables';
import { stmt, type Db } from '../db/connection';

/** An invoice's earlier reminders, oldest first, and how many of them charged a fee. */
export interface ReminderHistory {
  readonly earlier: { readonly reminderId: number; readonly sentOn: string; readonly payBy: string; readonly feeOre: number }[];
  readonly feesCharged: number;
}

export function reminderHistory(db: Db, invoiceIds: readonly number[]): Map<number, ReminderHistory> {
  const rows = stmt(
    db,
    `SELECT ri.invoice_id AS invoiceId, r.id AS reminderId, r.sent_on AS sentOn, r.pay_by AS payBy, ri.fee_ore AS feeOre
     FROM reminder_invoice ri JOIN reminder r ON r.id = ri.reminder_id
     WHERE ri.invoice_id IN (SELECT value FROM json_each(?)) ORDER BY r.sent_on, r.id`,
  ).all(JSON.stringify(invoiceIds)) as { invoiceId: number; reminderId: number; sentOn: string; payBy: string; feeOre: number }[];
  const out = new Map<number, ReminderHistory>();
  for (const id of invoiceIds) out.set(id, { earlier: [], feesCharged: 0 });
  for (const r of rows) {
    const h = out.get(r.invoiceId)!;
    h.earlier.push({ reminderId: r.reminderId, sentOn: r.sentOn, payBy: r.payBy, feeOre: r.feeOre });
    out.set(r.invoiceId, { earlier: h.earlier, feesCharged: h.feesCharged + (r.feeOre > 0 ? 1 : 0) });
  }
  return out;
}

export function insertReminder(db: Db, r: { partyId: number; sentOn: string; payBy: string; feeOre: number; createdAt: string; userId: number | null }): number {
  return Number(
    stmt(db, 'INSERT INTO reminder (party_id, sent_on, pay_by, fee_ore, created_at, user_id) VALUES (@partyId, @sentOn, @payBy, @feeOre, @createdAt, @userId)').run(r)
      .lastInsertRowid,
  );
}

export function insertReminderInvoice(db: Db, r: { reminderId: number; invoiceId: number; level: number; outstandingOre: number; feeOre: number }): void {
  stmt(
    db,
    'INSERT INTO reminder_invoice (reminder_id, invoice_id, level, outstanding_ore, fee_ore) VALUES (@reminderId, @invoiceId, @level, @outstandingOre, @feeOre)',
  ).run(r);
}

/** The archived PDF of a reminder (written once, right after the reminder). */
export function setReminderDocument(db: Db, reminderId: number, documentId: number): void {
  stmt(db, 'UPDATE reminder SET document_id = ? WHERE id = ? AND document_id IS NULL').run(documentId, reminderId);
}

/** An invoice's reminder fees not yet paid, oldest first: what a payment on it settles after the invoice itself. */
export function unpaidFeesOf(db: Db, invoiceId: number): { reminderId: number; unpaidOre: number }[] {
  return stmt(
    db,
    `SELECT ri.reminder_id AS reminderId,
            ri.fee_ore - COALESCE((SELECT SUM(a.amount_ore) FROM payment_allocation a
                                   WHERE a.invoice_id = ri.invoice_id AND a.reminder_id = ri.reminder_id), 0) AS unpaidOre
     FROM reminder_invoice ri WHERE ri.invoice_id = ? AND ri.fee_ore > 0 AND unpaidOre > 0 ORDER BY ri.reminder_id`,
  ).all(invoiceId) as { reminderId: number; unpaidOre: number }[];
}

/** Reminders, newest first: a customer's, those listing an invoice, or all. */
export function listReminders(db: Db, f: { customerId?: number | undefined; invoiceId?: number | undefined; reminderIds?: readonly number[] }): ReminderSummary[] {
  const heads = stmt(
    db,
    `SELECT r.id, r.party_id AS customerId, p.name AS customerName, r.sent_on AS sentOn, r.pay_by AS payBy, r.fee_ore AS feeOre,
            r.document_id AS documentId
     FROM reminder r JOIN party p ON p.id = r.party_id
     WHERE (@customerId IS NULL OR r.party_id = @customerId)
       AND (@invoiceId IS NULL OR r.id IN (SELECT reminder_id FROM reminder_invoice WHERE invoice_id = @invoiceId))
       AND (@ids IS NULL OR r.id IN (SELECT value FROM json_each(@ids)))
     ORDER BY r.sent_on DESC, r.id DESC LIMIT 1000`,
  ).all({
    customerId: f.customerId ?? null,
    invoiceId: f.invoiceId ?? null,
    ids: f.reminderIds ? JSON.stringify(f.reminderIds) : null,
  }) as Omit<ReminderSummary, 'invoices'>[];
  if (heads.length === 0) return [];
  const lines = stmt(
    db,
    `SELECT ri.reminder_id AS reminderId, ri.invoice_id AS invoiceId, i.number, ri.level, ri.outstanding_ore AS outstandingOre, ri.fee_ore AS feeOre
     FROM reminder_invoice ri JOIN invoice i ON i.id = ri.invoice_id
     WHERE ri.reminder_id IN (SELECT value FROM json_each(?)) ORDER BY i.due_date, i.number`,
  ).all(JSON.stringify(heads.map((h) => h.id))) as (ReminderSummary['invoices'][number] & { reminderId: number })[];
  return heads.map((h) => ({
    ...h,
    invoices: lines.filter((l) => l.reminderId === h.id).map(({ reminderId: _r, ...l }) => l),
  }));
}
