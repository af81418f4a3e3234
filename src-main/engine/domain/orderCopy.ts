// What a copy of an order is (issue 10, item 15): its type and where it starts.
import type { OrderTypeId, StatusKind } from '../../../shared/enums';
import { COPY_KEEPS_TYPES, NON_PROCESSING_KINDS, NOT_AT_ENTRY_KINDS, UNPROCESSED_TYPES } from '../../../shared/kinds';

/** The source's type where a copy may keep it (shared/kinds.ts), else Normal. */
export function copyOrderType(source: OrderTypeId): OrderTypeId {
  return COPY_KEEPS_TYPES.includes(source) ? source : 1;
}

/**
 * The first status of the company's flow (visible, in order) that the copy's
 * type may start in: a new order's first, or for a quote or budget the first
 * without processing.
 */
export function copyStartStatus<S extends { id: number; kind: StatusKind; hidden: boolean }>(flow: readonly S[], orderType: OrderTypeId): S | undefined {
  return flow.find(
    (s) => !s.hidden && !NOT_AT_ENTRY_KINDS.includes(s.kind) && (!UNPROCESSED_TYPES.includes(orderType) || NON_PROCESSING_KINDS.includes(s.kind)),
  );
}
