// The invoice screen (Alt+7, SPEC 11): invoices and credit notes by derived
// state, paged from the engine like the order list (tabs with counts, a folded
// search, Alt+PageUp/PageDown to step the tabs). Enter opens an invoice's detail
// beside the list (balance, payments, reminders, its orders; pay, use credit,
// print, void, credit). From here: bank files (button or drop), the manual
// matching list, reminders for the overdue, and the company's ledger.
import type { CellKeyDownEvent, ColDef, GridApi, RowDoubleClickedEvent, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_TABS, type InvoiceBalance, type InvoiceTab } from '../../../shared/channels/receivables';
import { INVOICE_STATES } from '../../../shared/enums';
import { formatAmount, formatDate } from '../../../shared/format';
import { invalidate, useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { StatusTabs } from '../../components/StatusTabs';
import { answerKey, useTrustedSearch } from '../../components/useTrustedSearch';
import { amountFilterParams, dateFilterParams, focusListRow, gridLocaleText, gridTheme, NorwegianDateInput, textFilterParams, wholeNumberFilterParams } from '../../grid/agGrid';
import { fitWidth, growTextColumns, WIDEST_AMOUNT, WIDEST_DATE, widestWhole } from '../../grid/columnWidths';
import { useLanguage, type BilingualText } from '../../i18n';
import { AgingDialog } from './AgingDialog';
import { BankFileDrop, BankImportDialog, ManualMatchDialog, useBankFile } from './BankImport';
import { InvoiceDetailPanel } from './InvoiceDetailPanel';
import { invoiceListSource } from './invoiceListSource';
import { invoiceStateLabel } from './labels';
import { RemindersDialog } from './RemindersDialog';

const BLOCK = 100;
/** Alt+PageUp/PageDown step the tabs from anywhere in the list (the grid would scroll). */
const tabStep = (p: { event: KeyboardEvent }) => p.event.altKey && (p.event.key === 'PageUp' || p.event.key === 'PageDown');
const ROW_SELECTION = { mode: 'singleRow', checkboxes: false, enableClickSelection: true } as const;
const rowId = (p: { data: InvoiceBalance }) => String(p.data.invoiceId);
const money = (p: ValueFormatterParams<InvoiceBalance, number>) => (p.value == null ? '' : formatAmount(p.value));

type Dialogs = 'bank-report' | 'manual' | 'reminders' | 'aging' | null;

export function InvoicesScreen(props: { active: boolean; onOpenOrder: (orderNumber: number) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [tab, setTab] = useState<InvoiceTab>('all');
  const [openId, setOpenId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const apiRef = useRef<GridApi<InvoiceBalance> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const lastRow = useRef<number | null>(null);
  const focusGrid = useCallback((index?: number) => focusListRow(apiRef.current, 'number', index), []);

  const open = (row: InvoiceBalance | undefined, index: number | null) => {
    if (!row) return;
    lastRow.current = index;
    setOpenId(row.invoiceId);
  };
  const box = useTrustedSearch<InvoiceBalance>({
    pauseMs: 250,
    context: tab,
    act: (intent, answer) => {
      const row = intent.kind === 'enter' ? 0 : Math.min(intent.row, Math.max(0, answer.firstRows.length - 1));
      const only = answer.rowCount === 1 ? answer.firstRows[0] : undefined;
      const target = intent.kind === 'open' ? answer.firstRows[row] : intent.kind === 'enter' ? only : undefined;
      if (target) open(target, row);
      else focusGrid(row);
    },
  });
  const { text: searchText, search, answered } = box;
  const counts = useChannel('invoices.tabCounts', search ? { search } : {}, { keepPrevious: true });
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<BilingualText | null>(null);

  const datasource = useMemo(
    () =>
      invoiceListSource(
        { tab, search },
        {
          onAnswer: ({ rowCount: n, startRow, rows }) => {
            setRowCount(n);
            setLoadError(null);
            if (startRow === 0) answered({ key: answerKey(search, tab), rowCount: n, firstRows: rows });
          },
          onError: (e) => setLoadError(refusalOf(e, () => null).general),
        },
      ),
    [tab, search, answered],
  );

  /** After a payment, an import, reminders …: the list, its counts and what the detail shows. */
  const reload = useCallback(() => {
    apiRef.current?.refreshInfiniteCache();
    void invalidate('invoices.tabCounts', 'invoices.detail', 'ledger.aging', 'ledger.customer', 'bank.transactions', 'reminders.candidates', 'orders.list', 'orders.statusCounts');
  }, []);

  const bank = useBankFile(() => {
    setDialog('bank-report');
    reload();
  });

  const columnDefs = useMemo<ColDef<InvoiceBalance>[]>(
    () => [
      { colId: 'number', field: 'number', headerName: t('receivables.col.number'), width: fitWidth([widestWhole(7)], t('receivables.col.number'), 'sortAndFilter'), type: 'rightAligned', cellClass: 'num', filter: 'agNumberColumnFilter', filterParams: wholeNumberFilterParams },
      { colId: 'invoiceDate', field: 'invoiceDate', headerName: t('receivables.col.invoiceDate'), width: fitWidth([WIDEST_DATE], t('receivables.col.invoiceDate'), 'sortAndFilter'), cellClass: 'num', valueFormatter: (p: ValueFormatterParams<InvoiceBalance, string>) => formatDate(p.value), filter: 'agDateColumnFilter', filterParams: dateFilterParams, dateComponent: NorwegianDateInput },
      { colId: 'dueDate', field: 'dueDate', headerName: t('receivables.col.dueDate'), width: fitWidth([WIDEST_DATE], t('receivables.col.dueDate'), 'sortAndFilter'), cellClass: 'num', valueFormatter: (p: ValueFormatterParams<InvoiceBalance, string>) => formatDate(p.value), filter: 'agDateColumnFilter', filterParams: dateFilterParams, dateComponent: NorwegianDateInput },
      { colId: 'customerName', field: 'customerName', headerName: t('receivables.col.customer'), flex: 2, minWidth: 160, filter: 'agTextColumnFilter', filterParams: textFilterParams },
      { colId: 'kid', field: 'kid', headerName: t('receivables.col.kid'), width: fitWidth([widestWhole(14)], t('receivables.col.kid'), 'sort'), cellClass: 'num', filter: false },
      { colId: 'payableOre', field: 'payableOre', headerName: t('receivables.col.amount'), width: fitWidth([WIDEST_AMOUNT], t('receivables.col.amount'), 'sortAndFilter'), type: 'rightAligned', cellClass: 'num', valueFormatter: money, filter: 'agNumberColumnFilter', filterParams: amountFilterParams },
      { colId: 'paidOre', field: 'paidOre', headerName: t('receivables.col.paid'), width: fitWidth([WIDEST_AMOUNT], t('receivables.col.paid'), 'sort'), type: 'rightAligned', cellClass: 'num', valueFormatter: money, filter: false },
      { colId: 'outstandingOre', field: 'outstandingOre', headerName: t('receivables.col.outstanding'), width: fitWidth([WIDEST_AMOUNT], t('receivables.col.outstanding'), 'sortAndFilter'), type: 'rightAligned', cellClass: 'num strong', valueFormatter: money, filter: 'agNumberColumnFilter', filterParams: amountFilterParams },
      {
        colId: 'state',
        field: 'state',
        headerName: t('receivables.col.state'),
        // Bold in the cell.
        width: fitWidth(INVOICE_STATES.map((s) => s[lang]), t('receivables.col.state'), 'sort', 600),
        valueFormatter: (p: ValueFormatterParams<InvoiceBalance, InvoiceBalance['state']>) => (p.value ? invoiceStateLabel(p.value, lang) : ''),
        cellClass: (p) => (p.value ? `inv-state inv-state-${String(p.value)}` : ''),
        filter: false,
      },
      { colId: 'daysOverdue', field: 'daysOverdue', headerName: t('receivables.col.daysOverdue'), width: fitWidth([widestWhole(4)], t('receivables.col.daysOverdue'), 'sort'), type: 'rightAligned', cellClass: 'num', valueFormatter: (p: ValueFormatterParams<InvoiceBalance, number>) => (p.value ? String(p.value) : ''), sortable: false, filter: false },
      { colId: 'reminderLevel', field: 'reminderLevel', headerName: t('receivables.col.reminder'), width: fitWidth([widestWhole(2)], t('receivables.col.reminder'), 'sort'), type: 'rightAligned', cellClass: 'num', valueFormatter: (p: ValueFormatterParams<InvoiceBalance, number>) => (p.value ? String(p.value) : ''), filter: false },
      { colId: 'orderNumbers', field: 'orderNumbers', headerName: t('receivables.col.orders'), flex: 1, minWidth: 80, sortable: false, filter: false, valueFormatter: (p: ValueFormatterParams<InvoiceBalance, readonly number[]>) => (p.value ?? []).join(', ') },
    ],
    [t, lang],
  );
  const defaultColDef = useMemo<ColDef<InvoiceBalance>>(
    () => ({ sortable: true, resizable: true, suppressHeaderMenuButton: false, suppressKeyboardEvent: tabStep, suppressHeaderKeyboardEvent: tabStep }),
    [],
  );
  const localeText = useMemo(() => ({ ...gridLocaleText(lang), noRowsToShow: t('receivables.noRows') }), [lang, t]);

  const selectTab = (key: InvoiceTab) => {
    setTab(key);
    lastRow.current = null;
  };
  const stepTab = (by: 1 | -1) => {
    const i = INVOICE_TABS.findIndex((x) => x.key === tab);
    selectTab(INVOICE_TABS[(i + by + INVOICE_TABS.length) % INVOICE_TABS.length]!.key);
  };
  const overdueCount = counts.data?.overdue ?? 0;
  const closeDetail = () => {
    setOpenId(null);
    const index = lastRow.current;
    window.setTimeout(() => focusGrid(index ?? 0), 0);
  };

  useEffect(() => {
    if (props.active && openId === null) {
      if (lastRow.current !== null) window.setTimeout(() => focusGrid(lastRow.current ?? 0), 0);
      else searchRef.current?.focus();
    }
    // Only when the screen is shown again.
  }, [props.active]);

  useHotkeys(props.active && dialog === null, {
    'ctrl+f': () => searchRef.current?.select(),
    f3: () => searchRef.current?.select(),
    'alt+pageup': () => stepTab(-1),
    'alt+pagedown': () => stepTab(1),
    'alt+l': () => bank.pick(),
    'alt+m': () => setDialog('manual'),
    'alt+r': () => setDialog('reminders'),
    'alt+o': () => setDialog('aging'),
    // The bank file's refusal first (its banner says Esc), then the invoice opened.
    ...(bank.error ? { escape: bank.clearError } : {}),
  });

  return (
    <div className="screen list-screen invoices-screen" data-testid="invoices-screen" {...bank.dropProps}>
      <div className="toolbar">
        <h1>{t('receivables.title')}</h1>
        <input
          ref={searchRef}
          type="search"
          className="search"
          data-testid="invoice-search"
          aria-label={t('common.search')}
          placeholder={t('receivables.searchPlaceholder')}
          value={searchText}
          onChange={(e) => {
            box.setText(e.target.value);
            lastRow.current = null;
          }}
          onKeyDown={(e) => {
            if ((e.key === 'ArrowDown' || e.key === 'Enter') && !e.altKey && !e.ctrlKey) {
              e.preventDefault();
              box.press(e.key === 'Enter' ? 'enter' : 'down');
            }
          }}
        />
        <span className="row-count" data-testid="invoice-row-count">
          {rowCount === null ? '' : t('receivables.count', { count: rowCount })}
        </span>
        <div className="toolbar-spacer" />
        <BankFileDrop bank={bank} />
        <button type="button" data-testid="bank-manual" onClick={() => setDialog('manual')}>
          {t('receivables.bank.manualButton')} <Shortcut keys="Alt+M" />
        </button>
        <button type="button" className={tab === 'overdue' ? 'primary' : undefined} data-testid="reminders-open" disabled={overdueCount === 0} title={overdueCount === 0 ? t('receivables.reminders.noneOverdue') : undefined} onClick={() => setDialog('reminders')}>
          {t('receivables.reminders.button')} <Shortcut keys="Alt+R" />
        </button>
        <button type="button" data-testid="aging-open" onClick={() => setDialog('aging')}>
          {t('receivables.aging.button')} <Shortcut keys="Alt+O" />
        </button>
      </div>
      <StatusTabs<InvoiceTab>
        tabs={INVOICE_TABS.map((x) => ({ id: x.key, label: x[lang], count: counts.data?.[x.key] ?? 0 }))}
        selected={tab}
        onSelect={(id) => selectTab(id ?? 'all')}
        onDown={() => focusGrid(0)}
        ariaLabel={t('receivables.tabs')}
        testId="invoice-tabs"
        tabTestId="invoice-tab"
        markEmpty
      />
      <Banner error={loadError} title={t('common.couldNotLoad')} testId="invoice-list-error" />
      <Banner error={bank.error} title={t('receivables.bank.couldNotImport')} testId="bank-import-error" onClose={bank.clearError} />
      <Notice text={notice} testId="invoices-notice" />
      <div className="invoices-body">
        <div className="grid-host" data-testid="invoice-grid">
          <AgGridReact<InvoiceBalance>
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
            defaultColDef={defaultColDef}
            getRowId={rowId}
            rowSelection={ROW_SELECTION}
            onGridReady={(e) => {
              apiRef.current = e.api;
            }}
            onModelUpdated={(e) => growTextColumns(e.api, 'sortAndFilter')}
            onRowDoubleClicked={(e: RowDoubleClickedEvent<InvoiceBalance>) => open(e.data, e.rowIndex)}
            onCellKeyDown={(e: CellKeyDownEvent<InvoiceBalance>) => {
              if (e.event instanceof window.KeyboardEvent && e.event.key === 'Enter') open(e.data, e.rowIndex);
            }}
          />
        </div>
        {openId !== null ? (
          <InvoiceDetailPanel
            key={openId}
            invoiceId={openId}
            active={props.active && dialog === null && !bank.error}
            onClose={closeDetail}
            onChanged={(text) => {
              setNotice(text);
              reload();
            }}
            onOpenOrder={props.onOpenOrder}
          />
        ) : null}
      </div>
      {dialog === 'bank-report' && bank.report ? (
        <BankImportDialog report={bank.report} onClose={() => setDialog(null)} onManual={() => setDialog('manual')} />
      ) : null}
      {dialog === 'manual' ? <ManualMatchDialog onClose={() => setDialog(null)} onChanged={reload} /> : null}
      {dialog === 'reminders' ? <RemindersDialog onClose={() => setDialog(null)} onSent={reload} /> : null}
      {dialog === 'aging' ? <AgingDialog onClose={() => setDialog(null)} /> : null}
      <div className="hint-bar">
        <Shortcut keys="Enter" label={t('keys.open')} />
        <Shortcut keys="Ctrl+F" label={t('keys.search')} />
        <Shortcut keys="Alt+PgUp/PgDn" label={t('receivables.tabKeys')} />
        <Shortcut keys="Alt+L" label={t('receivables.bank.importButton')} />
        {openId !== null ? <Shortcut keys="Esc" label={t('receivables.detail.close')} /> : null}
      </div>
    </div>
  );
}
