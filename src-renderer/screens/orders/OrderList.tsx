// The order list: a tab per visible status with its count, a search box, and an
// AG Grid on the infinite row model that the engine pages block by block.
// Orders can be selected (checkbox, Space / Shift+Space, Ctrl+A for the rows
// loaded) for a collective invoice or a move to another status.
import type {
  CellKeyDownEvent,
  ColDef,
  GridApi,
  GridReadyEvent,
  RowDoubleClickedEvent,
  SelectionChangedEvent,
  SuppressKeyboardEventParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderListRow, Status } from '../../../shared/channels/orders';
import { useChannel, useStatuses, invalidate } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { StatusTabs } from '../../components/StatusTabs';
import { answerKey, useTrustedSearch } from '../../components/useTrustedSearch';
import { focusListRow, gridLocaleText, gridTheme } from '../../grid/agGrid';
import { useLanguage, type BilingualText } from '../../i18n';
import { statusLabel } from './labels';
import { orderListColumns } from './orderColumns';
import { statusBarStatuses, withStatusByKind } from './processingRules';
import { BatchPrintDialog, type BatchScope } from '../documents/BatchPrintDialog';
import { SelectionActions } from './SelectionActions';
import { orderListSource, orderMoneyColumns, toEngineFilters, type GridFilter } from './orderListSource';
import { ListExport } from '../../components/ListExport';
import { customFieldColumns, customMoneyColumns } from './customFieldColumns';
import { useCustomFieldDefs } from '../../components/CustomFieldsSection';
import { growTextColumns } from '../../grid/columnWidths';

export interface OrderListProps {
  readonly active: boolean;
  readonly onOpen: (id: number, notice?: string) => void;
  readonly onNew: () => void;
  /** Bumped when an order was saved elsewhere: the list and its counts reload. */
  readonly refreshSignal: number;
}

const BLOCK = 100;
// Stable across renders: the grid treats a new object as a changed option.
// Several rows: a checkbox column, Space / Shift+Space toggle the focused row, Ctrl+A takes the rows loaded.
const ROW_SELECTION = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: true } as const;
/** Shift+Space is ours (toggle the focused row); the grid would treat it as a range from the last one. */
const shiftSpace = (p: SuppressKeyboardEventParams<OrderListRow>) => p.event.key === ' ' && p.event.shiftKey;
/** Alt+PageUp/PageDown step the status tabs from anywhere in the list (the grid would scroll). */
const tabStep = (p: { event: KeyboardEvent }) => p.event.altKey && (p.event.key === 'PageUp' || p.event.key === 'PageDown');
const ourKeys = (p: SuppressKeyboardEventParams<OrderListRow>) => shiftSpace(p) || tabStep(p);
const SELECTION_COLUMN = { width: 34, pinned: 'left', suppressHeaderMenuButton: true, suppressKeyboardEvent: ourKeys } as const;
const rowId = (p: { data: { id: number } }) => String(p.data.id);

export function OrderList(props: OrderListProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const statuses = useStatuses();
  const [statusId, setStatusId] = useState<number | null>(null);
  const apiRef = useRef<GridApi<OrderListRow> | null>(null);
  const lastRowIndex = useRef<number | null>(null);
  const focusGrid = useCallback((index?: number) => focusListRow(apiRef.current, 'number', index), []);
  // ↓ and Enter in the search box act on the answer for exactly the text typed (issue 10);
  // Enter opens the order when the search found just one.
  const box = useTrustedSearch<OrderListRow>({
    pauseMs: 250,
    context: statusId,
    act: (intent, answer) => {
      const only = answer.rowCount === 1 ? answer.firstRows[0] : undefined;
      const row = intent.kind === 'enter' ? 0 : Math.min(intent.row, Math.max(0, answer.firstRows.length - 1));
      const target = intent.kind === 'open' ? answer.firstRows[row] : intent.kind === 'enter' ? only : undefined;
      if (target) {
        lastRowIndex.current = row;
        props.onOpen(target.id);
      } else focusGrid(row);
    },
  });
  const { text: searchText, search, answered } = box;
  const counts = useChannel('orders.statusCounts', search ? { search } : {}, { keepPrevious: true });
  // A tab per visible status, and one for a hidden status while it holds orders (Rest, Utlån, Kontant fakturert …).
  const tabs = useMemo(
    () => listTabs(statuses.data, new Set((counts.data?.byStatus ?? []).filter((c) => c.count > 0).map((c) => c.statusId)), statusId),
    [statuses.data, counts.data, statusId],
  );
  const visibleTabs = useMemo(() => statusBarStatuses(statuses.data, null), [statuses.data]);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<BilingualText | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<readonly OrderListRow[]>([]);
  const [batch, setBatch] = useState<BatchScope | null>(null);
  const customDefs = useCustomFieldDefs('order').data;
  // One set for the list's life, filled as the definitions arrive (the datasource reads it per request).
  const customMoney = useRef(new Set<string>()).current;
  useEffect(() => {
    customMoney.clear();
    for (const colId of customMoneyColumns(customDefs ?? [])) customMoney.add(colId);
  }, [customDefs, customMoney]);

  const datasource = useMemo(
    () =>
      orderListSource(
        { statusId, search },
        {
          onAnswer: ({ rowCount: n, startRow, rows }) => {
            setRowCount(n);
            setLoadError(null);
            if (startRow === 0) answered({ key: answerKey(search, statusId), rowCount: n, firstRows: rows });
          },
          onError: (e) => setLoadError(refusalOf(e, () => null).general),
        },
        customMoney,
      ),
    [statusId, search, answered, customMoney],
  );

  // Status labels are read through a ref, so that loading them does not hand the grid new
  // column definitions (which would make it fetch its first block again).
  const byId = useRef(new Map<number, Status>());
  useEffect(() => {
    byId.current = new Map((statuses.data ?? []).map((s: Status) => [s.id, s]));
    apiRef.current?.refreshCells({ columns: ['statusId'], force: true });
  }, [statuses.data]);

  const columnDefs = useMemo(
    () => [
      ...orderListColumns(t, lang, statuses.data, byId),
      ...customFieldColumns(customDefs ?? [], lang, { yes: t('customFields.yes'), no: t('customFields.no') }),
    ],
    [t, lang, statuses.data, customDefs],
  );

  const defaultColDef = useMemo<ColDef<OrderListRow>>(
    () => ({ sortable: true, resizable: true, suppressHeaderMenuButton: false, suppressKeyboardEvent: ourKeys, suppressHeaderKeyboardEvent: tabStep }),
    [],
  );
  const localeText = useMemo(() => ({ ...gridLocaleText(lang), noRowsToShow: t('orders.noRows') }), [lang, t]);

  // Back from an order: reload what may have changed and put focus where it was.
  const firstSignal = useRef(props.refreshSignal);
  useEffect(() => {
    if (props.refreshSignal === firstSignal.current) return;
    apiRef.current?.refreshInfiniteCache();
    void invalidate('orders.statusCounts', 'statuses.list');
  }, [props.refreshSignal]);

  useEffect(() => {
    if (!props.active) return;
    const index = lastRowIndex.current;
    if (index !== null) window.setTimeout(() => focusGrid(index), 0);
    else searchRef.current?.focus();
  }, [props.active, focusGrid]);

  const countOf = (id: number | null): number => {
    if (!counts.data) return 0;
    if (id === null) return counts.data.total;
    return counts.data.byStatus.find((c) => c.statusId === id)?.count ?? 0;
  };
  // Picking lists: for the orders selected, or else for every order in Pack (the tab in use if it is a Pack status).
  const packStatus = (statuses.data ?? []).find((s) => s.kind === 'pack' && s.id === statusId) ?? (statuses.data ?? []).find((s) => s.kind === 'pack' && !s.hidden);
  const batchScope: BatchScope | null =
    selected.length > 0
      ? { kind: 'selection', rows: selected }
      : packStatus && countOf(packStatus.id) > 0
        ? { kind: 'status', statusId: packStatus.id, statusLabel: statusLabel(packStatus, lang), count: countOf(packStatus.id), search }
        : null;
  const startBatch = () => {
    if (batchScope) setBatch(batchScope);
  };
  useHotkeys(props.active && batch === null, {
    'alt+p': startBatch,
    f2: () => props.onNew(),
    'ctrl+n': () => props.onNew(),
    'ctrl+f': () => searchRef.current?.select(),
    f3: () => searchRef.current?.select(),
    'alt+pageup': () => stepTab(-1),
    'alt+pagedown': () => stepTab(1),
  });

  const open = (row: OrderListRow | undefined, index: number | null) => {
    if (!row) return;
    lastRowIndex.current = index;
    props.onOpen(row.id);
  };

  const selectTab = (id: number | null) => {
    setStatusId(id);
    lastRowIndex.current = null;
  };
  // The tab before or after the one in use, from the search box or the grid as well as the tab strip (issue 10).
  const tabIds = [null, ...tabs.map((s) => s.id)];
  const stepTab = (by: 1 | -1) => {
    const i = tabIds.indexOf(statusId);
    selectTab(tabIds[(i + by + tabIds.length) % tabIds.length] ?? null);
  };

  return (
    <div className="screen list-screen" data-testid="order-list">
      <div className="toolbar">
        <h1>{t('orders.title')}</h1>
        <input
          ref={searchRef}
          type="search"
          className="search"
          data-testid="order-search"
          aria-label={t('common.search')}
          placeholder={t('orders.searchPlaceholder')}
          value={searchText}
          onChange={(e) => {
            box.setText(e.target.value);
            lastRowIndex.current = null;
          }}
          onKeyDown={(e) => {
            if ((e.key === 'ArrowDown' || e.key === 'Enter') && !e.altKey && !e.ctrlKey) {
              e.preventDefault();
              box.press(e.key === 'Enter' ? 'enter' : 'down');
            }
          }}
        />
        <span className="row-count" data-testid="order-row-count">
          {rowCount === null ? '' : t('orders.count', { count: rowCount })}
        </span>
        <div className="toolbar-spacer" />
        <button
          type="button"
          data-testid="batch-print"
          disabled={batchScope === null}
          title={batchScope === null ? t('documents.batch.nothing') : undefined}
          onClick={startBatch}
        >
          {batchScope?.kind === 'selection'
            ? t('documents.batch.buttonSelected', { count: batchScope.rows.length })
            : t('documents.batch.button', { count: batchScope?.kind === 'status' ? batchScope.count : 0, status: packStatus ? statusLabel(packStatus, lang) : '' })}{' '}
          <Shortcut keys="Alt+P" />
        </button>
        <ListExport
          active={props.active && batch === null}
          list="orders"
          query={() => ({
            list: 'orders',
            statusId,
            ...(search.trim() ? { search: search.trim() } : {}),
            sortModel: sortModelOf(apiRef.current),
            filterModel: toEngineFilters(apiRef.current?.getFilterModel() as Record<string, GridFilter> | undefined, orderMoneyColumns(customMoney)),
          })}
        />
        <button type="button" className="primary" data-testid="order-new" onClick={props.onNew}>
          {t('orders.newOrder')} <Shortcut keys="F2" />
        </button>
      </div>
      <StatusTabs
        tabs={[{ id: null, label: t('orders.all'), count: countOf(null) }, ...tabs.map((s) => ({ id: s.id, label: statusLabel(s, lang), count: countOf(s.id), colour: s.colour }))]}
        selected={statusId}
        onSelect={selectTab}
        onDown={() => focusGrid(0)}
        ariaLabel={t('orders.statusTabs')}
        testId="status-tabs"
        tabTestId="status-tab"
      />
      <Banner error={loadError} title={t('common.couldNotLoad')} testId="order-list-error" />
      <SelectionActions
        active={props.active}
        selected={selected}
        statuses={visibleTabs}
        onClear={() => apiRef.current?.deselectAll()}
        onCopied={(id, notice) => props.onOpen(id, notice)}
        onDone={() => {
          apiRef.current?.deselectAll();
          apiRef.current?.refreshInfiniteCache();
          void invalidate('orders.statusCounts', 'orders.list');
        }}
      />
      <div className="grid-host" data-testid="order-grid">
        <AgGridReact<OrderListRow>
          key={lang}
          theme={gridTheme}
          localeText={localeText}
          rowModelType="infinite"
          // Room for the scrollbar from the start, so flexed columns never end up under it.
          alwaysShowVerticalScroll
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={10}
          infiniteInitialRowCount={BLOCK}
          blockLoadDebounceMillis={50}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={rowId}
          rowSelection={ROW_SELECTION}
          onGridReady={(e: GridReadyEvent<OrderListRow>) => {
            apiRef.current = e.api;
          }}
          onModelUpdated={(e) => growTextColumns(e.api, 'sortAndFilter')}
          onRowDoubleClicked={(e: RowDoubleClickedEvent<OrderListRow>) => open(e.data, e.rowIndex)}
          selectionColumnDef={SELECTION_COLUMN}
          onSelectionChanged={(e: SelectionChangedEvent<OrderListRow>) => setSelected(e.api.getSelectedRows())}
          onCellKeyDown={(e: CellKeyDownEvent<OrderListRow>) => {
            if (!(e.event instanceof window.KeyboardEvent)) return;
            if (e.event.key === 'Enter') open(e.data, e.rowIndex);
            if (e.event.key === ' ' && e.event.shiftKey && e.node.data) {
              e.event.preventDefault();
              e.node.setSelected(!e.node.isSelected());
            }
            // Ctrl+A: every row loaded so far (the infinite model cannot select rows it has not fetched).
            if ((e.event.ctrlKey || e.event.metaKey) && e.event.code === 'KeyA') {
              e.api.forEachNode((node) => {
                if (node.data) node.setSelected(true);
              });
            }
          }}
        />
      </div>
      {batch ? (
        <BatchPrintDialog
          scope={batch}
          onClose={() => {
            setBatch(null);
            void invalidate('orders.statusCounts');
          }}
        />
      ) : null}
      <div className="hint-bar">
        <Shortcut keys="F2" label={t('orders.newOrder')} />
        <Shortcut keys="Enter" label={t('keys.open')} />
        <Shortcut keys="Ctrl+F" label={t('keys.search')} />
        <Shortcut keys="Alt+PgUp/PgDn" label={t('lists.statusTabKeys')} />
        <Shortcut keys="Shift+Space" label={t('orders.selection.select')} />
        <Shortcut keys="Ctrl+A" label={t('orders.selection.selectLoaded')} />
        <Shortcut keys="Ctrl+E" label={t('listExport.key')} />
      </div>
    </div>
  );
}

/** The grid's sort as the datasource gets it (AG Grid's sortModel), for the export. */
function sortModelOf(api: GridApi<OrderListRow> | null): { colId: string; sort: 'asc' | 'desc' }[] {
  return (api?.getColumnState() ?? [])
    .filter((c) => c.sort === 'asc' || c.sort === 'desc')
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' }));
}

/** The visible statuses in flow order, with each hidden one that holds orders (or is the tab in use) placed by its kind. */
function listTabs(statuses: readonly Status[] | undefined, withOrders: ReadonlySet<number>, selected: number | null): Status[] {
  let tabs = statusBarStatuses(statuses, null);
  for (const s of statuses ?? []) {
    if (s.hidden && (withOrders.has(s.id) || s.id === selected)) tabs = withStatusByKind(tabs, s);
  }
  return tabs;
}
