// What the order screen shows of what an order allows: the engine answers each
// action (orders.get and every processing channel return the order with its
// `actions`, from the same rules that refuse the channels; components/availability.ts
// turns that into a button's state); this module keeps the status bar's layout
// helpers. No rule is decided here.
import type { Status } from '../../../shared/channels/orders';
import { STATUS_KINDS, type StatusKind } from '../../../shared/enums';
import { INVOICED_KINDS } from '../../../shared/kinds';

export { remainingToDeliver } from '../../../shared/lineState';

export const isInvoicedKind = (kind: StatusKind): boolean => INVOICED_KINDS.includes(kind);

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

/**
 * The order's status bar: the steps of the company's flow (the engine marks
 * them inFlow: the preset's kinds, not hidden) in flow order, and the order's own
 * status where its kind falls when it stands outside the flow (Web, Utlån, Rest …).
 */
export function flowSteps(statuses: readonly Status[] | undefined, currentId: number): Status[] {
  const all = statuses ?? [];
  const flow = all.filter((s) => s.inFlow).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const current = all.find((s) => s.id === currentId);
  return current ? withStatusByKind(flow, current) : flow;
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
