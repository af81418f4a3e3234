import type { Product, ProductListInput, ProductListRow } from '../../../shared/channels/products';
import type { VatCode } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { stmt, type Db } from '../db/connection';
import { foldText } from '../domain/fold';
import { likeContains } from './sql';

interface ProductRow {
  id: number;
  number: string;
  name: string;
  unit: string;
  price_ore: number;
  cost_ore: number | null;
  vat_code: VatCode;
  stock_managed: number;
  bin_location: string | null;
  ean: string | null;
  active: number;
  supplier_id: number | null;
  reorder_point_qty: number | null;
  updated_at: string;
  qty_on_hand: number;
  qty_reserved: number;
  qty_on_loan: number;
}

const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  number: r.number,
  name: r.name,
  unit: r.unit,
  priceOre: r.price_ore,
  costOre: r.cost_ore,
  vatCode: r.vat_code,
  stockManaged: r.stock_managed === 1,
  binLocation: r.bin_location,
  ean: r.ean,
  active: r.active === 1,
  supplierId: r.supplier_id,
  reorderPointQty: r.reorder_point_qty,
  updatedAt: r.updated_at,
});

export type ProductValues = Omit<Product, 'id' | 'updatedAt'>;

export function getProduct(db: Db, id: number): Product | null {
  const r = stmt(db, 'SELECT * FROM product WHERE id = ?').get(id) as ProductRow | undefined;
  return r ? toProduct(r) : null;
}

export function getProducts(db: Db, ids: readonly number[]): Map<number, Product> {
  const out = new Map<number, Product>();
  const unique = [...new Set(ids)];
  // json_each keeps one prepared statement for any number of ids.
  const rows = stmt(db, 'SELECT * FROM product WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(unique),
  ) as ProductRow[];
  for (const r of rows) out.set(r.id, toProduct(r));
  return out;
}

export function findProductIdBy(db: Db, column: 'number' | 'ean', value: string): number | null {
  const sql = column === 'number' ? 'SELECT id FROM product WHERE number = ?' : 'SELECT id FROM product WHERE ean = ?';
  const r = stmt(db, sql).get(value) as { id: number } | undefined;
  return r?.id ?? null;
}

function params(p: ProductValues) {
  return {
    number: p.number,
    name: p.name,
    numberFold: foldText(p.number),
    nameFold: foldText(p.name),
    unit: p.unit,
    price: p.priceOre,
    cost: p.costOre,
    vat: p.vatCode,
    stock: p.stockManaged ? 1 : 0,
    bin: p.binLocation,
    ean: p.ean,
    active: p.active ? 1 : 0,
    supplier: p.supplierId,
    reorder: p.reorderPointQty,
  };
}

export function insertProduct(db: Db, p: ProductValues, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO product (number, name, number_fold, name_fold, unit, price_ore, cost_ore, vat_code, stock_managed, bin_location, ean, active,
         supplier_id, reorder_point_qty, created_at, updated_at)
       VALUES (@number, @name, @numberFold, @nameFold, @unit, @price, @cost, @vat, @stock, @bin, @ean, @active, @supplier, @reorder, @now, @now)`,
    ).run({ ...params(p), now }).lastInsertRowid,
  );
}

export function updateProduct(db: Db, id: number, p: ProductValues, now: string): void {
  stmt(
    db,
    `UPDATE product SET number = @number, name = @name, number_fold = @numberFold, name_fold = @nameFold, unit = @unit, price_ore = @price, cost_ore = @cost,
       vat_code = @vat, stock_managed = @stock, bin_location = @bin, ean = @ean, active = @active,
       supplier_id = @supplier, reorder_point_qty = @reorder, updated_at = @now
     WHERE id = @id`,
  ).run({ ...params(p), now, id });
}


/** The product list's sort and filter columns: the allowlist every name is checked against before SQL is built. */
const STOCK_COLUMNS: Readonly<Record<string, string>> = {
  number: 'number',
  qtyOnHand: 'qty_on_hand',
  qtyReserved: 'qty_reserved',
  qtyAvailable: '(qty_on_hand - qty_reserved - qty_on_loan)',
};

function stockColumn(colId: string, field: string): string {
  const c = Object.prototype.hasOwnProperty.call(STOCK_COLUMNS, colId) ? STOCK_COLUMNS[colId] : undefined;
  if (!c) throw new DomainError(field === 'sort.colId' ? 'invalid_sort_column' : 'invalid_filter', field, { column: colId.slice(0, 64) });
  return c;
}

const toListRow = (r: ProductRow): ProductListRow => ({
  ...toProduct(r),
  qtyOnHand: r.qty_on_hand,
  qtyReserved: r.qty_reserved,
  qtyAvailable: r.qty_on_hand - r.qty_reserved - r.qty_on_loan,
});

export function listProducts(db: Db, q: ProductListInput): { rows: ProductListRow[]; total: number } {
  const search = q.search?.trim() ?? '';
  // Numbers and names through their folded copies (domain/fold.ts): "målebånd" finds "MÅLEBÅND".
  const parts = [`(@all = 1 OR active = 1) AND (@search = '' OR number_fold LIKE @like ESCAPE '\\' OR name_fold LIKE @like ESCAPE '\\' OR ean = @search)`];
  const p: Record<string, unknown> = { all: q.includeInactive ? 1 : 0, search, like: likeContains(foldText(search)) };
  // Stock figures filter only products that keep stock.
  Object.entries(q.filters ?? {}).forEach(([colId, f], i) => {
    if (!f) return;
    const col = stockColumn(colId, `filters.${colId}`);
    const op = { equals: '=', lessThan: '<', greaterThan: '>', inRange: 'BETWEEN' }[f.type];
    parts.push(`stock_managed = 1 AND ${col} ${op} @f${i}${f.type === 'inRange' ? ` AND @t${i}` : ''}`);
    p[`f${i}`] = f.filter;
    if (f.type === 'inRange') p[`t${i}`] = f.filterTo ?? f.filter;
  });
  const where = parts.join(' AND ');
  const sort = q.sort ? `${stockColumn(q.sort.colId, 'sort.colId')} ${q.sort.dir === 'desc' ? 'DESC' : 'ASC'}, number` : 'number';
  const rows = stmt(db, `SELECT * FROM product WHERE ${where} ORDER BY ${sort} LIMIT @limit OFFSET @offset`).all({
    ...p,
    limit: q.limit,
    offset: q.offset,
  }) as ProductRow[];
  const total = (stmt(db, `SELECT count(*) AS n FROM product WHERE ${where}`).get(p) as { n: number }).n;
  return { rows: rows.map(toListRow), total };
}

/**
 * What the line grid's product cell finds as the clerk types: an exact number
 * or EAN first, then numbers starting with the text, then names containing every word.
 * Numbers and names are compared folded (domain/fold.ts).
 */
export function lookupProducts(db: Db, query: string, limit: number): Product[] {
  const q = query.trim();
  if (!q) return [];
  const folded = foldText(q);
  const words = folded.split(/\s+/).slice(0, 5);
  const nameClause = words.map((_, i) => `name_fold LIKE @w${i} ESCAPE '\\'`).join(' AND ');
  const wordParams = Object.fromEntries(words.map((w, i) => [`w${i}`, likeContains(w)]));
  // A number prefix as a range on the folded number's index.
  const rows = stmt(
    db,
    `SELECT *, CASE WHEN number_fold = @folded OR ean = @q THEN 0
                    WHEN number_fold >= @folded AND number_fold < @upper THEN 1 ELSE 2 END AS rank
     FROM product
     WHERE active = 1 AND (number_fold = @folded OR ean = @q OR (number_fold >= @folded AND number_fold < @upper) OR (${nameClause}))
     ORDER BY rank, number LIMIT @limit`,
  ).all({ q, folded, upper: `${folded}\u{10FFFF}`, limit, ...wordParams }) as ProductRow[];
  return rows.map(toProduct);
}

/**
 * What ties a product to its stock management (SPEC 3): movements in the ledger,
 * order lines that hold, issued, received or invoiced it, order lines on orders
 * being processed (which hold stock by it), and subscriptions that issue it.
 */
export function productUses(db: Db, productId: number, processingKinds: readonly string[]): { movements: number; lines: number } {
  const r = stmt(
    db,
    `SELECT
       (SELECT count(*) FROM stock_movement WHERE product_id = @p) AS movements,
       (SELECT count(*) FROM order_line l JOIN order_header o ON o.id = l.order_id JOIN status s ON s.id = o.status_id
        WHERE l.product_id = @p AND (l.qty_reserved + l.qty_on_loan + l.qty_delivered + l.qty_received + l.qty_invoiced > 0
          OR (o.transaction_type = 'sales' AND s.kind IN (SELECT value FROM json_each(@kinds)))
          OR EXISTS (SELECT 1 FROM subscription_run r WHERE r.order_id = o.id))) AS lines`,
  ).get({ p: productId, kinds: JSON.stringify(processingKinds) }) as { movements: number; lines: number };
  return r;
}
