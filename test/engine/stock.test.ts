// SPEC 3 through the channels: manual receipts and adjustments keep
// on-hand = sum of movements = sum of batches, with value = Σ batch × cost.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPANY, makeEngine, stockLedger, type TestEngine } from '../helpers/engine';

let t: TestEngine;
let productId: number;
let serviceId: number;
beforeEach(async () => {
  t = await makeEngine();
  await t.ok('company.save', COMPANY);
  productId = (await t.ok('products.create', { number: 'SEM-25', name: 'Sement 25 kg', unit: 'sekk', priceOre: 12900, costOre: 8000, vatCode: '25', stockManaged: true })).id;
  serviceId = (await t.ok('products.create', { number: 'MONT', name: 'Montering', unit: 'time', priceOre: 95000, vatCode: '25', stockManaged: false })).id;
});
afterEach(() => t.close());

describe('stock figures', () => {
  it('a receipt makes a batch at its cost; value is quantity × cost', async () => {
    await t.ok('stock.receive', { productId, quantity: 10000, costOre: 8000 });
    const s = await t.ok('stock.receive', { productId, quantity: 5000, costOre: 9000 });
    expect(s).toMatchObject({ onHand: 15000, reserved: 0, onLoan: 0, available: 15000, valueOre: 125000 });
    expect(s.batches.map((b) => [b.qtyRemaining, b.costOre])).toEqual([[10000, 8000], [5000, 9000]]);
    expect(s.movements.map((m) => [m.cause, m.quantity])).toEqual([['receipt', 5000], ['receipt', 10000]]);
  });

  it('a downward adjustment draws the oldest batch first and cannot go below zero', async () => {
    await t.ok('stock.receive', { productId, quantity: 3000, costOre: 8000 });
    await t.ok('stock.receive', { productId, quantity: 3000, costOre: 9000 });
    const s = await t.ok('stock.adjust', { productId, quantity: -4000, note: 'Varetelling: knuste sekker' });
    expect(s.batches.map((b) => [b.qtyRemaining, b.costOre])).toEqual([[2000, 9000]]);
    const e = await t.refused('stock.adjust', { productId, quantity: -3000, note: 'Svinn' });
    expect(e.code).toBe('insufficient_stock');
    expect(e.message.nb).toContain('bare 2 sekk');
  });

  it('a product that is not stock-managed has no stock to change', async () => {
    expect((await t.refused('stock.receive', { productId: serviceId, quantity: 1000, costOre: 0 })).code).toBe('not_stock_managed');
  });

  it('property: any sequence of receipts and adjustments keeps on-hand = Σ movements = Σ batches, and refusals change nothing', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('receive' as const), qty: fc.integer({ min: 1, max: 20_000 }), cost: fc.integer({ min: 0, max: 50_000 }) }),
      fc.record({ kind: fc.constant('adjust' as const), qty: fc.integer({ min: -20_000, max: 20_000 }).filter((q) => q !== 0) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const local = await makeEngine();
        try {
          await local.ok('company.save', COMPANY);
          const p = (await local.ok('products.create', { number: 'P', name: 'P', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: true })).id;
          let expected = 0;
          for (const o of ops) {
            const before = local.engine.fingerprint();
            const r =
              o.kind === 'receive'
                ? await local.engine.call('stock.receive', { productId: p, quantity: o.qty, costOre: o.cost })
                : await local.engine.call('stock.adjust', { productId: p, quantity: o.qty, note: 'Telling' });
            if (r.ok) expected += o.qty;
            else {
              expect(r.error.code).toBe('insufficient_stock');
              expect(expected + o.qty).toBeLessThan(0);
              expect(local.engine.fingerprint()).toEqual(before);
            }
            const s = await local.ok('stock.get', { productId: p });
            expect(s.onHand).toBe(expected);
            expect(s.batches.reduce((sum, b) => sum + b.qtyRemaining, 0)).toBe(expected);
            expect(s.onHand).toBeGreaterThanOrEqual(0);
          }
          const { kept, sums } = await stockLedger(local.file, p);
          expect(sums.onHand).toBe(expected);
          expect(sums.batches).toBe(expected);
          expect(kept.onHand).toBe(sums.onHand);
        } finally {
          local.close();
        }
      }),
      { numRuns: 25 },
    );
  });
});
