// Printing and "save as PDF" for the Electron shell (issue 4). The engine renders
// a document to PDF bytes; this module only moves those bytes to a printer or a
// file. Three ipcMain channels (IPC_PRINTING), each behind the same sender gate
// as IPC_INVOKE (the top frame of one of our own pages, else `forbidden`), then
// a zod check of the payload. Refusals are typed results, never exceptions, and
// no payload is ever logged.
//
// Printing: the PDF goes to a private temp folder, a hidden sandboxed window
// opens it in Chromium's PDF viewer and prints it without a dialog to the named
// printer; window and folder are removed afterwards, also on failure or timeout.
// One job at a time, so a batch of 500 picking lists never opens 500 windows.
//
// electron is imported for types only: main.ts passes the Electron pieces in.
import type { BrowserWindowConstructorOptions, SaveDialogOptions, WebContentsPrintOptions } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  IPC_PRINTING,
  type ListPrintersResult,
  type PrinterSummary,
  type PrintingRefusal,
  type PrintPdfResult,
  type SavePdfResult,
} from '../../shared/bridge';
import { errorData, type DomainErrorData } from '../../shared/errors';
import { zodToDomainError } from '../engine/validation';
import { isAppUrl } from './window';

/** The largest PDF accepted, in bytes. A 200-line picking list is far below it. */
export const MAX_PDF_BYTES = 25 * 1024 * 1024;
/** MAX_PDF_BYTES in base64 characters. */
export const MAX_PDF_BASE64_LENGTH = Math.ceil(MAX_PDF_BYTES / 3) * 4;
export const MAX_PRINTER_NAME_LENGTH = 256;
export const MAX_FILE_NAME_LENGTH = 200;
export const MAX_COPIES = 99;
/** From opening the PDF to the printer accepting the job. */
export const PRINT_TIMEOUT_MS = 60_000;
/** Time for the PDF viewer to lay out its pages after the load event, before printing. */
export const PRINT_SETTLE_MS = 500;

// ---------------------------------------------------------------------------
// The gate and the payloads, as plain functions.

/** The part of Electron's IpcMainInvokeEvent the printing handlers read. */
export interface PrintingEventLike<S> {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender: S;
}

/** Gate 1 of ipc.ts: the top frame of one of our own pages. */
export function isTrustedSender(frame: { readonly url: string; readonly parent: unknown } | null, appOrigin: string): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appOrigin);
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const pdfSchema = z
  .string()
  .min(1)
  .regex(BASE64)
  .refine((s) => s.length % 4 === 0, { message: 'invalid_format' });

const printSchema = z.strictObject({
  pdfBase64: pdfSchema,
  opts: z.strictObject({
    printer: z.string().min(1).max(MAX_PRINTER_NAME_LENGTH).optional(),
    copies: z.number().int().min(1).max(MAX_COPIES).optional(),
  }),
});

const saveSchema = z.strictObject({
  pdfBase64: pdfSchema,
  suggestedName: z.string().min(1).max(MAX_FILE_NAME_LENGTH),
});

type Checked<T> = { readonly ok: true; readonly value: T } | PrintingRefusal;

/** Decodes base64 that passed the schema; refuses anything that is not a PDF. */
function pdfBytes(pdfBase64: string): Checked<Buffer> {
  const bytes = Buffer.from(pdfBase64, 'base64');
  if (bytes.length < 5 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    return { ok: false, error: errorData('invalid_format', 'pdfBase64') };
  }
  return { ok: true, value: bytes };
}

/** Refuses an oversized PDF before zod walks the string. */
function sizeRefusal(pdfBase64: unknown): PrintingRefusal | null {
  if (typeof pdfBase64 === 'string' && pdfBase64.length > MAX_PDF_BASE64_LENGTH) {
    return { ok: false, error: errorData('too_big', 'pdfBase64', { max: MAX_PDF_BYTES }) };
  }
  return null;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, error: zodToDomainError(r.error, input).data };
}

export interface PrintRequest {
  readonly bytes: Buffer;
  readonly printer: string | undefined;
  readonly copies: number;
}

/** Checks printPdf's arguments as the renderer sent them. */
export function checkPrintRequest(pdfBase64: unknown, opts: unknown): Checked<PrintRequest> {
  const big = sizeRefusal(pdfBase64);
  if (big) return big;
  const input = { pdfBase64, opts: opts ?? {} };
  const parsed = parse(printSchema, input);
  if (!parsed.ok) return parsed;
  const bytes = pdfBytes(parsed.value.pdfBase64);
  if (!bytes.ok) return bytes;
  return { ok: true, value: { bytes: bytes.value, printer: parsed.value.opts.printer, copies: parsed.value.opts.copies ?? 1 } };
}

export interface SaveRequest {
  readonly bytes: Buffer;
  readonly fileName: string;
}

/** Checks savePdf's arguments as the renderer sent them. */
export function checkSaveRequest(pdfBase64: unknown, suggestedName: unknown): Checked<SaveRequest> {
  const big = sizeRefusal(pdfBase64);
  if (big) return big;
  const parsed = parse(saveSchema, { pdfBase64, suggestedName });
  if (!parsed.ok) return parsed;
  const bytes = pdfBytes(parsed.value.pdfBase64);
  if (!bytes.ok) return bytes;
  return { ok: true, value: { bytes: bytes.value, fileName: safePdfFileName(parsed.value.suggestedName) } };
}

/**
 * A suggested name made safe as the default of a save dialog: one file name (no
 * folders), no characters Windows refuses, ending in .pdf. Norwegian letters stay.
 */
export function safePdfFileName(suggested: string): string {
  const cleaned = suggested
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, MAX_FILE_NAME_LENGTH);
  const base = cleaned === '' || cleaned === '_' ? 'dokument' : cleaned;
  return /\.pdf$/i.test(base) ? base : `${base}.pdf`;
}

/** What Electron's getPrintersAsync returns, as far as we read it. */
export interface PrinterInfoLike {
  readonly name: string;
  readonly displayName: string;
  readonly options?: unknown;
  /** Removed from Electron's PrinterInfo; read if a runtime still sends it. */
  readonly isDefault?: unknown;
}

/**
 * Electron no longer reports which printer is the default as such; some
 * platforms say so among the options (`is-default` / `printer-is-default`).
 */
export function toPrinterSummary(info: PrinterInfoLike): PrinterSummary {
  const options = (typeof info.options === 'object' && info.options !== null ? info.options : {}) as Record<string, unknown>;
  const flag = (v: unknown) => v === true || v === 'true';
  return {
    name: info.name,
    displayName: info.displayName || info.name,
    isDefault: flag(info.isDefault) || flag(options['is-default']) || flag(options['printer-is-default']),
  };
}

/** The hidden window a PDF is printed from: no preload, no Node, sandboxed, the PDF viewer on. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      plugins: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: true, // Chromium's PDF viewer is itself a web page
      spellcheck: false,
    },
  };
}

export function printOptions(request: PrintRequest): WebContentsPrintOptions {
  return {
    silent: true,
    printBackground: true,
    copies: request.copies,
    ...(request.printer ? { deviceName: request.printer } : {}),
  };
}

// ---------------------------------------------------------------------------
// The handlers, with Electron passed in.

/** The part of a BrowserWindow the print job uses; a test can build one by hand. */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
  isDestroyed(): boolean;
  destroy(): void;
}

export interface SenderLike {
  getPrintersAsync(): Promise<PrinterInfoLike[]>;
}

export interface PrintingOptions<S extends SenderLike> {
  readonly appOrigin: string;
  /** `new BrowserWindow(options)` */
  readonly createWindow: (options: BrowserWindowConstructorOptions) => PrintWindowLike;
  /** dialog.showSaveDialog, parented to the sender's window where it has one. */
  readonly showSaveDialog: (
    options: SaveDialogOptions,
    sender: S,
  ) => Promise<{ readonly canceled: boolean; readonly filePath?: string | undefined }>;
  /** The folder the save dialog starts in (the user's documents); called when needed. */
  readonly defaultSaveFolder?: () => string;
  /** Where print jobs' temp folders go. Default: os.tmpdir(). */
  readonly tempFolder?: string;
  readonly timeoutMs?: number;
  readonly settleMs?: number;
  /** Told about refused senders, with the sender's scheme and host only. Default: console.warn. */
  readonly onRefused?: (sender: string) => void;
  /** Told about failed jobs (never the payload). Default: console.error. */
  readonly onFault?: (what: 'print' | 'save' | 'list', error: unknown) => void;
}

function describeSender(url: string | null | undefined): string {
  if (!url) return '(gone)';
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparsable)';
  }
}

const FORBIDDEN: PrintingRefusal = { ok: false, error: errorData('forbidden', null) };

function failed(reason: string): PrintingRefusal {
  const error: DomainErrorData = errorData(reason === 'save' ? 'save_failed' : 'print_failed', null, { reason: reason.slice(0, 64) });
  return { ok: false, error };
}

class Timeout extends Error {}

function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(new Timeout());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_ok, fail) => {
    timer = setTimeout(() => fail(new Timeout()), left);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function makePrintingHandlers<S extends SenderLike>(opts: PrintingOptions<S>) {
  const onRefused = opts.onRefused ?? ((s: string) => console.warn(`[ordrebok] refused a printing call (forbidden) from ${s}`));
  const onFault = opts.onFault ?? ((what: string, e: unknown) => console.error(`[ordrebok] ${what} failed:`, e));
  const timeoutMs = opts.timeoutMs ?? PRINT_TIMEOUT_MS;
  const settleMs = opts.settleMs ?? PRINT_SETTLE_MS;
  let queue: Promise<unknown> = Promise.resolve();

  const gate = (event: PrintingEventLike<S>): boolean => {
    if (isTrustedSender(event.senderFrame, opts.appOrigin)) return true;
    onRefused(describeSender(event.senderFrame?.url));
    return false;
  };

  async function runPrintJob(request: PrintRequest): Promise<PrintPdfResult> {
    const deadline = Date.now() + timeoutMs;
    let folder: string | null = null;
    let window: PrintWindowLike | null = null;
    try {
      folder = await mkdtemp(join(opts.tempFolder ?? tmpdir(), 'ordrebok-print-'));
      const file = join(folder, 'dokument.pdf');
      await writeFile(file, request.bytes, { mode: 0o600 });
      window = opts.createWindow(printWindowOptions());
      const win = window;
      await withDeadline(win.loadURL(pathToFileURL(file).href), deadline);
      if (settleMs > 0) await withDeadline(new Promise((ok) => setTimeout(ok, settleMs)), deadline);
      const outcome = await withDeadline(
        new Promise<{ success: boolean; reason: string }>((ok) =>
          win.webContents.print(printOptions(request), (success, reason) => ok({ success, reason })),
        ),
        deadline,
      );
      if (!outcome.success) {
        onFault('print', new Error(outcome.reason || 'print failed'));
        return failed(outcome.reason || 'print_failed');
      }
      return { ok: true };
    } catch (err) {
      onFault('print', err instanceof Timeout ? new Error(`timed out after ${timeoutMs} ms`) : err);
      return failed(err instanceof Timeout ? 'timeout' : 'error');
    } finally {
      if (window && !window.isDestroyed()) window.destroy();
      if (folder) await rm(folder, { recursive: true, force: true }).catch((e: unknown) => onFault('print', e));
    }
  }

  return {
    async listPrinters(event: PrintingEventLike<S>): Promise<ListPrintersResult> {
      if (!gate(event)) return FORBIDDEN;
      try {
        const printers = await event.sender.getPrintersAsync();
        return { ok: true, printers: printers.map(toPrinterSummary) };
      } catch (err) {
        onFault('list', err);
        return failed('list');
      }
    },

    async printPdf(event: PrintingEventLike<S>, pdfBase64: unknown, printOpts: unknown): Promise<PrintPdfResult> {
      if (!gate(event)) return FORBIDDEN;
      const checked = checkPrintRequest(pdfBase64, printOpts);
      if (!checked.ok) return checked;
      const request = checked.value;
      if (request.printer !== undefined) {
        let known: PrinterInfoLike[];
        try {
          known = await event.sender.getPrintersAsync();
        } catch (err) {
          onFault('list', err);
          return failed('list');
        }
        if (!known.some((p) => p.name === request.printer)) {
          return { ok: false, error: errorData('invalid_choice', 'opts.printer') };
        }
      }
      const job = queue.then(() => runPrintJob(request));
      queue = job.catch(() => undefined);
      return job;
    },

    async savePdf(event: PrintingEventLike<S>, pdfBase64: unknown, suggestedName: unknown): Promise<SavePdfResult> {
      if (!gate(event)) return FORBIDDEN;
      const checked = checkSaveRequest(pdfBase64, suggestedName);
      if (!checked.ok) return checked;
      const { bytes, fileName } = checked.value;
      try {
        const folder = opts.defaultSaveFolder?.();
        const choice = await opts.showSaveDialog(
          {
            title: 'Lagre som PDF',
            defaultPath: folder ? join(folder, fileName) : fileName,
            buttonLabel: 'Lagre',
            filters: [{ name: 'PDF', extensions: ['pdf'] }],
            properties: ['createDirectory', 'showOverwriteConfirmation'],
          },
          event.sender,
        );
        if (choice.canceled || !choice.filePath) return { ok: false, cancelled: true };
        await writeFile(choice.filePath, bytes);
        return { ok: true, path: choice.filePath };
      } catch (err) {
        onFault('save', err);
        return failed('save');
      }
    },
  };
}

export type PrintingHandlers<S extends SenderLike> = ReturnType<typeof makePrintingHandlers<S>>;

/** Registers the three printing channels; returns the function that removes them again. */
export function bindPrinting<S extends SenderLike>(
  ipcMain: {
    handle(channel: string, listener: (event: PrintingEventLike<S>, ...args: unknown[]) => unknown): void;
    removeHandler(channel: string): void;
  },
  handlers: PrintingHandlers<S>,
): () => void {
  ipcMain.handle(IPC_PRINTING.listPrinters, (event) => handlers.listPrinters(event));
  ipcMain.handle(IPC_PRINTING.printPdf, (event, pdf, printOpts) => handlers.printPdf(event, pdf, printOpts));
  ipcMain.handle(IPC_PRINTING.savePdf, (event, pdf, name) => handlers.savePdf(event, pdf, name));
  return () => {
    for (const channel of Object.values(IPC_PRINTING)) ipcMain.removeHandler(channel);
  };
}
