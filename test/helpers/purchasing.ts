// A company ready for purchasing: the sales world (company, customers, drill with
// 100 on hand, bread with 10, a service) plus two suppliers, a stock-managed
// product with an EAN and a reorder point, and the company's purchase options.
import type { PurchaseOrder, PurchaseOptions } from '../../shared/channels/purchasing';
import { salesWorld, type SalesWorld } from './sales';

export interface PurchaseWorld extends SalesWorld {
  readonly supplier: number;
  readonly otherSupplier: number;
  /** Stock-managed, none on hand, EAN 7038010009457, reorder point 20, bought from `supplier` at 30,00. */
  readonly screw: number;
  /** Creates a Normal purchase order from `supplier` with [productId, quantity, unitPriceOre?] lines. */
  po(lines: readonly (readonly [number, number, number?])[], extra?: Record<string, unknown>): Promise<PurchaseOrder>;
}

export const ALL_OPTION_COMBINATIONS: readonly PurchaseOptions[] = [false, true].flatMap((reply) =>
  [false, true].flatMap((dispatch) => [false, true].map((reception) => ({ reply, dispatch, reception }))),
);

export async function purchaseWorld(options: Partial<PurchaseOptions> = {}): Promise<PurchaseWorld> {
  const w = await salesWorld({
    company: {
      purchaseReply: options.reply ?? true,
      purchaseDispatch: options.dispatch ?? false,
      purchaseReception: options.reception ?? true,
    },
  });
  const supplier = (await w.t.ok('suppliers.create', { kind: 'business', name: 'Verktøygrossisten AS', orgNumber: '923609016', paymentTermsDays: 30 })).id;
  const otherSupplier = (await w.t.ok('suppliers.create', { kind: 'business', name: 'Bakeriet Engros AS', orgNumber: '974760673' })).id;
  const screw = (
    await w.t.ok('products.create', {
      number: 'SKRUE',
      name: 'Treskrue 5x50 (200 stk)',
      unit: 'pk',
      priceOre: 9900,
      costOre: 3000,
      vatCode: '25',
      stockManaged: true,
      ean: '7038010009457',
      supplierId: supplier,
      reorderPointQty: 20_000,
    })
  ).id;
  return {
    ...w,
    supplier,
    otherSupplier,
    screw,
    po: (lines, extra = {}) =>
      w.t.ok('purchase.create', {
        header: { supplierId: supplier, orderType: 1, ...extra },
        lines: lines.map(([productId, quantity, unitPriceOre]) => ({ productId, quantity, ...(unitPriceOre === undefined ? {} : { unitPriceOre }) })),
      }),
  };
}
