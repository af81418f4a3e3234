// Headings and text rows among an order's product lines (SPEC 2: lines grouped
// under headings). Both kinds of row share one line_no numbering per order;
// these pure functions place rows, group them and decide which text rows go
// along when only some lines are carried (an invoice, a backorder, a picking list).
import type { TextLine, TextLineInput } from '../../../shared/channels/orders';
import { DomainError } from '../../../shared/errors';

/** One row of an order as numbered: a product line or a text row, by id. */
export type RowRef = { readonly table: 'line'; readonly id: number } | { readonly table: 'text'; readonly id: number };

/** The order's rows in lineNo order. */
export function rowsInOrder(lines: readonly { id: number; lineNo: number }[], texts: readonly { id: number; lineNo: number }[]): RowRef[] {
  return [
    ...lines.map((l) => ({ table: 'line' as const, id: l.id, lineNo: l.lineNo })),
    ...texts.map((t) => ({ table: 'text' as const, id: t.id, lineNo: t.lineNo })),
  ]
    .sort((a, b) => a.lineNo - b.lineNo)
    .map(({ table, id }) => ({ table, id }));
}

/**
 * The whole list as the clerk sent it: each text row at its `index`, the
 * product lines filling the other places in their order. Indexes must be
 * distinct and inside the list.
 */
export function placeRows<T>(lineIds: readonly number[], texts: readonly (Pick<TextLineInput, 'index'> & { ref: T })[]): (
  | { table: 'line'; id: number }
  | { table: 'text'; ref: T }
)[] {
  const size = lineIds.length + texts.length;
  const at = new Map<number, T>();
  texts.forEach((t, i) => {
    if (t.index >= size) throw new DomainError('text_line_index_out_of_range', `texts.${i}.index`, { index: t.index, max: size - 1 });
    if (at.has(t.index)) throw new DomainError('text_line_index_taken', `texts.${i}.index`, { index: t.index });
    at.set(t.index, t.ref);
  });
  const rows: ({ table: 'line'; id: number } | { table: 'text'; ref: T })[] = [];
  let next = 0;
  for (let i = 0; i < size; i++) {
    const ref = at.get(i);
    rows.push(ref !== undefined ? { table: 'text', ref } : { table: 'line', id: lineIds[next++]! });
  }
  return rows;
}

/**
 * A new product line at `position` among the product lines: right before the
 * line now there (so it joins that line's group), or after every row when it
 * goes last (the clerk adds at the bottom, into the last group).
 */
export function insertLineRow(rows: readonly RowRef[], lineId: number, position: number | undefined): RowRef[] {
  const lines = rows.filter((r) => r.table === 'line');
  const before = position === undefined ? undefined : lines[position];
  const out = [...rows];
  const at = before ? out.indexOf(before) : out.length;
  out.splice(at, 0, { table: 'line', id: lineId });
  return out;
}

/**
 * A product line moved to `toIndex` among the product lines (Alt+↑/↓): going up
 * it lands right before the line it passes, going down right after it, so it
 * crosses the text rows and headings between them and the others stay put.
 */
export function moveLineRow(rows: readonly RowRef[], lineId: number, toIndex: number): RowRef[] {
  const lines = rows.filter((r) => r.table === 'line');
  const from = lines.findIndex((r) => r.id === lineId);
  const moving = lines[from]!;
  const others = lines.filter((r) => r !== moving);
  const to = Math.min(toIndex, others.length);
  if (to === from) return [...rows];
  const out = rows.filter((r) => r !== moving);
  if (to < from) out.splice(out.indexOf(others[to]!), 0, moving);
  else out.splice(out.indexOf(others[to - 1]!) + 1, 0, moving);
  return out;
}

/** A product line and the text rows right before it (remarks about it) within its group. */
export interface GroupItem<L> {
  readonly texts: readonly TextLine[];
  readonly line: L;
}

/** A heading (none for the rows before the first heading) and what follows it up to the next. */
export interface RowGroup<L> {
  readonly heading: TextLine | null;
  readonly items: readonly GroupItem<L>[];
  /** Text rows after the group's last product line. */
  readonly trailing: readonly TextLine[];
}

/** The order's rows as groups under their headings, in lineNo order. */
export function groupRows<L extends { lineNo: number }>(lines: readonly L[], texts: readonly TextLine[]): RowGroup<L>[] {
  type Row = { lineNo: number; line?: L; text?: TextLine };
  const rows: Row[] = [...lines.map((line) => ({ lineNo: line.lineNo, line })), ...texts.map((text) => ({ lineNo: text.lineNo, text }))].sort(
    (a, b) => a.lineNo - b.lineNo,
  );
  const groups: { heading: TextLine | null; items: GroupItem<L>[]; trailing: TextLine[] }[] = [];
  let current = { heading: null as TextLine | null, items: [] as GroupItem<L>[], trailing: [] as TextLine[] };
  for (const r of rows) {
    if (r.text?.kind === 'heading') {
      if (current.heading || current.items.length || current.trailing.length) groups.push(current);
      current = { heading: r.text, items: [], trailing: [] };
    } else if (r.text) current.trailing.push(r.text);
    else {
      current.items.push({ texts: current.trailing, line: r.line! });
      current.trailing = [];
    }
  }
  if (current.heading || current.items.length || current.trailing.length) groups.push(current);
  return groups;
}

/**
 * Only the lines kept, each with the remarks before it; a group keeps its heading
 * and trailing text when at least one of its lines is kept, and is left out
 * otherwise (a heading with none of its lines on an invoice is not printed).
 */
export function keepLines<L, M>(groups: readonly RowGroup<L>[], keep: (line: L) => M | null): RowGroup<M>[] {
  const out: RowGroup<M>[] = [];
  for (const g of groups) {
    const items = g.items.flatMap((it) => {
      const line = keep(it.line);
      return line === null ? [] : [{ texts: it.texts, line }];
    });
    if (items.length > 0) out.push({ heading: g.heading, items, trailing: g.trailing });
  }
  return out;
}

/** Groups back to rows in order: headings, remarks and lines as they print. */
export function flatRows<L>(groups: readonly RowGroup<L>[]): ({ line: L } | { text: TextLine })[] {
  const rows: ({ line: L } | { text: TextLine })[] = [];
  for (const g of groups) {
    if (g.heading) rows.push({ text: g.heading });
    for (const it of g.items) rows.push(...it.texts.map((text) => ({ text })), { line: it.line });
    rows.push(...g.trailing.map((text) => ({ text })));
  }
  return rows;
}

/** Groups back to a flat list: the lines, and each text row with how many of those lines come before it. */
export function flattenGroups<L>(groups: readonly RowGroup<L>[]): { lines: L[]; texts: PlacedText[] } {
  const lines: L[] = [];
  const texts: PlacedText[] = [];
  for (const r of flatRows(groups)) {
    if ('line' in r) lines.push(r.line);
    else texts.push({ beforeLine: lines.length, kind: r.text.kind, text: r.text.text });
  }
  return { lines, texts };
}

/** A heading or text row placed among a list of lines: before the line at `beforeLine` (or after all at lines.length). */
export interface PlacedText {
  readonly beforeLine: number;
  readonly kind: TextLine['kind'];
  readonly text: string;
}

/**
 * The text rows an invoice prints for the lines it contains (`items`, in
 * invoice line order): of each order, the headings of groups with a line on it,
 * the remarks before those lines and the groups' closing text. `beforeLine`
 * counts the invoice's lines before the row.
 */
export function invoiceTextRows(
  items: readonly { order: { id: number; lines: readonly { id: number; lineNo: number }[]; textLines: readonly TextLine[] }; line: { id: number } }[],
): (PlacedText & { orderId: number })[] {
  const indexOf = new Map(items.map((it, i) => [it.line.id, i]));
  const orders = new Map(items.map((it) => [it.order.id, it.order]));
  const out: (PlacedText & { orderId: number })[] = [];
  for (const order of orders.values()) {
    if (order.textLines.length === 0) continue;
    const { lines, texts } = flattenGroups(keepLines(groupRows(order.lines, order.textLines), (l) => (indexOf.has(l.id) ? l : null)));
    for (const t of texts) {
      const next = lines[t.beforeLine];
      const beforeLine = next ? indexOf.get(next.id)! : indexOf.get(lines[lines.length - 1]!.id)! + 1;
      out.push({ ...t, beforeLine, orderId: order.id });
    }
  }
  // Stable: rows at the same place keep their order's order (one order's closing text before the next one's heading).
  return out.sort((a, b) => a.beforeLine - b.beforeLine);
}
