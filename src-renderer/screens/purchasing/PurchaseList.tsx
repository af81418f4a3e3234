// The purchase order list: a tab per derived status (SPEC 1.3) with its count,
// a search box, and an AG Grid on the infinite row model that purchase.list
// pages block by block (newest first, or by number, order date or supplier
// when a column header is clicked). Every answer carries the counts per
// status under the search, so the tabs follow the list.
import type { CellKeyDownEvent, ColDef, GridApi, GridReadyEvent, IDatasource, RowDoubleClickedEvent, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PURCHASE_SORT_COLUMNS, type PurchaseListRow, type PurchaseSortColumn } from '../../../shared/channels/purchasing';
import { PURCHASE_ORDER_TYPE_IDS, PURCHASE_STATUSES, type PurchaseStatus } from '../../../shared/enums';
import { formatAmount, formatDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { useHotkeys } from '../../app/hotkeys';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { StatusTabs } from '../../components/StatusTabs';
import { useDebounced } from '../../components/useDebounced';
import { focusListRow, gridLocaleText, gridTheme } from '../../grid/agGrid';
import { useLanguage, type BilingualText } from '../../i18n';
import { STATUS_TABS, purchaseStatusLabel, purchaseTypeLabel } from './labels';
import { fitWidth, growTextColumns, WIDEST_AMOUNT, WIDEST_DATE, widestWhole } from '../../grid/columnWidths';

export interface PurchaseListProps {
  readonly active: boolean;
  readonly onOpen: (id: number) => void;
  readonly onNew: () => void;
  readonly onSuggestions: () => void;
  /** Bumped when an order was changed elsewhere: the list and its counts reload. */
  readonly refreshSignal: number;
}

const BLOCK = 100;
const DEFAULT_COL = { sortable: false, resizable: true, suppressHeaderMenuButton: true } as const;
const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const rowId = (p: { data: { id: number } }) => String(p.data.id);
type Counts = Readonly<Record<PurchaseStatus, number>>;
const isSortColumn = (colId: string): colId is PurchaseSortColumn => (PURCHASE_SORT_COLUMNS as readonly string[]).includes(colId);

/** The grid's sort, as purchase.list takes it (one column; none: newest first). */
function sortOf(model: readonly { colId: string; sort: 'asc' | 'desc' }[]) {
  const first = model[0];
  return first && isSortColumn(first.colId) ? { sort: { colId: first.colId, sort: first.sort } } : {};
}

export function PurchaseList(props: PurchaseListProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [status, setStatus] = useState<PurchaseStatus | null>(null);
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 250);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<BilingualText | null>(null);
  const apiRef = useRef<GridApi<PurchaseListRow> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const lastRowIndex = useRef<number | null>(null);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        invoke('purchase.list', {
          ...(status ? { statuses: [status] } : {}),
          ...(search ? { search } : {}),
          ...sortOf(params.sortModel),
          offset: params.startRow,
          limit: Math.min(params.endRow - params.startRow, 500),
        }).then(
          (result) => {
            setCounts(result.counts);
            setRowCount(result.total);
            setLoadError(null);
            params.successCallback([...result.rows], result.total);
          },
          (error: unknown) => {
            setLoadError(refusalOf(error, () => null).general);
            params.failCallback();
          },
        );
      },
    }),
    [status, search],
  );

  const columnDefs = useMemo<ColDef<PurchaseListRow>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: t('purchasing.col.number'), width: fitWidth([widestWhole(7)], t('purchasing.col.number'), 'sort'), type: 'rightAligned', cellClass: 'num', sortable: true },
      {
        colId: 'orderDate',
        field: 'orderDate',
        sortable: true,
        headerName: t('orders.col.orderDate'),
        width: fitWidth([WIDEST_DATE], t('orders.col.orderDate'), 'sort'),
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<PurchaseListRow, string>) => formatDate(p.value),
      },
      { colId: 'supplierName', field: 'supplierName', headerName: t('purchasing.col.supplier'), flex: 2, minWidth: 180, sortable: true },
      { colId: 'supplierNumber', field: 'supplierNumber', headerName: t('purchasing.col.supplierNumber'), width: fitWidth([widestWhole(6)], t('purchasing.col.supplierNumber')), type: 'rightAligned', cellClass: 'num' },
      {
        colId: 'orderType',
        field: 'orderType',
        headerName: t('orders.col.orderType'),
        width: fitWidth(PURCHASE_ORDER_TYPE_IDS.map((id) => purchaseTypeLabel(id, lang)), t('orders.col.orderType')),
        valueFormatter: (p: ValueFormatterParams<PurchaseListRow, number>) => (p.value == null ? '' : purchaseTypeLabel(p.value, lang)),
      },
      {
        colId: 'status',
        field: 'status',
        headerName: t('orders.col.status'),
        // Partial ones are shown bold.
        width: fitWidth(PURCHASE_STATUSES.map((s) => s[lang]), t('orders.col.status'), 'none', 600),
        valueFormatter: (p: ValueFormatterParams<PurchaseListRow, PurchaseStatus>) => (p.value == null ? '' : purchaseStatusLabel(p.value, lang)),
        cellClassRules: {
          'status-partial': (p) => typeof p.value === 'string' && p.value.startsWith('partially'),
          'status-stopped': (p) => p.value === 'cancelled' || p.value === 'refused',
        },
      },
      { colId: 'supplierReference', field: 'supplierReference', headerName: t('purchasing.col.supplierReference'), flex: 1, minWidth: 110 },
      {
        colId: 'deliveryDate',
        field: 'deliveryDate',
        headerName: t('purchasing.col.wantedDate'),
        width: fitWidth([WIDEST_DATE], t('purchasing.col.wantedDate')),
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<PurchaseListRow, string | null>) => formatDate(p.value),
      },
      {
        colId: 'amends',
        field: 'amendsId',
        headerName: t('purchasing.col.amendment'),
        width: fitWidth([t('purchasing.col.isAmendment')], t('purchasing.col.amendment')),
        valueFormatter: (p: ValueFormatterParams<PurchaseListRow, number | null>) => (p.value ? t('purchasing.col.isAmendment') : ''),
      },
      {
        colId: 'totalNetOre',
        field: 'totalNetOre',
        headerName: t('orders.col.totalNet'),
        width: fitWidth([WIDEST_AMOUNT], t('orders.col.totalNet')),
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<PurchaseListRow, number>) => (p.value == null ? '' : formatAmount(p.value)),
      },
      {
        colId: 'totalGrossOre',
        field: 'totalGrossOre',
        headerName: t('orders.col.totalGross'),
        width: fitWidth([WIDEST_AMOUNT], t('orders.col.totalGross')),
        type: 'rightAligned',
        cellClass: 'num',
        valueFormatter: (p: ValueFormatterParams<PurchaseListRow, number>) => (p.value == null ? '' : formatAmount(p.value)),
      },
    ],
    [t, lang],
  );
  const localeText = useMemo(() => ({ ...gridLocaleText(lang), noRowsToShow: t('purchasing.noRows') }), [lang, t]);

  const focusGrid = useCallback((index?: number) => focusListRow(apiRef.current, 'number', index), []);

  const firstSignal = useRef(props.refreshSignal);
  useEffect(() => {
    if (props.refreshSignal === firstSignal.current) return;
    apiRef.current?.refreshInfiniteCache();
  }, [props.refreshSignal]);

  useEffect(() => {
    if (!props.active) return;
    const index = lastRowIndex.current;
    if (index !== null) window.setTimeout(() => focusGrid(index), 0);
    else searchRef.current?.focus();
  }, [props.active, focusGrid]);

  useHotkeys(props.active, {
    f2: () => props.onNew(),
    'ctrl+n': () => props.onNew(),
    'ctrl+f': () => searchRef.current?.select(),
    f3: () => searchRef.current?.select(),
    'alt+i': () => props.onSuggestions(),
  });

  const open = (row: PurchaseListRow | undefined, index: number | null) => {
    if (!row) return;
    lastRowIndex.current = index;
    props.onOpen(row.id);
  };

  const selectTab = (id: PurchaseStatus | null) => {
    setStatus(id);
    lastRowIndex.current = null;
  };
  const total = counts ? Object.values(counts).reduce((s, n) => s + n, 0) : 0;

  return (
    <div className="screen list-screen" data-testid="purchase-list">
      <div className="toolbar">
        <h1>{t('purchasing.title')}</h1>
        <input
          ref={searchRef}
          type="search"
          className="search"
          data-testid="po-search"
          aria-label={t('common.search')}
          placeholder={t('purchasing.searchPlaceholder')}
          value={searchText}
          onChange={(e) => {
            setSearchText(e.target.value);
            lastRowIndex.current = null;
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              focusGrid(0);
            }
          }}
        />
        <span className="row-count" data-testid="po-row-count">
          {rowCount === null ? '' : t('purchasing.count', { count: rowCount })}
        </span>
        <div className="toolbar-spacer" />
        <button type="button" data-testid="po-suggestions" onClick={props.onSuggestions}>
          {t('purchasing.suggestions.title')} <Shortcut keys="Alt+I" />
        </button>
        <button type="button" className="primary" data-testid="po-new" onClick={props.onNew}>
          {t('purchasing.newOrder')} <Shortcut keys="F2" />
        </button>
      </div>
      <StatusTabs
        tabs={[{ id: null, label: t('orders.all'), count: total }, ...STATUS_TABS.map((s) => ({ id: s, label: purchaseStatusLabel(s, lang), count: counts?.[s] ?? 0 }))]}
        selected={status}
        onSelect={selectTab}
        onDown={() => focusGrid(0)}
        ariaLabel={t('orders.statusTabs')}
        testId="po-tabs"
        tabTestId="po-tab"
        markEmpty
      />
      <Banner error={loadError} title={t('common.couldNotLoad')} testId="po-list-error" />
      <div className="grid-host" data-testid="po-grid">
        <AgGridReact<PurchaseListRow>
          key={lang}
          theme={gridTheme}
          localeText={localeText}
          rowModelType="infinite"
          alwaysShowVerticalScroll
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={10}
          infiniteInitialRowCount={BLOCK}
          blockLoadDebounceMillis={50}
          columnDefs={columnDefs}
          defaultColDef={DEFAULT_COL}
          getRowId={rowId}
          rowSelection={ROW_SELECTION}
          onGridReady={(e: GridReadyEvent<PurchaseListRow>) => {
            apiRef.current = e.api;
          }}
          onModelUpdated={(e) => growTextColumns(e.api, 'sort')}
          onRowDoubleClicked={(e: RowDoubleClickedEvent<PurchaseListRow>) => open(e.data, e.rowIndex)}
          onCellKeyDown={(e: CellKeyDownEvent<PurchaseListRow>) => {
            if (e.event instanceof window.KeyboardEvent && e.event.key === 'Enter') open(e.data, e.rowIndex);
          }}
        />
      </div>
      <div className="hint-bar">
        <Shortcut keys="F2" label={t('purchasing.newOrder')} />
        <Shortcut keys="Enter" label={t('keys.open')} />
        <Shortcut keys="Ctrl+F" label={t('keys.search')} />
        <Shortcut keys="←/→" label={t('orders.statusTabs')} />
        <Shortcut keys="Alt+I" label={t('purchasing.suggestions.title')} />
      </div>
    </div>
  );
}
