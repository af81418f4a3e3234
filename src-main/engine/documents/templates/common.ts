// Pieces several templates share: the priced line table, headings and text
// rows among the lines, the notes block.
import { VAT_CODES } from '../../../../shared/enums';
import type { Band, Column, DocumentLayout } from '../layout';
import type { Labels } from '../labels';
import type { PricedLine, WithTexts } from '../model';
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

/**
 * A line table's rows with the document's headings and text rows in place
 * (SPEC 2). With `amountOf` (priced documents), each heading's group ends with
 * its subtotal: the sum of its lines' amounts excl. VAT as they print.
 */
export function withTextRows<R>(L: Labels, lines: readonly R[], m: WithTexts, amountOf?: (line: R) => number): (R | Band)[] {
  const texts = m.texts ?? [];
  if (texts.length === 0) return [...lines];
  const rows: (R | Band)[] = [];
  let group: { heading: string; sum: number; lines: number } | null = null;
  const close = () => {
    if (group && amountOf && group.lines > 0) rows.push({ band: 'subtotal', text: L.groupSubtotal(group.heading), value: amount(group.sum) });
    group = null;
  };
  const ends = new Set(m.groupEnds ?? []);
  let t = 0;
  for (let i = 0; i <= lines.length; i++) {
    for (; t < texts.length && (texts[t]!.beforeLine <= i || i === lines.length); t++) {
      const x = texts[t]!;
      if (x.kind === 'heading') {
        close();
        group = { heading: x.text, sum: 0, lines: 0 };
      }
      rows.push({ band: x.kind, text: x.text });
    }
    // Another order's lines begin: the open group (with its closing text, just printed) ends.
    if (ends.has(i) && !(t > 0 && texts[t - 1]!.kind === 'heading' && texts[t - 1]!.beforeLine === i)) close();
    const line = lines[i];
    if (i === lines.length || line === undefined) continue;
    rows.push(line);
    if (group) {
      group.sum += amountOf?.(line) ?? 0;
      group.lines++;
    }
  }
  close();
  return rows;
}

export function notesBlock(layout: DocumentLayout, notes: string | null): void {
  if (!notes) return;
  layout.heading(layout.L.notes);
  layout.paragraph(notes);
  layout.space(8);
}
