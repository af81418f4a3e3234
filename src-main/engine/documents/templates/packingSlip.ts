// Packing slip (SPEC 1.2.1, 7; Normal orders only): what one delivery
// contains, and what remains on backorder to come later.
import { documentLabel } from '../../../../shared/channels/documents';
import { labels } from '../labels';
import { DocumentLayout, type Column } from '../layout';
import type { PackingLine, PackingSlipModel } from '../model';
import { COLORS } from '../pdf';
import { date, qty } from '../particulars';
import { notesBlock, withTextRows } from './common';

export function renderPackingSlip(m: PackingSlipModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const layout = new DocumentLayout(m, {
    title: L.titles.packing_slip,
    reference: `${documentLabel('packing_slip', m.language)} ${L.orderNo.toLowerCase()} ${m.order.number}`,
    barcode: String(m.order.number),
    fields: [
      [L.orderNo, String(m.order.number)],
      [L.deliveredAt, date(m.delivery.deliveredAt)],
      [L.deliveryNo, String(m.delivery.sequence)],
      [L.orderDate, date(m.order.orderDate)],
      [L.customerNo, String(m.order.customerNumber)],
      [L.yourRef, m.order.customerReference],
      [L.ourRef, m.order.ourReference],
    ],
    parties: [{ label: L.deliverTo, party: m.deliverTo }],
  });
  const delivered: Column<PackingLine>[] = [
    { header: L.cols.productNo, width: 72, text: (l) => l.productNumber },
    { header: L.cols.description, width: 0, wrap: true, text: (l) => l.description },
    { header: L.cols.ordered, width: 52, align: 'right', text: (l) => qty(l.ordered) },
    { header: L.cols.deliveredBefore, width: 56, align: 'right', text: (l) => (l.deliveredBefore ? qty(l.deliveredBefore) : '') },
    { header: L.cols.deliveredNow, width: 56, align: 'right', text: (l) => qty(l.deliveredNow), weight: () => 'bold' },
    { header: L.cols.backorder, width: 52, align: 'right', text: (l) => (l.closedShort ? L.closedShort : qty(l.backorder)) },
    { header: L.cols.unit, width: 34, text: (l) => l.unit },
  ];
  layout.table(delivered, withTextRows(L, m.lines, m), { size: 9 });

  layout.heading(L.remainsTitle);
  if (m.remaining.length === 0) {
    layout.paragraph(L.nothingRemains, { color: COLORS.muted });
    layout.space(8);
  } else {
    const rest: Column<PackingLine>[] = [
      { header: L.cols.productNo, width: 72, text: (l) => l.productNumber },
      { header: L.cols.description, width: 0, wrap: true, text: (l) => l.description },
      { header: L.cols.ordered, width: 52, align: 'right', text: (l) => qty(l.ordered) },
      { header: L.cols.backorder, width: 52, align: 'right', text: (l) => qty(l.backorder), weight: () => 'bold' },
      { header: L.cols.unit, width: 34, text: (l) => l.unit },
    ];
    layout.table(rest, withTextRows(L, m.remaining, { texts: m.remainingTexts ?? [] }), { size: 9 });
  }
  notesBlock(layout, m.order.notes);
  return layout.finish();
}
