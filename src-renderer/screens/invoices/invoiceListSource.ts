// The invoice list's datasource for AG Grid's infinite row model: each block the
// grid asks for becomes one invoices.page call (rows, sort, filter, tab, search),
// as the order list does with orders.list.
import type { IDatasource } from 'ag-grid-community';
import type { InvoiceBalance, InvoicePageInput, InvoiceTab } from '../../../shared/channels/receivables';
import { invoke } from '../../api/client';
import { pagedSource, type PageEvents } from '../orders/orderListSource';

/** Columns filtered in kroner on screen and in øre by the engine. */
const MONEY_COLUMNS: ReadonlySet<string> = new Set(['payableOre', 'paidOre', 'outstandingOre']);

export interface InvoiceListQuery {
  readonly tab: InvoiceTab;
  readonly search: string;
}

export function invoiceListSource(query: InvoiceListQuery, events: PageEvents<InvoiceBalance>): IDatasource {
  return pagedSource(
    (block) => {
      const input: InvoicePageInput = { ...block, tab: query.tab, ...(query.search.trim() ? { search: query.search.trim() } : {}) };
      return invoke('invoices.page', input);
    },
    MONEY_COLUMNS,
    events,
  );
}
