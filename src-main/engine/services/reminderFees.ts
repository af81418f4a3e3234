// Reminder fees are payable (SPEC 11): a payment matched to an invoice settles
// the invoice first, then that invoice's unpaid fees, oldest first. What is left
// stays as the customer's credit.
import type { HandlerContext } from '../context';
import { insertAllocation, paymentsWithCredit } from '../repos/payments';
import { unpaidFeesOf } from '../repos/reminders';

/** Settles the invoice's unpaid reminder fees from what payment `paymentId` has left; returns what it settled. */
export function settleReminderFees(ctx: HandlerContext, invoiceId: number, paymentId: number, onDate: string, partyId: number): number {
  let left = paymentsWithCredit(ctx.db, partyId).find((p) => p.id === paymentId)?.leftOre ?? 0;
  let settled = 0;
  for (const fee of unpaidFeesOf(ctx.db, invoiceId)) {
    if (left <= 0) break;
    const take = Math.min(left, fee.unpaidOre);
    insertAllocation(ctx.db, { paymentId, kind: 'settle', invoiceId, reminderId: fee.reminderId, amountOre: take, onDate, at: ctx.now.toISOString(), userId: ctx.userId });
    left -= take;
    settled += take;
  }
  return settled;
}
