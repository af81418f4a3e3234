import type { ChannelName, ChannelOutput, ChannelParsed } from '../../../shared/catalog';
import type { HandlerContext } from '../context';
import { asOneChange } from '../services/notifications';

// Who may call a channel is declared with the channel itself (shared/access.ts), not here.
export interface Handler<K extends ChannelName> {
  /** Writes run in an IMMEDIATE transaction; reads run in a deferred one. */
  readonly writes: boolean;
  /** A preview: runs as the step it previews would, in a transaction that is always rolled back (services/dryRun.ts). */
  readonly rollsBack?: boolean;
  readonly run: (input: ChannelParsed<K>, ctx: HandlerContext) => ChannelOutput<K>;
}

export type HandlerMap<K extends ChannelName> = { readonly [P in K]: Handler<P> };

export const reader = <K extends ChannelName>(run: Handler<K>['run']): Handler<K> => ({ writes: false, run });
/** A writing call is one change: its followers hear of it once (services/notifications.ts). */
export const writer = <K extends ChannelName>(run: Handler<K>['run']): Handler<K> => ({
  writes: true,
  run: (input, ctx) => asOneChange(ctx.db, () => run(input, ctx)),
});
/** What a step would do: its work is undone whatever happens, so it writes nothing (not even an empty commit). */
export const previewer = <K extends ChannelName>(run: Handler<K>['run']): Handler<K> => ({ writes: false, rollsBack: true, run });
