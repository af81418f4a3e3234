// Number series (issue 13, SPEC 8): the next number of each series the company
// numbers its records from, shown and editable by the administrator.
import { z } from 'zod';
import { NO_INPUT, channel } from './common';

/** The highest number a series may be set to (the columns hold far more; this keeps numbers readable). */
export const MAX_SERIES_NUMBER = 999_999_999;

/**
 * The series, in the order the settings show them, with what each numbers. Two
 * kinds of document share one series by design: a quote is a sales order of type
 * 5 (it keeps its number when it becomes an order), and credit notes take their
 * numbers from the invoices' one gap-free series (SPEC 7; bokføringsforskriften
 * asks for one unbroken series of sales documents, not one per kind).
 */
export const NUMBER_SERIES = [
  { key: 'sales_order', numbers: ['order', 'quote'], max: MAX_SERIES_NUMBER },
  { key: 'purchase_order', numbers: ['purchase_order'], max: MAX_SERIES_NUMBER },
  { key: 'project', numbers: ['project'], max: MAX_SERIES_NUMBER },
  // The KID on an invoice holds the customer number in 6 digits and the invoice number in 7 (domain/invoiceRules.ts).
  { key: 'customer', numbers: ['customer'], max: 999_999 },
  { key: 'supplier', numbers: ['supplier'], max: MAX_SERIES_NUMBER },
  { key: 'product', numbers: ['product'], max: MAX_SERIES_NUMBER },
  { key: 'invoice', numbers: ['invoice', 'credit_note'], max: 9_999_999 },
] as const;
export type NumberSeriesKey = (typeof NUMBER_SERIES)[number]['key'];
export type NumberedDocument = (typeof NUMBER_SERIES)[number]['numbers'][number];
export const NUMBER_SERIES_KEYS = NUMBER_SERIES.map((s) => s.key) as unknown as readonly [NumberSeriesKey, ...NumberSeriesKey[]];


export interface NumberSeriesRow {
  readonly key: NumberSeriesKey;
  /** What the series numbers (two entries: shared by design). */
  readonly numbers: readonly NumberedDocument[];
  /** The number the next record gets (numbers in use are stepped over, except in the gap-free invoice series). */
  readonly nextNumber: number;
  /** The highest number in use in the series; null while none is. */
  readonly highestUsed: number | null;
  /**
   * Gap-free (the invoice series): once a number is used, the next number is
   * fixed at the highest used + 1 and cannot be edited.
   */
  readonly gapFree: boolean;
  readonly editable: boolean;
  /** The highest next number the series takes. */
  readonly max: number;
}

export const numberSeriesSaveInput = z
  .object({
    series: z.enum(NUMBER_SERIES_KEYS),
    nextNumber: z.number().int().min(1).max(MAX_SERIES_NUMBER),
  })
  .strict();
export type NumberSeriesSaveInput = z.input<typeof numberSeriesSaveInput>;

export const numberSeriesChannels = {
  'numberSeries.list': channel<readonly NumberSeriesRow[]>()(NO_INPUT, { right: 'administer' }),
  'numberSeries.save': channel<NumberSeriesRow>()(numberSeriesSaveInput, { right: 'administer' }),
};
