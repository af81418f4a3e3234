// Payments received, their allocations, and each invoice's figures (SPEC 11).
// The state rule is restated here in SQL so lists can filter, count and sort by
// it; domain/invoiceState.ts is the rule, and a property test holds the two together.
import type { InvoiceBalance, PaymentEntry } from '../../../shared/channels/receivables';
import type { InvoiceState, ReceiptMethod, StatusKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { daysOverdue, outstandingOre, type InvoiceFigures } from '../domain/invoiceState';

/** The state of invoice_balance row `b` on :today, as domain/invoiceState.ts derives it. */
export const INVOICE_STATE_SQL = `CASE
  WHEN b.voided = 1 THEN 'void'
  WHEN b.kind = 'credit_note' THEN 'credit_note'
  WHEN b.payable_ore > 0 AND b.credited_ore >= b.payable_ore THEN 'credited'
  WHEN b.payable_ore - b.credited_ore - b.paid_ore <= 0 THEN 'paid'
  WHEN b.due_date < @today THEN 'overdue'
  WHEN b.paid_ore > 0 OR b.credited_ore > 0 THEN 'partly_paid'
  ELSE 'open' END`;

/** What is outstanding on invoice_balance row `b` (0 for void invoices and credit notes). */
export const OUTSTANDING_SQL = `CASE WHEN b.voided = 1 OR b.kind = 'credit_note' THEN 0
  ELSE MAX(0, b.payable_ore - b.credited_ore - b.paid_ore) END`;

export interface PaymentValues {
  readonly partyId: number;
  readonly paidOn: string;
  readonly amountOre: number;
  readonly method: ReceiptMethod;
  readonly source: 'manual' | 'bank_file' | 'cash_sale' | 'card_capture';
  readonly reference: string | null;
  readonly kid: string | null;
  readonly createdAt: string;
  readonly userId: number | null;
}

export function insertCustomerPayment(db: Db, p: PaymentValues): number {
  return Number(
    stmt(
      db,
      `INSERT INTO customer_payment (party_id, paid_on, amount_ore, method, source, reference, kid, created_at, user_id)
       VALUES (@partyId, @paidOn, @amountOre, @method, @source, @reference, @kid, @createdAt, @userId)`,
    ).run(p).lastInsertRowid,
  );
}

export interface AllocationValues {
  readonly paymentId: number;
  readonly kind: 'settle' | 'refund';
  readonly invoiceId: number | null;
  readonly reminderId: number | null;
  readonly amountOre: number;
  readonly onDate: string;
  readonly at: string;
  readonly userId: number | null;
}

export function insertAllocation(db: Db, a: AllocationValues): void {
  stmt(
    db,
    `INSERT INTO payment_allocation (payment_id, kind, invoice_id, reminder_id, amount_ore, on_date, at, user_id)
     VALUES (@paymentId, @kind, @invoiceId, @reminderId, @amountOre, @onDate, @at, @userId)`,
  ).run(a);
}

interface FiguresRow {
  kind: 'invoice' | 'credit_note';
  voided: number;
  due_date: string;
  payable_ore: number;
  credited_ore: number;
  paid_ore: number;
}

export function invoiceFigures(db: Db, invoiceId: number): InvoiceFigures | null {
  const r = stmt(db, 'SELECT kind, voided, due_date, payable_ore, credited_ore, paid_ore FROM invoice_balance WHERE invoice_id = ?').get(
    invoiceId,
  ) as FiguresRow | undefined;
  return r
    ? { kind: r.kind, voided: r.voided === 1, dueDate: r.due_date, payableOre: r.payable_ore, creditedOre: r.credited_ore, paidOre: r.paid_ore }
    : null;
}

/** A customer's payments that still have money not used on any invoice, oldest first, with what is left of each. */
export function paymentsWithCredit(db: Db, partyId: number): { id: number; leftOre: number }[] {
  return stmt(
    db,
    `SELECT p.id, p.amount_ore - COALESCE((SELECT SUM(a.amount_ore) FROM payment_allocation a WHERE a.payment_id = p.id), 0) AS leftOre
     FROM customer_payment p WHERE p.party_id = ? AND leftOre > 0 ORDER BY p.paid_on, p.id`,
  ).all(partyId) as { id: number; leftOre: number }[];
}

/** The customer's credit: money received and not used on an invoice, a fee or a refund. */
export function customerCreditOre(db: Db, partyId: number): number {
  const r = stmt(
    db,
    `SELECT COALESCE((SELECT SUM(amount_ore) FROM customer_payment WHERE party_id = @p), 0)
          - COALESCE((SELECT SUM(a.amount_ore) FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id
                      WHERE p.party_id = @p), 0) AS credit`,
  ).get({ p: partyId }) as { credit: number };
  return r.credit;
}

/** The payments that settled an invoice (net of releases), latest first: where a release after a credit note takes from. */
export function settlementsOf(db: Db, invoiceId: number): { paymentId: number; netOre: number; source: PaymentValues['source']; method: ReceiptMethod }[] {
  return stmt(
    db,
    `SELECT a.payment_id AS paymentId, SUM(a.amount_ore) AS netOre, p.source, p.method
     FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id
     WHERE a.invoice_id = ? AND a.reminder_id IS NULL
     GROUP BY a.payment_id HAVING netOre > 0 ORDER BY a.payment_id DESC`,
  ).all(invoiceId) as { paymentId: number; netOre: number; source: PaymentValues['source']; method: ReceiptMethod }[];
}

export function paymentsOfInvoice(db: Db, invoiceId: number): PaymentEntry[] {
  return stmt(
    db,
    `SELECT p.id, p.paid_on AS paidOn, p.amount_ore AS amountOre, p.method, p.source, p.reference, p.kid,
            SUM(a.amount_ore) AS allocatedHereOre, u.name AS userName, p.created_at AS createdAt
     FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id
     LEFT JOIN app_user u ON u.id = p.user_id
     WHERE a.invoice_id = ? GROUP BY p.id ORDER BY p.paid_on, p.id`,
  ).all(invoiceId) as PaymentEntry[];
}

/** What paying an invoice needs to know of it (without its lines). */
export function invoiceHead(db: Db, invoiceId: number): { id: number; number: number; kind: 'invoice' | 'credit_note'; customerId: number; kid: string | null } | null {
  return (
    (stmt(db, 'SELECT id, number, kind, party_id AS customerId, kid FROM invoice WHERE id = ?').get(invoiceId) as
      | { id: number; number: number; kind: 'invoice' | 'credit_note'; customerId: number; kid: string | null }
      | undefined) ?? null
  );
}

/** The orders an invoice covers with their status now. */
export function orderStatusesOfInvoice(db: Db, invoiceId: number): { id: number; statusId: number; statusKind: StatusKind }[] {
  return stmt(
    db,
    `SELECT o.id, o.status_id AS statusId, s.kind AS statusKind FROM invoice_order io
     JOIN order_header o ON o.id = io.order_id JOIN status s ON s.id = o.status_id WHERE io.invoice_id = ? ORDER BY o.id`,
  ).all(invoiceId) as { id: number; statusId: number; statusKind: StatusKind }[];
}

/** Which orders an invoice covers (one, or many for a collective invoice). */
export function ordersOfInvoice(db: Db, invoiceId: number): number[] {
  return (stmt(db, 'SELECT order_id FROM invoice_order WHERE invoice_id = ? ORDER BY order_id').all(invoiceId) as { order_id: number }[]).map(
    (r) => r.order_id,
  );
}

/** An order's invoices (not credit notes) with their figures. */
export function invoiceFiguresOfOrder(db: Db, orderId: number): InvoiceFigures[] {
  return (
    stmt(
      db,
      `SELECT b.kind, b.voided, b.due_date, b.payable_ore, b.credited_ore, b.paid_ore
       FROM invoice_order io JOIN invoice_balance b ON b.invoice_id = io.invoice_id
       WHERE io.order_id = ? AND b.kind = 'invoice'`,
    ).all(orderId) as FiguresRow[]
  ).map((r) => ({
    kind: r.kind,
    voided: r.voided === 1,
    dueDate: r.due_date,
    payableOre: r.payable_ore,
    creditedOre: r.credited_ore,
    paidOre: r.paid_ore,
  }));
}

interface BalanceRow extends FiguresRow {
  invoice_id: number;
  number: number;
  party_id: number;
  customer_number: number;
  customer_name: string;
  invoice_date: string;
  kid: string | null;
  credited_invoice_number: number | null;
  order_numbers: string | null;
  state: InvoiceState;
  reminder_level: number;
  fees_outstanding_ore: number;
}

/** The SELECT every balance listing shares; callers add WHERE / ORDER BY / LIMIT on aliases b, i, c. */
export const BALANCE_SELECT = `
  SELECT b.invoice_id, i.number, b.kind, b.voided, b.due_date, b.payable_ore, b.credited_ore, b.paid_ore,
         b.party_id, c.number AS customer_number, i.customer_name, i.invoice_date, i.kid,
         (SELECT o.number FROM invoice o WHERE o.id = i.credited_invoice_id) AS credited_invoice_number,
         (SELECT group_concat(oh.number, ',') FROM invoice_order io JOIN order_header oh ON oh.id = io.order_id WHERE io.invoice_id = i.id) AS order_numbers,
         ${INVOICE_STATE_SQL} AS state,
         COALESCE((SELECT MAX(ri.level) FROM reminder_invoice ri WHERE ri.invoice_id = i.id), 0) AS reminder_level,
         COALESCE((SELECT SUM(ri.fee_ore) FROM reminder_invoice ri WHERE ri.invoice_id = i.id), 0)
           - COALESCE((SELECT SUM(a.amount_ore) FROM payment_allocation a WHERE a.invoice_id = i.id AND a.reminder_id IS NOT NULL), 0)
           AS fees_outstanding_ore
  FROM invoice_balance b JOIN invoice i ON i.id = b.invoice_id JOIN party c ON c.id = b.party_id`;

export function toBalance(r: BalanceRow, today: string): InvoiceBalance {
  const figures: InvoiceFigures = {
    kind: r.kind,
    voided: r.voided === 1,
    dueDate: r.due_date,
    payableOre: r.payable_ore,
    creditedOre: r.credited_ore,
    paidOre: r.paid_ore,
  };
  const outstanding = outstandingOre(figures);
  return {
    invoiceId: r.invoice_id,
    number: r.number,
    kind: r.kind,
    customerId: r.party_id,
    customerNumber: r.customer_number,
    customerName: r.customer_name,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    kid: r.kid,
    payableOre: r.payable_ore,
    creditedOre: r.credited_ore,
    paidOre: r.paid_ore,
    outstandingOre: outstanding,
    state: r.state,
    daysOverdue: r.state === 'overdue' ? daysOverdue(r.due_date, today) : 0,
    creditedInvoiceNumber: r.credited_invoice_number,
    orderNumbers: r.order_numbers ? r.order_numbers.split(',').map(Number) : [],
    reminderLevel: r.reminder_level,
    feesOutstandingOre: r.fees_outstanding_ore,
  };
}

export function invoiceBalance(db: Db, invoiceId: number, today: string): InvoiceBalance | null {
  const r = stmt(db, `${BALANCE_SELECT} WHERE b.invoice_id = @id`).get({ id: invoiceId, today }) as BalanceRow | undefined;
  return r ? toBalance(r, today) : null;
}

/** A customer's open items: invoices with something outstanding, oldest due first. */
export function openItemsOf(db: Db, partyId: number, today: string): InvoiceBalance[] {
  return (
    stmt(db, `${BALANCE_SELECT} WHERE b.party_id = @p AND b.kind = 'invoice' AND b.voided = 0 AND ${OUTSTANDING_SQL} > 0 ORDER BY b.due_date, i.number`).all({
      p: partyId,
      today,
    }) as BalanceRow[]
  ).map((r) => toBalance(r, today));
}

/** Every invoice with something outstanding, for the whole company (the ledger and the overdue list). */
export function allOpenItems(db: Db, today: string): InvoiceBalance[] {
  return (
    stmt(db, `${BALANCE_SELECT} WHERE b.kind = 'invoice' AND b.voided = 0 AND ${OUTSTANDING_SQL} > 0 ORDER BY c.number, b.due_date, i.number`).all({
      today,
    }) as BalanceRow[]
  ).map((r) => toBalance(r, today));
}

export type { BalanceRow };


/** Reminder fees charged on a customer's invoices and not yet paid. */
export function feesOutstandingOf(db: Db, partyId: number): number {
  const r = stmt(
    db,
    `SELECT COALESCE((SELECT SUM(ri.fee_ore) FROM reminder_invoice ri JOIN invoice i ON i.id = ri.invoice_id WHERE i.party_id = @p), 0)
          - COALESCE((SELECT SUM(a.amount_ore) FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id
                      WHERE i.party_id = @p AND a.reminder_id IS NOT NULL), 0) AS fees`,
  ).get({ p: partyId }) as { fees: number };
  return r.fees;
}

/** Per customer who has any: credit (money not used), unpaid reminder fees and the last reminder's date. */
export function customerFigures(db: Db): Map<number, { creditOre: number; feesOre: number; lastReminderOn: string | null }> {
  const rows = stmt(
    db,
    `SELECT party_id AS id, SUM(credit) AS creditOre, SUM(fees) AS feesOre, MAX(last_on) AS lastReminderOn FROM (
       SELECT party_id, amount_ore AS credit, 0 AS fees, NULL AS last_on FROM customer_payment
       UNION ALL SELECT p.party_id, -a.amount_ore, 0, NULL FROM payment_allocation a JOIN customer_payment p ON p.id = a.payment_id
       UNION ALL SELECT i.party_id, 0, ri.fee_ore, NULL FROM reminder_invoice ri JOIN invoice i ON i.id = ri.invoice_id
       UNION ALL SELECT i.party_id, 0, -a.amount_ore, NULL FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id WHERE a.reminder_id IS NOT NULL
       UNION ALL SELECT party_id, 0, 0, sent_on FROM reminder)
     GROUP BY party_id`,
  ).all() as { id: number; creditOre: number; feesOre: number; lastReminderOn: string | null }[];
  return new Map(rows.map((r) => [r.id, { creditOre: r.creditOre, feesOre: r.feesOre, lastReminderOn: r.lastReminderOn }]));
}
