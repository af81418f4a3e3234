// Documents (SPEC 7): each printed document is a real PDF, archived with its
// order exactly as issued. The channels render (or reprint) a document, list an
// order's archive, fetch one archived document, and print picking lists in batch.
// documents.availability tells the order screen which print actions to show
// disabled, with the same reason the engine refuses a render with.
import { z } from 'zod';
import { LANGUAGES, type Language } from '../enums';
import { channel, gs1CompanyPrefix, id, optionalText, type Availability } from './common';

export const DOCUMENT_KINDS = [
  { key: 'quote', nb: 'Tilbud', en: 'Quote' },
  { key: 'order_confirmation', nb: 'Ordrebekreftelse', en: 'Order confirmation' },
  { key: 'picking_list', nb: 'Plukkliste', en: 'Picking list' },
  { key: 'packing_slip', nb: 'Pakkseddel', en: 'Packing slip' },
  { key: 'waybill', nb: 'Fraktbrev', en: 'Waybill' },
  { key: 'invoice', nb: 'Faktura', en: 'Invoice' },
  { key: 'credit_note', nb: 'Kreditnota', en: 'Credit note' },
  { key: 'cash_receipt', nb: 'Kvittering', en: 'Receipt' },
  { key: 'purchase_order', nb: 'Innkjøpsordre', en: 'Purchase order' },
  /** Printed by reminders.send, never from an order or an invoice (SPEC 11). */
  { key: 'reminder', nb: 'Purring', en: 'Reminder' },
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]['key'];
export const DOCUMENT_KIND_KEYS = DOCUMENT_KINDS.map((k) => k.key) as unknown as readonly [DocumentKind, ...DocumentKind[]];
/** Documents printed from an order; the others are printed from an invoice or credit note. */
export const ORDER_DOCUMENT_KINDS: readonly DocumentKind[] = [
  'quote',
  'order_confirmation',
  'picking_list',
  'packing_slip',
  'waybill',
  'purchase_order',
];
export const INVOICE_DOCUMENT_KINDS: readonly DocumentKind[] = ['invoice', 'credit_note', 'cash_receipt'];

export function documentLabel(kind: DocumentKind, language: Language): string {
  const k = DOCUMENT_KINDS.find((d) => d.key === kind)!;
  return language === 'nb' ? k.nb : k.en;
}

// ---- What the engine returns ----------------------------------------------------

/** One archived document, as issued; its bytes are fetched with documents.get. */
export interface ArchivedDocument {
  readonly id: number;
  readonly kind: DocumentKind;
  readonly language: Language;
  /** The number printed as the document's identity: the order number, or the invoice / credit note number. */
  readonly number: number;
  readonly orderId: number | null;
  readonly orderNumber: number | null;
  readonly invoiceId: number | null;
  readonly deliveryId: number | null;
  readonly pageCount: number;
  readonly byteSize: number;
  /** SHA-256 of the PDF bytes (hex). */
  readonly sha256: string;
  /** The time the document states as its issue time (the PDF's creation date). */
  readonly issuedAt: string;
  readonly createdAt: string;
  readonly userId: number | null;
  readonly userName: string | null;
  /** The SSCCs of a waybill's parcels, in parcel order. */
  readonly sscc: readonly string[];
}

export interface RenderedDocument {
  readonly document: ArchivedDocument;
  readonly pdfBase64: string;
  /** True when the same document was already issued: its archived bytes are returned, not a new rendering. */
  readonly reprint: boolean;
}

export interface BatchResult {
  readonly documents: readonly { readonly orderId: number; readonly documentId: number; readonly reprint: boolean }[];
  /** The orders the engine would not print a picking list for, in the order asked, each with its reason. */
  readonly refused: readonly {
    readonly orderId: number;
    readonly code: string;
    readonly message: { readonly nb: string; readonly en: string };
  }[];
}

/** Several archived documents as one PDF, page after page: one print job. */
export interface CombinedDocuments {
  readonly pdfBase64: string;
  readonly pageCount: number;
  readonly documentCount: number;
}

/** What the print dialog starts from: the customer's language, the company's waybill settings, the order's invoices. */
export interface PrintDefaults {
  readonly language: Language;
  readonly gs1CompanyPrefix: string | null;
  readonly carrier: string | null;
  /** The order's invoices, credit notes and receipts, newest first, each with the document it prints as. */
  readonly invoices: readonly { readonly id: number; readonly number: number; readonly kind: DocumentKind }[];
}

// ---- Inputs ---------------------------------------------------------------------

/** Left out, the document is printed in the customer's (or supplier's) language. */
const language = z.enum(LANGUAGES).optional();


export const waybillInput = z
  .object({
    /** The GS1 company prefix the SSCCs are made from; left out, the company's (Innstillinger). */
    companyPrefix: gs1CompanyPrefix.optional(),
    /** The SSCC's extension digit (0–9), free for the company to use. */
    extensionDigit: z.number().int().min(0).max(9).default(0),
    /** One entry per parcel, with its weight in grams. */
    parcels: z
      .array(z.object({ weightGrams: z.number().int().min(1).max(10_000_000) }).strict())
      .min(1)
      .max(99),
    /** Left out, the company's usual carrier; null, none for this shipment. */
    carrier: optionalText(100),
    note: optionalText(300),
  })
  .strict();
export type WaybillInput = z.input<typeof waybillInput>;

const orderDocument = <K extends DocumentKind>(kind: K) => z.object({ kind: z.literal(kind), orderId: id, language }).strict();
const invoiceDocument = <K extends DocumentKind>(kind: K) => z.object({ kind: z.literal(kind), invoiceId: id, language }).strict();

export const renderInput = z.discriminatedUnion('kind', [
  orderDocument('quote'),
  orderDocument('order_confirmation'),
  orderDocument('picking_list'),
  orderDocument('purchase_order'),
  z.object({ kind: z.literal('packing_slip'), orderId: id, deliveryId: id.optional(), language }).strict(),
  z.object({ kind: z.literal('waybill'), orderId: id, language, waybill: waybillInput }).strict(),
  invoiceDocument('invoice'),
  invoiceDocument('credit_note'),
  invoiceDocument('cash_receipt'),
]);
export type RenderInput = z.input<typeof renderInput>;
export type RenderRequest = z.output<typeof renderInput>;

export const BATCH_MAX_ORDERS = 1000;
/** A company logo: PNG or JPEG, at most 1 MB (base64 adds a third). */
export const LOGO_MAX_BYTES = 1_000_000;

export const documentsChannels = {
  /** Renders a document, archives it and logs it; a document already issued unchanged is reprinted from the archive. */
  'documents.render': channel<RenderedDocument>()(renderInput),
  /** Every archived document of an order, its invoices and credit notes included; newest first. */
  'documents.list': channel<readonly ArchivedDocument[]>()(z.object({ orderId: id }).strict()),
  /** One archived document with its bytes, exactly as issued. */
  'documents.get': channel<RenderedDocument>()(z.object({ id }).strict()),
  /**
   * Picking lists for many orders in one go, each archived on its own; only the archive ids come back.
   * An order that cannot be picked is left out and listed with its reason; the rest are printed.
   */
  'documents.renderPickingLists': channel<BatchResult>()(
    z.object({ orderIds: z.array(id).min(1).max(BATCH_MAX_ORDERS), language }).strict(),
  ),
  /** Archived documents as one PDF (a batch's one print job), exactly as archived. */
  'documents.combine': channel<CombinedDocuments>()(z.object({ documentIds: z.array(id).min(1).max(BATCH_MAX_ORDERS) }).strict()),
  /** The print dialog's starting values for an order. */
  'documents.printDefaults': channel<PrintDefaults>()(z.object({ orderId: id }).strict()),
  /** For each document kind: can it be printed for this order, and if not, why (the print actions show it). */
  'documents.availability': channel<Readonly<Record<DocumentKind, Availability>>>()(z.object({ orderId: id }).strict()),
  /** The logo in the documents' header; null removes it. Documents already issued keep theirs. */
  'documents.setLogo': channel<{ readonly sha256: string | null }>()(
    z
      .object({
        imageBase64: z
          .string()
          .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/)
          .nullable(),
      })
      .strict(),
    { right: 'administer' },
  ),
};

// ---- Availability -----------------------------------------------------------------

/** Availability lives in common.ts: every action the screens show (print, deliver, reply …) is answered the same way. */
export type { Availability };

