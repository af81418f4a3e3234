// Sales processing (SPEC 1.1, 1.2, 3, 4): what order types and status kinds do
// to stock, deliveries and invoices. Every function runs inside the caller's
// transaction; a refusal anywhere rolls the whole call back.
import type { Confirm, Order, OrderLine, PaymentInput } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import { ORDER_TYPES, STATUS_KIND_LABELS, type OrderTypeId, type StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatAmount, formatQuantity } from '../../../shared/format';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { addDays, makeKid } from '../domain/invoiceRules';
import { deliveredNotInvoiced, remainingToDeliver } from '../domain/lineState';
import { NON_PROCESSING_KINDS, UNPROCESSED_TYPES } from '../domain/orderRules';
import { cashRoundingOre, computeTotals, lineAmountOre } from '../domain/pricing';
import { requireRight } from '../domain/rights';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { getCustomerRow } from '../repos/customers';
import { getInvoice, insertInvoice, insertPayment, type InvoiceLineValues } from '../repos/invoices';
import { nextNumber } from '../repos/numberSeries';
import { getOrder, refreshDerived } from '../repos/orders';
import {
  addCardEvent,
  addLineQuantities,
  customerExposureOre,
  insertDelivery,
  lastDeliveryDate,
  setCardState,
  setClosedShort,
  setOrderStatus,
  setOverCreditLimitBy,
  statusIdsOfKind,
} from '../repos/processing';
import { getProducts } from '../repos/products';
import { changeStockFigures, issueCostOfLine, stockFigures } from '../repos/stock';
import { issueGoods, receiveGoods } from './stock';

/** Kinds in which an order is being processed but not yet delivered in full or invoiced. */
export const OPEN_KINDS: readonly StatusKind[] = [
  'confirmed',
  'production',
  'job_started',
  'job_completed',
  'pack',
  'ready_to_invoice',
  'rest',
  'subscription',
];
/** Kinds that mean the order is now an invoice: its lines and amounts no longer change. */
export const INVOICED_KINDS: readonly StatusKind[] = ['invoiced', 'cash_invoiced', 'invoiced_packing_slip', 'reminded', 'paid'];
/** Kinds set by Ordrebok's own actions, never picked from the status bar. */
const ACTION_KINDS: Readonly<Partial<Record<StatusKind, string>>> = {
  cash_invoiced: 'ved lagring av kontantordre',
  invoiced_packing_slip: 'ved samlefakturering',
};
/** Kinds that issue stock-managed goods (the * kinds of SPEC 1.2). */
const ISSUING_KINDS: readonly StatusKind[] = ['shipped', 'collective', 'invoiced', 'cash_invoiced'];
/** What counts against the credit limit: orders being processed and invoices not yet paid. */
const EXPOSURE_KINDS: readonly StatusKind[] = [...OPEN_KINDS, 'loan', 'shipped', 'collective', 'invoiced', 'invoiced_packing_slip', 'reminded'];

const RESERVING_TYPES: readonly OrderTypeId[] = [1, 2, 7, 9];
/** Normal orders check availability; Pre-order does not; Direct may reserve more than is available. */
const AVAILABILITY_TYPES: readonly OrderTypeId[] = [1];
/** Direct, Cash and Realized may take stock below zero: a negative batch is made. */
const NEGATIVE_TYPES: readonly OrderTypeId[] = [2, 3, 4];
/** Only these may be delivered in parts. */
const PARTIAL_TYPES: readonly OrderTypeId[] = [1, 7, 9];

export const typeLabel = (t: OrderTypeId): string => `${t} ${ORDER_TYPES.find((o) => o.id === t)?.nb ?? ''}`.trim();
const kindLabel = (k: StatusKind): string => STATUS_KIND_LABELS[k].nb;

export function vatRegistered(db: Db): boolean {
  const company = getCompany(db);
  if (!company) throw new DomainError('company_missing');
  return company.vatRegistered;
}

export function reload(db: Db, id: number): Order {
  const order = getOrder(db, id, { vatRegistered: vatRegistered(db) });
  if (!order) throw new DomainError('not_found', 'id', { entity: 'ordre', id });
  return order;
}

/** The status an action moves an order to: the first of that kind, visible ones first. */
export function statusOfKind(db: Db, kind: StatusKind): number {
  const s = statusIdsOfKind(db, kind)[0];
  if (!s) throw new DomainError('status_missing', null, { kind: kindLabel(kind) });
  return s.id;
}

function setStatusKind(ctx: HandlerContext, order: Order, kind: StatusKind): void {
  if (order.statusKind !== kind) setOrderStatus(ctx.db, order.id, statusOfKind(ctx.db, kind), ctx.now.toISOString());
}

// ---- Reservations and loans ------------------------------------------------------

/**
 * Brings each line's reservation and loan to what its order type and status
 * call for: Normal, Direct, Pre-order and Card orders reserve what remains to be
 * delivered while open; Loan puts it on loan instead. Releases come first, so a
 * line turning a reservation into a loan does not compete with itself.
 */
export function syncStockHolds(ctx: HandlerContext, order: Order, confirm: Confirm): void {
  const { db } = ctx;
  const reserve = RESERVING_TYPES.includes(order.orderType) && OPEN_KINDS.includes(order.statusKind) && order.statusKind !== 'subscription';
  const loan = order.statusKind === 'loan';
  const products = getProducts(db, order.lines.map((l) => l.productId));
  const plans = order.lines.map((line) => {
    const managed = products.get(line.productId)?.stockManaged ?? false;
    const remaining = remainingToDeliver(line);
    return { line, reserved: managed && reserve ? remaining : 0, onLoan: managed && loan ? remaining : 0 };
  });
  for (const pass of ['release', 'hold'] as const) {
    for (const p of plans) {
      const dRes = p.reserved - p.line.qtyReserved;
      const dLoan = p.onLoan - p.line.qtyOnLoan;
      const res = pass === 'release' ? Math.min(0, dRes) : Math.max(0, dRes);
      const lo = pass === 'release' ? Math.min(0, dLoan) : Math.max(0, dLoan);
      if (res === 0 && lo === 0) continue;
      if (pass === 'hold' && !confirm.allowShortage && (lo > 0 || AVAILABILITY_TYPES.includes(order.orderType))) {
        const f = stockFigures(db, p.line.productId);
        const available = f.onHand - f.reserved - f.onLoan;
        if (res + lo > available) {
          const product = products.get(p.line.productId)!;
          throw new DomainError('confirm_shortage', null, {
            product: `${product.number} ${product.name}`,
            available: formatQuantity(Math.max(0, available)),
            wanted: formatQuantity(res + lo),
          });
        }
      }
      addLineQuantities(db, p.line.id, { reserved: res, onLoan: lo });
      changeStockFigures(db, p.line.productId, { reserved: res, onLoan: lo });
    }
  }
}

/** Normal orders check the customer's credit limit (SPEC 1.1); a user with the right may override. */
export function checkCreditLimit(ctx: HandlerContext, order: Order, confirm: Confirm): void {
  if (order.orderType !== 1 || !(OPEN_KINDS.includes(order.statusKind) || order.statusKind === 'loan')) return;
  const customer = getCustomerRow(ctx.db, order.customerId);
  if (!customer || customer.creditLimitOre === null) return;
  const exposure = customerExposureOre(ctx.db, order.customerId, EXPOSURE_KINDS, order.id) + order.totals.grossOre;
  if (exposure <= customer.creditLimitOre) return;
  if (!confirm.overrideCreditLimit) {
    throw new DomainError('credit_limit_exceeded', null, {
      limit: formatAmount(customer.creditLimitOre),
      exposure: formatAmount(exposure),
    });
  }
  requireRight(ctx.actor, 'override_credit_limit');
  setOverCreditLimitBy(ctx.db, order.id, ctx.userId);
}

// ---- Deliveries ------------------------------------------------------------------

/** Marks quantities delivered: issues their goods (oldest batch first) and records one delivery. */
export function deliver(ctx: HandlerContext, order: Order, items: readonly { line: OrderLine; qty: number; field?: string }[]): void {
  const { db } = ctx;
  if (items.length === 0) return;
  const products = getProducts(db, items.map((i) => i.line.productId));
  const allowNegative = NEGATIVE_TYPES.includes(order.orderType);
  for (const { line, qty, field } of items) {
    const remaining = remainingToDeliver(line);
    if (qty > remaining) {
      throw new DomainError('over_delivery', field ?? null, { line: line.lineNo, remaining: formatQuantity(remaining) });
    }
    const fromLoan = Math.min(line.qtyOnLoan, qty);
    const fromReserved = Math.min(line.qtyReserved, qty - fromLoan);
    if (products.get(line.productId)?.stockManaged) {
      issueGoods(ctx, line.productId, qty, {
        allowNegative,
        link: { orderLineId: line.id, orderType: order.orderType, orderNumber: order.number },
        field: field ?? null,
      });
      changeStockFigures(db, line.productId, { reserved: -fromReserved, onLoan: -fromLoan });
    }
    addLineQuantities(db, line.id, { delivered: qty, reserved: -fromReserved, onLoan: -fromLoan });
  }
  insertDelivery(db, order.id, ctx.now.toISOString(), ctx.userId, items.map((i) => ({ lineId: i.line.id, qty: i.qty })));
}

/** Everything that remains, for moving to Shipped or invoicing Direct orders in one go. */
export function remainingItems(order: Order): { line: OrderLine; qty: number }[] {
  return order.lines.flatMap((line) => (remainingToDeliver(line) > 0 ? [{ line, qty: remainingToDeliver(line) }] : []));
}

/** Moving back past shipping: delivered, uninvoiced goods return to stock at the cost they left with. */
export function returnDelivered(ctx: HandlerContext, order: Order): void {
  const products = getProducts(ctx.db, order.lines.map((l) => l.productId));
  for (const line of order.lines) {
    const qty = deliveredNotInvoiced(line);
    if (qty === 0) continue;
    if (products.get(line.productId)?.stockManaged) {
      receiveGoods(ctx, line.productId, qty, issueCostOfLine(ctx.db, line.id) ?? 0, 'return', {
        link: { orderLineId: line.id, orderType: order.orderType, orderNumber: order.number },
        source: 'return',
      });
    }
    addLineQuantities(ctx.db, line.id, { delivered: -qty });
  }
}

// ---- Invoices --------------------------------------------------------------------

export interface InvoiceItem {
  readonly order: Order;
  readonly line: OrderLine;
  readonly qty: number;
}

/**
 * Issues an invoice for the given quantities: the next number of the one
 * gap-free series, KID, due date, totals per VAT rate; cash sales are rounded to
 * whole kroner and carry their payment.
 */
export function issueInvoice(
  ctx: HandlerContext,
  p: {
    customerId: number;
    items: readonly InvoiceItem[];
    payment?: PaymentInput | null;
    paymentTermsDays: number;
    /** Subscription invoices repeat the lines each period without counting them as invoiced on the order. */
    countOnLines?: boolean;
  },
): Invoice {
  const { db } = ctx;
  const customer = getCustomerRow(db, p.customerId);
  if (!customer) throw new DomainError('unknown_customer', null, { id: p.customerId });
  const vat = vatRegistered(db);
  const number = nextNumber(db, 'invoice');
  const lines: InvoiceLineValues[] = p.items.map(({ order, line, qty }) => ({
    orderId: order.id,
    orderLineId: line.id,
    productId: line.productId,
    description: line.description,
    quantity: qty,
    unitPriceOre: line.unitPriceOre,
    discountBp: line.discountBp,
    vatCode: line.vatCode,
    amountOre: lineAmountOre({ quantity: qty, unitPriceOre: line.unitPriceOre, discountBp: line.discountBp }),
    creditedLineId: null,
  }));
  const totals = computeTotals(lines, { vatRegistered: vat });
  const roundingOre = p.payment ? cashRoundingOre(totals.grossOre) : 0;
  const payable = totals.grossOre + roundingOre;
  if (p.payment && p.payment.receivedOre < payable) {
    throw new DomainError('payment_too_small', 'payment.receivedOre', {
      received: formatAmount(p.payment.receivedOre),
      total: formatAmount(payable),
    });
  }
  const orderIds = [...new Set(p.items.map((i) => i.order.id))];
  const types = new Set(p.items.map((i) => i.order.orderType));
  const at = ctx.now.toISOString();
  const invoiceId = insertInvoice(
    db,
    {
      number,
      kind: 'invoice',
      creditedInvoiceId: null,
      partyId: customer.id,
      customerName: customer.name,
      orderType: types.size === 1 ? [...types][0]! : null,
      invoiceDate: ctx.today,
      dueDate: p.payment ? ctx.today : addDays(ctx.today, p.paymentTermsDays),
      deliveryDate: lastDeliveryDate(db, orderIds)?.slice(0, 10) ?? ctx.today,
      kid: makeKid(customer.number, number),
      netOre: totals.netOre,
      vatOre: totals.vatOre,
      grossOre: totals.grossOre,
      roundingOre,
      createdAt: at,
      userId: ctx.userId,
    },
    lines,
    orderIds,
  );
  if (p.countOnLines !== false) for (const { line, qty } of p.items) addLineQuantities(db, line.id, { invoiced: qty });
  if (p.payment) {
    insertPayment(db, {
      invoiceId,
      method: p.payment.method,
      amountOre: payable,
      receivedOre: p.payment.receivedOre,
      changeOre: p.payment.receivedOre - payable,
      paidAt: at,
    });
  }
  const invoice = getInvoice(db, invoiceId, { vatRegistered: vat })!;
  logActivity(db, { at, userId: ctx.userId, entity: 'invoice', entityId: invoiceId, action: 'issue', after: { number, grossOre: invoice.grossOre, orderIds } });
  for (const id of orderIds) logActivity(db, { at, userId: ctx.userId, entity: 'order', entityId: id, action: 'invoice', after: { invoiceNumber: number } });
  return invoice;
}

/** What is delivered and not invoiced on an order. */
export function invoiceableItems(order: Order): InvoiceItem[] {
  return order.lines.flatMap((line) => (deliveredNotInvoiced(line) > 0 ? [{ order, line, qty: deliveredNotInvoiced(line) }] : []));
}

/** After invoicing: close the order, or carry what remains on to a backorder (a Rest order). */
export interface InvoiceOutcome {
  readonly invoice: Invoice;
  readonly backorderLines: readonly OrderLine[];
}

export function assertProcessedType(order: Order): void {
  if (UNPROCESSED_TYPES.includes(order.orderType)) {
    throw new DomainError('not_processed_type', null, { orderType: typeLabel(order.orderType) });
  }
}

export function assertNotInvoiced(order: Order): void {
  if (INVOICED_KINDS.includes(order.statusKind)) throw new DomainError('order_invoiced');
}

/**
 * Invoices an order (SPEC 1.1, 4): Direct orders are delivered on the way
 * (negative batches where stock is short); Normal, Pre-order and Card orders
 * invoice what is delivered. Card payment captures the reserved amount.
 */
export function invoiceOrder(ctx: HandlerContext, order: Order, opts: { payment?: PaymentInput | null } = {}): Invoice {
  requireRight(ctx.actor, 'invoice');
  assertProcessedType(order);
  assertNotInvoiced(order);
  let current = order;
  if (order.orderType === 2 || order.orderType === 3 || order.orderType === 4) {
    deliver(ctx, current, remainingItems(current));
    current = reload(ctx.db, order.id);
  }
  const items = invoiceableItems(current);
  if (items.length === 0) throw new DomainError('nothing_to_invoice');
  const invoice = issueInvoice(ctx, {
    customerId: current.customerId,
    items,
    payment: opts.payment ?? null,
    paymentTermsDays: current.paymentTermsDays,
  });
  if (current.orderType === 9) {
    addCardEvent(ctx.db, current.id, 'capture', invoice.grossOre, ctx.now.toISOString());
    setCardState(ctx.db, current.id, 'captured');
  }
  return invoice;
}

/** Closes lines short: what was not delivered will not be; their holds go. */
export function closeShort(ctx: HandlerContext, lines: readonly OrderLine[]): void {
  for (const l of lines) setClosedShort(ctx.db, l.id, true);
}

export function refresh(ctx: HandlerContext, orderId: number): Order {
  refreshDerived(ctx.db, orderId, { vatRegistered: vatRegistered(ctx.db) });
  return reload(ctx.db, orderId);
}

export { ACTION_KINDS, ISSUING_KINDS, kindLabel, NON_PROCESSING_KINDS, PARTIAL_TYPES, setStatusKind };
