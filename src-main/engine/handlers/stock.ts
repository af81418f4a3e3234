import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { logActivity } from '../repos/activity';
import { getProduct } from '../repos/products';
import { availableOf, lastCostOre } from '../repos/stock';
import { issueGoods, receiveGoods, stockInfo } from '../services/stock';
import { reader, writer, type HandlerMap } from './types';

function stockManagedProduct(ctx: HandlerContext, productId: number) {
  const p = getProduct(ctx.db, productId);
  if (!p) throw new DomainError('not_found', 'productId', { entity: 'produkt', id: productId });
  if (!p.stockManaged) throw new DomainError('not_stock_managed', 'productId', { product: `${p.number} ${p.name}` });
  return p;
}

export const stockHandlers: HandlerMap<'stock.get' | 'stock.available' | 'stock.receive' | 'stock.adjust'> = {
  'stock.get': reader((input, ctx) => stockInfo(ctx, input.productId)),
  'stock.available': reader((input, { db }) => {
    const available = availableOf(db, input.productIds);
    return [...new Set(input.productIds)].map((productId) => ({ productId, available: available.get(productId) ?? null }));
  }),
  'stock.receive': writer((input, ctx) => {
    stockManagedProduct(ctx, input.productId);
    receiveGoods(ctx, input.productId, input.quantity, input.costOre, 'receipt', { note: input.note ?? null, source: 'manual' });
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'stock', entityId: input.productId, action: 'receive', after: input });
    return stockInfo(ctx, input.productId);
  }),
  'stock.adjust': writer((input, ctx) => {
    const p = stockManagedProduct(ctx, input.productId);
    if (input.quantity > 0) {
      const cost = lastCostOre(ctx.db, p.id) ?? p.costOre ?? 0;
      receiveGoods(ctx, p.id, input.quantity, cost, 'adjustment', { note: input.note, source: 'adjustment' });
    } else {
      issueGoods(ctx, p.id, -input.quantity, { allowNegative: false, cause: 'adjustment', note: input.note, field: 'quantity' });
    }
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'stock', entityId: p.id, action: 'adjust', after: input });
    return stockInfo(ctx, p.id);
  }),
};
