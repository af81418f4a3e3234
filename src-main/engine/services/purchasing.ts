// Purchasing (SPEC 1.3): purchase orders and their steps. Each step checks the
// rules of domain/purchaseActions.ts (the same the order screen's availability
// shows) and the quantities of domain/purchaseStatus.ts for every line before it
// writes anything, so a refused step leaves the order as it was. Goods enter
// stock only through the stock service (new batches at the received cost,
// negative batches settled first), once per received quantity: qty_received is
// the one record of it, whichever step (reception, or the supplier invoice
// without reception) brought them in and whatever the options say now.
import type {
  PurchaseLine,
  PurchaseListResult,
  PurchaseSortColumn,
  PurchaseOptions,
  PurchaseOrder,
  SuggestionGroup,
  SuggestionLine,
  SupplierInvoice,
} from '../../../shared/channels/purchasing';
import { PURCHASE_STATUSES, type PurchaseOrderTypeId, type PurchaseStatus, type VatCode } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatQuantity } from '../../../shared/format';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import {
  cancelRule,
  lineBlock,
  purchaseActions,
  saveRule,
  somethingLeft,
  stepRule,
  type PurchaseStep,
} from '../domain/purchaseActions';
import {
  agreedTotals,
  agreedUnitCostOre,
  canInvoice,
  canReceive,
  canShip,
  derivePurchaseStatus,
  isEditable,
  lineFigures,
  processedQty,
  receivedByInvoice,
  shippedIncrement,
  type PurchaseLineState,
  type PurchaseOrderState,
} from '../domain/purchaseStatus';
import { lineAmountOre } from '../domain/pricing';
import { assertAllowed } from '../domain/refusal';
import type { Actor } from '../domain/rights';
import { norwegianSortKey } from '../domain/sortKey';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { contactIdsOf } from '../repos/parties';
import { nextNumber } from '../repos/numberSeries';
import { ftsQuery } from '../repos/orderList';
import {
  deleteLine,
  getOrder,
  insertHeader,
  insertLine,
  refreshDerived,
  renumberLines,
  touchOrder,
  updateHeader,
  updateLine,
  type HeaderValues,
  type LineValues,
} from '../repos/orders';
import { getProducts } from '../repos/products';
import {
  addPurchaseQuantities,
  cancelPurchaseOrder,
  insertPurchaseLineRow,
  insertPurchaseOrderRow,
  insertSupplierInvoice,
  onOrderByProduct,
  purchaseHeaders,
  purchaseLineColumns,
  purchaseListLines,
  purchaseOrderRow,
  purchaseStatusId,
  reorderCandidates,
  setReply,
  supplierInvoiceExists,
  supplierInvoicesOf,
} from '../repos/purchasing';
import { lastCostOre } from '../repos/stock';
import { getSupplierRow } from '../repos/suppliers';
import { resolvePeople } from './orderPeople';
import { receiveGoods } from './stock';
import { recordSupplierInvoice } from './accounting';

// ---- Reading ------------------------------------------------------------------

function company(db: Db) {
  const c = getCompany(db);
  if (!c) throw new DomainError('company_missing');
  return c;
}

export function purchaseOptions(db: Db): PurchaseOptions {
  const c = company(db);
  return { reply: c.purchaseReply, dispatch: c.purchaseDispatch, reception: c.purchaseReception };
}

/** The order's line states, as the status rules see them. */
export function orderState(po: Pick<PurchaseOrder, 'orderType' | 'cancelledAt' | 'lines'>): PurchaseOrderState {
  return { orderType: po.orderType, cancelled: po.cancelledAt !== null, lines: po.lines };
}

/**
 * The purchase order as the screen gets it, with what each of its actions allows
 * now for `actor` (the rights the actions need are the actor's).
 */
export function loadPurchase(db: Db, id: number, actor: Actor, field = 'id'): PurchaseOrder {
  const c = company(db);
  const order = getOrder(db, id, { vatRegistered: c.vatRegistered });
  const row = order && order.transactionType === 'purchase' ? purchaseOrderRow(db, id) : null;
  if (!order || !row) throw new DomainError('not_found', field, { entity: 'innkjøpsordre', id });
  const options: PurchaseOptions = { reply: c.purchaseReply, dispatch: c.purchaseDispatch, reception: c.purchaseReception };
  const orderType = order.orderType as PurchaseOrderTypeId;
  const columns = purchaseLineColumns(db, id);
  const inv = supplierInvoicesOf(db, id);
  const diffOf = (l: { quantity: number; agreedPriceOre: number; discountBp: number; amountOre: number }) =>
    l.amountOre - lineAmountOre({ quantity: l.quantity, unitPriceOre: l.agreedPriceOre, discountBp: l.discountBp });
  const diffByLine = new Map<number, number>();
  for (const l of inv.lines) diffByLine.set(l.orderLineId, (diffByLine.get(l.orderLineId) ?? 0) + diffOf(l));

  const lines: PurchaseLine[] = order.lines.map((l) => {
    const x = columns.get(l.id)!;
    const state: PurchaseLineState = {
      lineNo: l.lineNo,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      discountBp: l.discountBp,
      reply: x.reply,
      qtyConfirmed: l.qtyConfirmed,
      confirmedPriceOre: x.confirmedPriceOre,
      qtyShipped: x.qtyShipped,
      qtyReceived: l.qtyReceived,
      qtyInvoiced: l.qtyInvoiced,
    };
    return {
      id: l.id,
      lineNo: l.lineNo,
      productId: l.productId,
      productNumber: l.productNumber,
      description: l.description,
      unit: l.unit,
      ean: x.ean,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      discountBp: l.discountBp,
      vatCode: l.vatCode,
      amountOre: l.amountOre,
      deliveryDate: l.deliveryDate,
      reply: x.reply,
      qtyConfirmed: l.qtyConfirmed,
      confirmedPriceOre: x.confirmedPriceOre,
      confirmedDeliveryDate: x.confirmedDeliveryDate,
      qtyShipped: x.qtyShipped,
      qtyReceived: l.qtyReceived,
      qtyInvoiced: l.qtyInvoiced,
      ...lineFigures(state, options, { orderType, cancelled: row.cancelledAt !== null }),
      invoicedAmountOre: x.invoicedAmountOre,
      priceDifferenceOre: diffByLine.get(l.id) ?? 0,
    };
  });
  const invoices: SupplierInvoice[] = inv.invoices.map((i) => {
    const own = inv.lines.filter((l) => l.invoiceId === i.id);
    const withDiff = own.map((l) => ({
      id: l.id,
      orderLineId: l.orderLineId,
      lineNo: l.lineNo,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      agreedPriceOre: l.agreedPriceOre,
      amountOre: l.amountOre,
      priceDifferenceOre: diffOf(l),
    }));
    return { ...i, priceDifferenceOre: withDiff.reduce((s, l) => s + l.priceDifferenceOre, 0), lines: withDiff };
  });
  const state: PurchaseOrderState = { orderType, cancelled: row.cancelledAt !== null, lines };
  const facts = { number: order.number, orderType, cancelledAt: row.cancelledAt, amendedByNumber: row.amendedByNumber, options, lines };
  return {
    id: order.id,
    number: order.number,
    orderType,
    status: derivePurchaseStatus(state),
    supplierId: order.customerId,
    supplierNumber: order.customerNumber,
    supplierName: order.customerName,
    contactId: order.contactId,
    orderDate: order.orderDate,
    deliveryDate: order.deliveryDate,
    supplierReference: order.customerReference,
    ourReference: order.ourReference,
    paymentTermsDays: order.paymentTermsDays,
    notes: order.notes,
    title: order.title,
    ourContactId: order.ourContactId,
    responsibleId: order.responsibleId,
    projectId: order.projectId,
    version: order.version,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    cancelledAt: row.cancelledAt,
    cancelReason: row.cancelReason,
    amendsId: row.amendsId,
    amendsNumber: row.amendsNumber,
    amendedById: row.amendedById,
    amendedByNumber: row.amendedByNumber,
    revision: row.revision,
    editable: isEditable(state),
    options,
    actions: purchaseActions(facts, actor),
    lines,
    totals: order.totals,
    agreedTotals: agreedTotals(lines, { vatRegistered: c.vatRegistered }),
    invoices,
    priceDifferenceOre: lines.reduce((s, l) => s + l.priceDifferenceOre, 0),
  };
}

/** The order as the activity log keeps it: its data, not what the screen could do with it then. */
function logged(po: PurchaseOrder): Omit<PurchaseOrder, 'actions'> {
  const { actions: _actions, ...data } = po;
  return data;
}

// ---- Writing: header and lines --------------------------------------------------

export interface ParsedHeader {
  readonly supplierId: number;
  readonly orderType: PurchaseOrderTypeId;
  readonly orderDate?: string | undefined;
  readonly deliveryDate?: string | null | undefined;
  readonly supplierReference?: string | null | undefined;
  readonly ourReference?: string | null | undefined;
  readonly contactId?: number | null | undefined;
  readonly paymentTermsDays?: number | undefined;
  readonly notes?: string | null | undefined;
  readonly title?: string | null | undefined;
  readonly ourContactId?: number | null | undefined;
  readonly responsibleId?: number | null | undefined;
  readonly projectId?: number | null | undefined;
}

export interface ParsedLine {
  readonly productId: number;
  readonly description?: string | null | undefined;
  readonly quantity: number;
  readonly unitPriceOre?: number | undefined;
  readonly discountBp: number;
  readonly vatCode?: VatCode | undefined;
  readonly deliveryDate?: string | null | undefined;
}

/** Checks and completes a header: the supplier and its contact; the supplier's name is kept as it was. */
function resolveHeader(
  ctx: HandlerContext,
  h: ParsedHeader,
  prefix: string,
  previous: PurchaseOrder | null,
  /** Whose people and project the header keeps: the order itself, or the order an amendment replaces. */
  kept: PurchaseOrder | null = previous,
): HeaderValues {
  const supplier = getSupplierRow(ctx.db, h.supplierId);
  if (!supplier) throw new DomainError('unknown_supplier', `${prefix}supplierId`, { id: h.supplierId });
  if (h.contactId != null && !contactIdsOf(ctx.db, h.supplierId).has(h.contactId)) {
    throw new DomainError('unknown_contact', `${prefix}contactId`, { id: h.contactId });
  }
  const same = previous?.supplierId === supplier.id;
  const name = same ? previous.supplierName : supplier.name;
  return {
    transactionType: 'purchase',
    orderType: h.orderType,
    statusId: purchaseStatusId(ctx.db),
    customerId: supplier.id,
    customerNumber: supplier.number,
    customerName: name,
    customerSort: norwegianSortKey(name),
    contactId: h.contactId ?? null,
    orderDate: h.orderDate ?? previous?.orderDate ?? ctx.today,
    deliveryDate: h.deliveryDate ?? null,
    customerReference: h.supplierReference || null,
    ourReference: h.ourReference || null,
    paymentTermsDays: h.paymentTermsDays ?? (same ? previous.paymentTermsDays : supplier.paymentTermsDays),
    notes: h.notes || null,
    ...resolvePeople(ctx, h, { sales: false, customerId: supplier.id, prefix }, kept && { ...kept, customerId: kept.supplierId }),
  };
}

/** Lines from their products: text, unit and VAT code from the product; the price defaults to its cost price. */
function resolveLines(db: Db, lines: readonly ParsedLine[], fieldOf: (i: number) => string): LineValues[] {
  const products = getProducts(db, lines.map((l) => l.productId));
  return lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p || !p.active) throw new DomainError('unknown_product', `${fieldOf(i)}.productId`, { id: l.productId });
    const priced = { quantity: l.quantity, unitPriceOre: l.unitPriceOre ?? p.costOre ?? lastCostOre(db, p.id) ?? 0, discountBp: l.discountBp };
    return {
      productId: p.id,
      productNumber: p.number,
      description: l.description || p.name,
      unit: p.unit,
      ...priced,
      vatCode: l.vatCode ?? p.vatCode,
      amountOre: lineAmountOre(priced),
      deliveryDate: l.deliveryDate ?? null,
    };
  });
}

function addLine(db: Db, orderId: number, lineNo: number, v: LineValues): number {
  const id = insertLine(db, orderId, lineNo, v);
  insertPurchaseLineRow(db, id);
  return id;
}

/** A Realized order (type 4) updates stock the moment it is saved: every line is received in full. */
function realize(ctx: HandlerContext, id: number): void {
  const po = loadPurchase(ctx.db, id, ctx.actor);
  for (const l of po.lines) {
    const q = l.quantity - l.qtyReceived;
    if (q > 0) receiveLine(ctx, po, l, q, agreedUnitCostOre(l));
  }
}

function refresh(ctx: HandlerContext, id: number): void {
  refreshDerived(ctx.db, id, { vatRegistered: company(ctx.db).vatRegistered });
}

export function createPurchase(
  ctx: HandlerContext,
  header: ParsedHeader,
  lines: readonly ParsedLine[],
  opts: { amends?: PurchaseOrder; action?: string } = {},
): PurchaseOrder {
  const { db } = ctx;
  const h = resolveHeader(ctx, header, 'header.', null, opts.amends ?? null);
  const values = resolveLines(db, lines, (i) => `lines.${i}`);
  if (header.orderType === 4 && values.length === 0) throw new DomainError('purchase_no_lines', 'lines');
  const id = insertHeader(db, nextNumber(db, 'purchase_order'), h, ctx.now.toISOString());
  insertPurchaseOrderRow(db, id, opts.amends?.id ?? null, opts.amends ? opts.amends.revision + 1 : 0);
  values.forEach((v, i) => addLine(db, id, i + 1, v));
  refresh(ctx, id);
  if (header.orderType === 4) realize(ctx, id);
  const created = loadPurchase(db, id, ctx.actor);
  logActivity(db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'order', entityId: id, action: opts.action ?? 'create', after: logged(created) });
  return created;
}

/** Claims the order for a change: it must still be at `version`. */
export function claimPurchase(ctx: HandlerContext, id: number, version: number): PurchaseOrder {
  const po = loadPurchase(ctx.db, id, ctx.actor);
  if (!touchOrder(ctx.db, id, version, ctx.now.toISOString())) throw new DomainError('version_conflict', 'version');
  return po;
}

export function finishPurchase(ctx: HandlerContext, id: number, action: string, before: PurchaseOrder): PurchaseOrder {
  const after = loadPurchase(ctx.db, id, ctx.actor);
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'order', entityId: id, action, before: logged(before), after: logged(after) });
  return after;
}

/** Saving the header and the whole line list: only while To process (SPEC 1.3); a type change needs its right. */
export function savePurchase(
  ctx: HandlerContext,
  before: PurchaseOrder,
  header: ParsedHeader,
  lines: readonly (ParsedLine & { id?: number | undefined })[],
): void {
  const { db } = ctx;
  const refused = saveRule(before);
  assertAllowed(refused, refused?.code === 'purchase_not_editable' ? 'lines' : null);
  if (header.orderType !== before.orderType) ctx.guard('change_order_type', 'header.orderType');
  if (header.orderType === 4 && lines.length === 0) throw new DomainError('purchase_no_lines', 'lines');
  updateHeader(db, before.id, resolveHeader(ctx, header, 'header.', before), ctx.now.toISOString());

  const existing = new Set(before.lines.map((l) => l.id));
  const kept = new Set<number>();
  lines.forEach((l, i) => {
    if (l.id === undefined) return;
    if (!existing.has(l.id) || kept.has(l.id)) throw new DomainError('unknown_line', `lines.${i}.id`, { id: l.id });
    kept.add(l.id);
  });
  const values = resolveLines(db, lines, (i) => `lines.${i}`);
  for (const old of before.lines) if (!kept.has(old.id)) deleteLine(db, old.id);
  const ids = lines.map((l, i) => {
    if (l.id === undefined) return addLine(db, before.id, before.lines.length + lines.length + i + 1, values[i]!);
    updateLine(db, l.id, values[i]!);
    return l.id;
  });
  renumberLines(db, before.id, ids);
  refresh(ctx, before.id);
  if (header.orderType === 4) realize(ctx, before.id);
}

// ---- Writing: the steps ---------------------------------------------------------

/**
 * The checks a step makes before it writes, in the order the screen's
 * availability shares (domain/purchaseActions.ts): the order (stepRule), each
 * line named (on the order, once, not refused, not waiting for the reply), and
 * that the order has anything left for the step at all. Each line's quantity is
 * the step's own check after these.
 */
function checkStep<T extends { lineId: number }>(po: PurchaseOrder, step: PurchaseStep, items: readonly T[]) {
  assertAllowed(stepRule(po, step));
  const named = linesOf(po, items);
  if (step !== 'reply') for (const { line, field } of named) assertAllowed(lineBlock(line, po.options), `${field}.lineId`);
  assertAllowed(somethingLeft(po, step));
  return named;
}

/** The lines a step names: each on the order, each once. */
function linesOf<T extends { lineId: number }>(po: PurchaseOrder, items: readonly T[]): { item: T; line: PurchaseLine; field: string }[] {
  const seen = new Set<number>();
  return items.map((item, i) => {
    const line = po.lines.find((l) => l.id === item.lineId);
    if (!line) throw new DomainError('unknown_line', `lines.${i}.lineId`, { id: item.lineId });
    if (seen.has(line.id)) throw new DomainError('duplicate_line', `lines.${i}.lineId`, { line: line.lineNo });
    seen.add(line.id);
    return { item, line, field: `lines.${i}` };
  });
}

export type ReplyItem = {
  readonly lineId: number;
  readonly action: 'accept' | 'change' | 'refuse';
  readonly quantity?: number | undefined;
  readonly unitPriceOre?: number | undefined;
  readonly deliveryDate?: string | null | undefined;
};

/**
 * The supplier's reply per line: accept as ordered, change quantity / price /
 * date (both values are kept), or refuse. A line may be answered again, but never
 * below what has already been shipped, received or invoiced on it.
 */
export function replyPurchase(ctx: HandlerContext, po: PurchaseOrder, items: readonly ReplyItem[]): void {
  const at = ctx.now.toISOString();
  const plan = checkStep(po, 'reply', items).map(({ item, line, field }) => {
    const processed = processedQty(line);
    if (item.action === 'refuse') {
      if (processed > 0) throw new DomainError('purchase_reply_below_processed', `${field}.action`, { line: line.lineNo, processed: formatQuantity(processed) });
      return { line, reply: 'refused' as const, qtyConfirmed: 0, priceOre: null, deliveryDate: null };
    }
    if (item.action === 'accept') {
      if (line.quantity < processed) {
        throw new DomainError('purchase_reply_below_processed', `${field}.action`, { line: line.lineNo, processed: formatQuantity(processed) });
      }
      return { line, reply: 'accepted' as const, qtyConfirmed: line.quantity, priceOre: null, deliveryDate: null };
    }
    const quantity = item.quantity ?? line.quantity;
    const priceOre = item.unitPriceOre ?? null;
    const deliveryDate = item.deliveryDate ?? null;
    const changed =
      quantity !== line.quantity ||
      (priceOre !== null && priceOre !== line.unitPriceOre) ||
      (deliveryDate !== null && deliveryDate !== line.deliveryDate);
    if (!changed) throw new DomainError('purchase_reply_no_change', field, { line: line.lineNo });
    if (quantity < processed) {
      throw new DomainError('purchase_reply_below_processed', `${field}.quantity`, { line: line.lineNo, processed: formatQuantity(processed) });
    }
    return {
      line,
      reply: 'changed' as const,
      qtyConfirmed: quantity,
      priceOre: priceOre !== null && priceOre !== line.unitPriceOre ? priceOre : null,
      deliveryDate: deliveryDate !== null && deliveryDate !== line.deliveryDate ? deliveryDate : null,
    };
  });
  for (const p of plan) setReply(ctx.db, p.line.id, { reply: p.reply, qtyConfirmed: p.qtyConfirmed, priceOre: p.priceOre, deliveryDate: p.deliveryDate, at });
}

/**
 * The supplier's dispatch advice, per line, in parts: never more than confirmed.
 * Goods that arrived while dispatch was off have left the supplier too, so the
 * line's shipped quantity counts them (domain/purchaseStatus.ts shippedIncrement).
 */
export function dispatchPurchase(ctx: HandlerContext, po: PurchaseOrder, items: readonly { lineId: number; quantity: number }[]): void {
  const plan = checkStep(po, 'dispatch', items).map(({ item, line, field }) => {
    const left = canShip(line, po.options);
    if (item.quantity > left) throw new DomainError('purchase_over_ship', `${field}.quantity`, { line: line.lineNo, left: formatQuantity(left) });
    return { line, quantity: item.quantity };
  });
  for (const p of plan) addPurchaseQuantities(ctx.db, p.line.id, { shipped: shippedIncrement(p.line, p.quantity) });
}

function basisLabel(options: PurchaseOptions, step: 'receive' | 'invoice'): { basisNb: string; basisEn: string } {
  if (step === 'invoice' && options.reception) return { basisNb: 'mottatt og ikke fakturert', basisEn: 'received and not invoiced' };
  if (options.dispatch) return { basisNb: 'sendt fra leverandøren', basisEn: 'shipped by the supplier' };
  if (options.reply) return { basisNb: 'bekreftet av leverandøren', basisEn: 'confirmed by the supplier' };
  return { basisNb: 'bestilt', basisEn: 'ordered' };
}

/** Goods into stock for one line: a receipt movement tied to the line, a new batch at `costOre` after negative batches. */
function receiveLine(ctx: HandlerContext, po: Pick<PurchaseOrder, 'number' | 'orderType'>, line: Pick<PurchaseLine, 'id' | 'productId'>, qty: number, costOre: number): void {
  const product = getProducts(ctx.db, [line.productId]).get(line.productId);
  if (product?.stockManaged) {
    receiveGoods(ctx, line.productId, qty, costOre, 'receipt', {
      link: { orderLineId: line.id, orderType: po.orderType, orderNumber: po.number },
      source: `purchase ${po.number}`,
    });
  }
  addPurchaseQuantities(ctx.db, line.id, { received: qty });
}

/** Reception per line, in parts, at the agreed cost unless another is given. */
export function receivePurchase(
  ctx: HandlerContext,
  po: PurchaseOrder,
  items: readonly { lineId: number; quantity: number; costOre?: number | undefined }[],
): void {
  const plan = checkStep(po, 'reception', items).map(({ item, line, field }) => {
    const left = canReceive(line, po.options);
    if (item.quantity > left) {
      throw new DomainError('purchase_over_receive', `${field}.quantity`, { line: line.lineNo, left: formatQuantity(left), ...basisLabel(po.options, 'receive') });
    }
    return { line, quantity: item.quantity, costOre: item.costOre ?? agreedUnitCostOre(line) };
  });
  for (const p of plan) receiveLine(ctx, po, p.line, p.quantity, p.costOre);
}

/**
 * A supplier invoice matched line by line. The quantity left to invoice is kept
 * per line; the invoiced price is stored beside the agreed one, so the difference
 * is shown, not hidden. Without "order reception", the invoice is where the goods
 * enter stock, at the invoiced cost: only what it invoices beyond what is already
 * received (a reception made while the option was on brought those in already).
 */
export function matchSupplierInvoice(
  ctx: HandlerContext,
  po: PurchaseOrder,
  input: { invoiceNumber: string; invoiceDate: string; lines: readonly { lineId: number; quantity: number; unitPriceOre: number }[] },
): void {
  const named = checkStep(po, 'invoice', input.lines);
  if (supplierInvoiceExists(ctx.db, po.id, input.invoiceNumber)) {
    throw new DomainError('duplicate_supplier_invoice', 'invoiceNumber', { number: input.invoiceNumber });
  }
  const plan = named.map(({ item, line, field }) => {
    const left = canInvoice(line, po.options);
    if (item.quantity > left) {
      throw new DomainError('purchase_over_invoice', `${field}.quantity`, { line: line.lineNo, left: formatQuantity(left), ...basisLabel(po.options, 'invoice') });
    }
    const amountOre = lineAmountOre({ quantity: item.quantity, unitPriceOre: item.unitPriceOre, discountBp: line.discountBp });
    return { line, quantity: item.quantity, unitPriceOre: item.unitPriceOre, amountOre };
  });
  const supplierInvoiceId = insertSupplierInvoice(
    ctx.db,
    {
      orderId: po.id,
      supplierId: po.supplierId,
      invoiceNumber: input.invoiceNumber,
      invoiceDate: input.invoiceDate,
      totalNetOre: plan.reduce((s, p) => s + p.amountOre, 0),
      createdAt: ctx.now.toISOString(),
      userId: ctx.userId,
    },
    plan.map((p) => ({ orderLineId: p.line.id, quantity: p.quantity, unitPriceOre: p.unitPriceOre, agreedPriceOre: p.line.agreedPriceOre, amountOre: p.amountOre })),
  );
  for (const p of plan) {
    // Before the invoiced quantity grows: what it brings in is measured against the line as it was.
    const receives = po.options.reception ? 0 : receivedByInvoice(p.line, p.quantity);
    addPurchaseQuantities(ctx.db, p.line.id, { invoiced: p.quantity });
    if (receives > 0) {
      const cost = Math.round((p.unitPriceOre * (10_000 - p.line.discountBp)) / 10_000);
      receiveLine(ctx, po, p.line, receives, cost);
    }
  }
  recordSupplierInvoice(ctx, supplierInvoiceId);
}

/** Cancelling keeps the order (and its history); refused once anything has moved on it. */
export function cancelPurchase(ctx: HandlerContext, po: PurchaseOrder, reason: string | null): void {
  assertAllowed(cancelRule(po));
  cancelPurchaseOrder(ctx.db, po.id, ctx.now.toISOString(), ctx.userId, reason);
}

/** Cancels the order and makes its amendment, To process again, pointing back at it. */
export function amendPurchase(
  ctx: HandlerContext,
  po: PurchaseOrder,
  input: { header?: Partial<ParsedHeader> | undefined; lines?: readonly ParsedLine[] | undefined; reason?: string | null | undefined },
): PurchaseOrder {
  assertAllowed(cancelRule(po));
  cancelPurchaseOrder(ctx.db, po.id, ctx.now.toISOString(), ctx.userId, input.reason ?? null);
  const header: ParsedHeader = {
    supplierId: po.supplierId,
    orderType: po.orderType,
    orderDate: ctx.today,
    deliveryDate: po.deliveryDate,
    supplierReference: po.supplierReference,
    ourReference: po.ourReference,
    contactId: po.contactId,
    paymentTermsDays: po.paymentTermsDays,
    notes: po.notes,
    // The amendment is the same purchase: its title, people and project go with it as they are.
    title: po.title,
    ourContactId: po.ourContactId,
    responsibleId: po.responsibleId,
    projectId: po.projectId,
    ...stripUndefined(input.header ?? {}),
  };
  const lines: readonly ParsedLine[] =
    input.lines ??
    po.lines.map((l) => ({
      productId: l.productId,
      description: l.description,
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre,
      discountBp: l.discountBp,
      vatCode: l.vatCode,
      deliveryDate: l.deliveryDate,
    }));
  return createPurchase(ctx, header, lines, { amends: po, action: 'create_amendment' });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---- The list -------------------------------------------------------------------

export function listPurchases(
  db: Db,
  q: {
    statuses?: readonly PurchaseStatus[] | undefined;
    supplierId?: number | null | undefined;
    contactId?: number | null | undefined;
    employeeId?: number | null | undefined;
    projectId?: number | null | undefined;
    search?: string | undefined;
    sort?: { colId: PurchaseSortColumn; sort: 'asc' | 'desc' } | undefined;
    offset: number;
    limit: number;
  },
): PurchaseListResult {
  const fts = q.search ? ftsQuery(q.search) : null;
  if (q.search && q.search.trim() && !fts) return { rows: [], total: 0, counts: emptyCounts() };
  const rows = purchaseListLines(db, {
    supplierId: q.supplierId ?? null,
    contactId: q.contactId ?? null,
    employeeId: q.employeeId ?? null,
    projectId: q.projectId ?? null,
    fts,
  });
  // Derived per order from its lines: the status is never stored, so the list computes it.
  const orders: { id: number; status: PurchaseStatus; key: string | number; lines: readonly (PurchaseLineState & { vatCode: VatCode })[] }[] = [];
  const keyOf = (r: (typeof rows)[number]): string | number =>
    q.sort?.colId === 'number' ? r.number : q.sort?.colId === 'orderDate' ? r.orderDate : q.sort?.colId === 'supplierName' ? r.supplierSort : r.orderId;
  for (let i = 0; i < rows.length; ) {
    const first = rows[i]!;
    const lines: (PurchaseLineState & { vatCode: VatCode })[] = [];
    for (; i < rows.length && rows[i]!.orderId === first.orderId; i++) {
      const r = rows[i]!;
      if (r.lineId !== null) lines.push(r);
    }
    const state: PurchaseOrderState = { orderType: first.orderType as PurchaseOrderTypeId, cancelled: first.cancelledAt !== null, lines };
    orders.push({ id: first.orderId, status: derivePurchaseStatus(state), key: keyOf(first), lines });
  }
  const counts = emptyCounts();
  for (const o of orders) counts[o.status] += 1;
  const wanted = q.statuses?.length ? new Set(q.statuses) : null;
  // Newest first by default; a chosen column sorts as asked, ties newest first.
  const dir = q.sort?.sort === 'asc' ? 1 : -1;
  const matching = orders
    .filter((o) => !wanted || wanted.has(o.status))
    .sort((a, b) => (a.key < b.key ? -dir : a.key > b.key ? dir : b.id - a.id));
  const page = matching.slice(q.offset, q.offset + q.limit);
  const headers = new Map(purchaseHeaders(db, page.map((o) => o.id)).map((h) => [h.id, h]));
  const vat = { vatRegistered: company(db).vatRegistered };
  return {
    rows: page.map((o) => {
      const h = headers.get(o.id)!;
      // What the order is worth as agreed with the supplier (as ordered until the reply).
      const agreed = agreedTotals(o.lines, vat);
      return { ...h, orderType: h.orderType as PurchaseOrderTypeId, status: o.status, totalNetOre: agreed.netOre, totalGrossOre: agreed.grossOre };
    }),
    total: matching.length,
    counts,
  };
}

function emptyCounts(): Record<PurchaseStatus, number> {
  return Object.fromEntries(PURCHASE_STATUSES.map((s) => [s.key, 0])) as Record<PurchaseStatus, number>;
}

// ---- Purchase suggestions -------------------------------------------------------

/**
 * Products whose available stock plus what is on order has fallen below their
 * reorder point, grouped by supplier, each with the quantity (in whole units)
 * that brings it back up to the point.
 */
export function purchaseSuggestions(db: Db, supplierId: number | null = null): SuggestionGroup[] {
  const onOrder = onOrderByProduct(db);
  const groups: SuggestionGroup[] = [];
  for (const c of reorderCandidates(db)) {
    if (supplierId !== null && c.supplierId !== supplierId) continue;
    const ordered = onOrder.get(c.productId) ?? 0;
    const projected = c.onHand - c.reserved - c.onLoan + ordered;
    if (projected >= c.reorderPoint) continue;
    const line: SuggestionLine = {
      productId: c.productId,
      productNumber: c.productNumber,
      productName: c.productName,
      unit: c.unit,
      onHand: c.onHand,
      reserved: c.reserved,
      onLoan: c.onLoan,
      onOrder: ordered,
      projected,
      reorderPoint: c.reorderPoint,
      suggestedQty: Math.max(1000, Math.ceil((c.reorderPoint - projected) / 1000) * 1000),
      unitPriceOre: c.costOre ?? c.lastCostOre ?? 0,
    };
    const last = groups.at(-1);
    if (last && last.supplierId === c.supplierId) (last.lines as SuggestionLine[]).push(line);
    else groups.push({ supplierId: c.supplierId, supplierNumber: c.supplierNumber, supplierName: c.supplierName, lines: [line] });
  }
  return groups;
}

/** One Normal purchase order per supplier, To process, from the suggestions (all, or the items chosen). */
export function createFromSuggestions(
  ctx: HandlerContext,
  items: readonly { productId: number; quantity?: number | undefined }[] | undefined,
): PurchaseOrder[] {
  const suggested = new Map(purchaseSuggestions(ctx.db).flatMap((g) => g.lines.map((l) => [l.productId, { ...l, supplierId: g.supplierId }] as const)));
  const chosen: { productId: number; quantity: number; supplierId: number; unitPriceOre?: number | undefined }[] = [];
  if (items === undefined) {
    for (const s of suggested.values()) if (s.supplierId !== null) chosen.push({ productId: s.productId, quantity: s.suggestedQty, supplierId: s.supplierId, unitPriceOre: s.unitPriceOre });
  } else {
    const products = getProducts(ctx.db, items.map((i) => i.productId));
    const seen = new Set<number>();
    items.forEach((item, i) => {
      const p = products.get(item.productId);
      if (!p || !p.active) throw new DomainError('unknown_product', `items.${i}.productId`, { id: item.productId });
      if (seen.has(p.id)) throw new DomainError('duplicate_line', `items.${i}.productId`, { line: i + 1 });
      seen.add(p.id);
      if (p.supplierId === null) throw new DomainError('product_without_supplier', `items.${i}.productId`, { product: `${p.number} ${p.name}` });
      const s = suggested.get(p.id);
      const quantity = item.quantity ?? s?.suggestedQty;
      if (quantity === undefined) throw new DomainError('nothing_to_order', `items.${i}.quantity`);
      chosen.push({ productId: p.id, quantity, supplierId: p.supplierId, unitPriceOre: s?.unitPriceOre });
    });
  }
  if (chosen.length === 0) throw new DomainError('nothing_to_order', items === undefined ? null : 'items');
  const bySupplier = new Map<number, typeof chosen>();
  for (const c of chosen) bySupplier.set(c.supplierId, [...(bySupplier.get(c.supplierId) ?? []), c]);
  return [...bySupplier].map(([supplierId, lines]) =>
    createPurchase(
      ctx,
      { supplierId, orderType: 1 },
      lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceOre: l.unitPriceOre, discountBp: 0 })),
      { action: 'create_from_suggestions' },
    ),
  );
}

/**
 * The reception scanner: the line whose product has this EAN and that can take a
 * reception now (canReceive > 0). When the EAN is on the order but nothing can be
 * received on it, the refusal says why: the order takes no reception, the
 * supplier has not answered or refused the line, the rest is not shipped yet, or
 * the line is received in full.
 */
export function lineByEan(po: PurchaseOrder, ean: string): PurchaseLine {
  const lines = po.lines.filter((l) => l.ean === ean);
  if (lines.length === 0) throw new DomainError('ean_not_on_order', 'ean', { order: po.number, ean });
  assertAllowed(stepRule(po, 'reception'));
  const ready = lines.find((l) => l.canReceive > 0);
  if (ready) return ready;
  // Nothing to receive now: explain it by the first line that still expects goods, else by the last one.
  const waiting = lines.find((l) => l.leftToReceive > 0);
  const line = waiting ?? lines.at(-1)!;
  const named = { line: line.lineNo, product: line.productNumber, ean };
  assertAllowed(lineBlock(line, po.options), 'ean');
  if (waiting) {
    throw new DomainError('ean_not_shipped', 'ean', { ...named, left: formatQuantity(waiting.leftToReceive), received: formatQuantity(waiting.qtyReceived) });
  }
  throw new DomainError('ean_received_in_full', 'ean', { ...named, received: formatQuantity(line.qtyReceived) });
}
