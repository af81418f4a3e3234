// What the Electron preload exposes to the renderer as window.ordrebok: one
// typed invoke over one IPC channel. The host transport offers the same shape.
import type { ChannelInput, ChannelName, ChannelOutput } from './catalog';
import type { Result } from './errors';

export interface OrdrebokBridge {
  invoke<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
}

/** The single ipcMain channel; the channel name and payload travel inside it. */
export const IPC_INVOKE = 'ordrebok:invoke';
