// One customer's, contact person's, employee's or project's orders (issue 12:
// the same data reached from several places): the order list's own channel,
// columns and paging, filtered by the scope, with a tab per status that holds
// any of them. Enter or a double-click opens the order on the order screen.
import type { CellKeyDownEvent, GridApi, RowDoubleClickedEvent } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderListRow, Status } from '../../../shared/channels/orders';
import { useChannel, useStatuses } from '../../api/queries';
import { useOrderOpener } from '../../app/orderOpener';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { StatusTabs } from '../../components/StatusTabs';
import { focusListRow, gridLocaleText, gridTheme } from '../../grid/agGrid';
import { growTextColumns } from '../../grid/columnWidths';
import { useLanguage, type BilingualText } from '../../i18n';
import { statusLabel } from './labels';
import { orderListColumns } from './orderColumns';
import { orderListSource, type OrderScope } from './orderListSource';
import { statusBarStatuses, withStatusByKind } from './processingRules';

const BLOCK = 100;
const rowId = (p: { data: { id: number } }) => String(p.data.id);
const DEFAULT_COL = { sortable: true, resizable: true } as const;

export function ScopedOrders(props: {
  readonly scope: OrderScope;
  /** The panel's test id; its grid is `${testId}-grid`, its tabs `${testId}-tab-…`. */
  readonly testId: string;
  /** Columns the scope makes the same on every row (the customer's own list needs no customer column). */
  readonly hideColumns?: readonly string[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const opener = useOrderOpener();
  const statuses = useStatuses();
  const [statusId, setStatusId] = useState<number | null>(null);
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<BilingualText | null>(null);
  const apiRef = useRef<GridApi<OrderListRow> | null>(null);
  const scopeKey = JSON.stringify(props.scope);
  // One object per scope: a new one would reload the grid and the counts on every render.
  const scope = useMemo(() => JSON.parse(scopeKey) as OrderScope, [scopeKey]);
  const counts = useChannel('orders.statusCounts', scope, { keepPrevious: true, staleTime: 0 });

  // Another customer, contact, employee or project: from the first tab again.
  useEffect(() => setStatusId(null), [scopeKey]);

  const byId = useRef(new Map<number, Status>());
  useEffect(() => {
    byId.current = new Map((statuses.data ?? []).map((s: Status) => [s.id, s]));
    apiRef.current?.refreshCells({ columns: ['statusId'], force: true });
  }, [statuses.data]);
  const hidden = props.hideColumns?.join(',') ?? '';
  const columnDefs = useMemo(
    () => orderListColumns(t, lang, statuses.data, byId, true).map((c) => (hidden.split(',').includes(c.colId ?? '') ? { ...c, hide: true } : c)),
    [t, lang, statuses.data, hidden],
  );
  const datasource = useMemo(
    () =>
      orderListSource(
        { statusId, search: '', scope },
        {
          onAnswer: ({ rowCount: n }) => {
            setRowCount(n);
            setLoadError(null);
          },
          onError: (e) => setLoadError(refusalOf(e, () => null).general),
        },
      ),
    [statusId, scope],
  );

  // Only the statuses that hold any of these orders (and the one chosen): the panel is often narrow.
  const countOf = (id: number | null): number =>
    !counts.data ? 0 : id === null ? counts.data.total : (counts.data.byStatus.find((c) => c.statusId === id)?.count ?? 0);
  const withOrders = new Set((counts.data?.byStatus ?? []).filter((c) => c.count > 0).map((c) => c.statusId));
  let tabs = statusBarStatuses(statuses.data, null).filter((s) => withOrders.has(s.id) || s.id === statusId);
  for (const s of statuses.data ?? []) {
    if (s.hidden && (withOrders.has(s.id) || s.id === statusId)) tabs = withStatusByKind(tabs, s);
  }

  const localeText = useMemo(() => ({ ...gridLocaleText(lang), noRowsToShow: t('peopleUi.scoped.noRows') }), [lang, t]);
  return (
    <div className="scoped-orders" data-testid={props.testId}>
      <div className="scoped-orders-bar">
        <StatusTabs
          tabs={[{ id: null, label: t('orders.all'), count: countOf(null) }, ...tabs.map((s) => ({ id: s.id, label: statusLabel(s, lang), count: countOf(s.id) }))]}
          selected={statusId}
          onSelect={setStatusId}
          onDown={() => focusListRow(apiRef.current, 'number', 0)}
          ariaLabel={t('orders.statusTabs')}
          testId={`${props.testId}-tabs`}
          tabTestId={`${props.testId}-tab`}
        />
        <span className="row-count" data-testid={`${props.testId}-count`}>
          {rowCount === null ? '' : t('orders.count', { count: rowCount })}
        </span>
      </div>
      <Banner error={loadError} title={t('common.couldNotLoad')} />
      <div className="grid-host" data-testid={`${props.testId}-grid`}>
        <AgGridReact<OrderListRow>
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
          onGridReady={(e) => {
            apiRef.current = e.api;
          }}
          onModelUpdated={(e) => growTextColumns(e.api, 'sortAndFilter')}
          onRowDoubleClicked={(e: RowDoubleClickedEvent<OrderListRow>) => e.data && opener.open(e.data.id)}
          onCellKeyDown={(e: CellKeyDownEvent<OrderListRow>) => {
            if (e.event instanceof window.KeyboardEvent && e.event.key === 'Enter' && e.data) opener.open(e.data.id);
          }}
        />
      </div>
    </div>
  );
}
