// One task as the order's tasks tab and "Mine oppgaver" show it: a tick box,
// the title, whom it is given to and its due date, red when overdue.
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../shared/channels/collaboration';
import { formatDate } from '../../../shared/format';

export function TaskRow(props: {
  task: Task;
  testId: string;
  busy: boolean;
  onDone: (done: boolean) => void;
  /** Which order (or project) it is on: shown in "Mine oppgaver", not on the order itself. */
  showWhere?: boolean;
  selected?: boolean;
  /** In a keyboard list: its place, a click chooses it, a double click opens it. */
  index?: number;
  onSelect?: () => void;
  onOpen?: () => void;
}) {
  const { t } = useTranslation();
  const { task } = props;
  const where = task.order
    ? [t('activityUi.tasks.onOrder', { number: task.order.number }), task.order.customerName].filter(Boolean).join(' · ')
    : task.project
      ? t('activityUi.tasks.onProject', { number: task.project.number, name: task.project.name })
      : '';
  return (
    <li
      className={`task-row ${task.done ? 'done' : ''} ${task.overdue ? 'overdue' : ''} ${props.selected ? 'selected' : ''}`}
      data-testid={props.testId}
      role={props.index !== undefined ? 'option' : undefined}
      aria-selected={props.index !== undefined ? props.selected : undefined}
      data-index={props.index}
      onClick={props.onSelect}
      onDoubleClick={props.onOpen}
    >
      <input
        type="checkbox"
        checked={task.done}
        disabled={props.busy}
        aria-label={t('activityUi.tasks.done')}
        data-testid={`${props.testId}-done`}
        tabIndex={props.showWhere ? -1 : 0}
        onChange={(e) => props.onDone(e.target.checked)}
      />
      <div className="task-body">
        <div className="task-title" data-testid={`${props.testId}-title`}>
          {task.title}
        </div>
        <div className="muted small">
          {props.showWhere && where ? <span data-testid={`${props.testId}-where`}>{where} · </span> : null}
          <span data-testid={`${props.testId}-assignee`}>{task.assignee?.name ?? t('activityUi.tasks.nobody')}</span>
          {task.dueDate ? (
            <>
              {' · '}
              <span className={task.overdue ? 'task-overdue' : ''} data-testid={`${props.testId}-due`}>
                {task.overdue ? t('activityUi.tasks.overdue', { date: formatDate(task.dueDate) }) : t('activityUi.tasks.due', { date: formatDate(task.dueDate) })}
              </span>
            </>
          ) : null}
        </div>
      </div>
    </li>
  );
}
