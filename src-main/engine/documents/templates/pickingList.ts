// Picking list (SPEC 3, 7; Normal orders only): what remains to be delivered,
// in bin order so the picker walks the warehouse once, with a box to tick per
// line, the order number as Code 128 and each product's EAN-13 to scan.
import { documentLabel } from '../../../../shared/channels/documents';
import { labels } from '../labels';
import { DocumentLayout, PAGE, type Column } from '../layout';
import type { PickingListModel, PickLine } from '../model';
import { COLORS } from '../pdf';
import { drawEan13 } from '../barcodes';
import { date, qty } from '../particulars';
import { notesBlock, withTextRows } from './common';

const EAN_MODULE = 0.95;
const EAN_HEIGHT = 22;

export function renderPickingList(m: PickingListModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const layout = new DocumentLayout(m, {
    title: L.titles.picking_list,
    reference: `${documentLabel('picking_list', m.language)} ${L.orderNo.toLowerCase()} ${m.order.number}`,
    barcode: String(m.order.number),
    fields: [
      [L.orderNo, String(m.order.number)],
      [L.orderDate, date(m.order.orderDate)],
      [L.deliveryDate, date(m.order.deliveryDate)],
      [L.customerNo, String(m.order.customerNumber)],
      [L.yourRef, m.order.customerReference],
      [L.ourRef, m.order.ourReference],
    ],
    parties: [{ label: L.deliverTo, party: m.deliverTo }],
  });
  layout.paragraph(L.pickingText, { size: 8, color: COLORS.muted });
  layout.space(8);
  const columns: Column<PickLine>[] = [
    {
      header: '',
      width: 20,
      draw: (lay, _l, x, y) => lay.pdf.box(x + 1, y + 0.5, 10, 10, { stroke: COLORS.text, lineWidth: 0.8 }),
      height: () => 11,
    },
    { header: L.cols.bin, width: 56, text: (l) => l.bin ?? '–', weight: () => 'bold' },
    { header: L.cols.productNo, width: 72, text: (l) => l.productNumber },
    { header: L.cols.description, width: 0, wrap: true, text: (l) => l.description },
    {
      header: L.cols.ean,
      width: 116,
      draw: (lay, l, x, y) => {
        if (l.ean) drawEan13(lay.pdf, l.ean, { x, y, module: EAN_MODULE, height: EAN_HEIGHT, fontSize: 7 });
      },
      height: (l) => (l.ean ? EAN_HEIGHT + 9 : 0),
    },
    { header: L.cols.toPick, width: 50, align: 'right', text: (l) => qty(l.quantity), weight: () => 'bold' },
    { header: L.cols.unit, width: 34, text: (l) => l.unit },
  ];
  layout.table(columns, withTextRows(L, m.lines, m), { size: 9 });
  notesBlock(layout, m.order.notes);

  // Who picked and who checked, for the order's paper trail.
  layout.ensure(40);
  layout.space(14);
  const w = (PAGE.right - PAGE.left - 40) / 3;
  [L.pickedBy, L.checkedBy, L.signature].forEach((label, i) => {
    const x = PAGE.left + i * (w + 20);
    layout.pdf.line(x, layout.y + 14, x + w, layout.y + 14, COLORS.text, 0.5);
    layout.pdf.text(label, x, layout.y + 17, { size: 7.5, color: COLORS.muted, lineBreak: false });
  });
  layout.space(30);
  return layout.finish();
}
