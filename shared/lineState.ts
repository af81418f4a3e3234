// Shared by the engine and the screens: the one statement of these line rules.
// What an order's "partially ..." states are, computed from its lines' own
// quantities (SPEC 2): never stored apart from them.

export interface LineQuantities {
  readonly quantity: number;
  readonly qtyDelivered: number;
  readonly qtyInvoiced: number;
  readonly closedShort: boolean;
}

/** What is still to be delivered on a line; nothing once it is closed short. */
export function remainingToDeliver(l: LineQuantities): number {
  return l.closedShort ? 0 : Math.max(0, l.quantity - l.qtyDelivered);
}

/** Delivered and not yet invoiced. */
export function deliveredNotInvoiced(l: LineQuantities): number {
  return Math.max(0, l.qtyDelivered - l.qtyInvoiced);
}

export function deliveryState(lines: readonly LineQuantities[]): 'none' | 'partial' | 'full' {
  if (lines.length === 0) return 'none';
  const done = lines.every((l) => remainingToDeliver(l) === 0);
  if (done && lines.some((l) => l.qtyDelivered > 0)) return 'full';
  return lines.some((l) => l.qtyDelivered > 0) ? 'partial' : 'none';
}

export function invoiceState(lines: readonly LineQuantities[]): 'none' | 'partial' | 'full' {
  const invoiced = lines.some((l) => l.qtyInvoiced > 0);
  if (!invoiced) return 'none';
  const full = lines.every((l) => remainingToDeliver(l) === 0 && deliveredNotInvoiced(l) === 0);
  return full ? 'full' : 'partial';
}
