// Reminders and voiding a spoiled invoice (SPEC 9, 11).
import { listReminders } from '../repos/reminders';
import { reminderCandidates, sendReminders } from '../services/reminders';
import { voidInvoice } from '../services/voidInvoice';
import { reader, writer, type HandlerMap } from './types';

type Channels = 'reminders.candidates' | 'reminders.send' | 'reminders.list' | 'invoices.void';

export const remindersHandlers: HandlerMap<Channels> = {
  'reminders.candidates': reader((_input, ctx) => reminderCandidates(ctx)),
  'reminders.send': writer((input, ctx) => sendReminders(ctx, input.customerIds, input.language)),
  'reminders.list': reader((input, ctx) => listReminders(ctx.db, { customerId: input.customerId, invoiceId: input.invoiceId })),
  'invoices.void': writer((input, ctx) => voidInvoice(ctx, input.invoiceId, input.reason)),
};
