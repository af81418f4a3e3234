import { z } from 'zod';
import { VAT_CODE_IDS, type VatCode } from '../enums';
import { channel, ean, id, nonNegativeOre, optionalText, pageInput, quantity, requiredText, text, type Page } from './common';

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
};

export const productInput = z.object(productFields).strict();
export type ProductInput = z.input<typeof productInput>;

export const productsChannels = {
  'products.list': channel<Page<Product>>()(pageInput.extend({ includeInactive: z.boolean().default(false) })),
  'products.get': channel<Product>()(z.object({ id }).strict()),
  'products.create': channel<Product>()(productInput),
  'products.update': channel<Product>()(z.object({ id, ...productFields }).strict()),
  /** Line entry: exact number or EAN first, then number prefix, then name containing the words. */
  'products.lookup': channel<readonly ProductHit[]>()(
    z.object({ query: text(100), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
};
