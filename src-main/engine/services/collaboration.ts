// Comments, tasks, personal reminders and following (issue 12). Comments and
// tasks are logged on their order (or project), so the activity panel shows them
// and followers hear of them; personal reminders are private and log nothing.
import type { Comment, FollowState, Note, Task } from '../../../shared/channels/collaboration';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { logActivity } from '../repos/activity';
import {
  followers,
  getComment,
  getNote,
  getTask,
  insertComment,
  insertNote,
  insertTask,
  orderRef,
  projectRef,
  setFollowing,
  updateNote,
  updateTask,
  type OrderRef,
  type TaskValues,
} from '../repos/collaboration';
import { getUser } from '../repos/users';

export function requireOrder(ctx: HandlerContext, id: number, field = 'orderId'): OrderRef {
  const o = orderRef(ctx.db, id);
  if (!o) throw new DomainError('not_found', field, { entity: 'ordre', id });
  return o;
}

export function requireProject(ctx: HandlerContext, id: number, field = 'projectId'): void {
  if (!projectRef(ctx.db, id)) throw new DomainError('not_found', field, { entity: 'prosjekt', id });
}

/** A user given a task or a reminder must exist and be active; returns their name. */
function activeUserName(ctx: HandlerContext, id: number, field: string): string {
  const u = getUser(ctx.db, id);
  if (!u) throw new DomainError('not_found', field, { entity: 'bruker', id });
  if (!u.active) throw new DomainError('user_inactive', field, { name: u.name });
  return u.name;
}

// ---- Comments ------------------------------------------------------------------------

export function addComment(ctx: HandlerContext, input: { orderId: number; text: string; correctsId?: number | undefined }): Comment {
  requireOrder(ctx, input.orderId);
  const correctsId = input.correctsId ?? null;
  if (correctsId !== null) {
    const old = getComment(ctx.db, correctsId);
    if (!old) throw new DomainError('not_found', 'correctsId', { entity: 'kommentar', id: correctsId });
    if (old.orderId !== input.orderId) throw new DomainError('comment_other_order', 'correctsId', { id: correctsId });
  }
  const at = ctx.now.toISOString();
  const id = insertComment(ctx.db, { orderId: input.orderId, text: input.text, correctsId, userId: ctx.userId, at });
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'order', entityId: input.orderId, action: 'comment', after: { commentId: id, text: input.text, correctsId } });
  return getComment(ctx.db, id)!;
}

// ---- Tasks --------------------------------------------------------------------------

function logTask(ctx: HandlerContext, task: Task, action: 'task_added' | 'task_changed' | 'task_done' | 'task_reopened', before?: Task): void {
  const logged = (t: Task) => ({ taskId: t.id, title: t.title, assigneeUserId: t.assignee?.id ?? null, assigneeName: t.assignee?.name ?? null, dueDate: t.dueDate, done: t.done });
  logActivity(ctx.db, {
    at: ctx.now.toISOString(),
    userId: ctx.userId,
    entity: task.order ? 'order' : 'project',
    entityId: task.order?.id ?? task.project!.id,
    action,
    before: before ? logged(before) : undefined,
    after: logged(task),
  });
}

export function addTask(
  ctx: HandlerContext,
  input: { orderId?: number | undefined; projectId?: number | undefined; title: string; assigneeUserId: number | null; dueDate?: string | null | undefined },
): Task {
  if (input.orderId !== undefined) requireOrder(ctx, input.orderId);
  if (input.projectId !== undefined) requireProject(ctx, input.projectId);
  if (input.assigneeUserId !== null) activeUserName(ctx, input.assigneeUserId, 'assigneeUserId');
  const id = insertTask(ctx.db, {
    orderId: input.orderId ?? null,
    projectId: input.projectId ?? null,
    title: input.title,
    assigneeId: input.assigneeUserId,
    dueDate: input.dueDate ?? null,
    doneAt: null,
    createdBy: ctx.userId,
    at: ctx.now.toISOString(),
  });
  const task = getTask(ctx.db, id, ctx.today)!;
  logTask(ctx, task, 'task_added');
  return task;
}

export function changeTask(
  ctx: HandlerContext,
  input: { id: number; version: number; title?: string | undefined; assigneeUserId?: number | null | undefined; dueDate?: string | null | undefined; done?: boolean | undefined },
): Task {
  const before = getTask(ctx.db, input.id, ctx.today);
  if (!before) throw new DomainError('not_found', 'id', { entity: 'oppgave', id: input.id });
  if (before.version !== input.version) throw new DomainError('version_conflict', 'version');
  const assigneeId = input.assigneeUserId === undefined ? (before.assignee?.id ?? null) : input.assigneeUserId;
  if (assigneeId !== null && assigneeId !== (before.assignee?.id ?? null)) activeUserName(ctx, assigneeId, 'assigneeUserId');
  const done = input.done ?? before.done;
  const values: TaskValues = {
    title: input.title ?? before.title,
    assigneeId,
    dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
    doneAt: done ? (before.doneAt ?? ctx.now.toISOString()) : null,
  };
  const unchanged =
    values.title === before.title && values.assigneeId === (before.assignee?.id ?? null) && values.dueDate === before.dueDate && done === before.done;
  // Saving what is already there changes nothing and tells nobody.
  if (unchanged) return before;
  if (!updateTask(ctx.db, input.id, input.version, values, ctx.now.toISOString())) throw new DomainError('version_conflict', 'version');
  const after = getTask(ctx.db, input.id, ctx.today)!;
  logTask(ctx, after, done === before.done ? 'task_changed' : done ? 'task_done' : 'task_reopened', before);
  return after;
}

// ---- Personal reminders ------------------------------------------------------------------

/** Only a reminder's own user sees it: another's is "not found" (its existence is theirs too). */
function ownNote(ctx: HandlerContext, id: number): Note {
  const note = getNote(ctx.db, id, ctx.today);
  if (!note || (ctx.userId !== null && note.forUser?.id !== ctx.userId)) throw new DomainError('not_found', 'id', { entity: 'påminnelse', id });
  return note;
}

export function addNote(ctx: HandlerContext, input: { orderId: number; date: string; text: string; forUserId?: number | undefined }): Note {
  requireOrder(ctx, input.orderId);
  if (ctx.userId === null && input.forUserId !== undefined) throw new DomainError('note_needs_user', 'forUserId');
  const forUserId = input.forUserId ?? ctx.userId;
  if (forUserId !== null && forUserId !== ctx.userId) activeUserName(ctx, forUserId, 'forUserId');
  const at = ctx.now.toISOString();
  const id = insertNote(ctx.db, { orderId: input.orderId, forUserId, date: input.date, text: input.text, doneAt: null, createdBy: ctx.userId, at });
  return getNote(ctx.db, id, ctx.today)!;
}

export function changeNote(
  ctx: HandlerContext,
  input: { id: number; version: number; date?: string | undefined; text?: string | undefined; done?: boolean | undefined },
): Note {
  const before = ownNote(ctx, input.id);
  if (before.version !== input.version) throw new DomainError('version_conflict', 'version');
  const done = input.done ?? before.done;
  const doneAt = done ? (before.doneAt ?? ctx.now.toISOString()) : null;
  if (!updateNote(ctx.db, input.id, input.version, { date: input.date ?? before.date, text: input.text ?? before.text, doneAt }, ctx.now.toISOString())) {
    throw new DomainError('version_conflict', 'version');
  }
  return getNote(ctx.db, input.id, ctx.today)!;
}

// ---- Following ---------------------------------------------------------------------------

export function followState(ctx: HandlerContext, orderId: number): FollowState {
  requireOrder(ctx, orderId);
  const list = followers(ctx.db, orderId);
  return { following: ctx.userId !== null && list.some((f) => f.id === ctx.userId), followers: list };
}

export function follow(ctx: HandlerContext, orderId: number, following: boolean): FollowState {
  if (ctx.userId === null) throw new DomainError('follow_needs_user', 'following');
  requireOrder(ctx, orderId);
  setFollowing(ctx.db, orderId, ctx.userId, following, ctx.now.toISOString());
  return followState(ctx, orderId);
}
