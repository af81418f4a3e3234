// The order's story (issue 10): what an irreversible step would do before it is
// done (invoice, collective invoice, credit note), what became of an order
// (its invoices and backorders), and a copy of an order as a new draft.
import { z } from 'zod';
import type { StatusKind } from '../enums';
import { channel, id, positiveQuantity } from './common';
import type { OrderView, VatTotal } from './orders';

/** One line of an invoice or a backorder as the clerk reads it. */
export interface StoryLine {
  readonly orderNumber: number | null;
  /** The line's number on the order it belongs to (null: not an order line). */
  readonly lineNo: number | null;
  readonly productNumber: string | null;
  readonly description: string;
  readonly quantity: number;
  /** Excl. VAT; null where no amount is shown (a backorder's line). */
  readonly amountOre: number | null;
}

/**
 * What an invoicing step would do, from the very functions that do it, run in a
 * transaction that is rolled back: the invoice (or credit note) it would issue,
 * the goods delivered on the way, and the backorder it would make or what stays open.
 */
export interface InvoicePreview {
  readonly kind: 'invoice' | 'credit_note';
  readonly customerName: string;
  readonly orderNumbers: readonly number[];
  readonly lines: readonly StoryLine[];
  readonly byRate: readonly VatTotal[];
  readonly netOre: number;
  readonly vatOre: number;
  readonly grossOre: number;
  readonly roundingOre: number;
  readonly payableOre: number;
  /** Nothing delivered yet: the rest is delivered as it is invoiced. */
  readonly deliversRemaining: boolean;
  /** The backorder it would make (company setting "make backorders"), with its lines. */
  readonly backorder: { readonly lines: readonly StoryLine[] } | null;
  /** Without a backorder: what stays open on the order to deliver later. */
  readonly remainsOpen: readonly StoryLine[];
  /** A credit note: goods go back to stock. */
  readonly returnToStock: boolean;
}

export interface StoryInvoice {
  readonly id: number;
  readonly number: number;
  readonly kind: 'invoice' | 'credit_note';
  readonly creditedInvoiceNumber: number | null;
  readonly invoiceDate: string;
  readonly payableOre: number;
  /** Other orders on the same (collective) invoice. */
  readonly otherOrderNumbers: readonly number[];
  /** This order's lines on it, with the quantity invoiced (negative on a credit note). */
  readonly lines: readonly StoryLine[];
}

export interface StoryBackorder {
  readonly id: number;
  readonly number: number;
  readonly statusId: number;
  readonly statusKind: StatusKind;
  readonly lines: readonly StoryLine[];
}

/** What went to which invoice and which backorder. */
export interface OrderStory {
  readonly invoices: readonly StoryInvoice[];
  readonly backorders: readonly StoryBackorder[];
  /** The order this one is a backorder of. */
  readonly backorderOf: { readonly id: number; readonly number: number } | null;
}

const version = z.number().int().min(1);

export const invoicingPreviewInput = z.discriminatedUnion('kind', [
  /** What Fakturer (Alt+R) on the order screen would do. */
  z.object({ kind: z.literal('order'), id, version }).strict(),
  /** What a collective invoice of these orders would be. */
  z.object({ kind: z.literal('collective'), customerId: id, orderIds: z.array(id).min(1).max(5000) }).strict(),
  /** What this credit note would be (the same input as invoices.credit). */
  z
    .object({
      kind: z.literal('credit'),
      invoiceId: id,
      lines: z.array(z.object({ invoiceLineId: id, quantity: positiveQuantity }).strict()).min(1).max(2000),
      returnToStock: z.boolean(),
    })
    .strict(),
]);
export type InvoicingPreviewInput = z.input<typeof invoicingPreviewInput>;

export const orderStoryChannels = {
  /** Writes nothing; refused as the step itself would be (rights included). */
  'invoicing.preview': channel<InvoicePreview>()(invoicingPreviewInput, {
    guards: ['issue_invoice', 'issue_credit_note', 'credit_cash_sale'],
  }),
  'orders.story': channel<OrderStory>()(z.object({ id }).strict()),
  /**
   * A new saved draft with the source's customer, contact, references, delivery
   * address and lines at the source's prices; status the first of the flow.
   */
  'orders.copy': channel<OrderView>()(
    z
      .object({
        id,
        /** Holding more than is available, when the copy starts in a reserving status. Never over a credit limit. */
        confirm: z.object({ allowShortage: z.boolean().default(false) }).strict().default({ allowShortage: false }),
      })
      .strict(),
  ),
} as const;
