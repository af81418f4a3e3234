// Cash receipt (SPEC 1.1 type 3, 9): the sale with VAT per rate, the total
// rounded to whole kroner with the rounding as its own line, and the payment:
// method, amount received, change.
import { formatDateTime } from '../../../../shared/format';
import { labels } from '../labels';
import { DocumentLayout } from '../layout';
import type { InvoiceModel } from '../model';
import { COLORS } from '../pdf';
import { date, nok } from '../particulars';
import { pricedColumns } from './common';

export function renderCashReceipt(m: InvoiceModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const i = m.invoice;
  const layout = new DocumentLayout(m, {
    title: L.titles.cash_receipt,
    reference: `${L.receiptNo} ${i.number}`,
    fields: [
      [L.receiptNo, String(i.number)],
      [L.date, date(i.invoiceDate)],
      [L.time, formatDateTime(i.createdAt).slice(11)],
      [L.ordersNo, i.orderNumbers.join(', ')],
      [L.customerNo, m.buyer.number === null ? null : String(m.buyer.number)],
      [L.yourRef, i.customerReference],
    ],
    parties: [{ label: L.customer, party: m.buyer }],
  });
  layout.table(pricedColumns(L, m.lines, { vat: m.seller.vatRegistered }), m.lines);
  layout.totals(m.totals, {
    vatRegistered: m.seller.vatRegistered,
    roundingOre: m.roundingOre,
    finalLabel: L.toPay,
    finalOre: m.payableOre,
  });
  if (m.payment) {
    layout.infoBox(
      L.paid,
      [
        [L.paymentMethod, L.paymentMethods[m.payment.method] ?? m.payment.method],
        [L.received, nok(m.payment.receivedOre)],
        [L.change, nok(m.payment.changeOre)],
      ],
      { columns: 3 },
    );
  }
  layout.paragraph(L.thanksReceipt, { weight: 'bold', color: COLORS.accent });
  return layout.finish();
}
