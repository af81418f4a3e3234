// What a document says, as plain data: built from the database by build.ts,
// laid out by the templates. Its hash (without the issue time) tells a reprint
// of an archived document from a new one.
import type { DocumentKind } from '../../../shared/channels/documents';
import type { VatTotal } from '../../../shared/channels/orders';
import type { Language, PaymentMethod, TransactionType, VatCode } from '../../../shared/enums';
import type { PlacedText } from '../domain/textLines';

/**
 * Headings and text rows among a document's lines (SPEC 2), each placed before
 * the line at its `beforeLine`. Left out when there are none, so that documents
 * without them keep the content hash they had.
 */
export interface WithTexts {
  readonly texts?: readonly PlacedText[];
  /** A collective invoice: the lines where another order's lines begin; a heading's group ends there. */
  readonly groupEnds?: readonly number[];
}

export interface Seller {
  readonly name: string;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
  readonly orgNumber: string;
  readonly vatRegistered: boolean;
  readonly bankAccount: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

/** A party as printed: name, address lines, organisation number. */
export interface Party {
  readonly name: string;
  readonly address: readonly string[];
  readonly orgNumber: string | null;
  readonly number: number | null;
  readonly contact: string | null;
}

export interface DocumentBase {
  readonly kind: DocumentKind;
  readonly language: Language;
  /** ISO time the document is issued; the PDF's creation date, so equal input gives equal bytes. */
  readonly issuedAt: string;
  readonly seller: Seller;
  /** PNG or JPEG bytes of the logo in the header, or null. */
  readonly logo: Uint8Array | null;
}

export interface OrderInfo {
  readonly number: number;
  readonly transactionType: TransactionType;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly customerNumber: number;
  readonly customerReference: string | null;
  readonly ourReference: string | null;
  readonly paymentTermsDays: number;
  readonly notes: string | null;
}

export interface PricedLine {
  readonly productNumber: string;
  readonly description: string;
  /** Thousandths. */
  readonly quantity: number;
  readonly unit: string;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
  readonly amountOre: number;
}

export interface MoneyTotals {
  readonly byRate: readonly VatTotal[];
  readonly netOre: number;
  readonly vatOre: number;
  readonly grossOre: number;
}

/** Quote / inquiry, order confirmation and purchase order: an order with prices. */
export interface OrderDocumentModel extends DocumentBase, WithTexts {
  readonly kind: 'quote' | 'order_confirmation' | 'purchase_order';
  readonly order: OrderInfo;
  /** The customer (sales) or supplier (purchase). */
  readonly counterparty: Party;
  readonly lines: readonly PricedLine[];
  readonly totals: MoneyTotals;
  /** Quotes: the last day the quote holds. */
  readonly validUntil: string | null;
}

export interface PickLine {
  readonly bin: string | null;
  readonly productNumber: string;
  readonly description: string;
  readonly ean: string | null;
  /** What remains to be delivered, in thousandths. */
  readonly quantity: number;
  readonly unit: string;
}

export interface PickingListModel extends DocumentBase, WithTexts {
  readonly kind: 'picking_list';
  readonly order: OrderInfo;
  readonly deliverTo: Party;
  /** Sorted by bin location (within each heading's group, when the order has headings). */
  readonly lines: readonly PickLine[];
}

export interface PackingLine {
  readonly productNumber: string;
  readonly description: string;
  readonly unit: string;
  readonly ordered: number;
  readonly deliveredNow: number;
  readonly deliveredBefore: number;
  /** What remains on backorder after this delivery (0 when closed short). */
  readonly backorder: number;
  readonly closedShort: boolean;
}

export interface PackingSlipModel extends DocumentBase, WithTexts {
  readonly kind: 'packing_slip';
  readonly order: OrderInfo;
  readonly deliverTo: Party;
  /** The delivery and its place among the order's deliveries (1, 2, …); later deliveries do not change it. */
  readonly delivery: { readonly id: number; readonly deliveredAt: string; readonly sequence: number };
  /** The lines this delivery contains (`texts` are placed among these). */
  readonly lines: readonly PackingLine[];
  /** Every line with something left to deliver after this delivery. */
  readonly remaining: readonly PackingLine[];
  /** The headings and remarks placed among `remaining` (only when there are any). */
  readonly remainingTexts?: readonly PlacedText[];
}

export interface Parcel {
  readonly no: number;
  readonly weightGrams: number;
  /** 18 digits: extension digit, GS1 company prefix, serial, check digit. */
  readonly sscc: string;
}

export interface WaybillModel extends DocumentBase {
  readonly kind: 'waybill';
  readonly order: OrderInfo;
  readonly sender: Party;
  readonly receiver: Party;
  readonly shipDate: string;
  readonly carrier: string | null;
  readonly note: string | null;
  /** The GS1 company prefix the SSCCs are made from (its length splits the printed SSCC). */
  readonly companyPrefix: string;
  readonly extensionDigit: number;
  readonly parcels: readonly Parcel[];
}

export interface InvoiceInfo {
  readonly number: number;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly deliveryDate: string | null;
  readonly kid: string | null;
  readonly orderNumbers: readonly number[];
  readonly customerReference: string | null;
  readonly ourReference: string | null;
  readonly credited: { readonly number: number; readonly invoiceDate: string } | null;
  /** ISO time the invoice was made (receipts print the time of sale). */
  readonly createdAt: string;
}

export interface InvoiceModel extends DocumentBase, WithTexts {
  readonly kind: 'invoice' | 'credit_note' | 'cash_receipt';
  readonly invoice: InvoiceInfo;
  readonly buyer: Party;
  readonly deliveryPlace: string | null;
  readonly lines: readonly PricedLine[];
  readonly totals: MoneyTotals;
  /** Cash sales only: the rounding to whole kroner, shown as its own line. */
  readonly roundingOre: number;
  readonly payableOre: number;
  readonly payment: { readonly method: PaymentMethod; readonly receivedOre: number; readonly changeOre: number } | null;
}

/** One overdue invoice on a reminder. */
export interface ReminderLine {
  readonly number: number;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly kid: string | null;
  readonly outstandingOre: number;
  /** Reminder fees on this invoice not yet paid, this reminder's included. */
  readonly feeOre: number;
}

/** A reminder (Purring, SPEC 11): one per customer and sending, listing its overdue invoices. */
export interface ReminderModel extends DocumentBase {
  readonly kind: 'reminder';
  readonly reminder: {
    readonly number: number;
    readonly sentOn: string;
    readonly payBy: string;
    /** 1 = first reminder, 2 = second … (the highest level of its invoices). */
    readonly level: number;
    /** The date of the customer's earlier reminder of these invoices, which a second reminder refers to. */
    readonly previousSentOn: string | null;
    /** The fee this reminder charges (0 where the law allows none). */
    readonly feeOre: number;
  };
  readonly buyer: Party;
  readonly lines: readonly ReminderLine[];
  readonly totalOre: number;
}

export type DocumentModel = OrderDocumentModel | PickingListModel | PackingSlipModel | WaybillModel | InvoiceModel | ReminderModel;
