// Payments (SPEC 11): money received settles an invoice up to what is
// outstanding; the rest is the customer's credit, usable on another invoice or
// paid back. A credit note on a paid invoice gives the overpaid amount back to
// the customer's credit. Orders follow their invoices: to the flow's Betalt when
// all their invoices are settled, and on to Avsluttet when the company says so.
import { INVOICE_STATES, type InvoiceState, type ReceiptMethod, type StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatAmount } from '../../../shared/format';
import { AWAITING_PAYMENT_KINDS } from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import { invoiceState, outstandingOre, overpaidOre } from '../domain/invoiceState';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import {
  customerCreditOre,
  insertAllocation,
  insertCustomerPayment,
  invoiceFigures,
  invoiceFiguresOfOrder,
  invoiceHead,
  orderStatusesOfInvoice,
  paymentsWithCredit,
  settlementsOf,
  type PaymentValues,
} from '../repos/payments';
import { statusIdsOfKind } from '../repos/processing';
import { settleReminderFees } from './reminderFees';
import { setStatusKind, statusOfKind } from './processing';
import { recordCreditMovements, recordPayment } from './accounting';

export interface ReceivedPayment {
  readonly customerId: number;
  readonly amountOre: number;
  readonly paidOn: string;
  readonly method: ReceiptMethod;
  readonly source: PaymentValues['source'];
  readonly reference: string | null;
  readonly kid?: string | null;
}

/** Records money received from a customer, not yet used on anything (it is the customer's credit until allocated). */
export function receivePayment(ctx: HandlerContext, p: ReceivedPayment): number {
  const paymentId = insertCustomerPayment(ctx.db, {
    partyId: p.customerId,
    paidOn: p.paidOn,
    amountOre: p.amountOre,
    method: p.method,
    source: p.source,
    reference: p.reference,
    kid: p.kid ?? null,
    createdAt: ctx.now.toISOString(),
    userId: ctx.userId,
  });
  logActivity(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.userId,
    entity: 'customer',
    entityId: p.customerId,
    action: 'payment',
    after: { paymentId, amountOre: p.amountOre, paidOn: p.paidOn, method: p.method, source: p.source, reference: p.reference },
  });
  return paymentId;
}

function stateLabel(state: InvoiceState, lang: 'nb' | 'en'): string {
  const s = INVOICE_STATES.find((x) => x.key === state)!;
  return (lang === 'nb' ? s.nb : s.en).toLowerCase();
}

/** The invoice as a payable thing: refuses credit notes and void or fully credited invoices. */
function payableInvoice(ctx: HandlerContext, invoiceId: number, field: string) {
  const invoice = invoiceHead(ctx.db, invoiceId);
  if (!invoice) throw new DomainError('not_found', field, { entity: 'faktura', id: invoiceId });
  if (invoice.kind !== 'invoice') throw new DomainError('not_an_invoice', field);
  const figures = invoiceFigures(ctx.db, invoiceId)!;
  const state = invoiceState(figures, ctx.today);
  if (state === 'void' || state === 'credited') {
    throw new DomainError('invoice_not_payable', field, { number: invoice.number, state: stateLabel(state, 'nb'), stateEn: stateLabel(state, 'en') });
  }
  return { invoice, figures };
}

/**
 * Allocates up to `maxOre` from the customer's unallocated money (oldest payment
 * first, or only the payment `from` with what is left of it) to the invoice's
 * outstanding amount; returns what was settled.
 */
function settleFromCredit(
  ctx: HandlerContext,
  payable: ReturnType<typeof payableInvoice>,
  maxOre: number,
  onDate: string,
  from?: { id: number; leftOre: number },
): number {
  const { invoice, figures } = payable;
  let want = Math.min(maxOre, outstandingOre(figures));
  let settled = 0;
  // A payment just received is used on its own invoice: no need to look through the customer's older payments.
  const sources = from ? [from] : paymentsWithCredit(ctx.db, invoice.customerId);
  for (const p of sources) {
    if (want <= 0) break;
    const take = Math.min(want, p.leftOre);
    insertAllocation(ctx.db, {
      paymentId: p.id,
      kind: 'settle',
      invoiceId: invoice.id,
      reminderId: null,
      amountOre: take,
      onDate,
      at: ctx.now.toISOString(),
      userId: ctx.userId,
    });
    want -= take;
    settled += take;
  }
  return settled;
}

/**
 * A payment on an invoice (by hand, from a bank file, at the counter): settles what
 * is outstanding; the rest stays as the customer's credit. Returns the payment's id.
 */
export function payInvoice(
  ctx: HandlerContext,
  p: { invoiceId: number; amountOre: number; paidOn: string; method: ReceiptMethod; source: PaymentValues['source']; reference: string | null; kid?: string | null },
): { paymentId: number; settledOre: number } {
  const payable = payableInvoice(ctx, p.invoiceId, 'invoiceId');
  const { invoice } = payable;
  const paymentId = receivePayment(ctx, { ...p, customerId: invoice.customerId, kid: p.kid ?? invoice.kid });
  const settledOre = settleFromCredit(ctx, payable, p.amountOre, p.paidOn, { id: paymentId, leftOre: p.amountOre });
  settleReminderFees(ctx, p.invoiceId, paymentId, p.paidOn, invoice.customerId);
  recordPayment(ctx, paymentId);
  logActivity(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.userId,
    entity: 'invoice',
    entityId: p.invoiceId,
    action: 'payment',
    after: { paymentId, amountOre: p.amountOre, settledOre, paidOn: p.paidOn, method: p.method, source: p.source },
  });
  followPayment(ctx, p.invoiceId);
  return { paymentId, settledOre };
}

/** Uses the customer's credit on an invoice: what is outstanding, or `amountOre` of it. */
export function useCredit(ctx: HandlerContext, invoiceId: number, amountOre?: number): number {
  const payable = payableInvoice(ctx, invoiceId, 'invoiceId');
  const { invoice, figures } = payable;
  const outstanding = outstandingOre(figures);
  if (outstanding <= 0) throw new DomainError('nothing_outstanding', 'invoiceId', { number: invoice.number });
  const credit = customerCreditOre(ctx.db, invoice.customerId);
  if (credit <= 0) throw new DomainError('no_customer_credit', 'invoiceId', { credit: '' });
  if (amountOre !== undefined && amountOre > credit) throw new DomainError('credit_too_small', 'amountOre', { credit: formatAmount(credit) });
  const settled = settleFromCredit(ctx, payable, amountOre ?? outstanding, ctx.today);
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'invoice', entityId: invoiceId, action: 'use_credit', after: { settledOre: settled } });
  recordCreditMovements(ctx);
  followPayment(ctx, invoiceId);
  return settled;
}

/** Pays (part of) a customer's credit back; returns the credit left. */
export function refundCredit(ctx: HandlerContext, customerId: number, amountOre: number, paidOn: string, reference: string | null): number {
  const credit = customerCreditOre(ctx.db, customerId);
  if (credit <= 0) throw new DomainError('no_customer_credit', 'customerId', { credit: '' });
  if (amountOre > credit) throw new DomainError('credit_too_small', 'amountOre', { credit: formatAmount(credit) });
  let want = amountOre;
  for (const p of paymentsWithCredit(ctx.db, customerId)) {
    if (want <= 0) break;
    const take = Math.min(want, p.leftOre);
    insertAllocation(ctx.db, { paymentId: p.id, kind: 'refund', invoiceId: null, reminderId: null, amountOre: take, onDate: paidOn, at: ctx.now.toISOString(), userId: ctx.userId });
    want -= take;
  }
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'customer', entityId: customerId, action: 'refund', after: { amountOre, paidOn, reference } });
  recordCreditMovements(ctx);
  return customerCreditOre(ctx.db, customerId);
}

/**
 * After a credit note: what was paid beyond what the invoice now asks goes back
 * to the customer's credit (latest payment first). Money taken at the counter or
 * by card goes straight back the same way it came (the card company or the till
 * pays it back), so it is refunded at once.
 */
export function settleAfterCredit(ctx: HandlerContext, invoiceId: number): void {
  const figures = invoiceFigures(ctx.db, invoiceId);
  if (!figures) return;
  let release = overpaidOre(figures);
  for (const s of settlementsOf(ctx.db, invoiceId)) {
    if (release <= 0) break;
    const take = Math.min(release, s.netOre);
    const at = ctx.now.toISOString();
    insertAllocation(ctx.db, { paymentId: s.paymentId, kind: 'settle', invoiceId, reminderId: null, amountOre: -take, onDate: ctx.today, at, userId: ctx.userId });
    if (s.source === 'cash_sale' || s.source === 'card_capture') {
      insertAllocation(ctx.db, { paymentId: s.paymentId, kind: 'refund', invoiceId: null, reminderId: null, amountOre: take, onDate: ctx.today, at, userId: ctx.userId });
    }
    release -= take;
  }
  recordCreditMovements(ctx);
}

/**
 * Money taken as the invoice is issued: at the counter (a cash sale) or by the
 * card company (a card payment order, captured as it is invoiced). Recorded
 * and settled at once; the order's own step (Kontant fakturert, Fakturert) stays
 * the invoicing's to set, so the order does not follow here.
 */
export function recordPaidAtIssue(
  ctx: HandlerContext,
  invoiceId: number,
  p: { amountOre: number; method: ReceiptMethod; source: 'cash_sale' | 'card_capture' },
): void {
  if (p.amountOre <= 0) return;
  const invoice = invoiceHead(ctx.db, invoiceId)!;
  const paymentId = receivePayment(ctx, {
    customerId: invoice.customerId,
    amountOre: p.amountOre,
    paidOn: ctx.today,
    method: p.method,
    source: p.source,
    reference: `Faktura ${invoice.number}`,
    kid: invoice.kid,
  });
  insertAllocation(ctx.db, { paymentId, kind: 'settle', invoiceId, reminderId: null, amountOre: p.amountOre, onDate: ctx.today, at: ctx.now.toISOString(), userId: ctx.userId });
  // A card capture is booked as a payment; a cash sale's payment is in the cash sale's own batch.
  recordPayment(ctx, paymentId);
}

/**
 * Whether the order's invoices are settled: every one paid or credited, and at
 * least one paid (an order whose only invoice was credited in full was never paid).
 */
function orderSettled(ctx: HandlerContext, orderId: number): boolean {
  const states = invoiceFiguresOfOrder(ctx.db, orderId)
    .filter((f) => !f.voided)
    .map((f) => invoiceState(f, ctx.today));
  return states.includes('paid') && states.every((s) => s === 'paid' || s === 'credited');
}

/**
 * Where a paid order goes: Avsluttet when the company closes paid orders, else
 * the flow's Betalt. A flow without a visible Betalt whose last step is
 * Avsluttet (field_service: the job is done, then closed) ends there; a flow
 * with neither goes to the (hidden) Betalt, which every company has.
 */
function paidTarget(ctx: HandlerContext): StatusKind {
  if (getCompany(ctx.db)?.closeWhenPaid) return 'closed';
  const visible = (kind: StatusKind) => statusIdsOfKind(ctx.db, kind).some((s) => !s.hidden);
  if (visible('paid')) return 'paid';
  return visible('closed') ? 'closed' : 'paid';
}

/**
 * Orders follow their invoices (all the orders of a collective invoice together):
 * settled orders waiting for payment (Fakturert, Fakturert pakkseddel, Purret) move to the flow's
 * Betalt, or Avsluttet (paidTarget). Cash sales (Kontant fakturert) were paid at
 * the counter and stay as they are.
 */
export function followPayment(ctx: HandlerContext, invoiceId: number): void {
  let target: StatusKind | null = null;
  for (const order of orderStatusesOfInvoice(ctx.db, invoiceId)) {
    if (!AWAITING_PAYMENT_KINDS.includes(order.statusKind) || !orderSettled(ctx, order.id)) continue;
    target ??= paidTarget(ctx);
    setStatusKind(ctx, order, target);
    logActivity(ctx.db, {
      at: ctx.now.toISOString(),
      userId: ctx.userId,
      entity: 'order',
      entityId: order.id,
      action: 'status',
      before: { statusId: order.statusId },
      after: { statusId: statusOfKind(ctx.db, target), reason: 'paid' },
    });
  }
}
