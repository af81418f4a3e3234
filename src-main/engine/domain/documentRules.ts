// Which documents an order can have (SPEC 1.1, 7): the rule behind both the
// refusal of documents.render and the disabled print actions (documents.availability).
import {
  DOCUMENT_KINDS,
  ORDER_DOCUMENT_KINDS,
  documentLabel,
  type Availability,
  type DocumentKind,
} from '../../../shared/channels/documents';
import type { Order } from '../../../shared/channels/orders';
import type { InvoiceSummary } from '../../../shared/channels/processing';
import { ORDER_TYPES, STATUS_KIND_LABELS, type OrderTypeId } from '../../../shared/enums';
import { NOT_PRINTED_TYPES, PICKABLE_KINDS } from '../../../shared/kinds';
import { errorData, type ErrorCode } from '../../../shared/errors';

export interface Refusal {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** The order fields that decide what can be printed. */
export type OrderForDocuments = Pick<
  Order,
  'number' | 'transactionType' | 'orderType' | 'statusKind' | 'lines' | 'deliveryState' | 'invoiceIds'
>;

const typeNb = (t: OrderTypeId) => `${t} ${ORDER_TYPES.find((o) => o.id === t)!.nb}`;
const typeEn = (t: OrderTypeId) => `${t} ${ORDER_TYPES.find((o) => o.id === t)!.en}`;

/** Normal is the only type with an order confirmation, picking list, packing slip and waybill (SPEC 1.1). */
const NORMAL_ONLY: readonly DocumentKind[] = ['order_confirmation', 'picking_list', 'packing_slip', 'waybill'];

/**
 * Why a document cannot be printed for an order, or null when it can. The same
 * rules refuse the render channel, so a disabled button and a refusal agree.
 * `invoices` (the order's invoices and credit notes) makes the answer exact for
 * invoice, credit note and receipt; without it, any invoice counts.
 */
export function documentRefusal(
  order: OrderForDocuments,
  kind: DocumentKind,
  invoices?: readonly Pick<InvoiceSummary, 'kind'>[],
): Refusal | null {
  const doc = { documentNb: documentLabel(kind, 'nb'), documentEn: documentLabel(kind, 'en'), order: order.number };
  const withType = { ...doc, orderType: typeNb(order.orderType), orderTypeEn: typeEn(order.orderType) };
  if (kind === 'purchase_order') {
    if (order.transactionType !== 'purchase') return { code: 'document_purchase_only', params: doc };
    if (NOT_PRINTED_TYPES.includes(order.orderType)) return { code: 'document_type_not_printed', params: withType };
    // An inquiry (type 5) is printed as an inquiry, not as an order.
    if (order.orderType !== 1) return { code: 'document_normal_only', params: withType };
    if (order.statusKind === 'cancelled') return { code: 'document_order_cancelled', params: doc };
    return order.lines.length > 0 ? null : { code: 'document_no_lines', params: doc };
  }
  if (order.transactionType === 'purchase' && kind !== 'quote') return { code: 'document_sales_only', params: doc };
  if (NOT_PRINTED_TYPES.includes(order.orderType)) return { code: 'document_type_not_printed', params: withType };
  if (NORMAL_ONLY.includes(kind) && order.orderType !== 1) return { code: 'document_normal_only', params: withType };
  if (ORDER_DOCUMENT_KINDS.includes(kind) && order.statusKind === 'cancelled') {
    return { code: 'document_order_cancelled', params: doc };
  }
  const hasInvoice = invoices ? invoices.some((i) => i.kind === 'invoice') : order.invoiceIds.length > 0;
  switch (kind) {
    case 'quote':
      return order.orderType === 5 || order.statusKind === 'quote' ? null : { code: 'document_not_a_quote', params: withType };
    case 'order_confirmation':
    case 'waybill':
      return order.lines.length > 0 ? null : { code: 'document_no_lines', params: doc };
    case 'picking_list': {
      if (!order.lines.some((l) => !l.closedShort && l.qtyDelivered < l.quantity)) return { code: 'document_nothing_to_pick', params: doc };
      // Goods are picked only once they are reserved for the order: never from a draft or a quote.
      if (PICKABLE_KINDS.includes(order.statusKind)) return null;
      const status = STATUS_KIND_LABELS[order.statusKind];
      return { code: 'document_not_pickable', params: { ...doc, statusNb: status.nb, statusEn: status.en } };
    }
    case 'packing_slip':
      return order.deliveryState !== 'none' ? null : { code: 'document_no_delivery', params: doc };
    case 'invoice':
      if (order.orderType === 3) return { code: 'document_use_receipt', params: doc };
      return hasInvoice ? null : { code: 'document_not_invoiced', params: doc };
    case 'cash_receipt':
      if (order.orderType !== 3) return { code: 'document_cash_only', params: withType };
      return hasInvoice ? null : { code: 'document_not_invoiced', params: doc };
    case 'reminder':
      return { code: 'document_reminder_batch', params: doc };
    case 'credit_note': {
      const credited = invoices ? invoices.some((i) => i.kind === 'credit_note') : order.invoiceIds.length > 0;
      return credited ? null : { code: 'document_no_credit_note', params: doc };
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown document kind ${String(never)}`);
    }
  }
}

/** For each document kind: can it be printed for this order, and if not, why (nb and en). */
export function documentAvailability(
  order: OrderForDocuments,
  invoices?: readonly Pick<InvoiceSummary, 'kind'>[],
): Readonly<Record<DocumentKind, Availability>> {
  const out = {} as Record<DocumentKind, Availability>;
  for (const { key } of DOCUMENT_KINDS) {
    const refusal = documentRefusal(order, key, invoices);
    if (!refusal) {
      out[key] = { available: true, reason: null };
    } else {
      const data = errorData(refusal.code, null, refusal.params);
      out[key] = { available: false, reason: { code: refusal.code, nb: data.message.nb, en: data.message.en } };
    }
  }
  return out;
}
