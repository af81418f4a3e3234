import type { ChannelName, ChannelOutput, ChannelParsed } from '../../../shared/catalog';
import type { HandlerContext, TaskContext } from '../context';
import { asOneChange } from '../services/notifications';

// Who may call a channel is declared with the channel itself (shared/access.ts), not here.
export interface Handler<K extends ChannelName> {
  /** Writes run in an IMMEDIATE transaction; reads run in a deferred one. */
  readonly writes: boolean;
  /** A preview: runs as the step it previews would, in a transaction that is always rolled back (services/dryRun.ts). */
  readonly rollsBack?: boolean;
  /**
   * Work done before the transaction and outside it, touching no database (reading
   * an uploaded spreadsheet: exceljs reads asynchronously). Its result reaches `run`.
   */
  readonly prepare?: (input: ChannelParsed<K>) => Promise<unknown>;
  readonly run: (input: ChannelParsed<K>, ctx: HandlerContext, prepared?: unknown) => ChannelOutput<K>;
}

/**
 * Work that cannot run inside one transaction (issue 13: a backup copies the file
 * step by step while other calls go on; a restore closes and reopens the file).
 * It runs outside any transaction and does its database work through
 * ctx.read / ctx.write, each one transaction of its own.
 */
export interface TaskHandler<K extends ChannelName> {
  readonly writes: boolean;
  readonly task: (input: ChannelParsed<K>, ctx: TaskContext) => Promise<ChannelOutput<K>>;
}

export type AnyHandler<K extends ChannelName> = Handler<K> | TaskHandler<K>;

/** The channels whose handlers are tasks (the type keeps every other handler's `run` callable by name). */
export type TaskChannel = 'backup.create' | 'backup.restore' | 'export.list';

export type HandlerMap<K extends ChannelName> = { readonly [P in K]: P extends TaskChannel ? TaskHandler<P> : Handler<P> };

export const isTask = <K extends ChannelName>(h: AnyHandler<K>): h is TaskHandler<K> => 'task' in h;
/** A task that writes (through ctx.write). */
export const task = <K extends ChannelName>(run: TaskHandler<K>['task']): TaskHandler<K> => ({ writes: true, task: run });
/** A task that only reads, in short transactions through ctx.read (an export of a long list). */
export const readingTask = <K extends ChannelName>(run: TaskHandler<K>['task']): TaskHandler<K> => ({ writes: false, task: run });

export const reader = <K extends ChannelName>(run: Handler<K>['run']): Handler<K> => ({ writes: false, run });
/** A writing call is one change: its followers hear of it once (services/notifications.ts). */
export const writer = <K extends ChannelName>(run: Handler<K>['run']): Handler<K> => ({
  writes: true,
  run: (input, ctx) => asOneChange(ctx.db, () => run(input, ctx)),
});
/** What a step would do: its work is undone whatever happens, so it writes nothing (not even an empty commit). */
export const previewer = <K extends ChannelName>(run: Handler<K>['run']): Handler<K> => ({ writes: false, rollsBack: true, run });

/** A writer whose input is first read outside the transaction (Handler.prepare): an uploaded file. */
export const preparedWriter = <K extends ChannelName, P>(
  prepare: (input: ChannelParsed<K>) => Promise<P>,
  run: (input: ChannelParsed<K>, ctx: HandlerContext, prepared: P) => ChannelOutput<K>,
): Handler<K> => ({
  writes: true,
  prepare,
  run: (input, ctx, p) => asOneChange(ctx.db, () => run(input, ctx, p as P)),
});
/** A previewer (always rolled back) whose input is first read outside the transaction. */
export const preparedPreviewer = <K extends ChannelName, P>(
  prepare: (input: ChannelParsed<K>) => Promise<P>,
  run: (input: ChannelParsed<K>, ctx: HandlerContext, prepared: P) => ChannelOutput<K>,
): Handler<K> => ({ writes: false, rollsBack: true, prepare, run: (input, ctx, p) => run(input, ctx, p as P) });
