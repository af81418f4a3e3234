// The accounting rules as pure functions (domain/vouchers.ts): every voucher they
// make balances, debit = credit to the øre, for any amounts and any mix of VAT codes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VAT_CODES, type VatCode } from '../../shared/enums';
import { computeTotals } from '../../src-main/engine/domain/pricing';
import {
  costOfGoodsVoucher,
  creditVoucher,
  invoiceVoucher,
  isBalanced,
  paymentVoucher,
  reminderFeeVoucher,
  reversedVoucher,
  sumCredit,
  sumDebit,
  supplierInvoiceVoucher,
  type KeyedLine,
} from '../../src-main/engine/domain/vouchers';

const vatCode = fc.constantFrom(...VAT_CODES.map((v) => v.code)) as fc.Arbitrary<VatCode>;
const line = fc.record({
  quantity: fc.integer({ min: 1, max: 5_000_000 }),
  unitPriceOre: fc.integer({ min: 0, max: 10_000_000 }),
  discountBp: fc.integer({ min: 0, max: 10_000 }),
  vatCode,
});
const wellFormed = (lines: readonly KeyedLine[]) =>
  lines.every((l) => Number.isInteger(l.debitOre) && Number.isInteger(l.creditOre) && l.debitOre >= 0 && l.creditOre >= 0 && (l.debitOre === 0) !== (l.creditOre === 0));

describe('every voucher balances, debit = credit to the øre', () => {
  it('invoices and credit notes, for random lines, VAT mixes, cash rounding and VAT registration', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean(), fc.integer({ min: -49, max: 50 }), (lines, credit, vatRegistered, rounding) => {
        const signed = credit ? lines.map((l) => ({ ...l, quantity: -l.quantity })) : lines;
        const totals = computeTotals(signed, { vatRegistered });
        const v = invoiceVoucher({
          kind: credit ? 'credit_note' : 'invoice',
          number: 17,
          customerId: 3,
          payableOre: totals.grossOre + rounding,
          roundingOre: rounding,
          vatRegistered,
          byRate: totals.byRate,
        });
        expect(wellFormed(v.lines)).toBe(true);
        expect(sumDebit(v.lines)).toBe(sumCredit(v.lines));
        // Receivables carry what the customer owes; output VAT what the VAT table says.
        const receivables = v.lines.filter((l) => l.key === 'receivables').reduce((s, l) => s + l.debitOre - l.creditOre, 0);
        expect(receivables).toBe(totals.grossOre + rounding);
        const vat = v.lines.filter((l) => l.key.startsWith('output_vat_')).reduce((s, l) => s + l.creditOre - l.debitOre, 0);
        expect(vat).toBe(totals.vatOre);
      }),
      { numRuns: 400 },
    );
  });

  it('zero-rated and outside-the-act sales go to their own accounts with SAF-T codes 5 and 6, never with a VAT line', () => {
    const totals = computeTotals(
      [
        { quantity: 1000, unitPriceOre: 10_000, discountBp: 0, vatCode: '0' },
        { quantity: 1000, unitPriceOre: 20_000, discountBp: 0, vatCode: 'outside' },
        { quantity: 1000, unitPriceOre: 40_000, discountBp: 0, vatCode: '25' },
      ],
      { vatRegistered: true },
    );
    const v = invoiceVoucher({ kind: 'invoice', number: 1, customerId: 1, payableOre: totals.grossOre, roundingOre: 0, vatRegistered: true, byRate: totals.byRate });
    const by = (key: string) => v.lines.find((l) => l.key === key);
    expect(by('sales_0')).toMatchObject({ creditOre: 10_000, taxCode: '5', taxBaseOre: 10_000 });
    expect(by('sales_outside')).toMatchObject({ creditOre: 20_000, taxCode: '6', taxBaseOre: 20_000 });
    expect(by('sales_25')).toMatchObject({ creditOre: 40_000, taxCode: '3', taxBaseOre: null });
    expect(by('output_vat_25')).toMatchObject({ creditOre: 10_000, taxCode: '3', taxBaseOre: 40_000 });
    expect(v.lines.filter((l) => l.key.startsWith('output_vat_'))).toHaveLength(1);
    expect(by('receivables')).toMatchObject({ debitOre: 80_000, customerId: 1 });
  });

  it('payments, credit movements, reminder fees, cost of goods and reversals', () => {
    const money = fc.integer({ min: 1, max: 100_000_000 });
    const method = fc.constantFrom('bank', 'cash', 'card', 'vipps', 'other') as fc.Arbitrary<'bank' | 'cash' | 'card' | 'vipps' | 'other'>;
    fc.assert(
      fc.property(money, fc.integer({ min: 0, max: 100 }), method, (amount, pct, m) => {
        const settled = Math.floor((amount * pct) / 100);
        const p = paymentVoucher({ reference: 'KID 1', customerId: 1, method: m, amountOre: amount, settledOre: settled });
        expect(isBalanced(p.lines) && wellFormed(p.lines)).toBe(true);
        expect(p.lines.find((l) => l.key === 'customer_credit')?.creditOre ?? 0).toBe(amount - settled);
        const c = creditVoucher('x', [
          { kind: 'settle', amountOre: settled || 1, customerId: 1, method: m, description: 'brukt' },
          { kind: 'settle', amountOre: -amount, customerId: 1, method: m, description: 'tilbakeført' },
          { kind: 'refund', amountOre: amount, customerId: 1, method: m, description: 'tilbakebetalt' },
        ]);
        expect(isBalanced(c.lines) && wellFormed(c.lines)).toBe(true);
        const f = reminderFeeVoucher('Purregebyr', 1, amount);
        expect(isBalanced(f.lines)).toBe(true);
        const g = costOfGoodsVoucher('Faktura 1', pct % 2 ? amount : -amount)!;
        expect(isBalanced(g.lines) && wellFormed(g.lines)).toBe(true);
        const r = reversedVoucher('Annullert', p.lines);
        expect(isBalanced(r.lines)).toBe(true);
        expect(r.lines.map((l) => l.debitOre)).toEqual(p.lines.map((l) => l.creditOre));
      }),
      { numRuns: 300 },
    );
  });

  it('supplier invoices: stock goods to stock, the rest to purchases, input VAT per rate, the supplier owed the gross', () => {
    const sLine = fc.record({ vatCode, amountOre: fc.integer({ min: 0, max: 50_000_000 }), stockManaged: fc.boolean() });
    fc.assert(
      fc.property(fc.array(sLine, { minLength: 1, maxLength: 10 }), fc.boolean(), (lines, vatRegistered) => {
        const v = supplierInvoiceVoucher({ number: 'F-9', supplierId: 4, vatRegistered, lines });
        expect(isBalanced(v.lines) && wellFormed(v.lines)).toBe(true);
        const stock = v.lines.filter((l) => l.key === 'stock').reduce((s, l) => s + l.debitOre, 0);
        expect(stock).toBe(lines.filter((l) => l.stockManaged).reduce((s, l) => s + l.amountOre, 0));
        if (!vatRegistered) expect(v.lines.some((l) => l.key.startsWith('input_vat_'))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
