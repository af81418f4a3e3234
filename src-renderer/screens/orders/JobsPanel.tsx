// The order's jobs (SPEC 4, issue 12): date, employee, duration and state; start,
// complete, change one not started. Repeating jobs with what they repeat on, "Lag
// neste jobber" and "Avslutt gjentakelse". Starting a job sets an order in
// processing to Job started; when every job is completed it goes to Job completed
// (the engine does it; the order is reloaded).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job, JobSchedule } from '../../../shared/channels/jobs';
import type { Order, OrderView } from '../../../shared/channels/orders';
import { formatDate, formatDateTime, parseDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { invalidate, useBootstrap, useChannel } from '../../api/queries';
import { Banner, Notice } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { JobForm } from './JobForm';
import { describeRepeat, durationText } from './jobLabels';

export function JobsPanel(props: { order: Order; onOrder: (order: OrderView) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const today = useBootstrap().data?.today ?? null;
  const list = useChannel('jobs.list', { orderId: props.order.id }, { staleTime: 0 });
  const [error, setError] = useState<BilingualText | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Job | null>(null);
  const jobs = list.data?.jobs ?? [];
  const schedules = list.data?.schedules ?? [];

  const act = async (call: () => Promise<unknown>): Promise<unknown> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const result = await call();
      if (result && typeof result === 'object' && 'lines' in result) props.onOrder(result as OrderView);
      await invalidate('jobs.list', 'activity.list', 'orders.statusCounts');
      return result;
    } catch (e) {
      setError(refusalOf(e, () => null).general);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const generate = async () => {
    const r = (await act(() => invoke('jobs.generate', { orderId: props.order.id }))) as { made: number } | null;
    if (!r) return;
    const through = schedules.map((s) => s.generatedThrough).sort().at(-1);
    setNotice(r.made > 0 ? t('jobs2.generated', { count: r.made }) : through ? t('jobs2.generatedNone', { date: formatDate(through) }) : t('jobs2.generatedNoneOpen'));
  };

  return (
    <div className="side-section jobs-panel" data-testid="jobs-panel">
      <Banner error={error ?? (list.isError ? refusalOf(list.error, () => null).general : null)} testId="jobs-error" />
      {notice ? <Notice text={notice} testId="jobs-notice" /> : null}
      {schedules.length > 0 ? (
        <section className="job-schedules" data-testid="job-schedules">
          <h4>{t('jobs2.repeating')}</h4>
          {schedules.map((s, i) => (
            <ScheduleRow key={s.id} schedule={s} index={i} today={today} busy={busy} onEnd={(endDate) => act(() => invoke('jobs.endSchedule', { scheduleId: s.id, endDate }))} onNotice={setNotice} onError={setError} />
          ))}
          <button type="button" className="small" disabled={busy} data-testid="jobs-generate" onClick={() => void generate()}>
            {t('jobs2.generate')}
          </button>
        </section>
      ) : null}
      {jobs.length === 0 ? <p className="muted">{t('jobs.none')}</p> : null}
      <ul className="job-list" data-testid="job-list">
        {jobs.map((j, i) => (
          <li key={j.id} data-testid={`job-${i}`} className={editing?.id === j.id ? 'editing' : undefined}>
            <div className="job-row">
              <span className="job-date" data-testid={`job-${i}-date`}>
                {j.plannedDate ? formatDate(j.plannedDate) : '–'}
              </span>
              <span className="job-who" data-testid={`job-${i}-employee`} title={j.employeeName ?? undefined}>
                {j.employeeInitials ?? ''}
              </span>
              <span className="job-title">
                <strong>{j.title}</strong>
              </span>
              <span className="job-duration" data-testid={`job-${i}-duration`}>
                {durationText(j.durationMinutes, lang) ?? ''}
              </span>
              <span className={`pill ${j.completedAt ? 'ok' : j.startedAt ? 'warn' : ''}`} data-testid={`job-${i}-state`}>
                {j.completedAt ? t('jobs.completed') : j.startedAt ? t('jobs.started') : t('jobs.planned')}
              </span>
            </div>
            <div className="job-actions">
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
              {!j.startedAt ? (
                <button type="button" className="small link" disabled={busy} data-testid={`job-${i}-edit`} onClick={() => setEditing(j)}>
                  {t('jobs2.edit')}
                </button>
              ) : null}
              <span className="muted small job-meta">
                {[
                  j.scheduleId ? t('jobs2.repeatMark') : null,
                  j.employeeText ? t('jobs2.fromBefore', { text: j.employeeText }) : null,
                  j.startedAt ? t('jobs.startedAt', { at: formatDateTime(j.startedAt) }) : null,
                  j.completedAt ? t('jobs.completedAt', { at: formatDateTime(j.completedAt) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </div>
          </li>
        ))}
      </ul>
      <JobForm
        orderId={props.order.id}
        editing={editing}
        onDone={(n) => {
          setEditing(null);
          setNotice(n);
        }}
        onCancelEdit={() => setEditing(null)}
      />
    </div>
  );
}

function ScheduleRow(props: {
  schedule: JobSchedule;
  index: number;
  today: string | null;
  busy: boolean;
  onEnd: (endDate: string) => Promise<unknown>;
  onNotice: (text: string | null) => void;
  onError: (error: BilingualText | null) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const s = props.schedule;
  const [ending, setEnding] = useState(false);
  const [endDate, setEndDate] = useState('');
  const id = `schedule-${props.index}`;

  const end = async () => {
    const date = parseDate(endDate);
    if (!date) return props.onError(bilingual('common.invalidDate'));
    const r = (await props.onEnd(date)) as { removed: number } | null;
    if (!r) return;
    setEnding(false);
    props.onNotice(r.removed > 0 ? t('jobs2.ended', { count: r.removed }) : t('jobs2.endedNone'));
  };

  return (
    <div className="job-schedule" data-testid={id}>
      <div>
        <strong>{s.title}</strong> <span data-testid={`${id}-repeat`}>{describeRepeat(s.repeat, t)}</span>
      </div>
      <div className="muted small">
        {[
          t('jobs2.from', { date: formatDate(s.startDate) }),
          s.employeeInitials ?? t('jobs2.unassigned'),
          durationText(s.durationMinutes, lang),
          s.endDate ? t('jobs2.endedOn', { date: formatDate(s.endDate) }) : t('jobs2.madeThrough', { date: formatDate(s.generatedThrough) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      {ending ? (
        <form
          className="job-end"
          onSubmit={(e) => {
            e.preventDefault();
            void end();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setEnding(false);
            }
          }}
        >
          <label htmlFor={`${id}-end-date`}>{t('jobs2.endDate')}</label>
          <input id={`${id}-end-date`} autoFocus data-testid={`${id}-end-date`} placeholder={t('common.datePlaceholder')} value={endDate} onChange={(e) => setEndDate(e.target.value)} />
          <button type="submit" className="small primary" disabled={props.busy} data-testid={`${id}-end-confirm`}>
            {t('jobs2.endConfirm')}
          </button>
          <button type="button" className="small" onClick={() => setEnding(false)}>
            {t('jobs2.cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="small link"
          disabled={props.busy}
          data-testid={`${id}-end`}
          onClick={() => {
            setEndDate(formatDate(s.endDate ?? props.today ?? s.startDate));
            setEnding(true);
          }}
        >
          {t('jobs2.end')}
        </button>
      )}
    </div>
  );
}
