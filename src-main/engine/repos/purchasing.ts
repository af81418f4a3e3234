// Purchasing's own SQL: the purchase order and line rows beside order_header /
// order_line, supplier invoices, the quantities each step adds to a line, and
// the reads behind the list and the purchase suggestions.
import type { PurchaseReply, VatCode } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

/** The hidden status every purchase order points at (its real status is derived); made on first use. */
export function purchaseStatusId(db: Db): number {
  const found = stmt(db, "SELECT id FROM status WHERE transaction_type = 'purchase' ORDER BY id LIMIT 1").get() as
    | { id: number }
    | undefined;
  if (found) return found.id;
  return Number(
    stmt(
      db,
      `INSERT INTO status (transaction_type, kind, label_nb, label_en, sort_order, hidden)
       VALUES ('purchase', 'draft', 'Innkjøpsordre', 'Purchase order', 10, 1)`,
    ).run().lastInsertRowid,
  );
}

export interface PurchaseOrderRow {
  readonly amendsId: number | null;
  readonly amendsNumber: number | null;
  readonly amendedById: number | null;
  readonly amendedByNumber: number | null;
  readonly revision: number;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
}

export function insertPurchaseOrderRow(db: Db, orderId: number, amendsId: number | null, revision: number): void {
  stmt(db, 'INSERT INTO purchase_order (order_id, amends_id, revision) VALUES (?, ?, ?)').run(orderId, amendsId, revision);
}

export function purchaseOrderRow(db: Db, orderId: number): PurchaseOrderRow | null {
  return (
    (stmt(
      db,
      `SELECT p.amends_id AS amendsId, a.number AS amendsNumber, n.order_id AS amendedById, nh.number AS amendedByNumber,
         p.revision, p.cancelled_at AS cancelledAt, p.cancel_reason AS cancelReason
       FROM purchase_order p
       LEFT JOIN order_header a ON a.id = p.amends_id
       LEFT JOIN purchase_order n ON n.amends_id = p.order_id
       LEFT JOIN order_header nh ON nh.id = n.order_id
       WHERE p.order_id = ?`,
    ).get(orderId) as PurchaseOrderRow | undefined) ?? null
  );
}

/**
 * A purchase order as the document rules see it: its status kind reads
 * 'cancelled' once it is cancelled (its real status is derived, never stored).
 */
export function withPurchaseCancellation<T extends { id: number; transactionType: string; statusKind: string }>(db: Db, order: T): T {
  if (order.transactionType !== 'purchase') return order;
  const r = stmt(db, 'SELECT cancelled_at AS c FROM purchase_order WHERE order_id = ?').get(order.id) as { c: string | null } | undefined;
  return r?.c ? { ...order, statusKind: 'cancelled' } : order;
}

export function cancelPurchaseOrder(db: Db, orderId: number, at: string, userId: number | null, reason: string | null): void {
  stmt(db, 'UPDATE purchase_order SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE order_id = ?').run(
    at,
    userId,
    reason,
    orderId,
  );
}

export function insertPurchaseLineRow(db: Db, lineId: number): void {
  stmt(db, 'INSERT INTO purchase_line (line_id) VALUES (?)').run(lineId);
}

export interface PurchaseLineColumns {
  readonly reply: PurchaseReply | null;
  readonly qtyShipped: number;
  readonly confirmedPriceOre: number | null;
  readonly confirmedDeliveryDate: string | null;
  readonly ean: string | null;
  /** Σ amount of the supplier-invoice lines for this line. */
  readonly invoicedAmountOre: number;
}

/** Per line of the order: what purchasing keeps beyond the sales line's quantities. */
export function purchaseLineColumns(db: Db, orderId: number): Map<number, PurchaseLineColumns> {
  const rows = stmt(
    db,
    `SELECT l.id, pl.reply, l.qty_shipped AS qtyShipped, l.confirmed_price_ore AS confirmedPriceOre,
       l.confirmed_delivery_date AS confirmedDeliveryDate, p.ean,
       (SELECT coalesce(sum(amount_ore), 0) FROM supplier_invoice_line sl WHERE sl.order_line_id = l.id) AS invoicedAmountOre
     FROM order_line l LEFT JOIN purchase_line pl ON pl.line_id = l.id JOIN product p ON p.id = l.product_id
     WHERE l.order_id = ?`,
  ).all(orderId) as (PurchaseLineColumns & { id: number })[];
  return new Map(rows.map(({ id, ...r }) => [id, r]));
}

/** The supplier's reply on a line: the confirmed values beside the ordered ones. */
export function setReply(
  db: Db,
  lineId: number,
  r: { reply: PurchaseReply; qtyConfirmed: number; priceOre: number | null; deliveryDate: string | null; at: string },
): void {
  stmt(
    db,
    'UPDATE order_line SET qty_confirmed = ?, confirmed_price_ore = ?, confirmed_delivery_date = ? WHERE id = ?',
  ).run(r.qtyConfirmed, r.priceOre, r.deliveryDate, lineId);
  stmt(db, 'UPDATE purchase_line SET reply = ?, replied_at = ? WHERE line_id = ?').run(r.reply, r.at, lineId);
}

export function addPurchaseQuantities(db: Db, lineId: number, d: { shipped?: number; received?: number; invoiced?: number }): void {
  stmt(
    db,
    'UPDATE order_line SET qty_shipped = qty_shipped + ?, qty_received = qty_received + ?, qty_invoiced = qty_invoiced + ? WHERE id = ?',
  ).run(d.shipped ?? 0, d.received ?? 0, d.invoiced ?? 0, lineId);
}

export function supplierInvoiceExists(db: Db, orderId: number, invoiceNumber: string): boolean {
  return stmt(db, 'SELECT 1 FROM supplier_invoice WHERE order_id = ? AND invoice_number = ?').get(orderId, invoiceNumber) !== undefined;
}

export function insertSupplierInvoice(
  db: Db,
  inv: { orderId: number; supplierId: number; invoiceNumber: string; invoiceDate: string; totalNetOre: number; createdAt: string; userId: number | null },
  lines: readonly { orderLineId: number; quantity: number; unitPriceOre: number; agreedPriceOre: number; amountOre: number }[],
): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO supplier_invoice (order_id, supplier_id, invoice_number, invoice_date, total_net_ore, created_at, user_id)
       VALUES (@orderId, @supplierId, @invoiceNumber, @invoiceDate, @totalNetOre, @createdAt, @userId)`,
    ).run(inv).lastInsertRowid,
  );
  const add = stmt(
    db,
    `INSERT INTO supplier_invoice_line (supplier_invoice_id, order_line_id, quantity, unit_price_ore, agreed_price_ore, amount_ore)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const l of lines) add.run(id, l.orderLineId, l.quantity, l.unitPriceOre, l.agreedPriceOre, l.amountOre);
  return id;
}

export interface SupplierInvoiceRow {
  readonly id: number;
  readonly invoiceNumber: string;
  readonly invoiceDate: string;
  readonly totalNetOre: number;
  readonly createdAt: string;
}

export interface SupplierInvoiceLineRow {
  readonly id: number;
  readonly invoiceId: number;
  readonly orderLineId: number;
  readonly lineNo: number;
  readonly discountBp: number;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly agreedPriceOre: number;
  readonly amountOre: number;
}

export function supplierInvoicesOf(db: Db, orderId: number): { invoices: SupplierInvoiceRow[]; lines: SupplierInvoiceLineRow[] } {
  const invoices = stmt(
    db,
    `SELECT id, invoice_number AS invoiceNumber, invoice_date AS invoiceDate, total_net_ore AS totalNetOre, created_at AS createdAt
     FROM supplier_invoice WHERE order_id = ? ORDER BY id`,
  ).all(orderId) as SupplierInvoiceRow[];
  const lines = stmt(
    db,
    `SELECT sl.id, sl.supplier_invoice_id AS invoiceId, sl.order_line_id AS orderLineId, l.line_no AS lineNo,
       l.discount_bp AS discountBp, sl.quantity, sl.unit_price_ore AS unitPriceOre, sl.agreed_price_ore AS agreedPriceOre,
       sl.amount_ore AS amountOre
     FROM supplier_invoice_line sl JOIN supplier_invoice si ON si.id = sl.supplier_invoice_id
     JOIN order_line l ON l.id = sl.order_line_id
     WHERE si.order_id = ? ORDER BY sl.id`,
  ).all(orderId) as SupplierInvoiceLineRow[];
  return { invoices, lines };
}

/** Every line of the purchase orders that match the list's supplier and search filters, grouped by order. */
export interface PurchaseListLine {
  readonly orderId: number;
  /** The order's sort keys: its number, order date and supplier name's sort key. */
  readonly number: number;
  readonly orderDate: string;
  readonly supplierSort: string;
  readonly orderType: number;
  readonly cancelledAt: string | null;
  readonly lineId: number | null;
  readonly lineNo: number;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly reply: PurchaseReply | null;
  readonly qtyConfirmed: number;
  readonly confirmedPriceOre: number | null;
  readonly qtyShipped: number;
  readonly qtyReceived: number;
  readonly qtyInvoiced: number;
  readonly vatCode: VatCode;
}

export interface PurchaseScope {
  readonly supplierId: number | null;
  readonly contactId: number | null;
  /** The employee responsible for the order or its "our contact" (issue 12). */
  readonly employeeId: number | null;
  readonly projectId: number | null;
}

export function purchaseListLines(db: Db, q: PurchaseScope & { fts: string | null }): PurchaseListLine[] {
  return stmt(
    db,
    `SELECT o.id AS orderId, o.number, o.order_date AS orderDate, o.customer_sort AS supplierSort, o.order_type AS orderType, p.cancelled_at AS cancelledAt, l.id AS lineId,
       coalesce(l.line_no, 0) AS lineNo, coalesce(l.quantity, 0) AS quantity, coalesce(l.unit_price_ore, 0) AS unitPriceOre,
       coalesce(l.discount_bp, 0) AS discountBp, pl.reply, coalesce(l.qty_confirmed, 0) AS qtyConfirmed,
       l.confirmed_price_ore AS confirmedPriceOre, coalesce(l.qty_shipped, 0) AS qtyShipped,
       coalesce(l.qty_received, 0) AS qtyReceived, coalesce(l.qty_invoiced, 0) AS qtyInvoiced, coalesce(l.vat_code, '25') AS vatCode
     FROM order_header o
     JOIN purchase_order p ON p.order_id = o.id
     LEFT JOIN order_line l ON l.order_id = o.id
     LEFT JOIN purchase_line pl ON pl.line_id = l.id
     WHERE o.transaction_type = 'purchase'
       AND (@supplier IS NULL OR o.party_id = @supplier)
       AND (@contact IS NULL OR o.contact_id = @contact)
       AND (@employee IS NULL OR o.responsible_id = @employee OR o.our_contact_id = @employee)
       AND (@project IS NULL OR o.project_id = @project)
       AND (@fts IS NULL OR o.id IN (SELECT rowid FROM order_search WHERE order_search MATCH @fts))
     ORDER BY o.id, l.line_no`,
  ).all({ supplier: q.supplierId, contact: q.contactId, employee: q.employeeId, project: q.projectId, fts: q.fts }) as PurchaseListLine[];
}

export interface PurchaseHeaderRow {
  readonly id: number;
  readonly number: number;
  readonly orderType: number;
  readonly supplierId: number;
  readonly supplierNumber: number;
  readonly supplierName: string;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly supplierReference: string | null;
  readonly totalNetOre: number;
  readonly totalGrossOre: number;
  readonly amendsId: number | null;
  readonly updatedAt: string;
  readonly title: string | null;
  readonly responsibleInitials: string | null;
  readonly projectNumber: number | null;
}

export function purchaseHeaders(db: Db, ids: readonly number[]): PurchaseHeaderRow[] {
  return stmt(
    db,
    `SELECT o.id, o.number, o.order_type AS orderType, o.party_id AS supplierId, o.customer_number AS supplierNumber,
       o.customer_name AS supplierName, o.order_date AS orderDate, o.delivery_date AS deliveryDate,
       o.customer_reference AS supplierReference, o.total_net_ore AS totalNetOre, o.total_gross_ore AS totalGrossOre,
       p.amends_id AS amendsId, o.updated_at AS updatedAt, o.title, e.initials AS responsibleInitials, pr.number AS projectNumber
     FROM order_header o JOIN purchase_order p ON p.order_id = o.id
     LEFT JOIN employee e ON e.id = o.responsible_id LEFT JOIN project pr ON pr.id = o.project_id
     WHERE o.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as PurchaseHeaderRow[];
}

/**
 * On order per product: what open purchase orders (Normal or Unprocessed, not
 * cancelled) still expect and have not received. The confirmed quantity counts
 * once the supplier has replied; a refused line expects nothing.
 */
export function onOrderByProduct(db: Db): Map<number, number> {
  const rows = stmt(
    db,
    `SELECT l.product_id AS productId,
       sum(max(0, CASE WHEN pl.reply IS NULL THEN l.quantity ELSE l.qty_confirmed END - l.qty_received)) AS q
     FROM order_header o
     JOIN purchase_order p ON p.order_id = o.id AND p.cancelled_at IS NULL
     JOIN order_line l ON l.order_id = o.id
     JOIN purchase_line pl ON pl.line_id = l.id
     WHERE o.transaction_type = 'purchase' AND o.order_type IN (1, 6)
     GROUP BY l.product_id`,
  ).all() as { productId: number; q: number }[];
  return new Map(rows.map((r) => [r.productId, r.q]));
}

export interface ReorderCandidate {
  readonly productId: number;
  readonly productNumber: string;
  readonly productName: string;
  readonly unit: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly onLoan: number;
  readonly reorderPoint: number;
  readonly costOre: number | null;
  /** The latest stock batch's cost, read only when the product has no cost of its own. */
  readonly lastCostOre: number | null;
  readonly supplierId: number | null;
  readonly supplierNumber: number | null;
  readonly supplierName: string | null;
}

/** Active stock-managed products with a reorder point, and their suppliers. */
export function reorderCandidates(db: Db): ReorderCandidate[] {
  return stmt(
    db,
    `SELECT p.id AS productId, p.number AS productNumber, p.name AS productName, p.unit, p.qty_on_hand AS onHand,
       p.qty_reserved AS reserved, p.qty_on_loan AS onLoan, p.reorder_point_qty AS reorderPoint, p.cost_ore AS costOre,
       CASE WHEN p.cost_ore IS NULL THEN (SELECT b.cost_ore FROM stock_batch b WHERE b.product_id = p.id
                                          ORDER BY b.received_at DESC, b.id DESC LIMIT 1) END AS lastCostOre,
       s.id AS supplierId, s.number AS supplierNumber, s.name AS supplierName
     FROM product p LEFT JOIN party s ON s.id = p.supplier_id AND s.role = 'supplier'
     WHERE p.reorder_point_qty IS NOT NULL AND p.active = 1 AND p.stock_managed = 1
     ORDER BY s.name_sort, s.id, p.number`,
  ).all() as ReorderCandidate[];
}
