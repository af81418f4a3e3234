import type { ChannelName, ChannelOutput, ChannelParsed } from '../../../shared/catalog';
import type { HandlerContext } from '../context';
import { asOneChange } from '../services/notifications';

// Who may call a channel is declared with the channel itself (shared/access.ts), not here.
export type Handler<K extends ChannelName> = TxHandler<K> | BatchedReader<K>;

export interface TxHandler<K extends ChannelName> {
  readonly batched?: undefined;
  /** Writes run in an IMMEDIATE transaction; reads run in a deferred one. */
  readonly writes: boolean;
  /** A preview: runs as the step it previews would, in a transaction that is always rolled back (services/dryRun.ts). */
  readonly rollsBack?: boolean;
  readonly run: (input: ChannelParsed<K>, ctx: HandlerContext) => ChannelOutput<K>;
}

/**
 * What a batched reader is given: no connection of its own, but `read`, which runs
 * one short read transaction (with the context as of that moment). Between two
 * reads the reader awaits, so other calls get the engine in between.
 */
export type BatchContext = Omit<HandlerContext, 'db' | 'dataVersion'> & {
  readonly read: <T>(work: (ctx: HandlerContext) => T) => T;
};

/**
 * A long read (issue 13: exporting a whole list): reads in batches, each its own
 * short read transaction, and works asynchronously between them (a file written
 * by a library that works asynchronously), so a big list never holds the engine for long.
 */
export interface BatchedReader<K extends ChannelName> {
  readonly batched: true;
  readonly writes: false;
  readonly rollsBack?: undefined;
  readonly run: (input: ChannelParsed<K>, ctx: BatchContext) => Promise<ChannelOutput<K>>;
}

export const batchedReader = <K extends ChannelName>(run: BatchedReader<K>['run']): BatchedReader<K> => ({ batched: true, writes: false, run });

/** An area's handlers, run in one transaction each (other handlers may call them inside theirs). */
export type HandlerMap<K extends ChannelName> = { readonly [P in K]: TxHandler<P> };
/** The whole catalog's handlers: in one transaction, or batched. */
export type AnyHandlerMap<K extends ChannelName> = { readonly [P in K]: Handler<P> };

export const reader = <K extends ChannelName>(run: TxHandler<K>['run']): TxHandler<K> => ({ writes: false, run });
/** A writing call is one change: its followers hear of it once (services/notifications.ts). */
export const writer = <K extends ChannelName>(run: TxHandler<K>['run']): TxHandler<K> => ({
  writes: true,
  run: (input, ctx) => asOneChange(ctx.db, () => run(input, ctx)),
});
/** What a step would do: its work is undone whatever happens, so it writes nothing (not even an empty commit). */
export const previewer = <K extends ChannelName>(run: TxHandler<K>['run']): TxHandler<K> => ({ writes: false, rollsBack: true, run });
