import type { Product, ProductDetail } from '../../../shared/channels/products';
import { DomainError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { logActivity } from '../repos/activity';
import { STOCK_DEPENDENT_KINDS } from '../../../shared/kinds';
import {
  findProductIdBy,
  productUses,
  getProduct,
  insertProduct,
  listProducts,
  lookupProducts,
  updateProduct,
  type ProductValues,
} from '../repos/products';
import { getSupplierRow } from '../repos/suppliers';
import { availableOf } from '../repos/stock';
import { customValuesOf } from '../repos/customFields';
import { saveCustomValues } from '../services/customFields';
import { nextNumber } from '../repos/numberSeries';
import { reader, writer, type HandlerMap } from './types';

/** Product numbers and EANs are unique; say which one is taken instead of failing on the constraint. */
function assertUnique(db: Db, p: ProductValues, selfId: number | null): void {
  const byNumber = findProductIdBy(db, 'number', p.number);
  if (byNumber !== null && byNumber !== selfId) throw new DomainError('duplicate_product_number', 'number', { value: p.number });
  if (p.ean) {
    const byEan = findProductIdBy(db, 'ean', p.ean);
    if (byEan !== null && byEan !== selfId) throw new DomainError('duplicate_ean', 'ean', { value: p.ean });
  }
}

/**
 * Stock management is switched only while nothing depends on it: switched under
 * reservations, loans, deliveries or movements, the stock figures would no longer
 * be the sums of the ledger and the lines (SPEC 3).
 */
function assertStockManagedFree(db: Db, before: Product, stockManaged: boolean): void {
  if (before.stockManaged === stockManaged) return;
  const uses = productUses(db, before.id, STOCK_DEPENDENT_KINDS);
  if (uses.movements === 0 && uses.lines === 0) return;
  const nb = [uses.movements ? `${uses.movements} lagerbevegelser` : '', uses.lines ? `${uses.lines} ordrelinjer i behandling` : ''].filter(Boolean);
  const en = [uses.movements ? `${uses.movements} stock movements` : '', uses.lines ? `${uses.lines} order lines in processing` : ''].filter(Boolean);
  throw new DomainError('stock_managed_in_use', 'stockManaged', { product: `${before.number} ${before.name}`, uses: nb.join(', '), usesEn: en.join(', ') });
}

type ProductFields = Omit<ProductValues, 'costOre' | 'binLocation' | 'ean' | 'supplierId' | 'reorderPointQty'> & {
  costOre?: number | null | undefined;
  binLocation?: string | null | undefined;
  ean?: string | null | undefined;
  supplierId?: number | null | undefined;
  reorderPointQty?: number | null | undefined;
};

/** The supplier must be one; a field left out keeps what the product had (null for a new one). */
function values(db: Db, input: ProductFields, before: Product | null): ProductValues {
  const supplierId = input.supplierId === undefined ? (before?.supplierId ?? null) : input.supplierId;
  if (supplierId !== null && supplierId !== before?.supplierId && !getSupplierRow(db, supplierId)) {
    throw new DomainError('unknown_supplier', 'supplierId', { id: supplierId });
  }
  return {
    number: input.number,
    name: input.name,
    unit: input.unit,
    priceOre: input.priceOre,
    costOre: input.costOre ?? null,
    vatCode: input.vatCode,
    stockManaged: input.stockManaged,
    binLocation: input.binLocation || null,
    ean: input.ean || null,
    active: input.active,
    supplierId,
    reorderPointQty: input.reorderPointQty === undefined ? (before?.reorderPointQty ?? null) : input.reorderPointQty,
  };
}

/** The product as its form gets it, with its custom fields. */
function productDetail(db: Db, id: number): ProductDetail | null {
  const p = getProduct(db, id);
  return p ? { ...p, customFields: customValuesOf(db, 'product', id) } : null;
}

export const productHandlers: HandlerMap<
  'products.list' | 'products.get' | 'products.create' | 'products.update' | 'products.lookup'
> = {
  'products.list': reader((input, { db }) => listProducts(db, input)),
  'products.get': reader((input, { db }) => {
    const p = productDetail(db, input.id);
    if (!p) throw new DomainError('not_found', 'id', { entity: 'produkt', id: input.id });
    return p;
  }),
  'products.create': writer((input, ctx) => {
    const { db, now, userId } = ctx;
    const v = values(db, { ...input, number: input.number ?? String(nextNumber(db, 'product')) }, null);
    assertUnique(db, v, null);
    const id = insertProduct(db, v, now.toISOString());
    logActivity(db, { at: now.toISOString(), userId, entity: 'product', entityId: id, action: 'create', after: v });
    saveCustomValues(ctx, 'product', id, input.customFields, { creating: true });
    return productDetail(db, id)!;
  }),
  'products.update': writer((input, ctx) => {
    const { db, now, userId } = ctx;
    const before = getProduct(db, input.id);
    if (!before) throw new DomainError('not_found', 'id', { entity: 'produkt', id: input.id });
    const v = values(db, input, before);
    assertUnique(db, v, input.id);
    assertStockManagedFree(db, before, v.stockManaged);
    updateProduct(db, input.id, v, now.toISOString());
    logActivity(db, { at: now.toISOString(), userId, entity: 'product', entityId: input.id, action: 'update', before, after: v });
    saveCustomValues(ctx, 'product', input.id, input.customFields, { creating: false });
    return productDetail(db, input.id)!;
  }),
  // Availability by a second query on the ids found, so the lookup's own search stays as it is.
  'products.lookup': reader((input, { db }) => {
    const found = lookupProducts(db, input.query, input.limit);
    const available = availableOf(db, found.map((p) => p.id));
    return found.map((p) => ({ ...p, available: available.get(p.id) ?? null }));
  }),
};
