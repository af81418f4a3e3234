// The accounting handoff (SPEC 11): one function per event, called where the event
// happens, each making the event's batch of balanced vouchers on the company's
// account mapping. Cash sales wait to be posted by hand unless the company posts
// them automatically (company.postCashInvoices); every other batch is posted as made.
//
// Cost of goods is booked per invoice (and per credit note that takes goods back),
// at the issue cost its order lines left stock with (stock movements), not per
// stock movement: the invoice is the event the accountant sees, and goods delivered
// but not yet invoiced are still the company's stock in the ledger as they are on
// the shelf until invoiced. The stock account does not equal the stock value of the
// batches: goods enter stock at reception (the warehouse's own restocking has no
// supplier invoice at all), while a supplier invoice books stock at its invoiced
// price and date; an inventory adjustment voucher would be the accountant's.
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { ACCOUNT_KEYS } from '../domain/accountKeys';
import {
  costOfGoodsVoucher,
  creditVoucher,
  invoiceVoucher,
  isBalanced,
  paymentVoucher,
  reminderFeeVoucher,
  reversedVoucher,
  supplierInvoiceVoucher,
  type CreditMovement,
  type VoucherDraft,
} from '../domain/vouchers';
import {
  accountMap,
  backfillPending,
  backfillSources,
  batchHasVouchers,
  batchIdOfSource,
  cashSaleSettlements,
  claimAllocations,
  clearBackfill,
  costOfGoodsOre,
  insertBatch,
  insertVoucher,
  linesOfBatch,
  paymentRow,
  reminderFeeRow,
  supplierInvoiceLines,
  supplierInvoiceRow,
  unbookedAllocations,
  type AllocationRow,
  type BatchValues,
  type StoredLine,
} from '../repos/accounting';
import { getCompany } from '../repos/company';
import { getInvoice } from '../repos/invoices';

/** What booking needs of a handler's context (the engine also books on opening a file, outside any handler). */
export type BookingContext = Pick<HandlerContext, 'db' | 'now' | 'today'>;

/**
 * Stores a batch with its vouchers, once per source: an event already booked is
 * not booked again. A batch kept from before vouchers existed (the cash sales of
 * earlier versions) gets its vouchers.
 */
function book(
  ctx: BookingContext,
  batch: Omit<BatchValues, 'at'>,
  vouchers: readonly ({ description: string; lines: readonly StoredLine[] } | VoucherDraft | null)[],
  allocationIds: readonly number[] = [],
): number | null {
  const { db } = ctx;
  const existing = batchIdOfSource(db, batch.source);
  if (existing !== null && batchHasVouchers(db, existing)) return null;
  const drafts = vouchers.filter((v): v is NonNullable<typeof v> => v !== null && v.lines.length > 0);
  if (drafts.length === 0 && allocationIds.length === 0) return null;
  const map = accountMap(db);
  const resolved = drafts.map((v) => ({
    description: v.description,
    lines: v.lines.map((l): StoredLine => {
      if (!('key' in l)) return l;
      const account = map.get(l.key);
      if (!account) throw new DomainError('account_not_mapped', null, { key: ACCOUNT_KEYS.find((k) => k.key === l.key)?.nb ?? l.key });
      const { key: _k, ...rest } = l;
      return { ...rest, account: account.number };
    }),
  }));
  for (const v of resolved) if (!isBalanced(v.lines)) throw new Error(`unbalanced voucher: ${v.description}`);
  const batchId = existing ?? insertBatch(db, { ...batch, at: ctx.now.toISOString() });
  for (const v of resolved) insertVoucher(db, batchId, batch.date, v.description, v.lines);
  claimAllocations(db, batchId, allocationIds);
  return batchId;
}

/**
 * An invoice or credit note as issued (services/processing.ts issueInvoice,
 * services/invoicing.ts creditInvoice). A cash sale, paid as it is issued, is one
 * batch for the sale and its payment ("en bunt pr. kontantordre").
 */
export function recordInvoice(ctx: BookingContext, invoiceId: number): void {
  const inv = getInvoice(ctx.db, invoiceId);
  if (!inv) return;
  const what = inv.kind === 'invoice' ? `Faktura ${inv.number}` : `Kreditnota ${inv.number}`;
  const sale = invoiceVoucher({
    kind: inv.kind,
    number: inv.number,
    customerId: inv.customerId,
    payableOre: inv.payableOre,
    roundingOre: inv.roundingOre,
    vatRegistered: inv.vatRegistered,
    byRate: inv.byRate,
  });
  const cogs = costOfGoodsVoucher(what, costOfGoodsOre(ctx.db, inv.id, inv.kind, inv.number));
  const cash = inv.kind === 'invoice' && inv.payment !== null;
  if (!cash) {
    book(ctx, { kind: inv.kind, source: `invoice:${inv.id}`, reference: what, date: inv.invoiceDate, posted: true, invoiceId: inv.id }, [sale, cogs]);
    return;
  }
  const paid = paymentVoucher({ reference: `Kontant betalt, faktura ${inv.number}`, customerId: inv.customerId, method: inv.payment!.method, amountOre: inv.payableOre, settledOre: inv.payableOre });
  const posted = getCompany(ctx.db)?.postCashInvoices ?? false;
  book(
    ctx,
    { kind: 'cash_sale', source: `invoice:${inv.id}`, reference: `Kontantsalg ${inv.number}`, date: inv.invoiceDate, posted, invoiceId: inv.id },
    [sale, paid, cogs],
    cashSaleSettlements(ctx.db, inv.id).map((a) => a.id),
  );
}

/**
 * Money received (services/payments.ts payInvoice): what it settled in the same
 * step comes off receivables, the rest is the customer's credit. A cash sale's
 * payment is in the sale's batch already.
 */
export function recordPayment(ctx: BookingContext, paymentId: number): void {
  const p = paymentRow(ctx.db, paymentId);
  if (!p || p.source === 'cash_sale') return;
  // The allocations made with the payment (the same moment); later uses of what it left are credit movements.
  const own = unbookedAllocations(ctx.db, { paymentId }).filter((a) => a.at === p.createdAt && a.kind === 'settle' && a.amountOre > 0);
  const settled = own.reduce((s, a) => s + a.amountOre, 0);
  const reference = p.kid ? `Innbetaling KID ${p.kid}` : `Innbetaling${p.reference ? ` ${p.reference}` : ''}`;
  book(
    ctx,
    { kind: 'payment', source: `payment:${p.id}`, reference, date: p.paidOn, posted: true, invoiceId: null },
    [paymentVoucher({ reference, customerId: p.customerId, method: p.method, amountOre: p.amountOre, settledOre: settled })],
    own.map((a) => a.id),
  );
}

const movementText = (a: AllocationRow): string =>
  a.kind === 'refund'
    ? 'Tilbakebetalt til kunde'
    : a.amountOre > 0
      ? `Kundens tilgode brukt på faktura ${a.invoiceNumber ?? ''}`.trim()
      : `Tilbakeført til kundens tilgode, faktura ${a.invoiceNumber ?? ''}`.trim();

function bookMovements(ctx: BookingContext, moves: readonly AllocationRow[]): void {
  if (moves.length === 0) return;
  const refund = moves.some((a) => a.kind === 'refund');
  const reference = refund ? 'Tilbakebetaling til kunde' : movementText(moves[0]!);
  const voucher = creditVoucher(
    reference,
    moves.map((a): CreditMovement => ({ kind: a.kind, amountOre: a.amountOre, customerId: a.customerId, method: a.method, description: movementText(a) })),
  );
  book(
    ctx,
    { kind: refund ? 'refund' : 'payment', source: `credit:${moves[0]!.id}`, reference, date: moves[0]!.onDate, posted: true, invoiceId: null },
    [voucher],
    moves.map((a) => a.id),
  );
}

/**
 * Movements of customers' credit not booked yet (services/payments.ts useCredit,
 * refundCredit, settleAfterCredit): credit used on an invoice, given back by a
 * credit note, paid back. One batch for what one step did (its allocations carry the step's moment).
 */
export function recordCreditMovements(ctx: BookingContext): void {
  bookMovements(ctx, unbookedAllocations(ctx.db, { at: ctx.now.toISOString() }));
}

/** A reminder fee charged (the reminders part calls this as it sends a reminder with a fee). */
export function recordReminderFee(ctx: BookingContext, reminderId: number): void {
  const r = reminderFeeRow(ctx.db, reminderId);
  if (!r || r.feeOre <= 0) return;
  const what = `Purregebyr, purring ${r.id}`;
  book(ctx, { kind: 'reminder_fee', source: `reminder:${r.id}`, reference: what, date: r.sentOn, posted: true, invoiceId: null }, [
    reminderFeeVoucher(what, r.customerId, r.feeOre),
  ]);
}

/** A void (SPEC 9): the invoice's batch reversed, dated the day it is voided. */
export function recordVoid(ctx: BookingContext, invoiceId: number): void {
  const original = batchIdOfSource(ctx.db, `invoice:${invoiceId}`);
  if (original === null) return;
  const inv = getInvoice(ctx.db, invoiceId);
  const what = `Annullert faktura ${inv?.number ?? invoiceId}`;
  book(ctx, { kind: 'void', source: `void:${invoiceId}`, reference: what, date: ctx.today, posted: true, invoiceId }, [
    reversedVoucher(what, linesOfBatch(ctx.db, original)),
  ]);
}

/** A supplier invoice registered (services/purchasing.ts matchSupplierInvoice). */
export function recordSupplierInvoice(ctx: BookingContext, supplierInvoiceId: number): void {
  const s = supplierInvoiceRow(ctx.db, supplierInvoiceId);
  if (!s) return;
  const voucher = supplierInvoiceVoucher({
    number: s.invoiceNumber,
    supplierId: s.supplierId,
    vatRegistered: getCompany(ctx.db)?.vatRegistered ?? true,
    lines: supplierInvoiceLines(ctx.db, s.id),
  });
  book(
    ctx,
    { kind: 'supplier_invoice', source: `supplier_invoice:${s.id}`, reference: voucher.description, date: s.invoiceDate, posted: true, invoiceId: null },
    [voucher],
  );
}

/**
 * A company file from before the accounting handoff: every event it holds is booked
 * once, in the order it happened, with the rules above (migration 014 marks the file).
 */
export function backfillAccounting(ctx: BookingContext): boolean {
  const { db } = ctx;
  if (!backfillPending(db)) return false;
  type Event = { at: string; order: number; run: () => void };
  const events: Event[] = [];
  const sources = backfillSources(db);
  for (const r of sources.invoices) {
    events.push({ at: r.at, order: 0, run: () => recordInvoice(ctx, r.id) });
    if (r.voided === 1) events.push({ at: r.at, order: 5, run: () => recordVoid(ctx, r.id) });
  }
  for (const r of sources.payments) {
    events.push({ at: r.at, order: 1, run: () => recordPayment(ctx, r.id) });
  }
  for (const r of sources.reminders) {
    events.push({ at: r.at, order: 2, run: () => recordReminderFee(ctx, r.id) });
  }
  for (const r of sources.supplierInvoices) {
    events.push({ at: r.at, order: 3, run: () => recordSupplierInvoice(ctx, r.id) });
  }
  // Movements of credit, one group per step (the moment it was made); a payment's own settlements go with the payment.
  const groups = new Map<string, AllocationRow[]>();
  for (const a of unbookedAllocations(db)) {
    const p = paymentRow(db, a.paymentId)!;
    if (p.source !== 'cash_sale' && a.at === p.createdAt && a.kind === 'settle' && a.amountOre > 0) continue;
    groups.set(a.at, [...(groups.get(a.at) ?? []), a]);
  }
  for (const [at, moves] of groups) events.push({ at, order: 4, run: () => bookMovements(ctx, moves) });
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.order - b.order));
  for (const e of events) e.run();
  clearBackfill(db);
  return true;
}
