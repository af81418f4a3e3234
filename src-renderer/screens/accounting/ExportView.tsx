// The export for the accountant: a period (the year so far at first) as SAF-T
// Financial XML or as CSV, saved as a file; the engine marks the batches
// exported and says how many are new since the last export of the period. And
// the trial balance of a period's posted and exported vouchers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountingExport } from '../../../shared/channels/accounting';
import { formatAmount, formatDate, formatDateTime, parseDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { saveTextFile } from '../../api/saveFile';
import { useHotkeys } from '../../app/hotkeys';
import { Banner, FormScopeProvider, Notice, RadioField, TextField } from '../../components/fields';
import { refusalOf, useRefusal } from '../../components/refusal';
import { Shortcut } from '../../components/Shortcut';
import { bilingual, type BilingualText } from '../../i18n';
import { todayIso } from '../invoices/labels';

/** From the first of January to today, as typed dates. */
function usePeriod() {
  const today = todayIso();
  const [from, setFrom] = useState(formatDate(`${today.slice(0, 4)}-01-01`));
  const [to, setTo] = useState(formatDate(today));
  return { from, to, setFrom, setTo, fromIso: parseDate(from), toIso: parseDate(to) };
}

function PeriodFields(props: { period: ReturnType<typeof usePeriod> }) {
  const { t } = useTranslation();
  const p = props.period;
  return (
    <>
      <TextField name="from" label={t('receivables.accounting.period.from')} value={p.from} numeric placeholder={t('common.datePlaceholder')} onChange={p.setFrom} />
      <TextField name="to" label={t('receivables.accounting.period.to')} value={p.to} numeric placeholder={t('common.datePlaceholder')} onChange={p.setTo} />
    </>
  );
}

export function ExportView(props: { active: boolean }) {
  const { t } = useTranslation();
  const period = usePeriod();
  const [format, setFormat] = useState<'saft' | 'csv'>('saft');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<AccountingExport | null>(null);
  const { refusal, setRefusal, setFields } = useRefusal();
  const exports = useChannel('accounting.exports', {}, { staleTime: 0 });

  const run = async () => {
    if (busy) return;
    const local: Record<string, BilingualText> = {};
    if (!period.fromIso) local.from = bilingual('common.invalidDate');
    if (!period.toIso) local.to = bilingual('common.invalidDate');
    if (!period.fromIso || !period.toIso) return setFields(local);
    setBusy(true);
    setDone(null);
    try {
      const r = await invoke('accounting.export', { from: period.fromIso, to: period.toIso, format });
      saveTextFile(r.content, r.fileName, r.format === 'saft' ? 'application/xml' : 'text/csv');
      setDone(r);
      setRefusal({ fields: {}, general: null });
      void invalidate('accounting.batches', 'accounting.exports', 'accounting.trialBalance');
    } catch (e) {
      setRefusal(refusalOf(e, (p) => (p === 'from' || p === 'to' ? p : null)));
    } finally {
      setBusy(false);
    }
  };
  useHotkeys(props.active, { 'ctrl+e': () => void run() });

  return (
    <div className="screen-body scroll" data-testid="export-view">
      <section className="panel">
        <h2>{t('receivables.accounting.export.title')}</h2>
        <p className="muted">{t('receivables.accounting.export.lead')}</p>
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <Banner error={refusal.general} title={t('receivables.accounting.export.failed')} testId="export-error" />
          <FormScopeProvider prefix="export" errors={refusal.fields}>
            <div className="form-grid cols-4">
              <PeriodFields period={period} />
              <RadioField
                name="format"
                span={2}
                label={t('receivables.accounting.export.format')}
                value={format}
                onChange={(x) => setFormat(x === 'csv' ? 'csv' : 'saft')}
                options={[
                  { value: 'saft', label: t('receivables.accounting.export.saft') },
                  { value: 'csv', label: t('receivables.accounting.export.csv') },
                ]}
              />
            </div>
          </FormScopeProvider>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy} data-testid="export-run">
              {t('receivables.accounting.export.run')} <Shortcut keys="Ctrl+E" />
            </button>
            <Notice
              testId="export-notice"
              text={
                done
                  ? t('receivables.accounting.export.done', {
                      file: done.fileName,
                      batches: done.batchCount,
                      vouchers: done.voucherCount,
                      newCount: done.newBatchCount,
                      earlier: done.earlierExportedCount,
                    })
                  : null
              }
            />
          </div>
        </form>
      </section>
      <section className="panel">
        <h2>{t('receivables.accounting.export.earlier')}</h2>
        {exports.data && exports.data.length === 0 ? <p className="muted">{t('receivables.accounting.export.noneYet')}</p> : null}
        {exports.data?.length ? (
          <table className="side-grid" data-testid="exports-rows">
            <thead>
              <tr>
                <th>{t('receivables.accounting.export.when')}</th>
                <th>{t('receivables.accounting.export.format')}</th>
                <th>{t('receivables.accounting.period.from')}</th>
                <th>{t('receivables.accounting.period.to')}</th>
                <th className="num">{t('receivables.accounting.export.batches')}</th>
                <th className="num">{t('receivables.accounting.export.newBatches')}</th>
              </tr>
            </thead>
            <tbody>
              {exports.data.map((x) => (
                <tr key={x.id}>
                  <td className="num">{formatDateTime(x.createdAt)}</td>
                  <td>{x.format === 'saft' ? 'SAF-T' : 'CSV'}</td>
                  <td className="num">{formatDate(x.from)}</td>
                  <td className="num">{formatDate(x.to)}</td>
                  <td className="num">{x.batchCount}</td>
                  <td className="num">{x.newBatchCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

export function TrialBalanceView() {
  const { t } = useTranslation();
  const period = usePeriod();
  const valid = Boolean(period.fromIso && period.toIso);
  const trial = useChannel('accounting.trialBalance', { from: period.fromIso ?? '2000-01-01', to: period.toIso ?? '2000-01-01' }, { enabled: valid, keepPrevious: true });
  const error: BilingualText | null = trial.isError ? refusalOf(trial.error, () => null).general : null;
  const rows = trial.data?.rows ?? [];
  return (
    <div className="screen-body scroll" data-testid="trial-view">
      <section className="panel">
        <h2>{t('receivables.accounting.trial.title')}</h2>
        <FormScopeProvider prefix="trial" errors={valid ? {} : { [period.fromIso ? 'to' : 'from']: bilingual('common.invalidDate') }}>
          <div className="form-grid cols-4">
            <PeriodFields period={period} />
          </div>
        </FormScopeProvider>
        <Banner error={error} testId="trial-error" />
        <table className="side-grid trial-table" data-testid="trial-rows">
          <thead>
            <tr>
              <th>{t('receivables.accounting.col.account')}</th>
              <th>{t('receivables.accounting.col.accountName')}</th>
              <th className="num">{t('receivables.accounting.col.debit')}</th>
              <th className="num">{t('receivables.accounting.col.credit')}</th>
              <th className="num">{t('receivables.accounting.col.balance')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.account}>
                <td className="num">{r.account}</td>
                <td className="text">{r.accountName}</td>
                <td className="num">{formatAmount(r.debitOre)}</td>
                <td className="num">{formatAmount(r.creditOre)}</td>
                <td className="num">{formatAmount(r.balanceOre)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total">
              <th scope="row" colSpan={4}>
                {t('receivables.accounting.trial.sum')}
              </th>
              <td className={`num strong ${trial.data && trial.data.totalOre !== 0 ? 'refused-text' : ''}`} data-testid="trial-total">
                {trial.data ? formatAmount(trial.data.totalOre) : ''}
              </td>
            </tr>
          </tfoot>
        </table>
        {trial.data && rows.length === 0 ? <p className="muted">{t('receivables.accounting.trial.empty')}</p> : null}
      </section>
    </div>
  );
}
