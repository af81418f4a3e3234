// The order as the order screen gets it: with each action's availability and,
// when not available, the reason its channel would refuse with (a missing right
// first, then the rule), from the same rules the channels enforce
// (domain/orderActions.ts). The screen shows it; it decides nothing itself.
import { GUARDED_ACTIONS } from '../../../shared/access';
import type { Order, OrderAction, OrderActions, OrderView } from '../../../shared/channels/orders';
import type { HandlerContext } from '../context';
import {
  changeTypeRule,
  convertRule,
  deleteRule,
  deliverRule,
  invoiceMode,
  invoiceRule,
  lendRule,
  returnLoanRule,
  subscriptionRule,
  type ActionRule,
} from '../domain/orderActions';
import { availabilityOf } from '../domain/refusal';
import { missingRight } from '../domain/rights';
import { statusIdsOfKind } from '../repos/processing';
import { customValuesOf } from '../repos/customFields';
import { deliveredStockManaged } from './orderFlow';

export function orderView(ctx: HandlerContext, order: Order): OrderView {
  const rules: Record<OrderAction, ActionRule> = {
    deliver: deliverRule(order),
    invoice: invoiceRule(order),
    convertQuote: convertRule(order),
    changeType: changeTypeRule(order),
    lend: lendRule(order, statusIdsOfKind(ctx.db, 'loan').length > 0),
    returnLoan: returnLoanRule(order),
    subscription: subscriptionRule(order),
    delete: deleteRule(order, deliveredStockManaged(ctx, order)),
  };
  const actions = Object.fromEntries(
    Object.entries(rules).map(([action, rule]) => {
      const missing = rule.needs.map((a) => missingRight(ctx.actor, GUARDED_ACTIONS[a])).find((m) => m !== null) ?? null;
      return [action, availabilityOf(missing ?? rule.refusal)];
    }),
  ) as Record<OrderAction, OrderActions[OrderAction]>;
  return { ...order, actions: { ...actions, invoiceMode: invoiceMode(order) }, customFields: customValuesOf(ctx.db, 'order', order.id) };
}
