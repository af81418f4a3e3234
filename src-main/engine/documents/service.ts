// Issuing documents (SPEC 7): check that the document may be printed for this
// order (the rules of documentAvailability), build what it says, and either
// reprint the archived document that already says exactly that, or render a
// new PDF, archive its bytes with the order and write the activity log. An
// invoice, credit note or receipt is issued once: every later print returns
// the archived bytes, whatever has changed since.
import { createHash } from 'node:crypto';
import { documentRefusal } from '../domain/documentRules';
import {
  documentLabel,
  type ArchivedDocument,
  type BatchResult,
  type DocumentKind,
  type RenderRequest,
} from '../../../shared/channels/documents';
import type { Order } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import type { Language } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { getCompany } from '../repos/company';
import { logActivity } from '../repos/activity';
import {
  getDocument,
  getDocumentPdf,
  insertDocument,
  insertSsccs,
  latestDocument,
  nextSsccSerial,
  partyLanguage,
  setLogo,
} from '../repos/documents';
import { getOrder } from '../repos/orders';
import { withPurchaseCancellation } from '../repos/purchasing';
import { makeSscc, ssccSerialCapacity } from './barcodes';
import {
  commonParts,
  invoiceDocumentModel,
  loadInvoice,
  orderDocumentModel,
  packingSlipModel,
  pickingListModel,
  waybillModel,
  type Common,
} from './build';
import { PdfCombiner } from './combine';
import { prepareLogo } from './logo';
import type { DocumentModel, ReminderModel } from './model';
import { Pdf } from './pdf';
import type { CombinedDocuments, PrintDefaults } from '../../../shared/channels/documents';
import { renderDocument } from './render';

export interface Issued {
  readonly document: ArchivedDocument;
  readonly pdf: Buffer;
  readonly reprint: boolean;
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/**
 * What a document says, as a hash: the model without its issue time, the logo
 * by its hash. Equal hashes mean a reprint says nothing new.
 */
export function contentHash(model: DocumentModel, logoSha256: string | null): string {
  const { issuedAt: _issuedAt, logo: _logo, ...rest } = model;
  return sha256(JSON.stringify({ ...rest, logo: logoSha256 }));
}

function loadOrder(ctx: HandlerContext, id: number, field: string, common: Common): Order {
  const order = getOrder(ctx.db, id, { vatRegistered: common.seller.vatRegistered });
  if (!order) throw new DomainError('not_found', field, { entity: 'ordre', id });
  return withPurchaseCancellation(ctx.db, order);
}

/** The same rules as the order screen's disabled print actions (documentAvailability). */
function refuseUnavailable(order: Order, kind: DocumentKind, field: string | null): void {
  const refusal = documentRefusal(order, kind);
  if (refusal) throw new DomainError(refusal.code, field, refusal.params);
}

function log(ctx: HandlerContext, doc: ArchivedDocument, action: 'document_issued' | 'document_reprinted', orderIds: readonly number[]): void {
  const at = ctx.now.toISOString();
  const after = { documentId: doc.id, kind: doc.kind, language: doc.language, number: doc.number, sha256: doc.sha256, pageCount: doc.pageCount };
  for (const id of orderIds) logActivity(ctx.db, { at, userId: ctx.userId, entity: 'order', entityId: id, action, after });
  if (doc.invoiceId !== null) logActivity(ctx.db, { at, userId: ctx.userId, entity: 'invoice', entityId: doc.invoiceId, action, after });
}

function reprint(ctx: HandlerContext, doc: ArchivedDocument, orderIds: readonly number[]): Issued {
  const pdf = getDocumentPdf(ctx.db, doc.id);
  if (!pdf) throw new DomainError('internal');
  log(ctx, doc, 'document_reprinted', orderIds);
  return { document: doc, pdf, reprint: true };
}

interface Subject {
  readonly orderId: number | null;
  readonly orderNumber: number | null;
  readonly invoiceId: number | null;
  readonly deliveryId: number | null;
  readonly number: number;
}

function archive(
  ctx: HandlerContext,
  model: DocumentModel,
  hash: string,
  subject: Subject,
  orderIds: readonly number[],
  sscc?: readonly { no: number; sscc: string; weightGrams: number }[],
): Issued {
  const { bytes, pageCount } = renderDocument(model);
  const id = insertDocument(
    ctx.db,
    {
      kind: model.kind,
      language: model.language,
      ...subject,
      contentHash: hash,
      sha256: sha256(bytes),
      byteSize: bytes.length,
      pageCount,
      issuedAt: model.issuedAt,
      createdAt: ctx.now.toISOString(),
      userId: ctx.userId,
    },
    bytes,
  );
  if (sscc) insertSsccs(ctx.db, id, sscc);
  const doc = getDocument(ctx.db, id)!;
  log(ctx, doc, 'document_issued', orderIds);
  return { document: doc, pdf: bytes, reprint: false };
}

/** A request whose language is settled: the clerk's choice, or the customer's. */
type Resolved<R> = R & { readonly language: Language };

/** The order-level documents: quote / inquiry, order confirmation, purchase order, picking list, packing slip, waybill. */
function issueForOrder(
  ctx: HandlerContext,
  asked: Extract<RenderRequest, { orderId: number }>,
  common: Common,
  orderField: string,
  refusalField: string | null,
): Issued {
  const order = loadOrder(ctx, asked.orderId, orderField, common);
  refuseUnavailable(order, asked.kind, refusalField);
  const req = { ...asked, language: asked.language ?? partyLanguage(ctx.db, order.customerId) };
  const issue = { language: req.language, issuedAt: ctx.now.toISOString() };
  let model: DocumentModel;
  let deliveryId: number | null = null;
  switch (req.kind) {
    case 'quote':
    case 'order_confirmation':
    case 'purchase_order':
      model = orderDocumentModel(ctx.db, common, order, req.kind, issue);
      break;
    case 'picking_list':
      model = pickingListModel(ctx.db, common, order, issue, refusalField);
      break;
    case 'packing_slip': {
      const slip = packingSlipModel(ctx.db, common, order, req.deliveryId, issue);
      deliveryId = slip.delivery.id;
      model = slip;
      break;
    }
    case 'waybill':
      return issueWaybill(ctx, order, req, common);
  }
  const hash = contentHash(model, common.logoSha256);
  const subject = { kind: req.kind, orderId: order.id, invoiceId: null, deliveryId, language: req.language };
  const latest = latestDocument(ctx.db, subject);
  if (latest && latest.contentHash === hash) return reprint(ctx, latest, [order.id]);
  return archive(ctx, model, hash, { orderId: order.id, orderNumber: order.number, invoiceId: null, deliveryId, number: order.number }, [order.id]);
}

/**
 * A waybill's parcels get SSCCs from their own series when it is issued; the
 * same parcels for the same order again reprint it with the same SSCCs.
 */
function issueWaybill(ctx: HandlerContext, order: Order, req: Resolved<Extract<RenderRequest, { kind: 'waybill' }>>, common: Common): Issued {
  const w = req.waybill;
  // The company's settings are the defaults; the clerk may name another carrier for one shipment.
  const company = getCompany(ctx.db);
  const companyPrefix = w.companyPrefix ?? company?.gs1CompanyPrefix ?? null;
  if (companyPrefix === null) throw new DomainError('gs1_prefix_missing', 'waybill.companyPrefix');
  const base = {
    companyPrefix,
    extensionDigit: w.extensionDigit,
    carrier: w.carrier === undefined ? (company?.defaultCarrier ?? null) : w.carrier,
    note: w.note ?? null,
  };
  const issue = { language: req.language, issuedAt: ctx.now.toISOString(), shipDate: ctx.today };
  const unnumbered = w.parcels.map((p, i) => ({ no: i + 1, weightGrams: p.weightGrams, sscc: '' }));
  // The ship date is left out: the same parcels printed again on another day are the same parcels.
  const hash = contentHash({ ...waybillModel(ctx.db, common, order, { ...base, parcels: unnumbered }, issue), shipDate: '' }, common.logoSha256);
  const latest = latestDocument(ctx.db, { kind: 'waybill', orderId: order.id, invoiceId: null, deliveryId: null, language: req.language });
  if (latest && latest.contentHash === hash) return reprint(ctx, latest, [order.id]);
  const parcels = unnumbered.map((p) => {
    const serial = nextSsccSerial(ctx.db);
    if (serial >= ssccSerialCapacity(companyPrefix)) {
      throw new DomainError('sscc_series_exhausted', 'waybill.companyPrefix', { prefix: companyPrefix });
    }
    return { ...p, sscc: makeSscc(w.extensionDigit, companyPrefix, serial) };
  });
  const model = waybillModel(ctx.db, common, order, { ...base, parcels }, issue);
  return archive(ctx, model, hash, { orderId: order.id, orderNumber: order.number, invoiceId: null, deliveryId: null, number: order.number }, [order.id], parcels);
}

const ARTICLE: Readonly<Record<string, { nb: string; en: string }>> = {
  invoice: { nb: 'en faktura', en: 'an invoice' },
  credit_note: { nb: 'en kreditnota', en: 'a credit note' },
  cash_receipt: { nb: 'et kontantsalg', en: 'a cash sale' },
};

/** Which document an issued invoice row prints as: a cash sale as a receipt, a credit note as one. */
export function invoiceDocumentKind(invoice: Pick<Invoice, 'kind' | 'payment' | 'orderType'>): DocumentKind {
  const cash = invoice.payment !== null || invoice.orderType === 3;
  return invoice.kind === 'credit_note' ? 'credit_note' : cash ? 'cash_receipt' : 'invoice';
}

function invoiceKindRefusal(invoice: Invoice, kind: DocumentKind): DomainError | null {
  const actual = invoiceDocumentKind(invoice);
  if (actual === kind) return null;
  return new DomainError('document_wrong_invoice_kind', 'invoiceId', {
    number: invoice.number,
    actualNb: ARTICLE[actual]!.nb,
    actualEn: ARTICLE[actual]!.en,
    wantedNb: documentLabel(kind, 'nb').toLowerCase(),
    wantedEn: documentLabel(kind, 'en').toLowerCase(),
  });
}

function issueForInvoice(ctx: HandlerContext, asked: Extract<RenderRequest, { invoiceId: number }>, common: Common): Issued {
  const invoice = loadInvoice(ctx.db, asked.invoiceId);
  const wrong = invoiceKindRefusal(invoice, asked.kind);
  if (wrong) throw wrong;
  const req = { ...asked, language: asked.language ?? partyLanguage(ctx.db, invoice.customerId) };
  const latest = latestDocument(ctx.db, { kind: req.kind, orderId: null, invoiceId: invoice.id, deliveryId: null, language: req.language });
  if (latest) return reprint(ctx, latest, invoice.orderIds);
  const model = invoiceDocumentModel(ctx.db, common, invoice, req.kind, req.language);
  return archive(
    ctx,
    model,
    contentHash(model, common.logoSha256),
    { orderId: null, orderNumber: null, invoiceId: invoice.id, deliveryId: null, number: invoice.number },
    invoice.orderIds,
  );
}

/** A reminder's PDF (SPEC 11), archived and logged on each order its invoices cover; found through reminder.document_id. */
export function issueReminderDocument(ctx: HandlerContext, model: ReminderModel, common: Common, orderIds: readonly number[]): Issued {
  const subject = { orderId: null, orderNumber: null, invoiceId: null, deliveryId: null, number: model.reminder.number };
  return archive(ctx, model, contentHash(model, common.logoSha256), subject, orderIds);
}

export function issueDocument(ctx: HandlerContext, req: RenderRequest): Issued {
  const common = commonParts(ctx.db);
  if ('invoiceId' in req) return issueForInvoice(ctx, req, common);
  return issueForOrder(ctx, req, common, 'orderId', null);
}

/**
 * Picking lists for many orders (the Pack tab, or a selection). Each is
 * rendered, archived and let go before the next, so memory holds one PDF at a
 * time however many orders there are. An order that cannot be picked (a draft
 * with nothing reserved, nothing left to pick, not a Normal order) is left out
 * with its reason and the rest are printed; an order that does not exist
 * refuses the whole call, naming its place in the list, and leaves nothing behind.
 */
export function issuePickingLists(ctx: HandlerContext, orderIds: readonly number[], language: Language | undefined): BatchResult {
  const common = commonParts(ctx.db);
  const documents: { orderId: number; documentId: number; reprint: boolean }[] = [];
  const refused: BatchResult['refused'][number][] = [];
  orderIds.forEach((orderId, i) => {
    const field = `orderIds.${i}`;
    try {
      const { document, reprint: again } = issueForOrder(ctx, { kind: 'picking_list', orderId, language }, common, field, field);
      documents.push({ orderId, documentId: document.id, reprint: again });
    } catch (e) {
      // The document rules' refusals (checked before anything is written) leave out this order only.
      if (!(e instanceof DomainError) || !e.data.code.startsWith('document_')) throw e;
      refused.push({ orderId, code: e.data.code, message: e.data.message });
    }
  });
  return { documents, refused };
}

/** Archived documents as one PDF, each read, appended and let go in turn. */
export function combineDocuments(ctx: HandlerContext, documentIds: readonly number[]): CombinedDocuments {
  let combiner: PdfCombiner | null = null;
  documentIds.forEach((id, i) => {
    const doc = getDocument(ctx.db, id);
    const pdf = doc ? getDocumentPdf(ctx.db, id) : null;
    if (!doc || !pdf) throw new DomainError('not_found', `documentIds.${i}`, { entity: 'dokument', id });
    combiner ??= new PdfCombiner({
      title: `${documentLabel(doc.kind, doc.language)} (${documentIds.length})`,
      language: doc.language === 'nb' ? 'nb-NO' : 'en-GB',
    });
    combiner.add(pdf);
  });
  const { bytes, pageCount } = combiner!.finish();
  return { pdfBase64: bytes.toString('base64'), pageCount, documentCount: documentIds.length };
}

/** The print dialog's starting values: the customer's language, the waybill settings, the order's invoices. */
export function printDefaults(ctx: HandlerContext, orderId: number, invoices: readonly Pick<Invoice, 'id' | 'number' | 'kind' | 'payment' | 'orderType'>[]): PrintDefaults {
  const order = loadOrder(ctx, orderId, 'orderId', commonParts(ctx.db));
  const company = getCompany(ctx.db);
  return {
    language: partyLanguage(ctx.db, order.customerId),
    gs1CompanyPrefix: company?.gs1CompanyPrefix ?? null,
    carrier: company?.defaultCarrier ?? null,
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, kind: invoiceDocumentKind(i) })),
  };
}

export function archivedDocument(ctx: HandlerContext, id: number): Issued {
  const document = getDocument(ctx.db, id);
  const pdf = document ? getDocumentPdf(ctx.db, id) : null;
  if (!document || !pdf) throw new DomainError('not_found', 'id', { entity: 'dokument', id });
  return { document, pdf, reprint: true };
}

/** Saves the company logo for documents to come; refuses what cannot be embedded. */
export function saveLogo(ctx: HandlerContext, imageBase64: string | null): { sha256: string | null } {
  if (imageBase64 === null) {
    setLogo(ctx.db, null, ctx.now.toISOString());
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'company', entityId: 1, action: 'logo_removed' });
    return { sha256: null };
  }
  const raw = Buffer.from(imageBase64, 'base64');
  if (raw.length === 0 || raw.length > 1_000_000) throw new DomainError('logo_unsupported', 'imageBase64');
  const image = prepareLogo(raw);
  try {
    // The proof that every document can embed it: one that does.
    const probe = new Pdf({ title: 'logo', author: '', subject: '', language: 'nb-NO', issuedAt: ctx.now });
    probe.image(image, 0, 0, [100, 40]);
    probe.finish(() => undefined);
  } catch {
    throw new DomainError('logo_unsupported', 'imageBase64');
  }
  const hash = sha256(image);
  setLogo(ctx.db, { image, sha256: hash }, ctx.now.toISOString());
  logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'company', entityId: 1, action: 'logo_saved', after: { sha256: hash } });
  return { sha256: hash };
}
