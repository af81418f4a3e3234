// Invoice (SPEC 7, 9; bokføringsforskriften § 5-1-1): number and date, seller
// and buyer with the seller's organisation number followed by "MVA", what was
// delivered and how much, when and where, prices, VAT per rate in NOK, due
// date, bank account and KID. Not rounded: invoices are paid electronically.
import { labels } from '../labels';
import { DocumentLayout } from '../layout';
import type { InvoiceModel } from '../model';
import { COLORS } from '../pdf';
import { bankAccount, date, nok } from '../particulars';
import { pricedColumns, withTextRows } from './common';

export function renderInvoice(m: InvoiceModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const i = m.invoice;
  const layout = new DocumentLayout(m, {
    title: L.titles.invoice,
    reference: `${L.invoiceNo} ${i.number}`,
    fields: [
      [L.invoiceNo, String(i.number)],
      [L.invoiceDate, date(i.invoiceDate)],
      [L.dueDate, date(i.dueDate)],
      [L.deliveryDate, date(i.deliveryDate)],
      [L.deliveryPlace, m.deliveryPlace],
      [L.customerNo, m.buyer.number === null ? null : String(m.buyer.number)],
      [L.ordersNo, i.orderNumbers.join(', ')],
      [L.yourRef, i.customerReference],
      [L.ourRef, i.ourReference],
      [L.kid, i.kid],
    ],
    parties: [{ label: L.customer, party: m.buyer }],
  });
  layout.table(pricedColumns(L, m.lines, { vat: m.seller.vatRegistered }), withTextRows(L, m.lines, m, (l) => l.amountOre));
  layout.totals(m.totals, { vatRegistered: m.seller.vatRegistered, finalLabel: L.toPay, finalOre: m.payableOre });
  layout.infoBox(
    L.paymentInfo,
    [
      [L.bankAccount, bankAccount(m.seller.bankAccount)],
      [L.kid, i.kid ?? ''],
      [L.dueDate, date(i.dueDate)],
      [L.amount, nok(m.payableOre)],
    ],
    { columns: 4, ...(i.kid ? { note: L.useKid } : {}) },
  );
  layout.paragraph(L.currencyNote, { size: 8, color: COLORS.muted });
  return layout.finish();
}
