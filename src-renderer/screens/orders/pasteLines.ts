// Lines pasted into a product cell from a spreadsheet or another program: one
// line per row, cells separated by tabs — product number, quantity and, if
// given, price. Each distinct number is looked up once and must match exactly.
import type { ProductHit } from '../../../shared/channels/products';
import { emptyLine, withProduct, type DraftLine } from './orderDraft';

export interface PastedRow {
  readonly number: string;
  readonly quantity: string;
  readonly price: string | null;
}

/** The rows of pasted text; null when it is a single value (pasted into the cell as text). */
export function parsePasted(text: string): PastedRow[] | null {
  if (!/[\t\n]/.test(text.trim())) return null;
  return text
    .split(/\r?\n/)
    .map((r) => r.split('\t').map((c) => c.trim()))
    .filter((cells) => cells[0])
    .map(([number = '', quantity = '', price = '']) => ({ number, quantity, price: price || null }));
}

/** Draft lines for the rows; a number that matches no product stays typed in its line, with `missing` saying so. */
export async function linesOfPaste(
  rows: readonly PastedRow[],
  find: (number: string) => Promise<readonly ProductHit[]>,
): Promise<{ lines: DraftLine[]; missing: DraftLine[]; products: ProductHit[] }> {
  const numbers = [...new Set(rows.map((r) => r.number.toLowerCase()))];
  const found = new Map<string, ProductHit>();
  await Promise.all(
    numbers.map(async (n) => {
      const hit = (await find(n)).find((p) => p.number.toLowerCase() === n);
      if (hit) found.set(n, hit);
    }),
  );
  const missing: DraftLine[] = [];
  const lines = rows.map((r) => {
    const p = found.get(r.number.toLowerCase());
    if (!p) {
      const line = { ...emptyLine(), productText: r.number, quantity: r.quantity };
      missing.push(line);
      return line;
    }
    const line = withProduct(emptyLine(), p);
    return { ...line, quantity: r.quantity, ...(r.price ? { price: r.price, priceTouched: true } : {}) };
  });
  return { lines, missing, products: [...found.values()] };
}
