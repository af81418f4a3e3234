// Reminders from the overdue list (SPEC 11), as batch printing works: the
// customers with overdue invoices and what a reminder today would list and
// charge (or why no fee), all chosen at first; Space chooses or leaves a
// customer. Sending issues one reminder PDF per customer (orders to Purret,
// archived, logged); then the PDFs together as one, to print or save.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderBatch } from '../../../shared/channels/receivables';
import { formatAmount, formatDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { canPrintDirectly, printPdf, savePdf } from '../../api/pdf';
import { invalidate, useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { todayIso } from './labels';

export function RemindersDialog(props: { onClose: () => void; onSent: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const candidates = useChannel('reminders.candidates', {}, { staleTime: 0 });
  const rows = candidates.data ?? [];
  const [left, setLeft] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<BilingualText | null>(null);
  const [batch, setBatch] = useState<ReminderBatch | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = rows.filter((r) => !left.has(r.customerId));
  const toggle = (id: number) => setLeft((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  const send = async () => {
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await invoke('reminders.send', { customerIds: chosen.map((r) => r.customerId), language: lang });
      setBatch(result);
      void invalidate('documents.list', 'activity.list', 'reminders.list');
      props.onSent();
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  /** The reminders as one PDF: to the printer or the browser's viewer, or saved as a file. */
  const combined = async (how: 'print' | 'save') => {
    if (!batch || batch.documentIds.length === 0) return;
    setError(null);
    try {
      const pdf = await invoke('documents.combine', { documentIds: [...batch.documentIds] });
      const outcome = how === 'print' ? await printPdf(pdf.pdfBase64, null) : await savePdf(pdf.pdfBase64, t('receivables.reminders.fileName', { date: todayIso() }));
      if (outcome.ok) setNotice(t('receivables.reminders.pdfDone', { count: pdf.documentCount, pages: pdf.pageCount, how: t(`receivables.how.${outcome.how}`) }));
      else if (outcome.blocked) setError(bilingual('documents.popupBlocked'));
      else if (outcome.error) setError(outcome.error.message);
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    }
  };

  if (batch) {
    return (
      <Dialog
        key="sent"
        title={t('receivables.reminders.sentTitle')}
        testId="reminders-sent"
        wide
        cancelLabel={t('app.close')}
        onCancel={props.onClose}
        onSubmit={() => void combined('print')}
        submitLabel={canPrintDirectly() ? t('receivables.reminders.print') : t('receivables.reminders.open')}
        extraButtons={
          <button type="button" data-testid="reminders-save" disabled={batch.documentIds.length === 0} onClick={() => void combined('save')}>
            {t('receivables.reminders.save')}
          </button>
        }
      >
        <Banner error={error} testId="reminders-error" />
        <Notice text={notice} testId="reminders-notice" />
        <p data-testid="reminders-summary">{t('receivables.reminders.sentSummary', { count: batch.reminders.length })}</p>
        <div className="dialog-scroll">
          <table className="dialog-grid" data-testid="reminders-sent-rows">
            <thead>
              <tr>
                <th>{t('receivables.col.customer')}</th>
                <th>{t('receivables.reminders.invoices')}</th>
                <th>{t('receivables.detail.payBy')}</th>
                <th className="num">{t('receivables.detail.fee')}</th>
              </tr>
            </thead>
            <tbody>
              {batch.reminders.map((r, i) => (
                <tr key={r.id} data-testid={`reminders-sent-${i}`}>
                  <td className="text">{r.customerName}</td>
                  <td className="text">{r.invoices.map((x) => `${x.number} (${t('receivables.reminders.levelShort', { level: x.level })})`).join(', ')}</td>
                  <td className="num">{formatDate(r.payBy)}</td>
                  <td className="num">{formatAmount(r.feeOre)}</td>
                </tr>
              ))}
              {batch.skipped.map((s) => (
                <tr key={`skip-${s.customerId}`}>
                  <td className="text">{rows.find((r) => r.customerId === s.customerId)?.customerName ?? s.customerId}</td>
                  <td className="text refused-text" colSpan={3}>
                    {lang === 'nb' ? s.reasonNb : s.reasonEn}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Dialog>
    );
  }

  const feeTotal = chosen.reduce((s, r) => s + r.feeOre, 0);
  return (
    <Dialog
      title={t('receivables.reminders.title')}
      testId="reminders-dialog"
      wide
      busy={busy || chosen.length === 0}
      submitLabel={t('receivables.reminders.send', { count: chosen.length })}
      cancelLabel={t('common.cancel')}
      onCancel={props.onClose}
      onSubmit={() => void send()}
    >
      <Banner error={candidates.isError ? refusalOf(candidates.error, () => null).general : error} testId="reminders-error" />
      {rows.length === 0 ? (
        <p className="muted" data-testid="reminders-none">{candidates.isLoading ? t('app.loading') : t('receivables.reminders.noneOverdue')}</p>
      ) : (
        <>
          <p data-testid="reminders-what">
            {t('receivables.reminders.what', { count: chosen.length, total: rows.length, fees: formatAmount(feeTotal) })}
          </p>
          <div className="dialog-scroll">
            <table className="dialog-grid reminders-table" data-testid="reminders-rows">
              <thead>
                <tr>
                  <th />
                  <th>{t('receivables.col.customer')}</th>
                  <th className="num">{t('receivables.col.number')}</th>
                  <th>{t('receivables.col.dueDate')}</th>
                  <th className="num">{t('receivables.col.daysOverdue')}</th>
                  <th className="num">{t('receivables.col.outstanding')}</th>
                  <th className="num">{t('receivables.reminders.level')}</th>
                  <th className="num">{t('receivables.detail.fee')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c, ci) =>
                  c.invoices.map((inv, i) => (
                    <tr key={`${c.customerId}-${inv.invoiceId}`} className={i === 0 ? 'group-first' : ''} data-testid={i === 0 ? `reminders-row-${ci}` : undefined}>
                      {i === 0 ? (
                        <>
                          <td rowSpan={c.invoices.length}>
                            <input
                              type="checkbox"
                              checked={!left.has(c.customerId)}
                              aria-label={c.customerName}
                              data-testid={`reminders-row-${ci}-check`}
                              onChange={() => toggle(c.customerId)}
                              onKeyDown={(e) => {
                                // Enter sends (the dialog's own key), not toggles.
                                if (e.key === 'Enter') e.stopPropagation();
                              }}
                            />
                          </td>
                          <td rowSpan={c.invoices.length} className="text strong">
                            {c.customerName} <span className="muted">({c.customerNumber})</span>
                            {c.lastReminderOn ? <div className="muted small">{t('receivables.reminders.last', { date: formatDate(c.lastReminderOn) })}</div> : null}
                          </td>
                        </>
                      ) : null}
                      <td className="num">{inv.number}</td>
                      <td className="num">{formatDate(inv.dueDate)}</td>
                      <td className="num">{inv.daysOverdue}</td>
                      <td className="num">{formatAmount(inv.outstandingOre)}</td>
                      <td className="num">{inv.level}</td>
                      <td className="num" title={(lang === 'nb' ? inv.noFeeReasonNb : inv.noFeeReasonEn) ?? undefined}>
                        {inv.feeOre ? formatAmount(inv.feeOre) : <span className="muted small">{(lang === 'nb' ? inv.noFeeReasonNb : inv.noFeeReasonEn) ?? '0,00'}</span>}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          <p className="muted small">{t('receivables.reminders.hint')}</p>
        </>
      )}
    </Dialog>
  );
}
