// Channels of sales processing: each loads the order, checks the version, runs
// the rule in services/, and answers the order as it now is.
import type { Order, OrderView } from '../../../shared/channels/orders';
import { DomainError } from '../../../shared/errors';
import type { OrderTypeId } from '../../../shared/enums';
import type { HandlerContext } from '../context';
import { deliverRule, subscriptionRule } from '../domain/orderActions';
import { resolveImportedOrder } from './orderImport';
import { logActivity } from '../repos/activity';
import { getInvoice, listInvoices } from '../repos/invoices';
import { refreshDerived, touchOrder } from '../repos/orders';
import { activityOf } from '../repos/processing';
import { collectiveInvoice, creditInvoice, runSubscriptions, setOrderSubscription } from '../services/invoicing';
import {
  changeOrderType,
  convertQuote,
  deleteOrder,
  enforce,
  invoiceFromOrder,
  moveToStatus,
  NO_CONFIRM,
  returnLoan,
} from '../services/orderFlow';
import { orderView } from '../services/orderView';
import { closeShort, deliver, reload, remainingItems, setStatusKind, syncStockHolds, vatRegistered } from '../services/processing';
import { reader, writer, type HandlerMap } from './types';

function claim(ctx: HandlerContext, id: number, version: number): Order {
  const order = reload(ctx.db, id);
  if (order.transactionType !== 'sales') throw new DomainError('not_found', 'id', { entity: 'ordre', id });
  if (!touchOrder(ctx.db, id, version, ctx.now.toISOString())) throw new DomainError('version_conflict', 'version');
  return order;
}

/**
 * Totals, activity log and the order as it is now, with what it allows. Processing
 * changes quantities, states and amounts, never the text the search index holds
 * (number, customer, references, products), so an existing order keeps its search
 * row (rewriting a full-text row costs more than the rest of a delivery); a new one gets its first.
 */
export function done(
  ctx: HandlerContext,
  id: number,
  action: string,
  before: Order | null,
  extra?: unknown,
  search: 'keep' | 'insert' = 'keep',
): OrderView {
  refreshDerived(ctx.db, id, { vatRegistered: vatRegistered(ctx.db), search });
  const after = reload(ctx.db, id);
  logActivity(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.userId,
    entity: 'order',
    entityId: id,
    action,
    before: before ? { statusId: before.statusId, orderType: before.orderType, lines: before.lines } : undefined,
    after: extra ?? { statusId: after.statusId, orderType: after.orderType, lines: after.lines },
  });
  return orderView(ctx, after);
}

type ProcessingChannels =
  | 'orders.setStatus'
  | 'orders.changeType'
  | 'orders.deliver'
  | 'orders.invoice'
  | 'orders.collectiveInvoice'
  | 'orders.convertQuote'
  | 'orders.returnLoan'
  | 'orders.delete'
  | 'orders.setSubscription'
  | 'orders.import'
  | 'subscriptions.run'
  | 'invoices.list'
  | 'invoices.get'
  | 'invoices.credit'
  | 'activity.list';

export const processingHandlers: HandlerMap<ProcessingChannels> = {
  'orders.setStatus': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    moveToStatus(ctx, before, input.statusId, input.confirm);
    return done(ctx, input.id, 'status', before);
  }),

  'orders.changeType': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    changeOrderType(ctx, before, input.orderType as OrderTypeId, input.confirm, { payment: input.payment });
    return done(ctx, input.id, 'change_type', before);
  }),

  'orders.deliver': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    enforce(ctx, deliverRule(before));
    const byId = new Map(before.lines.map((l) => [l.id, l]));
    const seen = new Set<number>();
    const items = input.lines.map((item, i) => {
      const line = byId.get(item.lineId);
      if (!line || seen.has(item.lineId)) throw new DomainError('unknown_line', `lines.${i}.lineId`, { id: item.lineId });
      seen.add(item.lineId);
      return { line, qty: item.quantity, field: `lines.${i}.quantity` };
    });
    const shorts = input.closeShort.map((id, i) => {
      const line = byId.get(id);
      if (!line) throw new DomainError('unknown_line', `closeShort.${i}`, { id });
      return line;
    });
    deliver(ctx, before, items);
    closeShort(ctx, shorts);
    let after = reload(ctx.db, input.id);
    syncStockHolds(ctx, after, { ...NO_CONFIRM, allowShortage: true });
    // Shipped when every line is delivered in full or closed short.
    after = reload(ctx.db, input.id);
    if (remainingItems(after).length === 0 && after.statusKind !== 'loan') setStatusKind(ctx, after, 'shipped');
    return done(ctx, input.id, 'deliver', before, { delivered: input.lines, closedShort: input.closeShort });
  }),

  'orders.invoice': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    const { invoice, backorder } = invoiceFromOrder(ctx, before);
    return { order: done(ctx, input.id, 'invoice', before, { invoice: invoice.number }), invoice, backorder };
  }),

  'orders.collectiveInvoice': writer((input, ctx) => {
    const invoice = collectiveInvoice(ctx, input.customerId, input.orderIds);
    // Amounts and states change, not the searched text (see done()).
    for (const id of invoice.orderIds) refreshDerived(ctx.db, id, { vatRegistered: vatRegistered(ctx.db), search: 'keep' });
    return invoice;
  }),

  'orders.convertQuote': writer((input, ctx) => {
    const quote = claim(ctx, input.id, input.version);
    const order = convertQuote(ctx, quote, input.orderType as OrderTypeId, input.confirm, input.payment ?? null);
    refreshDerived(ctx.db, quote.id, { vatRegistered: vatRegistered(ctx.db) });
    return done(ctx, order.id, 'create_from_quote', null, { quoteNumber: quote.number }, 'insert');
  }),

  'orders.returnLoan': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    returnLoan(ctx, before, input.lines);
    return done(ctx, input.id, 'return_loan', before);
  }),

  'orders.delete': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    deleteOrder(ctx, before);
    return { deleted: input.id };
  }),

  'orders.setSubscription': writer((input, ctx) => {
    const before = claim(ctx, input.id, input.version);
    enforce(ctx, subscriptionRule(before, input.interval !== null));
    setOrderSubscription(ctx, before, input.interval, input.start);
    return done(ctx, input.id, 'subscription', before, { interval: input.interval, start: input.start });
  }),

  'orders.import': writer((input, ctx) => {
    const id = resolveImportedOrder(ctx, input);
    return done(ctx, id, 'import', null, { source: input.source });
  }),

  'subscriptions.run': writer((_input, ctx) => ({ invoices: runSubscriptions(ctx) })),

  'invoices.list': reader((input, { db }) => listInvoices(db, input)),
  'invoices.get': reader((input, { db }) => {
    const invoice = getInvoice(db, input.id);
    if (!invoice) throw new DomainError('not_found', 'id', { entity: 'faktura', id: input.id });
    return invoice;
  }),
  'invoices.credit': writer((input, ctx) => {
    const note = creditInvoice(ctx, input.invoiceId, input.lines, input.returnToStock);
    for (const id of note.orderIds) refreshDerived(ctx.db, id, { vatRegistered: vatRegistered(ctx.db) });
    return note;
  }),

  'activity.list': reader((input, { db }) => activityOf(db, input.entity, input.entityId)),
};
