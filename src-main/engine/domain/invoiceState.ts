// An invoice's state (SPEC 11), derived from what it asks for, what its credit
// notes took off and what payments settled, and its due date. The list query
// restates the same rule in SQL (repos/payments.ts, INVOICE_STATE_SQL); a
// property test holds the two together.
import type { AgingBucket, InvoiceState } from '../../../shared/enums';

export interface InvoiceFigures {
  readonly kind: 'invoice' | 'credit_note';
  readonly voided: boolean;
  readonly dueDate: string;
  /** Gross plus cash rounding: what the invoice asks the customer to pay. */
  readonly payableOre: number;
  /** What credit notes on it took off (positive). */
  readonly creditedOre: number;
  /** What payments settled on it (positive; a release after a credit note counts negative). */
  readonly paidOre: number;
}

export function outstandingOre(f: InvoiceFigures): number {
  if (f.voided || f.kind === 'credit_note') return 0;
  return Math.max(0, f.payableOre - f.creditedOre - f.paidOre);
}

/** What a customer overpaid on this invoice once its credit notes are counted (0 if nothing). */
export function overpaidOre(f: InvoiceFigures): number {
  if (f.kind === 'credit_note') return 0;
  return Math.max(0, Math.min(f.paidOre, f.paidOre + f.creditedOre - f.payableOre));
}

export function invoiceState(f: InvoiceFigures, today: string): InvoiceState {
  if (f.voided) return 'void';
  if (f.kind === 'credit_note') return 'credit_note';
  if (f.payableOre > 0 && f.creditedOre >= f.payableOre) return 'credited';
  if (f.payableOre - f.creditedOre - f.paidOre <= 0) return 'paid';
  if (f.dueDate < today) return 'overdue';
  if (f.paidOre > 0 || f.creditedOre > 0) return 'partly_paid';
  return 'open';
}

/** Whole days past the due date (0 when not yet due). */
export function daysOverdue(dueDate: string, today: string): number {
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** The customer ledger's aging bucket: 0–30, 31–60, 61–90 and over 90 days past due; not yet due is current. */
export function agingBucket(dueDate: string, today: string): AgingBucket {
  if (dueDate >= today) return 'current';
  const d = daysOverdue(dueDate, today);
  if (d <= 30) return 'd0_30';
  if (d <= 60) return 'd31_60';
  if (d <= 90) return 'd61_90';
  return 'over90';
}
