// Working together on an order (issue 12, SPEC 6): comments, tasks ("Mine
// oppgaver"), personal reminders (notes.*: 'reminders.*' are payment reminders),
// following and notifications. Comments are append-only; a user sees and edits
// only their own reminders; notifications are per user (with no users, all).
//
// In the order's activity log (activity.list) these appear as actions
//   'comment'        after: { commentId, text, correctsId }
//   'task_added' | 'task_changed' | 'task_done' | 'task_reopened'
//                    after (and before, on a change): { taskId, title, assigneeUserId, assigneeName, dueDate, done }
// (a project's tasks are logged on the project). Personal reminders and following log nothing.
import { z } from 'zod';
import { channel, id, isoDate, NO_INPUT, requiredText } from './common';

/** A user as shown beside what they did or were given. */
export interface PersonRef {
  readonly id: number;
  readonly name: string;
}

export interface Comment {
  readonly id: number;
  readonly orderId: number;
  readonly text: string;
  /** The earlier comment this one corrects (comments are never changed). */
  readonly correctsId: number | null;
  /** Ids of later comments that correct this one. */
  readonly correctedByIds: readonly number[];
  /** null: written on an open workstation (no users). */
  readonly author: PersonRef | null;
  readonly at: string;
}

export interface TaskOrderRef {
  readonly id: number;
  readonly number: number;
  readonly customerName: string | null;
}

export interface TaskProjectRef {
  readonly id: number;
  readonly number: number;
  readonly name: string;
}

export interface Task {
  readonly id: number;
  readonly title: string;
  /** null: nobody yet. */
  readonly assignee: PersonRef | null;
  readonly dueDate: string | null;
  readonly done: boolean;
  readonly doneAt: string | null;
  /** Due before today and not done. */
  readonly overdue: boolean;
  /** Exactly one of order and project is set. */
  readonly order: TaskOrderRef | null;
  readonly project: TaskProjectRef | null;
  readonly createdBy: PersonRef | null;
  readonly createdAt: string;
  readonly version: number;
}

/** A personal reminder (Påminnelse): a date and a text on an order, for oneself or another user. */
export interface Note {
  readonly id: number;
  readonly orderId: number;
  readonly orderNumber: number;
  readonly date: string;
  readonly text: string;
  /** Whom it reminds; null only on an open workstation (no users). */
  readonly forUser: PersonRef | null;
  readonly createdBy: PersonRef | null;
  readonly done: boolean;
  readonly doneAt: string | null;
  /** Its date has come (today or earlier) and it is not done. */
  readonly due: boolean;
  readonly version: number;
}

export interface FollowState {
  /** Whether the logged-in user follows the order (false with no users). */
  readonly following: boolean;
  readonly followers: readonly PersonRef[];
}

/**
 * What a notification is about: a change to a followed order (or a task given to
 * the user), a reminder whose date has come, a task due today or overdue.
 */
export const NOTIFICATION_KINDS = ['change', 'note_due', 'task_due'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  readonly id: number;
  readonly kind: NotificationKind;
  readonly at: string;
  /** Who made the change (null for due reminders and tasks, and on an open workstation). */
  readonly actor: PersonRef | null;
  /** What happened, in both languages ("Ordre 10023: status Bekreftet → Plukkliste"). */
  readonly text: { readonly nb: string; readonly en: string };
  /** The order it opens, if any. */
  readonly orderId: number | null;
  readonly orderNumber: number | null;
  /** The project it opens (a project task), if any. */
  readonly projectId: number | null;
  readonly taskId: number | null;
  readonly noteId: number | null;
  readonly read: boolean;
}

const version = z.number().int().min(1);
const orderOrProject = (v: { orderId?: number; projectId?: number }, ctx: z.RefinementCtx): void => {
  if ((v.orderId === undefined) === (v.projectId === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['orderId'], message: 'task_order_or_project' });
  }
};

export const collaborationChannels = {
  /** Oldest first; corrections refer to what they correct. */
  'comments.list': channel<readonly Comment[]>()(z.object({ orderId: id }).strict()),
  /** Append-only: a correction is a new comment referring to an earlier one on the same order. */
  'comments.add': channel<Comment>()(
    z.object({ orderId: id, text: requiredText(4000), correctsId: id.optional() }).strict(),
  ),
  /** An order's or a project's tasks: open first by due date, then done. */
  'tasks.list': channel<readonly Task[]>()(
    z.object({ orderId: id.optional(), projectId: id.optional() }).strict().superRefine(orderOrProject),
  ),
  /** "Mine oppgaver": the logged-in user's tasks (with no users: all), open first by due date. */
  'tasks.mine': channel<readonly Task[]>()(z.object({ includeDone: z.boolean().default(false) }).strict()),
  'tasks.add': channel<Task>()(
    z
      .object({
        orderId: id.optional(),
        projectId: id.optional(),
        title: requiredText(200),
        assigneeUserId: id.nullable(),
        dueDate: isoDate.nullable().optional(),
      })
      .strict()
      .superRefine(orderOrProject),
  ),
  'tasks.update': channel<Task>()(
    z
      .object({
        id,
        version,
        title: requiredText(200).optional(),
        assigneeUserId: id.nullable().optional(),
        dueDate: isoDate.nullable().optional(),
        done: z.boolean().optional(),
      })
      .strict(),
  ),
  /** One's own reminders (with no users: all), on one order or on all; by date. */
  'notes.list': channel<readonly Note[]>()(
    z.object({ orderId: id.optional(), includeDone: z.boolean().default(false) }).strict(),
  ),
  /** For oneself unless forUserId names another user; once made for another, only they see and change it. */
  'notes.add': channel<Note>()(
    z.object({ orderId: id, date: isoDate, text: requiredText(1000), forUserId: id.optional() }).strict(),
  ),
  /** Only the reminder's own user may change it (another's is refused as not found). */
  'notes.update': channel<Note>()(
    z
      .object({ id, version, date: isoDate.optional(), text: requiredText(1000).optional(), done: z.boolean().optional() })
      .strict(),
  ),
  'follow.get': channel<FollowState>()(z.object({ orderId: id }).strict()),
  /** Needs a logged-in user (with no users there is nobody to notify). */
  'follow.set': channel<FollowState>()(z.object({ orderId: id, following: z.boolean() }).strict()),
  /**
   * Newest first. Reading the list first records any reminder or task that has
   * come due (once: never twice for one date), so it writes.
   */
  'notifications.list': channel<{ readonly rows: readonly Notification[]; readonly unread: number }>()(
    z.object({ unreadOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(50) }).strict(),
  ),
  /** The bell's number: unread notifications, counting reminders and tasks come due but not yet listed. */
  'notifications.count': channel<{ readonly unread: number }>()(NO_INPUT),
  'notifications.markRead': channel<{ readonly unread: number }>()(
    z.object({ ids: z.array(id).min(1).max(500) }).strict(),
  ),
  'notifications.markAllRead': channel<{ readonly unread: number }>()(NO_INPUT),
} as const;
