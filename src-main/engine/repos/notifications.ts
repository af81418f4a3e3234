// Notifications per user (issue 12). A user id of null means the workstation has
// no users: such a reader sees every row.
import type { Notification, NotificationKind } from '../../../shared/channels/collaboration';
import { stmt, type Db } from '../db/connection';

export interface NotificationValues {
  readonly userId: number | null;
  readonly kind: NotificationKind;
  readonly at: string;
  readonly actorId: number | null;
  readonly changeId: number | null;
  readonly orderId: number | null;
  readonly projectId: number | null;
  readonly taskId: number | null;
  readonly noteId: number | null;
  readonly dueDate: string | null;
  readonly nb: string;
  readonly en: string;
}

/** Ignored when the same change (per order) or the same due date has already notified this user. */
export function insertNotification(db: Db, n: NotificationValues): void {
  stmt(
    db,
    `INSERT OR IGNORE INTO notification (user_id, kind, at, actor_id, change_id, order_id, project_id, task_id, note_id, due_date, text_nb, text_en)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(n.userId, n.kind, n.at, n.actorId, n.changeId, n.orderId, n.projectId, n.taskId, n.noteId, n.dueDate, n.nb, n.en);
}

// ---- Reminders and tasks come due that have not notified their user yet ----------------

export interface DueNote {
  readonly id: number;
  readonly userId: number | null;
  readonly date: string;
  readonly text: string;
  readonly orderId: number;
  readonly orderNumber: number;
  readonly purchase: boolean;
}

export interface DueTask {
  readonly id: number;
  readonly userId: number | null;
  readonly dueDate: string;
  readonly title: string;
  readonly orderId: number | null;
  readonly orderNumber: number | null;
  readonly purchase: boolean;
  readonly projectId: number | null;
  readonly projectNumber: number | null;
}

// The reader's own (reader null: the rows meant for nobody in particular, a workstation without users).
const NOTES_DUE = `FROM note n JOIN order_header o ON o.id = n.order_id
  WHERE n.done_at IS NULL AND n.date <= @today AND n.for_user_id IS @user
    AND NOT EXISTS (SELECT 1 FROM notification x WHERE x.kind = 'note_due' AND x.note_id = n.id
                    AND ifnull(x.user_id, 0) = ifnull(@user, 0) AND x.due_date = n.date)`;
const TASKS_DUE = `FROM task t LEFT JOIN order_header o ON o.id = t.order_id LEFT JOIN project p ON p.id = t.project_id
  WHERE t.done_at IS NULL AND t.due_date <= @today AND t.assignee_id IS @user
    AND NOT EXISTS (SELECT 1 FROM notification x WHERE x.kind = 'task_due' AND x.task_id = t.id
                    AND ifnull(x.user_id, 0) = ifnull(@user, 0) AND x.due_date = t.due_date)`;

export function dueNotesNotNotified(db: Db, userId: number | null, today: string): DueNote[] {
  return (
    stmt(
      db,
      `SELECT n.id, n.for_user_id AS userId, n.date, n.text, n.order_id AS orderId, o.number AS orderNumber,
         o.transaction_type = 'purchase' AS purchase ${NOTES_DUE} ORDER BY n.date, n.id`,
    ).all({ user: userId, today }) as (Omit<DueNote, 'purchase'> & { purchase: number })[]
  ).map((r) => ({ ...r, purchase: Boolean(r.purchase) }));
}

export function dueTasksNotNotified(db: Db, userId: number | null, today: string): DueTask[] {
  return (
    stmt(
      db,
      `SELECT t.id, t.assignee_id AS userId, t.due_date AS dueDate, t.title, t.order_id AS orderId, o.number AS orderNumber,
         ifnull(o.transaction_type = 'purchase', 0) AS purchase, t.project_id AS projectId, p.number AS projectNumber
       ${TASKS_DUE} ORDER BY t.due_date, t.id`,
    ).all({ user: userId, today }) as (Omit<DueTask, 'purchase'> & { purchase: number })[]
  ).map((r) => ({ ...r, purchase: Boolean(r.purchase) }));
}

export function countDueNotNotified(db: Db, userId: number | null, today: string): number {
  const notes = stmt(db, `SELECT count(*) AS n ${NOTES_DUE}`).get({ user: userId, today }) as { n: number };
  const tasks = stmt(db, `SELECT count(*) AS n ${TASKS_DUE}`).get({ user: userId, today }) as { n: number };
  return notes.n + tasks.n;
}

// ---- Reading and marking -------------------------------------------------------------------

interface NotificationRow {
  id: number;
  kind: NotificationKind;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  order_id: number | null;
  order_number: number | null;
  project_id: number | null;
  task_id: number | null;
  note_id: number | null;
  text_nb: string;
  text_en: string;
  read_at: string | null;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  at: r.at,
  actor: r.actor_id === null ? null : { id: r.actor_id, name: r.actor_name ?? '' },
  text: { nb: r.text_nb, en: r.text_en },
  orderId: r.order_id,
  orderNumber: r.order_number,
  projectId: r.project_id,
  taskId: r.task_id,
  noteId: r.note_id,
  read: r.read_at !== null,
});

/** Newest first. The order number is today's (null if the order has since been deleted). */
export function notificationsOf(db: Db, userId: number | null, unreadOnly: boolean, limit: number): Notification[] {
  return (
    stmt(
      db,
      `SELECT n.id, n.kind, n.at, n.actor_id, u.name AS actor_name, n.order_id, o.number AS order_number, n.project_id,
         n.task_id, n.note_id, n.text_nb, n.text_en, n.read_at
       FROM notification n LEFT JOIN app_user u ON u.id = n.actor_id LEFT JOIN order_header o ON o.id = n.order_id
       WHERE (@user IS NULL OR n.user_id = @user) AND (@unread = 0 OR n.read_at IS NULL)
       ORDER BY n.id DESC LIMIT @limit`,
    ).all({ user: userId, unread: unreadOnly ? 1 : 0, limit }) as NotificationRow[]
  ).map(toNotification);
}

export function countUnread(db: Db, userId: number | null): number {
  return (stmt(db, 'SELECT count(*) AS n FROM notification WHERE (@user IS NULL OR user_id = @user) AND read_at IS NULL').get({ user: userId }) as { n: number }).n;
}

/** Marks the reader's own among the ids (another user's are left alone). */
export function markRead(db: Db, userId: number | null, ids: readonly number[], at: string): void {
  stmt(
    db,
    `UPDATE notification SET read_at = @at
     WHERE id IN (SELECT value FROM json_each(@ids)) AND (@user IS NULL OR user_id = @user) AND read_at IS NULL`,
  ).run({ user: userId, ids: JSON.stringify(ids), at });
}

export function markAllRead(db: Db, userId: number | null, at: string): void {
  stmt(db, 'UPDATE notification SET read_at = @at WHERE (@user IS NULL OR user_id = @user) AND read_at IS NULL').run({ user: userId, at });
}
