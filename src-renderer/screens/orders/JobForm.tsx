// Adding or changing a job: what, who (an employee), when, how long, and
// whether it repeats (Gjentas: ikke / hver N. dag / ukentlig på dager / månedlig
// på dag). A repeating job starts at its date; the engine makes its jobs.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Job, JobRepeat } from '../../../shared/channels/jobs';
import { formatDate, parseDate, parseDuration } from '../../../shared/format';
import { MAX_JOB_MINUTES } from '../../../shared/channels/jobs';
import { invoke } from '../../api/client';
import { invalidate } from '../../api/queries';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual, useLanguage, type BilingualText } from '../../i18n';
import { JobAssigneeField, type Assignee } from './JobAssigneeField';
import { durationText } from './jobLabels';

type RepeatChoice = 'none' | JobRepeat['kind'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Fields {
  title: string;
  assignee: Assignee;
  date: string;
  duration: string;
  repeat: RepeatChoice;
  everyDays: string;
  weekdays: readonly number[];
  monthDay: string;
}

const EMPTY: Fields = { title: '', assignee: { text: '', employeeId: null }, date: '', duration: '', repeat: 'none', everyDays: '14', weekdays: [], monthDay: '1' };

function fieldsOf(job: Job, lang: 'nb' | 'en'): Fields {
  return {
    ...EMPTY,
    title: job.title,
    assignee: job.employeeId === null ? { text: '', employeeId: null } : { text: `${job.employeeInitials ?? ''} – ${job.employeeName ?? ''}`, employeeId: job.employeeId },
    date: formatDate(job.plannedDate),
    duration: durationText(job.durationMinutes, lang)?.replace(/\u00a0/g, ' ') ?? '',
  };
}

/** The repeat as the engine takes it, or the message saying what is wrong. */
function repeatOf(f: Fields): JobRepeat | BilingualText | null {
  switch (f.repeat) {
    case 'none':
      return null;
    case 'days': {
      const n = Number(f.everyDays.trim());
      return Number.isInteger(n) && n >= 1 && n <= 366 ? { kind: 'days', everyDays: n } : bilingual('jobs2.invalidEveryDays');
    }
    case 'weekly':
      return f.weekdays.length > 0 ? { kind: 'weekly', weekdays: [...f.weekdays] } : bilingual('jobs2.noWeekdays');
    case 'monthly': {
      const n = Number(f.monthDay.trim());
      return Number.isInteger(n) && n >= 1 && n <= 31 ? { kind: 'monthly', monthDay: n } : bilingual('jobs2.invalidMonthDay');
    }
  }
}

export function JobForm(props: {
  readonly orderId: number;
  /** The job being changed (not started), or null to add one. */
  readonly editing: Job | null;
  readonly onDone: (notice: string | null) => void;
  readonly onCancelEdit: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [f, setF] = useState<Fields>(EMPTY);
  const [error, setError] = useState<BilingualText | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Fields>) => setF((old) => ({ ...old, ...patch }));

  useEffect(() => {
    setF(props.editing ? fieldsOf(props.editing, lang) : EMPTY);
    setError(null);
    if (props.editing) titleRef.current?.focus();
    // Loaded when another job is chosen for change, not as the language changes.
  }, [props.editing?.id]);

  const submit = async () => {
    if (!f.title.trim()) return setError(bilingual('jobs.titleRequired'));
    if (f.assignee.text.trim() && f.assignee.employeeId === null) return setError(bilingual('jobs2.noEmployee', { query: f.assignee.text.trim() }));
    const date = f.date.trim() ? parseDate(f.date) : null;
    if (f.date.trim() && !date) return setError(bilingual('common.invalidDate'));
    const minutes = f.duration.trim() ? parseDuration(f.duration) : null;
    if (f.duration.trim() && (minutes === null || minutes > MAX_JOB_MINUTES)) return setError(bilingual('jobs2.invalidDuration'));
    const repeat = props.editing ? null : repeatOf(f);
    if (repeat && !('kind' in repeat)) return setError(repeat);
    if (repeat && !date) return setError(bilingual('jobs2.dateRequired'));
    setBusy(true);
    setError(null);
    try {
      const work = { title: f.title.trim(), employeeId: f.assignee.employeeId, durationMinutes: minutes };
      let notice: string | null = null;
      if (props.editing) await invoke('jobs.update', { jobId: props.editing.id, ...work, plannedDate: date });
      else if (repeat) {
        const made = await invoke('jobs.addRepeating', { orderId: props.orderId, ...work, startDate: date!, repeat });
        notice = t('jobs2.generated', { count: made.jobs.length });
      } else await invoke('jobs.add', { orderId: props.orderId, ...work, plannedDate: date });
      await invalidate('jobs.list', 'activity.list');
      setF(EMPTY);
      props.onDone(notice);
      titleRef.current?.focus();
    } catch (e) {
      setError(refusalOf(e, () => null).general);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="job-form2"
      data-testid="job-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {props.editing ? <div className="job-form-title">{t('jobs2.editing', { title: props.editing.title })}</div> : null}
      <Banner error={error} testId="job-form-error" />
      <label className="job-field span-2">
        <span>{t('jobs.title')}</span>
        <input ref={titleRef} data-testid="job-title" value={f.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label className="job-field span-2" htmlFor="job-employee">
        <span>{t('jobs2.assignee')}</span>
        <JobAssigneeField
          id="job-employee"
          value={f.assignee}
          onChange={(assignee) => set({ assignee })}
          onNotFound={(query) => setError(bilingual('jobs2.noEmployee', { query }))}
          onAdvance={() => dateRef.current?.focus()}
        />
      </label>
      <label className="job-field">
        <span>{f.repeat === 'none' || props.editing ? t('jobs2.date') : t('jobs2.firstDate')}</span>
        <input ref={dateRef} data-testid="job-planned" placeholder={t('common.datePlaceholder')} value={f.date} onChange={(e) => set({ date: e.target.value })} />
      </label>
      <label className="job-field">
        <span>{t('jobs2.duration')}</span>
        <input data-testid="job-duration" placeholder={t('jobs2.durationPlaceholder')} value={f.duration} onChange={(e) => set({ duration: e.target.value })} />
      </label>
      {props.editing ? null : (
        <>
          <label className="job-field span-2">
            <span>{t('jobs2.repeat')}</span>
            <select data-testid="job-repeat" value={f.repeat} onChange={(e) => set({ repeat: e.target.value as RepeatChoice })}>
              <option value="none">{t('jobs2.repeatNone')}</option>
              <option value="days">{t('jobs2.repeatDays')}</option>
              <option value="weekly">{t('jobs2.repeatWeekly')}</option>
              <option value="monthly">{t('jobs2.repeatMonthly')}</option>
            </select>
          </label>
          {f.repeat === 'days' ? (
            <label className="job-field span-2">
              <span>{t('jobs2.everyDays')}</span>
              <input data-testid="job-every-days" inputMode="numeric" className="num short" value={f.everyDays} onChange={(e) => set({ everyDays: e.target.value })} />
            </label>
          ) : null}
          {f.repeat === 'weekly' ? (
            <fieldset className="job-field span-2 job-weekdays" data-testid="job-weekdays">
              <legend>{t('jobs2.weekdays')}</legend>
              {WEEKDAYS.map((d) => (
                <label key={d} className="job-weekday">
                  <input
                    type="checkbox"
                    data-testid={`job-weekday-${d}`}
                    checked={f.weekdays.includes(d)}
                    onChange={(e) => set({ weekdays: e.target.checked ? [...f.weekdays, d].sort() : f.weekdays.filter((x) => x !== d) })}
                  />
                  <span>{t(`jobs2.weekdayShort.${d}`)}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {f.repeat === 'monthly' ? (
            <label className="job-field span-2">
              <span>{t('jobs2.monthDay')}</span>
              <input data-testid="job-month-day" inputMode="numeric" className="num short" value={f.monthDay} onChange={(e) => set({ monthDay: e.target.value })} />
              <small className="muted">{t('jobs2.monthDayHint')}</small>
            </label>
          ) : null}
        </>
      )}
      <div className="job-form-actions span-2">
        <button type="submit" className="small primary" disabled={busy} data-testid="job-add">
          {props.editing ? t('jobs2.save') : f.repeat === 'none' ? `+ ${t('jobs.add')}` : `+ ${t('jobs2.addRepeating')}`}
        </button>
        {props.editing ? (
          <button type="button" className="small" data-testid="job-cancel-edit" onClick={props.onCancelEdit}>
            {t('jobs2.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
