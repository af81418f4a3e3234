import { stmt, type Db } from '../db/connection';

export type SeriesName = 'sales_order' | 'purchase_order' | 'rental_order' | 'customer' | 'supplier' | 'invoice' | 'project' | 'product';

/**
 * Is the number in use in the series? A number can be in use ahead of the series:
 * the administrator set the next number below a used one, or a product number was
 * typed by hand. The gap-free invoice series never has one (numbersSeries.save
 * keeps its next number at the highest used + 1).
 */
const IN_USE: Readonly<Record<SeriesName, string>> = {
  sales_order: "SELECT 1 FROM order_header WHERE transaction_type = 'sales' AND number = ?",
  purchase_order: "SELECT 1 FROM order_header WHERE transaction_type = 'purchase' AND number = ?",
  rental_order: "SELECT 1 FROM order_header WHERE transaction_type = 'rental' AND number = ?",
  customer: "SELECT 1 FROM party WHERE role = 'customer' AND number = ?",
  supplier: "SELECT 1 FROM party WHERE role = 'supplier' AND number = ?",
  project: 'SELECT 1 FROM project WHERE number = ?',
  // Product numbers are text (bound as text below); the series' numbers are written without leading zeros.
  product: 'SELECT 1 FROM product WHERE number = ?',
  invoice: 'SELECT 1 FROM invoice WHERE number = ?',
};

/** The highest number in use, read from each table's unique index on its number. */
const HIGHEST: Readonly<Record<SeriesName, string>> = {
  sales_order: "SELECT max(number) AS n FROM order_header WHERE transaction_type = 'sales'",
  purchase_order: "SELECT max(number) AS n FROM order_header WHERE transaction_type = 'purchase'",
  rental_order: "SELECT max(number) AS n FROM order_header WHERE transaction_type = 'rental'",
  customer: "SELECT max(number) AS n FROM party WHERE role = 'customer'",
  supplier: "SELECT max(number) AS n FROM party WHERE role = 'supplier'",
  project: 'SELECT max(number) AS n FROM project',
  // Only product numbers the series could have made: digits, no leading zero, at most 9 of them.
  product: `SELECT max(CAST(number AS INTEGER)) AS n FROM product
            WHERE number <> '' AND number NOT GLOB '*[^0-9]*' AND number NOT GLOB '0*' AND length(number) <= 9`,
  invoice: 'SELECT max(number) AS n FROM invoice',
};

/** Series whose numbers must run without gaps (SPEC 7): a number in use is never stepped over. */
export const GAP_FREE_SERIES: readonly SeriesName[] = ['invoice'];

export function numberInUse(db: Db, series: SeriesName, n: number): boolean {
  return stmt(db, IN_USE[series]).get(series === 'product' ? String(n) : n) !== undefined;
}

export function highestUsed(db: Db, series: SeriesName): number | null {
  return (stmt(db, HIGHEST[series]).get() as { n: number | null }).n;
}

export function peekNextNumber(db: Db, series: SeriesName): number {
  const row = stmt(db, 'SELECT next_value FROM number_series WHERE name = ?').get(series) as { next_value: number } | undefined;
  if (!row) throw new Error(`Number series ${series} is missing`);
  return row.next_value;
}

export function setNextNumber(db: Db, series: SeriesName, next: number): void {
  stmt(db, 'UPDATE number_series SET next_value = ? WHERE name = ?').run(next, series);
}

function take(db: Db, series: SeriesName): number {
  const row = stmt(db, 'UPDATE number_series SET next_value = next_value + 1 WHERE name = ? RETURNING next_value - 1 AS n').get(
    series,
  ) as { n: number } | undefined;
  if (!row) throw new Error(`Number series ${series} is missing`);
  return row.n;
}

/**
 * Takes the next number of a series inside the caller's transaction, so a rollback
 * returns it. A number already in use (see IN_USE) is stepped over, so a series
 * set below a used number never collides; the invoice series takes its next
 * number as it is, gap-free.
 */
export function nextNumber(db: Db, series: SeriesName): number {
  if (GAP_FREE_SERIES.includes(series)) return take(db, series);
  for (;;) {
    const n = take(db, series);
    if (!numberInUse(db, series, n)) return n;
  }
}
