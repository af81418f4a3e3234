// Moving goods in and out of stock (SPEC 3): every change of on-hand is a
// movement tied to its cause, batches are drawn oldest first, and the product's
// kept figures change in the same transaction.
import type { StockInfo } from '../../../shared/channels/stock';
import { DomainError } from '../../../shared/errors';
import { formatQuantity } from '../../../shared/format';
import type { HandlerContext } from '../context';
import { planIssue, planReceipt, stockValueOre } from '../domain/stock';
import { getProduct } from '../repos/products';
import {
  batchDetails,
  batchesOf,
  changeBatch,
  changeStockFigures,
  insertBatch,
  insertMovement,
  lastCostOre,
  recentMovements,
  stockFigures,
  type MovementValues,
} from '../repos/stock';

export interface OrderLink {
  readonly orderLineId: number;
  readonly orderType: number;
  readonly orderNumber: number;
}

type Cause = MovementValues['cause'];

function movement(
  ctx: HandlerContext,
  productId: number,
  quantity: number,
  cause: Cause,
  rest: { link?: OrderLink | null; batchId: number | null; costOre: number | null; note?: string | null },
): MovementValues {
  return {
    productId,
    quantity,
    cause,
    orderLineId: rest.link?.orderLineId ?? null,
    orderType: rest.link?.orderType ?? null,
    orderNumber: rest.link?.orderNumber ?? null,
    batchId: rest.batchId,
    costOre: rest.costOre,
    note: rest.note ?? null,
    createdAt: ctx.now.toISOString(),
    userId: ctx.userId,
  };
}

/** Goods into stock: settles negative batches first, the rest becomes a batch at `costOre`. */
export function receiveGoods(
  ctx: HandlerContext,
  productId: number,
  qty: number,
  costOre: number,
  cause: Cause,
  opts: { link?: OrderLink | null; note?: string | null; source: string },
): void {
  const { db } = ctx;
  const plan = planReceipt(batchesOf(db, productId), qty);
  for (const s of plan.settle) {
    changeBatch(db, s.batchId, s.qty);
    insertMovement(db, movement(ctx, productId, s.qty, cause, { ...opts, batchId: s.batchId, costOre }));
  }
  if (plan.newBatchQty > 0) {
    const batchId = insertBatch(db, { productId, receivedAt: ctx.now.toISOString(), qty: plan.newBatchQty, costOre, source: opts.source });
    insertMovement(db, movement(ctx, productId, plan.newBatchQty, cause, { ...opts, batchId, costOre }));
  }
  changeStockFigures(db, productId, { onHand: qty });
}

/**
 * Goods out of stock, oldest batch first. Without `allowNegative` a shortfall is
 * refused, naming what is there; with it (Direct, Cash) a negative batch is made.
 */
export function issueGoods(
  ctx: HandlerContext,
  productId: number,
  qty: number,
  opts: { allowNegative: boolean; link?: OrderLink | null; note?: string | null; cause?: Cause; field?: string | null },
): void {
  const { db } = ctx;
  const product = getProduct(db, productId);
  if (!product) throw new DomainError('unknown_product', opts.field ?? null, { id: productId });
  const fallback = lastCostOre(db, productId) ?? product.costOre ?? 0;
  const plan = planIssue(batchesOf(db, productId), qty, { allowNegative: opts.allowNegative, fallbackCostOre: fallback });
  if (!plan.ok) {
    throw new DomainError('insufficient_stock', opts.field ?? null, {
      product: `${product.number} ${product.name}`,
      available: formatQuantity(plan.available),
      wanted: formatQuantity(qty),
      unit: product.unit,
    });
  }
  const cause = opts.cause ?? 'issue';
  for (const d of plan.draws) {
    let batchId = d.batchId;
    if (batchId === null) {
      batchId = insertBatch(db, { productId, receivedAt: ctx.now.toISOString(), qty: 0, costOre: d.costOre, source: 'negative' });
    }
    changeBatch(db, batchId, -d.qty);
    insertMovement(db, movement(ctx, productId, -d.qty, cause, { link: opts.link ?? null, note: opts.note ?? null, batchId, costOre: d.costOre }));
  }
  changeStockFigures(db, productId, { onHand: -qty });
}

export function stockInfo(ctx: HandlerContext, productId: number): StockInfo {
  const { db } = ctx;
  const product = getProduct(db, productId);
  if (!product) throw new DomainError('not_found', 'productId', { entity: 'produkt', id: productId });
  const f = stockFigures(db, productId);
  const batches = batchDetails(db, productId);
  return {
    productId,
    stockManaged: product.stockManaged,
    onHand: f.onHand,
    reserved: f.reserved,
    onLoan: f.onLoan,
    available: f.onHand - f.reserved - f.onLoan,
    valueOre: stockValueOre(batches),
    batches,
    movements: recentMovements(db, productId, 50),
  };
}
