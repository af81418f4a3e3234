// The order's "Oppgaver" side tab (issue 12): its tasks (title, whom, due date;
// tick done; overdue in red) and one's own reminders on it (a date and a text).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, parseDate } from '../../../shared/format';
import { invoke } from '../../api/client';
import { useAuthStatus, useChannel } from '../../api/queries';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { bilingual } from '../../i18n';
import { todayIso } from '../invoices/labels';
import { useAssignableUsers } from './people';
import { TaskRow } from './TaskRow';
import { useCollabWrite } from './useCollabWrite';

/** A typed date (dd.mm.åååå, or empty) as the engine wants it; undefined when it is not a date. */
function dateOrNull(text: string): string | null | undefined {
  if (!text.trim()) return null;
  return parseDate(text) ?? undefined;
}

export function TasksPanel(props: { orderId: number }) {
  const { t } = useTranslation();
  const auth = useAuthStatus();
  const me = auth.data?.user ?? null;
  const tasks = useChannel('tasks.list', { orderId: props.orderId }, { staleTime: 0 });
  const notes = useChannel('notes.list', { orderId: props.orderId, includeDone: true }, { staleTime: 0 });
  const people = useAssignableUsers();
  const write = useCollabWrite();

  const [title, setTitle] = useState('');
  const [assignee, setAssignee] = useState<string>('me');
  const [due, setDue] = useState('');
  const [noteDate, setNoteDate] = useState('');
  const [noteText, setNoteText] = useState('');

  const assigneeId = (): number | null => (assignee === 'me' ? (me?.id ?? null) : assignee === '' ? null : Number(assignee));

  const addTask = async () => {
    if (!title.trim()) return write.setError(bilingual('activityUi.tasks.titleRequired'));
    const dueDate = dateOrNull(due);
    if (dueDate === undefined) return write.setError(bilingual('common.invalidDate'));
    const made = await write.run(() => invoke('tasks.add', { orderId: props.orderId, title: title.trim(), assigneeUserId: assigneeId(), dueDate }));
    if (made) {
      setTitle('');
      setDue('');
    }
  };

  const addNote = async () => {
    const date = dateOrNull(noteDate);
    if (!date) return write.setError(bilingual(date === null ? 'activityUi.notes.dateRequired' : 'common.invalidDate'));
    if (!noteText.trim()) return write.setError(bilingual('activityUi.notes.textRequired'));
    const made = await write.run(() => invoke('notes.add', { orderId: props.orderId, date, text: noteText.trim() }));
    if (made) {
      setNoteDate('');
      setNoteText('');
    }
  };

  const problem = tasks.isError ? tasks.error : notes.isError ? notes.error : null;
  const others = people.filter((p) => p.id !== me?.id);
  return (
    <div className="side-section collab-panel" data-testid="tasks-panel">
      <Banner error={write.error ?? (problem ? refusalOf(problem, () => null).general : null)} testId="tasks-error" />
      <h3 className="side-head">{t('activityUi.tasks.title')}</h3>
      {(tasks.data ?? []).length === 0 ? <p className="muted">{t('activityUi.tasks.none')}</p> : null}
      <ul className="task-list">
        {(tasks.data ?? []).map((task, i) => (
          <TaskRow
            key={task.id}
            task={task}
            testId={`task-${i}`}
            busy={write.busy}
            onDone={(done) => void write.run(() => invoke('tasks.update', { id: task.id, version: task.version, done }))}
          />
        ))}
      </ul>
      <form
        className="collab-form task-form"
        onSubmit={(e) => {
          e.preventDefault();
          void addTask();
        }}
      >
        <input
          className="wide"
          aria-label={t('activityUi.tasks.newTitle')}
          placeholder={t('activityUi.tasks.newTitle')}
          data-testid="task-title"
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
        />
        <select aria-label={t('activityUi.tasks.assignee')} data-testid="task-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
          {me ? <option value="me">{t('activityUi.tasks.toMe', { name: me.name })}</option> : null}
          {others.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {p.name}
            </option>
          ))}
          <option value="">{t('activityUi.tasks.nobody')}</option>
        </select>
        <input
          aria-label={t('activityUi.tasks.dueDate')}
          placeholder={t('activityUi.tasks.duePlaceholder')}
          data-testid="task-due"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
        <button type="submit" className="small" disabled={write.busy} data-testid="task-add">
          + {t('activityUi.tasks.add')}
        </button>
      </form>

      <h3 className="side-head">{me ? t('activityUi.notes.title') : t('activityUi.notes.titleShared')}</h3>
      <p className="muted small">{me ? t('activityUi.notes.lead') : t('activityUi.notes.leadShared')}</p>
      {(notes.data ?? []).length === 0 ? <p className="muted">{t('activityUi.notes.none')}</p> : null}
      <ul className="task-list">
        {(notes.data ?? []).map((n, i) => (
          <li key={n.id} className={`task-row ${n.done ? 'done' : ''} ${n.due ? 'due' : ''}`} data-testid={`note-${i}`}>
            <input
              type="checkbox"
              checked={n.done}
              disabled={write.busy}
              aria-label={t('activityUi.notes.done')}
              data-testid={`note-${i}-done`}
              onChange={(e) => void write.run(() => invoke('notes.update', { id: n.id, version: n.version, done: e.target.checked }))}
            />
            <div className="task-body">
              <div className="task-title" data-testid={`note-${i}-text`}>
                {n.text}
              </div>
              <div className="muted small">
                <span className={n.due ? 'note-due' : ''} data-testid={`note-${i}-date`}>
                  {!n.due || n.done
                    ? formatDate(n.date)
                    : n.date === todayIso()
                      ? t('activityUi.notes.dueToday', { date: formatDate(n.date) })
                      : t('activityUi.notes.overdue', { date: formatDate(n.date) })}
                </span>
                {n.forUser && n.createdBy && n.forUser.id !== n.createdBy.id ? ` · ${t('activityUi.notes.from', { name: n.createdBy.name })}` : ''}
              </div>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="collab-form note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void addNote();
        }}
      >
        <input
          aria-label={t('activityUi.notes.date')}
          placeholder={t('common.datePlaceholder')}
          data-testid="note-date"
          value={noteDate}
          onChange={(e) => setNoteDate(e.target.value)}
        />
        <input
          className="wide"
          aria-label={t('activityUi.notes.text')}
          placeholder={t('activityUi.notes.text')}
          data-testid="note-text"
          value={noteText}
          maxLength={1000}
          onChange={(e) => setNoteText(e.target.value)}
        />
        <button type="submit" className="small" disabled={write.busy} data-testid="note-add">
          + {t('activityUi.notes.add')}
        </button>
      </form>
    </div>
  );
}
