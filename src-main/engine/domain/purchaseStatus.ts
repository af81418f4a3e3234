// A purchase order's status and its lines' figures (SPEC 1.3), as pure functions
// of the line quantities and the company's purchase options. Nothing here is
// stored: the status is computed every time from the quantities it speaks of.
//
// The steps a line goes through, each registered only while its option is on:
//   reply (confirmed quantity) → dispatch (shipped) → reception (received) → invoice.
// Each step may take no more than the step before it has let through ("basis").
//
// The options may be switched at any time (company.save), also while an order is
// under way. The quantities on a line are the record of what has happened; the
// options decide only which steps can be registered from now on:
// - qty_received is the one record of what entered stock, by reception or by a
//   supplier invoice without reception: goods enter stock once per received quantity;
// - a step that has happened shows in the status even after its option is off;
// - goods that arrived without a dispatch advice have left the supplier, so they
//   count as shipped (shippedQty) when dispatch is switched on later;
// - a line that goods have moved on needs no reply when replies are switched on later.
import type { Totals } from '../../../shared/channels/orders';
import type { PurchaseOptions } from '../../../shared/channels/purchasing';
import type { PurchaseOrderTypeId, PurchaseReply, PurchaseStatus, VatCode } from '../../../shared/enums';
import { computeTotals, lineAmountOre } from './pricing';

export interface PurchaseLineState {
  readonly lineNo: number;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly reply: PurchaseReply | null;
  readonly qtyConfirmed: number;
  readonly confirmedPriceOre: number | null;
  readonly qtyShipped: number;
  readonly qtyReceived: number;
  readonly qtyInvoiced: number;
}

export interface PurchaseOrderState {
  readonly orderType: PurchaseOrderTypeId;
  readonly cancelled: boolean;
  readonly lines: readonly PurchaseLineState[];
}

/** What the supplier is to deliver: the confirmed quantity once replied (0 if refused), else the ordered one. */
export function expectedQty(l: PurchaseLineState): number {
  return l.reply === null ? l.quantity : l.qtyConfirmed;
}

/** The unit price agreed with the supplier: confirmed when the reply changed it, else as ordered. */
export function agreedPriceOre(l: PurchaseLineState): number {
  return l.confirmedPriceOre ?? l.unitPriceOre;
}

/** The agreed cost of one unit after the line discount (what a receipt books when no cost is given). */
export function agreedUnitCostOre(l: PurchaseLineState): number {
  return Math.round((agreedPriceOre(l) * (10_000 - l.discountBp)) / 10_000);
}

/**
 * What the line costs as agreed: the expected quantity at the agreed price, less
 * the line discount, priced by the same rule as every other line amount.
 */
export function agreedAmountOre(l: PurchaseLineState): number {
  return lineAmountOre({ quantity: expectedQty(l), unitPriceOre: agreedPriceOre(l), discountBp: l.discountBp });
}

/**
 * The order's totals per VAT rate as agreed with the supplier (expected quantity
 * × agreed price), by the same VAT rules as the ordered totals (pricing.computeTotals).
 */
export function agreedTotals(lines: readonly (PurchaseLineState & { readonly vatCode: VatCode })[], opts: { vatRegistered: boolean }): Totals {
  return computeTotals(
    lines.map((l) => ({ quantity: expectedQty(l), unitPriceOre: agreedPriceOre(l), discountBp: l.discountBp, vatCode: l.vatCode })),
    opts,
  );
}

/** The largest quantity any later step has taken on the line (a reply may not go below it). */
export function processedQty(l: PurchaseLineState): number {
  return Math.max(l.qtyShipped, l.qtyReceived, l.qtyInvoiced);
}

/**
 * What has left the supplier: what dispatch advices say, or more if more has
 * arrived (received while dispatch was off, or by a supplier invoice).
 */
export function shippedQty(l: PurchaseLineState): number {
  return Math.max(l.qtyShipped, l.qtyReceived);
}

export type StepBlock = 'refused' | 'reply_first' | null;

/**
 * With "reply to order", nothing moves on a line until the supplier has answered
 * it, and nothing on a refused one. A line that goods have already moved on (while
 * replies were off) needs no reply: the goods are the supplier's answer.
 */
export function stepBlock(l: PurchaseLineState, opts: PurchaseOptions): StepBlock {
  if (l.reply === 'refused') return 'refused';
  if (opts.reply && l.reply === null && processedQty(l) === 0) return 'reply_first';
  return null;
}

/** The step before dispatch: what the supplier has confirmed (or ordered, without replies). */
function confirmedBasis(l: PurchaseLineState): number {
  return expectedQty(l);
}

/** How much may be shipped now: the confirmed basis less what has left the supplier. */
export function canShip(l: PurchaseLineState, opts: PurchaseOptions): number {
  if (!opts.dispatch || stepBlock(l, opts)) return 0;
  return Math.max(0, confirmedBasis(l) - shippedQty(l));
}

/**
 * What a dispatch of `qty` adds to qty_shipped: it brings the line to what had left
 * the supplier before it plus `qty` (the same as `qty` unless goods arrived while
 * dispatch was off).
 */
export function shippedIncrement(l: PurchaseLineState, qty: number): number {
  return shippedQty(l) + qty - l.qtyShipped;
}

/** What reception may go up to: what has left the supplier when dispatch is registered, else what is confirmed. */
export function receiveBasis(l: PurchaseLineState, opts: PurchaseOptions): number {
  return opts.dispatch ? shippedQty(l) : confirmedBasis(l);
}

export function canReceive(l: PurchaseLineState, opts: PurchaseOptions): number {
  if (!opts.reception || stepBlock(l, opts)) return 0;
  return Math.max(0, receiveBasis(l, opts) - l.qtyReceived);
}

/** What invoicing may go up to: the last step before it that the company uses. */
export function invoiceBasis(l: PurchaseLineState, opts: PurchaseOptions): number {
  if (opts.reception) return l.qtyReceived;
  if (opts.dispatch) return shippedQty(l);
  return confirmedBasis(l);
}

export function canInvoice(l: PurchaseLineState, opts: PurchaseOptions): number {
  if (stepBlock(l, opts)) return 0;
  return Math.max(0, invoiceBasis(l, opts) - l.qtyInvoiced);
}

/**
 * What a supplier invoice of `qty` brings into stock when the company does not
 * register reception: only what it invoices beyond what has already been received
 * (by a reception made while the option was on). Invoiced never passes received.
 */
export function receivedByInvoice(l: PurchaseLineState, qty: number): number {
  return Math.max(0, l.qtyInvoiced + qty - l.qtyReceived);
}

export interface LineFigures {
  readonly qtyExpected: number;
  readonly agreedPriceOre: number;
  readonly agreedAmountOre: number;
  readonly leftToShip: number;
  readonly leftToReceive: number;
  readonly leftToInvoice: number;
  readonly canShip: number;
  readonly canReceive: number;
  readonly canInvoice: number;
}

export function lineFigures(l: PurchaseLineState, opts: PurchaseOptions, order: Pick<PurchaseOrderState, 'orderType' | 'cancelled'>): LineFigures {
  const expected = expectedQty(l);
  // Only Normal orders are processed step by step (Realized is received as saved; Inquiry and Unprocessed wait);
  // a cancelled one takes no step at all.
  const processed = order.orderType === 1 && !order.cancelled;
  return {
    qtyExpected: expected,
    agreedPriceOre: agreedPriceOre(l),
    agreedAmountOre: agreedAmountOre(l),
    leftToShip: Math.max(0, expected - shippedQty(l)),
    leftToReceive: Math.max(0, expected - l.qtyReceived),
    leftToInvoice: Math.max(0, expected - l.qtyInvoiced),
    canShip: processed ? canShip(l, opts) : 0,
    canReceive: processed ? canReceive(l, opts) : 0,
    canInvoice: processed ? canInvoice(l, opts) : 0,
  };
}

/**
 * The status (SPEC 1.3), from the latest step anything has reached back to the
 * first: invoicing, reception, dispatch, reply. A step shows once it has happened,
 * whether or not its option is still on (a step whose option was never on has
 * nothing to show, so it is skipped). "Partially" means some line still expects
 * more at that step. Lines the supplier refused expect nothing. A Realized order
 * was received in full as it was saved.
 */
export function derivePurchaseStatus(order: PurchaseOrderState): PurchaseStatus {
  if (order.cancelled) return 'cancelled';
  const lines = order.lines;
  if (lines.length === 0) return 'to_process';
  const open = lines.filter((l) => expectedQty(l) > 0);
  const all = (done: (l: PurchaseLineState) => boolean) => open.length > 0 && open.every(done);

  if (lines.some((l) => l.qtyInvoiced > 0)) {
    return all((l) => l.qtyInvoiced >= expectedQty(l)) ? 'invoiced' : 'partially_invoiced';
  }
  if (lines.some((l) => l.qtyReceived > 0)) {
    return all((l) => l.qtyReceived >= expectedQty(l)) ? 'received' : 'partially_received';
  }
  if (lines.some((l) => l.qtyShipped > 0)) {
    return all((l) => l.qtyShipped >= expectedQty(l)) ? 'shipped' : 'partially_shipped';
  }
  if (lines.some((l) => l.reply !== null)) {
    if (lines.every((l) => l.reply === 'refused')) return 'refused';
    return lines.every((l) => l.reply === 'accepted') ? 'confirmed' : 'partially_confirmed';
  }
  return 'to_process';
}

/** Lines and header may be edited only before the supplier has answered or anything moved (status To process). */
export function isEditable(order: PurchaseOrderState): boolean {
  return (
    !order.cancelled &&
    order.orderType !== 4 &&
    derivePurchaseStatus(order) === 'to_process' &&
    order.lines.every((l) => l.reply === null && processedQty(l) === 0)
  );
}
