// The accounting batches by state, paged from the engine: choose batches waiting
// to be posted (checkbox, Shift+Space) and post them; Enter shows a batch's
// vouchers with their lines.
import type { CellKeyDownEvent, ColDef, GridApi, IDatasource, RowDoubleClickedEvent, SelectionChangedEvent, ValueFormatterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BATCH_KINDS, BATCH_STATES, type AccountingBatch, type BatchState } from '../../../shared/channels/accounting';
import { formatAmount, formatDate, formatDateTime } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { useHotkeys } from '../../app/hotkeys';
import { Dialog } from '../../components/Dialog';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { StatusTabs } from '../../components/StatusTabs';
import { focusListRow, gridLocaleText, gridTheme } from '../../grid/agGrid';
import { fitWidth, growTextColumns, WIDEST_AMOUNT, WIDEST_DATE, widestWhole } from '../../grid/columnWidths';
import { useLanguage, type BilingualText } from '../../i18n';

const BLOCK = 200;
const ROW_SELECTION = { mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false } as const;
const shiftSpace = (p: { event: KeyboardEvent }) => p.event.key === ' ' && p.event.shiftKey;
const SELECTION_COLUMN = { width: 34, pinned: 'left', suppressHeaderMenuButton: true, suppressKeyboardEvent: shiftSpace } as const;
const rowId = (p: { data: AccountingBatch }) => String(p.data.id);
const money = (p: ValueFormatterParams<AccountingBatch, number>) => (p.value == null ? '' : formatAmount(p.value));
const label = <K extends string>(list: readonly { key: K; nb: string; en: string }[], key: K | undefined, lang: 'nb' | 'en') => list.find((x) => x.key === key)?.[lang] ?? '';

/** How many batches a tab holds: the engine's row count of a one-row page. */
function useBatchCount(state: BatchState | undefined): number {
  return useChannel('accounting.batches', { ...(state ? { state } : {}), startRow: 0, endRow: 1 }).data?.rowCount ?? 0;
}

export function BatchesView(props: { active: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [state, setState] = useState<BatchState | null>('unposted');
  const [selected, setSelected] = useState<readonly AccountingBatch[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [error, setError] = useState<BilingualText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const api = useRef<GridApi<AccountingBatch> | null>(null);
  const counts = { all: useBatchCount(undefined), unposted: useBatchCount('unposted'), posted: useBatchCount('posted'), exported: useBatchCount('exported') };

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        invoke('accounting.batches', { ...(state ? { state } : {}), startRow: params.startRow, endRow: params.endRow }).then(
          (r) => {
            setError(null);
            params.successCallback([...r.rows], r.rowCount);
          },
          (e: unknown) => {
            setError(refusalOf(e, () => null).general);
            params.failCallback();
          },
        );
      },
    }),
    [state],
  );

  const columnDefs = useMemo<ColDef<AccountingBatch>[]>(
    () => [
      { field: 'date', headerName: t('receivables.accounting.col.date'), width: fitWidth([WIDEST_DATE], t('receivables.accounting.col.date')), cellClass: 'num', valueFormatter: (p: ValueFormatterParams<AccountingBatch, string>) => formatDate(p.value) },
      { field: 'kind', headerName: t('receivables.accounting.col.kind'), width: fitWidth(BATCH_KINDS.map((k) => k[lang]), t('receivables.accounting.col.kind')), valueFormatter: (p: ValueFormatterParams<AccountingBatch, AccountingBatch['kind']>) => label(BATCH_KINDS, p.value ?? undefined, lang) },
      { field: 'reference', headerName: t('receivables.accounting.col.reference'), flex: 2, minWidth: 180 },
      { field: 'debitOre', headerName: t('receivables.accounting.col.debit'), width: fitWidth([WIDEST_AMOUNT], t('receivables.accounting.col.debit')), type: 'rightAligned', cellClass: 'num', valueFormatter: money },
      { field: 'creditOre', headerName: t('receivables.accounting.col.credit'), width: fitWidth([WIDEST_AMOUNT], t('receivables.accounting.col.credit')), type: 'rightAligned', cellClass: 'num', valueFormatter: money },
      { field: 'voucherCount', headerName: t('receivables.accounting.col.vouchers'), width: fitWidth([widestWhole(3)], t('receivables.accounting.col.vouchers')), type: 'rightAligned', cellClass: 'num' },
      { field: 'state', headerName: t('receivables.accounting.col.state'), width: fitWidth(BATCH_STATES.map((k) => k[lang]), t('receivables.accounting.col.state')), valueFormatter: (p: ValueFormatterParams<AccountingBatch, BatchState>) => label(BATCH_STATES, p.value ?? undefined, lang), cellClass: (p) => `batch-state-${String(p.value)}` },
      { field: 'postedAt', headerName: t('receivables.accounting.col.postedAt'), width: fitWidth(['28.08.2088 18:88'], t('receivables.accounting.col.postedAt')), cellClass: 'num', valueFormatter: (p: ValueFormatterParams<AccountingBatch, string | null>) => formatDateTime(p.value) },
    ],
    [t, lang],
  );
  const localeText = useMemo(() => ({ ...gridLocaleText(lang), noRowsToShow: t('receivables.accounting.batches.none') }), [lang, t]);
  const postable = selected.filter((b) => b.state === 'unposted');

  const post = async () => {
    if (busy || postable.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('accounting.post', { batchIds: postable.map((b) => b.id) });
      setNotice(t('receivables.accounting.batches.posted', { count: r.posted }));
      api.current?.deselectAll();
      api.current?.refreshInfiniteCache();
      void invalidate('accounting.batches', 'accounting.trialBalance');
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };
  useHotkeys(props.active && openId === null, { 'alt+b': () => void post() });

  return (
    <div className="batches-view list-screen" data-testid="batches-view">
      <div className="toolbar sub">
        <StatusTabs<BatchState | 'all'>
          tabs={[
            ...BATCH_STATES.map((s) => ({ id: s.key, label: s[lang], count: counts[s.key] })),
            { id: 'all' as const, label: t('receivables.accounting.batches.all'), count: counts.all },
          ]}
          selected={state ?? 'all'}
          onSelect={(id) => setState(id === 'all' || id === null ? null : id)}
          onDown={() => focusListRow(api.current, 'date')}
          ariaLabel={t('receivables.accounting.batches.tabs')}
          testId="batch-tabs"
          tabTestId="batch-tab"
        />
        <div className="toolbar-spacer" />
        <button type="button" className="primary" data-testid="batches-post" disabled={postable.length === 0 || busy} onClick={() => void post()}>
          {t('receivables.accounting.batches.post', { count: postable.length })} <Shortcut keys="Alt+B" />
        </button>
      </div>
      <Banner error={error} testId="batches-error" />
      <Notice text={notice} testId="batches-notice" />
      <div className="grid-host" data-testid="batch-grid">
        <AgGridReact<AccountingBatch>
          key={lang}
          theme={gridTheme}
          localeText={localeText}
          rowModelType="infinite"
          alwaysShowVerticalScroll
          datasource={datasource}
          cacheBlockSize={BLOCK}
          maxBlocksInCache={10}
          columnDefs={columnDefs}
          defaultColDef={{ sortable: false, resizable: true, suppressHeaderMenuButton: true, suppressKeyboardEvent: shiftSpace }}
          getRowId={rowId}
          rowSelection={ROW_SELECTION}
          selectionColumnDef={SELECTION_COLUMN}
          onGridReady={(e) => {
            api.current = e.api;
          }}
          onModelUpdated={(e) => growTextColumns(e.api)}
          onSelectionChanged={(e: SelectionChangedEvent<AccountingBatch>) => setSelected(e.api.getSelectedRows())}
          onRowDoubleClicked={(e: RowDoubleClickedEvent<AccountingBatch>) => e.data && setOpenId(e.data.id)}
          onCellKeyDown={(e: CellKeyDownEvent<AccountingBatch>) => {
            if (!(e.event instanceof window.KeyboardEvent)) return;
            if (e.event.key === 'Enter' && e.data) setOpenId(e.data.id);
            if (e.event.key === ' ' && e.event.shiftKey && e.node.data) {
              e.event.preventDefault();
              e.node.setSelected(!e.node.isSelected());
            }
          }}
        />
      </div>
      {openId !== null ? <BatchDialog id={openId} onClose={() => setOpenId(null)} /> : null}
    </div>
  );
}

function BatchDialog(props: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const batch = useChannel('accounting.batch', { id: props.id }, { staleTime: 0 });
  const b = batch.data?.batch;
  return (
    <Dialog title={b ? b.reference : t('app.loading')} testId="batch-dialog" wide cancelLabel={t('app.close')} onCancel={props.onClose}>
      {batch.isError ? <Banner error={refusalOf(batch.error, () => null).general} testId="batch-error" /> : null}
      {b ? (
        <p className="muted" data-testid="batch-facts">
          {label(BATCH_KINDS, b.kind, lang)} · {formatDate(b.date)} · {label(BATCH_STATES, b.state, lang)} · {t('receivables.accounting.batches.sums', { debit: formatAmount(b.debitOre), credit: formatAmount(b.creditOre) })}
        </p>
      ) : null}
      <div className="dialog-scroll">
        {(batch.data?.vouchers ?? []).map((v) => (
          <table key={v.id} className="dialog-grid voucher" data-testid={`voucher-${v.number}`}>
            <caption>
              {t('receivables.accounting.voucher', { number: v.number })} · {formatDate(v.date)} · {v.description}
            </caption>
            <thead>
              <tr>
                <th>{t('receivables.accounting.col.account')}</th>
                <th>{t('receivables.accounting.col.accountName')}</th>
                <th>{t('receivables.accounting.col.text')}</th>
                <th>{t('receivables.accounting.col.taxCode')}</th>
                <th className="num">{t('receivables.accounting.col.debit')}</th>
                <th className="num">{t('receivables.accounting.col.credit')}</th>
              </tr>
            </thead>
            <tbody>
              {v.lines.map((l, i) => (
                <tr key={i}>
                  <td className="num">{l.account}</td>
                  <td className="text">{l.accountName}</td>
                  <td className="text">{l.description}</td>
                  <td className="num">{l.taxCode ?? ''}</td>
                  <td className="num">{l.debitOre ? formatAmount(l.debitOre) : ''}</td>
                  <td className="num">{l.creditOre ? formatAmount(l.creditOre) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Dialog>
  );
}
