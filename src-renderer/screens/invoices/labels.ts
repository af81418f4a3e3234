// Words for the receivables' keys (invoice states, bank problems, receipt
// methods, aging buckets), read from the shared lists so that a key the engine
// adds is named the same everywhere.
import { BANK_PROBLEMS, type BankProblem } from '../../../shared/channels/receivables';
import { AGING_BUCKETS, INVOICE_STATES, RECEIPT_METHODS, type AgingBucket, type InvoiceState, type Language, type ReceiptMethod } from '../../../shared/enums';

const labelIn = <K extends string>(list: readonly { key: K; nb: string; en: string }[], key: K | null | undefined, lang: Language): string => {
  const item = list.find((x) => x.key === key);
  return item ? item[lang] : '';
};

export const invoiceStateLabel = (state: InvoiceState, lang: Language): string => labelIn(INVOICE_STATES, state, lang);
export const bankProblemLabel = (problem: BankProblem | null, lang: Language): string => labelIn(BANK_PROBLEMS, problem, lang);
export const receiptMethodLabel = (method: ReceiptMethod, lang: Language): string => labelIn(RECEIPT_METHODS, method, lang);
export const agingLabel = (bucket: AgingBucket, lang: Language): string => labelIn(AGING_BUCKETS, bucket, lang);

/** Today on this workstation as yyyy-mm-dd (the date a payment is registered on unless the clerk types another). */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
