// The rows of the order lines grid, built from the draft: each line with what
// the grid shows beside it (amount, saved quantities, errors, stock). A row
// object is reused while nothing it shows has changed, so AG Grid redraws only
// the rows that did (typing in one line of a thousand redraws that line).
import type { OrderLine } from '../../../shared/channels/orders';
import { parseQuantity } from '../../../shared/format';
import type { FieldErrors } from '../../components/refusal';
import type { BilingualText } from '../../i18n';
import { LINE_COLUMNS, lineField, type DraftLine, type LineColumn } from './orderDraft';

/** What the order would take of a line's product against what is free for it. */
export interface LineStock {
  /** Available for this line: the product's available, plus what this order holds, less the lines above. */
  readonly available: number;
  /** What this line still takes from stock. */
  readonly need: number;
  readonly short: boolean;
}

export interface LineRow {
  readonly uid: string;
  readonly index: number;
  readonly line: DraftLine;
  readonly amount: number | null;
  readonly saved: OrderLine | undefined;
  /** The engine refuses to change a line whose goods are delivered or invoiced. */
  readonly locked: boolean;
  readonly errors: Partial<Record<LineColumn, BilingualText>>;
  /** The errors' texts joined, for comparing rows and sizing them; '' when none. */
  readonly errorKey: string;
  readonly stock: LineStock | null;
  /** A heading's group subtotal: its product lines' amounts (excl. VAT) until the next heading; null on other rows. */
  readonly subtotal: number | null;
}

/**
 * Stock per line. `available` (per product id; null: stock not kept) already
 * excludes what this order has reserved, so that is added back; goods delivered or
 * lent on a line have left stock and are not taken again.
 */
export function stockByLine(
  lines: readonly DraftLine[],
  savedOf: (l: DraftLine) => OrderLine | undefined,
  available: ReadonlyMap<number, number | null>,
): Map<string, LineStock> {
  const own = new Map<number, number>();
  for (const l of lines) {
    const s = savedOf(l);
    if (s) own.set(s.productId, (own.get(s.productId) ?? 0) + s.qtyReserved);
  }
  const used = new Map<number, number>();
  const out = new Map<string, LineStock>();
  for (const l of lines) {
    if (l.productId === null) continue;
    const free = available.get(l.productId);
    if (free === undefined || free === null) continue;
    const s = savedOf(l);
    const need = Math.max(0, (parseQuantity(l.quantity) ?? 0) - (s ? s.qtyDelivered + s.qtyOnLoan : 0));
    const before = used.get(l.productId) ?? 0;
    const left = free + (own.get(l.productId) ?? 0) - before;
    used.set(l.productId, before + need);
    out.set(l.uid, { available: left, need, short: need > left });
  }
  return out;
}

const sameStock = (a: LineStock | null, b: LineStock | null) =>
  a === b || (a !== null && b !== null && a.available === b.available && a.need === b.need && a.short === b.short);

const sameRow = (a: LineRow, b: LineRow) =>
  a.line === b.line &&
  a.index === b.index &&
  a.amount === b.amount &&
  a.saved === b.saved &&
  a.locked === b.locked &&
  a.errorKey === b.errorKey &&
  a.subtotal === b.subtotal &&
  sameStock(a.stock, b.stock);

export interface RowInputs {
  readonly lines: readonly DraftLine[];
  readonly amounts: ReadonlyMap<string, number>;
  readonly savedLines: ReadonlyMap<number, OrderLine> | null;
  readonly errors: FieldErrors;
  readonly available: ReadonlyMap<number, number | null>;
}

const NO_ERRORS: Partial<Record<LineColumn, BilingualText>> = {};

/**
 * The form's messages grouped by line uid, in column order. Walks the few
 * messages rather than asking every line for every column (a thousand lines
 * made six thousand keys on each keystroke).
 */
function lineErrors(fields: FieldErrors): Map<string, Partial<Record<LineColumn, BilingualText>>> {
  const out = new Map<string, Partial<Record<LineColumn, BilingualText>>>();
  for (const key of Object.keys(fields)) {
    if (!key.startsWith('line.') || !fields[key]) continue;
    const dot = key.lastIndexOf('.');
    const uid = key.slice('line.'.length, dot);
    const col = key.slice(dot + 1) as LineColumn;
    if (!LINE_COLUMNS.includes(col) || lineField(uid, col) !== key) continue;
    out.set(uid, { ...out.get(uid), [col]: fields[key] });
  }
  // The same order as LINE_COLUMNS, so errorKey does not depend on which message came first.
  for (const [uid, errors] of out) {
    const ordered: Partial<Record<LineColumn, BilingualText>> = {};
    for (const col of LINE_COLUMNS) if (errors[col]) ordered[col] = errors[col];
    out.set(uid, ordered);
  }
  return out;
}

/** The rows for the grid; `previous` (by uid) is updated to the rows returned. */
export function buildRows(input: RowInputs, previous: Map<string, LineRow>): LineRow[] {
  const savedOf = (l: DraftLine) => (l.id !== undefined ? input.savedLines?.get(l.id) : undefined);
  const stock = stockByLine(input.lines, savedOf, input.available);
  const errorsOf = lineErrors(input.errors);
  const subtotals = groupSubtotals(input.lines, input.amounts);
  const rows = input.lines.map((line, index): LineRow => {
    const saved = savedOf(line);
    const errors = errorsOf.get(line.uid) ?? NO_ERRORS;
    const row: LineRow = {
      uid: line.uid,
      index,
      line,
      amount: input.amounts.get(line.uid) ?? null,
      saved,
      locked: saved !== undefined && (saved.qtyDelivered > 0 || saved.qtyInvoiced > 0),
      errors,
      errorKey: Object.values(errors)
        .map((m) => m.nb)
        .join(' '),
      stock: stock.get(line.uid) ?? null,
      subtotal: subtotals.get(line.uid) ?? null,
    };
    const before = previous.get(line.uid);
    return before && sameRow(before, row) ? before : row;
  });
  previous.clear();
  for (const r of rows) previous.set(r.uid, r);
  return rows;
}

/** Each heading's subtotal: the amounts of the product lines under it, up to the next heading (SPEC 2). */
export function groupSubtotals(lines: readonly DraftLine[], amounts: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let heading: string | null = null;
  for (const l of lines) {
    if (l.textKind === 'heading') {
      heading = l.uid;
      out.set(heading, 0);
    } else if (heading !== null && !l.textKind) {
      out.set(heading, out.get(heading)! + (amounts.get(l.uid) ?? 0));
    }
  }
  return out;
}
