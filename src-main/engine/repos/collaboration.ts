// Comments, tasks, personal reminders and followers of orders (issue 12).
import type { Comment, Note, PersonRef, Task } from '../../../shared/channels/collaboration';
import type { StatusKind } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

const person = (id: number | null, name: string | null): PersonRef | null => (id === null ? null : { id, name: name ?? '' });

// ---- What the rows point at ------------------------------------------------------

export interface OrderRef {
  readonly id: number;
  readonly number: number;
  readonly customerName: string;
  readonly purchase: boolean;
}

export function orderRef(db: Db, id: number): OrderRef | null {
  const r = stmt(db, 'SELECT id, number, customer_name, transaction_type FROM order_header WHERE id = ?').get(id) as
    | { id: number; number: number; customer_name: string; transaction_type: string }
    | undefined;
  return r ? { id: r.id, number: r.number, customerName: r.customer_name, purchase: r.transaction_type === 'purchase' } : null;
}

export function projectRef(db: Db, id: number): { id: number; number: number; name: string } | null {
  return (stmt(db, 'SELECT id, number, name FROM project WHERE id = ?').get(id) as { id: number; number: number; name: string } | undefined) ?? null;
}

export function invoiceNumber(db: Db, id: number): number | null {
  return (stmt(db, 'SELECT number FROM invoice WHERE id = ?').get(id) as { number: number } | undefined)?.number ?? null;
}

export function statusLabels(db: Db, id: number): { nb: string; en: string } | null {
  return (stmt(db, 'SELECT label_nb AS nb, label_en AS en FROM status WHERE id = ?').get(id) as { nb: string; en: string } | undefined) ?? null;
}

/** The user who logs in as the order's responsible employee, if any. */
export function responsibleUserOf(db: Db, orderId: number): number | null {
  return (
    (
      stmt(db, 'SELECT e.user_id FROM order_header o JOIN employee e ON e.id = o.responsible_id WHERE o.id = ?').get(orderId) as
        | { user_id: number | null }
        | undefined
    )?.user_id ?? null
  );
}

/** Whether an entity has activity logged before the given entry (an order's first entry is its creation). */
export function hasEarlierActivity(db: Db, entity: string, entityId: number, beforeId: number): boolean {
  return stmt(db, 'SELECT 1 FROM activity_log WHERE entity = ? AND entity_id = ? AND id < ? LIMIT 1').get(entity, entityId, beforeId) !== undefined;
}

// ---- Comments --------------------------------------------------------------------

interface CommentRow {
  id: number;
  order_id: number;
  text: string;
  corrects_id: number | null;
  corrected_by: string | null;
  user_id: number | null;
  user_name: string | null;
  at: string;
}

const COMMENT_SELECT = `SELECT c.id, c.order_id, c.text, c.corrects_id, c.user_id, u.name AS user_name, c.at,
    (SELECT group_concat(k.id) FROM order_comment k WHERE k.corrects_id = c.id) AS corrected_by
  FROM order_comment c LEFT JOIN app_user u ON u.id = c.user_id`;

const toComment = (r: CommentRow): Comment => ({
  id: r.id,
  orderId: r.order_id,
  text: r.text,
  correctsId: r.corrects_id,
  correctedByIds: r.corrected_by ? r.corrected_by.split(',').map(Number).sort((a, b) => a - b) : [],
  author: person(r.user_id, r.user_name),
  at: r.at,
});

export function insertComment(db: Db, c: { orderId: number; text: string; correctsId: number | null; userId: number | null; at: string }): number {
  return Number(
    stmt(db, 'INSERT INTO order_comment (order_id, text, corrects_id, user_id, at) VALUES (?, ?, ?, ?, ?)').run(c.orderId, c.text, c.correctsId, c.userId, c.at)
      .lastInsertRowid,
  );
}

export function getComment(db: Db, id: number): Comment | null {
  const r = stmt(db, `${COMMENT_SELECT} WHERE c.id = ?`).get(id) as CommentRow | undefined;
  return r ? toComment(r) : null;
}

export function commentsOf(db: Db, orderId: number): Comment[] {
  return (stmt(db, `${COMMENT_SELECT} WHERE c.order_id = ? ORDER BY c.id`).all(orderId) as CommentRow[]).map(toComment);
}

// ---- Tasks -----------------------------------------------------------------------

interface TaskRow {
  id: number;
  title: string;
  assignee_id: number | null;
  assignee_name: string | null;
  due_date: string | null;
  done_at: string | null;
  order_id: number | null;
  order_number: number | null;
  customer_name: string | null;
  project_id: number | null;
  project_number: number | null;
  project_name: string | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: string;
  version: number;
}

const TASK_SELECT = `SELECT t.id, t.title, t.assignee_id, a.name AS assignee_name, t.due_date, t.done_at,
    t.order_id, o.number AS order_number, o.customer_name, t.project_id, p.number AS project_number, p.name AS project_name,
    t.created_by, c.name AS created_by_name, t.created_at, t.version
  FROM task t
  LEFT JOIN app_user a ON a.id = t.assignee_id
  LEFT JOIN app_user c ON c.id = t.created_by
  LEFT JOIN order_header o ON o.id = t.order_id
  LEFT JOIN project p ON p.id = t.project_id`;
/** Open tasks first, soonest due first (undated last), then done ones, latest done first. */
const TASK_ORDER = `ORDER BY t.done_at IS NOT NULL, t.due_date IS NULL, t.due_date, t.done_at DESC, t.id`;

const toTask = (today: string) => (r: TaskRow): Task => ({
  id: r.id,
  title: r.title,
  assignee: person(r.assignee_id, r.assignee_name),
  dueDate: r.due_date,
  done: r.done_at !== null,
  doneAt: r.done_at,
  overdue: r.done_at === null && r.due_date !== null && r.due_date < today,
  order: r.order_id === null ? null : { id: r.order_id, number: r.order_number ?? 0, customerName: r.customer_name },
  project: r.project_id === null ? null : { id: r.project_id, number: r.project_number ?? 0, name: r.project_name ?? '' },
  createdBy: person(r.created_by, r.created_by_name),
  createdAt: r.created_at,
  version: r.version,
});

export interface TaskValues {
  readonly title: string;
  readonly assigneeId: number | null;
  readonly dueDate: string | null;
  readonly doneAt: string | null;
}

export function insertTask(
  db: Db,
  t: TaskValues & { orderId: number | null; projectId: number | null; createdBy: number | null; at: string },
): number {
  return Number(
    stmt(
      db,
      `INSERT INTO task (order_id, project_id, title, assignee_id, due_date, done_at, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.orderId, t.projectId, t.title, t.assigneeId, t.dueDate, t.doneAt, t.createdBy, t.at, t.at).lastInsertRowid,
  );
}

/** false: the version has moved on (someone else changed the task). */
export function updateTask(db: Db, id: number, version: number, v: TaskValues, at: string): boolean {
  return (
    stmt(
      db,
      `UPDATE task SET title = ?, assignee_id = ?, due_date = ?, done_at = ?, updated_at = ?, version = version + 1
       WHERE id = ? AND version = ?`,
    ).run(v.title, v.assigneeId, v.dueDate, v.doneAt, at, id, version).changes === 1
  );
}

export function getTask(db: Db, id: number, today: string): Task | null {
  const r = stmt(db, `${TASK_SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined;
  return r ? toTask(today)(r) : null;
}

export function tasksOf(db: Db, where: { orderId: number } | { projectId: number }, today: string): Task[] {
  const [column, value] = 'orderId' in where ? ['t.order_id', where.orderId] : ['t.project_id', where.projectId];
  return (stmt(db, `${TASK_SELECT} WHERE ${column} = ? ${TASK_ORDER}`).all(value) as TaskRow[]).map(toTask(today));
}

/** A user's tasks (userId null: every task), open only unless done ones are asked for. */
export function tasksAssigned(db: Db, userId: number | null, includeDone: boolean, today: string): Task[] {
  return (
    stmt(
      db,
      `${TASK_SELECT} WHERE (@user IS NULL OR t.assignee_id = @user) AND (@done = 1 OR t.done_at IS NULL) ${TASK_ORDER} LIMIT 1000`,
    ).all({ user: userId, done: includeDone ? 1 : 0 }) as TaskRow[]
  ).map(toTask(today));
}

// ---- Personal reminders ------------------------------------------------------------

interface NoteRow {
  id: number;
  order_id: number;
  order_number: number;
  date: string;
  text: string;
  for_user_id: number | null;
  for_user_name: string | null;
  created_by: number | null;
  created_by_name: string | null;
  done_at: string | null;
  version: number;
}

const NOTE_SELECT = `SELECT n.id, n.order_id, o.number AS order_number, n.date, n.text, n.for_user_id, f.name AS for_user_name,
    n.created_by, c.name AS created_by_name, n.done_at, n.version
  FROM note n JOIN order_header o ON o.id = n.order_id
  LEFT JOIN app_user f ON f.id = n.for_user_id
  LEFT JOIN app_user c ON c.id = n.created_by`;

const toNote = (today: string) => (r: NoteRow): Note => ({
  id: r.id,
  orderId: r.order_id,
  orderNumber: r.order_number,
  date: r.date,
  text: r.text,
  forUser: person(r.for_user_id, r.for_user_name),
  createdBy: person(r.created_by, r.created_by_name),
  done: r.done_at !== null,
  doneAt: r.done_at,
  due: r.done_at === null && r.date <= today,
  version: r.version,
});

export interface NoteValues {
  readonly date: string;
  readonly text: string;
  readonly doneAt: string | null;
}

export function insertNote(db: Db, n: NoteValues & { orderId: number; forUserId: number | null; createdBy: number | null; at: string }): number {
  return Number(
    stmt(
      db,
      `INSERT INTO note (order_id, for_user_id, date, text, done_at, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(n.orderId, n.forUserId, n.date, n.text, n.doneAt, n.createdBy, n.at, n.at).lastInsertRowid,
  );
}

export function updateNote(db: Db, id: number, version: number, v: NoteValues, at: string): boolean {
  return (
    stmt(db, 'UPDATE note SET date = ?, text = ?, done_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?').run(
      v.date,
      v.text,
      v.doneAt,
      at,
      id,
      version,
    ).changes === 1
  );
}

export function getNote(db: Db, id: number, today: string): Note | null {
  const r = stmt(db, `${NOTE_SELECT} WHERE n.id = ?`).get(id) as NoteRow | undefined;
  return r ? toNote(today)(r) : null;
}

/** A user's reminders (userId null: all), on one order or all, by date. */
export function notesFor(db: Db, userId: number | null, orderId: number | null, includeDone: boolean, today: string): Note[] {
  return (
    stmt(
      db,
      `${NOTE_SELECT} WHERE (@user IS NULL OR n.for_user_id = @user) AND (@order IS NULL OR n.order_id = @order) AND (@done = 1 OR n.done_at IS NULL)
       ORDER BY n.done_at IS NOT NULL, n.date, n.id LIMIT 1000`,
    ).all({ user: userId, order: orderId, done: includeDone ? 1 : 0 }) as NoteRow[]
  ).map(toNote(today));
}

// ---- Followers -----------------------------------------------------------------------

export function followers(db: Db, orderId: number): PersonRef[] {
  return stmt(
    db,
    `SELECT u.id, u.name FROM order_follower f JOIN app_user u ON u.id = f.user_id
     WHERE f.order_id = ? AND f.following = 1 ORDER BY u.name, u.id`,
  ).all(orderId) as PersonRef[];
}

export function followerIds(db: Db, orderId: number): number[] {
  return (stmt(db, 'SELECT user_id FROM order_follower WHERE order_id = ? AND following = 1').all(orderId) as { user_id: number }[]).map(
    (r) => r.user_id,
  );
}

/** A user's own choice to follow or not, kept even as "not" (so following automatically never overrides it). */
export function setFollowing(db: Db, orderId: number, userId: number, following: boolean, at: string): void {
  stmt(
    db,
    `INSERT INTO order_follower (order_id, user_id, following, since) VALUES (?, ?, ?, ?)
     ON CONFLICT (order_id, user_id) DO UPDATE SET following = excluded.following, since = excluded.since
     WHERE following <> excluded.following`,
  ).run(orderId, userId, following ? 1 : 0, at);
}

/** Follows unless the user has already chosen (either way). */
export function followAutomatically(db: Db, orderId: number, userId: number, at: string): void {
  stmt(db, 'INSERT OR IGNORE INTO order_follower (order_id, user_id, following, since) VALUES (?, ?, 1, ?)').run(orderId, userId, at);
}

// ---- For the demo company ------------------------------------------------------------

/** Every sales order with its date and status kind, oldest first. */
export function salesOrdersWithKind(db: Db): { id: number; orderDate: string; kind: StatusKind }[] {
  return stmt(
    db,
    `SELECT o.id, o.order_date AS orderDate, s.kind FROM order_header o JOIN status s ON s.id = o.status_id
     WHERE o.transaction_type = 'sales' ORDER BY o.order_date, o.id`,
  ).all() as { id: number; orderDate: string; kind: StatusKind }[];
}

export function projectIds(db: Db): number[] {
  return (stmt(db, 'SELECT id FROM project ORDER BY number').all() as { id: number }[]).map((r) => r.id);
}
