import type {
  Confirm,
  HeaderInput,
  LineInput,
  Order,
  OrderDeliveryAddress,
  OrderLine,
  OrderView,
  TextLineKind,
} from '../../../shared/channels/orders';
import { ORDER_TYPES, type OrderTypeId } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { assertEnterableStatus, assertLineEditable, assertManualOrderType, assertTypeFitsStatus } from '../domain/orderRules';
import { computeTotals, lineAmountOre } from '../domain/pricing';
import { norwegianSortKey } from '../domain/sortKey';
import { flowKinds } from '../domain/statusFlows';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { getCustomerRow, getDeliveryAddressOf } from '../repos/customers';
import { contactIdsOf } from '../repos/parties';
import { nextNumber } from '../repos/numberSeries';
import { listOrders, statusCounts } from '../repos/orderList';
import {
  deleteLine,
  getOrder,
  insertHeader,
  insertLine,
  refreshDerived,
  setOrderDeliveryAddress,
  touchOrder,
  updateHeader,
  updateLine,
  type HeaderValues,
  type LineValues,
} from '../repos/orders';
import { getProducts } from '../repos/products';
import { deleteTextLine, insertTextLine, renumberRows, updateTextLine } from '../repos/textLines';
import { insertLineRow, moveLineRow, placeRows, rowsInOrder } from '../domain/textLines';
import { getStatus, listStatuses } from '../repos/statuses';
import { addLineQuantities } from '../repos/processing';
import { changeStockFigures } from '../repos/stock';
import { cardNeeds, notInvoiced, notRealized } from '../domain/orderActions';
import { firstRefusal } from '../domain/refusal';
import { applyOrderType, changeOrderType, enforce, moveToStatus, NO_CONFIRM } from '../services/orderFlow';
import { resolvePeople } from '../services/orderPeople';
import { orderView } from '../services/orderView';
import { saveCustomValues } from '../services/customFields';
import { reader, writer, type HandlerMap } from './types';

type ParsedHeader = Omit<HeaderInput, 'orderType'> & { orderType: OrderTypeId };
type ParsedLine = Omit<LineInput, 'discountBp'> & { discountBp: number };
interface ParsedText {
  readonly id?: number | undefined;
  readonly index: number;
  readonly kind: TextLineKind;
  readonly text: string;
}

/** The highest line_no in use on the order (lines and text rows): new rows start above it, then are renumbered. */
function topLineNo(order: Order): number {
  return Math.max(0, ...order.lines.map((l) => l.lineNo), ...order.textLines.map((t) => t.lineNo));
}

/**
 * Writes the text rows of a whole-list save and numbers every row as the clerk
 * placed them (`index`: the row's place among product and text rows together).
 * Text rows of `before` not sent are removed; a text row sent with an id must be
 * one of the order's own. Checked before anything is written.
 */
function saveRows(ctx: HandlerContext, orderId: number, before: Order | null, texts: readonly ParsedText[], lineIds: () => readonly number[], lineCount: number): () => void {
  const existing = new Map((before?.textLines ?? []).map((t) => [t.id, t]));
  const kept = new Set<number>();
  texts.forEach((t, i) => {
    if (t.id === undefined) return;
    if (!existing.has(t.id) || kept.has(t.id)) throw new DomainError('unknown_text_line', `texts.${i}.id`, { id: t.id });
    kept.add(t.id);
  });
  // Validates the indexes now; the rows are placed once the lines are written.
  placeRows(Array.from({ length: lineCount }, (_, i) => i), texts.map((t, i) => ({ index: t.index, ref: i })));
  return () => {
    const { db } = ctx;
    for (const old of existing.values()) if (!kept.has(old.id)) deleteTextLine(db, old.id);
    const top = before ? topLineNo(before) : 0;
    const textIds = texts.map((t, i) => {
      if (t.id === undefined) return insertTextLine(db, orderId, top + lineCount + i + 1, t);
      const old = existing.get(t.id)!;
      if (old.kind !== t.kind || old.text !== t.text) updateTextLine(db, t.id, t);
      return t.id;
    });
    const rows = placeRows(lineIds(), texts.map((t, i) => ({ index: t.index, ref: textIds[i]! })));
    renumberRows(db, orderId, rows.map((r) => (r.table === 'line' ? r : { table: 'text', id: r.ref })));
  };
}

function vatRegistered(db: Db): boolean {
  const company = getCompany(db);
  if (!company) throw new DomainError('company_missing');
  return company.vatRegistered;
}

function loadOrder(db: Db, id: number, field = 'id'): Order {
  const order = getOrder(db, id, { vatRegistered: vatRegistered(db) });
  if (!order || order.transactionType !== 'sales') throw new DomainError('not_found', field, { entity: 'ordre', id });
  return order;
}

function typeLabel(t: OrderTypeId): string {
  return `${t} ${ORDER_TYPES.find((o) => o.id === t)?.nb ?? ''}`.trim();
}

/** Checks and completes a header: customer, contact, status, order type (SPEC 1.1, 1.2.1). */
function resolveHeader(ctx: HandlerContext, h: ParsedHeader, prefix: string, previous: Order | null): HeaderValues {
  const { db, today } = ctx;
  const customer = getCustomerRow(db, h.customerId);
  if (!customer) throw new DomainError('unknown_customer', `${prefix}customerId`, { id: h.customerId });
  if (h.orderType !== previous?.orderType) assertManualOrderType(h.orderType, `${prefix}orderType`);
  if (h.contactId != null && !contactIdsOf(db, h.customerId).has(h.contactId)) {
    throw new DomainError('unknown_contact', `${prefix}contactId`, { id: h.contactId });
  }
  const statusId = h.statusId ?? previous?.statusId ?? listStatuses(db, 'sales').find((s) => !s.hidden)?.id;
  const status = statusId === undefined ? null : getStatus(db, statusId);
  if (!status) throw new DomainError('unknown_status', `${prefix}statusId`, { id: statusId ?? 0 });
  if (status.transactionType !== 'sales') throw new DomainError('status_not_for_sales', `${prefix}statusId`, { id: status.id });
  if (status.id !== previous?.statusId) assertEnterableStatus(status.kind, status.labelNb, `${prefix}statusId`);
  assertTypeFitsStatus(h.orderType, status.kind, { status: status.labelNb, orderType: typeLabel(h.orderType) }, `${prefix}statusId`);
  // The customer's name is kept on the order as it was; a new customer takes its current name.
  const sameCustomer = previous?.customerId === customer.id;
  const name = sameCustomer ? previous.customerName : customer.name;
  return {
    transactionType: 'sales',
    orderType: h.orderType,
    statusId: status.id,
    customerId: customer.id,
    customerNumber: customer.number,
    customerName: name,
    customerSort: norwegianSortKey(name),
    contactId: h.contactId ?? null,
    orderDate: h.orderDate ?? previous?.orderDate ?? today,
    deliveryDate: h.deliveryDate ?? null,
    customerReference: h.customerReference || null,
    ourReference: h.ourReference || null,
    paymentTermsDays: h.paymentTermsDays ?? (sameCustomer ? previous.paymentTermsDays : customer.paymentTermsDays),
    notes: h.notes || null,
    ...resolvePeople(ctx, h, { sales: true, customerId: customer.id, prefix }, previous),
  };
}

/**
 * Where the order ships (SPEC 5): one of its customer's delivery addresses, copied
 * onto the order, or null for the customer's own address. Left out, the order keeps
 * the copy it has; choosing the address it was copied from again keeps the copy as
 * it was taken. A new customer clears it.
 */
function resolveDeliveryAddress(db: Db, h: ParsedHeader, prefix: string, previous: Order | null): OrderDeliveryAddress | null {
  const kept = previous?.customerId === h.customerId ? previous.deliveryAddress : null;
  if (h.deliveryAddressId === undefined) return kept;
  if (h.deliveryAddressId === null) return null;
  if (kept && kept.deliveryAddressId === h.deliveryAddressId) return kept;
  const a = getDeliveryAddressOf(db, h.customerId, h.deliveryAddressId);
  if (!a) throw new DomainError('unknown_delivery_address', `${prefix}deliveryAddressId`, { id: h.deliveryAddressId });
  return {
    deliveryAddressId: a.id,
    name: a.name,
    addressLine1: a.addressLine1,
    postalCode: a.postalCode,
    city: a.city,
    country: a.country,
  };
}

/** Completes lines from their products: text, unit, price and VAT code default from the product. */
function resolveLines(db: Db, lines: readonly ParsedLine[], fieldOf: (i: number) => string): LineValues[] {
  const products = getProducts(
    db,
    lines.map((l) => l.productId),
  );
  return lines.map((l, i) => {
    const p = products.get(l.productId);
    if (!p || !p.active) throw new DomainError('unknown_product', `${fieldOf(i)}.productId`, { id: l.productId });
    const priced = {
      quantity: l.quantity,
      unitPriceOre: l.unitPriceOre ?? p.priceOre,
      discountBp: l.discountBp,
    };
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

function claim(ctx: HandlerContext, id: number, version: number): Order {
  const order = loadOrder(ctx.db, id, 'id');
  if (!touchOrder(ctx.db, id, version, ctx.now.toISOString())) throw new DomainError('version_conflict', 'version');
  return order;
}

function finish(ctx: HandlerContext, id: number, action: string, before: Order | null): OrderView {
  refreshDerived(ctx.db, id, { vatRegistered: vatRegistered(ctx.db) });
  const after = loadOrder(ctx.db, id);
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'order', entityId: id, action, before, after });
  return orderView(ctx, after);
}

function lineOf(order: Order, lineId: number, field: string): OrderLine {
  const line = order.lines.find((l) => l.id === lineId);
  if (!line) throw new DomainError('unknown_line', field, { id: lineId });
  return line;
}

function lineInputOf(line: OrderLine): ParsedLine {
  return {
    productId: line.productId,
    description: line.description,
    quantity: line.quantity,
    unitPriceOre: line.unitPriceOre,
    discountBp: line.discountBp,
    vatCode: line.vatCode,
    deliveryDate: line.deliveryDate,
  };
}

/**
 * Refusals before any edit: an invoiced order never changes, nor does a Realized
 * one (it was final when saved); a card payment order needs its right (SPEC 1.1).
 */
function assertEditable(ctx: HandlerContext, order: Order): void {
  enforce(ctx, { needs: cardNeeds(order), refusal: firstRefusal(() => notInvoiced(order), () => notRealized(order)) });
}


type OrderChannels =
  | 'orders.create'
  | 'orders.get'
  | 'orders.updateHeader'
  | 'orders.addLine'
  | 'orders.updateLine'
  | 'orders.removeLine'
  | 'orders.moveLine'
  | 'orders.save'
  | 'orders.list'
  | 'orders.statusCounts'
  | 'orders.previewTotals'
  | 'statuses.list';

/** Header edits: the type changes through its rule, the rest is stored, the status moves last. */
function editHeader(ctx: HandlerContext, before: Order, h: ParsedHeader, confirm: Confirm): number {
  // The new type's rules apply once the whole order is stored (applyOrderType): a Cash order is invoiced with its lines as saved.
  if (h.orderType !== before.orderType) changeOrderType(ctx, before, h.orderType, confirm, { field: 'header.orderType', apply: false });
  const header = resolveHeader(ctx, { ...h, statusId: before.statusId }, 'header.', before);
  const deliveryAddress = resolveDeliveryAddress(ctx.db, h, 'header.', before);
  updateHeader(ctx.db, before.id, header, ctx.now.toISOString());
  setOrderDeliveryAddress(ctx.db, before.id, deliveryAddress);
  saveCustomValues(ctx, 'order', before.id, h.customFields, { creating: false, field: 'header.customFields' });
  return h.statusId ?? before.statusId;
}

export const orderHandlers: HandlerMap<OrderChannels> = {
  'orders.create': writer((input, ctx) => {
    const { db, now } = ctx;
    // An order entered by hand that names no type takes the company's default for manual entry (SPEC 8).
    const orderType = input.header.orderType ?? getCompany(db)?.defaultOrderTypeManual ?? 1;
    const h = { ...input.header, orderType };
    const header = resolveHeader(ctx, h, 'header.', null);
    const deliveryAddress = resolveDeliveryAddress(db, h, 'header.', null);
    const lines = resolveLines(db, input.lines, (i) => `lines.${i}`);
    const id = insertHeader(db, nextNumber(db, 'sales_order'), header, now.toISOString());
    saveCustomValues(ctx, 'order', id, input.header.customFields, { creating: true, field: 'header.customFields' });
    let lineIds: number[] = [];
    const writeRows = saveRows(ctx, id, null, input.texts, () => lineIds, lines.length);
    setOrderDeliveryAddress(db, id, deliveryAddress);
    lineIds = lines.map((l, i) => insertLine(db, id, i + 1, l));
    writeRows();
    applyOrderType(ctx, id, input.confirm, input.payment);
    return finish(ctx, id, 'create', null);
  }),

  'orders.get': reader((input, ctx) => orderView(ctx, loadOrder(ctx.db, input.id))),

  'orders.updateHeader': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    assertEditable(ctx, before);
    const merged: ParsedHeader = {
      customerId: before.customerId,
      orderType: before.orderType,
      statusId: before.statusId,
      orderDate: before.orderDate,
      deliveryDate: before.deliveryDate,
      customerReference: before.customerReference,
      ourReference: before.ourReference,
      contactId: before.contactId,
      paymentTermsDays: before.paymentTermsDays,
      notes: before.notes,
      ...input.header,
    };
    const statusId = editHeader(ctx, before, merged, input.confirm);
    if (statusId !== before.statusId) moveToStatus(ctx, loadOrder(ctx.db, input.id), statusId, input.confirm);
    applyOrderType(ctx, input.id, input.confirm, undefined, { recheck: merged.orderType !== before.orderType });
    return finish(ctx, input.id, 'update_header', before);
  }),

  'orders.addLine': writer((input, ctx) => {
    const before = claim(ctx, input.orderId, input.version);
    assertEditable(ctx, before);
    const [line] = resolveLines(ctx.db, [input.line], () => 'line');
    const newId = insertLine(ctx.db, input.orderId, topLineNo(before) + 1, line!);
    renumberRows(ctx.db, input.orderId, insertLineRow(rowsInOrder(before.lines, before.textLines), newId, input.position));
    applyOrderType(ctx, input.orderId, input.confirm, undefined);
    return finish(ctx, input.orderId, 'add_line', before);
  }),

  'orders.updateLine': writer((input, ctx) => {
    const before = claim(ctx, input.orderId, input.version);
    assertEditable(ctx, before);
    const line = lineOf(before, input.lineId, 'lineId');
    assertLineEditable(line, 'lineId');
    const [values] = resolveLines(ctx.db, [{ ...lineInputOf(line), ...input.changes }], () => 'changes');
    // Another product: what the line held was held of the old one, and goes back first.
    if (values!.productId !== line.productId) releaseLineHolds(ctx, line);
    updateLine(ctx.db, line.id, values!);
    applyOrderType(ctx, input.orderId, input.confirm, undefined);
    return finish(ctx, input.orderId, 'update_line', before);
  }),

  'orders.removeLine': writer((input, ctx) => {
    const before = claim(ctx, input.orderId, input.version);
    assertEditable(ctx, before);
    const line = lineOf(before, input.lineId, 'lineId');
    assertLineEditable(line, 'lineId');
    releaseLineHolds(ctx, line);
    deleteLine(ctx.db, line.id);
    renumberRows(
      ctx.db,
      input.orderId,
      rowsInOrder(before.lines, before.textLines).filter((r) => !(r.table === 'line' && r.id === line.id)),
    );
    applyOrderType(ctx, input.orderId, NO_CONFIRM, undefined);
    return finish(ctx, input.orderId, 'remove_line', before);
  }),

  'orders.moveLine': writer((input, ctx) => {
    const before = claim(ctx, input.orderId, input.version);
    assertEditable(ctx, before);
    lineOf(before, input.lineId, 'lineId');
    renumberRows(ctx.db, input.orderId, moveLineRow(rowsInOrder(before.lines, before.textLines), input.lineId, input.toIndex));
    return finish(ctx, input.orderId, 'move_line', before);
  }),

  'orders.save': writer((input, ctx) => {
    const { db } = ctx;
    const before = claim(ctx, input.id, input.version);
    assertEditable(ctx, before);
    const statusId = editHeader(ctx, before, input.header, input.confirm);

    const existing = new Map(before.lines.map((l) => [l.id, l]));
    const kept = new Set<number>();
    input.lines.forEach((l, i) => {
      if (l.id === undefined) return;
      if (!existing.has(l.id) || kept.has(l.id)) throw new DomainError('unknown_line', `lines.${i}.id`, { id: l.id });
      kept.add(l.id);
    });
    for (const old of before.lines) if (!kept.has(old.id)) assertLineEditable(old, 'lines');
    let lineIds: readonly number[] = [];
    const writeRows = saveRows(ctx, input.id, before, input.texts, () => lineIds, input.lines.length);

    const values = resolveLines(db, input.lines, (i) => `lines.${i}`);
    for (const old of before.lines) {
      if (kept.has(old.id)) continue;
      releaseLineHolds(ctx, old);
      deleteLine(db, old.id);
    }
    const ids = input.lines.map((l, i) => {
      const v = values[i]!;
      if (l.id === undefined) return insertLine(db, input.id, topLineNo(before) + i + 1, v);
      const old = existing.get(l.id)!;
      const changed =
        old.productId !== v.productId ||
        old.quantity !== v.quantity ||
        old.unitPriceOre !== v.unitPriceOre ||
        old.discountBp !== v.discountBp ||
        old.vatCode !== v.vatCode ||
        old.description !== v.description ||
        old.deliveryDate !== v.deliveryDate;
      if (changed) {
        assertLineEditable(old, `lines.${i}`);
        if (old.productId !== v.productId) releaseLineHolds(ctx, old);
        updateLine(db, l.id, v);
      }
      return l.id;
    });
    lineIds = ids;
    writeRows();
    if (statusId !== before.statusId) moveToStatus(ctx, loadOrder(db, input.id), statusId, input.confirm);
    applyOrderType(ctx, input.id, input.confirm, input.payment, { recheck: input.header.orderType !== before.orderType });
    return finish(ctx, input.id, 'save', before);
  }),

  'orders.list': reader((input, ctx) => listOrders(ctx.db, input, ctx.dataVersion)),
  'orders.statusCounts': reader((input, { db }) => statusCounts(db, input)),
  'orders.previewTotals': reader((input, { db }) => ({
    ...computeTotals(input.lines, { vatRegistered: vatRegistered(db) }),
    lineAmountsOre: input.lines.map(lineAmountOre),
  })),
  'statuses.list': reader((_input, { db }) => {
    // Before the company is set up there is no flow yet: the default preset's.
    const flow = new Set(flowKinds(getCompany(db)?.statusPreset ?? 'standard'));
    return listStatuses(db, 'sales').map((s) => ({ ...s, inFlow: !s.hidden && flow.has(s.kind) }));
  }),
};

/** A line leaving the order, or changing product, gives back what it held. */
function releaseLineHolds(ctx: HandlerContext, line: OrderLine): void {
  if (line.qtyReserved === 0 && line.qtyOnLoan === 0) return;
  changeStockFigures(ctx.db, line.productId, { reserved: -line.qtyReserved, onLoan: -line.qtyOnLoan });
  addLineQuantities(ctx.db, line.id, { reserved: -line.qtyReserved, onLoan: -line.qtyOnLoan });
}
