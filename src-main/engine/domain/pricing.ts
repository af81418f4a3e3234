// Pricing and VAT (SPEC 2, 9): line amount = quantity × unit price − discount %,
// VAT computed per rate on the sum of the lines at that rate. All integers.
import { VAT_CODES, type VatCode } from '../../../shared/enums';
import type { Totals, VatTotal } from '../../../shared/channels/orders';

export interface PricedLine {
  readonly quantity: number; // thousandths
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
}

/** Integer division rounding half away from zero (the way a calculator rounds øre). */
export function divRound(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return Number(negative ? -q : q);
}

/** Line amount in øre, excluding VAT, rounded to the øre. */
export function lineAmountOre(line: Omit<PricedLine, 'vatCode'>): number {
  return divRound(
    BigInt(line.quantity) * BigInt(line.unitPriceOre) * BigInt(10_000 - line.discountBp),
    1000n * 10_000n,
  );
}

const RATE_BP: Readonly<Record<VatCode, number>> = Object.fromEntries(VAT_CODES.map((v) => [v.code, v.rateBp])) as Record<
  VatCode,
  number
>;

export function vatRateBp(code: VatCode): number {
  return RATE_BP[code];
}

/**
 * Totals per VAT rate, in the order of VAT_CODES. A company that is not VAT
 * registered charges no VAT, whatever the product's code.
 */
export function computeTotals(lines: readonly PricedLine[], opts: { vatRegistered: boolean }): Totals {
  const base = new Map<VatCode, number>();
  for (const line of lines) base.set(line.vatCode, (base.get(line.vatCode) ?? 0) + lineAmountOre(line));
  const byRate: VatTotal[] = [];
  for (const v of VAT_CODES) {
    const baseOre = base.get(v.code);
    if (baseOre === undefined) continue;
    const rateBp = opts.vatRegistered ? v.rateBp : 0;
    const vatOre = divRound(BigInt(baseOre) * BigInt(rateBp), 10_000n);
    byRate.push({ vatCode: v.code, rateBp, baseOre, vatOre, totalOre: baseOre + vatOre });
  }
  const netOre = byRate.reduce((s, r) => s + r.baseOre, 0);
  const vatOre = byRate.reduce((s, r) => s + r.vatOre, 0);
  return { byRate, netOre, vatOre, grossOre: netOre + vatOre, cashRoundingOre: cashRoundingOre(netOre + vatOre) };
}

/** Cash totals are rounded to whole kroner: 1–49 øre down, 50–99 up (SPEC 9). Returns the rounding amount. */
export function cashRoundingOre(grossOre: number): number {
  const sign = grossOre < 0 ? -1 : 1;
  const abs = Math.abs(grossOre);
  const rounded = Math.floor((abs + 50) / 100) * 100;
  return sign * (rounded - abs);
}
