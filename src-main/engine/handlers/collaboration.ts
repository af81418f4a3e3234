// Comments, tasks, personal reminders, following and notifications (issue 12).
import { commentsOf, notesFor, tasksAssigned, tasksOf } from '../repos/collaboration';
import { addComment, addNote, addTask, changeNote, changeTask, follow, followState, requireOrder, requireProject } from '../services/collaboration';
import { listNotifications, markNotificationsRead, unreadCount } from '../services/notifications';
import { reader, writer, type HandlerMap } from './types';

type Channels =
  | 'comments.list'
  | 'comments.add'
  | 'tasks.list'
  | 'tasks.mine'
  | 'tasks.add'
  | 'tasks.update'
  | 'notes.list'
  | 'notes.add'
  | 'notes.update'
  | 'follow.get'
  | 'follow.set'
  | 'notifications.list'
  | 'notifications.count'
  | 'notifications.markRead'
  | 'notifications.markAllRead';

export const collaborationHandlers: HandlerMap<Channels> = {
  'comments.list': reader((input, ctx) => {
    requireOrder(ctx, input.orderId);
    return commentsOf(ctx.db, input.orderId);
  }),
  'comments.add': writer((input, ctx) => addComment(ctx, input)),
  'tasks.list': reader((input, ctx) => {
    if (input.orderId !== undefined) {
      requireOrder(ctx, input.orderId);
      return tasksOf(ctx.db, { orderId: input.orderId }, ctx.today);
    }
    const projectId = input.projectId!;
    requireProject(ctx, projectId);
    return tasksOf(ctx.db, { projectId }, ctx.today);
  }),
  'tasks.mine': reader((input, ctx) => tasksAssigned(ctx.db, ctx.userId, input.includeDone, ctx.today)),
  'tasks.add': writer((input, ctx) => addTask(ctx, input)),
  'tasks.update': writer((input, ctx) => changeTask(ctx, input)),
  'notes.list': reader((input, ctx) => {
    if (input.orderId !== undefined) requireOrder(ctx, input.orderId);
    return notesFor(ctx.db, ctx.userId, input.orderId ?? null, input.includeDone, ctx.today);
  }),
  'notes.add': writer((input, ctx) => addNote(ctx, input)),
  'notes.update': writer((input, ctx) => changeNote(ctx, input)),
  'follow.get': reader((input, ctx) => followState(ctx, input.orderId)),
  'follow.set': writer((input, ctx) => follow(ctx, input.orderId, input.following)),
  // Writes: reading the list records the reminders and tasks that have come due (once).
  'notifications.list': writer((input, ctx) => listNotifications(ctx, input.unreadOnly, input.limit)),
  'notifications.count': reader((_input, ctx) => ({ unread: unreadCount(ctx) })),
  'notifications.markRead': writer((input, ctx) => markNotificationsRead(ctx, input.ids)),
  'notifications.markAllRead': writer((_input, ctx) => markNotificationsRead(ctx, 'all')),
};
