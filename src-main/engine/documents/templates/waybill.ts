// Waybill (SPEC 7; Normal orders only): sender, receiver, number of parcels,
// weight, and per parcel its SSCC as a GS1-128 barcode with AI (00), the way a
// carrier's terminal scans it.
import { documentLabel } from '../../../../shared/channels/documents';
import { labels } from '../labels';
import { DocumentLayout, type Column } from '../layout';
import type { Parcel, WaybillModel } from '../model';
import { drawCode128, formatSscc } from '../barcodes';
import { date, kilograms } from '../particulars';

const SSCC_MODULE = 1;
const SSCC_HEIGHT = 40;

export function renderWaybill(m: WaybillModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const totalGrams = m.parcels.reduce((s, p) => s + p.weightGrams, 0);
  const layout = new DocumentLayout(m, {
    title: L.titles.waybill,
    reference: `${documentLabel('waybill', m.language)} ${L.orderNo.toLowerCase()} ${m.order.number}`,
    barcode: String(m.order.number),
    fields: [
      [L.orderNo, String(m.order.number)],
      [L.shipDate, date(m.shipDate)],
      [L.carrier, m.carrier],
      [L.parcels, String(m.parcels.length)],
      [L.totalWeight, `${kilograms(totalGrams)} ${L.kg}`],
      [L.freightPayer, L.sender],
      [L.yourRef, m.order.customerReference],
      [L.ourRef, m.order.ourReference],
    ],
    parties: [
      { label: L.sender, party: m.sender },
      { label: L.receiver, party: m.receiver },
    ],
  });
  layout.infoBox(L.shipment, [
    [L.contents, L.goodsPerOrder(m.order.number)],
    [L.parcels, String(m.parcels.length)],
    [L.totalWeight, `${kilograms(totalGrams)} ${L.kg}`],
  ], { columns: 3, ...(m.note ? { note: m.note } : {}) });

  const count = m.parcels.length;
  const columns: Column<Parcel>[] = [
    { header: L.cols.parcel, width: 80, text: (p) => L.parcelOf(p.no, count), weight: () => 'bold' },
    { header: L.cols.weight, width: 70, align: 'right', text: (p) => `${kilograms(p.weightGrams)} ${L.kg}` },
    { header: '', width: 20, text: () => '' },
    {
      header: `${L.cols.sscc} (GS1-128)`,
      width: 0,
      draw: (lay, p, x, y) => {
        drawCode128(lay.pdf, `(00)${p.sscc}`, {
          x,
          y: y + 2,
          module: SSCC_MODULE,
          height: SSCC_HEIGHT,
          gs1: true,
          text: formatSscc(p.sscc, m.companyPrefix.length),
          fontSize: 9,
        });
      },
      height: () => SSCC_HEIGHT + 18,
    },
  ];
  layout.table(columns, m.parcels, { size: 9 });
  return layout.finish();
}
