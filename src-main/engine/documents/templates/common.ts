// Pieces several templates share: the priced line table, the notes block.
import { VAT_CODES } from '../../../../shared/enums';
import type { Column, DocumentLayout } from '../layout';
import type { Labels } from '../labels';
import type { PricedLine } from '../model';
import { amount, percent, qty } from '../particulars';

const rateOf = (code: string): number => VAT_CODES.find((v) => v.code === code)?.rateBp ?? 0;

/**
 * Product number, description, quantity, unit, price, discount (only when a
 * line has one), VAT rate (only for a VAT-registered seller) and amount.
 */
export function pricedColumns(L: Labels, lines: readonly PricedLine[], o: { vat: boolean; prices?: boolean }): Column<PricedLine>[] {
  const prices = o.prices ?? true;
  const discount = prices && lines.some((l) => l.discountBp > 0);
  const cols: Column<PricedLine>[] = [
    { header: L.cols.productNo, width: 66, text: (l) => l.productNumber },
    { header: L.cols.description, width: 0, wrap: true, text: (l) => l.description },
    { header: L.cols.quantity, width: 46, align: 'right', text: (l) => qty(l.quantity) },
    { header: L.cols.unit, width: 34, text: (l) => l.unit },
  ];
  if (prices) cols.push({ header: L.cols.unitPrice, width: 64, align: 'right', text: (l) => amount(l.unitPriceOre) });
  if (discount) cols.push({ header: L.cols.discount, width: 40, align: 'right', text: (l) => (l.discountBp ? percent(l.discountBp) : '') });
  if (prices && o.vat) cols.push({ header: L.cols.vat, width: 38, align: 'right', text: (l) => percent(rateOf(l.vatCode)) });
  if (prices) cols.push({ header: L.cols.amount, width: 72, align: 'right', text: (l) => amount(l.amountOre) });
  return cols;
}

export function notesBlock(layout: DocumentLayout, notes: string | null): void {
  if (!notes) return;
  layout.heading(layout.L.notes);
  layout.paragraph(notes);
  layout.space(8);
}
