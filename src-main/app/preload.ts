// The preload: the renderer's only door to main. It exposes window.ordrebok with
// invoke(channel, input) over the single IPC_INVOKE channel and, in the app only,
// `printing` (list printers, print a PDF, save a PDF) over the IPC_PRINTING
// channels; nothing else: no ipcRenderer, no Node, no generic send. Runs
// sandboxed and is bundled to CommonJS (out/main/preload.cjs) by scripts/build-main.ts.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE, IPC_PRINTING, type OrdrebokBridge, type OrdrebokPrinting } from '../../shared/bridge';

const printing = {
  listPrinters: () => ipcRenderer.invoke(IPC_PRINTING.listPrinters),
  printPdf: (pdfBase64, opts) => ipcRenderer.invoke(IPC_PRINTING.printPdf, pdfBase64, opts),
  savePdf: (pdfBase64, suggestedName) => ipcRenderer.invoke(IPC_PRINTING.savePdf, pdfBase64, suggestedName),
} satisfies OrdrebokPrinting;

const bridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  printing,
} satisfies OrdrebokBridge;

contextBridge.exposeInMainWorld('ordrebok', bridge);
