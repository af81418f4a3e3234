// Invoices, payments and the customer ledger (SPEC 11).
// PLACEHOLDER while issue 11 is built in parts: every handler here is replaced before the work lands.
import { reader, type HandlerMap } from './types';

type Channels = 'invoices.page' | 'invoices.tabCounts' | 'invoices.detail' | 'payments.register' | 'payments.useCredit' | 'payments.refundCredit' | 'ledger.customer' | 'ledger.aging';

export const invoicesHandlers: HandlerMap<Channels> = {
  'invoices.page': reader(() => {
    throw new Error('invoices.page: not built yet');
  }),
  'invoices.tabCounts': reader(() => {
    throw new Error('invoices.tabCounts: not built yet');
  }),
  'invoices.detail': reader(() => {
    throw new Error('invoices.detail: not built yet');
  }),
  'payments.register': reader(() => {
    throw new Error('payments.register: not built yet');
  }),
  'payments.useCredit': reader(() => {
    throw new Error('payments.useCredit: not built yet');
  }),
  'payments.refundCredit': reader(() => {
    throw new Error('payments.refundCredit: not built yet');
  }),
  'ledger.customer': reader(() => {
    throw new Error('ledger.customer: not built yet');
  }),
  'ledger.aging': reader(() => {
    throw new Error('ledger.aging: not built yet');
  }),
};
