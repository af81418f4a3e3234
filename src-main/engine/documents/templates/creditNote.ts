// Credit note (SPEC 4, 9): refers to the invoice it corrects (number and
// date), with the credited lines and VAT per rate as negative amounts; the
// same particulars of seller and buyer as the invoice.
import { labels } from '../labels';
import { DocumentLayout } from '../layout';
import type { InvoiceModel } from '../model';
import { COLORS } from '../pdf';
import { date } from '../particulars';
import { pricedColumns } from './common';

export function renderCreditNote(m: InvoiceModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const i = m.invoice;
  const credited = i.credited;
  const layout = new DocumentLayout(m, {
    title: L.titles.credit_note,
    reference: `${L.creditNoteNo} ${i.number}`,
    fields: [
      [L.creditNoteNo, String(i.number)],
      [L.creditNoteDate, date(i.invoiceDate)],
      [L.creditedInvoice, credited ? `${credited.number} (${date(credited.invoiceDate)})` : null],
      [L.customerNo, m.buyer.number === null ? null : String(m.buyer.number)],
      [L.ordersNo, i.orderNumbers.join(', ')],
      [L.yourRef, i.customerReference],
      [L.ourRef, i.ourReference],
    ],
    parties: [{ label: L.customer, party: m.buyer }],
  });
  if (credited) layout.paragraph(L.creditsInvoice(credited.number, date(credited.invoiceDate)), { weight: 'bold' });
  layout.space(10);
  layout.table(pricedColumns(L, m.lines, { vat: m.seller.vatRegistered }), m.lines);
  layout.totals(m.totals, {
    vatRegistered: m.seller.vatRegistered,
    roundingOre: m.roundingOre !== 0 ? m.roundingOre : undefined,
    finalLabel: L.creditTotal,
    finalOre: m.payableOre,
  });
  layout.paragraph(L.creditNoteText, { size: 8.5 });
  layout.space(4);
  layout.paragraph(L.currencyNote, { size: 8, color: COLORS.muted });
  return layout.finish();
}
