// Column widths from what a column can show, measured in the grid's own font,
// instead of guessed pixel counts that cut "10 158,60" to "10 158,6": the
// widest value the column can hold (an amount up to 10 000 000,00, every label
// of a fixed set) or its header, whichever is wider, plus the cell's padding
// and the header's sort and filter icons.
import type { ColumnResizedEvent, GridApi } from 'ag-grid-community';
import { formatAmount } from '../../shared/format';

/** The grid theme's sizes (agGrid.ts): 12 px type, 6 px padding each side, 600 weight in the header. */
const FONT_PX = 12;
const CELL_PADDING = 2 * 6 + 2;
/** Padding, the sort arrow and the filter button beside a header's label. */
const HEADER_ICONS = { none: 2 * 6 + 4, sort: 2 * 6 + 22, sortAndFilter: 2 * 6 + 44 } as const;
export type HeaderIcons = keyof typeof HEADER_ICONS;

/** The widest amount the lists are laid out for. */
export const WIDEST_AMOUNT = formatAmount(10_000_000_00);
/** Dates are dd.mm.åååå; 8 is the widest digit in most faces. */
export const WIDEST_DATE = '28.08.2088';

let context: CanvasRenderingContext2D | null = null;
function textWidth(text: string, weight: number): number {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context) return text.length * FONT_PX * 0.6;
  context.font = `${weight} ${FONT_PX}px ${getComputedStyle(document.body).fontFamily}`;
  return context.measureText(text).width;
}

/** The width a column needs to show every one of `values` and its header whole. */
export function fitWidth(values: readonly string[], header: string, icons: HeaderIcons = 'none', valueWeight = 400): number {
  const cell = Math.max(0, ...values.map((v) => textWidth(v, valueWeight))) + CELL_PADDING;
  const head = textWidth(header, 600) + HEADER_ICONS[icons];
  // A few pixels for the difference between the canvas's and the page's text layout.
  return Math.ceil(Math.max(cell, head)) + 4;
}

/** A whole number of up to `digits` digits (customer numbers, days). */
export const widestWhole = (digits: number): string => '8'.repeat(digits);

/**
 * A list's text columns (those that flex: names, references, places) at least
 * as wide as their longest loaded value, so a long name widens its column (and
 * the list scrolls sideways) instead of being cut off. Called as rows arrive.
 */
export function growTextColumns<T>(api: GridApi<T>, icons: HeaderIcons = 'none'): void {
  const grown: { colId: string; width: number; flex: null }[] = [];
  for (const column of api.getColumns() ?? []) {
    const def = column.getColDef();
    if (!def.flex) continue;
    const values: string[] = [];
    api.forEachNode((node) => {
      if (!node.data) return;
      const value: unknown = api.getCellValue({ rowNode: node, colKey: column, useFormatter: true });
      if (value !== null && value !== undefined && value !== '') values.push(String(value));
    });
    const need = fitWidth(values, def.headerName ?? '', icons);
    // A flexed column keeps its share unless its flex goes: it becomes as wide as it needs.
    if (need > column.getActualWidth()) grown.push({ colId: column.getColId(), width: need, flex: null });
  }
  if (grown.length) api.applyColumnState({ state: grown });
}

// Column widths the clerk has dragged, remembered on this workstation (the
// renderer keeps its per-workstation choices in localStorage, as the language
// and the waybill prefix are). Only widths: the columns' order and set stay the screen's.

type Widths = Record<string, number>;

function read(key: string): Widths {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] >= 20 && e[1] <= 2000));
  } catch {
    return {};
  }
}

/** Puts back the widths saved under `key` (call on grid ready). */
export function restoreColumnWidths(api: GridApi, key: string): void {
  const widths = read(key);
  const state = Object.entries(widths).map(([colId, width]) => ({ colId, width, flex: null }));
  if (state.length) api.applyColumnState({ state, applyOrder: false });
}

/** onColumnResized: when the clerk lets go of a column edge, remember every column's width. */
export function rememberColumnWidths(key: string) {
  return (e: ColumnResizedEvent): void => {
    if (!e.finished || e.source !== 'uiColumnResized') return;
    const widths = read(key);
    for (const c of e.api.getColumnState()) if (c.width) widths[c.colId] = c.width;
    try {
      window.localStorage.setItem(key, JSON.stringify(widths));
    } catch {
      // Storage may be full or off: the widths then last for this session only.
    }
  };
}
