// Notifications (issue 12): every activity entry passes through here (repos/activity.ts
// logActivity), so every change anyone logs on an order — status, lines, header,
// comments, documents, payments on its invoices, tasks, files — reaches its
// followers without each handler knowing about following.
//
// What "one change" is: one writing call (one transaction; handlers/types.ts
// writer). A call often logs several entries for one order (an invoice: the
// invoice, the order's invoicing, its status move); each follower of that order,
// other than the one who made the change, gets ONE notification for it, saying
// what the first entry says. A change that touches two followed orders notifies
// once per order. Outside a writing call (the demo generator) each entry is its own change.
import type { Notification } from '../../../shared/channels/collaboration';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { changeText, noteDueText, taskDueText, type EntryFacts, type Subject } from '../domain/notificationText';
import {
  followAutomatically,
  followerIds,
  hasEarlierActivity,
  invoiceNumber,
  orderRef,
  projectRef,
  responsibleUserOf,
  statusLabels,
} from '../repos/collaboration';
import {
  countDueNotNotified,
  countUnread,
  dueNotesNotNotified,
  dueTasksNotNotified,
  insertNotification,
  markAllRead,
  markRead,
  notificationsOf,
} from '../repos/notifications';
import { ordersOfInvoice } from '../repos/payments';
import { countUsers, getUser } from '../repos/users';

// ---- One change: the first activity entry of a writing call names it -------------------------

const openChanges = new WeakMap<Db, { first: number | null }>();

/** Runs a writing call as one change (nested calls, such as a copy that creates, stay in the outer one). */
export function asOneChange<T>(db: Db, run: () => T): T {
  if (openChanges.has(db)) return run();
  openChanges.set(db, { first: null });
  try {
    return run();
  } finally {
    openChanges.delete(db);
  }
}

function changeIdOf(db: Db, entryId: number): number {
  const open = openChanges.get(db);
  if (!open) return entryId;
  open.first ??= entryId;
  return open.first;
}

// ---- From an activity entry to its followers' notifications ---------------------------------

export interface LoggedEntry {
  readonly at: string;
  readonly userId: number | null;
  readonly entity: string;
  readonly entityId: number;
  readonly action: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

const record = (v: unknown): Record<string, unknown> | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const idOf = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);

/** The orders (or the project) an entry concerns: an invoice's entries concern the orders it was made from. */
function subjectsOf(db: Db, e: LoggedEntry): { subject: Subject; orderId: number | null; projectId: number | null }[] {
  const orders = e.entity === 'order' ? [e.entityId] : e.entity === 'invoice' ? ordersOfInvoice(db, e.entityId) : [];
  if (e.entity === 'project' && e.action.startsWith('task_')) {
    const p = projectRef(db, e.entityId);
    return p ? [{ subject: { kind: 'project', number: p.number }, orderId: null, projectId: p.id }] : [];
  }
  return orders.flatMap((id) => {
    const o = orderRef(db, id);
    return o ? [{ subject: { kind: o.purchase ? 'purchase' : 'order', number: o.number } as const, orderId: o.id, projectId: null }] : [];
  });
}

function factsOf(db: Db, e: LoggedEntry): EntryFacts {
  const before = record(e.before);
  const after = record(e.after);
  const from = idOf(before?.statusId);
  const to = idOf(after?.statusId);
  return {
    action: e.action,
    before,
    after,
    actorName: e.userId === null ? null : (getUser(db, e.userId)?.name ?? null),
    statusFrom: e.action === 'status' && from !== null ? statusLabels(db, from) : null,
    statusTo: e.action === 'status' && to !== null ? statusLabels(db, to) : null,
    invoiceNumber: e.entity === 'invoice' ? invoiceNumber(db, e.entityId) : null,
  };
}

/**
 * Called for every activity entry. The one who creates an order follows it, as
 * does the user of its responsible employee (unless either has chosen not to);
 * then every follower but the one who made the change is notified, and so is
 * the assignee of a task the entry is about.
 */
export function notifyOfActivity(db: Db, entryId: number, e: LoggedEntry): void {
  // Without users (an open workstation) nobody follows or is given a task: nothing to look up.
  if (countUsers(db) === 0) return;
  const subjects = subjectsOf(db, e);
  if (subjects.length === 0) return;
  const changeId = changeIdOf(db, entryId);
  const assignee = e.action.startsWith('task_') ? idOf(record(e.after)?.assigneeUserId) : null;
  let facts: EntryFacts | null = null;
  for (const s of subjects) {
    const recipients = new Set<number>();
    if (s.orderId !== null) {
      if (e.userId !== null && e.entity === 'order' && !hasEarlierActivity(db, 'order', s.orderId, entryId)) {
        followAutomatically(db, s.orderId, e.userId, e.at);
      }
      const responsible = responsibleUserOf(db, s.orderId);
      if (responsible !== null) followAutomatically(db, s.orderId, responsible, e.at);
      for (const u of followerIds(db, s.orderId)) recipients.add(u);
    }
    if (assignee !== null) recipients.add(assignee);
    if (e.userId !== null) recipients.delete(e.userId);
    if (recipients.size === 0) continue;
    facts ??= factsOf(db, e);
    const text = changeText(s.subject, facts);
    for (const userId of recipients) {
      insertNotification(db, {
        userId,
        kind: 'change',
        at: e.at,
        actorId: e.userId,
        changeId,
        orderId: s.orderId,
        projectId: s.projectId,
        taskId: e.action.startsWith('task_') ? idOf(record(e.after)?.taskId) : null,
        noteId: null,
        dueDate: null,
        nb: text.nb,
        en: text.en,
      });
    }
  }
}

// ---- Reminders and tasks come due ------------------------------------------------------

/** Records, once per user and date, the reader's reminders and tasks that have come due. */
export function recordDue(ctx: HandlerContext): void {
  const at = ctx.now.toISOString();
  for (const n of dueNotesNotNotified(ctx.db, ctx.userId, ctx.today)) {
    const text = noteDueText({ kind: n.purchase ? 'purchase' : 'order', number: n.orderNumber }, n.text);
    insertNotification(ctx.db, {
      userId: n.userId,
      kind: 'note_due',
      at,
      actorId: null,
      changeId: null,
      orderId: n.orderId,
      projectId: null,
      taskId: null,
      noteId: n.id,
      dueDate: n.date,
      nb: text.nb,
      en: text.en,
    });
  }
  for (const t of dueTasksNotNotified(ctx.db, ctx.userId, ctx.today)) {
    const subject: Subject =
      t.orderId !== null ? { kind: t.purchase ? 'purchase' : 'order', number: t.orderNumber ?? 0 } : { kind: 'project', number: t.projectNumber ?? 0 };
    const text = taskDueText(subject, t.title, t.dueDate, ctx.today);
    insertNotification(ctx.db, {
      userId: t.userId,
      kind: 'task_due',
      at,
      actorId: null,
      changeId: null,
      orderId: t.orderId,
      projectId: t.projectId,
      taskId: t.id,
      noteId: null,
      dueDate: t.dueDate,
      nb: text.nb,
      en: text.en,
    });
  }
}

// ---- The bell ------------------------------------------------------------------------------

export function listNotifications(ctx: HandlerContext, unreadOnly: boolean, limit: number): { rows: Notification[]; unread: number } {
  recordDue(ctx);
  return { rows: notificationsOf(ctx.db, ctx.userId, unreadOnly, limit), unread: countUnread(ctx.db, ctx.userId) };
}

/** Unread, counting what has come due but is not recorded yet (the count is a read: it records nothing). */
export function unreadCount(ctx: HandlerContext): number {
  return countUnread(ctx.db, ctx.userId) + countDueNotNotified(ctx.db, ctx.userId, ctx.today);
}

export function markNotificationsRead(ctx: HandlerContext, ids: readonly number[] | 'all'): { unread: number } {
  const at = ctx.now.toISOString();
  if (ids === 'all') {
    recordDue(ctx);
    markAllRead(ctx.db, ctx.userId, at);
  } else markRead(ctx.db, ctx.userId, ids, at);
  return { unread: unreadCount(ctx) };
}
