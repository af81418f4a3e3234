// The one binding between ipcMain and the engine. Every renderer call arrives on
// IPC_INVOKE as (channel, input) and passes three gates in this order:
//   1. the sender is the top frame of one of our own pages (not a subframe, not
//      devtools, not a page from anywhere else)          -> else `forbidden`
//   2. the channel is in the catalog                     -> else `unknown_channel`
//   3. the payload matches the channel's schema          -> else the field's error
// Gate 3 is the engine's own (callUnknown validates with zod). Refusals are
// typed results, never exceptions, and no payload is ever logged.
// electron is imported for types only: main.ts passes ipcMain in.
import type { IpcMain } from 'electron';
import { isChannelName, type ChannelName } from '../../shared/catalog';
import { IPC_INVOKE } from '../../shared/bridge';
import { errorData, type DomainErrorData, type Result } from '../../shared/errors';
import type { Engine } from '../engine';
import { isAppUrl } from './window';

export type InvokeDecision =
  | { readonly ok: true; readonly channel: ChannelName }
  | { readonly ok: false; readonly error: DomainErrorData };

/**
 * Gates 1 and 2 as a plain function. `senderUrl` is the URL of the frame that
 * sent the call (null once that frame is gone), `isMainFrame` whether it is the
 * top frame of its window, `appOrigin` the origin of our pages.
 */
export function decideInvoke(
  senderUrl: string | null,
  isMainFrame: boolean,
  channel: unknown,
  appOrigin: string,
): InvokeDecision {
  if (!isMainFrame || !isAppUrl(senderUrl, appOrigin)) return { ok: false, error: errorData('forbidden', null) };
  if (!isChannelName(channel)) {
    return { ok: false, error: errorData('unknown_channel', null, { channel: String(channel).slice(0, 64) }) };
  }
  return { ok: true, channel };
}

/** The part of Electron's IpcMainInvokeEvent the wrapper reads; a test can build one by hand. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  /** The window's web contents: its id is the workstation session the engine remembers the login for. */
  readonly sender?: { readonly id: number };
}

export interface InvokeHandlerOptions {
  readonly engine: Pick<Engine, 'callUnknown'>;
  readonly appOrigin: string;
  /** Told about refused senders, with the reason and the sender's scheme and host only. Default: console.warn. */
  readonly onRefused?: (reason: 'forbidden', sender: string) => void;
  /** Told about faults thrown past the engine; gets the channel name, never the payload. Default: console.error. */
  readonly onInternalError?: (channel: ChannelName, error: unknown) => void;
}

function describeSender(url: string | null): string {
  if (!url) return '(gone)';
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable)';
  }
}

const logRefused = (reason: string, sender: string) => console.warn(`[ordrebok] refused an IPC call (${reason}) from ${sender}`);
const logFault = (channel: string, error: unknown) => console.error(`[ordrebok] IPC fault in ${channel}:`, error);

/** The handler ipcMain runs for IPC_INVOKE. */
export function makeInvokeHandler(opts: InvokeHandlerOptions) {
  const onRefused = opts.onRefused ?? logRefused;
  const onInternalError = opts.onInternalError ?? logFault;
  return async (event: InvokeEventLike, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const frame = event.senderFrame;
    const decision = decideInvoke(frame?.url ?? null, frame !== null && frame.parent === null, channel, opts.appOrigin);
    if (!decision.ok) {
      if (decision.error.code === 'forbidden') onRefused('forbidden', describeSender(frame?.url ?? null));
      return { ok: false, error: decision.error };
    }
    try {
      return await opts.engine.callUnknown(decision.channel, input, { sessionKey: `window-${event.sender?.id ?? 0}` });
    } catch (err) {
      // callUnknown returns refusals as data; anything thrown is a fault (a closed
      // database, say). The renderer gets the typed `internal` error, not a stack.
      onInternalError(decision.channel, err);
      return { ok: false, error: errorData('internal', null) };
    }
  };
}

/** Registers the handler; returns the function that removes it again. */
export function bindInvoke(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handler: ReturnType<typeof makeInvokeHandler>,
): () => void {
  ipcMain.handle(IPC_INVOKE, handler);
  return () => ipcMain.removeHandler(IPC_INVOKE);
}
