// The order list's columns, shared by the order list and every list of one
// customer's, contact's, employee's or project's orders (ScopedOrders), so an
// order looks the same wherever it is found. Each column sorts and filters in
// the engine (orders.list).
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { MutableRefObject } from 'react';
import type { OrderListRow, Status } from '../../../shared/channels/orders';
import { ORDER_TYPES, type Language } from '../../../shared/enums';
import { formatAmount, formatDate } from '../../../shared/format';
import { NorwegianDateInput, amountFilterParams, dateFilterParams, textFilterParams, wholeNumberFilterParams } from '../../grid/agGrid';
import { fitWidth, WIDEST_AMOUNT, WIDEST_DATE, widestWhole } from '../../grid/columnWidths';
import { orderTypeLabel, statusLabel } from './labels';

/** Tittel, Ansvarlig, Prosjekt (issue 12). */
const PEOPLE_COLUMNS = new Set(['title', 'responsibleInitials', 'projectNumber']);

/**
 * The order list's columns. Tittel, Ansvarlig and Prosjekt come last, so that the
 * amounts stay in view at 1440 px; `peopleFirst` puts them right after the
 * order date instead (the narrow lists of one customer's, employee's or project's orders).
 * `byId`: the statuses by id, read through a ref so that loading them does not make new column definitions. */
export function orderListColumns(
  t: TFunction,
  lang: Language,
  statuses: readonly Status[] | undefined,
  byId: MutableRefObject<Map<number, Status>>,
  peopleFirst = false,
): ColDef<OrderListRow>[] {
  const columns: ColDef<OrderListRow>[] = [
    {
      colId: 'number',
      field: 'number',
      headerName: t('orders.col.number'),
      width: fitWidth([widestWhole(7)], t('orders.col.number'), 'sortAndFilter'),
      type: 'rightAligned',
      cellClass: 'num',
      filter: 'agNumberColumnFilter',
      filterParams: wholeNumberFilterParams,
    },
    {
      colId: 'orderDate',
      field: 'orderDate',
      headerName: t('orders.col.orderDate'),
      width: fitWidth([WIDEST_DATE], t('orders.col.orderDate'), 'sortAndFilter'),
      cellClass: 'num',
      valueFormatter: (p: ValueFormatterParams<OrderListRow, string>) => formatDate(p.value),
      filter: 'agDateColumnFilter',
      filterParams: dateFilterParams,
      dateComponent: NorwegianDateInput,
    },
    {
      colId: 'customerName',
      field: 'customerName',
      headerName: t('orders.col.customerName'),
      flex: 2,
      minWidth: 180,
      filter: 'agTextColumnFilter',
      filterParams: textFilterParams,
    },
    {
      colId: 'customerNumber',
      field: 'customerNumber',
      headerName: t('orders.col.customerNumber'),
      width: fitWidth([widestWhole(6)], t('orders.col.customerNumber'), 'sortAndFilter'),
      type: 'rightAligned',
      cellClass: 'num',
      filter: 'agNumberColumnFilter',
      filterParams: wholeNumberFilterParams,
    },
    {
      colId: 'orderType',
      field: 'orderType',
      headerName: t('orders.col.orderType'),
      width: fitWidth(ORDER_TYPES.map((o) => orderTypeLabel(o.id, lang)), t('orders.col.orderType'), 'sortAndFilter'),
      valueFormatter: (p: ValueFormatterParams<OrderListRow, number>) => (p.value == null ? '' : orderTypeLabel(p.value, lang)),
      filter: 'agNumberColumnFilter',
      filterParams: { ...wholeNumberFilterParams, filterOptions: ['equals'] },
    },
    {
      colId: 'statusId',
      field: 'statusId',
      headerName: t('orders.col.status'),
      width: fitWidth((statuses ?? []).map((s) => statusLabel(s, lang)), t('orders.col.status'), 'sort'),
      valueFormatter: (p: ValueFormatterParams<OrderListRow, number>) => (p.value == null ? '' : statusLabel(byId.current.get(p.value), lang)),
      filter: false,
    },
    {
      colId: 'customerReference',
      field: 'customerReference',
      headerName: t('orders.col.customerReference'),
      flex: 1,
      minWidth: 120,
      filter: 'agTextColumnFilter',
      filterParams: textFilterParams,
    },
    {
      colId: 'deliveryDate',
      field: 'deliveryDate',
      headerName: t('orders.col.deliveryDate'),
      width: fitWidth([WIDEST_DATE], t('orders.col.deliveryDate'), 'sortAndFilter'),
      cellClass: 'num',
      valueFormatter: (p: ValueFormatterParams<OrderListRow, string | null>) => formatDate(p.value),
      filter: 'agDateColumnFilter',
      filterParams: dateFilterParams,
      dateComponent: NorwegianDateInput,
    },
    {
      colId: 'totalNetOre',
      field: 'totalNetOre',
      headerName: t('orders.col.totalNet'),
      width: fitWidth([WIDEST_AMOUNT], t('orders.col.totalNet'), 'sortAndFilter'),
      type: 'rightAligned',
      cellClass: 'num',
      valueFormatter: (p: ValueFormatterParams<OrderListRow, number>) => (p.value == null ? '' : formatAmount(p.value)),
      filter: 'agNumberColumnFilter',
      filterParams: amountFilterParams,
    },
    {
      colId: 'totalGrossOre',
      field: 'totalGrossOre',
      headerName: t('orders.col.totalGross'),
      width: fitWidth([WIDEST_AMOUNT], t('orders.col.totalGross'), 'sortAndFilter'),
      type: 'rightAligned',
      cellClass: 'num',
      valueFormatter: (p: ValueFormatterParams<OrderListRow, number>) => (p.value == null ? '' : formatAmount(p.value)),
      filter: 'agNumberColumnFilter',
      filterParams: amountFilterParams,
    },
    {
      colId: 'invoicedNetOre',
      field: 'invoicedNetOre',
      headerName: t('lists.col.invoiced'),
      width: 118,
      type: 'rightAligned',
      cellClass: 'num',
      valueFormatter: (p: ValueFormatterParams<OrderListRow, number>) => (p.value == null ? '' : p.value === 0 ? '' : formatAmount(p.value)),
      filter: 'agNumberColumnFilter',
      filterParams: amountFilterParams,
    },
    {
      colId: 'title',
      field: 'title',
      headerName: t('peopleUi.col.title'),
      flex: 1,
      minWidth: 120,
      filter: 'agTextColumnFilter',
      filterParams: textFilterParams,
    },
    {
      colId: 'responsibleInitials',
      field: 'responsibleInitials',
      headerName: t('peopleUi.col.responsible'),
      width: fitWidth(['ÅÅÅÅ'], t('peopleUi.col.responsible'), 'sortAndFilter'),
      filter: 'agTextColumnFilter',
      filterParams: textFilterParams,
    },
    {
      colId: 'projectNumber',
      field: 'projectNumber',
      headerName: t('peopleUi.col.project'),
      width: fitWidth([widestWhole(5)], t('peopleUi.col.project'), 'sortAndFilter'),
      type: 'rightAligned',
      cellClass: 'num',
      filter: 'agNumberColumnFilter',
      filterParams: wholeNumberFilterParams,
    },
  ];
  if (!peopleFirst) return columns;
  const people = columns.filter((c) => PEOPLE_COLUMNS.has(c.colId ?? ''));
  const rest = columns.filter((c) => !PEOPLE_COLUMNS.has(c.colId ?? ''));
  const at = rest.findIndex((c) => c.colId === 'orderDate') + 1;
  return [...rest.slice(0, at), ...people, ...rest.slice(at)];
}
