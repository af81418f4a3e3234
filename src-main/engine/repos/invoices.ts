import type { VatTotal } from '../../../shared/channels/orders';
import type { Invoice, InvoiceLine, InvoiceSummary } from '../../../shared/channels/processing';
import { VAT_CODES, type PaymentMethod } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

interface InvoiceRow {
  id: number;
  number: number;
  kind: 'invoice' | 'credit_note';
  credited_invoice_id: number | null;
  party_id: number;
  customer_name: string;
  order_type: number | null;
  invoice_date: string;
  due_date: string;
  delivery_date: string | null;
  kid: string | null;
  total_net_ore: number;
  total_vat_ore: number;
  total_gross_ore: number;
  rounding_ore: number;
  vat_registered: number;
  created_at: string;
}

export interface InvoiceValues {
  readonly number: number;
  readonly kind: 'invoice' | 'credit_note';
  readonly creditedInvoiceId: number | null;
  readonly partyId: number;
  readonly customerName: string;
  readonly orderType: number | null;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly deliveryDate: string | null;
  readonly kid: string | null;
  readonly netOre: number;
  readonly vatOre: number;
  readonly grossOre: number;
  readonly roundingOre: number;
  /** Whether the seller charged VAT, and what per rate: kept as issued (SPEC 9). */
  readonly vatRegistered: boolean;
  readonly byRate: readonly VatTotal[];
  readonly createdAt: string;
  readonly userId: number | null;
}

export type InvoiceLineValues = Omit<InvoiceLine, 'id' | 'qtyCredited'> & { readonly creditedLineId: number | null };

export function insertInvoice(db: Db, v: InvoiceValues, lines: readonly InvoiceLineValues[], orderIds: readonly number[]): number {
  const { byRate, vatRegistered, ...row } = v;
  const id = Number(
    stmt(
      db,
      `INSERT INTO invoice (number, kind, credited_invoice_id, party_id, customer_name, order_type, invoice_date, due_date,
         delivery_date, kid, total_net_ore, total_vat_ore, total_gross_ore, rounding_ore, vat_registered, created_at, user_id)
       VALUES (@number, @kind, @creditedInvoiceId, @partyId, @customerName, @orderType, @invoiceDate, @dueDate, @deliveryDate,
         @kid, @netOre, @vatOre, @grossOre, @roundingOre, @vatRegistered, @createdAt, @userId)`,
    ).run({ ...row, vatRegistered: vatRegistered ? 1 : 0 }).lastInsertRowid,
  );
  const addVat = stmt(db, 'INSERT INTO invoice_vat (invoice_id, vat_code, rate_bp, base_ore, vat_ore) VALUES (?, ?, ?, ?, ?)');
  for (const r of byRate) addVat.run(id, r.vatCode, r.rateBp, r.baseOre, r.vatOre);
  const addLine = stmt(
    db,
    `INSERT INTO invoice_line (invoice_id, order_line_id, order_id, product_id, description, quantity, unit_price_ore,
       discount_bp, vat_code, amount_ore, credited_line_id)
     VALUES (@invoiceId, @orderLineId, @orderId, @productId, @description, @quantity, @unitPriceOre, @discountBp, @vatCode,
       @amountOre, @creditedLineId)`,
  );
  // The order list's "Fakturert" (net of credit notes) follows every invoice line written.
  const byOrder = new Map<number, number>();
  for (const l of lines) {
    addLine.run({ ...l, invoiceId: id });
    if (l.orderId !== null) byOrder.set(l.orderId, (byOrder.get(l.orderId) ?? 0) + l.amountOre);
  }
  // One update per order, not per line (a collective invoice has many lines per order).
  const addInvoiced = stmt(db, 'UPDATE order_header SET invoiced_net_ore = invoiced_net_ore + ? WHERE id = ?');
  for (const [orderId, amount] of byOrder) addInvoiced.run(amount, orderId);
  const addOrder = stmt(db, 'INSERT OR IGNORE INTO invoice_order (invoice_id, order_id) VALUES (?, ?)');
  for (const o of new Set(orderIds)) addOrder.run(id, o);
  return id;
}

export function addCreditedQuantity(db: Db, invoiceLineId: number, qty: number): void {
  stmt(db, 'UPDATE invoice_line SET qty_credited = qty_credited + ? WHERE id = ?').run(qty, invoiceLineId);
}

export function insertPayment(
  db: Db,
  p: { invoiceId: number; method: PaymentMethod; amountOre: number; receivedOre: number; changeOre: number; paidAt: string },
): void {
  stmt(
    db,
    'INSERT INTO payment (invoice_id, method, amount_ore, received_ore, change_ore, paid_at) VALUES (@invoiceId, @method, @amountOre, @receivedOre, @changeOre, @paidAt)',
  ).run(p);
}

function linesOf(db: Db, invoiceId: number): InvoiceLine[] {
  return stmt(
    db,
    `SELECT id, order_id AS orderId, order_line_id AS orderLineId, product_id AS productId, description, quantity,
       unit_price_ore AS unitPriceOre, discount_bp AS discountBp, vat_code AS vatCode, amount_ore AS amountOre,
       qty_credited AS qtyCredited
     FROM invoice_line WHERE invoice_id = ? ORDER BY id`,
  ).all(invoiceId) as InvoiceLine[];
}

function summary(db: Db, r: InvoiceRow): InvoiceSummary {
  const pay = stmt(db, 'SELECT method, received_ore AS receivedOre, change_ore AS changeOre FROM payment WHERE invoice_id = ?').get(r.id) as
    | { method: PaymentMethod; receivedOre: number; changeOre: number }
    | undefined;
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    creditedInvoiceId: r.credited_invoice_id,
    customerId: r.party_id,
    customerName: r.customer_name,
    orderType: r.order_type,
    invoiceDate: r.invoice_date,
    dueDate: r.due_date,
    deliveryDate: r.delivery_date,
    kid: r.kid,
    netOre: r.total_net_ore,
    vatOre: r.total_vat_ore,
    grossOre: r.total_gross_ore,
    roundingOre: r.rounding_ore,
    payableOre: r.total_gross_ore + r.rounding_ore,
    vatRegistered: r.vat_registered === 1,
    orderIds: (stmt(db, 'SELECT order_id AS id FROM invoice_order WHERE invoice_id = ? ORDER BY order_id').all(r.id) as { id: number }[]).map((x) => x.id),
    payment: pay ?? null,
    createdAt: r.created_at,
  };
}

const VAT_ORDER = new Map<string, number>(VAT_CODES.map((v, i) => [v.code, i]));

/** The VAT table as issued, in the order of the VAT codes. */
function vatTableOf(db: Db, invoiceId: number): VatTotal[] {
  return (
    stmt(db, 'SELECT vat_code AS vatCode, rate_bp AS rateBp, base_ore AS baseOre, vat_ore AS vatOre FROM invoice_vat WHERE invoice_id = ?').all(
      invoiceId,
    ) as Omit<VatTotal, 'totalOre'>[]
  )
    .map((r) => ({ ...r, totalOre: r.baseOre + r.vatOre }))
    .sort((a, b) => VAT_ORDER.get(a.vatCode)! - VAT_ORDER.get(b.vatCode)!);
}

/** An issued invoice as it was issued: its lines and its VAT table are read, never recomputed. */
export function getInvoice(db: Db, id: number): Invoice | null {
  const r = stmt(db, 'SELECT * FROM invoice WHERE id = ?').get(id) as InvoiceRow | undefined;
  if (!r) return null;
  return { ...summary(db, r), lines: linesOf(db, id), byRate: vatTableOf(db, id) };
}

export function listInvoices(db: Db, q: { customerId?: number | undefined; orderId?: number | undefined; limit: number }): InvoiceSummary[] {
  const rows = (
    q.orderId !== undefined
      ? stmt(db, 'SELECT i.* FROM invoice i JOIN invoice_order io ON io.invoice_id = i.id WHERE io.order_id = ? ORDER BY i.number DESC LIMIT ?').all(q.orderId, q.limit)
      : q.customerId !== undefined
        ? stmt(db, 'SELECT * FROM invoice WHERE party_id = ? ORDER BY number DESC LIMIT ?').all(q.customerId, q.limit)
        : stmt(db, 'SELECT * FROM invoice ORDER BY number DESC LIMIT ?').all(q.limit)
  ) as InvoiceRow[];
  return rows.map((r) => summary(db, r));
}

/** Credit notes already made against an invoice. */
export function creditNotesOf(db: Db, invoiceId: number): number {
  return (stmt(db, "SELECT count(*) AS n FROM invoice WHERE kind = 'credit_note' AND credited_invoice_id = ?").get(invoiceId) as { n: number }).n;
}

/** The numbers issued so far, for the gap-free check. */
export function invoiceNumbers(db: Db): number[] {
  return (stmt(db, 'SELECT number FROM invoice ORDER BY number').all() as { number: number }[]).map((r) => r.number);
}
