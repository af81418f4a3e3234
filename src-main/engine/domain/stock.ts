// The stock ledger's arithmetic (SPEC 3), as pure functions over batches.
// Issues draw from the oldest batch first; an issue that finds too little
// (allowed for Direct and Cash orders) leaves a batch with negative quantity,
// which the next receipt settles before it makes a batch of its own.

export interface Batch {
  readonly id: number;
  readonly receivedAt: string;
  readonly qtyRemaining: number;
  readonly costOre: number;
}

export interface Draw {
  /** The batch drawn from; null for the shortfall that becomes a negative batch. */
  readonly batchId: number | null;
  readonly qty: number;
  readonly costOre: number;
}

export type IssuePlan =
  | { readonly ok: true; readonly draws: readonly Draw[] }
  | { readonly ok: false; readonly available: number };

/** Oldest first: by receipt time, then by id. */
export function fifo(batches: readonly Batch[]): Batch[] {
  return [...batches].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id - b.id));
}

/**
 * Plans taking `qty` out of stock. With `allowNegative`, what the batches cannot
 * cover is one draw with batchId null, costed at the newest known cost.
 */
export function planIssue(
  batches: readonly Batch[],
  qty: number,
  opts: { readonly allowNegative: boolean; readonly fallbackCostOre: number },
): IssuePlan {
  if (qty <= 0) throw new RangeError(`issue quantity must be positive, got ${qty}`);
  const ordered = fifo(batches).filter((b) => b.qtyRemaining > 0);
  const draws: Draw[] = [];
  let left = qty;
  for (const b of ordered) {
    if (left === 0) break;
    const take = Math.min(left, b.qtyRemaining);
    draws.push({ batchId: b.id, qty: take, costOre: b.costOre });
    left -= take;
  }
  if (left > 0) {
    if (!opts.allowNegative) return { ok: false, available: qty - left };
    const newest = fifo(batches).at(-1);
    draws.push({ batchId: null, qty: left, costOre: newest?.costOre ?? opts.fallbackCostOre });
  }
  return { ok: true, draws };
}

export interface ReceiptPlan {
  /** Negative batches brought towards zero, oldest first. */
  readonly settle: readonly { readonly batchId: number; readonly qty: number }[];
  /** What is left for a new batch at the received cost (0: nothing). */
  readonly newBatchQty: number;
}

export function planReceipt(batches: readonly Batch[], qty: number): ReceiptPlan {
  if (qty <= 0) throw new RangeError(`receipt quantity must be positive, got ${qty}`);
  const settle: { batchId: number; qty: number }[] = [];
  let left = qty;
  for (const b of fifo(batches)) {
    if (left === 0) break;
    if (b.qtyRemaining >= 0) continue;
    const take = Math.min(left, -b.qtyRemaining);
    settle.push({ batchId: b.id, qty: take });
    left -= take;
  }
  return { settle, newBatchQty: left };
}

/** Stock value = sum of batch quantity × cost (quantities in thousandths). */
export function stockValueOre(batches: readonly Batch[]): number {
  return Math.round(batches.reduce((s, b) => s + b.qtyRemaining * b.costOre, 0) / 1000);
}
