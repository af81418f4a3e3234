import { z } from 'zod';
import {
  ORDER_TYPE_IDS,
  PAYMENT_METHOD_KEYS,
  VAT_CODE_IDS,
  type OrderTypeId,
  type StatusKind,
  type SubscriptionInterval,
  type TransactionType,
  type VatCode,
} from '../enums';
import {
  NO_INPUT,
  channel,
  type Availability,
  id,
  isoDate,
  nonNegativeOre,
  numberColumnFilter,
  optionalText,
  percentBp,
  positiveQuantity,
  text,
} from './common';
import { customFieldValuesInput, type CustomFieldValues } from './customFields';

// ---- What the engine returns ------------------------------------------------

export interface VatTotal {
  readonly vatCode: VatCode;
  readonly rateBp: number;
  readonly baseOre: number;
  readonly vatOre: number;
  readonly totalOre: number;
}

export interface Totals {
  readonly byRate: readonly VatTotal[];
  readonly netOre: number;
  readonly vatOre: number;
  readonly grossOre: number;
  /** What a cash sale of this total is rounded by, to whole kroner (the payment dialog shows it). */
  readonly cashRoundingOre: number;
}

/** One line with every quantity it keeps (SPEC 2), all in thousandths. */
export interface OrderLine {
  readonly id: number;
  readonly lineNo: number;
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
  readonly qtyConfirmed: number;
  readonly qtyReserved: number;
  readonly qtyOnLoan: number;
  readonly qtyPicked: number;
  readonly qtyDelivered: number;
  readonly qtyReceived: number;
  readonly qtyInvoiced: number;
  readonly qtyCredited: number;
  /** Closed short: what was not delivered will not be. */
  readonly closedShort: boolean;
}

/**
 * The address an order ships to: a copy of one of the customer's delivery
 * addresses, taken when it was chosen, kept even if the customer's list changes.
 */
export interface OrderDeliveryAddress {
  /** The customer's address it was copied from; null once that address is removed. */
  readonly deliveryAddressId: number | null;
  readonly name: string;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
}

/** The kinds of row an order has besides its product lines (SPEC 2: lines grouped under headings). */
export const TEXT_LINE_KINDS = ['text', 'heading'] as const;
export type TextLineKind = (typeof TEXT_LINE_KINDS)[number];

/**
 * A row without a product: a heading, which starts a group of lines (the
 * documents print the group's subtotal after it), or a free text remark.
 * `lineNo` shares one numbering with OrderLine.lineNo; rows show in lineNo order.
 */
export interface TextLine {
  readonly id: number;
  readonly lineNo: number;
  readonly kind: TextLineKind;
  readonly text: string;
}

export interface Order {
  readonly id: number;
  readonly number: number;
  readonly transactionType: TransactionType;
  readonly orderType: OrderTypeId;
  readonly statusId: number;
  readonly statusKind: StatusKind;
  readonly customerId: number;
  readonly customerNumber: number;
  readonly customerName: string;
  readonly contactId: number | null;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly customerReference: string | null;
  readonly ourReference: string | null;
  readonly paymentTermsDays: number;
  readonly notes: string | null;
  /** Where the order ships; null: to the customer's own address. */
  readonly deliveryAddress: OrderDeliveryAddress | null;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lines: readonly OrderLine[];
  /** Headings and text rows, placed among the lines by lineNo. */
  readonly textLines: readonly TextLine[];
  readonly totals: Totals;
  /** Computed from the lines, never stored (SPEC 2). */
  readonly deliveryState: 'none' | 'partial' | 'full';
  readonly invoiceState: 'none' | 'partial' | 'full';
  /** The quote this order was made from (SPEC 4: the two stay related). */
  readonly sourceOrderId: number | null;
  readonly sourceOrderNumber: number | null;
  /** The order this quote was converted to: a quote converts once. */
  readonly convertedToId: number | null;
  readonly convertedToNumber: number | null;
  readonly backorderOfId: number | null;
  readonly subscriptionInterval: SubscriptionInterval | null;
  readonly subscriptionStart: string | null;
  readonly cardState: 'reserved' | 'captured' | 'cancelled' | 'credited' | null;
  readonly contractAmountOre: number | null;
  /** Who pays, when another party than the customer does (a card payment order's invoice customer). */
  readonly invoiceCustomerId: number | null;
  readonly invoiceIds: readonly number[];
  /** The order's title (Tittel), our contact (Vår kontakt) and responsible employee, and its project (issue 12). */
  readonly title: string | null;
  readonly ourContactId: number | null;
  readonly responsibleId: number | null;
  readonly projectId: number | null;
}

/** The actions of the order screen, each answered by the engine (SPEC: the screen asks, the engine decides). */
export const ORDER_ACTIONS = ['deliver', 'invoice', 'convertQuote', 'changeType', 'lend', 'returnLoan', 'subscription', 'delete'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/**
 * What Fakturer does now: invoice what is delivered ('delivered'), or, with
 * nothing delivered yet, move the order to Invoiced, which delivers the rest after asking ('all').
 */
export type InvoiceMode = 'delivered' | 'all';

export type OrderActions = Readonly<Record<OrderAction, Availability>> & { readonly invoiceMode: InvoiceMode | null };

/** An order as the order screen gets it: with what each of its actions allows now, and why not. */
export interface OrderView extends Order {
  readonly actions: OrderActions;
  /** The order's custom fields (issue 12): every active order field, null when empty. */
  readonly customFields: CustomFieldValues;
}

export interface OrderListRow {
  readonly id: number;
  readonly number: number;
  readonly orderDate: string;
  readonly deliveryDate: string | null;
  readonly customerId: number;
  readonly customerNumber: number;
  readonly customerName: string;
  readonly orderType: OrderTypeId;
  readonly statusId: number;
  readonly customerReference: string | null;
  readonly totalNetOre: number;
  readonly totalGrossOre: number;
  /** Invoiced so far, excluding VAT, net of credit notes. */
  readonly invoicedNetOre: number;
  readonly updatedAt: string;
  readonly title: string | null;
  /** The responsible employee's initials, and the project's number (issue 12). */
  readonly responsibleInitials: string | null;
  readonly projectNumber: number | null;
  /** The active order custom fields' values (list columns cf_<key>). */
  readonly customFields: CustomFieldValues;
}

export interface Status {
  readonly id: number;
  readonly kind: StatusKind;
  readonly labelNb: string;
  readonly labelEn: string;
  readonly sortOrder: number;
  readonly hidden: boolean;
  /** The administrator's colour for the status (#rrggbb), if any (issue 13). */
  readonly colour: string | null;
  /** A step of the company's flow (its preset's kinds, not hidden): what the order's status bar shows. */
  readonly inFlow: boolean;
}

// ---- Inputs -------------------------------------------------------------------

/** A line as the clerk enters it; price, VAT code and text default from the product. */
export const lineInput = z
  .object({
    productId: id,
    description: optionalText(300),
    quantity: positiveQuantity,
    unitPriceOre: nonNegativeOre.optional(),
    discountBp: percentBp.default(0),
    vatCode: z.enum(VAT_CODE_IDS).optional(),
    deliveryDate: isoDate.nullable().optional(),
  })
  .strict();
export type LineInput = z.input<typeof lineInput>;

/**
 * A heading or text row as the clerk enters it. `index`: its 0-based place in
 * the whole list as the clerk sees it (product rows and text rows together);
 * the product lines keep their own order around it.
 */
export const textLineInput = z
  .object({
    id: id.optional(),
    index: z.number().int().min(0),
    kind: z.enum(TEXT_LINE_KINDS),
    text: text(300).min(1),
  })
  .strict();
export type TextLineInput = z.input<typeof textLineInput>;

const headerFields = {
  customerId: id,
  orderType: z.union(ORDER_TYPE_IDS.map((t) => z.literal(t)) as unknown as [z.ZodLiteral<OrderTypeId>]),
  /** Defaults to the first status of the company's flow. */
  statusId: id.optional(),
  orderDate: isoDate.optional(),
  deliveryDate: isoDate.nullable().optional(),
  customerReference: optionalText(100),
  ourReference: optionalText(100),
  contactId: id.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  notes: optionalText(2000),
  /**
   * One of the customer's delivery addresses; null: the customer's own address.
   * Left out: the order keeps the address it has (unless the customer changes).
   */
  deliveryAddressId: id.nullable().optional(),
  /** Tittel, Vår kontakt (an employee), Ansvarlig (an employee), Prosjekt (issue 12). */
  title: optionalText(120),
  ourContactId: id.nullable().optional(),
  responsibleId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  /** Custom fields (issue 12), partial: a key left out keeps its value. */
  customFields: customFieldValuesInput.optional(),
};
export const headerInput = z.object(headerFields).strict();
export type HeaderInput = z.input<typeof headerInput>;

/**
 * What the clerk has agreed to in a dialog. A move that needs one of these is
 * refused with a code asking for it (confirm_*), and the renderer asks, then sends again.
 */
export const confirmInput = z
  .object({
    /** Moving a Normal order to Shipped marks every remaining quantity delivered. */
    deliverRemaining: z.boolean().default(false),
    /** Moving back past shipping returns issued goods to stock. */
    returnGoods: z.boolean().default(false),
    /** Reserving more than is available (Normal orders check availability). */
    allowShortage: z.boolean().default(false),
    /** Going over the customer's credit limit (needs the right to override it). */
    overrideCreditLimit: z.boolean().default(false),
  })
  .strict()
  .default({ deliverRemaining: false, returnGoods: false, allowShortage: false, overrideCreditLimit: false });
export type ConfirmInput = z.input<typeof confirmInput>;
export type Confirm = z.output<typeof confirmInput>;

const version = z.number().int().min(1);

/** The cash sale's payment dialog (order type 3): what the customer handed over, and how. */
export const paymentInput = z
  .object({ method: z.enum(PAYMENT_METHOD_KEYS), receivedOre: nonNegativeOre })
  .strict();
export type PaymentInput = z.input<typeof paymentInput>;

export const ORDER_LIST_MAX_BLOCK = 1000;

const textFilter = z
  .object({
    filterType: z.literal('text'),
    type: z.enum(['contains', 'equals', 'startsWith']),
    filter: text(200),
  })
  .strict();

const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/);
const dateFilter = z
  .object({
    filterType: z.literal('date'),
    type: z.enum(['equals', 'lessThan', 'greaterThan', 'inRange']),
    dateFrom: dateTime,
    dateTo: dateTime.nullable().optional(),
  })
  .strict();
export const columnFilter = z.discriminatedUnion('filterType', [textFilter, numberColumnFilter, dateFilter]);
export type ColumnFilter = z.infer<typeof columnFilter>;

/** AG Grid's infinite row model request: a block of rows, sorted and filtered (every engine-paged list takes it). */
export const gridBlockFields = {
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  /** Column names are checked against the engine's allowlist before any SQL is built. */
  sortModel: z
    .array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) }).strict())
    .max(3)
    .default([]),
  filterModel: z.record(z.string().max(64), columnFilter).default({}),
};

/** A block ends after it starts and holds at most ORDER_LIST_MAX_BLOCK rows. */
export function checkGridBlock(v: { startRow: number; endRow: number }, ctx: z.RefinementCtx): void {
  if (v.endRow <= v.startRow) {
    ctx.addIssue({ code: 'too_small', origin: 'number', minimum: v.startRow + 1, inclusive: true, path: ['endRow'], input: v.endRow });
  } else if (v.endRow - v.startRow > ORDER_LIST_MAX_BLOCK) {
    ctx.addIssue({ code: 'custom', path: ['endRow'], message: 'block_too_large', params: { max: ORDER_LIST_MAX_BLOCK } });
  }
}

/**
 * Whose orders the list shows (issue 12: every order is reachable from its
 * customer, contact person, employee and project). The employee is the order's
 * responsible or its "our contact".
 */
export const orderScopeFields = {
  customerId: id.nullable().optional(),
  contactId: id.nullable().optional(),
  employeeId: id.nullable().optional(),
  projectId: id.nullable().optional(),
};

/** The order list's block, plus the status tab and the search box. */
export const orderListInput = z
  .object({
    ...gridBlockFields,
    statusId: id.nullable().optional(),
    ...orderScopeFields,
    search: text(200).optional(),
  })
  .strict()
  .superRefine(checkGridBlock);
export type OrderListInput = z.input<typeof orderListInput>;

export interface OrderListResult {
  readonly rows: readonly OrderListRow[];
  /** Total rows matching, so the grid knows where the list ends. */
  readonly rowCount: number;
}

export interface StatusCounts {
  readonly total: number;
  readonly byStatus: readonly { readonly statusId: number; readonly count: number }[];
}

/** What a line edit can reach: a card order's change, the credit limit. */
const LINE_GUARDS = ['change_card_order', 'override_credit_limit'] as const;
/** What a header or whole-order edit can reach: a line edit, a type change, a status move (which may invoice). */
const ORDER_CHANGE_GUARDS = [...LINE_GUARDS, 'change_order_type', 'issue_invoice'] as const;

export const ordersChannels = {
  /** A Cash order (type 3) is invoiced as it is saved, so it needs the payment. */
  'orders.create': channel<OrderView>()(
    z
      .object({
        /** Without an order type, the order takes the company's default for orders entered by hand (issue 13). */
        header: headerInput.extend({ orderType: headerFields.orderType.optional() }).strict(),
        lines: z.array(lineInput).max(2000).default([]),
        texts: z.array(textLineInput).max(2000).default([]),
        payment: paymentInput.optional(),
        confirm: confirmInput,
      })
      .strict(),
    { guards: ['issue_invoice', 'override_credit_limit'] },
  ),
  'orders.get': channel<OrderView>()(z.object({ id }).strict()),
  /** The header alone; a new status in it moves the order as the status bar does. */
  'orders.updateHeader': channel<OrderView>()(
    z.object({ id, version, header: headerInput.partial().strict(), confirm: confirmInput }).strict(),
    { guards: ORDER_CHANGE_GUARDS },
  ),
  /**
   * `position` and moveLine's `toIndex` count product lines only; text rows stay
   * put among their neighbours (a line added before another joins its group,
   * one added last goes after every row; a moved line lands next to the line it passes).
   */
  'orders.addLine': channel<OrderView>()(
    z.object({ orderId: id, version, line: lineInput, position: z.number().int().min(0).optional(), confirm: confirmInput }).strict(),
    { guards: LINE_GUARDS },
  ),
  'orders.updateLine': channel<OrderView>()(
    z.object({ orderId: id, version, lineId: id, changes: lineInput.partial().strict(), confirm: confirmInput }).strict(),
    { guards: LINE_GUARDS },
  ),
  'orders.removeLine': channel<OrderView>()(z.object({ orderId: id, version, lineId: id }).strict(), { guards: ['change_card_order'] }),
  'orders.moveLine': channel<OrderView>()(
    z.object({ orderId: id, version, lineId: id, toIndex: z.number().int().min(0) }).strict(),
    { guards: ['change_card_order'] },
  ),
  /** The order screen's Ctrl+S: header and the whole line list in one transaction. */
  'orders.save': channel<OrderView>()(
    z
      .object({
        id,
        version,
        header: headerInput,
        lines: z.array(lineInput.extend({ id: id.optional() }).strict()).max(2000),
        texts: z.array(textLineInput).max(2000).default([]),
        payment: paymentInput.optional(),
        confirm: confirmInput,
      })
      .strict(),
    { guards: ORDER_CHANGE_GUARDS },
  ),
  'orders.list': channel<OrderListResult>()(orderListInput),
  /** The status tabs' counts under the same search, customer and column filters as the list. */
  'orders.statusCounts': channel<StatusCounts>()(
    z
      .object({
        search: text(200).optional(),
        ...orderScopeFields,
        filterModel: z.record(z.string().max(64), columnFilter).default({}),
      })
      .strict(),
  ),
  /** Totals per VAT rate and each line's amount for lines being typed, computed by the engine's pricing rules. */
  'orders.previewTotals': channel<Totals & { readonly lineAmountsOre: readonly number[] }>()(
    z
      .object({
        lines: z
          .array(
            z
              .object({
                quantity: positiveQuantity,
                unitPriceOre: nonNegativeOre,
                discountBp: percentBp.default(0),
                vatCode: z.enum(VAT_CODE_IDS),
              })
              .strict(),
          )
          .max(2000),
      })
      .strict(),
  ),
  'statuses.list': channel<readonly Status[]>()(NO_INPUT),
};
