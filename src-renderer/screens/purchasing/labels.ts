// Purchase order types and derived statuses (SPEC 1.1, 1.3) in the user's
// language, and the steps a purchase order goes through under the company's
// purchase options.
import type { PurchaseOptions } from '../../../shared/channels/purchasing';
import { PURCHASE_ORDER_TYPE_IDS, PURCHASE_STATUSES, type Language, type PurchaseOrderTypeId, type PurchaseStatus } from '../../../shared/enums';
import { orderTypeLabel } from '../orders/labels';

export function purchaseStatusLabel(status: PurchaseStatus, lang: Language): string {
  return PURCHASE_STATUSES.find((s) => s.key === status)?.[lang] ?? status;
}

/** "5 Forespørsel" rather than the sales wording "5 Tilbud/forespørsel". */
export function purchaseTypeLabel(id: number, lang: Language): string {
  if (id === 5) return lang === 'en' ? '5 Inquiry' : '5 Forespørsel';
  return orderTypeLabel(id, lang);
}

export function purchaseTypeOptions(lang: Language): { value: string; label: string }[] {
  return PURCHASE_ORDER_TYPE_IDS.map((id: PurchaseOrderTypeId) => ({ value: String(id), label: purchaseTypeLabel(id, lang) }));
}

/** The status tabs, in the order an order moves through them. */
export const STATUS_TABS: readonly PurchaseStatus[] = [
  'to_process',
  'partially_confirmed',
  'confirmed',
  'partially_shipped',
  'shipped',
  'partially_received',
  'received',
  'partially_invoiced',
  'invoiced',
  'refused',
  'cancelled',
];

/**
 * The steps shown in the order's status track: those the company's options
 * switch on, and the one the order has reached (the engine's status), also when
 * its option has been switched off since.
 */
export function statusSteps(options: PurchaseOptions, status?: PurchaseStatus): { key: PurchaseStatus; partial: PurchaseStatus | null }[] {
  const at = (key: PurchaseStatus, partial: PurchaseStatus) => status === key || status === partial;
  const steps: { key: PurchaseStatus; partial: PurchaseStatus | null }[] = [{ key: 'to_process', partial: null }];
  if (options.reply || at('confirmed', 'partially_confirmed')) steps.push({ key: 'confirmed', partial: 'partially_confirmed' });
  if (options.dispatch || at('shipped', 'partially_shipped')) steps.push({ key: 'shipped', partial: 'partially_shipped' });
  if (options.reception || at('received', 'partially_received')) steps.push({ key: 'received', partial: 'partially_received' });
  steps.push({ key: 'invoiced', partial: 'partially_invoiced' });
  return steps;
}

/** Tone of a status pill: done, under way, stopped. */
export function statusTone(status: PurchaseStatus): 'ok' | 'warn' | 'stop' | '' {
  if (status === 'invoiced' || status === 'received' || status === 'confirmed' || status === 'shipped') return 'ok';
  if (status.startsWith('partially')) return 'warn';
  if (status === 'cancelled' || status === 'refused') return 'stop';
  return '';
}
