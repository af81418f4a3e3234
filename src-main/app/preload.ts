// The preload: the renderer's only door to main. It exposes window.ordrebok with
// one function, invoke(channel, input), over the single IPC_INVOKE channel, and
// nothing else: no ipcRenderer, no Node, no generic send. Runs sandboxed and is
// bundled to CommonJS (out/main/preload.cjs) by scripts/build-main.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE, type OrdrebokBridge } from '../../shared/bridge';

const bridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
} satisfies OrdrebokBridge;

contextBridge.exposeInMainWorld('ordrebok', bridge);
