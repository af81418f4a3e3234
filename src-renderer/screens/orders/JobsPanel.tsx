// The order's jobs (SPEC 4): title, who, planned date, repeat; start and
// complete. Starting a job sets an order in processing to Job started; when every
// job is completed it goes to Job completed (the engine does it; the order is reloaded).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Order, OrderView } from '../../../shared/channels/orders';
import { formatDate, formatDateTime, parseDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useChannel } from '../../api/queries';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, type BilingualText } from '../../i18n';

export function JobsPanel(props: { order: Order; onOrder: (order: OrderView) => void }) {
  const { t } = useTranslation();
  const jobs = useChannel('jobs.list', { orderId: props.order.id }, { staleTime: 0 });
  const [title, setTitle] = useState('');
  const [employee, setEmployee] = useState('');
  const [planned, setPlanned] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<BilingualText | null>(null);
  const [busy, setBusy] = useState(false);

  const act = async (call: () => Promise<OrderView | unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const result = await call();
      if (result && typeof result === 'object' && 'lines' in result) props.onOrder(result as OrderView);
      await invalidate('jobs.list', 'activity.list', 'orders.statusCounts');
      return true;
    } catch (e) {
      setError(refusalOf(e, () => null).general);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async () => {
    if (!title.trim()) return setError(bilingual('jobs.titleRequired'));
    const plannedDate = planned.trim() ? parseDate(planned) : null;
    if (planned.trim() && !plannedDate) return setError(bilingual('common.invalidDate'));
    const days = repeat.trim() ? Number(repeat.trim()) : null;
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > 366)) return setError(bilingual('jobs.invalidRepeat'));
    const ok = await act(() =>
      invoke('jobs.add', { orderId: props.order.id, title: title.trim(), employee: employee.trim() || null, plannedDate, repeatIntervalDays: days }),
    );
    if (ok) {
      setTitle('');
      setEmployee('');
      setPlanned('');
      setRepeat('');
    }
  };

  return (
    <div className="side-section" data-testid="jobs-panel">
      <Banner error={error ?? (jobs.isError ? refusalOf(jobs.error, () => null).general : null)} testId="jobs-error" />
      {(jobs.data ?? []).length === 0 ? <p className="muted">{t('jobs.none')}</p> : null}
      <ul className="job-list">
        {(jobs.data ?? []).map((j, i) => (
          <li key={j.id} data-testid={`job-${i}`}>
            <div className="job-head">
              <strong>{j.title}</strong>
              <span className={`pill ${j.completedAt ? 'ok' : j.startedAt ? 'warn' : ''}`} data-testid={`job-${i}-state`}>
                {j.completedAt ? t('jobs.completed') : j.startedAt ? t('jobs.started') : t('jobs.planned')}
              </span>
            </div>
            <div className="muted small">
              {[
                j.employee,
                j.plannedDate ? t('jobs.plannedFor', { date: formatDate(j.plannedDate) }) : null,
                j.repeatIntervalDays ? t('jobs.repeats', { days: j.repeatIntervalDays }) : null,
                j.startedAt ? t('jobs.startedAt', { at: formatDateTime(j.startedAt) }) : null,
                j.completedAt ? t('jobs.completedAt', { at: formatDateTime(j.completedAt) }) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {!j.completedAt ? (
              <button
                type="button"
                className="small"
                disabled={busy}
                data-testid={`job-${i}-${j.startedAt ? 'complete' : 'start'}`}
                onClick={() => void act(() => invoke(j.startedAt ? 'jobs.complete' : 'jobs.start', { jobId: j.id }))}
              >
                {j.startedAt ? t('jobs.complete') : t('jobs.start')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        className="job-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label={t('jobs.title')} placeholder={t('jobs.title')} data-testid="job-title" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        <input aria-label={t('jobs.employee')} placeholder={t('jobs.employee')} data-testid="job-employee" value={employee} maxLength={100} onChange={(e) => setEmployee(e.target.value)} />
        <input aria-label={t('jobs.plannedDate')} placeholder={t('common.datePlaceholder')} data-testid="job-planned" value={planned} onChange={(e) => setPlanned(e.target.value)} />
        <input aria-label={t('jobs.repeatDays')} placeholder={t('jobs.repeatDays')} data-testid="job-repeat" inputMode="numeric" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        <button type="submit" className="small" disabled={busy} data-testid="job-add">
          + {t('jobs.add')}
        </button>
      </form>
    </div>
  );
}
