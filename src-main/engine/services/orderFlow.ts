// Moving an order through its life (SPEC 1.2, 1.2.1, 4): what saving does for
// each order type, the status bar, order type changes, backorders, quote
// conversion, loans, deletion. Which kinds and types behave how is in
// shared/kinds.ts; what each action allows, in domain/orderActions.ts.
import type { Confirm, Order, PaymentInput } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import type { OrderTypeId, StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatAmount } from '../../../shared/format';
import {
  ACTION_KINDS,
  BEFORE_SHIPPING_KINDS,
  INVOICED_KINDS,
  JOB_KINDS,
  NON_PROCESSING_KINDS,
  OPEN_KINDS,
  PARTIAL_DELIVERY_TYPES,
  PAYMENT_FOLLOW_UP_KINDS,
  UNPROCESSED_TYPES,
} from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import { deliveredNotInvoiced, remainingToDeliver } from '../../../shared/lineState';
import { changeTypeRule, convertRule, deleteRule, invoiceRule, notRealized, shippedInFull, type ActionRule } from '../domain/orderActions';
import { lineAmountOre } from '../domain/pricing';
import { assertAllowed } from '../domain/refusal';
import { norwegianSortKey } from '../domain/sortKey';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { getCustomerRow } from '../repos/customers';
import { nextNumber } from '../repos/numberSeries';
import { insertHeader, insertLine, refreshDerived, setOrderDeliveryAddress, type LineValues } from '../repos/orders';
import { insertTextLine } from '../repos/textLines';
import { flatRows, groupRows, keepLines, type RowGroup } from '../domain/textLines';
import {
  addCardEvent,
  deleteOrderRow,
  leftCardType,
  setBackorderOf,
  setCardState,
  setClosedShort,
  setLineQuantity,
  setOrderDate,
  setOrderStatus,
  setOrderType,
  setSourceOrder,
  statusIdsOfKind,
} from '../repos/processing';
import { getProducts } from '../repos/products';
import { changeStockFigures } from '../repos/stock';
import { getStatus } from '../repos/statuses';
import { collectiveInvoice } from './invoicing';
import {
  checkCreditLimit,
  closeShort,
  deliver,
  invoiceOrder,
  reload,
  remainingItems,
  returnDelivered,
  setStatusKind,
  statusOfKind,
  syncStockHolds,
  typeLabel,
  vatRegistered,
} from './processing';
import { followPayment } from './payments';

const NO_CONFIRM: Confirm = { deliverRemaining: false, returnGoods: false, allowShortage: false, overrideCreditLimit: false };

/** Rights first (the actions a right governs that this action reaches), then the rule. */
export function enforce(ctx: HandlerContext, rule: ActionRule, field: string | null = null): void {
  for (const action of rule.needs) ctx.guard(action, field);
  assertAllowed(rule.refusal, field);
}

function returnGoodsIfNeeded(ctx: HandlerContext, order: Order, confirm: Confirm): void {
  const lines = order.lines.filter((l) => deliveredNotInvoiced(l) > 0);
  if (lines.length === 0) return;
  if (!confirm.returnGoods) throw new DomainError('confirm_return_goods', null, { lines: lines.length });
  returnDelivered(ctx, order);
}

function cancelCardReservation(ctx: HandlerContext, order: Order): void {
  if (order.orderType === 9 && order.cardState === 'reserved') {
    addCardEvent(ctx.db, order.id, 'cancel', order.contractAmountOre ?? order.totals.grossOre, ctx.now.toISOString());
    setCardState(ctx.db, order.id, 'cancelled');
  }
}

/** A card payment order may not rise above its contract amount plus the card surcharge of the party who pays (SPEC 1.1). */
function assertCardAmount(ctx: HandlerContext, order: Order, field: string | null = null): void {
  if (order.orderType !== 9 || order.contractAmountOre === null) return;
  const payer = getCustomerRow(ctx.db, order.invoiceCustomerId ?? order.customerId);
  const max = Math.floor((order.contractAmountOre * (10_000 + (payer?.cardSurchargeBp ?? 0))) / 10_000);
  if (order.totals.grossOre > max) throw new DomainError('card_amount_exceeded', field, { max: formatAmount(max) });
}

/**
 * What saving an order (or a line of it) does beyond storing it (SPEC 1.1): the
 * status must still agree with the lines; a Cash order is
 * invoiced with its payment (VAT as of today), a Realized order issues its goods
 * and closes; the others hold stock as their type and status call for, check the
 * credit limit and the card amount. `recheck`: the order's type has just
 * changed, and its new type's availability rule applies to all it holds.
 */
export function applyOrderType(
  ctx: HandlerContext,
  id: number,
  confirm: Confirm,
  payment: PaymentInput | null | undefined,
  opts: { recheck?: boolean } = {},
): Invoice | null {
  const order = reload(ctx.db, id);
  assertAllowed(shippedInFull(order), 'lines');
  if (order.orderType === 3) {
    if (!payment) throw new DomainError('payment_required', 'payment', { total: formatAmount(order.totals.grossOre) });
    setOrderDate(ctx.db, id, ctx.today);
    const invoice = invoiceOrder(ctx, order, { payment });
    const posted = getCompany(ctx.db)?.postCashInvoices ?? false;
    setStatusKind(ctx, order, posted ? 'invoiced' : 'cash_invoiced');
    // Paid at the counter: a posted cash sale (Fakturert) goes on to Betalt at once.
    followPayment(ctx, invoice.id);
    return invoice;
  }
  if (order.orderType === 4) {
    deliver(ctx, order, remainingItems(order));
    setStatusKind(ctx, order, 'closed');
    return null;
  }
  syncStockHolds(ctx, order, confirm, opts);
  checkCreditLimit(ctx, order, confirm);
  assertCardAmount(ctx, order);
  return null;
}

/** A new order with another order's header (a backorder, an order from a quote), dated today. */
function insertCopy(ctx: HandlerContext, from: Order, orderType: OrderTypeId, kind: StatusKind): number {
  const id = insertHeader(
    ctx.db,
    nextNumber(ctx.db, 'sales_order'),
    {
      transactionType: 'sales',
      orderType,
      statusId: statusOfKind(ctx.db, kind),
      customerId: from.customerId,
      customerNumber: from.customerNumber,
      customerName: from.customerName,
      customerSort: norwegianSortKey(from.customerName),
      contactId: from.contactId,
      orderDate: ctx.today,
      deliveryDate: from.deliveryDate,
      customerReference: from.customerReference,
      ourReference: from.ourReference,
      paymentTermsDays: from.paymentTermsDays,
      notes: from.notes,
      // A backorder and an order from a quote are the same work: same title, people and project.
      title: from.title,
      ourContactId: from.ourContactId,
      responsibleId: from.responsibleId,
      projectId: from.projectId,
    },
    ctx.now.toISOString(),
  );
  // It ships where the order it comes from ships.
  setOrderDeliveryAddress(ctx.db, id, from.deliveryAddress);
  return id;
}

/** Writes copied rows onto a new order, product lines and text rows numbered 1..n as they come. */
function insertRows(ctx: HandlerContext, orderId: number, groups: readonly RowGroup<LineValues>[]): void {
  flatRows(groups).forEach((r, i) => {
    if ('line' in r) insertLine(ctx.db, orderId, i + 1, r.line);
    else insertTextLine(ctx.db, orderId, i + 1, r.text);
  });
}

/** After an order is invoiced: closed, or what remains carried to a Rest order (company setting). */
export function afterInvoicing(ctx: HandlerContext, orderId: number): Order | null {
  const order = reload(ctx.db, orderId);
  const remaining = remainingItems(order);
  if (remaining.length === 0) {
    setStatusKind(ctx, order, 'invoiced');
    syncStockHolds(ctx, reload(ctx.db, orderId), NO_CONFIRM);
    return null;
  }
  if (!getCompany(ctx.db)?.generateBackorders) {
    // What remains stays open on the order, which shows as partially invoiced.
    return null;
  }
  const now = ctx.now.toISOString();
  const restId = insertCopy(ctx, order, order.orderType, 'rest');
  // The backorder's text rows (SPEC 2): a heading goes along when at least one
  // line of its group does, with the group's closing text; a remark goes with the
  // line right after it (the one it is about). Headings and remarks of lines
  // delivered in full stay on the invoiced order only; all stay there as they were.
  const rest = new Map(remaining.map(({ line, qty }) => [line.id, qty]));
  const groups = keepLines(groupRows(order.lines, order.textLines), (line): LineValues | null => {
    const qty = rest.get(line.id);
    if (qty === undefined) return null;
    return {
      productId: line.productId,
      productNumber: line.productNumber,
      description: line.description,
      unit: line.unit,
      quantity: qty,
      unitPriceOre: line.unitPriceOre,
      discountBp: line.discountBp,
      vatCode: line.vatCode,
      amountOre: lineAmountOre({ quantity: qty, unitPriceOre: line.unitPriceOre, discountBp: line.discountBp }),
      deliveryDate: line.deliveryDate,
    };
  });
  insertRows(ctx, restId, groups);
  setBackorderOf(ctx.db, restId, order.id);
  // The original closes what it could not deliver; its reservations move to the backorder.
  closeShort(ctx, remaining.map((r) => r.line));
  setStatusKind(ctx, order, 'invoiced');
  syncStockHolds(ctx, reload(ctx.db, order.id), NO_CONFIRM);
  syncStockHolds(ctx, reload(ctx.db, restId), { ...NO_CONFIRM, allowShortage: true });
  logActivity(ctx.db, { at: now, userId: ctx.userId, entity: 'order', entityId: restId, action: 'backorder_created', after: { from: order.number } });
  // A new order: its totals and its first search row (none to replace).
  refreshDerived(ctx.db, restId, { vatRegistered: vatRegistered(ctx.db), search: 'insert' });
  return reload(ctx.db, restId);
}

/** Delivers what remains, after asking where the order type could have been delivered in parts. */
function deliverRemaining(ctx: HandlerContext, order: Order, confirm: Confirm): Order {
  const remaining = remainingItems(order);
  if (remaining.length === 0) return order;
  if (PARTIAL_DELIVERY_TYPES.includes(order.orderType) && !confirm.deliverRemaining) {
    throw new DomainError('confirm_deliver_remaining', null, { lines: remaining.length });
  }
  deliver(ctx, order, remaining);
  return reload(ctx.db, order.id);
}

/**
 * The status where an accepted order goes on to (SPEC 1.2, kind accepted): to
 * Confirmed when the company confirms automatically on acceptance, or when its
 * flow shows no Akseptert status; else it waits in Akseptert for a clerk.
 */
function kindAfterAcceptance(ctx: HandlerContext): 'confirmed' | 'accepted' {
  if (getCompany(ctx.db)?.autoConfirmOnAccept) return 'confirmed';
  return statusIdsOfKind(ctx.db, 'accepted').some((s) => !s.hidden) ? 'accepted' : 'confirmed';
}

/**
 * The status bar (SPEC 1.2): what a move to `statusId` does, given the order type
 * and where the order is. Every route keeps the status in agreement with the
 * lines: goods issued by a move leave stock once, goods that a move back must
 * return come back through a movement, after asking.
 */
export function moveToStatus(ctx: HandlerContext, order: Order, statusId: number, confirm: Confirm): void {
  const { db } = ctx;
  const target = getStatus(db, statusId);
  if (!target || target.transactionType !== 'sales') throw new DomainError('unknown_status', 'statusId', { id: statusId });
  if (target.id === order.statusId) return;
  const to: StatusKind = target.kind;
  const from = order.statusKind;
  const how = ACTION_KINDS[to];
  if (how) throw new DomainError('status_by_action', 'statusId', { status: target.labelNb, how });
  assertAllowed(notRealized(order), 'statusId');
  const set = () => setOrderStatus(db, order.id, target.id, ctx.now.toISOString());

  if (INVOICED_KINDS.includes(from)) {
    // An invoice is final: only the payment follow-up moves on (or back among those steps).
    if (PAYMENT_FOLLOW_UP_KINDS.includes(to) && !(to === 'invoiced' && (from === 'reminded' || from === 'paid'))) return set();
    throw new DomainError('move_back_past_invoice', 'statusId');
  }
  if (to === 'reminded' || to === 'paid') throw new DomainError('status_needs_invoice', 'statusId', { status: target.labelNb });
  if (UNPROCESSED_TYPES.includes(order.orderType) && !NON_PROCESSING_KINDS.includes(to)) {
    throw new DomainError('status_needs_processing_type', 'statusId', { orderType: typeLabel(order.orderType), status: target.labelNb });
  }
  // Cancelling a card payment order, or taking it back out of processing, changes it (and its reservation).
  if (order.orderType === 9 && NON_PROCESSING_KINDS.includes(to)) ctx.guard('change_card_order', 'statusId');
  const anyInvoiced = order.lines.some((l) => l.qtyInvoiced > 0);

  if (NON_PROCESSING_KINDS.includes(to)) {
    if (anyInvoiced) throw new DomainError('move_back_past_invoice', 'statusId');
    returnGoodsIfNeeded(ctx, order, confirm);
    set();
    if (to === 'cancelled') cancelCardReservation(ctx, order);
    syncStockHolds(ctx, reload(db, order.id), confirm);
    // The customer accepted: with "confirm automatically", the order goes straight on.
    if (to === 'accepted' && !UNPROCESSED_TYPES.includes(order.orderType) && kindAfterAcceptance(ctx) === 'confirmed') {
      moveToStatus(ctx, reload(db, order.id), statusOfKind(db, 'confirmed'), confirm);
    }
    return;
  }
  if (to === 'closed') {
    set();
    syncStockHolds(ctx, reload(db, order.id), confirm);
    return;
  }
  if (OPEN_KINDS.includes(to) || to === 'loan') {
    if (to === 'loan' && !PARTIAL_DELIVERY_TYPES.includes(order.orderType)) {
      throw new DomainError('no_partial_delivery', 'statusId', { orderType: typeLabel(order.orderType) });
    }
    // An order whose goods have all left stock cannot stand before shipping: they come back, after asking.
    if (BEFORE_SHIPPING_KINDS.includes(to) && remainingItems(order).length === 0) returnGoodsIfNeeded(ctx, order, confirm);
    set();
    const moved = reload(db, order.id);
    syncStockHolds(ctx, moved, confirm);
    checkCreditLimit(ctx, moved, confirm);
    return;
  }
  if (to === 'shipped') {
    deliverRemaining(ctx, order, confirm);
    set();
    syncStockHolds(ctx, reload(db, order.id), confirm);
    return;
  }
  if (to === 'invoiced') {
    if (order.orderType === 3) throw new DomainError('payment_required', 'statusId', { total: formatAmount(order.totals.grossOre) });
    ctx.guard('issue_invoice', 'statusId');
    const delivered = deliverRemaining(ctx, order, confirm);
    const invoice = invoiceOrder(ctx, delivered);
    set();
    syncStockHolds(ctx, reload(db, order.id), confirm);
    // A card payment order is paid as it is invoiced (the capture).
    followPayment(ctx, invoice.id);
    return;
  }
  if (to === 'collective') {
    // Samleordre (a * kind): the order's goods leave stock and it is invoiced with the customer's other eligible orders.
    if (order.orderType === 9) throw new DomainError('card_not_collective', 'statusId');
    const delivered = deliverRemaining(ctx, order, confirm);
    if (!delivered.lines.some((l) => deliveredNotInvoiced(l) > 0)) throw new DomainError('nothing_to_invoice', 'statusId');
    collectiveInvoice(ctx, order.customerId, undefined, { including: delivered });
    syncStockHolds(ctx, reload(db, order.id), confirm);
    return;
  }
  throw new DomainError('unknown_status', 'statusId', { id: statusId });
}

/** Invoices delivered quantities from the order screen, then closes the order or makes its backorder. */
export function invoiceFromOrder(ctx: HandlerContext, order: Order): { invoice: Invoice; backorder: Order | null } {
  enforce(ctx, invoiceRule(order));
  const invoice = invoiceOrder(ctx, order);
  const backorder = afterInvoicing(ctx, order.id);
  // A card payment order is paid as it is invoiced (the capture).
  followPayment(ctx, invoice.id);
  return { invoice, backorder };
}

/**
 * Changing the order type (SPEC 1.1) undoes what the old type had done as far as
 * the new one needs, and is refused once anything is delivered or invoiced. The
 * new type's rules then apply as if the order were saved as it: a Normal order
 * checks all it holds against what is available (a Direct order's
 * over-reservation is asked about), a Cash order is invoiced with its payment, a
 * Realized order issues its goods and closes.
 */
export function changeOrderType(
  ctx: HandlerContext,
  order: Order,
  newType: OrderTypeId,
  confirm: Confirm,
  opts: { field?: string; payment?: PaymentInput | null | undefined; apply?: boolean } = {},
): void {
  const field = opts.field ?? 'orderType';
  if (newType === order.orderType) return;
  enforce(ctx, changeTypeRule(order), field);
  if (newType === 9) {
    throw new DomainError(leftCardType(ctx.db, order.id) ? 'card_type_final' : 'order_type_import_only', field);
  }
  if (order.orderType === 9) cancelCardReservation(ctx, order);
  if (UNPROCESSED_TYPES.includes(newType) && !NON_PROCESSING_KINDS.includes(order.statusKind)) {
    const status = getStatus(ctx.db, order.statusId)!;
    throw new DomainError('status_needs_processing_type', field, { orderType: typeLabel(newType), status: status.labelNb });
  }
  setOrderType(ctx.db, order.id, newType, order.orderType === 9);
  // `apply: false`: the caller stores more of the order first and applies the new type's rules then.
  if (opts.apply !== false) applyOrderType(ctx, order.id, confirm, opts.payment, { recheck: true });
}

/**
 * Quote to order (SPEC 4): a new order with the quote's customer, lines and
 * prices; the two stay related, and a quote converts once. The order starts
 * where an accepted order goes (Akseptert, or Bekreftet when the company confirms
 * on acceptance), and is then saved as its type: a Cash order with its payment.
 */
export function convertQuote(
  ctx: HandlerContext,
  quote: Order,
  orderType: OrderTypeId,
  confirm: Confirm,
  payment: PaymentInput | null = null,
): Order {
  enforce(ctx, convertRule(quote), 'id');
  const now = ctx.now.toISOString();
  const id = insertCopy(ctx, quote, orderType, orderType === 3 ? 'confirmed' : kindAfterAcceptance(ctx));
  // Every row of the quote, its headings and text rows in place among the lines.
  const rows = groupRows(quote.lines, quote.textLines).map((g) => ({
    ...g,
    items: g.items.map((it) => ({
      texts: it.texts,
      line: {
        productId: it.line.productId,
        productNumber: it.line.productNumber,
        description: it.line.description,
        unit: it.line.unit,
        quantity: it.line.quantity,
        unitPriceOre: it.line.unitPriceOre,
        discountBp: it.line.discountBp,
        vatCode: it.line.vatCode,
        amountOre: it.line.amountOre,
        deliveryDate: it.line.deliveryDate,
      },
    })),
  }));
  insertRows(ctx, id, rows);
  setSourceOrder(ctx.db, id, quote.id);
  const accepted = statusIdsOfKind(ctx.db, 'accepted')[0];
  if (accepted && NON_PROCESSING_KINDS.includes(quote.statusKind)) setOrderStatus(ctx.db, quote.id, accepted.id, now);
  // Its totals and first search row are the caller's to write (the handler, or the generator in bulk).
  applyOrderType(ctx, id, confirm, payment);
  const order = reload(ctx.db, id);
  logActivity(ctx.db, { at: now, userId: ctx.userId, entity: 'order', entityId: quote.id, action: 'converted', after: { orderNumber: order.number } });
  return order;
}

/** A loan returned, in part or in full: availability is restored; a fully returned loan is closed. */
export function returnLoan(ctx: HandlerContext, order: Order, items: readonly { lineId: number; quantity: number }[]): void {
  items.forEach((item, i) => {
    const line = order.lines.find((l) => l.id === item.lineId);
    if (!line) throw new DomainError('unknown_line', `lines.${i}.lineId`, { id: item.lineId });
    if (order.statusKind !== 'loan' || item.quantity > line.qtyOnLoan) {
      throw new DomainError('not_on_loan', `lines.${i}.quantity`, { line: line.lineNo, onLoan: line.qtyOnLoan / 1000 });
    }
    if (item.quantity === remainingToDeliver(line)) setClosedShort(ctx.db, line.id, true);
    else {
      const quantity = line.quantity - item.quantity;
      setLineQuantity(ctx.db, line.id, quantity, lineAmountOre({ quantity, unitPriceOre: line.unitPriceOre, discountBp: line.discountBp }));
    }
  });
  const after = reload(ctx.db, order.id);
  syncStockHolds(ctx, after, NO_CONFIRM);
  if (after.lines.every((l) => remainingToDeliver(l) === 0 && l.qtyDelivered === 0)) setStatusKind(ctx, after, 'closed');
}

/**
 * Jobs move the order (SPEC 1.2): a job started sets Jobb startet, every job
 * completed Jobb fullført; only from the kinds where work goes on (JOB_KINDS).
 */
export function moveForJobs(ctx: HandlerContext, order: Order, kind: 'job_started' | 'job_completed'): void {
  if (order.statusKind === kind || !JOB_KINDS.includes(order.statusKind)) return;
  setStatusKind(ctx, order, kind);
  syncStockHolds(ctx, reload(ctx.db, order.id), { ...NO_CONFIRM, allowShortage: true });
}

/** Whether goods of a stock-managed product on the order have left stock (such an order is not deleted). */
export function deliveredStockManaged(ctx: HandlerContext, order: Order): boolean {
  const products = getProducts(ctx.db, order.lines.map((l) => l.productId));
  return order.lines.some((l) => l.qtyDelivered > 0 && products.get(l.productId)?.stockManaged);
}

/**
 * Deleting (SPEC 1.2): never an order with an invoice; never one whose
 * stock-managed goods have left stock. Reservations and loans are released; a
 * card reservation is cancelled.
 */
export function deleteOrder(ctx: HandlerContext, order: Order): void {
  enforce(ctx, deleteRule(order, deliveredStockManaged(ctx, order)));
  for (const l of order.lines) {
    if (l.qtyReserved || l.qtyOnLoan) changeStockFigures(ctx.db, l.productId, { reserved: -l.qtyReserved, onLoan: -l.qtyOnLoan });
  }
  cancelCardReservation(ctx, order);
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'order', entityId: order.id, action: 'delete', before: order });
  deleteOrderRow(ctx.db, order.id);
}

export { NO_CONFIRM };
