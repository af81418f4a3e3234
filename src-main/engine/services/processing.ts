// Sales processing (SPEC 1.1, 1.2, 3, 4): what order types and status kinds do
// to stock, deliveries and invoices. Every function runs inside the caller's
// transaction; a refusal anywhere rolls the whole call back. Which kinds and
// types behave how is in shared/kinds.ts; what each action allows, in
// domain/orderActions.ts.
import type { Confirm, Order, OrderLine, PaymentInput } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import { STATUS_KIND_LABELS, roundsToKrone, type StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatAmount, formatQuantity } from '../../../shared/format';
import {
  AVAILABILITY_TYPES,
  CREDIT_LIMIT_TYPES,
  DELIVERED_ON_INVOICE_TYPES,
  EXPOSURE_KINDS,
  NEGATIVE_STOCK_TYPES,
  NEVER_INVOICED_TYPES,
  OPEN_KINDS,
  RESERVING_KINDS,
  RESERVING_TYPES,
} from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { addDays, makeKid } from '../domain/invoiceRules';
import { deliveredNotInvoiced, remainingToDeliver } from '../../../shared/lineState';
import { cardDeliveredInFull, notInvoiced, notRealized, processedType, typeLabel } from '../domain/orderActions';
import { cashRoundingOre, computeTotals, lineAmountOre } from '../domain/pricing';
import { assertAllowed, firstRefusal } from '../domain/refusal';
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
import { insertInvoiceTexts } from '../repos/textLines';
import { invoiceTextRows } from '../domain/textLines';
import { changeStockFigures, issueCostOfLine, stockFigures } from '../repos/stock';
import { issueGoods, receiveGoods } from './stock';
import { recordInvoice } from './accounting';
import { recordPaidAtIssue } from './payments';

export { typeLabel };
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

function setStatusKind(ctx: HandlerContext, order: Pick<Order, 'id' | 'statusKind'>, kind: StatusKind): void {
  if (order.statusKind !== kind) setOrderStatus(ctx.db, order.id, statusOfKind(ctx.db, kind), ctx.now.toISOString());
}

// ---- Reservations and loans ------------------------------------------------------

/**
 * Brings each line's reservation and loan to what its order type and status
 * call for: Normal, Direct, Pre-order and Card orders reserve what remains to be
 * delivered while open; Loan puts it on loan instead. Releases come first, so a
 * line turning a reservation into a loan does not compete with itself.
 *
 * A Normal order checks what it takes against what is available: by default the
 * increase only; with `recheck` (after a type change, when the new type's rules
 * apply to the whole order) everything it holds, against what the others leave.
 */
export function syncStockHolds(ctx: HandlerContext, order: Order, confirm: Confirm, opts: { recheck?: boolean } = {}): void {
  const { db } = ctx;
  const reserve = RESERVING_TYPES.includes(order.orderType) && RESERVING_KINDS.includes(order.statusKind);
  const loan = order.statusKind === 'loan';
  const products = getProducts(db, order.lines.map((l) => l.productId));
  const plans = order.lines.map((line) => {
    const managed = products.get(line.productId)?.stockManaged ?? false;
    const remaining = remainingToDeliver(line);
    return { line, reserved: managed && reserve ? remaining : 0, onLoan: managed && loan ? remaining : 0 };
  });
  const shortage = (productId: number, available: number, wanted: number) => {
    const product = products.get(productId)!;
    return new DomainError('confirm_shortage', null, {
      product: `${product.number} ${product.name}`,
      available: formatQuantity(Math.max(0, available)),
      wanted: formatQuantity(wanted),
    });
  };
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
        if (res + lo > available) throw shortage(p.line.productId, available, res + lo);
      }
      addLineQuantities(db, p.line.id, { reserved: res, onLoan: lo });
      changeStockFigures(db, p.line.productId, { reserved: res, onLoan: lo });
    }
  }
  if (opts.recheck && !confirm.allowShortage && AVAILABILITY_TYPES.includes(order.orderType)) {
    const own = new Map<number, number>();
    for (const p of plans) if (p.reserved > 0) own.set(p.line.productId, (own.get(p.line.productId) ?? 0) + p.reserved);
    for (const [productId, held] of own) {
      const f = stockFigures(db, productId);
      const leftForUs = f.onHand - (f.reserved - held) - f.onLoan;
      if (held > leftForUs) throw shortage(productId, leftForUs, held);
    }
  }
}

/** Normal orders check the customer's credit limit (SPEC 1.1); a user with the right may override. */
export function checkCreditLimit(ctx: HandlerContext, order: Order, confirm: Confirm): void {
  if (!CREDIT_LIMIT_TYPES.includes(order.orderType) || !(OPEN_KINDS.includes(order.statusKind) || order.statusKind === 'loan')) return;
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
  ctx.guard('override_credit_limit');
  setOverCreditLimitBy(ctx.db, order.id, ctx.userId);
}

// ---- Deliveries ------------------------------------------------------------------

/** Marks quantities delivered: issues their goods (oldest batch first) and records one delivery. */
export function deliver(ctx: HandlerContext, order: Order, items: readonly { line: OrderLine; qty: number; field?: string }[]): void {
  const { db } = ctx;
  if (items.length === 0) return;
  const products = getProducts(db, items.map((i) => i.line.productId));
  const allowNegative = NEGATIVE_STOCK_TYPES.includes(order.orderType);
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

/**
 * Moving back past shipping: what was delivered and not invoiced comes back,
 * recorded as a return (as a delivery is, for every line), and stock-managed
 * goods return to stock at the cost they left with.
 */
export function returnDelivered(ctx: HandlerContext, order: Order): void {
  const products = getProducts(ctx.db, order.lines.map((l) => l.productId));
  const returned: { lineId: number; qty: number }[] = [];
  for (const line of order.lines) {
    const qty = deliveredNotInvoiced(line);
    if (qty === 0) continue;
    if (products.get(line.productId)?.stockManaged) {
      receiveGoods(ctx, line.productId, qty, issueCostOfLine(ctx.db, line.id) ?? 0, 'return', {
        link: { orderLineId: line.id, orderType: order.orderType, orderNumber: order.number },
        source: `return ${order.number}`,
      });
    }
    addLineQuantities(ctx.db, line.id, { delivered: -qty });
    returned.push({ lineId: line.id, qty });
  }
  if (returned.length > 0) insertDelivery(ctx.db, order.id, ctx.now.toISOString(), ctx.userId, returned, 'return');
}

// ---- Invoices --------------------------------------------------------------------

export interface InvoiceItem {
  readonly order: Order;
  readonly line: OrderLine;
  readonly qty: number;
}

/** Who an order's invoice goes to: the invoice customer when another party pays (a card payment order's), else the customer. */
export function invoiceCustomerOf(order: Pick<Order, 'customerId' | 'invoiceCustomerId'>): number {
  return order.invoiceCustomerId ?? order.customerId;
}

/**
 * Issues an invoice for the given quantities: the next number of the one
 * gap-free series, KID, due date, totals and the VAT table per rate (kept as
 * issued); cash paid in cash is rounded to whole kroner, other payment methods
 * pay to the øre (SPEC 9). Every invoice passes here, so the rules that hold for
 * all of them are checked here: its right, and that no Realized or unprocessed
 * order is ever invoiced.
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
  ctx.guard('issue_invoice');
  for (const { order } of p.items) {
    if (NEVER_INVOICED_TYPES.includes(order.orderType)) assertAllowed(firstRefusal(() => notRealized(order), () => processedType(order)));
  }
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
  const roundingOre = p.payment && roundsToKrone(p.payment.method) ? cashRoundingOre(totals.grossOre) : 0;
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
      vatRegistered: vat,
      byRate: totals.byRate,
      createdAt: at,
      userId: ctx.userId,
    },
    lines,
    orderIds,
  );
  // The headings and text rows that go with these lines, kept with the invoice as issued.
  insertInvoiceTexts(db, invoiceId, invoiceTextRows(p.items));
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
    // The till's own record (received, change) stays above; the money itself goes through the ledger.
    recordPaidAtIssue(ctx, invoiceId, { amountOre: payable, method: p.payment.method, source: 'cash_sale' });
  }
  const invoice = getInvoice(db, invoiceId)!;
  logActivity(db, { at, userId: ctx.userId, entity: 'invoice', entityId: invoiceId, action: 'issue', after: { number, grossOre: invoice.grossOre, orderIds } });
  for (const id of orderIds) logActivity(db, { at, userId: ctx.userId, entity: 'order', entityId: id, action: 'invoice', after: { invoiceNumber: number } });
  recordInvoice(ctx, invoiceId);
  return invoice;
}

/** What is delivered and not invoiced on an order. */
export function invoiceableItems(order: Order): InvoiceItem[] {
  return order.lines.flatMap((line) => (deliveredNotInvoiced(line) > 0 ? [{ order, line, qty: deliveredNotInvoiced(line) }] : []));
}

/**
 * Invoices an order (SPEC 1.1, 4): Direct and Cash orders are delivered on the
 * way (negative batches where stock is short); Normal, Pre-order and Card orders
 * invoice what is delivered. A card payment order is invoiced to its invoice
 * customer once nothing remains to deliver, and the invoice captures the card payment.
 */
export function invoiceOrder(ctx: HandlerContext, order: Order, opts: { payment?: PaymentInput | null } = {}): Invoice {
  assertAllowed(firstRefusal(() => notInvoiced(order), () => notRealized(order), () => processedType(order), () => cardDeliveredInFull(order)));
  let current = order;
  if (DELIVERED_ON_INVOICE_TYPES.includes(order.orderType)) {
    deliver(ctx, current, remainingItems(current));
    current = reload(ctx.db, order.id);
  }
  const items = invoiceableItems(current);
  if (items.length === 0) throw new DomainError('nothing_to_invoice');
  const invoice = issueInvoice(ctx, {
    customerId: invoiceCustomerOf(current),
    items,
    payment: opts.payment ?? null,
    paymentTermsDays: current.paymentTermsDays,
  });
  if (current.orderType === 9) {
    addCardEvent(ctx.db, current.id, 'capture', invoice.grossOre, ctx.now.toISOString());
    recordPaidAtIssue(ctx, invoice.id, { amountOre: invoice.grossOre + invoice.roundingOre, method: 'card', source: 'card_capture' });
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

export { setStatusKind };
