// Reminders (SPEC 11): who has overdue invoices and what a reminder today would
// charge, and sending reminders in a batch, one per customer, as batch printing
// works: each is written, rendered, archived with its orders and logged before
// the next. The fee follows domain/reminderRules.ts.
import type { ReminderBatch, ReminderCandidate } from '../../../shared/channels/receivables';
import type { Language } from '../../../shared/enums';
import { REMINDABLE_KINDS } from '../../../shared/kinds';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { commonParts, partyOf, type Common } from '../documents/build';
import type { ReminderModel } from '../documents/model';
import { issueReminderDocument } from '../documents/service';
import { reminderFees, reminderPayBy } from '../domain/reminderRules';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { getCustomerRow } from '../repos/customers';
import { partyLanguage } from '../repos/documents';
import { allOpenItems, openItemsOf, ordersOfInvoice } from '../repos/payments';
import { insertReminder, insertReminderInvoice, listReminders, reminderHistory, setReminderDocument } from '../repos/reminders';
import { recordReminderFee } from './accounting';
import { reload, setStatusKind } from './processing';
import type { InvoiceBalance } from '../../../shared/channels/receivables';

interface Planned {
  readonly customerId: number;
  readonly items: readonly { readonly balance: InvoiceBalance; readonly level: number; readonly feeOre: number; readonly noFeeReasonNb: string | null; readonly noFeeReasonEn: string | null }[];
  /** The latest earlier reminder of these invoices: a second reminder refers to it. */
  readonly previousSentOn: string | null;
}

/**
 * What a reminder today would list for a customer: the overdue invoices whose
 * last reminder's deadline has passed (a reminder still running is not repeated),
 * each with its level and fee.
 */
function plan(ctx: HandlerContext, customerId: number, open: readonly InvoiceBalance[], companyFeeOre: number): Planned | null {
  const overdue = open.filter((b) => b.customerId === customerId && b.state === 'overdue');
  if (overdue.length === 0) return null;
  const history = reminderHistory(ctx.db, overdue.map((b) => b.invoiceId));
  const due = overdue.filter((b) => history.get(b.invoiceId)!.earlier.every((e) => e.payBy < ctx.today));
  if (due.length === 0) return null;
  const fees = reminderFees(
    due.map((b) => ({ invoiceId: b.invoiceId, number: b.number, dueDate: b.dueDate, ...history.get(b.invoiceId)! })),
    companyFeeOre,
    ctx.today,
  );
  const byId = new Map(due.map((b) => [b.invoiceId, b]));
  const previous = due.flatMap((b) => history.get(b.invoiceId)!.earlier.map((e) => e.sentOn)).sort();
  return {
    customerId,
    items: fees.map((f) => ({ balance: byId.get(f.invoiceId)!, level: f.level, feeOre: f.feeOre, noFeeReasonNb: f.noFeeReasonNb, noFeeReasonEn: f.noFeeReasonEn })),
    previousSentOn: previous.at(-1) ?? null,
  };
}

export function reminderCandidates(ctx: HandlerContext): ReminderCandidate[] {
  const fee = getCompany(ctx.db)?.reminderFeeOre ?? 0;
  const open = allOpenItems(ctx.db, ctx.today);
  const customers = [...new Set(open.filter((b) => b.state === 'overdue').map((b) => b.customerId))];
  const out: ReminderCandidate[] = [];
  for (const customerId of customers) {
    const p = plan(ctx, customerId, open, fee);
    if (!p) continue;
    const first = p.items[0]!.balance;
    out.push({
      customerId,
      customerNumber: first.customerNumber,
      customerName: first.customerName,
      invoices: p.items.map((i) => ({
        invoiceId: i.balance.invoiceId,
        number: i.balance.number,
        dueDate: i.balance.dueDate,
        daysOverdue: i.balance.daysOverdue,
        outstandingOre: i.balance.outstandingOre,
        level: i.level,
        feeOre: i.feeOre,
        noFeeReasonNb: i.noFeeReasonNb,
        noFeeReasonEn: i.noFeeReasonEn,
      })),
      totalOre: p.items.reduce((s, i) => s + i.balance.outstandingOre, 0),
      feeOre: p.items.reduce((s, i) => s + i.feeOre, 0),
      lastReminderOn: p.previousSentOn,
    });
  }
  return out;
}

function sendOne(ctx: HandlerContext, p: Planned, language: Language, common: Common): { reminderId: number; documentId: number } {
  const feeOre = p.items.reduce((s, i) => s + i.feeOre, 0);
  const payBy = reminderPayBy(ctx.today);
  const at = ctx.now.toISOString();
  const reminderId = insertReminder(ctx.db, { partyId: p.customerId, sentOn: ctx.today, payBy, feeOre, createdAt: at, userId: ctx.userId });
  for (const i of p.items) {
    insertReminderInvoice(ctx.db, { reminderId, invoiceId: i.balance.invoiceId, level: i.level, outstandingOre: i.balance.outstandingOre, feeOre: i.feeOre });
  }
  recordReminderFee(ctx, reminderId);
  // The fees column: every fee on the invoice not yet paid, this reminder's included.
  const lines = p.items.map((i) => {
    const b = i.balance;
    return { number: b.number, invoiceDate: b.invoiceDate, dueDate: b.dueDate, kid: b.kid, outstandingOre: b.outstandingOre, feeOre: b.feesOutstandingOre + i.feeOre };
  });
  const customer = getCustomerRow(ctx.db, p.customerId);
  if (!customer) throw new DomainError('not_found', 'customerIds', { entity: 'kunde', id: p.customerId });
  const model: ReminderModel = {
    kind: 'reminder',
    language,
    issuedAt: at,
    seller: common.seller,
    logo: common.logo,
    reminder: { number: reminderId, sentOn: ctx.today, payBy, level: Math.max(...p.items.map((i) => i.level)), previousSentOn: p.previousSentOn, feeOre },
    buyer: partyOf(ctx.db, p.customerId, customer.name),
    lines,
    totalOre: lines.reduce((s, l) => s + l.outstandingOre + l.feeOre, 0),
  };
  const orderIds = [...new Set(p.items.flatMap((i) => ordersOfInvoice(ctx.db, i.balance.invoiceId)))];
  const { document } = issueReminderDocument(ctx, model, common, orderIds);
  setReminderDocument(ctx.db, reminderId, document.id);

  const after = { reminderId, documentId: document.id, payBy, feeOre, invoices: p.items.map((i) => ({ number: i.balance.number, level: i.level, feeOre: i.feeOre })) };
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'customer', entityId: p.customerId, action: 'reminder', after });
  for (const i of p.items) logActivity(ctx.db, { at, userId: ctx.userId, entity: 'invoice', entityId: i.balance.invoiceId, action: 'reminder', after: { reminderId, level: i.level, feeOre: i.feeOre } });
  // The orders of the invoices (all orders of a collective invoice) to the flow's Purret.
  for (const orderId of orderIds) {
    const order = reload(ctx.db, orderId);
    if (!REMINDABLE_KINDS.includes(order.statusKind)) continue;
    setStatusKind(ctx, order, 'reminded');
    const now = reload(ctx.db, orderId);
    logActivity(ctx.db, { at, userId: ctx.userId, entity: 'order', entityId: orderId, action: 'status', before: { statusId: order.statusId }, after: { statusId: now.statusId, reason: 'reminder', reminderId } });
  }
  return { reminderId, documentId: document.id };
}

/**
 * Sends reminders to these customers, one each. A customer with nothing to remind
 * of is skipped with the reason; a customer that does not exist refuses the call.
 */
export function sendReminders(ctx: HandlerContext, customerIds: readonly number[], language: Language | undefined): ReminderBatch {
  const common = commonParts(ctx.db);
  const fee = getCompany(ctx.db)?.reminderFeeOre ?? 0;
  const reminderIds: number[] = [];
  const documentIds: number[] = [];
  const skipped: { customerId: number; reasonNb: string; reasonEn: string }[] = [];
  [...new Set(customerIds)].forEach((customerId, i) => {
    if (!getCustomerRow(ctx.db, customerId)) throw new DomainError('not_found', `customerIds.${i}`, { entity: 'kunde', id: customerId });
    const p = plan(ctx, customerId, openItemsOf(ctx.db, customerId, ctx.today), fee);
    if (!p) {
      skipped.push({
        customerId,
        reasonNb: 'Kunden har ingen forfalte fakturaer å purre nå (eller fristen i forrige purring er ikke ute).',
        reasonEn: 'The customer has no overdue invoices to remind of now (or the deadline of the last reminder has not passed).',
      });
      return;
    }
    const sent = sendOne(ctx, p, language ?? partyLanguage(ctx.db, customerId), common);
    reminderIds.push(sent.reminderId);
    documentIds.push(sent.documentId);
  });
  const reminders = reminderIds.length > 0 ? listReminders(ctx.db, { reminderIds }) : [];
  return { reminders: [...reminders].sort((a, b) => reminderIds.indexOf(a.id) - reminderIds.indexOf(b.id)), documentIds, skipped };
}
