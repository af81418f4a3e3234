// Reminders and voiding a spoiled invoice (SPEC 9, 11).
// PLACEHOLDER while issue 11 is built in parts: every handler here is replaced before the work lands.
import { reader, type HandlerMap } from './types';

type Channels = 'reminders.candidates' | 'reminders.send' | 'reminders.list' | 'invoices.void';

export const remindersHandlers: HandlerMap<Channels> = {
  'reminders.candidates': reader(() => {
    throw new Error('reminders.candidates: not built yet');
  }),
  'reminders.send': reader(() => {
    throw new Error('reminders.send: not built yet');
  }),
  'reminders.list': reader(() => {
    throw new Error('reminders.list: not built yet');
  }),
  'invoices.void': reader(() => {
    throw new Error('invoices.void: not built yet');
  }),
};
