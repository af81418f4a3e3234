// The reminder PDF (SPEC 11) read back with pdftotext: the overdue invoices with
// number, dates, KID and what is outstanding in Norwegian amounts, the fee, the
// company's account, the new deadline; a second reminder names the first.
import { afterEach, describe, expect, it } from 'vitest';
import { formatBankAccount } from '../../shared/checks';
import { COMPANY } from '../helpers/engine';
import { reminderWorld, type ReminderWorld } from '../helpers/reminders';
import { amt, keep, pdfPages, pdfText } from './helpers';

let w: ReminderWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

const pdfOf = async (id: number) => Buffer.from((await w!.t.ok('documents.get', { id })).pdfBase64, 'base64');

describe('the reminder PDF', () => {
  it('a first and a second reminder, in Norwegian, with the invoices, KID, amounts, fee, account and pay-by date', async () => {
    w = await reminderWorld();
    const a = await w.invoicedOrder(1, [[w.service, 2000]]); // 2 250,00
    const b = await w.invoicedOrder(1, [[w.drill, 3000]]); // 3 750,00
    const invA = await w.t.ok('invoices.get', { id: a.invoiceId });
    const invB = await w.t.ok('invoices.get', { id: b.invoiceId });
    w.setDay('2025-02-03');
    const first = await w.t.ok('reminders.send', { customerIds: [w.customer] });
    const text1 = pdfText(await pdfOf(first.documentIds[0]!));
    keep('reminder-1', await pdfOf(first.documentIds[0]!));
    expect(text1).toContain('PURRING');
    expect(text1).not.toMatch(/GANGS PURRING/);
    for (const inv of [invA, invB]) {
      expect(text1).toContain(String(inv.number));
      expect(text1).toContain(inv.kid!);
    }
    expect(text1).toContain(amt(225_000));
    expect(text1).toContain(amt(375_000));
    expect(text1).toContain('20.01.2025'); // due date
    expect(text1).toContain('06.01.2025'); // invoice date
    expect(text1).toContain('Purregebyr for denne purringen: kr 35,00');
    expect(text1).toContain(amt(225_000 + 3_500)); // the oldest invoice carries the fee
    expect(text1).toContain(`kr ${amt(225_000 + 375_000 + 3_500)}`);
    expect(text1).toContain(formatBankAccount(COMPANY.bankAccount));
    expect(text1).toContain('Betales innen');
    expect(text1).toContain('17.02.2025');
    expect(text1).toContain('Bergen Bygg AS');
    expect(pdfPages(await pdfOf(first.documentIds[0]!))).toBe(1);

    w.setDay('2025-02-18');
    const second = await w.t.ok('reminders.send', { customerIds: [w.customer], language: 'nb' });
    const pdf2 = await pdfOf(second.documentIds[0]!);
    keep('reminder-2', pdf2);
    const text2 = pdfText(pdf2);
    expect(text2).toContain('2. GANGS PURRING');
    expect(text2).toContain('Vi viser til vår purring datert 03.02.2025');
    expect(text2).toContain('Forrige purring');
    // Both fees (the first unpaid, the second now) are on the oldest invoice.
    expect(text2).toContain(amt(225_000 + 7_000));
    expect(text2).toContain('04.03.2025');
  });

  it('in English for a customer who reads English', async () => {
    w = await reminderWorld();
    await w.invoicedOrder(1, [[w.service, 1000]]);
    w.setDay('2025-02-03');
    const sent = await w.t.ok('reminders.send', { customerIds: [w.customer], language: 'en' });
    const text = pdfText(await pdfOf(sent.documentIds[0]!));
    expect(text).toContain('REMINDER');
    expect(text).toContain('Pay by');
    expect(text).toContain('Reminder fee for this reminder: kr 35,00');
    expect(text).not.toContain('Purring');
  });
});
