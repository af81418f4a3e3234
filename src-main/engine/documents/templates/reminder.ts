// Reminder (Purring, SPEC 11): the customer's overdue invoices with invoice
// number, date, due date, KID and what is outstanding, the fee where the law
// allows one (inkassoforskriften § 1-2), the new deadline, and the company's
// account. A second reminder refers to the first by its date.
import { labels } from '../labels';
import { DocumentLayout, type Band, type Column } from '../layout';
import type { ReminderLine, ReminderModel } from '../model';
import { COLORS } from '../pdf';
import { amount, bankAccount, date, nok } from '../particulars';

export function renderReminder(m: ReminderModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const r = m.reminder;
  const C = L.reminderCols;
  const layout = new DocumentLayout(m, {
    title: L.reminderTitle(r.level),
    reference: `${L.reminderNo} ${r.number}`,
    fields: [
      [L.reminderNo, String(r.number)],
      [L.reminderDate, date(r.sentOn)],
      [L.customerNo, m.buyer.number === null ? null : String(m.buyer.number)],
      [L.previousReminder, r.previousSentOn ? date(r.previousSentOn) : null],
      [L.payBy, date(r.payBy)],
    ],
    parties: [{ label: L.customer, party: m.buyer }],
  });
  layout.paragraph(r.previousSentOn ? L.secondReminderText(date(r.previousSentOn), date(r.payBy)) : L.reminderText(date(r.payBy)), { size: 9.5 });
  layout.space(10);
  const columns: Column<ReminderLine>[] = [
    { header: C.invoiceNo, width: 56, text: (l) => String(l.number) },
    { header: C.invoiceDate, width: 66, text: (l) => date(l.invoiceDate) },
    { header: C.dueDate, width: 62, text: (l) => date(l.dueDate) },
    { header: C.kid, width: 0, text: (l) => l.kid ?? '' },
    { header: C.outstanding, width: 76, align: 'right', text: (l) => amount(l.outstandingOre) },
    { header: C.fee, width: 56, align: 'right', text: (l) => (l.feeOre > 0 ? amount(l.feeOre) : '') },
    { header: C.toPay, width: 76, align: 'right', weight: () => 'bold', text: (l) => amount(l.outstandingOre + l.feeOre) },
  ];
  const rows: (ReminderLine | Band)[] = [...m.lines];
  if (r.feeOre > 0) rows.push({ band: 'text', text: L.reminderFee(nok(r.feeOre)) });
  layout.table(columns, rows);
  layout.space(6);
  layout.infoBox(
    L.paymentInfo,
    [
      [L.bankAccount, bankAccount(m.seller.bankAccount)],
      [L.payBy, date(r.payBy)],
      [L.reminderTotal, nok(m.totalOre)],
    ],
    { columns: 3, note: L.reminderPayNote },
  );
  layout.paragraph(L.currencyNote, { size: 8, color: COLORS.muted });
  return layout.finish();
}
