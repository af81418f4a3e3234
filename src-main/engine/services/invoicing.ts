// Invoices beyond the single order (SPEC 4): collective invoices, credit notes,
// subscription runs. Every number comes from the one gap-free series.
import type { Invoice } from '../../../shared/channels/processing';
import { SUBSCRIPTION_INTERVALS, type SubscriptionInterval } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatQuantity } from '../../../shared/format';
import type { HandlerContext } from '../context';
import { duePeriods } from '../domain/invoiceRules';
import { remainingToDeliver } from '../domain/lineState';
import { cashRoundingOre, computeTotals, lineAmountOre } from '../domain/pricing';
import { requireRight } from '../domain/rights';
import { logActivity } from '../repos/activity';
import { getCustomerRow } from '../repos/customers';
import { addCreditedQuantity, creditNotesOf, getInvoice, insertInvoice, type InvoiceLineValues } from '../repos/invoices';
import { nextNumber } from '../repos/numberSeries';
import {
  addCardEvent,
  addLineQuantities,
  orderIdsOfCustomerInKinds,
  recordSubscriptionRun,
  setCardState,
  subscriptionOrders,
  subscriptionPeriodDone,
} from '../repos/processing';
import { getProducts } from '../repos/products';
import { issueCostOfLine, lastCostOre } from '../repos/stock';
import { invoiceableItems, issueInvoice, reload, setStatusKind, vatRegistered } from './processing';
import { issueGoods, receiveGoods } from './stock';

const COLLECTIVE_KINDS = ['shipped', 'ready_to_invoice', 'collective'] as const;
const NOT_COLLECTIVE_TYPES = [3, 4, 5, 6, 8];

/** Orders delivered in full and not yet invoiced, in a status that gathers them. */
function eligible(order: ReturnType<typeof reload>): boolean {
  return (
    (COLLECTIVE_KINDS as readonly string[]).includes(order.statusKind) &&
    !NOT_COLLECTIVE_TYPES.includes(order.orderType) &&
    order.lines.every((l) => remainingToDeliver(l) === 0) &&
    invoiceableItems(order).length > 0
  );
}

/** One invoice for many orders of one customer; each becomes an "invoiced packing slip". */
export function collectiveInvoice(ctx: HandlerContext, customerId: number, orderIds: readonly number[] | undefined): Invoice {
  requireRight(ctx.actor, 'invoice');
  const customer = getCustomerRow(ctx.db, customerId);
  if (!customer) throw new DomainError('unknown_customer', 'customerId', { id: customerId });
  let orders;
  if (orderIds) {
    orders = orderIds.map((id, i) => {
      const o = reload(ctx.db, id);
      if (o.customerId !== customerId || !eligible(o)) throw new DomainError('not_eligible', `orderIds.${i}`, { number: o.number });
      return o;
    });
  } else {
    orders = orderIdsOfCustomerInKinds(ctx.db, customerId, COLLECTIVE_KINDS).map((id) => reload(ctx.db, id)).filter(eligible);
  }
  if (orders.length === 0) throw new DomainError('nothing_eligible', 'customerId');
  const invoice = issueInvoice(ctx, {
    customerId,
    items: orders.flatMap(invoiceableItems),
    paymentTermsDays: customer.paymentTermsDays,
  });
  for (const o of orders) setStatusKind(ctx, o, 'invoiced_packing_slip');
  return invoice;
}

/**
 * A credit note (SPEC 4, 9): full or partial, referring to its invoice, never
 * more than invoiced; goods back to stock when the clerk says so. Crediting a
 * cash sale needs its own right; a card payment order is credited once.
 */
export function creditInvoice(
  ctx: HandlerContext,
  invoiceId: number,
  items: readonly { invoiceLineId: number; quantity: number }[],
  returnToStock: boolean,
): Invoice {
  const { db } = ctx;
  const vat = vatRegistered(db);
  const original = getInvoice(db, invoiceId, { vatRegistered: vat });
  if (!original) throw new DomainError('not_found', 'invoiceId', { entity: 'faktura', id: invoiceId });
  if (original.kind !== 'invoice') throw new DomainError('not_an_invoice', 'invoiceId');
  requireRight(ctx.actor, 'credit');
  if (original.orderType === 3) requireRight(ctx.actor, 'credit_cash_orders');
  const cardOrders = original.orderIds.map((id) => reload(db, id)).filter((o) => o.orderType === 9);
  if (cardOrders.length > 0 && creditNotesOf(db, invoiceId) > 0) throw new DomainError('card_credited_once', 'invoiceId');

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
  const totals = computeTotals(lines, { vatRegistered: vat });
  const roundingOre = original.roundingOre !== 0 || original.payment ? cashRoundingOre(totals.grossOre) : 0;
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
      netOre: totals.netOre,
      vatOre: totals.vatOre,
      grossOre: totals.grossOre,
      roundingOre,
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
    if (l.orderLineId !== null) addLineQuantities(db, l.orderLineId, { credited: qty });
    if (returnToStock && l.productId !== null && products.get(l.productId)?.stockManaged) {
      const cost = (l.orderLineId !== null ? issueCostOfLine(db, l.orderLineId) : null) ?? lastCostOre(db, l.productId) ?? 0;
      receiveGoods(ctx, l.productId, qty, cost, 'credit', { note: `Kreditnota ${number}`, source: 'credit' });
    }
  }
  for (const o of cardOrders) {
    addCardEvent(db, o.id, 'credit', -totals.grossOre, at);
    setCardState(db, o.id, 'credited');
  }
  logActivity(db, { at, userId: ctx.userId, entity: 'invoice', entityId: id, action: 'credit', after: { number, credits: original.number, returnToStock } });
  for (const orderId of original.orderIds) {
    logActivity(db, { at, userId: ctx.userId, entity: 'order', entityId: orderId, action: 'credit_note', after: { number, credits: original.number } });
  }
  return getInvoice(db, id, { vatRegistered: vat })!;
}

const MONTHS: Readonly<Record<SubscriptionInterval, number>> = Object.fromEntries(
  SUBSCRIPTION_INTERVALS.map((s) => [s.key, s.months]),
) as Record<SubscriptionInterval, number>;

/**
 * Subscription run (SPEC 4): every period that has come due is invoiced once,
 * never twice; stock-managed goods leave stock each period.
 */
export function runSubscriptions(ctx: HandlerContext): Invoice[] {
  requireRight(ctx.actor, 'invoice');
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
      recordSubscriptionRun(ctx.db, order.id, period, invoice.id);
      invoices.push(invoice);
    }
  }
  return invoices;
}
