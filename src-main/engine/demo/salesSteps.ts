// The data generator's clerk: each step of an order's life done by the same
// service functions the channel handlers call (services/processing.ts,
// orderFlow.ts, invoicing.ts, stock.ts), in the same order, inside the
// generator's large transactions. What a handler does around its service calls
// and these steps leave out:
//  - the version claim (touchOrder: the order's version and updated_at bump),
//  - the handler's own activity-log entry with the order before and after (the
//    entries the services write themselves, such as an invoice issued, a credit
//    note or a backorder, are written),
//  - rewriting the header totals and search row (refreshDerived): where the
//    lines did not change there is nothing to rewrite; where they did (an order
//    from a quote, a partly returned loan) the step says so and the generator
//    writes them (repos/orders.ts, refreshDerived). A backorder gets its own from
//    the service that makes it (afterInvoicing).
// Where a step goes to an open status and the customer is over the credit limit,
// the clerk overrides it with the right to do so (recorded on the order), as a
// clerk with that right does when the dialog asks.
import type { Confirm, Order, PaymentInput } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import type { OrderTypeId, StatusKind, SubscriptionInterval } from '../../../shared/enums';
import type { HandlerContext } from '../context';
import { stmt } from '../db/connection';
import { logActivity } from '../repos/activity';
import { setOrderStatus, setSubscription } from '../repos/processing';
import { collectiveInvoice, creditInvoice, runSubscriptions } from '../services/invoicing';
import { afterInvoicing, applyOrderType, convertQuote, moveToStatus, returnLoan } from '../services/orderFlow';
import { INVOICED_KINDS, PAYMENT_FOLLOW_UP_KINDS } from '../../../shared/kinds';
import {
  deliver,
  invoiceOrder,
  reload,
  remainingItems,
  setStatusKind,
  statusOfKind,
  syncStockHolds,
} from '../services/processing';
import { receiveGoods } from '../services/stock';
import { remainingToDeliver } from '../../../shared/lineState';
import type { MoveKind } from './orderMix';

/** What the generator's clerk agrees to when a dialog asks: deliver the rest, and go over a credit limit. */
export const CLERK_CONFIRM: Confirm = { deliverRemaining: true, returnGoods: false, allowShortage: false, overrideCreditLimit: true };

/**
 * What saving a new order does beyond storing it (services/orderFlow.ts,
 * applyOrderType): Cash orders are invoiced with their payment, Realized
 * orders issue their goods and close, the rest hold stock as their status calls
 * for and check the credit limit. Returns the cash invoice.
 */
export function afterEntry(ctx: HandlerContext, orderId: number, payment: PaymentInput | null): Invoice | null {
  return applyOrderType(ctx, orderId, CLERK_CONFIRM, payment);
}

/** The status bar (orders.setStatus → moveToStatus). */
export function moveOrder(ctx: HandlerContext, orderId: number, to: MoveKind | 'shipped'): void {
  if (AFTER_INVOICE.includes(to) && INVOICED_KINDS.includes(statusKindOf(ctx.db, orderId))) {
    // From an invoiced status the status bar only moves on among the payment
    // follow-ups: moveToStatus does nothing but set the status, and so does this
    // (without loading the whole order first).
    setOrderStatus(ctx.db, orderId, statusOfKind(ctx.db, to), ctx.now.toISOString());
    return;
  }
  moveToStatus(ctx, reload(ctx.db, orderId), statusOfKind(ctx.db, to), CLERK_CONFIRM);
}

/** The payment follow-ups an invoiced order moves on to. */
const AFTER_INVOICE: readonly string[] = PAYMENT_FOLLOW_UP_KINDS.filter((k) => k !== 'invoiced');

function statusKindOf(db: HandlerContext['db'], orderId: number): StatusKind {
  return (stmt(db, 'SELECT s.kind FROM order_header o JOIN status s ON s.id = o.status_id WHERE o.id = ?').get(orderId) as { kind: StatusKind }).kind;
}

/**
 * A packing slip for part of the order (orders.deliver): the first `share` of the
 * lines in full, the next line half (whole units), the rest left open. Shipped
 * when nothing remains.
 */
export function deliverPart(ctx: HandlerContext, orderId: number, share: number): void {
  const order = reload(ctx.db, orderId);
  deliver(ctx, order, partialItems(order, share));
  finishDelivery(ctx, orderId);
}

function finishDelivery(ctx: HandlerContext, orderId: number): void {
  syncStockHolds(ctx, reload(ctx.db, orderId), { ...CLERK_CONFIRM, allowShortage: true });
  const after = reload(ctx.db, orderId);
  if (remainingItems(after).length === 0 && after.statusKind !== 'loan') setStatusKind(ctx, after, 'shipped');
}

/** Half of a quantity in whole units (tenths for what is sold by kg, m, l); 0 when that is nothing. */
function halfOf(qty: number): number {
  const unit = qty % 1000 === 0 ? 1000 : 100;
  return Math.floor(qty / 2 / unit) * unit;
}

/** What a partial packing slip delivers: the first `share` of the open lines in full, the next line half. */
export function partialItems(order: Order, share: number): { line: Order['lines'][number]; qty: number }[] {
  const open = remainingItems(order);
  const full = Math.min(open.length - 1, Math.floor(open.length * share));
  const items = open.slice(0, Math.max(0, full));
  const next = open[Math.max(0, full)];
  if (next && halfOf(next.qty) > 0) items.push({ line: next.line, qty: halfOf(next.qty) });
  return items.length > 0 ? items : open.slice(0, 1);
}

/** What comes back of a loan: everything on loan, or half of the first line on loan. */
export function loanReturnItems(order: Order, full: boolean): { lineId: number; quantity: number }[] {
  const onLoan = order.lines.filter((l) => l.qtyOnLoan > 0);
  if (full) return onLoan.map((l) => ({ lineId: l.id, quantity: l.qtyOnLoan }));
  return onLoan.slice(0, 1).map((l) => ({ lineId: l.id, quantity: halfOf(l.qtyOnLoan) || l.qtyOnLoan }));
}

/** What a credit note takes back: the whole invoice, or one unit (or less) of its first line. */
export function creditItems(invoice: Invoice, full: boolean): { invoiceLineId: number; quantity: number }[] {
  const lines = full
    ? invoice.lines.map((l) => ({ invoiceLineId: l.id, quantity: l.quantity - l.qtyCredited }))
    : invoice.lines.slice(0, 1).map((l) => ({ invoiceLineId: l.id, quantity: Math.min(1000, l.quantity - l.qtyCredited) }));
  return lines.filter((l) => l.quantity > 0);
}

/**
 * Everything remaining delivered and the order Shipped, as moving it to Shipped
 * does (moveToStatus): deliver, then the status. Its closing syncStockHolds is
 * left out: deliver releases the reservation of what it delivers, and with
 * nothing left to deliver nothing is left to hold (the audit checks it).
 */
export function ship(ctx: HandlerContext, orderId: number): void {
  const order = reload(ctx.db, orderId);
  deliver(ctx, order, remainingItems(order));
  setStatusKind(ctx, order, 'shipped');
}

/**
 * Invoices the order (orders.invoice → invoiceFromOrder: invoiceOrder, then
 * afterInvoicing): what is delivered, a Direct order delivered on the way; what
 * remains goes to a backorder. Where nothing remains, afterInvoicing only sets
 * Invoiced (its syncStockHolds has nothing to release), and so does this.
 */
export function invoice(ctx: HandlerContext, orderId: number): { invoice: Invoice; backorderId: number | null } {
  const order = reload(ctx.db, orderId);
  if (order.orderType === 3) throw new Error(`generator: cash order ${order.number} is invoiced when saved`);
  const issued = invoiceOrder(ctx, order);
  // What invoicing leaves to deliver: nothing for a Direct order (delivered on the way).
  const remaining = order.orderType === 2 ? [] : remainingItems(order);
  if (remaining.length === 0) {
    setStatusKind(ctx, order, 'invoiced');
    return { invoice: issued, backorderId: null };
  }
  const backorder = afterInvoicing(ctx, order.id);
  return { invoice: issued, backorderId: backorder?.id ?? null };
}

/** One invoice for the orders named (orders.collectiveInvoice with orderIds). */
export function invoiceCollectively(ctx: HandlerContext, customerId: number, orderIds: readonly number[]): Invoice {
  return collectiveInvoice(ctx, customerId, orderIds);
}

/** A credit note (invoices.credit). */
export function credit(ctx: HandlerContext, invoice: Invoice, full: boolean, returnToStock: boolean): Invoice {
  return creditInvoice(ctx, invoice.id, creditItems(invoice, full), returnToStock);
}

/** A loan comes back (orders.returnLoan). Returns whether a line's quantity changed (a partial return). */
export function giveBackLoan(ctx: HandlerContext, orderId: number, full: boolean): boolean {
  const order = reload(ctx.db, orderId);
  const items = loanReturnItems(order, full);
  if (items.length === 0) return false;
  returnLoan(ctx, order, items);
  // Returning all that remains of a line closes it short; returning less lowers its quantity.
  return items.some((i) => i.quantity !== remainingToDeliver(order.lines.find((l) => l.id === i.lineId)!));
}

/** Quote to order (orders.convertQuote); returns the new order's id (its totals and search row are the caller's to write). */
export function convert(ctx: HandlerContext, quoteId: number, orderType: OrderTypeId): number {
  return convertQuote(ctx, reload(ctx.db, quoteId), orderType, CLERK_CONFIRM).id;
}

/** orders.setSubscription: invoiced every period from `start`. */
export function subscribe(ctx: HandlerContext, orderId: number, interval: SubscriptionInterval, start: string): void {
  setSubscription(ctx.db, orderId, interval, start);
}

/** subscriptions.run: every period that has come due, once. */
export function runDueSubscriptions(ctx: HandlerContext): number {
  return runSubscriptions(ctx).length;
}

/** stock.receive: goods from a supplier into stock at a cost. */
export function receive(ctx: HandlerContext, productId: number, quantity: number, costOre: number, note: string): void {
  receiveGoods(ctx, productId, quantity, costOre, 'receipt', { note, source: 'manual' });
  logActivity(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.userId,
    entity: 'stock',
    entityId: productId,
    action: 'receive',
    after: { productId, quantity, costOre, note },
  });
}
