// A company ready for purchasing: the sales world (company, customers, drill with
// 100 on hand, bread with 10, a service) plus two suppliers, a stock-managed
// product with an EAN and a reorder point, and the company's purchase options.
import type { PurchaseOrder, PurchaseOptions } from '../../shared/channels/purchasing';
import { makeEngine } from './engine';
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

/**
 * Switches the company's purchase options (company.save), keeping every other
 * company field as it is, as the administrator does in the middle of an order's life.
 */
export async function setPurchaseOptions(t: SalesWorld['t'], options: Partial<PurchaseOptions>): Promise<PurchaseOptions> {
  const { companyInput } = await import('../../shared/channels/company');
  const company = await t.ok('company.get', {});
  if (!company) throw new Error('no company');
  const keys = new Set(Object.keys(companyInput.shape));
  const input = Object.fromEntries(Object.entries(company).filter(([k]) => keys.has(k)));
  const saved = await t.ok('company.save', {
    ...input,
    ...(options.reply === undefined ? {} : { purchaseReply: options.reply }),
    ...(options.dispatch === undefined ? {} : { purchaseDispatch: options.dispatch }),
    ...(options.reception === undefined ? {} : { purchaseReception: options.reception }),
  });
  return { reply: saved.purchaseReply, dispatch: saved.purchaseDispatch, reception: saved.purchaseReception };
}

/** What a copy of the template world knows: its engine and the ids of its company's parties, products and statuses. */
export type PurchaseWorldCopy = Pick<PurchaseWorld, 't' | 'supplier' | 'otherSupplier' | 'screw' | 'drill' | 'bread' | 'service' | 'customer' | 'privateCustomer' | 'status'>;

/**
 * A purchase world made once, and a fresh copy of its file for each use: the
 * same data and ids, without migrating and seeding the company again (property
 * tests make hundreds of worlds).
 */
export async function purchaseWorldTemplate(options: Partial<PurchaseOptions> = {}): Promise<{ copy(): Promise<PurchaseWorldCopy>; dispose(): void }> {
  const { rmSync } = await import('node:fs');
  const w = await purchaseWorld(options);
  // Closing checkpoints the WAL into the file, so the file alone is the whole database.
  w.t.engine.close();
  return {
    async copy() {
      const t = await makeEngine({ copyOf: w.t.file });
      const { supplier, otherSupplier, screw, drill, bread, service, customer, privateCustomer, status } = w;
      return { t, supplier, otherSupplier, screw, drill, bread, service, customer, privateCustomer, status };
    },
    dispose() {
      rmSync(w.t.dir, { recursive: true, force: true });
    },
  };
}
