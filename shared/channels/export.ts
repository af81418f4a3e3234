// Export of the lists (issue 13): customers, suppliers, products and the order
// list as the clerk has it filtered, to CSV (for Norwegian Excel: UTF-8 with
// BOM, semicolons, decimal comma, dd.mm.yyyy) or .xlsx. Each list takes the
// same search, sort and filter as its own paging channel, so the file holds the
// rows the clerk sees, in the same order.
import { z } from 'zod';
import { LANGUAGES } from '../enums';
import { channel, numberColumnFilter, text } from './common';
import { columnFilter, orderScopeFields } from './orders';
import { PRODUCT_LIST_FILTER_COLUMNS, PRODUCT_LIST_SORT_COLUMNS } from './products';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LISTS = ['orders', 'customers', 'suppliers', 'products'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

const common = {
  format: z.enum(EXPORT_FORMATS),
  /** Column headers, labels (status, order type) and the file name in this language. */
  language: z.enum(LANGUAGES).default('nb'),
};

export const exportListInput = z.discriminatedUnion('list', [
  /** The order list's own input (orders.list) without the block: every row of it. */
  z
    .object({
      list: z.literal('orders'),
      ...common,
      sortModel: z
        .array(z.object({ colId: z.string().max(64), sort: z.enum(['asc', 'desc']) }).strict())
        .max(3)
        .default([]),
      filterModel: z.record(z.string().max(64), columnFilter).default({}),
      statusId: z.number().int().positive().nullable().optional(),
      ...orderScopeFields,
      search: text(200).optional(),
    })
    .strict(),
  z.object({ list: z.literal('customers'), ...common, search: text(200).optional() }).strict(),
  z.object({ list: z.literal('suppliers'), ...common, search: text(200).optional() }).strict(),
  /** The product list's own input (products.list) without the page. */
  z
    .object({
      list: z.literal('products'),
      ...common,
      search: text(200).optional(),
      includeInactive: z.boolean().default(false),
      sort: z.object({ colId: z.enum(PRODUCT_LIST_SORT_COLUMNS), dir: z.enum(['asc', 'desc']) }).strict().optional(),
      filters: z.partialRecord(z.enum(PRODUCT_LIST_FILTER_COLUMNS), numberColumnFilter).optional(),
    })
    .strict(),
]);
export type ExportListInput = z.input<typeof exportListInput>;

export interface ExportedFile {
  /** In the chosen language, with today's date: "Ordrer 2026-12-04.xlsx". */
  readonly fileName: string;
  readonly mime: string;
  readonly contentBase64: string;
  /** Data rows in the file (the header row not counted). */
  readonly rowCount: number;
}

export const exportChannels = {
  /** Reading a list needs no right beyond being logged in; so does its export. */
  'export.list': channel<ExportedFile>()(exportListInput),
};
