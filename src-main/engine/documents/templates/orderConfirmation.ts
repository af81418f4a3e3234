// Order confirmation (SPEC 1.2, status Confirmed): what the customer ordered,
// at what price, when it will be delivered, on what terms. Normal orders only.
import { labels } from '../labels';
import { DocumentLayout } from '../layout';
import type { OrderDocumentModel } from '../model';
import { COLORS } from '../pdf';
import { date } from '../particulars';
import { notesBlock, pricedColumns, withTextRows } from './common';

export function renderOrderConfirmation(m: OrderDocumentModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const layout = new DocumentLayout(m, {
    title: L.titles.order_confirmation,
    reference: `${L.orderNo} ${m.order.number}`,
    fields: [
      [L.orderNo, String(m.order.number)],
      [L.orderDate, date(m.order.orderDate)],
      [L.deliveryDate, date(m.order.deliveryDate)],
      [L.customerNo, String(m.order.customerNumber)],
      [L.yourRef, m.order.customerReference],
      [L.ourRef, m.order.ourReference],
      [L.paymentTerms, L.netDays(m.order.paymentTermsDays)],
    ],
    parties: [{ label: L.customer, party: m.counterparty }],
  });
  layout.paragraph(L.confirmationText);
  layout.space(10);
  layout.table(pricedColumns(L, m.lines, { vat: m.seller.vatRegistered }), withTextRows(L, m.lines, m, (l) => l.amountOre));
  layout.totals(m.totals, { vatRegistered: m.seller.vatRegistered, finalLabel: L.total, finalOre: m.totals.grossOre });
  layout.paragraph(L.currencyNote, { size: 8, color: COLORS.muted });
  layout.space(8);
  notesBlock(layout, m.order.notes);
  return layout.finish();
}
