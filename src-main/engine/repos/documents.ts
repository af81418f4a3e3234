// The document archive (SPEC 7): rows and bytes are only ever inserted (the
// migration's triggers refuse updates and deletes), plus the reads the document
// builder needs: deliveries, line details, the logo.
import type { ArchivedDocument, DocumentKind } from '../../../shared/channels/documents';
import type { Order } from '../../../shared/channels/orders';
import type { Language, OrderTypeId } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

interface DocumentRow {
  id: number;
  kind: DocumentKind;
  language: Language;
  number: number;
  order_id: number | null;
  order_number: number | null;
  invoice_id: number | null;
  delivery_id: number | null;
  content_hash: string;
  sha256: string;
  byte_size: number;
  page_count: number;
  issued_at: string;
  created_at: string;
  user_id: number | null;
  user_name: string | null;
}

const SELECT_DOCUMENT = `SELECT d.*, u.name AS user_name FROM document d LEFT JOIN app_user u ON u.id = d.user_id`;

function ssccsOf(db: Db, documentId: number): string[] {
  return (stmt(db, 'SELECT sscc FROM document_sscc WHERE document_id = ? ORDER BY parcel_no').all(documentId) as { sscc: string }[]).map(
    (r) => r.sscc,
  );
}

function toDocument(db: Db, r: DocumentRow): ArchivedDocument {
  return {
    id: r.id,
    kind: r.kind,
    language: r.language,
    number: r.number,
    orderId: r.order_id,
    orderNumber: r.order_number,
    invoiceId: r.invoice_id,
    deliveryId: r.delivery_id,
    pageCount: r.page_count,
    byteSize: r.byte_size,
    sha256: r.sha256,
    issuedAt: r.issued_at,
    createdAt: r.created_at,
    userId: r.user_id,
    userName: r.user_name,
    sscc: r.kind === 'waybill' ? ssccsOf(db, r.id) : [],
  };
}

export interface DocumentValues {
  readonly kind: DocumentKind;
  readonly language: Language;
  readonly number: number;
  readonly orderId: number | null;
  readonly orderNumber: number | null;
  readonly invoiceId: number | null;
  readonly deliveryId: number | null;
  readonly contentHash: string;
  readonly sha256: string;
  readonly byteSize: number;
  readonly pageCount: number;
  readonly issuedAt: string;
  readonly createdAt: string;
  readonly userId: number | null;
}

/** Archives a document and its bytes; returns its id. */
export function insertDocument(db: Db, v: DocumentValues, pdf: Buffer): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO document (kind, language, number, order_id, order_number, invoice_id, delivery_id, content_hash, sha256,
         byte_size, page_count, issued_at, created_at, user_id)
       VALUES (@kind, @language, @number, @orderId, @orderNumber, @invoiceId, @deliveryId, @contentHash, @sha256,
         @byteSize, @pageCount, @issuedAt, @createdAt, @userId)`,
    ).run(v).lastInsertRowid,
  );
  stmt(db, 'INSERT INTO document_pdf (document_id, pdf) VALUES (?, ?)').run(id, pdf);
  return id;
}

export function insertSsccs(db: Db, documentId: number, parcels: readonly { no: number; sscc: string; weightGrams: number }[]): void {
  const add = stmt(db, 'INSERT INTO document_sscc (sscc, document_id, parcel_no, weight_g) VALUES (?, ?, ?, ?)');
  for (const p of parcels) add.run(p.sscc, documentId, p.no, p.weightGrams);
}

/** The next SSCC serial reference, from its own gap-free series. */
export function nextSsccSerial(db: Db): number {
  const row = stmt(db, "UPDATE number_series SET next_value = next_value + 1 WHERE name = 'sscc' RETURNING next_value - 1 AS n").get() as
    | { n: number }
    | undefined;
  if (!row) throw new Error('Number series sscc is missing');
  return row.n;
}

/** The latest archived document of a kind for the same subject (order, delivery or invoice) and language. */
export function latestDocument(
  db: Db,
  s: { kind: DocumentKind; orderId: number | null; invoiceId: number | null; deliveryId: number | null; language: Language },
): (ArchivedDocument & { contentHash: string }) | null {
  const r = stmt(
    db,
    `${SELECT_DOCUMENT} WHERE d.kind = @kind AND d.order_id IS @orderId AND d.invoice_id IS @invoiceId
       AND d.delivery_id IS @deliveryId AND d.language = @language ORDER BY d.id DESC LIMIT 1`,
  ).get(s) as DocumentRow | undefined;
  return r ? { ...toDocument(db, r), contentHash: r.content_hash } : null;
}

export function getDocument(db: Db, id: number): ArchivedDocument | null {
  const r = stmt(db, `${SELECT_DOCUMENT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  return r ? toDocument(db, r) : null;
}

export function getDocumentPdf(db: Db, id: number): Buffer | null {
  const r = stmt(db, 'SELECT pdf FROM document_pdf WHERE document_id = ?').get(id) as { pdf: Buffer } | undefined;
  return r ? r.pdf : null;
}

/** An order's documents, those of its invoices and credit notes, and the reminders of its invoices, newest first. */
export function listDocumentsOfOrder(db: Db, orderId: number): ArchivedDocument[] {
  return (
    stmt(
      db,
      `${SELECT_DOCUMENT} WHERE d.order_id = @orderId
         OR d.invoice_id IN (SELECT invoice_id FROM invoice_order WHERE order_id = @orderId)
         OR d.id IN (SELECT r.document_id FROM invoice_order io JOIN reminder_invoice ri ON ri.invoice_id = io.invoice_id
                     JOIN reminder r ON r.id = ri.reminder_id WHERE io.order_id = @orderId)
       ORDER BY d.id DESC LIMIT 1000`,
    ).all({ orderId }) as DocumentRow[]
  ).map((r) => toDocument(db, r));
}

// ---- What the builder reads ----------------------------------------------------------

/** The order's deliveries, each a packing slip (goods that came back are returns, not deliveries). */
export function deliveriesOf(db: Db, orderId: number): { id: number; deliveredAt: string }[] {
  return stmt(db, "SELECT id, delivered_at AS deliveredAt FROM delivery WHERE order_id = ? AND kind = 'delivery' ORDER BY id").all(orderId) as {
    id: number;
    deliveredAt: string;
  }[];
}

/** Quantity per order line delivered by each delivery of an order. */
export function deliveryLinesOf(db: Db, orderId: number): { deliveryId: number; orderLineId: number; quantity: number }[] {
  return stmt(
    db,
    `SELECT dl.delivery_id AS deliveryId, dl.order_line_id AS orderLineId, dl.quantity
     FROM delivery_line dl JOIN delivery d ON d.id = dl.delivery_id WHERE d.order_id = ? AND d.kind = 'delivery' ORDER BY dl.delivery_id`,
  ).all(orderId) as { deliveryId: number; orderLineId: number; quantity: number }[];
}

/** Product number and unit of the order lines invoice lines came from. */
export function orderLineDetails(db: Db, lineIds: readonly number[]): Map<number, { productNumber: string; unit: string }> {
  const rows = stmt(
    db,
    'SELECT id, product_number AS productNumber, unit FROM order_line WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify([...new Set(lineIds)])) as { id: number; productNumber: string; unit: string }[];
  return new Map(rows.map((r) => [r.id, { productNumber: r.productNumber, unit: r.unit }]));
}

/** The few header fields of several orders that documents and credit notes need, in one query. */
export interface OrderHead {
  readonly number: number;
  readonly orderType: OrderTypeId;
  readonly cardState: Order['cardState'];
  readonly customerReference: string | null;
  readonly ourReference: string | null;
}

export function orderHeadersOf(db: Db, orderIds: readonly number[]): Map<number, OrderHead> {
  const rows = stmt(
    db,
    `SELECT id, number, order_type AS orderType, card_state AS cardState, customer_reference AS customerReference,
       our_reference AS ourReference
     FROM order_header WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(orderIds)])) as (OrderHead & { id: number })[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function getLogo(db: Db): { image: Buffer; sha256: string } | null {
  return (stmt(db, 'SELECT image, sha256 FROM document_logo WHERE id = 1').get() as { image: Buffer; sha256: string } | undefined) ?? null;
}

export function setLogo(db: Db, logo: { image: Buffer; sha256: string } | null, now: string): void {
  if (!logo) {
    stmt(db, 'DELETE FROM document_logo WHERE id = 1').run();
    return;
  }
  stmt(
    db,
    `INSERT INTO document_logo (id, image, sha256, updated_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET image = excluded.image, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
  ).run(logo.image, logo.sha256, now);
}

/** The language a party's documents are printed in unless the clerk picks another (a customer's, or a supplier's). */
export function partyLanguage(db: Db, partyId: number): Language {
  const row = stmt(db, 'SELECT language FROM party WHERE id = ?').get(partyId) as { language: Language } | undefined;
  return row?.language ?? 'nb';
}
