// SPEC 3: issues draw oldest batch first; shortfalls (Direct, Cash) become a
// negative batch; receipts settle negative batches before making a new one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planIssue, planReceipt, stockValueOre, type Batch } from '../../src-main/engine/domain/stock';

const b = (id: number, receivedAt: string, qtyRemaining: number, costOre: number): Batch => ({ id, receivedAt, qtyRemaining, costOre });

describe('stock batches', () => {
  it('draws from the oldest batch first', () => {
    const plan = planIssue([b(2, '2025-02-01', 5000, 200), b(1, '2025-01-01', 3000, 100)], 4000, { allowNegative: false, fallbackCostOre: 0 });
    expect(plan).toEqual({ ok: true, draws: [{ batchId: 1, qty: 3000, costOre: 100 }, { batchId: 2, qty: 1000, costOre: 200 }] });
  });

  it('refuses to go below zero unless the order type allows it, saying what is there', () => {
    expect(planIssue([b(1, '2025-01-01', 3000, 100)], 4000, { allowNegative: false, fallbackCostOre: 0 })).toEqual({ ok: false, available: 3000 });
  });

  it('a shortfall for Direct and Cash orders becomes a negative batch at the newest cost', () => {
    const plan = planIssue([b(1, '2025-01-01', 1000, 100), b(2, '2025-03-01', 0, 150)], 4000, { allowNegative: true, fallbackCostOre: 90 });
    expect(plan).toEqual({ ok: true, draws: [{ batchId: 1, qty: 1000, costOre: 100 }, { batchId: null, qty: 3000, costOre: 150 }] });
    expect(planIssue([], 1000, { allowNegative: true, fallbackCostOre: 90 })).toEqual({ ok: true, draws: [{ batchId: null, qty: 1000, costOre: 90 }] });
  });

  it('a receipt settles negative batches first', () => {
    expect(planReceipt([b(1, '2025-01-01', -3000, 100), b(2, '2025-01-02', -1000, 100)], 10000)).toEqual({
      settle: [{ batchId: 1, qty: 3000 }, { batchId: 2, qty: 1000 }],
      newBatchQty: 6000,
    });
    expect(planReceipt([b(1, '2025-01-01', -3000, 100)], 2000)).toEqual({ settle: [{ batchId: 1, qty: 2000 }], newBatchQty: 0 });
  });

  it('value = quantity × cost over the batches', () => {
    expect(stockValueOre([b(1, 'a', 2500, 1000), b(2, 'b', -1000, 1000)])).toBe(1500);
  });

  it('property: issues and receipts keep the batches summing to on-hand, and nothing is drawn twice', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('receipt' as const), qty: fc.integer({ min: 1, max: 50_000 }), cost: fc.integer({ min: 0, max: 100_000 }) }),
      fc.record({ kind: fc.constant('issue' as const), qty: fc.integer({ min: 1, max: 50_000 }), negative: fc.boolean() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        let batches: Batch[] = [];
        let onHand = 0;
        let nextId = 1;
        ops.forEach((o, i) => {
          const at = `2025-01-01T00:00:${String(i).padStart(2, '0')}`;
          if (o.kind === 'receipt') {
            const plan = planReceipt(batches, o.qty);
            for (const s of plan.settle) batches = batches.map((x) => (x.id === s.batchId ? { ...x, qtyRemaining: x.qtyRemaining + s.qty } : x));
            if (plan.newBatchQty > 0) batches.push(b(nextId++, at, plan.newBatchQty, o.cost));
            expect(plan.settle.reduce((s, x) => s + x.qty, 0) + plan.newBatchQty).toBe(o.qty);
            onHand += o.qty;
          } else {
            const plan = planIssue(batches, o.qty, { allowNegative: o.negative, fallbackCostOre: 0 });
            if (!plan.ok) {
              expect(plan.available).toBeLessThan(o.qty);
              return;
            }
            expect(plan.draws.reduce((s, d) => s + d.qty, 0)).toBe(o.qty);
            for (const d of plan.draws) {
              if (d.batchId === null) batches.push(b(nextId++, at, -d.qty, d.costOre));
              else batches = batches.map((x) => (x.id === d.batchId ? { ...x, qtyRemaining: x.qtyRemaining - d.qty } : x));
            }
            onHand -= o.qty;
          }
          expect(batches.reduce((s, x) => s + x.qtyRemaining, 0)).toBe(onHand);
          // Positive and negative batches never live side by side: a receipt settles first, an issue drains first.
          expect(batches.some((x) => x.qtyRemaining > 0) && batches.some((x) => x.qtyRemaining < 0)).toBe(false);
        });
      }),
    );
  });
});
