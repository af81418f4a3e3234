import type { Order, OrderDeliveryAddress, OrderLine } from '../../../shared/channels/orders';
import type { OrderTypeId, StatusKind, SubscriptionInterval, TransactionType, VatCode } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import { foldText } from '../domain/fold';
import { computeTotals } from '../domain/pricing';
import { deliveryState, invoiceState } from '../../../shared/lineState';
import { getTextLines, renumberRows } from './textLines';

interface HeaderRow {
  id: number;
  number: number;
  transaction_type: TransactionType;
  order_type: OrderTypeId;
  status_id: number;
  status_kind: StatusKind;
  party_id: number;
  customer_number: number;
  customer_name: string;
  contact_id: number | null;
  order_date: string;
  delivery_date: string | null;
  customer_reference: string | null;
  our_reference: string | null;
  payment_terms_days: number;
  notes: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  source_order_id: number | null;
  backorder_of_id: number | null;
  subscription_interval: SubscriptionInterval | null;
  subscription_start: string | null;
  card_state: Order['cardState'];
  contract_amount_ore: number | null;
  invoice_party_id: number | null;
  source_order_number: number | null;
  converted_to_id: number | null;
  converted_to_number: number | null;
  title: string | null;
  our_contact_id: number | null;
  responsible_id: number | null;
  project_id: number | null;
}

interface LineRow {
  id: number;
  line_no: number;
  product_id: number;
  product_number: string;
  description: string;
  unit: string;
  quantity: number;
  unit_price_ore: number;
  discount_bp: number;
  vat_code: VatCode;
  amount_ore: number;
  delivery_date: string | null;
  qty_confirmed: number;
  qty_reserved: number;
  qty_on_loan: number;
  qty_picked: number;
  qty_delivered: number;
  qty_received: number;
  qty_invoiced: number;
  qty_credited: number;
  closed_short: number;
}

const toLine = (r: LineRow): OrderLine => ({
  id: r.id,
  lineNo: r.line_no,
  productId: r.product_id,
  productNumber: r.product_number,
  description: r.description,
  unit: r.unit,
  quantity: r.quantity,
  unitPriceOre: r.unit_price_ore,
  discountBp: r.discount_bp,
  vatCode: r.vat_code,
  amountOre: r.amount_ore,
  deliveryDate: r.delivery_date,
  qtyConfirmed: r.qty_confirmed,
  qtyReserved: r.qty_reserved,
  qtyOnLoan: r.qty_on_loan,
  qtyPicked: r.qty_picked,
  qtyDelivered: r.qty_delivered,
  qtyReceived: r.qty_received,
  qtyInvoiced: r.qty_invoiced,
  qtyCredited: r.qty_credited,
  closedShort: r.closed_short === 1,
});

export function getLines(db: Db, orderId: number): OrderLine[] {
  return (stmt(db, 'SELECT * FROM order_line WHERE order_id = ? ORDER BY line_no').all(orderId) as LineRow[]).map(toLine);
}

export function getOrder(db: Db, id: number, opts: { vatRegistered: boolean }): Order | null {
  const h = stmt(
    db,
    `SELECT o.*, s.kind AS status_kind, src.number AS source_order_number, conv.id AS converted_to_id, conv.number AS converted_to_number
     FROM order_header o JOIN status s ON s.id = o.status_id
     LEFT JOIN order_header src ON src.id = o.source_order_id
     LEFT JOIN order_header conv ON conv.id = (SELECT min(c.id) FROM order_header c WHERE c.source_order_id = o.id)
     WHERE o.id = ?`,
  ).get(id) as HeaderRow | undefined;
  if (!h) return null;
  const lines = getLines(db, id);
  return {
    id: h.id,
    number: h.number,
    transactionType: h.transaction_type,
    orderType: h.order_type,
    statusId: h.status_id,
    statusKind: h.status_kind,
    customerId: h.party_id,
    customerNumber: h.customer_number,
    customerName: h.customer_name,
    contactId: h.contact_id,
    orderDate: h.order_date,
    deliveryDate: h.delivery_date,
    customerReference: h.customer_reference,
    ourReference: h.our_reference,
    paymentTermsDays: h.payment_terms_days,
    notes: h.notes,
    deliveryAddress: getOrderDeliveryAddress(db, id),
    version: h.version,
    createdAt: h.created_at,
    updatedAt: h.updated_at,
    lines,
    textLines: getTextLines(db, id),
    totals: computeTotals(lines, opts),
    deliveryState: deliveryState(lines),
    invoiceState: invoiceState(lines),
    sourceOrderId: h.source_order_id,
    sourceOrderNumber: h.source_order_number,
    convertedToId: h.converted_to_id,
    convertedToNumber: h.converted_to_number,
    backorderOfId: h.backorder_of_id,
    subscriptionInterval: h.subscription_interval,
    subscriptionStart: h.subscription_start,
    cardState: h.card_state,
    contractAmountOre: h.contract_amount_ore,
    invoiceCustomerId: h.invoice_party_id,
    invoiceIds: (stmt(db, 'SELECT invoice_id AS id FROM invoice_order WHERE order_id = ? ORDER BY invoice_id').all(id) as { id: number }[]).map(
      (r) => r.id,
    ),
    title: h.title,
    ourContactId: h.our_contact_id,
    responsibleId: h.responsible_id,
    projectId: h.project_id,
  };
}

export interface HeaderValues {
  readonly transactionType: TransactionType;
  readonly orderType: OrderTypeId;
  readonly statusId: number;
  readonly customerId: number;
  readonly customerNumber: number;
  readonly customerName: string;
  readonly customerSort: string;
  readonly contactId: number | null;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly customerReference: string | null;
  readonly ourReference: string | null;
  readonly paymentTermsDays: number;
  readonly notes: string | null;
  /** Tittel, Vår kontakt, Ansvarlig, Prosjekt (issue 12). */
  readonly title: string | null;
  readonly ourContactId: number | null;
  readonly responsibleId: number | null;
  readonly projectId: number | null;
}

function headerParams(h: HeaderValues) {
  return {
    tt: h.transactionType,
    type: h.orderType,
    status: h.statusId,
    party: h.customerId,
    custNo: h.customerNumber,
    custName: h.customerName,
    custSort: h.customerSort,
    contact: h.contactId,
    date: h.orderDate,
    delivery: h.deliveryDate,
    yourRef: h.customerReference,
    yourRefFold: h.customerReference === null ? null : foldText(h.customerReference),
    ourRef: h.ourReference,
    terms: h.paymentTermsDays,
    notes: h.notes,
    title: h.title,
    titleFold: h.title === null ? null : foldText(h.title),
    ourContact: h.ourContactId,
    responsible: h.responsibleId,
    project: h.projectId,
  };
}

export function insertHeader(db: Db, number: number, h: HeaderValues, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO order_header (transaction_type, number, order_type, status_id, party_id, customer_number, customer_name,
         customer_sort, contact_id, order_date, delivery_date, customer_reference, reference_fold, our_reference, payment_terms_days, notes,
         title, title_fold, our_contact_id, responsible_id, project_id, created_at, updated_at)
       VALUES (@tt, @number, @type, @status, @party, @custNo, @custName, @custSort, @contact, @date, @delivery, @yourRef,
         @yourRefFold, @ourRef, @terms, @notes, @title, @titleFold, @ourContact, @responsible, @project, @now, @now)`,
    ).run({ ...headerParams(h), number, now }).lastInsertRowid,
  );
}

/** Writes the header; the caller has claimed the order with touchOrder first. */
export function updateHeader(db: Db, id: number, h: HeaderValues, now: string): void {
  stmt(
    db,
    `UPDATE order_header SET order_type = @type, status_id = @status, party_id = @party, customer_number = @custNo,
       customer_name = @custName, customer_sort = @custSort, contact_id = @contact, order_date = @date,
       delivery_date = @delivery, customer_reference = @yourRef, reference_fold = @yourRefFold, our_reference = @ourRef, payment_terms_days = @terms,
       notes = @notes, title = @title, title_fold = @titleFold, our_contact_id = @ourContact, responsible_id = @responsible,
       project_id = @project, updated_at = @now
     WHERE id = @id`,
  ).run({ ...headerParams(h), id, now });
}

interface OrderDeliveryAddressRow {
  delivery_address_id: number | null;
  name: string;
  address_line1: string | null;
  postal_code: string | null;
  city: string | null;
  country: string;
}

export function getOrderDeliveryAddress(db: Db, orderId: number): OrderDeliveryAddress | null {
  const r = stmt(
    db,
    `SELECT delivery_address_id, name, address_line1, postal_code, city, country
     FROM order_delivery_address WHERE order_id = ?`,
  ).get(orderId) as OrderDeliveryAddressRow | undefined;
  return r
    ? {
        deliveryAddressId: r.delivery_address_id,
        name: r.name,
        addressLine1: r.address_line1,
        postalCode: r.postal_code,
        city: r.city,
        country: r.country,
      }
    : null;
}

/** Stores the copy of the address the order ships to; null removes it (the customer's own address). */
export function setOrderDeliveryAddress(db: Db, orderId: number, a: OrderDeliveryAddress | null): void {
  if (!a) {
    stmt(db, 'DELETE FROM order_delivery_address WHERE order_id = ?').run(orderId);
    return;
  }
  stmt(
    db,
    `INSERT INTO order_delivery_address (order_id, delivery_address_id, name, address_line1, postal_code, city, country)
     VALUES (@order, @source, @name, @line1, @postal, @city, @country)
     ON CONFLICT (order_id) DO UPDATE SET delivery_address_id = excluded.delivery_address_id, name = excluded.name,
       address_line1 = excluded.address_line1, postal_code = excluded.postal_code, city = excluded.city,
       country = excluded.country`,
  ).run({
    order: orderId,
    source: a.deliveryAddressId,
    name: a.name,
    line1: a.addressLine1,
    postal: a.postalCode,
    city: a.city,
    country: a.country,
  });
}

/** Claims the order for a change: bumps its version if it is still `version`. */
export function touchOrder(db: Db, id: number, version: number, now: string): boolean {
  return (
    stmt(db, 'UPDATE order_header SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?').run(
      now,
      id,
      version,
    ).changes === 1
  );
}

export interface LineValues {
  readonly productId: number;
  readonly productNumber: string;
  readonly description: string;
  readonly unit: string;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
  readonly amountOre: number;
  readonly deliveryDate: string | null;
}

function lineParams(l: LineValues) {
  return {
    product: l.productId,
    productNumber: l.productNumber,
    description: l.description,
    unit: l.unit,
    qty: l.quantity,
    price: l.unitPriceOre,
    discount: l.discountBp,
    vat: l.vatCode,
    amount: l.amountOre,
    delivery: l.deliveryDate,
  };
}

export function insertLine(db: Db, orderId: number, lineNo: number, l: LineValues): number {
  return Number(
    stmt(
      db,
      `INSERT INTO order_line (order_id, line_no, product_id, product_number, description, unit, quantity, unit_price_ore,
         discount_bp, vat_code, amount_ore, delivery_date)
       VALUES (@order, @lineNo, @product, @productNumber, @description, @unit, @qty, @price, @discount, @vat, @amount,
         @delivery)`,
    ).run({ ...lineParams(l), order: orderId, lineNo }).lastInsertRowid,
  );
}

export function updateLine(db: Db, lineId: number, l: LineValues): void {
  stmt(
    db,
    `UPDATE order_line SET product_id = @product, product_number = @productNumber, description = @description,
       unit = @unit, quantity = @qty, unit_price_ore = @price, discount_bp = @discount, vat_code = @vat,
       amount_ore = @amount, delivery_date = @delivery
     WHERE id = @id`,
  ).run({ ...lineParams(l), id: lineId });
}

export function deleteLine(db: Db, lineId: number): void {
  stmt(db, 'DELETE FROM order_line WHERE id = ?').run(lineId);
}

/** Gives the lines of an order without text rows (a purchase order) their positions 1..n in the order given. */
export function renumberLines(db: Db, orderId: number, lineIdsInOrder: readonly number[]): void {
  renumberRows(db, orderId, lineIdsInOrder.map((id) => ({ table: 'line', id })));
}

/** Stores the header totals the list shows, and the order's row in the search index. */
/**
 * Rewrites an order's header totals, line count and search row from its lines.
 * `search`: 'replace' (default) deletes and rewrites the row; 'insert' writes a
 * row for an order that has none yet (a bulk load: the search index keeps rows
 * written in rising order in memory and starts a new segment whenever a row is
 * written again); 'keep' leaves it (only quantities changed, not the text).
 */
export function refreshDerived(
  db: Db,
  orderId: number,
  opts: { vatRegistered: boolean; search?: 'replace' | 'insert' | 'keep' },
): void {
  const lines = getLines(db, orderId);
  const totals = computeTotals(lines, { vatRegistered: opts.vatRegistered });
  stmt(
    db,
    'UPDATE order_header SET total_net_ore = ?, total_vat_ore = ?, total_gross_ore = ?, line_count = ? WHERE id = ?',
  ).run(totals.netOre, totals.vatOre, totals.grossOre, lines.length, orderId);
  const search = opts.search ?? 'replace';
  if (search === 'keep') return;
  const h = stmt(
    db,
    'SELECT number, customer_name, customer_number, customer_reference, our_reference, title FROM order_header WHERE id = ?',
  ).get(orderId) as {
    title: string | null;
    number: number;
    customer_name: string;
    customer_number: number;
    customer_reference: string | null;
    our_reference: string | null;
  };
  writeSearchRow(db, orderId, {
    number: String(h.number),
    customer: `${h.customer_name} ${h.customer_number}`,
    reference: [h.customer_reference, h.our_reference, h.title].filter(Boolean).join(' '),
    products: lines.map((l) => `${l.productNumber} ${l.description}`).join(' '),
  }, search === 'replace');
}

export function writeSearchRow(
  db: Db,
  orderId: number,
  row: { number: string; customer: string; reference: string; products: string },
  replace = true,
): void {
  if (replace) stmt(db, 'DELETE FROM order_search WHERE rowid = ?').run(orderId);
  stmt(db, 'INSERT INTO order_search (rowid, number, customer, reference, products) VALUES (?, ?, ?, ?, ?)').run(
    orderId,
    row.number,
    row.customer,
    row.reference,
    row.products,
  );
}

/** What the demo's people pass needs to know of each order (demo/peopleMix.ts). */
export interface OrderHead {
  readonly id: number;
  readonly transactionType: TransactionType;
  readonly orderType: OrderTypeId;
  readonly partyId: number;
  readonly orderDate: string;
  /** The order it continues: a backorder's original, a converted quote, an amended purchase order. */
  readonly originId: number | null;
}

export function orderHeads(db: Db): OrderHead[] {
  return stmt(
    db,
    `SELECT o.id, o.transaction_type AS transactionType, o.order_type AS orderType, o.party_id AS partyId, o.order_date AS orderDate,
       coalesce(o.backorder_of_id, o.source_order_id, po.amends_id) AS originId
     FROM order_header o LEFT JOIN purchase_order po ON po.order_id = o.id ORDER BY o.id`,
  ).all() as OrderHead[];
}

/**
 * Writes an order's title, people and project as they are given, without the
 * header's rules: for the demo's pass over orders already made, which chooses
 * them coherently itself. The caller refreshes the search row (the title is in it).
 */
export function setOrderPeople(
  db: Db,
  id: number,
  v: { title: string | null; ourContactId: number | null; responsibleId: number | null; projectId: number | null },
): void {
  stmt(
    db,
    `UPDATE order_header SET title = @title, title_fold = @titleFold, our_contact_id = @ourContact, responsible_id = @responsible,
       project_id = @project WHERE id = @id`,
  ).run({
    id,
    title: v.title,
    titleFold: v.title === null ? null : foldText(v.title),
    ourContact: v.ourContactId,
    responsible: v.responsibleId,
    project: v.projectId,
  });
}
