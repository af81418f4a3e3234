// Reminder fees (purregebyr) as Norwegian law allows them (SPEC 11). Pure rules;
// services/reminders.ts applies them to the invoices a reminder lists.
//
// - Inkassoforskriften § 1-1: the inkassosats is kr 700. That is the latest figure
//   we could cite (the regulation's text, and collectors' rate tables for 2024,
//   which list a reminder fee of kr 35); the 2026 figure could not be found.
//   Change INKASSOSATS_ORE when the ministry sets a new one.
// - Inkassoforskriften § 1-2 first paragraph: for a written reminder sent at the
//   earliest 14 days after the claim fell due, stating the claim's size and what
//   it is for, the creditor may charge one twentieth of the inkassosats (kr 35).
// - Inkassoforskriften § 1-3: for the same claim, fees for at most two reminders,
//   and the second only once the debtor has let a deadline of at least 14 days,
//   set in the first reminder, pass.
// - Inkassoloven § 9 asks an inkassovarsel for at least 14 days to pay; a reminder
//   gives the same 14 days, so that a second reminder may charge its fee (§ 1-3).
// One reminder (one letter) is one "skriftlig purring": it charges at most one
// fee, on the oldest of its invoices the fee may be charged on.
import { addDays } from './invoiceRules';
import { daysOverdue } from './invoiceState';

/** Inkassoforskriften § 1-1 (kr 700; latest cited figure, 2024). */
export const INKASSOSATS_ORE = 70_000;
/** § 1-2: one twentieth of the inkassosats. */
export const MAX_REMINDER_FEE_ORE = INKASSOSATS_ORE / 20;
/** § 1-2: a fee only on a reminder sent at least this many days after the due date. */
export const FEE_WAIT_DAYS = 14;
/** § 1-3: fees for at most this many reminders of the same claim. */
export const MAX_FEES_PER_CLAIM = 2;
/** The deadline a reminder gives (inkassoloven § 9; § 1-3 counts a deadline of at least 14 days). */
export const REMINDER_DEADLINE_DAYS = 14;

/** Whether a company may set this fee: never above the legal maximum. */
export function feeWithinLaw(feeOre: number): boolean {
  return feeOre >= 0 && feeOre <= MAX_REMINDER_FEE_ORE;
}

/** The new deadline a reminder sent on `sentOn` gives. */
export function reminderPayBy(sentOn: string): string {
  return addDays(sentOn, REMINDER_DEADLINE_DAYS);
}

/** The earliest day a reminder may charge a fee for a claim due on `dueDate`. */
export function firstFeeDay(dueDate: string): string {
  return addDays(dueDate, FEE_WAIT_DAYS);
}

/** What is known of one overdue invoice when a reminder is about to list it. */
export interface ReminderInvoiceFacts {
  readonly invoiceId: number;
  readonly number: number;
  readonly dueDate: string;
  /** Fees already charged on it (by earlier reminders). */
  readonly feesCharged: number;
  /** Its earlier reminders, oldest first: when sent and the deadline each gave. */
  readonly earlier: readonly { readonly sentOn: string; readonly payBy: string }[];
}

export interface ReminderInvoiceFee {
  readonly invoiceId: number;
  /** Which reminder of this invoice it is (1 = first). */
  readonly level: number;
  readonly feeOre: number;
  readonly noFeeReasonNb: string | null;
  readonly noFeeReasonEn: string | null;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** Why one invoice may not carry a fee today, or null when it may (§ 1-2, § 1-3). */
export function feeRefusal(f: ReminderInvoiceFacts, today: string): { nb: string; en: string } | null {
  if (daysOverdue(f.dueDate, today) < FEE_WAIT_DAYS) {
    const from = dmy(firstFeeDay(f.dueDate));
    return { nb: `Under 14 dager siden forfall: gebyr tidligst ${from}.`, en: `Less than 14 days past due: a fee from ${from} at the earliest.` };
  }
  if (f.feesCharged >= MAX_FEES_PER_CLAIM) {
    return { nb: 'Loven tillater bare to purregebyr for samme faktura.', en: 'The law allows only two reminder fees for the same invoice.' };
  }
  const first = f.earlier[0];
  if (f.feesCharged >= 1 && first && today <= first.payBy) {
    const by = dmy(first.payBy);
    return { nb: `Fristen i første purring (${by}) er ikke ute.`, en: `The deadline of the first reminder (${by}) has not passed.` };
  }
  return null;
}

/**
 * The fee of a reminder sent today listing these invoices (oldest due first):
 * the company's fee, capped at the legal maximum, on the first invoice it may be
 * charged on; the others say why they carry none.
 */
export function reminderFees(invoices: readonly ReminderInvoiceFacts[], companyFeeOre: number, today: string): ReminderInvoiceFee[] {
  const fee = Math.min(Math.max(0, companyFeeOre), MAX_REMINDER_FEE_ORE);
  let chargedOn: number | null = null;
  return [...invoices]
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number - b.number))
    .map((f) => {
      const level = f.earlier.length + 1;
      const none = (nb: string, en: string): ReminderInvoiceFee => ({ invoiceId: f.invoiceId, level, feeOre: 0, noFeeReasonNb: nb, noFeeReasonEn: en });
      if (fee === 0) return none('Firmaet tar ikke purregebyr.', 'The company charges no reminder fee.');
      const refusal = feeRefusal(f, today);
      if (refusal) return none(refusal.nb, refusal.en);
      if (chargedOn !== null) {
        return none(`Purringen har allerede ett gebyr (faktura ${chargedOn}).`, `The reminder already carries one fee (invoice ${chargedOn}).`);
      }
      chargedOn = f.number;
      return { invoiceId: f.invoiceId, level, feeOre: fee, noFeeReasonNb: null, noFeeReasonEn: null };
    });
}
