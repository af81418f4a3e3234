// What happens to the demo company's purchase orders (SPEC 1.3), as
// demo/orderMix.ts does for its sales orders: each purchase order gets a story,
// the steps of its life through the real purchasing channels (sent, answered by
// the supplier, dispatched, received into stock, matched with the supplier's
// invoice; or cancelled, amended, refused), each a number of days after the one
// before. Old orders are mostly invoiced; recent ones are still under way. A
// story that would run past today is told faster, so that it reaches its end by
// today. The quantities of each step are taken from the order as it stands when
// the step happens (the *Items functions below), as a clerk reads them off the
// screen.
import type { PurchaseLine, PurchaseOrder, ReplyLineInput } from '../../../shared/channels/purchasing';
import type { PurchaseOrderTypeId } from '../../../shared/enums';
import { addDays, type Rng } from './random';
import { MINUTES_PER_DAY } from './timeline';

export type PurchaseStep =
  /** The order is sent to the supplier (purchase.create; a Realized order is received as it is saved). */
  | { readonly do: 'create' }
  /** The supplier answers: every line as ordered, some lines changed (price, quantity, date; a line refused), or all refused. */
  | { readonly do: 'reply'; readonly how: 'accept' | 'change' | 'refuse' }
  /** The purchaser changes the order after sending it: cancelled and replaced by its amendment. */
  | { readonly do: 'amend' }
  | { readonly do: 'cancel' }
  /** A dispatch advice from the supplier: everything still to ship (share 1), or part of the lines. */
  | { readonly do: 'dispatch'; readonly share: number }
  /** Goods received into stock: everything that has come (share 1), or part of it. */
  | { readonly do: 'receive'; readonly share: number }
  /** The supplier's invoice, matched line by line against what is received; now and then dearer than agreed. */
  | { readonly do: 'invoice'; readonly share: number; readonly priceDifference: boolean };

export type PurchaseStoryName =
  | 'to_process'
  | 'inquiry'
  | 'cancelled'
  | 'amended'
  | 'refused'
  | 'confirmed'
  | 'partially_confirmed'
  | 'partially_shipped'
  | 'shipped'
  | 'partially_received'
  | 'received'
  | 'received_in_parts'
  | 'partially_invoiced'
  | 'invoiced'
  | 'invoiced_difference'
  | 'invoiced_in_parts'
  | 'realized';

type Gap = readonly [number, PurchaseStep];

interface StoryDef {
  readonly name: PurchaseStoryName;
  readonly orderType: PurchaseOrderTypeId;
  /** Weight for orders up to 14 days old, 15–60 days old, older. */
  readonly weights: readonly [number, number, number];
  readonly path: (rng: Rng) => Gap[];
}

const reply = (rng: Rng): Gap => [rng.int(1, 2), { do: 'reply', how: rng.chance(0.8) ? 'accept' : 'change' }];
const dispatch = (rng: Rng, share = 1): Gap => [rng.int(1, 4), { do: 'dispatch', share }];
/** Goods arrive a day or two after the dispatch advice. */
const receive = (rng: Rng, share = 1): Gap => [rng.int(1, 2), { do: 'receive', share }];
const invoice = (rng: Rng, share = 1, priceDifference = rng.chance(0.12)): Gap => [rng.int(2, 12), { do: 'invoice', share, priceDifference }];
const toReceived = (rng: Rng): Gap[] => [reply(rng), dispatch(rng), receive(rng)];
const toInvoiced = (rng: Rng): Gap[] => [...toReceived(rng), invoice(rng)];

const STORIES: readonly StoryDef[] = [
  { name: 'to_process', orderType: 1, weights: [3, 0, 0], path: () => [] },
  // A price and delivery inquiry: it waits, and is not on order.
  { name: 'inquiry', orderType: 5, weights: [1, 0.3, 0], path: () => [] },
  { name: 'cancelled', orderType: 1, weights: [0.2, 0.4, 0.5], path: (rng) => [[rng.int(0, 3), { do: 'cancel' }]] },
  // Changed after it was sent: the amendment is answered, received and invoiced in its turn.
  { name: 'amended', orderType: 1, weights: [0, 0.3, 0.4], path: (rng) => [[rng.int(0, 2), { do: 'amend' }], ...toInvoiced(rng)] },
  { name: 'refused', orderType: 1, weights: [0.3, 0.2, 0.2], path: (rng) => [[rng.int(1, 3), { do: 'reply', how: 'refuse' }]] },
  { name: 'confirmed', orderType: 1, weights: [4, 0, 0], path: (rng) => [[rng.int(1, 2), { do: 'reply', how: 'accept' }]] },
  { name: 'partially_confirmed', orderType: 1, weights: [1.5, 0, 0], path: (rng) => [[rng.int(1, 2), { do: 'reply', how: 'change' }]] },
  { name: 'partially_shipped', orderType: 1, weights: [1, 0.2, 0], path: (rng) => [reply(rng), dispatch(rng, 0.5)] },
  { name: 'shipped', orderType: 1, weights: [2, 0, 0], path: (rng) => [reply(rng), dispatch(rng)] },
  { name: 'partially_received', orderType: 1, weights: [1, 0.3, 0], path: (rng) => [reply(rng), dispatch(rng), receive(rng, 0.5)] },
  { name: 'received', orderType: 1, weights: [2, 1.5, 0], path: (rng) => toReceived(rng) },
  // Shipped in two lots, each received as it came.
  {
    name: 'received_in_parts',
    orderType: 1,
    weights: [1, 0.5, 0],
    path: (rng) => [reply(rng), dispatch(rng, 0.5), receive(rng), [rng.int(2, 6), { do: 'dispatch', share: 1 }], receive(rng)],
  },
  { name: 'partially_invoiced', orderType: 1, weights: [0, 1, 0.2], path: (rng) => [...toReceived(rng), invoice(rng, 0.5)] },
  { name: 'invoiced', orderType: 1, weights: [0, 4, 10], path: (rng) => toInvoiced(rng) },
  { name: 'invoiced_difference', orderType: 1, weights: [0, 0.5, 1.5], path: (rng) => [...toReceived(rng), invoice(rng, 1, true)] },
  // Two lots, received and invoiced each on its own: several invoices on one order.
  {
    name: 'invoiced_in_parts',
    orderType: 1,
    weights: [0, 0.5, 2],
    path: (rng) => [
      reply(rng),
      dispatch(rng, 0.5),
      receive(rng),
      invoice(rng, 1, false),
      [rng.int(1, 8), { do: 'dispatch', share: 1 }],
      receive(rng),
      invoice(rng),
    ],
  },
  // Bought and fetched at the supplier's counter: received in full as it is saved.
  { name: 'realized', orderType: 4, weights: [0, 0.2, 0.4], path: () => [] },
];

/** One purchase order of every story: the demo company shows each of them at least once. */
export const PURCHASE_SHOWCASE: readonly PurchaseStoryName[] = STORIES.map((s) => s.name);

/** One step at `minute` minutes after the start of the order date. */
export interface TimedPurchaseStep {
  readonly minute: number;
  readonly step: PurchaseStep;
}

export interface PurchaseLife {
  readonly story: PurchaseStoryName;
  readonly orderType: PurchaseOrderTypeId;
  /** Starts with the order being sent. */
  readonly steps: readonly TimedPurchaseStep[];
}

const FIRST_MINUTE = 7 * 60 + 30;
const LAST_MINUTE = 15 * 60 + 30;
const AGE_BUCKETS: readonly (readonly [number, number])[] = [[0, 14], [15, 60], [61, Infinity]];

/** An age (days, at most `maxAge`) at which a story is told: in an age bucket where it has weight. */
export function purchaseAgeForStory(rng: Rng, name: PurchaseStoryName, maxAge: number): number {
  const s = STORIES.find((x) => x.name === name)!;
  const buckets = AGE_BUCKETS.filter(([lo], b) => s.weights[b]! > 0 && lo <= maxAge);
  const [lo, hi] = buckets.length > 0 ? rng.pick(buckets) : AGE_BUCKETS[0]!;
  return rng.int(lo, Math.min(hi, maxAge));
}

/** Picks a purchase order's story by its age (days, 0 = today), or tells the one given, and lays out its steps. */
export function planPurchaseLife(rng: Rng, ageDays: number, story?: PurchaseStoryName): PurchaseLife {
  const bucket = ageDays <= 14 ? 0 : ageDays <= 60 ? 1 : 2;
  const def = story ? STORIES.find((s) => s.name === story)! : rng.weighted(STORIES.map((s) => [s, s.weights[bucket]!] as const));
  const gaps = def.path(rng);
  const days: number[] = [];
  let d = 0;
  for (const [gap] of gaps) days.push((d += gap));
  const span = days.length ? days[days.length - 1]! : 0;
  const squeeze = span > ageDays ? ageDays / span : 1;

  let minute = rng.int(FIRST_MINUTE, LAST_MINUTE - 60);
  const steps: TimedPurchaseStep[] = [{ minute, step: { do: 'create' } }];
  gaps.forEach(([, step], i) => {
    const day = Math.floor(days[i]! * squeeze);
    const sameDay = Math.floor(minute / MINUTES_PER_DAY) === day;
    const at = sameDay ? minute + rng.int(5, 60) : day * MINUTES_PER_DAY + rng.int(FIRST_MINUTE, LAST_MINUTE);
    minute = Math.min(at, day * MINUTES_PER_DAY + MINUTES_PER_DAY - 1);
    steps.push({ minute, step });
  });
  return { story: def.name, orderType: def.orderType, steps };
}

// ---- The quantities of a step, from the order as it stands -------------------------

type Item = { lineId: number; quantity: number };

/**
 * Part of what is left, as a supplier ships a first lot: `share` of the lines in
 * full, the next one in part (whole units), the rest not yet. Share 1: all of it.
 */
function share(lines: readonly PurchaseLine[], left: (l: PurchaseLine) => number, part: number): Item[] {
  const open = lines.filter((l) => left(l) > 0);
  if (part >= 1) return open.map((l) => ({ lineId: l.id, quantity: left(l) }));
  const full = Math.floor(open.length * part);
  const items = open.slice(0, full).map((l) => ({ lineId: l.id, quantity: left(l) }));
  const next = open[full];
  if (next) {
    const half = Math.floor(left(next) / 2000) * 1000;
    items.push({ lineId: next.id, quantity: half > 0 ? half : left(next) });
  }
  return items;
}

export const dispatchItems = (po: PurchaseOrder, part: number): Item[] => share(po.lines, (l) => l.canShip, part);
export const receiveItems = (po: PurchaseOrder, part: number): Item[] => share(po.lines, (l) => l.canReceive, part);

/** The supplier's invoice lines: at the agreed price, or, with a difference, one line a few per cent dearer. */
export function invoiceItems(rng: Rng, po: PurchaseOrder, part: number, priceDifference: boolean): (Item & { unitPriceOre: number })[] {
  const items = share(po.lines, (l) => l.canInvoice, part);
  const dearer = priceDifference ? rng.int(0, items.length - 1) : -1;
  return items.map((item, i) => {
    const agreed = po.lines.find((l) => l.id === item.lineId)!.agreedPriceOre;
    return { ...item, unitPriceOre: i === dearer ? Math.round((agreed * (100 + rng.int(2, 6))) / 100) : agreed };
  });
}

/**
 * The supplier's answer. "change": the first line as ordered, the second at a
 * higher price, the third with fewer units and later (what the supplier has),
 * a fourth or later one no longer stocked (refused), the rest as ordered.
 */
export function replyItems(rng: Rng, po: PurchaseOrder, how: 'accept' | 'change' | 'refuse'): ReplyLineInput[] {
  return po.lines.map((l, i): ReplyLineInput => {
    if (how === 'refuse') return { lineId: l.id, action: 'refuse' };
    if (how === 'accept' || (i === 0 && po.lines.length > 1)) return { lineId: l.id, action: 'accept' };
    if (i <= 1) {
      return { lineId: l.id, action: 'change', unitPriceOre: Math.round((l.unitPriceOre * (100 + rng.int(3, 8))) / 100) };
    }
    if (i === 2) {
      const fewer = Math.max(1000, Math.floor((l.quantity * 0.6) / 1000) * 1000);
      const later = addDays(l.deliveryDate ?? po.deliveryDate ?? po.orderDate, rng.int(5, 14));
      return fewer < l.quantity
        ? { lineId: l.id, action: 'change', quantity: fewer, deliveryDate: later }
        : { lineId: l.id, action: 'change', deliveryDate: later };
    }
    if (i === 3) return { lineId: l.id, action: 'refuse' };
    return { lineId: l.id, action: 'accept' };
  });
}
