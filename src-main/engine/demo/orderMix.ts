// What kind of orders a wholesaler has, by age: shared by the demo company and
// the data generator so that both look alike.
//
// Until sales processing exists (delivery, invoicing), an order can only be in a
// status it may be entered in (domain/orderRules.ts): no Shipped, Invoiced or
// Paid, and Quote / Unprocessed / Budget orders (types 5, 6, 8) only in statuses
// without processing. Older orders therefore end up Closed or Cancelled here.
import type { OrderTypeId, StatusKind } from '../../../shared/enums';
import { NON_PROCESSING_KINDS, NOT_AT_ENTRY_KINDS, UNPROCESSED_TYPES } from '../domain/orderRules';
import type { Rng } from './random';

interface MixEntry {
  readonly kind: StatusKind;
  readonly types: readonly (readonly [OrderTypeId, number])[];
  /** Weight for orders up to 14 days old, 15–60 days old, older. */
  readonly weights: readonly [number, number, number];
  /** Orders in this status have an agreed delivery date. */
  readonly delivery: boolean;
}

export const ORDER_MIX: readonly MixEntry[] = [
  { kind: 'draft', types: [[1, 2], [8, 3]], weights: [3, 2, 2], delivery: false },
  { kind: 'quote', types: [[5, 1]], weights: [14, 8, 3], delivery: false },
  { kind: 'accepted', types: [[5, 1]], weights: [5, 3, 0.5], delivery: true },
  { kind: 'web', types: [[6, 3], [1, 1]], weights: [7, 1, 0], delivery: false },
  { kind: 'confirmed', types: [[1, 6], [2, 2], [7, 2]], weights: [26, 10, 1], delivery: true },
  { kind: 'production', types: [[1, 3], [7, 1]], weights: [8, 4, 0.3], delivery: true },
  { kind: 'pack', types: [[1, 1]], weights: [10, 2, 0], delivery: true },
  { kind: 'loan', types: [[1, 1]], weights: [2, 3, 2], delivery: true },
  { kind: 'subscription', types: [[1, 1]], weights: [1, 2, 3], delivery: false },
  { kind: 'ready_to_invoice', types: [[1, 3], [2, 1]], weights: [12, 15, 1], delivery: true },
  { kind: 'closed', types: [[1, 5], [4, 1]], weights: [4, 42, 78], delivery: true },
  { kind: 'cancelled', types: [[1, 2], [5, 2], [6, 1]], weights: [3, 6, 8], delivery: false },
];

// The mix must stay within the entry rules; checked once when the module loads,
// so a rule that tightens later fails loudly instead of producing refused orders.
for (const m of ORDER_MIX) {
  if (NOT_AT_ENTRY_KINDS.includes(m.kind)) throw new Error(`order mix: ${m.kind} cannot be entered`);
  for (const [t] of m.types) {
    if (t === 9) throw new Error('order mix: type 9 comes only by import');
    if (UNPROCESSED_TYPES.includes(t) && !NON_PROCESSING_KINDS.includes(m.kind)) {
      throw new Error(`order mix: type ${t} cannot be in ${m.kind}`);
    }
  }
}

const BUCKETS = [0, 1, 2].map((b) => ORDER_MIX.map((m) => [m, m.weights[b]!] as const));

export function pickStatusAndType(rng: Rng, ageDays: number): { kind: StatusKind; orderType: OrderTypeId; delivery: boolean } {
  const bucket = BUCKETS[ageDays <= 14 ? 0 : ageDays <= 60 ? 1 : 2]!;
  const m = rng.weighted(bucket);
  return { kind: m.kind, orderType: rng.weighted(m.types), delivery: m.delivery };
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
