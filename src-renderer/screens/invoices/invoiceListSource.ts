// The invoice list's datasource for AG Grid's infinite row model: each block the
// grid asks for becomes one invoices.page call (rows, sort, filter, tab, search),
// as the order list does with orders.list.
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { InvoiceBalance, InvoicePageInput, InvoiceTab } from '../../../shared/channels/receivables';
import { invoke } from '../../api/client';
import { toEngineFilters, type GridFilter } from '../orders/orderListSource';

/** Columns filtered in kroner on screen and in øre by the engine. */
const MONEY_COLUMNS: ReadonlySet<string> = new Set(['payableOre', 'paidOre', 'outstandingOre']);

export interface InvoiceListQuery {
  readonly tab: InvoiceTab;
  readonly search: string;
}

export function invoiceListSource(
  query: InvoiceListQuery,
  events: {
    onAnswer: (answer: { rowCount: number; startRow: number; rows: readonly InvoiceBalance[] }) => void;
    onError: (error: unknown) => void;
  },
): IDatasource {
  return {
    getRows(params: IGetRowsParams<InvoiceBalance>) {
      const input: InvoicePageInput = {
        startRow: params.startRow,
        endRow: params.endRow,
        sortModel: params.sortModel.map((s) => ({ colId: s.colId, sort: s.sort })),
        filterModel: toEngineFilters(params.filterModel as Record<string, GridFilter>, MONEY_COLUMNS),
        tab: query.tab,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
      };
      invoke('invoices.page', input).then(
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
