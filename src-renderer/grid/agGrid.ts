// AG Grid set up once for every list: the modules we use, a dense theme, the
// grid's own texts in nb/en, a date input that speaks dd.mm.åååå whatever the
// system locale, and the filter settings the engine's list channels accept.
import {
  CellApiModule,
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  DateFilterModule,
  EventApiModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  themeQuartz,
  type IDateComp,
  type IDateParams,
  type IAfterGuiAttachedParams,
  type INumberFilterParams,
  type ITextFilterParams,
  type IDateFilterParams,
  type GridApi,
} from 'ag-grid-community';
import { formatDate, parseAmount, parseDate, parseQuantity } from '../../shared/format';
import type { Language } from '../../shared/enums';
import { i18n } from '../i18n';

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  DateFilterModule,
  LocaleModule,
  CellApiModule,
  CellStyleModule,
  RowStyleModule,
  RowSelectionModule,
  RowApiModule,
  ScrollApiModule,
  RenderApiModule,
  ColumnApiModule,
  EventApiModule,
  // The order lines: rows held in the renderer, header tooltips.
  ClientSideRowModelModule,
  ClientSideRowModelApiModule,
  TooltipModule,
]);

/** Dense and calm: small type, tight rows, clear focus. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 12,
  headerFontSize: 12,
  headerFontWeight: 600,
  spacing: 4,
  rowHeight: 24,
  headerHeight: 28,
  listItemHeight: 22,
  cellHorizontalPadding: 6,
  wrapperBorderRadius: 0,
  borderRadius: 2,
  accentColor: '#1d5fa7',
  foregroundColor: '#1b2430',
  headerBackgroundColor: '#eef1f5',
  headerTextColor: '#2b3542',
  oddRowBackgroundColor: '#f8f9fb',
  rowHoverColor: '#eaf1fa',
  selectedRowBackgroundColor: '#d6e6f8',
  borderColor: '#d3d9e0',
  columnBorder: true,
  focusShadow: { spread: 2, color: '#1d5fa7' },
  browserColorScheme: 'light',
});

const GRID_KEYS = [
  'loadingOoo',
  'noRowsToShow',
  'filterOoo',
  'applyFilter',
  'clearFilter',
  'resetFilter',
  'cancelFilter',
  'equals',
  'notEqual',
  'lessThan',
  'greaterThan',
  'inRange',
  'inRangeStart',
  'inRangeEnd',
  'contains',
  'startsWith',
  'before',
  'after',
  'andCondition',
  'orCondition',
  'dateFormatOoo',
  'empty',
] as const;

/** The grid's own words (filter menus, overlays) in the user's language. */
export function gridLocaleText(lang: Language): Record<string, string> {
  const t = i18n.getFixedT(lang);
  const text: Record<string, string> = {};
  for (const key of GRID_KEYS) text[key] = t(`grid.${key}`);
  return text;
}

/** A date filter input in dd.mm.åååå, independent of the system's locale. */
export class NorwegianDateInput implements IDateComp {
  private input: HTMLInputElement = document.createElement('input');

  init(params: IDateParams): void {
    this.input.type = 'text';
    this.input.className = 'ag-input-field-input ag-text-field-input nb-date-input';
    this.input.inputMode = 'numeric';
    this.input.autocomplete = 'off';
    this.input.addEventListener('input', () => params.onDateChanged());
  }

  getGui(): HTMLElement {
    return this.input;
  }

  getDate(): Date | null {
    const iso = parseDate(this.input.value);
    if (!iso) return null;
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d);
  }

  setDate(date: Date | null): void {
    if (!date) {
      this.input.value = '';
      return;
    }
    const p = (n: number) => String(n).padStart(2, '0');
    this.input.value = formatDate(`${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`);
  }

  setInputPlaceholder(placeholder: string): void {
    this.input.placeholder = placeholder;
  }

  setInputAriaLabel(label: string): void {
    this.input.setAttribute('aria-label', label);
  }

  setDisabled(disabled: boolean): void {
    this.input.disabled = disabled;
  }

  afterGuiAttached(params?: IAfterGuiAttachedParams): void {
    if (!params?.suppressFocus) this.input.focus();
  }
}

// The engine's list accepts one condition per column with these options (shared/channels/orders.ts).
const ONE_CONDITION = { maxNumConditions: 1, buttons: ['reset'] as ('reset' | 'apply')[] };

export const textFilterParams: ITextFilterParams = {
  ...ONE_CONDITION,
  filterOptions: ['contains', 'startsWith', 'equals'],
  trimInput: true,
  debounceMs: 400,
};

export const wholeNumberFilterParams: INumberFilterParams = {
  ...ONE_CONDITION,
  filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange'],
  allowedCharPattern: '\\d',
  debounceMs: 400,
};

/** Money is filtered in kroner as typed ("1 234,50"); the datasource turns it into øre. */
export const amountFilterParams: INumberFilterParams = {
  ...ONE_CONDITION,
  filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange'],
  allowedCharPattern: '\\d\\-,. ',
  numberParser: (text) => {
    const ore = text == null ? null : parseAmount(text);
    return ore == null ? null : ore / 100;
  },
  numberFormatter: (value) => (value == null ? null : String(value).replace('.', ',')),
  debounceMs: 400,
};

/** Quantities are filtered in units as typed ("2,5"); the list's source turns them into thousandths. */
export const quantityFilterParams: INumberFilterParams = {
  ...ONE_CONDITION,
  filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange'],
  allowedCharPattern: '\\d\\-,. ',
  numberParser: (text) => {
    const thousandths = text == null ? null : parseQuantity(text);
    return thousandths == null ? null : thousandths / 1000;
  },
  numberFormatter: (value) => (value == null ? null : String(value).replace('.', ',')),
  debounceMs: 400,
};

export const dateFilterParams: IDateFilterParams = {
  ...ONE_CONDITION,
  filterOptions: ['equals', 'lessThan', 'greaterThan', 'inRange'],
  inRangeFloatingFilterDateFormat: 'DD.MM.YYYY',
  debounceMs: 400,
};

/** Puts keyboard focus on a row of a list (the first when no index), scrolled into view; nothing when the list is empty. */
export function focusListRow(api: GridApi | null, colId: string, index = 0): void {
  if (!api || api.getDisplayedRowCount() === 0) return;
  const row = Math.min(index, api.getDisplayedRowCount() - 1);
  api.ensureIndexVisible(row);
  api.setFocusedCell(row, colId);
}
