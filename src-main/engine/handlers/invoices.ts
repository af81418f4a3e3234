// Invoices by state, payments, customer credit and the customer ledger (SPEC 11).
import type { AgingAmounts, AgingRow, CustomerLedger, InvoiceBalance } from '../../../shared/channels/receivables';
import { AGING_BUCKETS, type AgingBucket } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import type { HandlerContext } from '../context';
import { agingBucket } from '../domain/invoiceState';
import { getCustomerRow } from '../repos/customers';
import { invoicePage, invoiceTabCounts } from '../repos/invoiceList';
import {
  allOpenItems,
  customerCreditOre,
  customerFigures,
  feesOutstandingOf,
  openItemsOf,
} from '../repos/payments';
import { payInvoice, refundCredit, useCredit } from '../services/payments';
import { invoiceDetail } from '../services/invoiceDetail';
import { reader, writer, type HandlerMap } from './types';

type Channels = 'invoices.page' | 'invoices.tabCounts' | 'invoices.detail' | 'payments.register' | 'payments.useCredit' | 'payments.refundCredit' | 'ledger.customer' | 'ledger.aging';

function customerOrRefuse(ctx: HandlerContext, customerId: number, field: string) {
  const customer = getCustomerRow(ctx.db, customerId);
  if (!customer) throw new DomainError('unknown_customer', field, { id: customerId });
  return customer;
}

const noAging = (): Record<AgingBucket, number> => Object.fromEntries(AGING_BUCKETS.map((b) => [b.key, 0])) as Record<AgingBucket, number>;

/** Open items summed into the aging buckets, and what of them is overdue. */
function age(items: readonly InvoiceBalance[], today: string): { aging: AgingAmounts; totalOre: number; overdueOre: number } {
  const aging = noAging();
  let overdueOre = 0;
  for (const item of items) {
    aging[agingBucket(item.dueDate, today)] += item.outstandingOre;
    if (item.dueDate < today) overdueOre += item.outstandingOre;
  }
  return { aging, totalOre: items.reduce((s, i) => s + i.outstandingOre, 0), overdueOre };
}

export const invoicesHandlers: HandlerMap<Channels> = {
  'invoices.page': reader((input, ctx) => invoicePage(ctx.db, input, ctx.today)),
  'invoices.tabCounts': reader((input, ctx) => invoiceTabCounts(ctx.db, input, ctx.today)),
  'invoices.detail': reader((input, ctx) => invoiceDetail(ctx, input.invoiceId)),
  'payments.register': writer((input, ctx) => {
    if (input.paidOn > ctx.today) throw new DomainError('payment_date_in_future', 'paidOn', { date: formatDate(input.paidOn) });
    payInvoice(ctx, { ...input, reference: input.reference ?? null, source: 'manual' });
    return invoiceDetail(ctx, input.invoiceId);
  }),
  'payments.useCredit': writer((input, ctx) => {
    useCredit(ctx, input.invoiceId, input.amountOre);
    return invoiceDetail(ctx, input.invoiceId);
  }),
  'payments.refundCredit': writer((input, ctx) => {
    customerOrRefuse(ctx, input.customerId, 'customerId');
    if (input.paidOn > ctx.today) throw new DomainError('payment_date_in_future', 'paidOn', { date: formatDate(input.paidOn) });
    return { creditOre: refundCredit(ctx, input.customerId, input.amountOre, input.paidOn, input.reference ?? null) };
  }),
  'ledger.customer': reader((input, ctx): CustomerLedger => {
    const customer = customerOrRefuse(ctx, input.customerId, 'customerId');
    const openItems = openItemsOf(ctx.db, customer.id, ctx.today);
    const { aging, totalOre, overdueOre } = age(openItems, ctx.today);
    const feesOre = feesOutstandingOf(ctx.db, customer.id);
    return {
      customerId: customer.id,
      customerName: customer.name,
      openItems,
      aging,
      totalOre: totalOre + feesOre,
      overdueOre,
      feesOre,
      creditOre: customerCreditOre(ctx.db, customer.id),
    };
  }),
  'ledger.aging': reader((_input, ctx) => {
    const byCustomer = new Map<number, InvoiceBalance[]>();
    for (const item of allOpenItems(ctx.db, ctx.today)) {
      const list = byCustomer.get(item.customerId);
      if (list) list.push(item);
      else byCustomer.set(item.customerId, [item]);
    }
    const figures = customerFigures(ctx.db);
    const totals = { ...noAging(), totalOre: 0 };
    const rows: AgingRow[] = [...byCustomer.values()].map((items) => {
      const first = items[0]!;
      const { aging, totalOre, overdueOre } = age(items, ctx.today);
      for (const b of AGING_BUCKETS) totals[b.key] += aging[b.key];
      totals.totalOre += totalOre;
      const f = figures.get(first.customerId);
      return {
        customerId: first.customerId,
        customerNumber: first.customerNumber,
        customerName: first.customerName,
        aging,
        totalOre,
        overdueOre,
        creditOre: f?.creditOre ?? 0,
        invoiceCount: items.length,
        oldestDueDate: items.reduce((d, i) => (i.dueDate < d ? i.dueDate : d), first.dueDate),
        lastReminderOn: f?.lastReminderOn ?? null,
      };
    });
    return { rows, totals };
  }),
};
