// SPEC 2 and 9: line amount = quantity × unit price − discount %, VAT per rate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VAT_CODE_IDS } from '../../shared/enums';
import { computeTotals, divRound, lineAmountOre } from '../../src-main/engine/domain/pricing';
import { norwegianSortKey } from '../../src-main/engine/domain/sortKey';

describe('pricing', () => {
  it('rounds half away from zero to the øre', () => {
    expect(divRound(5n, 2n)).toBe(3);
    expect(divRound(-5n, 2n)).toBe(-3);
    expect(divRound(4n, 3n)).toBe(1);
  });
  it('line amounts', () => {
    expect(lineAmountOre({ quantity: 3000, unitPriceOre: 14990, discountBp: 0 })).toBe(44970);
    expect(lineAmountOre({ quantity: 2500, unitPriceOre: 12900, discountBp: 1000 })).toBe(29025);
    expect(lineAmountOre({ quantity: 333, unitPriceOre: 100, discountBp: 0 })).toBe(33);
  });
  it('VAT is computed per rate on the sum, not per line', () => {
    // Three lines of 0,02 kr at 25 %: per line 0,005 would round to 0,01 each (0,03); on the sum 0,06 × 25 % = 0,015 → 0,02.
    const t = computeTotals(
      [1, 2, 3].map(() => ({ quantity: 1000, unitPriceOre: 2, discountBp: 0, vatCode: '25' as const })),
      { vatRegistered: true },
    );
    expect(t.byRate).toEqual([{ vatCode: '25', rateBp: 2500, baseOre: 6, vatOre: 2, totalOre: 8 }]);
  });
  it('a company that is not VAT registered charges no VAT', () => {
    const t = computeTotals([{ quantity: 1000, unitPriceOre: 10000, discountBp: 0, vatCode: '25' }], { vatRegistered: false });
    expect(t.vatOre).toBe(0);
    expect(t.grossOre).toBe(10000);
  });
  it('totals add up: gross = net + VAT = sum of the rates', () => {
    const line = fc.record({
      quantity: fc.integer({ min: 1, max: 1_000_000 }),
      unitPriceOre: fc.integer({ min: 0, max: 10_000_000 }),
      discountBp: fc.integer({ min: 0, max: 10_000 }),
      vatCode: fc.constantFrom(...VAT_CODE_IDS),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const t = computeTotals(lines, { vatRegistered: true });
        expect(t.grossOre).toBe(t.netOre + t.vatOre);
        expect(t.netOre).toBe(lines.reduce((s, l) => s + lineAmountOre(l), 0));
        expect(t.byRate.reduce((s, r) => s + r.totalOre, 0)).toBe(t.grossOre);
        for (const r of t.byRate) expect(Math.abs(r.vatOre * 10_000 - r.baseOre * r.rateBp)).toBeLessThanOrEqual(5_000);
      }),
    );
  });
});

describe('Norwegian sort order', () => {
  it('puts Æ, Ø and Å after Z, in that order, ignoring case', () => {
    const names = ['Åsen AS', 'ørsta bil', 'Zeta', 'Ærlig', 'alfa', 'Bø'];
    expect([...names].sort((a, b) => (norwegianSortKey(a) < norwegianSortKey(b) ? -1 : 1))).toEqual(['alfa', 'Bø', 'Zeta', 'Ærlig', 'ørsta bil', 'Åsen AS']);
  });
});
