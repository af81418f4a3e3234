import type { StockBatch, StockMovement } from '../../../shared/channels/stock';
import { stmt, type Db } from '../db/connection';
import type { Batch } from '../domain/stock';

export function batchesOf(db: Db, productId: number): Batch[] {
  return stmt(
    db,
    `SELECT id, received_at AS receivedAt, qty_remaining AS qtyRemaining, cost_ore AS costOre
     FROM stock_batch WHERE product_id = ? AND qty_remaining <> 0 ORDER BY received_at, id`,
  ).all(productId) as Batch[];
}

/** A batch's source is stored as its kind and, for some, a number ("purchase 50002"): the channel gives them apart. */
export function batchDetails(db: Db, productId: number): StockBatch[] {
  const rows = stmt(
    db,
    `SELECT id, received_at AS receivedAt, qty_initial AS qtyInitial, qty_remaining AS qtyRemaining, cost_ore AS costOre, source
     FROM stock_batch WHERE product_id = ? AND qty_remaining <> 0 ORDER BY received_at, id`,
  ).all(productId) as (Omit<StockBatch, 'sourceNumber'> & { source: string })[];
  return rows.map((r) => {
    const m = /^(\S+) (\d+)$/.exec(r.source);
    return { ...r, source: m ? m[1]! : r.source, sourceNumber: m ? Number(m[2]) : null };
  });
}

/** The newest batch's cost, the fallback for a negative batch. */
export function lastCostOre(db: Db, productId: number): number | null {
  return (
    (stmt(db, 'SELECT cost_ore AS c FROM stock_batch WHERE product_id = ? ORDER BY received_at DESC, id DESC LIMIT 1').get(
      productId,
    ) as { c: number } | undefined)?.c ?? null
  );
}

export function insertBatch(
  db: Db,
  b: { productId: number; receivedAt: string; qty: number; costOre: number; source: string },
): number {
  return Number(
    stmt(
      db,
      'INSERT INTO stock_batch (product_id, received_at, qty_initial, qty_remaining, cost_ore, source) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(b.productId, b.receivedAt, b.qty, b.qty, b.costOre, b.source).lastInsertRowid,
  );
}

export function changeBatch(db: Db, batchId: number, delta: number): void {
  stmt(db, 'UPDATE stock_batch SET qty_remaining = qty_remaining + ? WHERE id = ?').run(delta, batchId);
}

export interface MovementValues {
  readonly productId: number;
  readonly quantity: number;
  readonly cause: StockMovement['cause'];
  readonly orderLineId: number | null;
  readonly orderType: number | null;
  readonly orderNumber: number | null;
  readonly batchId: number | null;
  readonly costOre: number | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly userId: number | null;
}

export function insertMovement(db: Db, m: MovementValues): void {
  stmt(
    db,
    `INSERT INTO stock_movement (product_id, quantity, cause, order_line_id, order_type, order_number, batch_id, cost_ore,
       note, created_at, user_id)
     VALUES (@productId, @quantity, @cause, @orderLineId, @orderType, @orderNumber, @batchId, @costOre, @note, @createdAt, @userId)`,
  ).run(m);
}

export function recentMovements(db: Db, productId: number, limit: number): StockMovement[] {
  return stmt(
    db,
    `SELECT id, quantity, cause, order_number AS orderNumber, order_type AS orderType, cost_ore AS costOre, note,
       created_at AS createdAt
     FROM stock_movement WHERE product_id = ? ORDER BY id DESC LIMIT ?`,
  ).all(productId, limit) as StockMovement[];
}

/** Available (on hand − reserved − on loan) of these products, by id; stock-managed products only. */
export function availableOf(db: Db, productIds: readonly number[]): Map<number, number> {
  if (productIds.length === 0) return new Map();
  const rows = stmt(
    db,
    `SELECT id, qty_on_hand - qty_reserved - qty_on_loan AS available FROM product
     WHERE stock_managed = 1 AND id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(productIds)) as { id: number; available: number }[];
  return new Map(rows.map((r) => [r.id, r.available]));
}

/** The kept figures: on hand, reserved, on loan. */
export function stockFigures(db: Db, productId: number): { onHand: number; reserved: number; onLoan: number } {
  return stmt(
    db,
    'SELECT qty_on_hand AS onHand, qty_reserved AS reserved, qty_on_loan AS onLoan FROM product WHERE id = ?',
  ).get(productId) as { onHand: number; reserved: number; onLoan: number };
}

export function changeStockFigures(
  db: Db,
  productId: number,
  delta: { onHand?: number; reserved?: number; onLoan?: number },
): void {
  stmt(
    db,
    'UPDATE product SET qty_on_hand = qty_on_hand + ?, qty_reserved = qty_reserved + ?, qty_on_loan = qty_on_loan + ? WHERE id = ?',
  ).run(delta.onHand ?? 0, delta.reserved ?? 0, delta.onLoan ?? 0, productId);
}

/** What the kept figures must equal: the sums over the ledger and the order lines (checked by tests). */
export function stockSums(db: Db, productId: number): { onHand: number; reserved: number; onLoan: number; batches: number } {
  return stmt(
    db,
    `SELECT
       (SELECT coalesce(sum(quantity), 0) FROM stock_movement WHERE product_id = @p) AS onHand,
       (SELECT coalesce(sum(qty_reserved), 0) FROM order_line WHERE product_id = @p) AS reserved,
       (SELECT coalesce(sum(qty_on_loan), 0) FROM order_line WHERE product_id = @p) AS onLoan,
       (SELECT coalesce(sum(qty_remaining), 0) FROM stock_batch WHERE product_id = @p) AS batches`,
  ).get({ p: productId }) as { onHand: number; reserved: number; onLoan: number; batches: number };
}

/** The average cost at which a line's goods left stock (for returning them at that cost). */
export function issueCostOfLine(db: Db, orderLineId: number): number | null {
  const r = stmt(
    db,
    `SELECT sum(-quantity * cost_ore) AS v, sum(-quantity) AS q FROM stock_movement
     WHERE order_line_id = ? AND cause = 'issue' AND cost_ore IS NOT NULL`,
  ).get(orderLineId) as { v: number | null; q: number | null };
  return r.q ? Math.round((r.v ?? 0) / r.q) : null;
}

/** Per order line: what left stock for it, net of goods that came back by moving the order back. */
export function netIssuedByLine(db: Db): Map<number, number> {
  const rows = stmt(
    db,
    `SELECT order_line_id AS lineId, -sum(quantity) AS net FROM stock_movement
     WHERE order_line_id IS NOT NULL AND cause IN ('issue', 'return') GROUP BY order_line_id`,
  ).all() as { lineId: number; net: number }[];
  return new Map(rows.map((r) => [r.lineId, r.net]));
}

/** Every product's kept figures next to the sums they must equal. */
export function allStockChecks(db: Db) {
  return stmt(
    db,
    `SELECT p.id AS productId, p.qty_on_hand AS onHand, p.qty_reserved AS reserved, p.qty_on_loan AS onLoan,
       (SELECT coalesce(sum(quantity), 0) FROM stock_movement m WHERE m.product_id = p.id) AS movementSum,
       (SELECT coalesce(sum(qty_remaining), 0) FROM stock_batch b WHERE b.product_id = p.id) AS batchSum,
       (SELECT coalesce(sum(qty_reserved), 0) FROM order_line l WHERE l.product_id = p.id) AS reservedSum,
       (SELECT coalesce(sum(qty_on_loan), 0) FROM order_line l WHERE l.product_id = p.id) AS onLoanSum
     FROM product p`,
  ).all() as {
    productId: number;
    onHand: number;
    reserved: number;
    onLoan: number;
    movementSum: number;
    batchSum: number;
    reservedSum: number;
    onLoanSum: number;
  }[];
}
