// Quote (sales) or inquiry (purchase), order type 5 (SPEC 1.1): the offer with
// its prices and how long it holds; an inquiry asks the supplier for prices.
import { labels } from '../labels';
import { DocumentLayout } from '../layout';
import type { OrderDocumentModel } from '../model';
import { COLORS } from '../pdf';
import { date } from '../particulars';
import { notesBlock, pricedColumns, withTextRows } from './common';

export function renderQuote(m: OrderDocumentModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const inquiry = m.order.transactionType === 'purchase';
  const numberLabel = inquiry ? L.inquiryNo : L.quoteNo;
  const layout = new DocumentLayout(m, {
    title: inquiry ? L.titles.inquiry : L.titles.quote,
    reference: `${numberLabel} ${m.order.number}`,
    fields: [
      [numberLabel, String(m.order.number)],
      [L.quoteDate, date(m.order.orderDate)],
      [L.validUntil, inquiry ? null : date(m.validUntil)],
      [L.requestedDelivery, date(m.order.deliveryDate)],
      [inquiry ? L.supplierNo : L.customerNo, String(m.order.customerNumber)],
      [L.yourRef, m.order.customerReference],
      [L.ourRef, m.order.ourReference],
      [L.paymentTerms, inquiry ? null : L.netDays(m.order.paymentTermsDays)],
    ],
    parties: [{ label: inquiry ? L.supplier : L.customer, party: m.counterparty }],
  });
  layout.paragraph(inquiry ? L.inquiryText : L.quoteText(date(m.validUntil)));
  layout.space(10);
  layout.table(pricedColumns(L, m.lines, { vat: m.seller.vatRegistered, prices: !inquiry }), withTextRows(L, m.lines, m, inquiry ? undefined : (l) => l.amountOre));
  if (inquiry) {
    layout.paragraph(L.noPrices, { size: 8, color: COLORS.muted });
  } else {
    layout.totals(m.totals, { vatRegistered: m.seller.vatRegistered, finalLabel: L.total, finalOre: m.totals.grossOre });
    layout.paragraph(L.currencyNote, { size: 8, color: COLORS.muted });
  }
  layout.space(8);
  notesBlock(layout, m.order.notes);
  return layout.finish();
}
