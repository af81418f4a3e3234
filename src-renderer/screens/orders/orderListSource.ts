// The order list's datasource for AG Grid's infinite row model: each block the
// grid asks for becomes one orders.list call (start/end row, sort, filter, the
// status tab and the search box). The grid keeps only its cached blocks.
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { ColumnFilter, OrderListInput, OrderListRow } from '../../../shared/channels/orders';
import { invoke } from '../../api/client';

/** Columns filtered in kroner on screen and in øre by the engine. */
const MONEY_COLUMNS = new Set(['totalNetOre', 'totalGrossOre']);
const TEXT_TYPES = new Set(['contains', 'equals', 'startsWith']);
const RANGE_TYPES = new Set(['equals', 'lessThan', 'greaterThan', 'inRange']);

/** Which columns are typed in kroner on screen and sent in øre. */
export interface MoneyColumns {
  has(colId: string): boolean;
}

export interface GridFilter {
  filterType?: string;
  type?: string | null;
  filter?: string | number | null;
  filterTo?: number | null;
  dateFrom?: string | null;
  dateTo?: string | null;
}

function asInteger(value: number, money: boolean): number {
  return money ? Math.round(value * 100) : Math.trunc(value);
}

/**
 * AG Grid's filter model, narrowed to what orders.list accepts (one condition per column).
 * `moneyColumns`: the columns typed in kroner (the invoice list has its own).
 */
export function toEngineFilters(
  model: Record<string, GridFilter> | null | undefined,
  moneyColumns: MoneyColumns = MONEY_COLUMNS,
): Record<string, ColumnFilter> {
  const out: Record<string, ColumnFilter> = {};
  for (const [colId, f] of Object.entries(model ?? {})) {
    if (!f?.type) continue;
    if (f.filterType === 'text' && TEXT_TYPES.has(f.type) && typeof f.filter === 'string' && f.filter.trim()) {
      out[colId] = { filterType: 'text', type: f.type as 'contains' | 'equals' | 'startsWith', filter: f.filter.trim() };
    } else if (f.filterType === 'number' && RANGE_TYPES.has(f.type) && typeof f.filter === 'number') {
      const money = moneyColumns.has(colId);
      out[colId] = {
        filterType: 'number',
        type: f.type as 'equals' | 'lessThan' | 'greaterThan' | 'inRange',
        filter: asInteger(f.filter, money),
        ...(f.type === 'inRange' && typeof f.filterTo === 'number' ? { filterTo: asInteger(f.filterTo, money) } : {}),
      };
    } else if (f.filterType === 'date' && RANGE_TYPES.has(f.type) && f.dateFrom) {
      out[colId] = {
        filterType: 'date',
        type: f.type as 'equals' | 'lessThan' | 'greaterThan' | 'inRange',
        dateFrom: f.dateFrom.slice(0, 10),
        ...(f.type === 'inRange' && f.dateTo ? { dateTo: f.dateTo.slice(0, 10) } : {}),
      };
    }
  }
  return out;
}

/** A block of an engine-paged list as every list channel takes it (shared/channels/orders.ts gridBlockFields). */
export interface GridBlock {
  readonly startRow: number;
  readonly endRow: number;
  readonly sortModel: { colId: string; sort: 'asc' | 'desc' }[];
  readonly filterModel: Record<string, ColumnFilter>;
}

export interface PageEvents<Row> {
  /** Each block's answer, with the first row it starts at (tagged with the query by the caller). */
  readonly onAnswer: (answer: { rowCount: number; startRow: number; rows: readonly Row[] }) => void;
  readonly onError: (error: unknown) => void;
}

/** A datasource for AG Grid's infinite row model: each block the grid asks for becomes one call of `fetch`. */
export function pagedSource<Row>(
  fetch: (block: GridBlock) => Promise<{ readonly rows: readonly Row[]; readonly rowCount: number }>,
  moneyColumns: MoneyColumns,
  events: PageEvents<Row>,
): IDatasource {
  return {
    getRows(params: IGetRowsParams<Row>) {
      const block: GridBlock = {
        startRow: params.startRow,
        endRow: params.endRow,
        sortModel: params.sortModel.map((s) => ({ colId: s.colId, sort: s.sort })),
        filterModel: toEngineFilters(params.filterModel as Record<string, GridFilter>, moneyColumns),
      };
      fetch(block).then(
        (result) => {
          params.successCallback([...result.rows], result.rowCount);
          events.onAnswer({ rowCount: result.rowCount, startRow: params.startRow, rows: result.rows });
        },
        (error: unknown) => {
          events.onError(error);
          params.failCallback();
        },
      );
    },
  };
}

/** Whose orders (shared/channels/orders.ts orderScopeFields): a customer's, a contact's, an employee's or a project's. */
export type OrderScope =
  | { readonly customerId: number }
  | { readonly contactId: number }
  | { readonly employeeId: number }
  | { readonly projectId: number };

export interface OrderListQuery {
  readonly statusId: number | null;
  readonly search: string;
  readonly scope?: OrderScope;
}

/** The order list's columns typed in kroner: the totals and `moreMoney` (custom amount fields); the export converts its filters the same way. */
export function orderMoneyColumns(moreMoney?: ReadonlySet<string>): MoneyColumns {
  return moreMoney ? { has: (colId: string) => MONEY_COLUMNS.has(colId) || moreMoney.has(colId) } : MONEY_COLUMNS;
}

/**
 * `moreMoney`: more columns typed in kroner (custom amount fields), read at each
 * request, so that the field definitions arriving do not make a new datasource (and a second first block).
 */
export function orderListSource(query: OrderListQuery, events: PageEvents<OrderListRow>, moreMoney?: ReadonlySet<string>): IDatasource {
  return pagedSource(
    (block) => {
      const input: OrderListInput = { ...block, ...query.scope, statusId: query.statusId, ...(query.search.trim() ? { search: query.search.trim() } : {}) };
      return invoke('orders.list', input);
    },
    orderMoneyColumns(moreMoney),
    events,
  );
}
