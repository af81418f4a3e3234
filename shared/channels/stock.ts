import { z } from 'zod';
import { channel, id, nonNegativeOre, optionalText, positiveQuantity, quantity, requiredText } from './common';

export interface StockBatch {
  readonly id: number;
  readonly receivedAt: string;
  readonly qtyInitial: number;
  readonly qtyRemaining: number;
  readonly costOre: number;
  /** Where the batch came from (manual, purchase, return, credit, adjustment, negative, web): the screen words it. */
  readonly source: string;
  /** The purchase order, order or credit note it came with, if any. */
  readonly sourceNumber: number | null;
}

export interface StockMovement {
  readonly id: number;
  readonly quantity: number;
  readonly cause: 'receipt' | 'issue' | 'adjustment' | 'credit' | 'return';
  readonly orderNumber: number | null;
  readonly orderType: number | null;
  readonly costOre: number | null;
  readonly note: string | null;
  readonly createdAt: string;
}

/** SPEC 3: available = on hand − reserved − on loan; value = Σ batch quantity × cost. */
export interface StockInfo {
  readonly productId: number;
  readonly stockManaged: boolean;
  readonly onHand: number;
  readonly reserved: number;
  readonly onLoan: number;
  readonly available: number;
  readonly valueOre: number;
  readonly batches: readonly StockBatch[];
  readonly movements: readonly StockMovement[];
}

/** What a product has free for new orders (SPEC 3: on hand − reserved − on loan); null when its stock is not kept. */
export interface Availability {
  readonly productId: number;
  readonly available: number | null;
}

export const stockChannels = {
  'stock.get': channel<StockInfo>()(z.object({ productId: id }).strict()),
  /** Line entry: what each of these products has available (the order screen's "Disp." column). */
  'stock.available': channel<readonly Availability[]>()(z.object({ productIds: z.array(id).max(2000) }).strict()),
  /** A manual receipt: a new batch at the given cost, settling negative batches first. */
  'stock.receive': channel<StockInfo>()(
    z.object({ productId: id, quantity: positiveQuantity, costOre: nonNegativeOre, note: optionalText(200) }).strict(),
  ),
  /** A stock-count correction, up or down, with a reason. */
  'stock.adjust': channel<StockInfo>()(
    z
      .object({ productId: id, quantity: quantity.refine((q) => q !== 0, { message: 'quantity_zero' }), note: requiredText(200) })
      .strict(),
  ),
};
