// Channels of the order's story: what an invoicing step would do (a dry run of
// the step itself), what became of an order, and a copy of an order.
import { channels } from '../../../shared/catalog';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { copyOrderType, copyStartStatus } from '../domain/orderCopy';
import { logActivity } from '../repos/activity';
import { deliveryAddressIdsOf } from '../repos/customers';
import { getContacts } from '../repos/parties';
import { listStatuses } from '../repos/statuses';
import { carriedPeople } from '../services/orderPeople';
import { orderStory, previewInvoicing } from '../services/orderStory';
import { reload } from '../services/processing';
import { orderHandlers } from './orders';
import { previewer, reader, writer, type HandlerMap } from './types';

/** The contact the order names: the source's, or the customer's only one. */
function contactFor(ctx: HandlerContext, customerId: number, kept: number | null): number | null {
  if (kept !== null) return kept;
  const contacts = getContacts(ctx.db, customerId);
  return contacts.length === 1 ? contacts[0]!.id : null;
}

export const orderStoryHandlers: HandlerMap<'invoicing.preview' | 'orders.story' | 'orders.copy'> = {
  // The step itself, in a transaction that is always rolled back.
  'invoicing.preview': previewer((input, ctx) => previewInvoicing(ctx, input)),

  'orders.story': reader((input, ctx) => orderStory(ctx, input.id)),

  'orders.copy': writer((input, ctx) => {
    const source = reload(ctx.db, input.id);
    if (source.transactionType !== 'sales') throw new DomainError('not_found', 'id', { entity: 'ordre', id: input.id });
    const orderType = copyOrderType(source.orderType);
    const status = copyStartStatus(listStatuses(ctx.db, 'sales'), orderType);
    if (!status) throw new DomainError('status_missing', 'id', { kind: 'Registrert' });
    const addressId = source.deliveryAddress?.deliveryAddressId ?? null;
    // Made as the clerk would make it (orders.create), so every rule of a new order holds.
    // Prices are kept, not read again from the products (as Visma Business does): the copy
    // repeats what was agreed; delivered and invoiced quantities, dates and holds start afresh.
    const create = channels['orders.create'].input.parse({
      header: {
        customerId: source.customerId,
        orderType,
        statusId: status.id,
        customerReference: source.customerReference,
        ourReference: source.ourReference,
        contactId: contactFor(ctx, source.customerId, source.contactId),
        paymentTermsDays: source.paymentTermsDays,
        notes: source.notes,
        deliveryAddressId: addressId !== null && deliveryAddressIdsOf(ctx.db, source.customerId).has(addressId) ? addressId : null,
        ...carriedPeople(ctx, source),
      },
      lines: source.lines.map((l) => ({
        productId: l.productId,
        description: l.description,
        quantity: l.quantity,
        unitPriceOre: l.unitPriceOre,
        discountBp: l.discountBp,
        vatCode: l.vatCode,
      })),
      // Headings and text rows go with it, in their places (index = lineNo - 1: one numbering for all rows).
      texts: source.textLines.map((r) => ({ index: r.lineNo - 1, kind: r.kind, text: r.text })),
      confirm: { allowShortage: input.confirm.allowShortage },
    });
    const copy = orderHandlers['orders.create'].run(create, ctx);
    logActivity(ctx.db, {
      at: ctx.now.toISOString(),
      userId: ctx.userId,
      entity: 'order',
      entityId: copy.id,
      action: 'copied_from',
      after: { from: source.number, fromId: source.id },
    });
    return copy;
  }),
};
