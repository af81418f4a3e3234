// What the Electron preload exposes to the renderer as window.ordrebok: one
// typed invoke over one IPC channel. The host transport offers the same shape.
// In Electron the preload adds `printing`, which a browser (the host) lacks:
// the renderer feature-detects it (`window.ordrebok.printing?.printPdf`) and
// falls back to the browser's own PDF handling where it is absent.
import type { ChannelInput, ChannelName, ChannelOutput } from './catalog';
import type { DomainErrorData, Result } from './errors';

/** A printer as the operating system reports it. */
export interface PrinterSummary {
  /** The name the OS knows it by: pass it back as `printer` to printPdf. */
  readonly name: string;
  /** The name to show the user. */
  readonly displayName: string;
  /** True for the system's default printer (used when printPdf gets no printer). */
  readonly isDefault: boolean;
}

export interface PrintPdfOptions {
  /** PrinterSummary.name; omitted: the system's default printer. At most 256 characters. */
  readonly printer?: string;
  /** 1–99; default 1. */
  readonly copies?: number;
}

export type PrintingRefusal = { readonly ok: false; readonly error: DomainErrorData };
export type ListPrintersResult = { readonly ok: true; readonly printers: PrinterSummary[] } | PrintingRefusal;
export type PrintPdfResult = { readonly ok: true } | PrintingRefusal;
/** `cancelled`: the user closed the save dialog; nothing was written and nothing needs saying. */
export type SavePdfResult =
  | { readonly ok: true; readonly path: string }
  | { readonly ok: false; readonly cancelled: true }
  | PrintingRefusal;

export interface OrdrebokPrinting {
  listPrinters(): Promise<ListPrintersResult>;
  /** Prints a PDF (base64, as documents.render returns it) without a dialog. */
  printPdf(pdfBase64: string, opts: PrintPdfOptions): Promise<PrintPdfResult>;
  /** Asks where to save (suggesting `suggestedName`), then writes exactly these bytes there. */
  savePdf(pdfBase64: string, suggestedName: string): Promise<SavePdfResult>;
}

export interface OrdrebokBridge {
  invoke<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<Result<ChannelOutput<K>>>;
  /** Present in the Electron app only. */
  readonly printing?: OrdrebokPrinting;
}

/** The single ipcMain channel; the channel name and payload travel inside it. */
export const IPC_INVOKE = 'ordrebok:invoke';

/** The printing channels, one per OrdrebokPrinting function, guarded like IPC_INVOKE. */
export const IPC_PRINTING = {
  listPrinters: 'ordrebok:printing:list',
  printPdf: 'ordrebok:printing:print',
  savePdf: 'ordrebok:printing:save',
} as const;
