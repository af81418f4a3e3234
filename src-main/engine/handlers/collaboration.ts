// Comments, tasks, personal reminders, following and notifications (issue 12).
// PLACEHOLDER while the engine is built: the contract is in shared/channels/collaboration.ts.
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

const notYet = (name: string) => () => {
  throw new Error(`${name}: not built yet`);
};

export const collaborationHandlers: HandlerMap<Channels> = {
  'comments.list': reader(notYet('comments.list')),
  'comments.add': writer(notYet('comments.add')),
  'tasks.list': reader(notYet('tasks.list')),
  'tasks.mine': reader(notYet('tasks.mine')),
  'tasks.add': writer(notYet('tasks.add')),
  'tasks.update': writer(notYet('tasks.update')),
  'notes.list': reader(notYet('notes.list')),
  'notes.add': writer(notYet('notes.add')),
  'notes.update': writer(notYet('notes.update')),
  'follow.get': reader(notYet('follow.get')),
  'follow.set': writer(notYet('follow.set')),
  'notifications.list': writer(notYet('notifications.list')),
  'notifications.count': reader(notYet('notifications.count')),
  'notifications.markRead': writer(notYet('notifications.markRead')),
  'notifications.markAllRead': writer(notYet('notifications.markAllRead')),
};
