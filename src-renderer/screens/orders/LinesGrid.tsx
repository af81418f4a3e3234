// The order lines on AG Grid, made for the keyboard. Rows are virtualized, so a
// thousand lines cost what thirty do; the header stays in view (the totals sit
// below the grid, outside its scroll). Every editable cell is always an input:
// type a product number or part of its name, Enter takes the match and moves to
// quantity, then price (filled in from the product), then discount; Enter on the
// last cell of the last line starts a new line with focus on its product cell.
// ↑/↓ move between lines, Alt+↑/↓ move the line itself, Ctrl+Delete removes it
// (after asking). A number cell refuses bad input as it is left (or on Enter),
// with the message under the line. On a saved order each line also shows what is
// delivered, invoiced and reserved (or lent); a line with goods delivered or
// invoiced is locked. "Disp." is what is free for the line, marked when short.
// The grid's own cell focus and keys are off: the inputs own the keyboard.
import type { ColDef, GridApi, RowClassRules } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderLine } from '../../../shared/channels/orders';
import type { ProductHit } from '../../../shared/channels/products';
import type { VatCode } from '../../../shared/enums';
import { formatQuantity } from '../../../shared/format';
import { fetchChannel, useChannel } from '../../api/queries';
import type { FieldErrors } from '../../components/refusal';
import { gridLocaleText, gridTheme } from '../../grid/agGrid';
import { fitWidth, rememberColumnWidths, restoreColumnWidths } from '../../grid/columnWidths';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import {
  AmountCell,
  AvailableCell,
  NumberCell,
  ProductCell,
  RemoveCell,
  SavedQuantityCell,
  TextCell,
  UnitCell,
  VatCell,
  type LineCellActions,
  type LinesGridContext,
} from './lineCells';
import { buildRows, type LineRow } from './lineRows';
import { linesOfPaste, parsePasted } from './pasteLines';
import {
  ENTER_COLUMNS,
  cellError,
  emptyLine,
  emptyTextRow,
  isBlankLine,
  isTextRow,
  lineField,
  withProduct,
  type DraftLine,
  type LineColumn,
} from './orderDraft';
import { TextRowCell } from './TextRowCell';
import { createTypeAhead } from './typeAhead';
import type { TextLineKind } from '../../../shared/channels/orders';

export interface LinesGridHandle {
  focusCell(uid: string, col: LineColumn): void;
  /** Alt+L: the first line without a product, or the last line. */
  focusEntry(): void;
}

type LinesUpdater = (update: (lines: readonly DraftLine[]) => readonly DraftLine[]) => void;

export interface LinesGridProps {
  readonly lines: readonly DraftLine[];
  readonly setLines: LinesUpdater;
  readonly errors: FieldErrors;
  readonly setFieldError: (field: string, error: BilingualText | null) => void;
  readonly onRemoveRequest: (uid: string) => void;
  readonly handle: RefObject<LinesGridHandle | null>;
  /** Each line's amount as the engine computed it (orders.previewTotals while typing), by line uid. */
  readonly amounts: ReadonlyMap<string, number>;
  readonly amountsPending: boolean;
  /** The saved order's lines by id, for the quantity columns; null for a new order. */
  readonly savedLines: ReadonlyMap<number, OrderLine> | null;
}

const WIDTHS_KEY = 'ordrebok.orderLines.columns';
const ROW_HEIGHT = 26;
/** A row with a message under it. */
const ERROR_ROW_HEIGHT = 46;
const NUMBER_COLS = ['quantity', 'price', 'discount'] as const;
const isNumberCol = (col: LineColumn): col is (typeof NUMBER_COLS)[number] => (NUMBER_COLS as readonly string[]).includes(col);

const rowClassRules: RowClassRules<LineRow> = {
  locked: (p) => Boolean(p.data?.locked),
  'has-error': (p) => Boolean(p.data?.errorKey),
  short: (p) => Boolean(p.data?.stock?.short),
};

export function LinesGrid(props: LinesGridProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useRef<GridApi<LineRow> | null>(null);
  const cells = useRef(new Map<string, HTMLElement>());
  const pending = useRef<{ uid: string; col: LineColumn } | null>(null);
  // Keys typed between Enter on the last cell and the new row's product cell taking focus.
  const typeAhead = useRef(createTypeAhead()).current;
  const linesRef = useRef(props.lines);
  linesRef.current = props.lines;
  const previousRows = useRef(new Map<string, LineRow>());
  // What was available of a product when it was picked; the engine's answer for the lines replaces it.
  const [picked, setPicked] = useState<ReadonlyMap<number, number | null>>(new Map());

  const stockArgs = useMemo(() => {
    const ids = new Set<number>();
    for (const l of props.lines) if (l.productId !== null) ids.add(l.productId);
    return { productIds: [...ids].sort((a, b) => a - b) };
  }, [props.lines]);
  const stock = useChannel('stock.available', stockArgs, { enabled: stockArgs.productIds.length > 0, keepPrevious: true });
  const available = useMemo(() => {
    const m = new Map(picked);
    for (const a of stock.data ?? []) m.set(a.productId, a.available);
    return m;
  }, [picked, stock.data]);

  const rows = useMemo(
    () => buildRows({ lines: props.lines, amounts: props.amounts, savedLines: props.savedLines, errors: props.errors, available }, previousRows.current),
    [props.lines, props.amounts, props.savedLines, props.errors, available],
  );
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  // Rows with a message are taller; AG Grid sizes rows when they are made, so tell it when that changes.
  const errorRows = rows.filter((r) => r.errorKey).map((r) => r.uid).join(',');
  useEffect(() => {
    api.current?.resetRowHeights();
  }, [errorRows]);

  const indexOf = (uid: string) => linesRef.current.findIndex((l) => l.uid === uid);

  const tryFocus = (): boolean => {
    const p = pending.current;
    if (!p) return true;
    const el = cells.current.get(`${p.uid}:${p.col}`);
    if (!el || !el.isConnected) return false;
    pending.current = null;
    el.focus({ preventScroll: true });
    if (el instanceof HTMLInputElement) el.select();
    typeAhead.release(el);
    return true;
  };

  /** Focus a cell: scrolls its row and column into view; a row not yet drawn gets focus when it is. */
  const focusCell = (uid: string, to: LineColumn) => {
    const i = indexOf(uid);
    // A heading or text row has one cell: its text.
    const col = linesRef.current[i] && isTextRow(linesRef.current[i]) ? 'description' : to;
    pending.current = { uid, col };
    const a = api.current;
    if (a && i >= 0 && i < a.getDisplayedRowCount()) {
      a.ensureIndexVisible(i);
      a.ensureColumnVisible(col);
    }
    tryFocus();
  };

  props.handle.current = {
    focusCell,
    focusEntry: () => {
      const lines = linesRef.current;
      const target = lines.find((l) => l.productId === null && !isTextRow(l)) ?? lines[lines.length - 1];
      if (target) focusCell(target.uid, 'product');
    },
  };

  const update = (uid: string, change: (l: DraftLine) => DraftLine) =>
    props.setLines((lines) => lines.map((l) => (l.uid === uid ? change(l) : l)));

  /** Enter from the last cell: the next line's product cell, or a new line at the end. */
  const toNextLine = (uid: string) => {
    const lines = linesRef.current;
    const i = lines.findIndex((l) => l.uid === uid);
    const next = lines[i + 1];
    if (next) return focusCell(next.uid, 'product');
    const current = lines[i];
    if (current && isBlankLine(current)) return focusCell(current.uid, 'product');
    const line = emptyLine();
    typeAhead.hold();
    props.setLines((ls) => [...ls, line]);
    focusCell(line.uid, 'product');
  };

  /**
   * Alt+H / Alt+N: a heading or a text row below the current row, with focus on its text.
   * On an empty new line it goes in that line's place, so Enter comes back to the empty line.
   */
  const insertTextRow = (uid: string, kind: TextLineKind) => {
    const row = emptyTextRow(kind);
    props.setLines((lines) => {
      const i = lines.findIndex((l) => l.uid === uid);
      const current = lines[i];
      const at = current && !isTextRow(current) && isBlankLine(current) ? i : i + 1;
      return [...lines.slice(0, at), row, ...lines.slice(at)];
    });
    pending.current = { uid: row.uid, col: 'description' };
  };

  const advance = (uid: string, col: LineColumn) => {
    const i = ENTER_COLUMNS.indexOf(col);
    const next = ENTER_COLUMNS[i + 1];
    if (col === 'description') return focusCell(uid, 'quantity');
    if (next && i >= 0) return focusCell(uid, next);
    toNextLine(uid);
  };

  const move = (uid: string, delta: -1 | 1, col: LineColumn) => {
    const at = indexOf(uid);
    if (at < 0 || at + delta < 0 || at + delta >= linesRef.current.length) return;
    props.setLines((lines) => {
      const i = lines.findIndex((l) => l.uid === uid);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= lines.length) return lines;
      const copy = [...lines];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy;
    });
    // Once the rows are re-ordered: the row may be redrawn elsewhere.
    pending.current = { uid, col };
  };

  /** Keys every cell shares. Returns true when handled. */
  const commonKeys = (e: KeyboardEvent<HTMLElement>, uid: string, col: LineColumn): boolean => {
    const lines = linesRef.current;
    const i = indexOf(uid);
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(uid, e.key === 'ArrowUp' ? -1 : 1, col);
      return true;
    }
    if (e.altKey && !e.ctrlKey && (e.code === 'KeyH' || e.code === 'KeyN')) {
      e.preventDefault();
      insertTextRow(uid, e.code === 'KeyH' ? 'heading' : 'text');
      return true;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'Delete') {
      e.preventDefault();
      props.onRemoveRequest(uid);
      return true;
    }
    if (!e.altKey && !e.ctrlKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && col !== 'vatCode') {
      const target = lines[e.key === 'ArrowUp' ? i - 1 : i + 1];
      if (target) {
        e.preventDefault();
        focusCell(target.uid, col);
      }
      return true;
    }
    return false;
  };

  /** A number cell as it is left: refused (with the message at the line) when it cannot be read. */
  const check = (uid: string, col: LineColumn, text: string): boolean => {
    if (!isNumberCol(col)) return true;
    const line = linesRef.current.find((l) => l.uid === uid);
    if (!line) return true;
    const error = cellError({ ...line, [col]: text }, col);
    props.setFieldError(lineField(uid, col), error);
    return error === null;
  };

  // One ref callback per cell, so React calls it only as the cell comes and goes (rows scroll in and out).
  const refCallbacks = useRef(new Map<string, (el: HTMLElement | null) => void>());
  const cellRef = (uid: string, col: LineColumn) => {
    const key = `${uid}:${col}`;
    let callback = refCallbacks.current.get(key);
    if (!callback) {
      callback = (el) => {
        if (!el) {
          cells.current.delete(key);
          return;
        }
        cells.current.set(key, el);
        const p = pending.current;
        if (p && p.uid === uid && p.col === col) queueMicrotask(tryFocus);
      };
      refCallbacks.current.set(key, callback);
    }
    return callback;
  };

  const actions: LineCellActions = {
    cellRef,
    onKey: (e, uid, col, text) => {
      if (commonKeys(e, uid, col)) return;
      if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        e.preventDefault();
        const line = linesRef.current.find((l) => l.uid === uid);
        if (line && isTextRow(line)) return toNextLine(uid);
        if (col === 'quantity' && !text.trim() && line?.productId != null) update(uid, (l) => ({ ...l, quantity: '1' }));
        else if (!check(uid, col, text)) return;
        advance(uid, col);
      }
    },
    onText: (uid, col, text) => {
      if (col === 'productText') update(uid, (l) => ({ ...l, productText: text, priceTouched: false }));
      else if (col === 'vatCode') update(uid, (l) => ({ ...l, vatCode: text as VatCode }));
      else if (col === 'price') update(uid, (l) => ({ ...l, price: text, priceTouched: true }));
      else update(uid, (l) => ({ ...l, [col]: text }));
      // A changed cell is judged again as it is left.
      if (col !== 'productText' && col !== 'vatCode' && props.errors[lineField(uid, col)]) props.setFieldError(lineField(uid, col), null);
    },
    onLeave: (uid, col, text) => {
      check(uid, col, text);
    },
    commitProduct: (uid, product: ProductHit | null, query, how) => {
      if (product) {
        update(uid, (l) => withProduct(l, product));
        setPicked((m) => new Map(m).set(product.id, product.available));
        props.setFieldError(lineField(uid, 'product'), null);
        return;
      }
      props.setFieldError(lineField(uid, 'product'), bilingual('order.line.productNotFound', { query }));
      if (how === 'enter') focusCell(uid, 'product');
    },
    productKey: (e, uid) => {
      commonKeys(e, uid, 'product');
    },
    afterProduct: (uid) => focusCell(uid, 'quantity'),
    remove: (uid) => props.onRemoveRequest(uid),
    paste: (uid, text) => {
      const pasted = parsePasted(text);
      if (!pasted) return false;
      void linesOfPaste(pasted, (number) => fetchChannel('products.lookup', { query: number, limit: 5 })).then(({ lines, missing, products }) => {
        if (lines.length === 0) return;
        setPicked((m) => new Map([...m, ...products.map((p) => [p.id, p.available] as const)]));
        // In place of the line pasted into when it is empty, else below it.
        props.setLines((current) => {
          const i = current.findIndex((l) => l.uid === uid);
          const at = i < 0 ? current.length : i;
          const replace = i >= 0 && isBlankLine(current[i]!) ? 1 : 0;
          return [...current.slice(0, at + 1 - replace), ...lines, ...current.slice(at + 1)];
        });
        for (const l of missing) props.setFieldError(lineField(l.uid, 'product'), bilingual('order.line.productNotFound', { query: l.productText }));
        const last = lines[lines.length - 1]!;
        focusCell(last.uid, 'product');
      });
      return true;
    },
  };
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const context = useMemo<LinesGridContext>(() => ({ actions: actionsRef }), []);

  const hasSaved = props.savedLines !== null;
  const onLoan = useMemo(() => [...(props.savedLines?.values() ?? [])].some((l) => l.qtyOnLoan > 0), [props.savedLines]);
  // Lev. as wide as its widest value: "12 lukket" on a line closed short is shown whole.
  const deliveredWidth = useMemo(() => {
    const values = [...(props.savedLines?.values() ?? [])].map((l) =>
      l.closedShort ? `${formatQuantity(l.qtyDelivered)} ${t('process.qty.closedShort')}` : formatQuantity(l.qtyDelivered),
    );
    return Math.max(46, fitWidth(values, t('process.qty.deliveredShort')));
  }, [props.savedLines, t]);
  const columnDefs = useMemo<ColDef<LineRow>[]>(() => {
    const num = { cellClass: 'num', headerClass: 'num' };
    const cols: ColDef<LineRow>[] = [
      { colId: 'no', headerName: t('order.line.no'), width: 44, minWidth: 40, cellRenderer: NumberCell, cellClass: 'num line-no-cell', headerClass: 'num' },
      { colId: 'product', headerName: t('order.line.product'), width: 92, minWidth: 70, cellRenderer: ProductCell, cellClass: 'input-cell' },
      {
        colId: 'description',
        headerName: t('order.line.description'),
        flex: 1,
        minWidth: 150,
        cellRenderer: TextCell,
        cellRendererParams: { col: 'description' },
        cellClass: 'input-cell',
      },
      { colId: 'quantity', headerName: t('order.line.quantity'), width: 62, minWidth: 50, cellRenderer: TextCell, cellRendererParams: { col: 'quantity' }, cellClass: 'input-cell', headerClass: 'num' },
      { colId: 'unit', headerName: t('order.line.unit'), width: 42, minWidth: 36, cellRenderer: UnitCell, cellClass: 'muted' },
      { colId: 'price', headerName: t('order.line.price'), width: 86, minWidth: 60, cellRenderer: TextCell, cellRendererParams: { col: 'price' }, cellClass: 'input-cell', headerClass: 'num' },
      { colId: 'discount', headerName: t('order.line.discount'), width: 64, minWidth: 50, cellRenderer: TextCell, cellRendererParams: { col: 'discount' }, cellClass: 'input-cell', headerClass: 'num' },
      { colId: 'vatCode', headerName: t('order.line.vat'), width: 60, minWidth: 56, cellRenderer: VatCell, cellClass: 'input-cell' },
      { colId: 'amount', headerName: t('order.line.amount'), width: 92, minWidth: 70, cellRenderer: AmountCell, cellClass: 'num amount', headerClass: 'num' },
      { colId: 'available', headerName: t('linesGrid.available'), headerTooltip: t('linesGrid.availableTitle'), width: 54, minWidth: 44, cellRenderer: AvailableCell, ...num },
    ];
    if (hasSaved) {
      const qty = (which: 'delivered' | 'invoiced' | 'reserved', header: string, title: string): ColDef<LineRow> => ({
        colId: which,
        headerName: header,
        headerTooltip: title,
        width: which === 'delivered' ? deliveredWidth : 46,
        minWidth: 40,
        cellRenderer: SavedQuantityCell,
        cellRendererParams: { which, onLoan },
        cellClass: 'num qty-col',
        headerClass: 'num qty-col',
      });
      cols.push(
        qty('delivered', t('process.qty.deliveredShort'), t('process.qty.delivered')),
        qty('invoiced', t('process.qty.invoicedShort'), t('process.qty.invoiced')),
        onLoan ? qty('reserved', t('process.qty.onLoanShort'), t('process.qty.onLoan')) : qty('reserved', t('process.qty.reservedShort'), t('process.qty.reserved')),
      );
    }
    cols.push({ colId: 'remove', headerName: '', width: 26, minWidth: 26, resizable: false, cellRenderer: RemoveCell, cellClass: 'actions' });
    return cols;
  }, [t, hasSaved, onLoan, deliveredWidth]);

  const localeText = useMemo(() => gridLocaleText(lang), [lang]);

  return (
    <div className={`lines-grid lines-grid-host ${props.amountsPending ? 'pending' : ''}`} data-testid="order-lines" aria-label={t('order.lines')}>
      <AgGridReact<LineRow>
        theme={gridTheme}
        localeText={localeText}
        rowData={rows}
        columnDefs={columnDefs}
        defaultColDef={DEFAULT_COL}
        getRowId={(p) => p.data.uid}
        context={context}
        suppressCellFocus
        suppressHeaderFocus
        enableBrowserTooltips
        suppressDragLeaveHidesColumns
        suppressMovableColumns
        animateRows={false}
        suppressAnimationFrame
        rowBuffer={12}
        getRowHeight={(p) => (p.data?.errorKey ? ERROR_ROW_HEIGHT : ROW_HEIGHT)}
        isFullWidthRow={(p) => Boolean(p.rowNode.data?.line.textKind)}
        fullWidthCellRenderer={TextRowCell}
        rowClassRules={rowClassRules}
        onGridReady={(e) => {
          api.current = e.api;
          restoreColumnWidths(e.api, WIDTHS_KEY);
        }}
        onColumnResized={rememberColumnWidths(WIDTHS_KEY)}
        onRowDataUpdated={() => {
          const p = pending.current;
          if (p) focusCell(p.uid, p.col);
        }}
      />
    </div>
  );
}

// The inputs own the keys: the grid must not take Enter, arrows or Tab from them.
const DEFAULT_COL: ColDef<LineRow> = {
  resizable: true,
  sortable: false,
  suppressHeaderMenuButton: true,
  suppressKeyboardEvent: () => true,
};
