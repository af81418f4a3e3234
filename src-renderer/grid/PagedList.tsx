// A register list (customers, products) on AG Grid's infinite row model over a
// paged channel ({ search, offset, limit } → { rows, total }), with a search box
// above it. ↓ or Enter in the search box moves into the list once it shows the
// answer for exactly the text typed (components/useTrustedSearch.ts); Enter or a
// double-click opens the row.
import type { CellKeyDownEvent, ColDef, GridApi, IDatasource, RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useImperativeHandle, useMemo, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../shared/channels/common';
import { Banner } from '../components/fields';
import { refusalOf } from '../components/refusal';
import { answerKey, useTrustedSearch } from '../components/useTrustedSearch';
import { useLanguage, type BilingualText } from '../i18n';
import { gridLocaleText, gridTheme } from './agGrid';
import { growTextColumns } from './columnWidths';

export interface PagedListHandle {
  focusSearch(): void;
  focusRow(id: number): void;
  refresh(): void;
  /** What the list shows now: the search it answered and the grid's sort and filters (an export takes the same). */
  query(): { readonly search?: string; readonly grid: GridQuery };
}

export interface GridQuery {
  readonly sortModel: readonly { colId: string; sort: 'asc' | 'desc' }[];
  readonly filterModel: Readonly<Record<string, unknown>>;
}

export interface PagedListProps<T extends { id: number }> {
  readonly testId: string;
  readonly columnDefs: ColDef<T>[];
  /** `grid`: the columns' sort and filter, for lists whose engine sorts and filters (the product list's stock). */
  readonly fetchPage: (input: { search?: string; offset: number; limit: number }, grid: GridQuery) => Promise<Page<T>>;
  readonly onOpen: (row: T) => void;
  readonly searchPlaceholder: string;
  readonly noRowsText: string;
  readonly handle: Ref<PagedListHandle>;
  /** Filters beside the search box (a project's status); `filterKey` changes when they do, and the list reloads. */
  readonly filters?: ReactNode;
  readonly filterKey?: string;
}

const BLOCK = 100;
// Stable across renders: the grid treats a new object as a changed option.
const DEFAULT_COL = { sortable: false, resizable: true, suppressHeaderMenuButton: true } as const;
const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const rowId = (p: { data: { id: number } }) => String(p.data.id);

export function PagedList<T extends { id: number }>(props: PagedListProps<T>) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const box = useTrustedSearch<T>({
    pauseMs: 250,
    act: (intent, answer) => {
      const row = intent.kind === 'enter' ? 0 : Math.min(intent.row, Math.max(0, answer.firstRows.length - 1));
      const target = intent.kind === 'open' ? answer.firstRows[row] : undefined;
      if (target) props.onOpen(target);
      else focusRow(row);
    },
  });
  const { text: searchText, search, answered } = box;
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);
  const api = useRef<GridApi<T> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const fetchPage = useRef(props.fetchPage);
  fetchPage.current = props.fetchPage;

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        fetchPage
          .current(
            { ...(search ? { search } : {}), offset: params.startRow, limit: Math.min(params.endRow - params.startRow, 500) },
            { sortModel: params.sortModel, filterModel: (params.filterModel ?? {}) as Record<string, unknown> },
          )
          .then(
            (page) => {
              setTotal(page.total);
              setError(null);
              params.successCallback([...page.rows], page.total);
              if (params.startRow === 0) answered({ key: answerKey(search), rowCount: page.total, firstRows: page.rows });
            },
            (e: unknown) => {
              setError(refusalOf(e, () => null).general);
              params.failCallback();
            },
          );
      },
    }),
    // filterKey: fetchPage reads the filters; a new datasource makes the grid ask again.
    [search, answered, props.filterKey],
  );

  const focusRow = (index: number) => {
    const a = api.current;
    if (!a || a.getDisplayedRowCount() === 0) return;
    const row = Math.max(0, Math.min(index, a.getDisplayedRowCount() - 1));
    a.ensureIndexVisible(row);
    const first = a.getColumns()?.[0];
    if (first) a.setFocusedCell(row, first);
  };

  useImperativeHandle(props.handle, () => ({
    focusSearch: () => searchRef.current?.select(),
    focusRow: (id: number) => {
      const node = api.current?.getRowNode(String(id));
      if (node?.rowIndex != null) focusRow(node.rowIndex);
    },
    refresh: () => api.current?.refreshInfiniteCache(),
    query: () => ({
      ...(search ? { search } : {}),
      grid: {
        sortModel: (api.current?.getColumnState() ?? [])
          .filter((c) => c.sort === 'asc' || c.sort === 'desc')
          .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
          .map((c) => ({ colId: c.colId, sort: c.sort as 'asc' | 'desc' })),
        filterModel: (api.current?.getFilterModel() ?? {}) as Record<string, unknown>,
      },
    }),
  }));

  const localeText = useMemo(() => ({ ...gridLocaleText(lang), noRowsToShow: props.noRowsText }), [lang, props.noRowsText]);
  return (
    <div className="paged-list" data-testid={props.testId}>
      <div className="list-toolbar">
        <input
          ref={searchRef}
          type="search"
          className="search"
          data-testid={`${props.testId}-search`}
          aria-label={t('common.search')}
          placeholder={props.searchPlaceholder}
          value={searchText}
          onChange={(e) => box.setText(e.target.value)}
          onKeyDown={(e) => {
            if ((e.key === 'ArrowDown' || e.key === 'Enter') && !e.altKey && !e.ctrlKey) {
              e.preventDefault();
              box.press(e.key === 'Enter' ? 'enter' : 'down');
            }
          }}
        />
        {props.filters}
        <span className="row-count" data-testid={`${props.testId}-count`}>
          {total === null ? '' : t('common.rows', { count: total })}
        </span>
      </div>
      <Banner error={error} title={t('common.couldNotLoad')} />
      <div className="grid-host">
        <AgGridReact<T>
          key={lang}
          theme={gridTheme}
          localeText={localeText}
          rowModelType="infinite"
          // Room for the scrollbar from the start, so flexed columns never end up under it.
          alwaysShowVerticalScroll
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={10}
          columnDefs={props.columnDefs}
          defaultColDef={DEFAULT_COL}
          getRowId={rowId}
          rowSelection={ROW_SELECTION}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          onModelUpdated={(e) => growTextColumns(e.api)}
          onRowDoubleClicked={(e: RowDoubleClickedEvent<T>) => e.data && props.onOpen(e.data)}
          onCellKeyDown={(e: CellKeyDownEvent<T>) => {
            if (e.event instanceof window.KeyboardEvent && e.event.key === 'Enter' && e.data) props.onOpen(e.data);
          }}
        />
      </div>
    </div>
  );
}
