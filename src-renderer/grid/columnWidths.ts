// Column widths the clerk has dragged, remembered on this workstation (the
// renderer keeps its per-workstation choices in localStorage, as the language
// and the waybill prefix are). Only widths: the columns' order and set stay the screen's.
import type { ColumnResizedEvent, GridApi } from 'ag-grid-community';

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
