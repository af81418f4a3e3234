// Bank files (SPEC 11): a Nets OCR giro or camt.054 file is read, and each
// incoming payment is matched to an invoice by KID. Only an exact match pays on
// its own; anything else (no KID, a bad check digit, an unknown KID, another
// amount, an invoice already settled) waits for a clerk, who matches it by hand
// or puts it to the customer's credit. The same file, or the same transaction in
// another file, never pays twice. A handler runs this in one transaction, and a
// file that does not parse is refused before anything is written.
import { createHash } from 'node:crypto';
import type { BankImportReport, BankProblem, BankTransaction } from '../../../shared/channels/receivables';
import { isValidKid } from '../../../shared/checks';
import { DomainError } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import type { HandlerContext } from '../context';
import { parseBankFile, type BankFileTransaction } from '../domain/bankFiles';
import { invoiceState, outstandingOre } from '../domain/invoiceState';
import {
  bankRefOf,
  getTransaction,
  importBySha,
  importOfRef,
  insertImport,
  insertTransaction,
  invoiceByKid,
  resolveTransaction,
  transactionsOf,
  type TransactionOutcome,
} from '../repos/bank';
import { getCustomerRow } from '../repos/customers';
import { getInvoice } from '../repos/invoices';
import { invoiceFigures } from '../repos/payments';
import { payInvoice, receivePayment } from './payments';

/** Why a payment does not settle its invoice by itself, or null when it does (an exact match by KID). */
function matchByKid(ctx: HandlerContext, t: BankFileTransaction): { problem: BankProblem | null; invoiceId: number | null; customerId: number | null } {
  if (t.kid === null) return { problem: 'no_kid', invoiceId: null, customerId: null };
  if (!isValidKid(t.kid)) return { problem: 'invalid_kid', invoiceId: null, customerId: null };
  const invoice = invoiceByKid(ctx.db, t.kid);
  if (!invoice) return { problem: 'unknown_kid', invoiceId: null, customerId: null };
  const found = { invoiceId: invoice.id, customerId: invoice.customerId };
  const figures = invoiceFigures(ctx.db, invoice.id)!;
  const state = invoiceState(figures, ctx.today);
  if (state === 'void' || state === 'credited') return { problem: 'not_payable', ...found };
  const outstanding = outstandingOre(figures);
  if (outstanding <= 0) return { problem: 'already_settled', ...found };
  if (outstanding !== t.amountOre) return { problem: 'wrong_amount', ...found };
  return { problem: null, ...found };
}

function settle(ctx: HandlerContext, t: BankFileTransaction): TransactionOutcome {
  const m = matchByKid(ctx, t);
  if (m.problem !== null || m.invoiceId === null) return { state: 'unmatched', problem: m.problem, invoiceId: m.invoiceId, customerId: m.customerId, paymentId: null };
  const { paymentId } = payInvoice(ctx, {
    invoiceId: m.invoiceId,
    amountOre: t.amountOre,
    paidOn: t.bookingDate,
    method: 'bank',
    source: 'bank_file',
    reference: t.bankRef,
    kid: t.kid,
  });
  return { state: 'matched', problem: null, invoiceId: m.invoiceId, customerId: m.customerId, paymentId };
}

export function importBankFile(ctx: HandlerContext, fileName: string, content: string): BankImportReport {
  const sha256 = createHash('sha256').update(content, 'utf8').digest('hex');
  const earlier = importBySha(ctx.db, sha256);
  if (earlier) {
    throw new DomainError('bank_file_already_imported', 'content', { at: formatDateTime(earlier.importedAt), fileName: earlier.fileName });
  }
  const parsed = parseBankFile(content);
  const importedAt = ctx.now.toISOString();
  const importId = insertImport(ctx.db, { format: parsed.format, fileName, sha256, importedAt, userId: ctx.userId });
  const duplicates: BankImportReport['duplicates'][number][] = [];
  const ids: number[] = [];
  for (const t of parsed.transactions) {
    const before = importOfRef(ctx.db, t.externalRef);
    if (before !== null) {
      duplicates.push({ externalRef: t.externalRef, amountOre: t.amountOre, kid: t.kid, importId: before });
      continue;
    }
    ids.push(insertTransaction(ctx.db, importId, t, settle(ctx, t)));
  }
  const transactions = transactionsOf(ctx.db, { importId, unmatchedOnly: false });
  const sum = (rows: readonly BankTransaction[]) => rows.reduce((s, r) => s + r.amountOre, 0);
  const matched = transactions.filter((t) => t.state === 'matched');
  const unmatched = transactions.filter((t) => t.state === 'unmatched');
  return {
    importId,
    format: parsed.format,
    fileName,
    importedAt,
    transactions,
    matchedCount: matched.length,
    matchedOre: sum(matched),
    unmatchedCount: unmatched.length,
    unmatchedOre: sum(unmatched),
    duplicates,
    ignored: parsed.ignored,
  };
}

function waiting(ctx: HandlerContext, transactionId: number): BankTransaction {
  const t = getTransaction(ctx.db, transactionId);
  if (!t) throw new DomainError('not_found', 'transactionId', { entity: 'banktransaksjon', id: transactionId });
  if (t.state !== 'unmatched') throw new DomainError('bank_transaction_resolved', 'transactionId', { state: t.state });
  return t;
}

/** A clerk matches a waiting transaction to an invoice: what exceeds its outstanding amount stays as the customer's credit. */
export function matchByHand(ctx: HandlerContext, transactionId: number, invoiceId: number): BankTransaction {
  const t = waiting(ctx, transactionId);
  const { paymentId } = payInvoice(ctx, { invoiceId, amountOre: t.amountOre, paidOn: t.bookingDate, method: 'bank', source: 'bank_file', reference: bankRefOf(ctx.db, t.id), kid: t.kid });
  const customerId = getInvoice(ctx.db, invoiceId)!.customerId;
  resolveTransaction(ctx.db, t.id, { invoiceId, customerId, paymentId, at: ctx.now.toISOString(), userId: ctx.userId });
  return getTransaction(ctx.db, t.id)!;
}

/** A clerk puts a waiting transaction to a customer's credit, to be used on a later invoice or paid back. */
export function toCredit(ctx: HandlerContext, transactionId: number, customerId: number): BankTransaction {
  const t = waiting(ctx, transactionId);
  if (!getCustomerRow(ctx.db, customerId)) throw new DomainError('unknown_customer', 'customerId', { id: customerId });
  const paymentId = receivePayment(ctx, { customerId, amountOre: t.amountOre, paidOn: t.bookingDate, method: 'bank', source: 'bank_file', reference: bankRefOf(ctx.db, t.id), kid: t.kid });
  resolveTransaction(ctx.db, t.id, { invoiceId: null, customerId, paymentId, at: ctx.now.toISOString(), userId: ctx.userId });
  return getTransaction(ctx.db, t.id)!;
}

