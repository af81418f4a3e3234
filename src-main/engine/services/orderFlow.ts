// Moving an order through its life (SPEC 1.2, 1.2.1, 4): the status bar, order
// type changes, backorders, quote conversion, loans, deletion.
import type { Confirm, Order } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import type { OrderTypeId, StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { deliveredNotInvoiced, remainingToDeliver } from '../domain/lineState';
import { NON_PROCESSING_KINDS, UNPROCESSED_TYPES } from '../domain/orderRules';
import { lineAmountOre } from '../domain/pricing';
import { requireRight } from '../domain/rights';
import { norwegianSortKey } from '../domain/sortKey';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { nextNumber } from '../repos/numberSeries';
import { insertHeader, insertLine, refreshDerived, setOrderDeliveryAddress } from '../repos/orders';
import {
  addCardEvent,
  deleteOrderRow,
  leftCardType,
  setBackorderOf,
  setCardState,
  setLineQuantity,
  setClosedShort,
  setOrderStatus,
  setOrderType,
  setSourceOrder,
} from '../repos/processing';
import { getProducts } from '../repos/products';
import { changeStockFigures } from '../repos/stock';
import { getStatus } from '../repos/statuses';
import {
  ACTION_KINDS,
  INVOICED_KINDS,
  ISSUING_KINDS,
  OPEN_KINDS,
  PARTIAL_TYPES,
  assertNotInvoiced,
  assertProcessedType,
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
import { collectiveInvoice } from './invoicing';

const NO_CONFIRM: Confirm = { deliverRemaining: false, returnGoods: false, allowShortage: false, overrideCreditLimit: false };

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
    },
    ctx.now.toISOString(),
  );
  // It ships where the order it comes from ships.
  setOrderDeliveryAddress(ctx.db, id, from.deliveryAddress);
  return id;
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
  remaining.forEach(({ line, qty }, i) => {
    insertLine(ctx.db, restId, i + 1, {
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
    });
  });
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

/** The status bar (SPEC 1.2): what a move to `statusId` does, given the order type and where the order is. */
export function moveToStatus(ctx: HandlerContext, order: Order, statusId: number, confirm: Confirm): void {
  const { db } = ctx;
  const target = getStatus(db, statusId);
  if (!target || target.transactionType !== 'sales') throw new DomainError('unknown_status', 'statusId', { id: statusId });
  if (target.id === order.statusId) return;
  const to: StatusKind = target.kind;
  const from = order.statusKind;
  const how = ACTION_KINDS[to];
  if (how) throw new DomainError('status_by_action', 'statusId', { status: target.labelNb, how });
  const set = () => setOrderStatus(db, order.id, target.id, ctx.now.toISOString());

  if (INVOICED_KINDS.includes(from)) {
    // An invoice is final: only the payment follow-up moves on (or back among those steps).
    if (['invoiced', 'reminded', 'paid', 'closed'].includes(to) && !(to === 'invoiced' && from !== 'reminded' && from !== 'paid')) return set();
    throw new DomainError('move_back_past_invoice', 'statusId');
  }
  if (to === 'reminded' || to === 'paid') throw new DomainError('status_needs_invoice', 'statusId', { status: target.labelNb });
  if (UNPROCESSED_TYPES.includes(order.orderType) && !NON_PROCESSING_KINDS.includes(to)) {
    throw new DomainError('status_needs_processing_type', 'statusId', { orderType: typeLabel(order.orderType), status: target.labelNb });
  }
  const anyInvoiced = order.lines.some((l) => l.qtyInvoiced > 0);

  if (to === 'cancelled' || NON_PROCESSING_KINDS.includes(to)) {
    if (anyInvoiced) throw new DomainError('move_back_past_invoice', 'statusId');
    returnGoodsIfNeeded(ctx, order, confirm);
    set();
    if (to === 'cancelled') cancelCardReservation(ctx, order);
    syncStockHolds(ctx, reload(db, order.id), confirm);
    return;
  }
  if (to === 'closed') {
    set();
    syncStockHolds(ctx, reload(db, order.id), confirm);
    return;
  }
  if (OPEN_KINDS.includes(to) || to === 'loan') {
    if (to === 'loan' && !PARTIAL_TYPES.includes(order.orderType)) {
      throw new DomainError('no_partial_delivery', 'statusId', { orderType: typeLabel(order.orderType) });
    }
    // Back from a status that issued the goods: they return to stock, after asking.
    if (ISSUING_KINDS.includes(from) && to !== 'ready_to_invoice') returnGoodsIfNeeded(ctx, order, confirm);
    set();
    const moved = reload(db, order.id);
    syncStockHolds(ctx, moved, confirm);
    checkCreditLimit(ctx, moved, confirm);
    return;
  }
  if (to === 'shipped') {
    const remaining = remainingItems(order);
    if (remaining.length > 0 && !confirm.deliverRemaining && PARTIAL_TYPES.includes(order.orderType)) {
      throw new DomainError('confirm_deliver_remaining', null, { lines: remaining.length });
    }
    deliver(ctx, order, remaining);
    set();
    syncStockHolds(ctx, reload(db, order.id), confirm);
    return;
  }
  if (to === 'invoiced') {
    if (order.orderType === 3) throw new DomainError('payment_required', 'statusId', { total: String(order.totals.grossOre / 100) });
    const remaining = remainingItems(order);
    if (PARTIAL_TYPES.includes(order.orderType) && remaining.length > 0) {
      if (!confirm.deliverRemaining) throw new DomainError('confirm_deliver_remaining', null, { lines: remaining.length });
      deliver(ctx, order, remaining);
    }
    invoiceOrder(ctx, reload(db, order.id));
    set();
    syncStockHolds(ctx, reload(db, order.id), confirm);
    return;
  }
  if (to === 'collective') {
    collectiveInvoice(ctx, order.customerId, undefined);
    return;
  }
  throw new DomainError('unknown_status', 'statusId', { id: statusId });
}

/** Invoices delivered quantities from the order screen, then closes the order or makes its backorder. */
export function invoiceFromOrder(ctx: HandlerContext, order: Order): { invoice: Invoice; backorder: Order | null } {
  if (order.orderType === 3) throw new DomainError('payment_required', null, { total: String(order.totals.grossOre / 100) });
  const invoice = invoiceOrder(ctx, order);
  const backorder = afterInvoicing(ctx, order.id);
  return { invoice, backorder };
}

/**
 * Changing the order type (SPEC 1.1) undoes what the old type had done as far as
 * the new one needs, and is refused once anything is delivered or invoiced.
 */
export function changeOrderType(ctx: HandlerContext, order: Order, newType: OrderTypeId, confirm: Confirm, field = 'orderType'): void {
  if (newType === order.orderType) return;
  if (order.lines.some((l) => l.qtyDelivered > 0 || l.qtyInvoiced > 0)) throw new DomainError('type_change_after_processing', field);
  if (newType === 9) {
    throw new DomainError(leftCardType(ctx.db, order.id) ? 'card_type_final' : 'order_type_import_only', field);
  }
  requireRight(ctx.actor, 'change_order_type', field);
  if (order.orderType === 9) {
    requireRight(ctx.actor, 'change_card_orders', field);
    cancelCardReservation(ctx, order);
  }
  if (UNPROCESSED_TYPES.includes(newType) && !NON_PROCESSING_KINDS.includes(order.statusKind)) {
    const status = getStatus(ctx.db, order.statusId)!;
    throw new DomainError('status_needs_processing_type', field, { orderType: typeLabel(newType), status: status.labelNb });
  }
  setOrderType(ctx.db, order.id, newType, order.orderType === 9);
  const changed = reload(ctx.db, order.id);
  syncStockHolds(ctx, changed, confirm);
  checkCreditLimit(ctx, changed, confirm);
}

/** Quote to order (SPEC 4): a new order with the quote's customer, lines, prices; the two stay related. */
export function convertQuote(ctx: HandlerContext, quote: Order, orderType: OrderTypeId, confirm: Confirm): Order {
  if (quote.orderType !== 5) throw new DomainError('not_a_quote', 'id');
  const now = ctx.now.toISOString();
  const id = insertCopy(ctx, quote, orderType, 'confirmed');
  quote.lines.forEach((l, i) =>
    insertLine(ctx.db, id, i + 1, {
      productId: l.productId,
      productNumber: l.productNumber,
      description: l.description,
      unit: l.unit,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      discountBp: l.discountBp,
      vatCode: l.vatCode,
      amountOre: l.amountOre,
      deliveryDate: l.deliveryDate,
    }),
  );
  setSourceOrder(ctx.db, id, quote.id);
  const accepted = getStatusOfKindIfAny(ctx, 'accepted');
  if (accepted !== null && NON_PROCESSING_KINDS.includes(quote.statusKind)) setOrderStatus(ctx.db, quote.id, accepted, now);
  const order = reload(ctx.db, id);
  syncStockHolds(ctx, order, confirm);
  checkCreditLimit(ctx, order, confirm);
  logActivity(ctx.db, { at: now, userId: ctx.userId, entity: 'order', entityId: quote.id, action: 'converted', after: { orderNumber: order.number } });
  return order;
}

function getStatusOfKindIfAny(ctx: HandlerContext, kind: StatusKind): number | null {
  try {
    return statusOfKind(ctx.db, kind);
  } catch {
    return null;
  }
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
 * Deleting (SPEC 1.2): never an invoiced order; never one whose stock-managed
 * goods have left stock. Reservations and loans are released; a card reservation is cancelled.
 */
export function deleteOrder(ctx: HandlerContext, order: Order): void {
  if (INVOICED_KINDS.includes(order.statusKind) || order.lines.some((l) => l.qtyInvoiced > 0)) throw new DomainError('delete_invoiced');
  const products = getProducts(ctx.db, order.lines.map((l) => l.productId));
  if (order.lines.some((l) => l.qtyDelivered > 0 && products.get(l.productId)?.stockManaged)) throw new DomainError('delete_delivered');
  for (const l of order.lines) {
    if (l.qtyReserved || l.qtyOnLoan) changeStockFigures(ctx.db, l.productId, { reserved: -l.qtyReserved, onLoan: -l.qtyOnLoan });
  }
  cancelCardReservation(ctx, order);
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'order', entityId: order.id, action: 'delete', before: order });
  deleteOrderRow(ctx.db, order.id);
}

export { assertNotInvoiced, assertProcessedType, NO_CONFIRM };
