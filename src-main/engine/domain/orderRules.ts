// Rules of order types and statuses that apply when an order is entered or its
// header edited (SPEC 1.1, 1.2.1). Processing rules arrive with sales processing.
import type { OrderTypeId, StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';

/** Order types whose lines are not processed: Quote, Unprocessed, Budget. */
export const UNPROCESSED_TYPES: readonly OrderTypeId[] = [5, 6, 8];

/** Statuses an unprocessed order may stay in (SPEC 1.2.1). */
export const NON_PROCESSING_KINDS: readonly StatusKind[] = ['draft', 'quote', 'accepted', 'web', 'cancelled'];

/**
 * Kinds that a new order cannot start in, because reaching them means delivering
 * or invoicing, which happens through their own actions.
 */
export const NOT_AT_ENTRY_KINDS: readonly StatusKind[] = [
  'shipped',
  'collective',
  'invoiced_packing_slip',
  'cash_invoiced',
  'invoiced',
  'reminded',
  'paid',
  'rest',
];

export function assertTypeFitsStatus(
  orderType: OrderTypeId,
  kind: StatusKind,
  labels: { status: string; orderType: string },
  field: string,
): void {
  if (UNPROCESSED_TYPES.includes(orderType) && !NON_PROCESSING_KINDS.includes(kind)) {
    throw new DomainError('status_needs_processing_type', field, labels);
  }
}

export function assertEnterableStatus(kind: StatusKind, statusLabel: string, field: string): void {
  if (NOT_AT_ENTRY_KINDS.includes(kind)) throw new DomainError('status_not_at_entry', field, { status: statusLabel });
}

/** Order type 9 is created only by import (SPEC 1.1). */
export function assertManualOrderType(orderType: OrderTypeId, field: string): void {
  if (orderType === 9) throw new DomainError('order_type_import_only', field);
}

/** Lines already delivered or invoiced cannot be edited or removed. */
export function assertLineEditable(line: { qtyDelivered: number; qtyInvoiced: number }, field: string): void {
  if (line.qtyDelivered > 0 || line.qtyInvoiced > 0) throw new DomainError('line_not_editable', field);
}
