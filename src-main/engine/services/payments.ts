// Payments (SPEC 11): money received settles an invoice up to what is
// outstanding; the rest is the customer's credit, usable on another invoice or
// paid back. A credit note on a paid invoice gives the overpaid amount back to
// the customer's credit. Orders follow their invoices: to the flow's Betalt when
// all their invoices are settled, and on to Avsluttet when the company says so.
import { INVOICE_STATES, type InvoiceState, type ReceiptMethod } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatAmount } from '../../../shared/format';
import type { HandlerContext } from '../context';
import { invoiceState, outstandingOre, overpaidOre } from '../domain/invoiceState';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { getInvoice } from '../repos/invoices';
import {
  customerCreditOre,
  insertAllocation,
  insertCustomerPayment,
  invoiceFigures,
  invoiceFiguresOfOrder,
  ordersOfInvoice,
  paymentsWithCredit,
  settlementsOf,
  type PaymentValues,
} from '../repos/payments';
import { statusIdsOfKind } from '../repos/processing';
import { settleReminderFees } from './reminderFees';
import { reload, setStatusKind } from './processing';
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
  const invoice = getInvoice(ctx.db, invoiceId);
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
 * first, or only `fromPaymentId`) to the invoice's outstanding amount; returns what was settled.
 */
function settleFromCredit(ctx: HandlerContext, invoiceId: number, maxOre: number, onDate: string, fromPaymentId?: number): number {
  const { invoice, figures } = payableInvoice(ctx, invoiceId, 'invoiceId');
  let want = Math.min(maxOre, outstandingOre(figures));
  let settled = 0;
  const sources = paymentsWithCredit(ctx.db, invoice.customerId).filter((p) => fromPaymentId === undefined || p.id === fromPaymentId);
  for (const p of sources) {
    if (want <= 0) break;
    const take = Math.min(want, p.leftOre);
    insertAllocation(ctx.db, {
      paymentId: p.id,
      kind: 'settle',
      invoiceId,
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
  const { invoice } = payableInvoice(ctx, p.invoiceId, 'invoiceId');
  const paymentId = receivePayment(ctx, { ...p, customerId: invoice.customerId, kid: p.kid ?? invoice.kid });
  const settledOre = settleFromCredit(ctx, p.invoiceId, p.amountOre, p.paidOn, paymentId);
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
  const { invoice, figures } = payableInvoice(ctx, invoiceId, 'invoiceId');
  const outstanding = outstandingOre(figures);
  if (outstanding <= 0) throw new DomainError('nothing_outstanding', 'invoiceId', { number: invoice.number });
  const credit = customerCreditOre(ctx.db, invoice.customerId);
  if (credit <= 0) throw new DomainError('no_customer_credit', 'invoiceId', { credit: '' });
  if (amountOre !== undefined && amountOre > credit) throw new DomainError('credit_too_small', 'amountOre', { credit: formatAmount(credit) });
  const settled = settleFromCredit(ctx, invoiceId, amountOre ?? outstanding, ctx.today);
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

/** Whether every invoice of the order is settled (paid or credited) and there is at least one. */
function orderSettled(ctx: HandlerContext, orderId: number): boolean {
  const figures = invoiceFiguresOfOrder(ctx.db, orderId).filter((f) => !f.voided);
  return figures.length > 0 && figures.every((f) => ['paid', 'credited'].includes(invoiceState(f, ctx.today)));
}

/**
 * Orders follow their invoices (all the orders of a collective invoice together):
 * settled orders in Fakturert or Purret move to the flow's Betalt, and on to
 * Avsluttet when the company closes paid orders. A flow without a visible Betalt
 * skips it. Cash sales were paid at the counter and stay as they are.
 */
export function followPayment(ctx: HandlerContext, invoiceId: number): void {
  const closeWhenPaid = getCompany(ctx.db)?.closeWhenPaid ?? false;
  const hasVisible = (kind: 'paid' | 'closed') => statusIdsOfKind(ctx.db, kind).some((s) => !s.hidden);
  for (const orderId of ordersOfInvoice(ctx.db, invoiceId)) {
    const order = reload(ctx.db, orderId);
    if (!['invoiced', 'reminded'].includes(order.statusKind) || !orderSettled(ctx, orderId)) continue;
    const target = closeWhenPaid && hasVisible('closed') ? 'closed' : hasVisible('paid') ? 'paid' : null;
    if (!target) continue;
    setStatusKind(ctx, order, target);
    logActivity(ctx.db, {
      at: ctx.now.toISOString(),
      userId: ctx.userId,
      entity: 'order',
      entityId: orderId,
      action: 'status',
      before: { statusId: order.statusId },
      after: { statusId: reload(ctx.db, orderId).statusId, reason: 'paid' },
    });
  }
}
