// What an order allows now (SPEC 1.1, 1.2, 1.2.1, 4), action by action: the
// rule that refuses the action's channel and the reason the order screen shows
// beside the disabled button are the same function. Each rule also names the
// actions a right governs that the action reaches for this order (shared/access.ts).
import type { GuardedAction } from '../../../shared/access';
import type { InvoiceMode, Order } from '../../../shared/channels/orders';
import { ORDER_TYPES, STATUS_KIND_LABELS, type OrderTypeId } from '../../../shared/enums';
import { formatAmount } from '../../../shared/format';
import {
  DELIVERED_ON_INVOICE_TYPES,
  INVOICED_KINDS,
  ISSUING_KINDS,
  JOB_KINDS,
  NON_PROCESSING_KINDS,
  PARTIAL_DELIVERY_TYPES,
  RESERVING_KINDS,
  UNPROCESSED_TYPES,
} from '../../../shared/kinds';
import { deliveredNotInvoiced, remainingToDeliver } from '../../../shared/lineState';
import { firstRefusal, refusal, type Refusal } from './refusal';

export interface ActionRule {
  readonly refusal: Refusal | null;
  /** Rights this action needs for this order, checked before the rule. */
  readonly needs: readonly GuardedAction[];
}

export const typeLabel = (t: OrderTypeId): string => `${t} ${ORDER_TYPES.find((o) => o.id === t)?.nb ?? ''}`.trim();

const CARD_TYPE: OrderTypeId = 9;
const REALIZED_TYPE: OrderTypeId = 4;
const CASH_TYPE: OrderTypeId = 3;
const QUOTE_TYPE: OrderTypeId = 5;

/** A card payment order is changed only by those with the right to (SPEC 1.1, type 9). */
export const cardNeeds = (order: Pick<Order, 'orderType'>): GuardedAction[] => (order.orderType === CARD_TYPE ? ['change_card_order'] : []);

// ---- The single rules the actions share -----------------------------------------

export function notInvoiced(order: Pick<Order, 'statusKind'>): Refusal | null {
  return INVOICED_KINDS.includes(order.statusKind) ? refusal('order_invoiced') : null;
}

/** A Realized order updated stock as it was saved and is closed: no invoice, no move (SPEC 1.1 type 4). */
export function notRealized(order: Pick<Order, 'orderType'>): Refusal | null {
  return order.orderType === REALIZED_TYPE ? refusal('realized_final') : null;
}

export function processedType(order: Pick<Order, 'orderType'>): Refusal | null {
  return UNPROCESSED_TYPES.includes(order.orderType) ? refusal('not_processed_type', { orderType: typeLabel(order.orderType) }) : null;
}

/** Deliveries and invoices happen from Confirmed on; not in a status without processing, nor once closed. */
export function inProcessing(order: Pick<Order, 'statusKind'>): Refusal | null {
  if (!NON_PROCESSING_KINDS.includes(order.statusKind) && order.statusKind !== 'closed') return null;
  const label = STATUS_KIND_LABELS[order.statusKind];
  return refusal('order_not_in_processing', { status: label.nb, statusEn: label.en });
}

const hasRemaining = (order: Pick<Order, 'lines'>) => order.lines.some((l) => remainingToDeliver(l) > 0);

/**
 * The status agrees with the lines (SPEC 1.2.1): an order in a status that has
 * issued its goods (Utsendt) has nothing left to deliver, so it takes no new line
 * or larger quantity.
 */
export function shippedInFull(order: Pick<Order, 'statusKind' | 'lines'>): Refusal | null {
  return ISSUING_KINDS.includes(order.statusKind) && hasRemaining(order) ? refusal('order_shipped_lines') : null;
}

// ---- Per action -----------------------------------------------------------------

export function deliverRule(order: Order): ActionRule {
  return {
    needs: [],
    refusal: firstRefusal(
      () => notInvoiced(order),
      () => notRealized(order),
      () => processedType(order),
      () => (PARTIAL_DELIVERY_TYPES.includes(order.orderType) ? null : refusal('no_partial_delivery', { orderType: typeLabel(order.orderType) })),
      () => inProcessing(order),
      () => (hasRemaining(order) ? null : refusal('nothing_to_deliver')),
    ),
  };
}

/**
 * What Fakturer does now: 'delivered' invoices what is delivered and not invoiced
 * (Direct orders are delivered on the way); 'all' moves the order to Invoiced,
 * which delivers what remains after asking; null: nothing to invoice.
 */
export function invoiceMode(order: Order): InvoiceMode | null {
  if (order.lines.some((l) => deliveredNotInvoiced(l) > 0)) return 'delivered';
  if (inProcessing(order) || order.lines.length === 0) return null;
  if (DELIVERED_ON_INVOICE_TYPES.includes(order.orderType)) return 'delivered';
  return PARTIAL_DELIVERY_TYPES.includes(order.orderType) && hasRemaining(order) ? 'all' : null;
}

/** A card payment is captured once, for the whole order: it is invoiced when nothing remains to deliver. */
export function cardDeliveredInFull(order: Order): Refusal | null {
  return order.orderType === CARD_TYPE && hasRemaining(order) && order.lines.some((l) => l.qtyDelivered > 0)
    ? refusal('card_partly_delivered')
    : null;
}

export function invoiceRule(order: Order): ActionRule {
  return {
    needs: ['issue_invoice'],
    refusal: firstRefusal(
      () => notInvoiced(order),
      () => notRealized(order),
      () => processedType(order),
      () => (order.orderType === CASH_TYPE ? refusal('payment_required', { total: formatAmount(order.totals.grossOre) }) : null),
      () => cardDeliveredInFull(order),
      () => (invoiceMode(order) !== null ? null : (inProcessing(order) ?? refusal('nothing_to_invoice'))),
    ),
  };
}

export function convertRule(order: Order): ActionRule {
  return {
    needs: ['change_order_type'],
    refusal: firstRefusal(
      () => (order.orderType === QUOTE_TYPE ? null : refusal('not_a_quote')),
      () => (order.convertedToNumber !== null ? refusal('quote_converted', { order: order.convertedToNumber }) : null),
      () => (order.statusKind === 'cancelled' ? refusal('quote_cancelled') : null),
    ),
  };
}

export function changeTypeRule(order: Order): ActionRule {
  return {
    needs: ['change_order_type', ...cardNeeds(order)],
    refusal: firstRefusal(
      () => notInvoiced(order),
      () => (order.invoiceIds.length > 0 || order.lines.some((l) => l.qtyDelivered > 0 || l.qtyInvoiced > 0) ? refusal('type_change_after_processing') : null),
      () => notRealized(order),
      // A quote that has been converted lives on as its order: made an order itself, it would be a second one.
      () => (order.convertedToNumber !== null ? refusal('quote_converted', { order: order.convertedToNumber }) : null),
    ),
  };
}

export function lendRule(order: Order, hasLoanStatus: boolean): ActionRule {
  return {
    needs: [],
    refusal: firstRefusal(
      () => notInvoiced(order),
      () => (hasLoanStatus ? null : refusal('status_missing', { kind: STATUS_KIND_LABELS.loan.nb })),
      () => notRealized(order),
      () => processedType(order),
      () => (PARTIAL_DELIVERY_TYPES.includes(order.orderType) ? null : refusal('no_partial_delivery', { orderType: typeLabel(order.orderType) })),
      () => (RESERVING_KINDS.includes(order.statusKind) ? null : refusal('loan_from_open')),
      () => (hasRemaining(order) ? null : refusal('nothing_to_deliver')),
    ),
  };
}

export function returnLoanRule(order: Order): ActionRule {
  return {
    needs: [],
    refusal: order.statusKind === 'loan' && order.lines.some((l) => l.qtyOnLoan > 0) ? null : refusal('nothing_on_loan'),
  };
}

/** Setting a subscription (`starting`), or stopping one. A card payment is charged once: it never starts one. */
export function subscriptionRule(order: Order, starting = true): ActionRule {
  return {
    needs: cardNeeds(order),
    refusal: firstRefusal(
      () => notInvoiced(order),
      () => notRealized(order),
      () => processedType(order),
      () => (starting && order.orderType === CARD_TYPE ? refusal('card_no_subscription') : null),
    ),
  };
}

/**
 * Deleting (SPEC 1.2): never an order with an invoice (a subscription's too);
 * never one whose stock-managed goods have left stock.
 */
export function deleteRule(order: Order, deliveredStockManaged: boolean): ActionRule {
  return {
    needs: cardNeeds(order),
    refusal: firstRefusal(
      () => (INVOICED_KINDS.includes(order.statusKind) || order.invoiceIds.length > 0 || order.lines.some((l) => l.qtyInvoiced > 0) ? refusal('delete_invoiced') : null),
      () => (deliveredStockManaged ? refusal('delete_delivered') : null),
    ),
  };
}

/** Jobs (SPEC 1.2): work starts on an order from Bekreftet on, before shipping (its entry checks were made then); a Realized order is closed. */
export function jobStartRule(order: Pick<Order, 'statusKind' | 'orderType'>): Refusal | null {
  if (JOB_KINDS.includes(order.statusKind) && order.orderType !== REALIZED_TYPE) return null;
  const label = STATUS_KIND_LABELS[order.statusKind];
  return refusal('job_order_not_open', { status: label.nb, statusEn: label.en });
}
