// Rules of order types and statuses that apply when an order is entered or its
// header edited (SPEC 1.1, 1.2.1). Which kinds and types these are is in shared/kinds.ts.
import type { OrderTypeId, StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { NON_PROCESSING_KINDS, NOT_AT_ENTRY_KINDS, UNPROCESSED_TYPES } from '../../../shared/kinds';

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
