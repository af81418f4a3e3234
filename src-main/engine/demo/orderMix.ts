// What happens to a wholesaler's orders, shared by the demo company and the data
// generator so that both look alike. Each order gets a story: the steps of its
// life through the real operations (entered, moved along the status bar,
// delivered, invoiced, paid, credited ...), each a number of days after the one
// before. Old orders mostly have finished stories (paid, closed); recent ones
// are still under way. Where an order's story would run past today it is told
// faster, so that every order reaches the end of its story by today.
import type { OrderTypeId, StatusKind, SubscriptionInterval } from '../../../shared/enums';
import { NON_PROCESSING_KINDS, NOT_AT_ENTRY_KINDS, UNPROCESSED_TYPES } from '../../../shared/kinds';
import type { Rng } from './random';
import { MINUTES_PER_DAY } from './timeline';

/** A status an order is moved to on the status bar (orders.setStatus). */
export type MoveKind = 'production' | 'pack' | 'loan' | 'ready_to_invoice' | 'invoiced' | 'paid' | 'reminded' | 'closed' | 'cancelled';

export type Step =
  /** Saved by the clerk (orders.create, or an import): reserves, or for Cash and Realized orders invoices / issues at once. */
  | { readonly do: 'enter' }
  | { readonly do: 'move'; readonly to: MoveKind }
  /** Marks part of the lines delivered (a packing slip): `share` of the lines in full, the next one half. */
  | { readonly do: 'deliverPart'; readonly share: number }
  /** Everything remaining delivered: by marking the lines delivered, or by moving the order to Shipped. */
  | { readonly do: 'ship'; readonly via: 'deliver' | 'status' }
  /** Invoices what is delivered (Direct orders are delivered on the way); may leave a backorder. */
  | { readonly do: 'invoice' }
  /** Waits for the customer's next collective invoice (the month's end). */
  | { readonly do: 'collective' }
  /** A credit note on the order's invoice: all of it or one unit of its first line, goods back to stock or not. */
  | { readonly do: 'credit'; readonly full: boolean; readonly returnToStock: boolean }
  | { readonly do: 'returnLoan'; readonly full: boolean }
  /** The customer accepts the quote: an order of this type is made from it; the steps after it are the order's. */
  | { readonly do: 'convert'; readonly orderType: 1 | 2 }
  | { readonly do: 'subscribe'; readonly interval: SubscriptionInterval }
  | { readonly do: 'startJob' }
  | { readonly do: 'completeJob' };

export type StoryName =
  | 'draft'
  | 'quote'
  | 'quote_lost'
  | 'accepted'
  | 'web'
  | 'confirmed'
  | 'production'
  | 'pack'
  | 'pack_partial'
  | 'loan'
  | 'loan_returned'
  | 'loan_invoiced'
  | 'subscription'
  | 'shipped'
  | 'ready_to_invoice'
  | 'invoiced'
  | 'rest'
  | 'reminded'
  | 'paid'
  | 'closed'
  | 'realized'
  | 'cancelled'
  | 'cash'
  | 'collective'
  | 'credited'
  | 'returned'
  | 'job'
  | 'job_done'
  | 'card';

/** What the order's lines are. */
export type LineKind = 'goods' | 'few' | 'subscription' | 'job';

/** [days after the previous step, the step, cosmetic]: a cosmetic step changes nothing but the status on the way. */
type Gap = readonly [number, Step, boolean?];

interface StoryDef {
  readonly name: StoryName;
  readonly types: readonly (readonly [OrderTypeId, number])[];
  /** Weight for orders up to 14 days old, 15–60 days old, older. */
  readonly weights: readonly [number, number, number];
  /** The status the clerk enters the order in. */
  readonly entry: StatusKind;
  /** The order has an agreed delivery date. */
  readonly delivery: boolean;
  readonly lines: LineKind;
  /** Told only by the demo company (jobs and card-payment imports go through channels the generator does not drive). */
  readonly demoOnly?: boolean;
  readonly path: (rng: Rng, orderType: OrderTypeId) => Gap[];
}

const move = (to: MoveKind): Step => ({ do: 'move', to });

/** Confirmed → (Production → Pack) → delivered in full. */
const toShipped = (rng: Rng): Gap[] => [
  [rng.int(1, 3), move('production'), true],
  [rng.int(1, 3), move('pack'), true],
  [rng.int(1, 4), { do: 'ship', via: rng.chance(0.7) ? 'deliver' : 'status' }],
];
/** Direct orders are invoiced from Confirmed (delivered on the way); the others after shipping. */
const toInvoiced = (rng: Rng, t: OrderTypeId): Gap[] =>
  t === 2 ? [[rng.int(1, 6), { do: 'invoice' }]] : [...toShipped(rng), [rng.int(0, 4), { do: 'invoice' }]];
const toPaid = (rng: Rng, t: OrderTypeId): Gap[] => [...toInvoiced(rng, t), [rng.int(8, 35), move('paid')]];

const STORIES: readonly StoryDef[] = [
  { name: 'draft', types: [[1, 2], [8, 3]], weights: [3, 2, 1], entry: 'draft', delivery: false, lines: 'goods', path: () => [] },
  { name: 'quote', types: [[5, 1]], weights: [14, 6, 1.5], entry: 'quote', delivery: false, lines: 'goods', path: () => [] },
  {
    name: 'quote_lost',
    types: [[5, 1]],
    weights: [0, 3, 5],
    entry: 'quote',
    delivery: false,
    lines: 'goods',
    path: (rng) => [[rng.int(7, 30), move('cancelled')]],
  },
  {
    name: 'accepted',
    types: [[5, 1]],
    weights: [4, 4, 4],
    entry: 'quote',
    delivery: true,
    lines: 'goods',
    path: (rng) => {
      const orderType = rng.chance(0.85) ? 1 : 2;
      // A Direct order is not shipped on its own: it is delivered when invoiced.
      const then = rng.weighted<(r: Rng, t: OrderTypeId) => Gap[]>([
        [() => [], 2],
        [toShipped, orderType === 2 ? 0 : 1],
        [toInvoiced, 1],
        [toPaid, 4],
      ]);
      return [[rng.int(1, 10), { do: 'convert', orderType }], ...then(rng, orderType)];
    },
  },
  { name: 'web', types: [[6, 3], [1, 1]], weights: [7, 1, 0], entry: 'web', delivery: false, lines: 'goods', path: () => [] },
  { name: 'confirmed', types: [[1, 6], [2, 2], [7, 2]], weights: [22, 6, 0.5], entry: 'confirmed', delivery: true, lines: 'goods', path: () => [] },
  {
    name: 'production',
    types: [[1, 3], [7, 1]],
    weights: [8, 3, 0.2],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng) => [[rng.int(1, 3), move('production')]],
  },
  {
    name: 'pack',
    types: [[1, 1]],
    weights: [9, 2, 0],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng) => [[rng.int(1, 3), move('production'), true], [rng.int(1, 3), move('pack')]],
  },
  {
    name: 'pack_partial',
    types: [[1, 3], [7, 1]],
    weights: [3, 2, 0.2],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng) => [[rng.int(1, 4), move('pack')], [rng.int(0, 2), { do: 'deliverPart', share: rng.pick([0.25, 0.5, 0.75]) }]],
  },
  {
    name: 'loan',
    types: [[1, 1]],
    weights: [2, 2, 0.3],
    entry: 'confirmed',
    delivery: true,
    lines: 'few',
    path: (rng) => [[rng.int(1, 3), move('loan')]],
  },
  {
    name: 'loan_returned',
    types: [[1, 1]],
    weights: [0, 2, 2],
    entry: 'confirmed',
    delivery: true,
    lines: 'few',
    path: (rng) => [[rng.int(1, 3), move('loan')], [rng.int(14, 60), { do: 'returnLoan', full: rng.chance(0.8) }]],
  },
  {
    name: 'loan_invoiced',
    types: [[1, 1]],
    weights: [0, 1, 1.5],
    entry: 'confirmed',
    delivery: true,
    lines: 'few',
    path: (rng) => [[rng.int(1, 3), move('loan')], [rng.int(10, 40), move('invoiced')], [rng.int(8, 30), move('paid')]],
  },
  {
    name: 'subscription',
    types: [[1, 1]],
    weights: [0.3, 0.3, 0.3],
    entry: 'subscription',
    delivery: false,
    lines: 'subscription',
    path: (rng) => [[0, { do: 'subscribe', interval: rng.weighted<SubscriptionInterval>([['monthly', 2], ['quarterly', 4], ['yearly', 4]]) }]],
  },
  { name: 'shipped', types: [[1, 3], [7, 1]], weights: [10, 3, 0.3], entry: 'confirmed', delivery: true, lines: 'goods', path: toShipped },
  {
    name: 'ready_to_invoice',
    types: [[1, 3], [2, 1]],
    weights: [8, 4, 0.3],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng, t) =>
      t === 2 ? [[rng.int(1, 4), move('ready_to_invoice')]] : [...toShipped(rng), [rng.int(0, 2), move('ready_to_invoice')]],
  },
  { name: 'invoiced', types: [[1, 4], [2, 1], [7, 1]], weights: [7, 10, 1.5], entry: 'confirmed', delivery: true, lines: 'goods', path: toInvoiced },
  {
    name: 'rest',
    types: [[1, 1]],
    weights: [1, 3, 1.5],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng) => [
      [rng.int(1, 3), move('pack'), true],
      [rng.int(0, 2), { do: 'deliverPart', share: rng.pick([0.25, 0.5, 0.75]) }],
      [rng.int(0, 3), { do: 'invoice' }],
      [rng.int(8, 35), move('paid')],
    ],
  },
  {
    name: 'reminded',
    types: [[1, 1]],
    weights: [0, 4, 1.5],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng, t) => [...toInvoiced(rng, t), [rng.int(20, 30), move('reminded')]],
  },
  { name: 'paid', types: [[1, 5], [2, 1], [7, 1]], weights: [2, 18, 32], entry: 'confirmed', delivery: true, lines: 'goods', path: toPaid },
  {
    name: 'closed',
    types: [[1, 1]],
    weights: [0, 4, 22],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    // Paid, then closed: on the way, Paid changes nothing but the status.
    path: (rng, t) => {
      const [last, ...before] = toPaid(rng, t).reverse();
      return [...before.reverse(), [last![0], last![1], true], [rng.int(0, 20), move('closed')]];
    },
  },
  { name: 'realized', types: [[4, 1]], weights: [1, 1, 2], entry: 'confirmed', delivery: false, lines: 'few', path: () => [] },
  {
    name: 'cancelled',
    types: [[1, 2], [7, 1]],
    weights: [3, 4, 4],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng) => [[rng.int(1, 20), move('cancelled')]],
  },
  { name: 'cash', types: [[3, 1]], weights: [4, 4, 4], entry: 'confirmed', delivery: false, lines: 'few', path: () => [] },
  {
    name: 'collective',
    types: [[1, 1]],
    weights: [0, 4, 5],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng) => [...toShipped(rng), [0, { do: 'collective' }]],
  },
  {
    name: 'credited',
    types: [[1, 3], [3, 1]],
    weights: [0, 1, 1.5],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    path: (rng, t) => {
      // Mostly a price or a complaint settled; now and then goods come back to stock.
      const credit: Step = { do: 'credit', full: rng.chance(0.25), returnToStock: rng.chance(0.15) };
      return t === 3 ? [[rng.int(2, 30), credit]] : [...toPaid(rng, t), [rng.int(0, 20), credit]];
    },
  },
  {
    // Goods sent back: part of a paid order credited, the goods back on the shelf.
    name: 'returned',
    types: [[1, 1]],
    weights: [0, 0.5, 0.5],
    entry: 'confirmed',
    delivery: true,
    lines: 'goods',
    demoOnly: true,
    path: (rng, t) => [...toPaid(rng, t), [rng.int(2, 20), { do: 'credit', full: false, returnToStock: true }]],
  },
  {
    name: 'job',
    types: [[1, 1]],
    weights: [1, 0.5, 0],
    entry: 'confirmed',
    delivery: true,
    lines: 'job',
    demoOnly: true,
    path: (rng) => [[rng.int(0, 2), { do: 'startJob' }]],
  },
  {
    name: 'job_done',
    types: [[1, 1]],
    weights: [1, 0.5, 0],
    entry: 'confirmed',
    delivery: true,
    lines: 'job',
    demoOnly: true,
    path: (rng) => [[rng.int(0, 2), { do: 'startJob' }], [rng.int(1, 5), { do: 'completeJob' }]],
  },
  {
    name: 'card',
    types: [[9, 1]],
    weights: [1, 0.5, 0],
    entry: 'confirmed',
    delivery: true,
    lines: 'few',
    demoOnly: true,
    path: (rng) => [[rng.int(1, 3), { do: 'ship', via: 'deliver' }], [rng.int(0, 2), { do: 'invoice' }]],
  },
];

// Entry within the rules of entry: checked once when the module loads, so a rule
// that tightens later fails loudly instead of producing refused orders.
for (const s of STORIES) {
  if (NOT_AT_ENTRY_KINDS.includes(s.entry)) throw new Error(`order mix: ${s.name} cannot be entered in ${s.entry}`);
  for (const [t] of s.types) {
    if (t === 9 && !s.demoOnly) throw new Error('order mix: type 9 comes only by import');
    if (UNPROCESSED_TYPES.includes(t) && !NON_PROCESSING_KINDS.includes(s.entry)) {
      throw new Error(`order mix: type ${t} cannot be in ${s.entry}`);
    }
  }
}

/** One step of an order's life, at `minute` minutes after the start of the order date. */
export interface TimedStep {
  readonly minute: number;
  readonly step: Step;
  readonly cosmetic: boolean;
}

export interface Life {
  readonly story: StoryName;
  readonly orderType: OrderTypeId;
  readonly entry: StatusKind;
  readonly delivery: boolean;
  readonly lines: LineKind;
  /** Starts with the entry itself. */
  readonly steps: readonly TimedStep[];
}

const FIRST_MINUTE = 7 * 60;
const LAST_MINUTE = 16 * 60 + 30;

function storiesFor(demo: boolean) {
  const usable = STORIES.filter((s) => demo || !s.demoOnly);
  return [0, 1, 2].map((b) => usable.map((s) => [s, s.weights[b]!] as const));
}
const DEMO_BUCKETS = storiesFor(true);
const GENERATOR_BUCKETS = storiesFor(false);

const AGE_BUCKETS: readonly (readonly [number, number])[] = [[0, 14], [15, 60], [61, Infinity]];

/**
 * One order of every story and order type it is told with: the demo company
 * shows each of them at least once.
 */
export function showcase(): { readonly story: StoryName; readonly orderType: OrderTypeId }[] {
  return STORIES.flatMap((s) => s.types.map(([orderType]) => ({ story: s.name, orderType })));
}

/**
 * An age (in days, at most `maxAge`) at which the story is told: in an age
 * bucket where it has weight, and old enough for what happens on its own
 * schedule (a month's end for a collective invoice, a subscription period).
 */
export function ageForStory(rng: Rng, name: StoryName, maxAge: number): number {
  const s = STORIES.find((x) => x.name === name)!;
  const min = name === 'collective' ? 45 : name === 'subscription' ? 20 : 0;
  const buckets = AGE_BUCKETS.filter(([lo, hi], b) => s.weights[b]! > 0 && lo <= maxAge && hi >= min);
  const [lo, hi] = buckets.length > 0 ? rng.pick(buckets) : AGE_BUCKETS[0]!;
  return rng.int(Math.max(lo, Math.min(min, maxAge)), Math.min(hi, maxAge));
}

/** Stories that deliver part of an order: they need two lines or more, so that something remains. */
export const PARTIAL_STORIES: readonly StoryName[] = ['pack_partial', 'rest'];
/** Stories that lend goods: what is lent comes off the shelf (stock-managed products). */
export const LOAN_STORIES: readonly StoryName[] = ['loan', 'loan_returned', 'loan_invoiced'];

/**
 * Picks an order's story by its age (in days, 0 = today) and lays out its steps.
 * Steps that would fall after today are brought forward, keeping their order.
 */
export function planLife(rng: Rng, ageDays: number, opts: { demo: boolean; story?: StoryName; orderType?: OrderTypeId }): Life {
  const bucket = (opts.demo ? DEMO_BUCKETS : GENERATOR_BUCKETS)[ageDays <= 14 ? 0 : ageDays <= 60 ? 1 : 2]!;
  const def = opts.story ? STORIES.find((s) => s.name === opts.story)! : rng.weighted(bucket);
  const orderType = opts.orderType ?? rng.weighted(def.types);
  const gaps = def.path(rng, orderType);

  // Days after the order date, then told faster if they run past today.
  const days: number[] = [];
  let d = 0;
  for (const [gap] of gaps) days.push((d += gap));
  const span = days.length ? days[days.length - 1]! : 0;
  const squeeze = span > ageDays ? ageDays / span : 1;

  const steps: TimedStep[] = [];
  let minute = rng.int(FIRST_MINUTE, LAST_MINUTE - 60);
  steps.push({ minute, step: { do: 'enter' }, cosmetic: false });
  gaps.forEach(([, step, cosmetic], i) => {
    const day = Math.floor(days[i]! * squeeze);
    const sameDay = Math.floor(minute / MINUTES_PER_DAY) === day;
    // Later the same day, or at a working hour of a later day.
    const at = sameDay ? minute + rng.int(5, 60) : day * MINUTES_PER_DAY + rng.int(FIRST_MINUTE, LAST_MINUTE);
    minute = Math.min(at, day * MINUTES_PER_DAY + MINUTES_PER_DAY - 1);
    steps.push({ minute, step, cosmetic: cosmetic ?? false });
  });
  return { story: def.name, orderType, entry: def.entry, delivery: def.delivery, lines: def.lines, steps };
}

/** A quantity in thousandths that suits the unit: whole pieces, or tenths of kg / m / l. */
export function pickQuantity(rng: Rng, unit: string, priceOre: number): number {
  if (unit === 'kg' || unit === 'm' || unit === 'l') {
    const max = priceOre > 10_000 ? 100 : 600;
    return rng.int(5, max) * 100;
  }
  if (unit === 'time') return rng.int(1, 16) * 500;
  const max = priceOre >= 100_000 ? 3 : priceOre >= 20_000 ? 12 : 48;
  return rng.int(1, max) * 1000;
}

/** Business customers get a discount on some lines. */
export function pickDiscountBp(rng: Rng, business: boolean): number {
  if (!rng.chance(business ? 0.25 : 0.05)) return 0;
  return rng.pick([500, 1000, 1500, 2000]);
}

export function pickCustomerReference(rng: Rng, business: boolean): string | null {
  if (business) return rng.chance(0.7) ? `PO-${rng.int(1000, 9999)}` : null;
  return null;
}

/** Product number prefixes a customer mostly buys from, by what the customer does. */
export function productPrefixesFor(name: string, business: boolean): readonly string[] {
  if (!business) return ['BYG', 'VRK', 'MAT', 'BOK', 'TJN-6'];
  if (/Kafé|Bakeri|Catering|Barnehage/.test(name)) return ['MAT', 'TJN-70'];
  if (/Bok/.test(name)) return ['BOK'];
  if (/Events|Transport/.test(name)) return ['TJN-6', 'MAT'];
  if (/Elektro|Rør|Ventilasjon|Blikkenslager|Låsservice/.test(name)) return ['JRN', 'VRK', 'BYG-108', 'TJN-70'];
  if (/Maling|Interiør/.test(name)) return ['BYG-107', 'BYG-104', 'VRK', 'JRN'];
  return ['BYG', 'JRN', 'VRK', 'TJN-70'];
}

/** Indexes into `products` of what a customer mostly buys; everything when nothing matches. */
export function productPool(products: readonly { number: string }[], prefixes: readonly string[]): number[] {
  const pool = products.flatMap((p, i) => (prefixes.some((x) => p.number.startsWith(x)) ? [i] : []));
  return pool.length > 0 ? pool : products.map((_, i) => i);
}

/** What subscriptions are sold for: periodicals and a service agreement (none of them stock-managed). */
export const SUBSCRIPTION_PRODUCT_NUMBERS: readonly string[] = ['BOK-5011', 'BOK-5012', 'TJN-7001'];
/** The service line a job order carries. */
export const JOB_PRODUCT_NUMBER = 'TJN-7001';
