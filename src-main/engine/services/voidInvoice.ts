// Voiding a spoiled invoice that never left the house (SPEC 9): it is kept and
// marked void, its number stays in the series, and its orders are put back as if
// it had not been issued: invoiced quantities and amounts back, goods that
// invoicing delivered (Direct orders) back to stock at the cost they left with,
// and each order back to the status it had before (from its activity log).
import type { InvoiceDetail } from '../../../shared/channels/receivables';
import { DELIVERED_ON_INVOICE_TYPES } from '../../../shared/kinds';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { voidRule, type VoidDecision } from '../domain/voidRule';
import { logActivity } from '../repos/activity';
import { getInvoice } from '../repos/invoices';
import { refreshDerived } from '../repos/orders';
import { invoiceFigures } from '../repos/payments';
import { addLineQuantities, setOrderStatus } from '../repos/processing';
import { liveStatusId } from '../repos/statuses';
import { hasOtherInvoice, markVoid, statusBeforeInvoicing, subtractInvoicedNet, voidFactsOf } from '../repos/voids';
import { recordVoid } from './accounting';
import { invoiceDetail } from './invoiceDetail';
import { NO_CONFIRM } from './orderFlow';
import { reload, returnDelivered, statusOfKind, syncStockHolds, vatRegistered } from './processing';

/** Whether the invoice may be voided now, and if not why (the invoice detail shows it). */
export function voidDecision(ctx: HandlerContext, invoiceId: number): VoidDecision {
  const invoice = getInvoice(ctx.db, invoiceId);
  if (!invoice) throw new DomainError('not_found', 'invoiceId', { entity: 'faktura', id: invoiceId });
  return voidRule({ kind: invoice.kind, voided: invoiceFigures(ctx.db, invoiceId)!.voided, ...voidFactsOf(ctx.db, invoiceId) });
}

export function voidInvoice(ctx: HandlerContext, invoiceId: number, reason: string): InvoiceDetail {
  const { db } = ctx;
  const invoice = getInvoice(db, invoiceId);
  if (!invoice) throw new DomainError('not_found', 'invoiceId', { entity: 'faktura', id: invoiceId });
  const decision = voidDecision(ctx, invoiceId);
  if (!decision.allowed) {
    throw new DomainError('invoice_not_voidable', 'invoiceId', { number: invoice.number, reasonNb: decision.reasonNb!, reasonEn: decision.reasonEn! });
  }
  const at = ctx.now.toISOString();
  const statusBefore = new Map(invoice.orderIds.map((id) => [id, statusBeforeInvoicing(db, id, invoice.number)]));
  markVoid(db, invoiceId);
  recordVoid(ctx, invoiceId);

  const byOrder = new Map<number, number>();
  for (const l of invoice.lines) {
    if (l.orderLineId !== null) addLineQuantities(db, l.orderLineId, { invoiced: -l.quantity });
    if (l.orderId !== null) byOrder.set(l.orderId, (byOrder.get(l.orderId) ?? 0) + l.amountOre);
  }
  for (const [orderId, amount] of byOrder) subtractInvoicedNet(db, orderId, amount);

  const vat = vatRegistered(db);
  for (const orderId of invoice.orderIds) {
    const before = reload(db, orderId);
    if (!hasOtherInvoice(db, orderId, invoiceId)) {
      // A status removed since (issue 13, the flow editor) stands for the status of its kind now.
      const was = statusBefore.get(orderId);
      setOrderStatus(db, orderId, (was != null ? liveStatusId(db, was) : null) ?? statusOfKind(db, 'ready_to_invoice'), at);
      // Direct orders were delivered as they were invoiced: those goods come back to stock.
      if (DELIVERED_ON_INVOICE_TYPES.includes(before.orderType)) returnDelivered(ctx, reload(db, orderId));
      syncStockHolds(ctx, reload(db, orderId), NO_CONFIRM);
    }
    refreshDerived(db, orderId, { vatRegistered: vat, search: 'keep' });
    const after = reload(db, orderId);
    logActivity(db, {
      at,
      userId: ctx.userId,
      entity: 'order',
      entityId: orderId,
      action: 'invoice_voided',
      before: { statusId: before.statusId },
      after: { statusId: after.statusId, invoiceNumber: invoice.number, reason },
    });
  }
  logActivity(db, { at, userId: ctx.userId, entity: 'invoice', entityId: invoiceId, action: 'void', after: { number: invoice.number, reason } });
  return invoiceDetail(ctx, invoiceId);
}
