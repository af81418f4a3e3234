// Sales processing (SPEC 1.1, 1.2, 4): status moves, deliveries, invoicing,
// credit notes, loans, subscriptions, the activity log (jobs: channels/jobs.ts).
import { z } from 'zod';
import { SUBSCRIPTION_INTERVAL_KEYS, type PaymentMethod, type VatCode } from '../enums';
import { channel, id, isoDate, nonNegativeOre, optionalText, positiveQuantity, requiredText } from './common';
import { confirmInput, paymentInput, type Order, type OrderView, type VatTotal } from './orders';

export interface InvoiceLine {
  readonly id: number;
  readonly orderId: number | null;
  readonly orderLineId: number | null;
  readonly productId: number | null;
  readonly description: string;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
  readonly amountOre: number;
  readonly qtyCredited: number;
}

export interface Invoice {
  readonly id: number;
  readonly number: number;
  readonly kind: 'invoice' | 'credit_note';
  readonly creditedInvoiceId: number | null;
  readonly customerId: number;
  readonly customerName: string;
  readonly orderType: number | null;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly deliveryDate: string | null;
  readonly kid: string | null;
  readonly netOre: number;
  readonly vatOre: number;
  readonly grossOre: number;
  /** Cash sales are rounded to whole kroner; the rounding is its own amount. */
  readonly roundingOre: number;
  readonly payableOre: number;
  /** Whether the seller charged VAT when it was issued; with byRate, kept as issued whatever the company says now. */
  readonly vatRegistered: boolean;
  readonly byRate: readonly VatTotal[];
  readonly orderIds: readonly number[];
  readonly lines: readonly InvoiceLine[];
  readonly payment: { readonly method: PaymentMethod; readonly receivedOre: number; readonly changeOre: number } | null;
  readonly createdAt: string;
}

export type InvoiceSummary = Omit<Invoice, 'lines' | 'byRate'>;

export interface ActivityEntry {
  readonly id: number;
  readonly at: string;
  readonly userId: number | null;
  readonly userName: string | null;
  readonly action: string;
  readonly before: unknown;
  readonly after: unknown;
}

const version = z.number().int().min(1);
const lineQuantities = z
  .array(z.object({ lineId: id, quantity: positiveQuantity }).strict())
  .max(2000);


export const processingChannels = {
  /** The status bar: a move may deliver, invoice (Invoiced, Samleordre), return goods or cancel a card reservation. */
  'orders.setStatus': channel<OrderView>()(z.object({ id, version, statusId: id, confirm: confirmInput }).strict(), {
    guards: ['issue_invoice', 'change_card_order', 'override_credit_limit'],
  }),
  /** A cash order (type 3) is invoiced as it becomes one, so a change to Cash needs the payment. */
  'orders.changeType': channel<OrderView>()(
    z
      .object({
        id,
        version,
        orderType: z.union([1, 2, 3, 4, 5, 6, 7, 8, 9].map((t) => z.literal(t)) as unknown as [z.ZodLiteral<number>]),
        confirm: confirmInput,
        payment: paymentInput.optional(),
      })
      .strict(),
    { right: 'change_order_type', guards: ['change_card_order', 'override_credit_limit', 'issue_invoice'] },
  ),
  /** Marks quantities delivered (issuing their goods) and may close lines short. */
  'orders.deliver': channel<OrderView>()(
    z.object({ id, version, lines: lineQuantities, closeShort: z.array(id).max(2000).default([]) }).strict(),
  ),
  /** Invoices what is delivered and not yet invoiced (Direct orders are delivered on the way). */
  'orders.invoice': channel<{ order: OrderView; invoice: Invoice; backorder: Order | null }>()(z.object({ id, version }).strict(), {
    right: 'invoice',
  }),
  /** One invoice for every eligible order of a customer (delivered, not invoiced), or the ones named. */
  'orders.collectiveInvoice': channel<Invoice>()(
    z.object({ customerId: id, orderIds: z.array(id).min(1).max(5000).optional() }).strict(),
    { right: 'invoice' },
  ),
  /** Quote to order: a change of order type, so it needs that right; to Cash it is invoiced with its payment. */
  'orders.convertQuote': channel<OrderView>()(
    z
      .object({
        id,
        version,
        orderType: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(7)]),
        payment: paymentInput.optional(),
        confirm: confirmInput,
      })
      .strict(),
    { right: 'change_order_type', guards: ['issue_invoice', 'override_credit_limit'] },
  ),
  'orders.returnLoan': channel<OrderView>()(z.object({ id, version, lines: lineQuantities.min(1) }).strict()),
  'orders.delete': channel<{ deleted: number }>()(z.object({ id, version }).strict(), { guards: ['change_card_order'] }),
  'orders.setSubscription': channel<OrderView>()(
    z.object({ id, version, interval: z.enum(SUBSCRIPTION_INTERVAL_KEYS).nullable(), start: isoDate.nullable() }).strict(),
    { guards: ['change_card_order'] },
  ),
  /** Orders from an EDI / web-shop import; the only way an order of type 9 (card payment) is made. */
  'orders.import': channel<OrderView>()(
    z
      .object({
        source: z.enum(['web', 'edi']),
        customerId: id,
        invoiceCustomerId: id,
        /** Left out (a web shop that does not say): the company's default order type for imports (issue 13). */
        orderType: z.union([z.literal(6), z.literal(9)]).optional(),
        customerReference: optionalText(100),
        card: z
          .object({
            invoiceReference: requiredText(60),
            currency: z.string().regex(/^[A-Z]{3}$/),
            contractAmountOre: nonNegativeOre,
            maskedCardNumber: z.string().regex(/^[\d*]{12,19}$/),
            cardCompany: requiredText(40),
          })
          .strict()
          .optional(),
        lines: z
          .array(z.object({ productId: id, quantity: positiveQuantity, unitPriceOre: nonNegativeOre.optional() }).strict())
          .min(1)
          .max(2000),
      })
      .strict(),
  ),
  'subscriptions.run': channel<{ readonly invoices: readonly Invoice[] }>()(z.object({}).strict(), { right: 'invoice' }),
  'invoices.list': channel<readonly InvoiceSummary[]>()(
    z.object({ customerId: id.optional(), orderId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }).strict(),
  ),
  'invoices.get': channel<Invoice>()(z.object({ id }).strict()),
  /** A credit note, full or partial, referring to its invoice; goods back to stock when the clerk says so. */
  'invoices.credit': channel<Invoice>()(
    z
      .object({
        invoiceId: id,
        lines: z.array(z.object({ invoiceLineId: id, quantity: positiveQuantity }).strict()).min(1).max(2000),
        returnToStock: z.boolean(),
      })
      .strict(),
    { right: 'credit', guards: ['credit_cash_sale'] },
  ),
  'activity.list': channel<readonly ActivityEntry[]>()(
    z.object({ entity: z.enum(['order', 'customer', 'product', 'invoice', 'stock']), entityId: id }).strict(),
  ),
};
