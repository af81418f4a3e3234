import { z } from 'zod';
import { VAT_CODE_IDS, type VatCode } from '../enums';
import { channel, ean, id, nonNegativeOre, numberColumnFilter, optionalText, pageInput, quantity, requiredText, text, type Page } from './common';
import { customFieldValuesInput, type CustomFieldValues } from './customFields';

export interface Product {
  readonly id: number;
  readonly number: string;
  readonly name: string;
  readonly unit: string;
  readonly priceOre: number;
  readonly costOre: number | null;
  readonly vatCode: VatCode;
  readonly stockManaged: boolean;
  readonly binLocation: string | null;
  readonly ean: string | null;
  readonly active: boolean;
  /** The supplier it is bought from (purchase suggestions group by it). */
  readonly supplierId: number | null;
  /** Thousandths; below it (available + on order) the product is suggested for purchase. */
  readonly reorderPointQty: number | null;
  readonly updatedAt: string;
}

/** A product as its form gets it: with its custom fields (issue 12), every active product field, null when empty. */
export interface ProductDetail extends Product {
  readonly customFields: CustomFieldValues;
}

/** A product found while typing a line, with what is available of it (null: stock not kept). */
export interface ProductHit extends Product {
  readonly available: number | null;
}

const productFields = {
  number: requiredText(30).regex(/^[A-Za-z0-9ÆØÅæøå._\-/]+$/),
  name: requiredText(200),
  unit: requiredText(10),
  priceOre: nonNegativeOre,
  costOre: nonNegativeOre.nullable().optional(),
  vatCode: z.enum(VAT_CODE_IDS),
  stockManaged: z.boolean(),
  binLocation: optionalText(20),
  ean: ean.nullable().optional(),
  active: z.boolean().default(true),
  /** Left out on update: kept as it is (forms that do not show it do not clear it). */
  supplierId: id.nullable().optional(),
  reorderPointQty: quantity.min(0).nullable().optional(),
  /** Custom fields (issue 12), partial: a key left out keeps its value. */
  customFields: customFieldValuesInput.optional(),
};

export const productInput = z.object(productFields).strict();

/** A row of the product list: the product with its stock (thousandths; SPEC 3: available = on hand − reserved − on loan). */
export interface ProductListRow extends Product {
  readonly qtyOnHand: number;
  readonly qtyReserved: number;
  readonly qtyAvailable: number;
}

/** The product list's columns that sort and filter in the engine (checked against the repo's allowlist). */
export const PRODUCT_LIST_SORT_COLUMNS = ['number', 'qtyOnHand', 'qtyReserved', 'qtyAvailable'] as const;
export const PRODUCT_LIST_FILTER_COLUMNS = ['qtyOnHand', 'qtyReserved', 'qtyAvailable'] as const;

export type ProductStockFilter = z.infer<typeof numberColumnFilter>;
const productListInput = pageInput.extend({
  includeInactive: z.boolean().default(false),
  sort: z.object({ colId: z.enum(PRODUCT_LIST_SORT_COLUMNS), dir: z.enum(['asc', 'desc']) }).strict().optional(),
  filters: z.partialRecord(z.enum(PRODUCT_LIST_FILTER_COLUMNS), numberColumnFilter).optional(),
});
export type ProductListInput = z.output<typeof productListInput>;
export type ProductInput = z.input<typeof productInput>;

export const productsChannels = {
  'products.list': channel<Page<ProductListRow>>()(productListInput),
  'products.get': channel<ProductDetail>()(z.object({ id }).strict()),
  /** Without a number, the product takes the next one of the product series (issue 13); a typed number is kept as typed. */
  'products.create': channel<ProductDetail>()(z.object({ ...productFields, number: productFields.number.optional() }).strict()),
  'products.update': channel<ProductDetail>()(z.object({ id, ...productFields }).strict()),
  /** Line entry: exact number or EAN first, then number prefix, then name containing the words. */
  'products.lookup': channel<readonly ProductHit[]>()(
    z.object({ query: text(100), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
};
