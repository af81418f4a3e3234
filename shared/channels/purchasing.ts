// Purchasing (SPEC 1.3): purchase orders to suppliers, the supplier's reply,
// dispatch and reception per line, supplier invoices matched line by line, and
// purchase suggestions. The status is derived from the lines, never stored.
import { z } from 'zod';
import {
  PURCHASE_ORDER_TYPE_IDS,
  PURCHASE_STATUS_KEYS,
  VAT_CODE_IDS,
  type PurchaseOrderTypeId,
  type PurchaseReply,
  type PurchaseStatus,
  type VatCode,
} from '../enums';
import { channel, ean, id, isoDate, nonNegativeOre, optionalText, percentBp, positiveQuantity, requiredText, text, type Availability } from './common';
import type { Totals } from './orders';

// ---- What the engine returns ------------------------------------------------

/** The company's purchase options, as they stood when the order was read. */
export interface PurchaseOptions {
  readonly reply: boolean;
  readonly dispatch: boolean;
  readonly reception: boolean;
}

/** One purchase line: ordered and confirmed values side by side, and every quantity (thousandths). */
export interface PurchaseLine {
  readonly id: number;
  readonly lineNo: number;
  readonly productId: number;
  readonly productNumber: string;
  readonly description: string;
  readonly unit: string;
  readonly ean: string | null;
  /** As ordered. */
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
  /** Ordered quantity × ordered price less discount (excl. VAT). */
  readonly amountOre: number;
  readonly deliveryDate: string | null;
  /** The supplier's reply; null until there is one. */
  readonly reply: PurchaseReply | null;
  /** As confirmed by the supplier (0 / null until replied). */
  readonly qtyConfirmed: number;
  readonly confirmedPriceOre: number | null;
  readonly confirmedDeliveryDate: string | null;
  readonly qtyShipped: number;
  readonly qtyReceived: number;
  readonly qtyInvoiced: number;
  /** What the supplier is to deliver: confirmed once replied, else ordered. */
  readonly qtyExpected: number;
  /** The unit price agreed: confirmed once changed, else ordered. */
  readonly agreedPriceOre: number;
  /** Expected quantity × agreed price less discount (excl. VAT): what the line costs as agreed. */
  readonly agreedAmountOre: number;
  readonly leftToShip: number;
  readonly leftToReceive: number;
  readonly leftToInvoice: number;
  /** What the next dispatch / reception / invoice may take on this line now, under the company's options. */
  readonly canShip: number;
  readonly canReceive: number;
  readonly canInvoice: number;
  /** Σ supplier-invoice line amounts, and how much they differ from the agreed price (positive: invoiced dearer). */
  readonly invoicedAmountOre: number;
  readonly priceDifferenceOre: number;
}

export interface SupplierInvoiceLine {
  readonly id: number;
  readonly orderLineId: number;
  readonly lineNo: number;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly agreedPriceOre: number;
  readonly amountOre: number;
  readonly priceDifferenceOre: number;
}

export interface SupplierInvoice {
  readonly id: number;
  readonly invoiceNumber: string;
  readonly invoiceDate: string;
  readonly totalNetOre: number;
  readonly priceDifferenceOre: number;
  readonly createdAt: string;
  readonly lines: readonly SupplierInvoiceLine[];
}

export interface PurchaseOrder {
  readonly id: number;
  readonly number: number;
  readonly orderType: PurchaseOrderTypeId;
  readonly status: PurchaseStatus;
  readonly supplierId: number;
  readonly supplierNumber: number;
  readonly supplierName: string;
  readonly contactId: number | null;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly supplierReference: string | null;
  readonly ourReference: string | null;
  readonly paymentTermsDays: number;
  readonly notes: string | null;
  /** Tittel, Vår kontakt, Ansvarlig (employees) and Prosjekt, as on sales orders (issue 12). */
  readonly title: string | null;
  readonly ourContactId: number | null;
  readonly responsibleId: number | null;
  readonly projectId: number | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly cancelledAt: string | null;
  /** Why it was cancelled (or replaced by an amendment), as the clerk wrote it. */
  readonly cancelReason: string | null;
  /** The order this one replaces (an amendment), and the one that replaced it. */
  readonly amendsId: number | null;
  readonly amendsNumber: number | null;
  readonly amendedById: number | null;
  readonly amendedByNumber: number | null;
  /** 0 for an original, 1 for its first amendment, and so on. */
  readonly revision: number;
  /** Lines and header can be edited (status To process, not realized). */
  readonly editable: boolean;
  readonly options: PurchaseOptions;
  /** What each action of the order screen allows now, and if not, the refusal its channel would give. */
  readonly actions: PurchaseActions;
  readonly lines: readonly PurchaseLine[];
  /** As ordered: ordered quantity × ordered price, per VAT rate. */
  readonly totals: Totals;
  /** As agreed with the supplier: expected quantity × agreed price, per VAT rate (equal to `totals` until a reply changes them). */
  readonly agreedTotals: Totals;
  readonly invoices: readonly SupplierInvoice[];
  readonly priceDifferenceOre: number;
}

/**
 * The actions of the purchase order screen, each answered by the engine: save
 * (header and lines), turn an inquiry or unprocessed order into an order, the
 * supplier's reply, dispatch, reception, supplier invoice, amend and cancel.
 */
export const PURCHASE_ACTIONS = ['save', 'toOrder', 'reply', 'dispatch', 'receive', 'invoice', 'amend', 'cancel'] as const;
export type PurchaseAction = (typeof PURCHASE_ACTIONS)[number];
export type PurchaseActions = Readonly<Record<PurchaseAction, Availability>>;

export interface PurchaseListRow {
  readonly id: number;
  readonly number: number;
  readonly orderType: PurchaseOrderTypeId;
  readonly status: PurchaseStatus;
  readonly supplierId: number;
  readonly supplierNumber: number;
  readonly supplierName: string;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly supplierReference: string | null;
  /** As agreed with the supplier: confirmed quantities and prices once replied, as ordered until then. */
  readonly totalNetOre: number;
  readonly totalGrossOre: number;
  readonly amendsId: number | null;
  readonly updatedAt: string;
  readonly title: string | null;
  /** The responsible employee's initials, and the project's number (issue 12). */
  readonly responsibleInitials: string | null;
  readonly projectNumber: number | null;
}

export interface PurchaseListResult {
  readonly rows: readonly PurchaseListRow[];
  /** Rows matching every filter, status included. */
  readonly total: number;
  /** Orders per derived status under the supplier and search filters (the status tabs). */
  readonly counts: Readonly<Record<PurchaseStatus, number>>;
}

export interface SuggestionLine {
  readonly productId: number;
  readonly productNumber: string;
  readonly productName: string;
  readonly unit: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly onLoan: number;
  /** Ordered or confirmed on open purchase orders, not yet received. */
  readonly onOrder: number;
  /** Available + on order. */
  readonly projected: number;
  readonly reorderPoint: number;
  /** Brings the projected stock back up to the reorder point, in whole units. */
  readonly suggestedQty: number;
  readonly unitPriceOre: number;
}

export interface SuggestionGroup {
  /** null: products without a supplier (set one before ordering). */
  readonly supplierId: number | null;
  readonly supplierNumber: number | null;
  readonly supplierName: string | null;
  readonly lines: readonly SuggestionLine[];
}

// ---- Inputs -------------------------------------------------------------------

const orderType = z.union(PURCHASE_ORDER_TYPE_IDS.map((t) => z.literal(t)) as unknown as [z.ZodLiteral<PurchaseOrderTypeId>]);
const version = z.number().int().min(1);

export const purchaseLineInput = z
  .object({
    productId: id,
    description: optionalText(300),
    quantity: positiveQuantity,
    /** Defaults to the product's cost price. */
    unitPriceOre: nonNegativeOre.optional(),
    discountBp: percentBp.default(0),
    vatCode: z.enum(VAT_CODE_IDS).optional(),
    deliveryDate: isoDate.nullable().optional(),
  })
  .strict();
export type PurchaseLineInput = z.input<typeof purchaseLineInput>;

export const purchaseHeaderInput = z
  .object({
    supplierId: id,
    orderType: orderType.default(1),
    orderDate: isoDate.optional(),
    deliveryDate: isoDate.nullable().optional(),
    supplierReference: optionalText(100),
    ourReference: optionalText(100),
    contactId: id.nullable().optional(),
    paymentTermsDays: z.number().int().min(0).max(365).optional(),
    notes: optionalText(2000),
    /** Left out: the order keeps what it has; null clears it (issue 12). */
    title: optionalText(120),
    ourContactId: id.nullable().optional(),
    responsibleId: id.nullable().optional(),
    projectId: id.nullable().optional(),
  })
  .strict();
export type PurchaseHeaderInput = z.input<typeof purchaseHeaderInput>;

const lineQty = z.object({ lineId: id, quantity: positiveQuantity }).strict();

export const replyLineInput = z
  .object({
    lineId: id,
    action: z.enum(['accept', 'change', 'refuse']),
    /** With "change": what the supplier confirms instead of what was ordered. */
    quantity: positiveQuantity.optional(),
    unitPriceOre: nonNegativeOre.optional(),
    deliveryDate: isoDate.nullable().optional(),
  })
  .strict();
export type ReplyLineInput = z.input<typeof replyLineInput>;

/** The columns the purchase list can be sorted by (an allowlist: nothing else reaches the engine). */
export const PURCHASE_SORT_COLUMNS = ['number', 'orderDate', 'supplierName'] as const;
export type PurchaseSortColumn = (typeof PURCHASE_SORT_COLUMNS)[number];

const lineArray = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(2000);

export const purchasingChannels = {
  'purchase.create': channel<PurchaseOrder>()(
    z.object({ header: purchaseHeaderInput, lines: z.array(purchaseLineInput).max(2000).default([]) }).strict(),
  ),
  'purchase.get': channel<PurchaseOrder>()(z.object({ id }).strict()),
  /**
   * Newest first unless `sort` names a column (number, order date or supplier name, ascending or
   * descending; ties newest first); `statuses` narrows to derived statuses, `counts` answer the status tabs.
   */
  'purchase.list': channel<PurchaseListResult>()(
    z
      .object({
        statuses: z.array(z.enum(PURCHASE_STATUS_KEYS)).max(11).optional(),
        sort: z.object({ colId: z.enum(PURCHASE_SORT_COLUMNS), sort: z.enum(['asc', 'desc']) }).strict().optional(),
        supplierId: id.nullable().optional(),
        /** The orders of a contact person, an employee (responsible or our contact), a project (issue 12). */
        contactId: id.nullable().optional(),
        employeeId: id.nullable().optional(),
        projectId: id.nullable().optional(),
        search: text(200).optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ),
  /** Header and the whole line list, while the order is To process. A Realized order is received as it is saved. */
  'purchase.save': channel<PurchaseOrder>()(
    z
      .object({
        id,
        version,
        header: purchaseHeaderInput,
        lines: z.array(purchaseLineInput.extend({ id: id.optional() }).strict()).max(2000),
      })
      .strict(),
    { guards: ['change_order_type'] },
  ),
  /** The supplier's order response, per line (option "reply to order"). */
  'purchase.reply': channel<PurchaseOrder>()(z.object({ id, version, lines: lineArray(replyLineInput) }).strict()),
  /** The supplier's dispatch advice, per line, in parts (option "order dispatch"). */
  'purchase.dispatch': channel<PurchaseOrder>()(z.object({ id, version, lines: lineArray(lineQty) }).strict()),
  /** Goods received, per line, in parts, into stock as new batches at the received cost (option "order reception"). */
  'purchase.receive': channel<PurchaseOrder>()(
    z
      .object({
        id,
        version,
        lines: lineArray(lineQty.extend({ costOre: nonNegativeOre.optional() }).strict()),
      })
      .strict(),
  ),
  /** The reception screen's scanner: the order line whose product has this EAN. */
  'purchase.lineByEan': channel<PurchaseLine>()(z.object({ id, ean }).strict()),
  /** A supplier invoice matched line by line; several per order. Without "order reception" it also receives the goods. */
  'purchase.matchInvoice': channel<PurchaseOrder>()(
    z
      .object({
        id,
        version,
        invoiceNumber: requiredText(50),
        invoiceDate: isoDate,
        lines: lineArray(z.object({ lineId: id, quantity: positiveQuantity, unitPriceOre: nonNegativeOre }).strict()),
      })
      .strict(),
  ),
  'purchase.cancel': channel<PurchaseOrder>()(z.object({ id, version, reason: optionalText(200) }).strict()),
  /** Cancels the order and makes its amendment (To process again), linked to it; without lines, the amendment copies them. */
  'purchase.amend': channel<PurchaseOrder>()(
    z
      .object({
        id,
        version,
        header: purchaseHeaderInput.partial().strict().optional(),
        lines: z.array(purchaseLineInput).max(2000).optional(),
        reason: optionalText(200),
      })
      .strict(),
  ),
  /** Products whose available stock plus what is on order is below their reorder point, grouped by supplier. */
  'purchase.suggestions': channel<readonly SuggestionGroup[]>()(z.object({ supplierId: id.nullable().optional() }).strict()),
  /** Purchase orders (Normal, To process) from suggestions, one per supplier, in one action. Without items: every suggestion with a supplier. */
  'purchase.createFromSuggestions': channel<readonly PurchaseOrder[]>()(
    z
      .object({
        items: z
          .array(z.object({ productId: id, quantity: positiveQuantity.optional() }).strict())
          .min(1)
          .max(2000)
          .optional(),
      })
      .strict(),
  ),
};
