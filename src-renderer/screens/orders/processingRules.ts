// Which processing actions make sense for an order right now, and if not, why:
// the order screen shows an action disabled with the reason the engine would
// give (the same refusal texts from shared/errors). For display only: the
// engine decides, and a refusal it gives is shown as it gives it.
import type { Order, OrderLine, Status } from '../../../shared/channels/orders';
import { ORDER_TYPES, STATUS_KINDS, type OrderTypeId, type StatusKind } from '../../../shared/enums';
import { errorData, type ErrorCode } from '../../../shared/errors';
import { bilingual, type BilingualText } from '../../i18n';

/** The order is now an invoice: lines, amounts and status no longer change (SPEC 1.2). */
export const INVOICED_KINDS: readonly StatusKind[] = ['invoiced', 'cash_invoiced', 'invoiced_packing_slip', 'reminded', 'paid'];
/** Quote, Unprocessed, Budget: no processing (SPEC 1.1). */
export const UNPROCESSED_TYPES: readonly OrderTypeId[] = [5, 6, 8];
/** Only these may be delivered in parts (SPEC 1.1). */
export const PARTIAL_TYPES: readonly OrderTypeId[] = [1, 7, 9];
const NON_PROCESSING_KINDS: readonly StatusKind[] = ['draft', 'quote', 'accepted', 'web', 'cancelled'];
const LOAN_FROM_KINDS: readonly StatusKind[] = ['confirmed', 'production', 'job_started', 'job_completed', 'pack', 'ready_to_invoice', 'rest'];

export const remainingToDeliver = (l: OrderLine): number => (l.closedShort ? 0 : Math.max(0, l.quantity - l.qtyDelivered));
export const deliveredNotInvoiced = (l: OrderLine): number => Math.max(0, l.qtyDelivered - l.qtyInvoiced);

export const isInvoicedKind = (kind: StatusKind): boolean => INVOICED_KINDS.includes(kind);

const typeText = (t: OrderTypeId): string => `${t} ${ORDER_TYPES.find((o) => o.id === t)?.nb ?? ''}`.trim();
const refusal = (code: ErrorCode, params: Record<string, string | number> = {}): BilingualText => errorData(code, null, params).message;

export type Availability = { readonly ok: true } | { readonly ok: false; readonly reason: BilingualText };
const OK: Availability = { ok: true };
const no = (reason: BilingualText): Availability => ({ ok: false, reason });

/** Reasons every processing action shares. */
function common(order: Order, dirty: boolean): Availability {
  if (dirty) return no(bilingual('process.saveFirst'));
  if (isInvoicedKind(order.statusKind)) return no(refusal('order_invoiced'));
  return OK;
}

export function canDeliver(order: Order, dirty: boolean): Availability {
  const c = common(order, dirty);
  if (!c.ok) return c;
  if (UNPROCESSED_TYPES.includes(order.orderType)) return no(refusal('not_processed_type', { orderType: typeText(order.orderType) }));
  if (!PARTIAL_TYPES.includes(order.orderType)) return no(refusal('no_partial_delivery', { orderType: typeText(order.orderType) }));
  if (NON_PROCESSING_KINDS.includes(order.statusKind) || order.statusKind === 'closed') return no(bilingual('process.notInProcessing'));
  if (!order.lines.some((l) => remainingToDeliver(l) > 0)) return no(bilingual('process.allDelivered'));
  return OK;
}

/** What Fakturer does: invoice what is delivered, or (nothing delivered yet) move to Invoiced, which delivers the rest after asking. */
export type InvoiceMode = 'delivered' | 'all';

export function canInvoice(order: Order, dirty: boolean): Availability & { mode?: InvoiceMode } {
  const c = common(order, dirty);
  if (!c.ok) return c;
  if (UNPROCESSED_TYPES.includes(order.orderType)) return no(refusal('not_processed_type', { orderType: typeText(order.orderType) }));
  if (order.orderType === 3) return no(bilingual('process.cashOnSave'));
  if (order.lines.length === 0) return no(refusal('nothing_to_invoice'));
  if (order.lines.some((l) => deliveredNotInvoiced(l) > 0)) return { ok: true, mode: 'delivered' };
  if (!PARTIAL_TYPES.includes(order.orderType)) return { ok: true, mode: 'delivered' };
  if (NON_PROCESSING_KINDS.includes(order.statusKind)) return no(bilingual('process.notInProcessing'));
  if (order.lines.some((l) => remainingToDeliver(l) > 0)) return { ok: true, mode: 'all' };
  return no(refusal('nothing_to_invoice'));
}

export function canConvertQuote(order: Order, dirty: boolean): Availability {
  if (dirty) return no(bilingual('process.saveFirst'));
  if (order.orderType !== 5) return no(refusal('not_a_quote'));
  if (order.statusKind === 'cancelled') return no(bilingual('process.cancelled'));
  return OK;
}

export function canChangeType(order: Order, dirty: boolean): Availability {
  const c = common(order, dirty);
  if (!c.ok) return c;
  if (order.lines.some((l) => l.qtyDelivered > 0 || l.qtyInvoiced > 0)) return no(refusal('type_change_after_processing'));
  return OK;
}

export function canLend(order: Order, dirty: boolean, hasLoanStatus: boolean): Availability {
  const c = common(order, dirty);
  if (!c.ok) return c;
  if (order.statusKind === 'loan') return order.lines.some((l) => l.qtyOnLoan > 0) ? OK : no(bilingual('process.nothingOnLoan'));
  if (!hasLoanStatus) return no(refusal('status_missing', { kind: 'Utlån' }));
  if (UNPROCESSED_TYPES.includes(order.orderType)) return no(refusal('not_processed_type', { orderType: typeText(order.orderType) }));
  if (!PARTIAL_TYPES.includes(order.orderType)) return no(refusal('no_partial_delivery', { orderType: typeText(order.orderType) }));
  if (!LOAN_FROM_KINDS.includes(order.statusKind)) return no(bilingual('process.loanFromOpen'));
  if (!order.lines.some((l) => remainingToDeliver(l) > 0)) return no(bilingual('process.allDelivered'));
  return OK;
}

export function canSubscribe(order: Order, dirty: boolean): Availability {
  const c = common(order, dirty);
  if (!c.ok) return c;
  if (UNPROCESSED_TYPES.includes(order.orderType)) return no(refusal('not_processed_type', { orderType: typeText(order.orderType) }));
  return OK;
}

/** Delivered stock-managed goods also forbid deleting; the engine knows which products those are and says so. */
export function canDelete(order: Order, dirty: boolean): Availability {
  if (dirty) return no(bilingual('process.saveFirst'));
  if (isInvoicedKind(order.statusKind) || order.lines.some((l) => l.qtyInvoiced > 0)) return no(refusal('delete_invoiced'));
  return OK;
}

/**
 * The status bar: the company's visible statuses in flow order, and the order's
 * own status if the administrator has hidden it (Rest, Utlån, Kontant fakturert …),
 * placed where its kind falls in the catalog of kinds.
 */
export function statusBarStatuses(statuses: readonly Status[] | undefined, currentId: number | null): Status[] {
  const all = statuses ?? [];
  const visible = all.filter((s) => !s.hidden).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const current = all.find((s) => s.id === currentId);
  return current ? withStatusByKind(visible, current) : visible;
}

/** `list` with `status` added (unless there), before the first status whose kind comes later in the catalog of kinds. */
export function withStatusByKind(list: readonly Status[], status: Status): Status[] {
  if (list.some((s) => s.id === status.id)) return [...list];
  const rank = (s: Status) => STATUS_KINDS.indexOf(s.kind);
  const at = list.findIndex((s) => rank(s) > rank(status));
  const out = [...list];
  out.splice(at < 0 ? out.length : at, 0, status);
  return out;
}

/** The first status of a kind (visible ones first): the one an action moves an order to. */
export function statusOfKind(statuses: readonly Status[] | undefined, kind: StatusKind): Status | undefined {
  const of = (statuses ?? []).filter((s) => s.kind === kind);
  return of.find((s) => !s.hidden) ?? of[0];
}
