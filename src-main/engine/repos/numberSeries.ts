import { stmt, type Db } from '../db/connection';

export type SeriesName = 'sales_order' | 'purchase_order' | 'rental_order' | 'customer' | 'supplier' | 'invoice' | 'project';

/** Takes the next number of a series inside the caller's transaction, so a rollback returns it. */
export function nextNumber(db: Db, series: SeriesName): number {
  const row = stmt(db, 'UPDATE number_series SET next_value = next_value + 1 WHERE name = ? RETURNING next_value - 1 AS n').get(
    series,
  ) as { n: number } | undefined;
  if (!row) throw new Error(`Number series ${series} is missing`);
  return row.n;
}
