// The order list's custom field columns (issue 12): one per active order field
// the administrator marked "list column", sorted and filtered by the engine
// (orders.list cf_<key>). Amounts are filtered in kroner as typed, like the totals.
import type { ColDef, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import { customFieldColumnId, type CustomFieldDef, type CustomFieldValue } from '../../../shared/channels/customFields';
import type { OrderListRow } from '../../../shared/channels/orders';
import { formatAmount, formatDate } from '../../../shared/format';
import { fieldLabel } from '../../components/customFieldDrafts';
import { NorwegianDateInput, amountFilterParams, dateFilterParams, textFilterParams, wholeNumberFilterParams } from '../../grid/agGrid';
import { fitWidth, WIDEST_AMOUNT, WIDEST_DATE, widestWhole } from '../../grid/columnWidths';

type Lang = 'nb' | 'en';

/** The columns filtered in kroner on screen and in øre by the engine. */
export const customMoneyColumns = (defs: readonly CustomFieldDef[]): string[] =>
  listed(defs).filter((f) => f.type === 'amount').map((f) => customFieldColumnId(f.key));

const listed = (defs: readonly CustomFieldDef[]) => defs.filter((f) => f.active && f.listColumn && f.entity === 'order');

export function customFieldColumns(defs: readonly CustomFieldDef[], lang: Lang, yesNo: { yes: string; no: string }): ColDef<OrderListRow>[] {
  return listed(defs).map((f): ColDef<OrderListRow> => {
    const header = fieldLabel(f, lang);
    const base: ColDef<OrderListRow> = {
      colId: customFieldColumnId(f.key),
      headerName: header,
      headerTooltip: header,
      valueGetter: (p: ValueGetterParams<OrderListRow>) => p.data?.customFields?.[f.key] ?? null,
    };
    const fmt = (show: (v: CustomFieldValue) => string) => (p: ValueFormatterParams<OrderListRow, CustomFieldValue>) => (p.value == null ? '' : show(p.value));
    switch (f.type) {
      case 'choice': {
        const labels = new Map(f.choices.map((c) => [c.key, fieldLabel(c, lang)]));
        return { ...base, width: fitWidth([...labels.values()], header, 'sortAndFilter'), valueFormatter: fmt((v) => labels.get(String(v)) ?? String(v)), filter: 'agTextColumnFilter', filterParams: textFilterParams };
      }
      case 'date':
        return { ...base, width: fitWidth([WIDEST_DATE], header, 'sortAndFilter'), cellClass: 'num', valueFormatter: fmt((v) => formatDate(String(v))), filter: 'agDateColumnFilter', filterParams: dateFilterParams, dateComponent: NorwegianDateInput };
      case 'amount':
        return { ...base, width: fitWidth([WIDEST_AMOUNT], header, 'sortAndFilter'), type: 'rightAligned', cellClass: 'num', valueFormatter: fmt((v) => formatAmount(Number(v))), filter: 'agNumberColumnFilter', filterParams: amountFilterParams };
      case 'number':
        return { ...base, width: fitWidth([widestWhole(6)], header, 'sortAndFilter'), type: 'rightAligned', cellClass: 'num', filter: 'agNumberColumnFilter', filterParams: wholeNumberFilterParams };
      case 'yesno':
        // Sorted by the engine; filtering yes/no by number (1/0) would make the clerk guess, so there is none.
        return { ...base, width: fitWidth([yesNo.yes, yesNo.no], header, 'sort'), valueFormatter: fmt((v) => (v ? yesNo.yes : yesNo.no)), filter: false };
      default:
        return { ...base, flex: 1, minWidth: fitWidth([], header, 'sortAndFilter'), filter: 'agTextColumnFilter', filterParams: textFilterParams };
    }
  });
}
