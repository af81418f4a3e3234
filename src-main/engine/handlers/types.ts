import type { ChannelName, ChannelOutput, ChannelParsed } from '../../../shared/catalog';
import type { Right } from '../../../shared/enums';
import type { HandlerContext } from '../context';

export interface HandlerOptions {
  /** The right the whole channel needs (SPEC 8); finer checks happen inside handlers. */
  readonly right?: Right;
  /** Callable before anyone has logged in (the login screen's own channels). */
  readonly open?: boolean;
}

export interface Handler<K extends ChannelName> extends HandlerOptions {
  /** Writes run in an IMMEDIATE transaction; reads run in a deferred one. */
  readonly writes: boolean;
  readonly run: (input: ChannelParsed<K>, ctx: HandlerContext) => ChannelOutput<K>;
}

export type HandlerMap<K extends ChannelName> = { readonly [P in K]: Handler<P> };

export const reader = <K extends ChannelName>(run: Handler<K>['run'], opts: HandlerOptions = {}): Handler<K> => ({
  writes: false,
  run,
  ...opts,
});
export const writer = <K extends ChannelName>(run: Handler<K>['run'], opts: HandlerOptions = {}): Handler<K> => ({
  writes: true,
  run,
  ...opts,
});
