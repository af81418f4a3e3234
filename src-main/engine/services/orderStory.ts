// The order's story (issue 10, items 3 and 6): what an invoicing step would do,
// asked before it is done, and what an order's invoices and backorders hold.
// A preview runs the real step (services/orderFlow.ts, invoicing.ts) in a dry
// run (dryRun.ts): it cannot tell another story than the step itself.
import type { Order } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import type { InvoicePreview, InvoicingPreviewInput, OrderStory, StoryLine } from '../../../shared/channels/orderStory';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { invoiceMode } from '../domain/orderActions';
import { orderHeadersOf } from '../repos/documents';
import { getInvoice } from '../repos/invoices';
import { touchOrder } from '../repos/orders';
import { backorderIdsOf, lineOrigins } from '../repos/orderStory';
import { dryRun } from './dryRun';
import { collectiveInvoice, creditInvoice } from './invoicing';
import { invoiceFromOrder, moveToStatus } from './orderFlow';
import { reload, remainingItems, statusOfKind } from './processing';

/** An invoice's lines as the clerk reads them: order number, line number and product number from the lines they came from. */
function invoiceLines(ctx: HandlerContext, invoice: Invoice, onlyOrderId?: number): StoryLine[] {
  const lines = onlyOrderId === undefined ? invoice.lines : invoice.lines.filter((l) => l.orderId === onlyOrderId);
  const origins = lineOrigins(ctx.db, lines.flatMap((l) => (l.orderLineId === null ? [] : [l.orderLineId])));
  const orders = orderHeadersOf(ctx.db, lines.flatMap((l) => (l.orderId === null ? [] : [l.orderId])));
  return lines.map((l) => {
    const origin = l.orderLineId === null ? undefined : origins.get(l.orderLineId);
    return {
      orderNumber: l.orderId === null ? null : (orders.get(l.orderId)?.number ?? null),
      lineNo: origin?.lineNo ?? null,
      productNumber: origin?.productNumber ?? null,
      description: l.description,
      quantity: l.quantity,
      amountOre: l.amountOre,
    };
  });
}

function orderLines(order: Order, items: readonly { line: Order['lines'][number]; qty: number }[]): StoryLine[] {
  return items.map(({ line, qty }) => ({
    orderNumber: order.number,
    lineNo: line.lineNo,
    productNumber: line.productNumber,
    description: line.description,
    quantity: qty,
    amountOre: null,
  }));
}

function previewOf(
  ctx: HandlerContext,
  invoice: Invoice,
  rest: Pick<InvoicePreview, 'deliversRemaining' | 'backorder' | 'remainsOpen' | 'returnToStock'>,
): InvoicePreview {
  return {
    kind: invoice.kind,
    customerName: invoice.customerName,
    orderNumbers: [...orderHeadersOf(ctx.db, invoice.orderIds).values()].map((o) => o.number).sort((a, b) => a - b),
    lines: invoiceLines(ctx, invoice),
    byRate: invoice.byRate,
    netOre: invoice.netOre,
    vatOre: invoice.vatOre,
    grossOre: invoice.grossOre,
    roundingOre: invoice.roundingOre,
    payableOre: invoice.payableOre,
    ...rest,
  };
}

/**
 * What Fakturer on the order screen does, as the screen does it: with goods
 * delivered, invoice them (and close the order or make its backorder); with
 * nothing delivered, move it to Invoiced, which delivers the rest first (the
 * clerk is told so here, and agrees to it by confirming).
 */
export function invoiceAsTheScreenDoes(ctx: HandlerContext, order: Order): { invoice: Invoice; backorder: Order | null } {
  if (invoiceMode(order) === 'all') {
    moveToStatus(ctx, order, statusOfKind(ctx.db, 'invoiced'), {
      deliverRemaining: true,
      returnGoods: false,
      allowShortage: true,
      overrideCreditLimit: false,
    });
    const after = reload(ctx.db, order.id);
    const made = after.invoiceIds.filter((id) => !order.invoiceIds.includes(id));
    return { invoice: getInvoice(ctx.db, made[made.length - 1]!)!, backorder: null };
  }
  return invoiceFromOrder(ctx, order);
}

export function previewInvoicing(ctx: HandlerContext, input: Extract<InvoicingPreviewInput, object>): InvoicePreview {
  return dryRun(ctx.db, () => {
    switch (input.kind) {
      case 'order': {
        const before = reload(ctx.db, input.id);
        if (before.transactionType !== 'sales') throw new DomainError('not_found', 'id', { entity: 'ordre', id: input.id });
        // The version the screen shows: a preview of another version would tell the wrong story.
        if (!touchOrder(ctx.db, before.id, input.version, ctx.now.toISOString())) throw new DomainError('version_conflict', 'version');
        const { invoice, backorder } = invoiceAsTheScreenDoes(ctx, before);
        const after = reload(ctx.db, before.id);
        return previewOf(ctx, invoice, {
          deliversRemaining: after.lines.some((l, i) => l.qtyDelivered > (before.lines[i]?.qtyDelivered ?? 0)),
          backorder: backorder ? { lines: orderLines(backorder, backorder.lines.map((line) => ({ line, qty: line.quantity }))) } : null,
          remainsOpen: backorder ? [] : orderLines(after, remainingItems(after)),
          returnToStock: false,
        });
      }
      case 'collective': {
        const invoice = collectiveInvoice(ctx, input.customerId, input.orderIds);
        return previewOf(ctx, invoice, { deliversRemaining: false, backorder: null, remainsOpen: [], returnToStock: false });
      }
      case 'credit': {
        const note = creditInvoice(ctx, input.invoiceId, input.lines, input.returnToStock);
        return previewOf(ctx, note, { deliversRemaining: false, backorder: null, remainsOpen: [], returnToStock: input.returnToStock });
      }
    }
  });
}

/** What went to which invoice (this order's lines on it) and which backorder, and the order a backorder came from. */
export function orderStory(ctx: HandlerContext, orderId: number): OrderStory {
  const order = reload(ctx.db, orderId);
  if (order.transactionType !== 'sales') throw new DomainError('not_found', 'id', { entity: 'ordre', id: orderId });
  const invoices = order.invoiceIds.map((id) => getInvoice(ctx.db, id)!);
  const numberOf = new Map(invoices.map((i) => [i.id, i.number]));
  const others = orderHeadersOf(ctx.db, invoices.flatMap((i) => i.orderIds.filter((id) => id !== orderId)));
  const backorders = backorderIdsOf(ctx.db, orderId).map((id) => reload(ctx.db, id));
  const of = order.backorderOfId === null ? undefined : orderHeadersOf(ctx.db, [order.backorderOfId]).get(order.backorderOfId);
  return {
    invoices: invoices
      .sort((a, b) => a.number - b.number)
      .map((inv) => ({
        id: inv.id,
        number: inv.number,
        kind: inv.kind,
        creditedInvoiceNumber: inv.creditedInvoiceId === null ? null : (numberOf.get(inv.creditedInvoiceId) ?? getInvoice(ctx.db, inv.creditedInvoiceId)?.number ?? null),
        invoiceDate: inv.invoiceDate,
        payableOre: inv.payableOre,
        otherOrderNumbers: inv.orderIds.flatMap((id) => (id === orderId ? [] : [others.get(id)?.number ?? 0])).sort((a, b) => a - b),
        lines: invoiceLines(ctx, inv, orderId),
      })),
    backorders: backorders.map((b) => ({
      id: b.id,
      number: b.number,
      statusId: b.statusId,
      statusKind: b.statusKind,
      lines: orderLines(b, b.lines.map((line) => ({ line, qty: line.quantity }))),
    })),
    backorderOf: of && order.backorderOfId !== null ? { id: order.backorderOfId, number: of.number } : null,
  };
}
