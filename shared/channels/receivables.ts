// After the invoice (SPEC 11): invoices by state, payments, the customer ledger,
// bank files matched by KID, reminders, and voiding a spoiled invoice.
import { z } from 'zod';
import { INVOICE_STATE_KEYS, LANGUAGES, RECEIPT_METHOD_KEYS, type AgingBucket, type InvoiceState, type ReceiptMethod } from '../enums';
import { channel, id, isoDate, nonNegativeOre, NO_INPUT, optionalText, requiredText, text } from './common';
import { checkGridBlock, gridBlockFields } from './orders';

// ---- Invoices and their balance -------------------------------------------------

/** One invoice or credit note with its figures and derived state (engine/domain/invoiceState.ts). */
export interface InvoiceBalance {
  readonly invoiceId: number;
  readonly number: number;
  readonly kind: 'invoice' | 'credit_note';
  readonly customerId: number;
  readonly customerNumber: number;
  readonly customerName: string;
  readonly invoiceDate: string;
  readonly dueDate: string;
  readonly kid: string | null;
  /** What the invoice asks for: gross plus cash rounding (negative for a credit note). */
  readonly payableOre: number;
  /** What credit notes on it took off (positive). */
  readonly creditedOre: number;
  /** What payments settled on it. */
  readonly paidOre: number;
  readonly outstandingOre: number;
  readonly state: InvoiceState;
  readonly daysOverdue: number;
  /** For a credit note: the invoice it credits. */
  readonly creditedInvoiceNumber: number | null;
  readonly orderNumbers: readonly number[];
  /** How many reminders it has had (0 = none). */
  readonly reminderLevel: number;
  /** Reminder fees charged on it and not yet paid. */
  readonly feesOutstandingOre: number;
}

/** The invoice screen's tabs: which states each shows. */
export const INVOICE_TABS = [
  { key: 'all', nb: 'Alle', en: 'All', states: INVOICE_STATE_KEYS },
  { key: 'unpaid', nb: 'Ubetalte', en: 'Unpaid', states: ['open', 'partly_paid', 'overdue'] },
  { key: 'overdue', nb: 'Forfalte', en: 'Overdue', states: ['overdue'] },
  { key: 'paid', nb: 'Betalte', en: 'Paid', states: ['paid'] },
  { key: 'credited', nb: 'Krediterte', en: 'Credited', states: ['credited', 'credit_note'] },
  { key: 'void', nb: 'Annullerte', en: 'Void', states: ['void'] },
] as const satisfies readonly { key: string; nb: string; en: string; states: readonly InvoiceState[] }[];
export type InvoiceTab = (typeof INVOICE_TABS)[number]['key'];
const INVOICE_TAB_KEYS = INVOICE_TABS.map((t) => t.key) as unknown as readonly [InvoiceTab, ...InvoiceTab[]];

export const invoicePageInput = z
  .object({
    ...gridBlockFields,
    tab: z.enum(INVOICE_TAB_KEYS).default('all'),
    customerId: id.nullable().optional(),
    /** Invoice number, KID, customer name or number, folded (æøå) like every search. */
    search: text(200).optional(),
  })
  .strict()
  .superRefine(checkGridBlock);
export type InvoicePageInput = z.input<typeof invoicePageInput>;

export interface InvoicePage {
  readonly rows: readonly InvoiceBalance[];
  readonly rowCount: number;
}

/** One payment as it touches one invoice. */
export interface PaymentEntry {
  readonly id: number;
  readonly paidOn: string;
  /** The whole amount received. */
  readonly amountOre: number;
  readonly method: ReceiptMethod;
  readonly source: 'manual' | 'bank_file' | 'cash_sale' | 'card_capture';
  readonly reference: string | null;
  readonly kid: string | null;
  /** What of it went to this invoice (net of a release after a credit note). */
  readonly allocatedHereOre: number;
  readonly userName: string | null;
  readonly createdAt: string;
}

export interface ReminderSummary {
  readonly id: number;
  readonly customerId: number;
  readonly customerName: string;
  readonly sentOn: string;
  readonly payBy: string;
  readonly feeOre: number;
  readonly documentId: number | null;
  readonly invoices: readonly { readonly invoiceId: number; readonly number: number; readonly level: number; readonly outstandingOre: number; readonly feeOre: number }[];
}

export interface InvoiceDetail {
  readonly balance: InvoiceBalance;
  readonly payments: readonly PaymentEntry[];
  readonly reminders: readonly ReminderSummary[];
  /** The customer's credit (overpaid, not yet used), usable on this invoice. */
  readonly customerCreditOre: number;
  /** Whether it may be voided now, and if not why (nb/en): only an invoice that never left the house. */
  readonly voidable: { readonly allowed: boolean; readonly reasonNb: string | null; readonly reasonEn: string | null };
}

// ---- The customer ledger ----------------------------------------------------------

export type AgingAmounts = Readonly<Record<AgingBucket, number>>;

export interface CustomerLedger {
  readonly customerId: number;
  readonly customerName: string;
  readonly openItems: readonly InvoiceBalance[];
  readonly aging: AgingAmounts;
  /** What the customer owes: open items plus unpaid fees. */
  readonly totalOre: number;
  readonly overdueOre: number;
  readonly feesOre: number;
  readonly creditOre: number;
}

export interface AgingRow {
  readonly customerId: number;
  readonly customerNumber: number;
  readonly customerName: string;
  readonly aging: AgingAmounts;
  readonly totalOre: number;
  readonly overdueOre: number;
  readonly creditOre: number;
  readonly invoiceCount: number;
  readonly oldestDueDate: string;
  readonly lastReminderOn: string | null;
}

// ---- Bank files --------------------------------------------------------------------

export const BANK_FORMATS = ['ocr', 'camt054'] as const;
export type BankFormat = (typeof BANK_FORMATS)[number];

/** Why a bank transaction was not matched by itself. */
export const BANK_PROBLEMS = [
  { key: 'no_kid', nb: 'Mangler KID', en: 'No KID' },
  { key: 'invalid_kid', nb: 'KID har feil kontrollsiffer', en: 'KID check digit is wrong' },
  { key: 'unknown_kid', nb: 'Ukjent KID', en: 'Unknown KID' },
  { key: 'wrong_amount', nb: 'Beløpet stemmer ikke', en: 'Amount does not match' },
  { key: 'already_settled', nb: 'Fakturaen er allerede oppgjort', en: 'Invoice already settled' },
  { key: 'not_payable', nb: 'Fakturaen er annullert eller kreditert', en: 'Invoice is void or credited' },
] as const;
export type BankProblem = (typeof BANK_PROBLEMS)[number]['key'];

export interface BankTransaction {
  readonly id: number;
  readonly importId: number;
  /** The bank's own reference for it: the same transaction in another file is never paid twice. */
  readonly externalRef: string;
  readonly bookingDate: string;
  readonly amountOre: number;
  readonly kid: string | null;
  readonly payerName: string | null;
  readonly payerAccount: string | null;
  readonly message: string | null;
  /** matched: paid by KID on import; unmatched: waits for a clerk; manual: matched or put to credit by hand. */
  readonly state: 'matched' | 'unmatched' | 'manual';
  readonly problem: BankProblem | null;
  /** The invoice matched, or for an unmatched one the likely invoice (by KID) to offer first. */
  readonly invoiceId: number | null;
  readonly invoiceNumber: number | null;
  readonly customerId: number | null;
  readonly paymentId: number | null;
}

export interface BankImportReport {
  readonly importId: number;
  readonly format: BankFormat;
  readonly fileName: string;
  readonly importedAt: string;
  readonly transactions: readonly BankTransaction[];
  readonly matchedCount: number;
  readonly matchedOre: number;
  readonly unmatchedCount: number;
  readonly unmatchedOre: number;
  /** Transactions skipped because an earlier file already brought them (with its reference). */
  readonly duplicates: readonly { readonly externalRef: string; readonly amountOre: number; readonly kid: string | null; readonly importId: number }[];
  /** Entries in the file that are not payments to the company (debits, reversals, not yet booked, another currency), with why (nb/en); nothing is registered for them. */
  readonly ignored: readonly { readonly externalRef: string | null; readonly amountOre: number; readonly kid: string | null; readonly reasonNb: string; readonly reasonEn: string }[];
}

// ---- Reminders -----------------------------------------------------------------------

/** A customer with overdue invoices, and what a reminder now would charge (SPEC 11; domain/reminderRules.ts). */
export interface ReminderCandidate {
  readonly customerId: number;
  readonly customerNumber: number;
  readonly customerName: string;
  readonly invoices: readonly {
    readonly invoiceId: number;
    readonly number: number;
    readonly dueDate: string;
    readonly daysOverdue: number;
    readonly outstandingOre: number;
    /** Which reminder of this invoice it would be (1 = first). */
    readonly level: number;
    readonly feeOre: number;
    /** Why no fee, when none (nb/en), e.g. less than 14 days past due. */
    readonly noFeeReasonNb: string | null;
    readonly noFeeReasonEn: string | null;
  }[];
  readonly totalOre: number;
  readonly feeOre: number;
  readonly lastReminderOn: string | null;
}

export interface ReminderBatch {
  readonly reminders: readonly ReminderSummary[];
  /** The archived reminder PDFs, one per customer, for documents.combine / documents.get. */
  readonly documentIds: readonly number[];
  /** Customers skipped, with the reason (nb/en). */
  readonly skipped: readonly { readonly customerId: number; readonly reasonNb: string; readonly reasonEn: string }[];
}

// ---- Channels ----------------------------------------------------------------------

export const receivablesChannels = {
  /** The invoice screen's list: paged, sorted and filtered by the engine, tabs by derived state. */
  'invoices.page': channel<InvoicePage>()(invoicePageInput),
  /** How many invoices each tab holds under the same search and customer. */
  'invoices.tabCounts': channel<Readonly<Record<InvoiceTab, number>>>()(
    z.object({ search: text(200).optional(), customerId: id.nullable().optional() }).strict(),
  ),
  'invoices.detail': channel<InvoiceDetail>()(z.object({ invoiceId: id }).strict()),
  /** Marks a spoiled invoice that never left the house void: kept, number kept, goods and order restored (SPEC 9). */
  'invoices.void': channel<InvoiceDetail>()(z.object({ invoiceId: id, reason: requiredText(200) }).strict(), { right: 'credit' }),
  /** A payment on an invoice; what exceeds its outstanding amount stays as the customer's credit. */
  'payments.register': channel<InvoiceDetail>()(
    z
      .object({
        invoiceId: id,
        amountOre: nonNegativeOre.min(1),
        paidOn: isoDate,
        method: z.enum(RECEIPT_METHOD_KEYS),
        reference: optionalText(100),
      })
      .strict(),
    { right: 'invoice' },
  ),
  /** Uses the customer's credit (an earlier overpayment) on an invoice: all that is needed, or the amount given. */
  'payments.useCredit': channel<InvoiceDetail>()(
    z.object({ invoiceId: id, amountOre: nonNegativeOre.min(1).optional() }).strict(),
    { right: 'invoice' },
  ),
  /** Pays a customer's credit back to them. */
  'payments.refundCredit': channel<{ readonly creditOre: number }>()(
    z.object({ customerId: id, amountOre: nonNegativeOre.min(1), paidOn: isoDate, reference: optionalText(100) }).strict(),
    { right: 'invoice' },
  ),
  'ledger.customer': channel<CustomerLedger>()(z.object({ customerId: id }).strict()),
  /** Every customer who owes something, with aging, for the whole company. */
  'ledger.aging': channel<{ readonly rows: readonly AgingRow[]; readonly totals: AgingAmounts & { readonly totalOre: number } }>()(NO_INPUT),
  /** Imports a bank file (Nets OCR giro or camt.054) given as its text; matches by KID. */
  'bank.import': channel<BankImportReport>()(
    z.object({ fileName: requiredText(255), content: z.string().min(1).max(20_000_000) }).strict(),
    { right: 'invoice' },
  ),
  'bank.imports': channel<readonly { readonly id: number; readonly format: BankFormat; readonly fileName: string; readonly importedAt: string; readonly count: number; readonly matchedCount: number; readonly totalOre: number }[]>()(NO_INPUT),
  /** Bank transactions: the ones waiting to be matched by hand, or all of one import. */
  'bank.transactions': channel<readonly BankTransaction[]>()(
    z.object({ importId: id.optional(), state: z.enum(['unmatched', 'all']).default('unmatched') }).strict(),
  ),
  /** Matches a waiting transaction to an invoice by hand (a partial payment or an overpayment as credit). */
  'bank.match': channel<BankTransaction>()(z.object({ transactionId: id, invoiceId: id }).strict(), { right: 'invoice' }),
  /** Registers a waiting transaction as a customer's credit, to be used later. */
  'bank.toCredit': channel<BankTransaction>()(z.object({ transactionId: id, customerId: id }).strict(), { right: 'invoice' }),
  /** Customers with overdue invoices and what a reminder today would list and charge. */
  'reminders.candidates': channel<readonly ReminderCandidate[]>()(NO_INPUT),
  /** Sends reminders in a batch: one PDF per customer, orders to Purret, archived and logged. */
  'reminders.send': channel<ReminderBatch>()(
    z.object({ customerIds: z.array(id).min(1).max(5000), language: z.enum(LANGUAGES).optional() }).strict(),
    { right: 'invoice' },
  ),
  'reminders.list': channel<readonly ReminderSummary[]>()(z.object({ customerId: id.optional(), invoiceId: id.optional() }).strict()),
};
