// The demo company's reminders (SPEC 11): at the end of its year, a batch of
// reminders to a few customers whose overdue invoices are still waiting in
// Fakturert or Purret (orders the demo moved to Betalt or Avsluttet were paid
// at the counter of the story, not by a registered payment, so they are left
// alone), with the legal fee where the due date is 14 days back.
import { AWAITING_PAYMENT_KINDS } from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import { ordersOfInvoice } from '../repos/payments';
import { reload } from '../services/processing';
import { reminderCandidates, sendReminders } from '../services/reminders';

/** How many customers get a reminder. */
const DEMO_REMINDERS = 5;

export function sendDemoReminders(ctx: HandlerContext): number {
  const waiting = (invoiceId: number) => ordersOfInvoice(ctx.db, invoiceId).every((id) => AWAITING_PAYMENT_KINDS.includes(reload(ctx.db, id).statusKind));
  const customers = reminderCandidates(ctx)
    .filter((c) => c.invoices.every((i) => waiting(i.invoiceId)))
    .slice(0, DEMO_REMINDERS)
    .map((c) => c.customerId);
  if (customers.length === 0) return 0;
  return sendReminders(ctx, customers, undefined).reminders.length;
}
