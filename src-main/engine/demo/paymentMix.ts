// How the demo company's customers pay (SPEC 11), as demo/orderMix.ts tells
// what happens to its orders: once every order's story has reached today, each
// invoice still open gets its payment through the real payments service. Most
// are paid by bank around their due date, some by hand at the counter, some in
// part; a few are overpaid and the credit is used on the customer's next
// invoice; some are left unpaid, so that the overdue list, the reminders and
// every aging bucket have something to show. Payments fall after the invoice
// date and before today.
import type { ReceiptMethod } from '../../../shared/enums';
import type { HandlerContext } from '../context';
import { allOpenItems, customerCreditOre, orderStatusesOfInvoice } from '../repos/payments';
import { payInvoice, useCredit } from '../services/payments';
import { addDays, daysBetween, type Rng } from './random';

type Fate = 'paid' | 'by_hand' | 'part' | 'over' | 'unpaid';

/**
 * Who pays how, by how long ago the invoice fell due: older ones are mostly
 * settled, recent ones less so. (Invoices whose orders the story already took to
 * Betalt are paid in full; these are the ones still waiting in Fakturert or Purret.)
 */
function fateOf(rng: Rng, daysPastDue: number): Fate {
  if (daysPastDue < 0) return rng.weighted<Fate>([['paid', 2], ['unpaid', 8]]);
  const unpaid = daysPastDue > 90 ? 25 : daysPastDue > 30 ? 35 : 45;
  return rng.weighted<Fate>([['paid', 66], ['by_hand', 6], ['part', 6], ['over', 4], ['unpaid', unpaid]]);
}

/** How the story's paid invoices were paid: mostly by bank, some at the counter. */
const STORY_METHODS: readonly ReceiptMethod[] = ['bank', 'bank', 'bank', 'bank', 'vipps', 'bank', 'card', 'bank', 'bank', 'cash'];

/** A payment day after the invoice date, around the due date, before today. */
function payDay(rng: Rng, invoiceDate: string, dueDate: string, today: string): string | null {
  const latest = addDays(today, -1);
  if (latest <= invoiceDate) return null;
  const wanted = addDays(dueDate, rng.int(-8, 12));
  const day = wanted > latest ? latest : wanted;
  return day <= invoiceDate ? addDays(invoiceDate, 1) : day;
}

/** Pays the demo company's open invoices as its customers would; `ctx` is today's. */
export function paymentMix(ctx: HandlerContext, rng: Rng): void {
  const withCredit = new Set<number>();
  for (const item of allOpenItems(ctx.db, ctx.today)) {
    // A customer with credit from an earlier overpayment has it used on the next invoice.
    if (withCredit.has(item.customerId) && customerCreditOre(ctx.db, item.customerId) > 0) {
      useCredit(ctx, item.invoiceId);
      withCredit.delete(item.customerId);
      continue;
    }
    const fate = fateOf(rng, daysBetween(item.dueDate, ctx.today));
    // Orders the demo's story already took to Betalt or Avsluttet were paid: their invoices are, in full, by the due date
    // (drawn without the random stream, so the other invoices' fates stay as they were).
    const kinds = orderStatusesOfInvoice(ctx.db, item.invoiceId).map((o) => o.statusKind);
    if (kinds.length > 0 && kinds.every((k) => k === 'paid' || k === 'closed')) {
      const paidOn = [item.dueDate, addDays(ctx.today, -1)].sort()[0]!;
      const method = STORY_METHODS[item.number % STORY_METHODS.length]!;
      const reference = method === 'bank' ? `Nettbank ${paidOn}` : null;
      if (paidOn > item.invoiceDate) payInvoice(ctx, { invoiceId: item.invoiceId, amountOre: item.outstandingOre, paidOn, method, source: 'manual', reference });
      continue;
    }
    if (fate === 'unpaid') continue;
    const paidOn = payDay(rng, item.invoiceDate, item.dueDate, ctx.today);
    if (!paidOn) continue;
    const method: ReceiptMethod = fate === 'by_hand' ? rng.weighted<ReceiptMethod>([['cash', 2], ['card', 3], ['vipps', 3]]) : 'bank';
    const amountOre =
      fate === 'part'
        ? Math.min(item.outstandingOre - 1, Math.round((item.outstandingOre * rng.int(20, 70)) / 100 / 100) * 100)
        : fate === 'over'
          ? item.outstandingOre + rng.int(1, 40) * 1000
          : item.outstandingOre;
    if (amountOre <= 0) continue;
    payInvoice(ctx, { invoiceId: item.invoiceId, amountOre, paidOn, method, source: 'manual', reference: method === 'bank' ? `Nettbank ${paidOn}` : null });
    if (fate === 'over') withCredit.add(item.customerId);
  }
}
