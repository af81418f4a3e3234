// The invoice as the invoice screen shows it: balance and state, payments,
// reminders, the customer's credit, and whether it may still be voided.
import type { InvoiceDetail } from '../../../shared/channels/receivables';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { customerCreditOre, invoiceBalance, paymentsOfInvoice } from '../repos/payments';
import { listReminders } from '../repos/reminders';
import { voidDecision } from './voidInvoice';

export function invoiceDetail(ctx: HandlerContext, invoiceId: number): InvoiceDetail {
  const balance = invoiceBalance(ctx.db, invoiceId, ctx.today);
  if (!balance) throw new DomainError('not_found', 'invoiceId', { entity: 'faktura', id: invoiceId });
  return {
    balance,
    payments: paymentsOfInvoice(ctx.db, invoiceId),
    reminders: listReminders(ctx.db, { invoiceId }),
    customerCreditOre: customerCreditOre(ctx.db, balance.customerId),
    voidable: voidDecision(ctx, invoiceId),
  };
}
