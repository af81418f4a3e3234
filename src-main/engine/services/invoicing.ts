// Invoices beyond the single order (SPEC 4): collective invoices, credit notes,
// subscription runs. Every number comes from the one gap-free series.
import type { Order } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import { SUBSCRIPTION_INTERVALS, roundsToKrone, type SubscriptionInterval } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatQuantity } from '../../../shared/format';
import { COLLECTIVE_ELIGIBLE_KINDS, NOT_COLLECTIVE_TYPES } from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import { addMonths, duePeriods } from '../domain/invoiceRules';
import { remainingToDeliver } from '../../../shared/lineState';
import { cashRoundingOre, computeTotals, lineAmountOre } from '../domain/pricing';
import { logActivity } from '../repos/activity';
import { invoiceFigures } from '../repos/payments';
import { orderHeadersOf } from '../repos/documents';
import { getCustomerRow } from '../repos/customers';
import { addCreditedQuantity, creditNotesOf, getInvoice, insertInvoice, type InvoiceLineValues } from '../repos/invoices';
import { nextNumber } from '../repos/numberSeries';
import {
  addCardEvent,
  addLineQuantities,
  isSubscriptionInvoice,
  orderIdsOfCustomerInKinds,
  recordSubscriptionRun,
  setCardState,
  setSubscription,
  subscriptionOrders,
  subscriptionPeriodDone,
  subscriptionRunsOf,
} from '../repos/processing';
import { getProducts } from '../repos/products';
import { issueCostOfLine, lastCostOre } from '../repos/stock';
import { invoiceableItems, issueInvoice, reload, setStatusKind } from './processing';
import { issueGoods, receiveGoods } from './stock';
import { recordInvoice } from './accounting';
import { followPayment, settleAfterCredit } from './payments';

/** Orders delivered in full and not yet invoiced, in a status that gathers them, of a type invoiced collectively. */
export function collectiveEligible(order: Order): boolean {
  return (
    COLLECTIVE_ELIGIBLE_KINDS.includes(order.statusKind) &&
    !NOT_COLLECTIVE_TYPES.includes(order.orderType) &&
    order.lines.every((l) => remainingToDeliver(l) === 0) &&
    invoiceableItems(order).length > 0
  );
}

/**
 * One invoice for many orders of one customer; each becomes an "invoiced packing
 * slip". `including`: an order that must be on it (the one set to Samleordre, its
 * goods delivered on the way), with every other eligible order of the customer.
 */
export function collectiveInvoice(
  ctx: HandlerContext,
  customerId: number,
  orderIds: readonly number[] | undefined,
  opts: { including?: Order } = {},
): Invoice {
  const customer = getCustomerRow(ctx.db, customerId);
  if (!customer) throw new DomainError('unknown_customer', 'customerId', { id: customerId });
  let orders: Order[];
  if (orderIds) {
    const seen = new Set<number>();
    orders = orderIds.map((id, i) => {
      if (seen.has(id)) throw new DomainError('duplicate_order', `orderIds.${i}`, { id });
      seen.add(id);
      const o = reload(ctx.db, id);
      if (o.transactionType !== 'sales' || o.customerId !== customerId || !collectiveEligible(o)) {
        throw new DomainError(o.orderType === 9 ? 'card_not_collective' : 'not_eligible', `orderIds.${i}`, { number: o.number });
      }
      return o;
    });
  } else {
    orders = orderIdsOfCustomerInKinds(ctx.db, customerId, COLLECTIVE_ELIGIBLE_KINDS).map((id) => reload(ctx.db, id)).filter(collectiveEligible);
    if (opts.including && !orders.some((o) => o.id === opts.including!.id)) orders.push(opts.including);
  }
  if (orders.length === 0) throw new DomainError('nothing_eligible', 'customerId');
  const invoice = issueInvoice(ctx, {
    customerId,
    items: orders.flatMap(invoiceableItems),
    paymentTermsDays: customer.paymentTermsDays,
  });
  for (const o of orders) {
    setStatusKind(ctx, o, 'invoiced_packing_slip');
    // The status it had is logged: voiding the invoice puts it back there (services/voidInvoice.ts).
    const after = { statusId: reload(ctx.db, o.id).statusId, invoiceNumber: invoice.number };
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'order', entityId: o.id, action: 'status', before: { statusId: o.statusId }, after });
  }
  return invoice;
}

/**
 * A credit note (SPEC 4, 9): full or partial, referring to its invoice, never
 * more than invoiced per line; goods back to stock when the clerk says so, as a
 * movement tied to the order line they left with. Crediting a cash sale needs
 * its own right; a card payment is credited at most once, whatever invoice of
 * its order is credited. A credit note of a cash sale paid in cash is rounded
 * as the sale was; electronic payments are not rounded.
 */
export function creditInvoice(
  ctx: HandlerContext,
  invoiceId: number,
  items: readonly { invoiceLineId: number; quantity: number }[],
  returnToStock: boolean,
): Invoice {
  const { db } = ctx;
  const original = getInvoice(db, invoiceId);
  if (!original) throw new DomainError('not_found', 'invoiceId', { entity: 'faktura', id: invoiceId });
  if (original.kind !== 'invoice') throw new DomainError('not_an_invoice', 'invoiceId');
  // A void invoice (SPEC 9) asks for nothing: there is nothing to credit.
  if (invoiceFigures(db, invoiceId)?.voided) throw new DomainError('invoice_void', 'invoiceId', { number: original.number });
  ctx.guard('issue_credit_note');
  if (original.orderType === 3) ctx.guard('credit_cash_sale');
  // The invoice's orders as they are now, in one query (a collective invoice may have a thousand).
  const orders = orderHeadersOf(db, original.orderIds);
  const cardOrders = [...orders].filter(([, o]) => o.orderType === 9);
  if (cardOrders.some(([, o]) => o.cardState === 'credited') || (cardOrders.length > 0 && creditNotesOf(db, invoiceId) > 0)) {
    throw new DomainError('card_credited_once', 'invoiceId');
  }
  // A subscription period's invoice repeats the order's lines without counting on them.
  const countsOnLines = !isSubscriptionInvoice(db, invoiceId);

  const lines: (InvoiceLineValues & { sourceId: number })[] = items.map((item, i) => {
    const line = original.lines.find((l) => l.id === item.invoiceLineId);
    if (!line) throw new DomainError('unknown_line', `lines.${i}.invoiceLineId`, { id: item.invoiceLineId });
    const left = line.quantity - line.qtyCredited;
    if (item.quantity > left) throw new DomainError('credit_exceeds_invoiced', `lines.${i}.quantity`, { left: formatQuantity(left) });
    const quantity = -item.quantity;
    return {
      sourceId: line.id,
      orderId: line.orderId,
      orderLineId: line.orderLineId,
      productId: line.productId,
      description: line.description,
      quantity,
      unitPriceOre: line.unitPriceOre,
      discountBp: line.discountBp,
      vatCode: line.vatCode,
      amountOre: lineAmountOre({ quantity, unitPriceOre: line.unitPriceOre, discountBp: line.discountBp }),
      creditedLineId: line.id,
    };
  });
  const seen = new Set<number>();
  lines.forEach((l, i) => {
    if (seen.has(l.sourceId)) throw new DomainError('unknown_line', `lines.${i}.invoiceLineId`, { id: l.sourceId });
    seen.add(l.sourceId);
  });
  // The credit note charges VAT as the invoice did: VAT registered or not as it was issued, whatever the company says now.
  const { byRate, netOre, vatOre, grossOre } = computeTotals(lines, { vatRegistered: original.vatRegistered });
  const paidInCash = original.payment !== null && roundsToKrone(original.payment.method);
  const roundingOre = paidInCash ? cashRoundingOre(grossOre) : 0;
  const number = nextNumber(db, 'invoice');
  const at = ctx.now.toISOString();
  const id = insertInvoice(
    db,
    {
      number,
      kind: 'credit_note',
      creditedInvoiceId: original.id,
      partyId: original.customerId,
      customerName: original.customerName,
      orderType: original.orderType,
      invoiceDate: ctx.today,
      dueDate: ctx.today,
      deliveryDate: original.deliveryDate,
      kid: null,
      netOre,
      vatOre,
      grossOre,
      roundingOre,
      vatRegistered: original.vatRegistered,
      byRate,
      createdAt: at,
      userId: ctx.userId,
    },
    lines.map(({ sourceId: _s, ...l }) => l),
    original.orderIds,
  );
  const products = getProducts(db, lines.flatMap((l) => (l.productId === null ? [] : [l.productId])));
  for (const l of lines) {
    const qty = -l.quantity;
    addCreditedQuantity(db, l.sourceId, qty);
    if (l.orderLineId !== null && countsOnLines) addLineQuantities(db, l.orderLineId, { credited: qty });
    if (returnToStock && l.productId !== null && products.get(l.productId)?.stockManaged) {
      const cost = (l.orderLineId !== null ? issueCostOfLine(db, l.orderLineId) : null) ?? lastCostOre(db, l.productId) ?? 0;
      const order = l.orderId !== null ? orders.get(l.orderId) : undefined;
      receiveGoods(ctx, l.productId, qty, cost, 'credit', {
        note: `Kreditnota ${number}`,
        source: `credit ${number}`,
        // The order type the order has as the goods come back (SPEC 1.1), with its line and number.
        link: order && l.orderLineId !== null ? { orderLineId: l.orderLineId, orderType: order.orderType, orderNumber: order.number } : null,
      });
    }
  }
  for (const [orderId] of cardOrders) {
    addCardEvent(db, orderId, 'credit', -grossOre, at);
    setCardState(db, orderId, 'credited');
  }
  logActivity(db, { at, userId: ctx.userId, entity: 'invoice', entityId: id, action: 'credit', after: { number, credits: original.number, returnToStock } });
  // What was paid beyond what the invoice now asks goes back to the customer (SPEC 11);
  // an invoice part paid and the rest credited is settled, and its orders move on.
  settleAfterCredit(ctx, original.id);
  followPayment(ctx, original.id);
  for (const orderId of original.orderIds) {
    logActivity(db, { at, userId: ctx.userId, entity: 'order', entityId: orderId, action: 'credit_note', after: { number, credits: original.number } });
  }
  recordInvoice(ctx, id);
  return getInvoice(db, id)!;
}

const MONTHS: Readonly<Record<SubscriptionInterval, number>> = Object.fromEntries(
  SUBSCRIPTION_INTERVALS.map((s) => [s.key, s.months]),
) as Record<SubscriptionInterval, number>;

/**
 * Subscription run (SPEC 4): every period that has come due is invoiced once,
 * never twice; stock-managed goods leave stock each period.
 */
export function runSubscriptions(ctx: HandlerContext): Invoice[] {
  const invoices: Invoice[] = [];
  for (const s of subscriptionOrders(ctx.db)) {
    const order = reload(ctx.db, s.id);
    if (order.lines.length === 0) continue;
    const products = getProducts(ctx.db, order.lines.map((l) => l.productId));
    for (const period of duePeriods(s.start, MONTHS[s.interval as SubscriptionInterval], ctx.today)) {
      if (subscriptionPeriodDone(ctx.db, order.id, period)) continue;
      for (const line of order.lines) {
        if (products.get(line.productId)?.stockManaged) {
          issueGoods(ctx, line.productId, line.quantity, {
            allowNegative: true,
            link: { orderLineId: line.id, orderType: order.orderType, orderNumber: order.number },
            note: `Abonnement ${period}`,
          });
        }
      }
      const invoice = issueInvoice(ctx, {
        customerId: order.customerId,
        items: order.lines.map((line) => ({ order, line, qty: line.quantity })),
        paymentTermsDays: order.paymentTermsDays,
        countOnLines: false,
      });
      recordSubscriptionRun(ctx.db, order.id, period, s.interval, invoice.id);
      invoices.push(invoice);
    }
  }
  return invoices;
}

/** The first day not yet invoiced: the end of the last period invoiced, each with the interval it had. */
export function subscriptionPaidUntil(ctx: HandlerContext, orderId: number): string | null {
  let until: string | null = null;
  for (const r of subscriptionRunsOf(ctx.db, orderId)) {
    const end = addMonths(r.period, MONTHS[r.interval as SubscriptionInterval] ?? 1);
    if (until === null || end > until) until = end;
  }
  return until;
}

/**
 * Sets or stops a subscription (SPEC 4). Each day of service is invoiced once:
 * started again, or with another interval, it starts no earlier than the end of
 * what has been invoiced.
 */
export function setOrderSubscription(ctx: HandlerContext, order: Order, interval: SubscriptionInterval | null, start: string | null): void {
  if (interval === null) {
    setSubscription(ctx.db, order.id, null, null);
    return;
  }
  const wanted = start ?? ctx.today;
  const paidUntil = subscriptionPaidUntil(ctx, order.id);
  setSubscription(ctx.db, order.id, interval, paidUntil !== null && paidUntil > wanted ? paidUntil : wanted);
}
