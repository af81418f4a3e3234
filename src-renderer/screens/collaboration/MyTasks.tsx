// "Mine oppgaver" (issue 12): the logged-in user's tasks on every order and project
// (with no users, all tasks), open first by due date, overdue in red. ↑/↓ choose,
// Enter opens the order, Space ticks the task done (or back), Esc closes.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../api/client';
import { useChannel } from '../../api/queries';
import { Dialog } from '../../components/Dialog';
import { Banner } from '../../components/fields';
import { refusalOf } from '../../components/refusal';
import { TaskRow } from './TaskRow';
import { useCollabWrite } from './useCollabWrite';
import { useListKeys } from './useListKeys';

export function MyTasks(props: { onClose: () => void; onOpenOrder: (id: number) => void }) {
  const { t } = useTranslation();
  const [includeDone, setIncludeDone] = useState(false);
  const tasks = useChannel('tasks.mine', { includeDone }, { staleTime: 0 });
  const write = useCollabWrite();
  const rows = tasks.data ?? [];
  const listRef = useRef<HTMLUListElement>(null);
  const openAt = (i: number) => {
    const task = rows[i];
    if (task?.order) props.onOpenOrder(task.order.id);
  };
  const keys = useListKeys(rows.length, {
    enter: openAt,
    space: (i) => {
      const task = rows[i];
      if (task) void write.run(() => invoke('tasks.update', { id: task.id, version: task.version, done: !task.done }));
    },
  });

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${keys.index}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [keys.index]);

  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <Dialog
      title={t('activityUi.myTasks.title')}
      testId="my-tasks"
      onCancel={props.onClose}
      cancelLabel={t('app.close')}
      // Enter opens the chosen task's order, from the list or with the button.
      onSubmit={() => openAt(keys.index)}
      submitLabel={t('activityUi.myTasks.open')}
      wide
    >
      <div className="my-tasks">
        <div className="my-tasks-head">
          <span className="muted" data-testid="my-tasks-summary">
            {t('activityUi.myTasks.summary', { count: rows.length })}
            {overdue ? <span className="task-overdue"> · {t('activityUi.myTasks.overdueCount', { count: overdue })}</span> : null}
          </span>
          <span className="toolbar-spacer" />
          <label className="inline-check">
            <input type="checkbox" data-testid="my-tasks-include-done" checked={includeDone} onChange={(e) => setIncludeDone(e.target.checked)} />
            {t('activityUi.myTasks.includeDone')}
          </label>
        </div>
        <Banner error={write.error ?? (tasks.isError ? refusalOf(tasks.error, () => null).general : null)} testId="my-tasks-error" />
        {tasks.data && rows.length === 0 ? (
          <p className="muted" data-testid="my-tasks-empty">
            {t('activityUi.myTasks.none')}
          </p>
        ) : null}
        <ul
          className="task-list my-tasks-list"
          ref={listRef}
          tabIndex={0}
          data-autofocus
          role="listbox"
          aria-label={t('activityUi.myTasks.title')}
          data-testid="my-tasks-list"
          onKeyDown={keys.onKeyDown}
        >
          {rows.map((task, i) => (
            <TaskRow
                key={task.id}
                task={task}
                index={i}
                onSelect={() => keys.setIndex(i)}
                onOpen={() => task.order && props.onOpenOrder(task.order.id)}
                testId={`my-task-${i}`}
                busy={write.busy}
                showWhere
                selected={i === keys.index}
                onDone={(done) => void write.run(() => invoke('tasks.update', { id: task.id, version: task.version, done }))}
              />
          ))}
        </ul>
        <p className="muted small">{t('activityUi.myTasks.keys')}</p>
      </div>
    </Dialog>
  );
}
