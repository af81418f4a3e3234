// Printing and "save as PDF" in the Electron shell (src-main/app/printing.ts),
// without Electron: the sender gate and payload checks as plain functions, then
// the real handlers with a stand-in BrowserWindow, printer list and save dialog.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron';
import { IPC_PRINTING } from '../../shared/bridge';
import {
  bindPrinting,
  checkPrintRequest,
  checkSaveRequest,
  makePrintingHandlers,
  MAX_PDF_BASE64_LENGTH,
  safePdfFileName,
  toPrinterSummary,
  type PrinterInfoLike,
  type PrintingEventLike,
  type PrintWindowLike,
  type SenderLike,
} from '../../src-main/app/printing';
import { APP_ORIGIN } from '../../src-main/app/window';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n\u00e6\u00f8\u00e5\u0000\u00ff', 'latin1');
const PDF_B64 = PDF.toString('base64');

const PRINTERS: PrinterInfoLike[] = [
  { name: 'Lager_HP', displayName: 'Lager HP', options: { 'printer-is-default': 'true' } },
  { name: 'Kontor', displayName: 'Kontor', options: {} },
];

const sender: SenderLike = { getPrintersAsync: () => Promise.resolve(PRINTERS) };
const ours = (url = `${APP_ORIGIN}/index.html#/orders`): PrintingEventLike<SenderLike> => ({
  senderFrame: { url, parent: null },
  sender,
});

/** A BrowserWindow as far as the print job uses it; records what happens. */
class StandInWindow implements PrintWindowLike {
  static all: StandInWindow[] = [];
  url: string | null = null;
  fileDuringPrint: Buffer | null = null;
  printed: WebContentsPrintOptions | null = null;
  destroyed = false;
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    readonly behaviour: { printResult?: [boolean, string]; hang?: boolean } = {},
  ) {
    StandInWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    return Promise.resolve();
  }
  readonly webContents = {
    print: (options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void => {
      this.printed = options;
      this.fileDuringPrint = readFileSync(fileURLToPath(this.url ?? ''));
      if (this.behaviour.hang) return;
      const [ok, reason] = this.behaviour.printResult ?? [true, ''];
      setTimeout(() => callback(ok, reason), 1);
    },
  };
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

let temp: string;
let refused: string[];
beforeEach(() => {
  temp = mkdtempSync(join(tmpdir(), 'ordrebok-print-test-'));
  StandInWindow.all = [];
  refused = [];
});
afterEach(() => rmSync(temp, { recursive: true, force: true }));

function handlers(
  over: {
    behaviour?: StandInWindow['behaviour'];
    dialog?: { canceled: boolean; filePath?: string };
    timeoutMs?: number;
  } = {},
) {
  const dialogCalls: { defaultPath?: string | undefined }[] = [];
  const h = makePrintingHandlers<SenderLike>({
    appOrigin: APP_ORIGIN,
    createWindow: (options) => new StandInWindow(options, over.behaviour),
    showSaveDialog: (options) => {
      dialogCalls.push(options);
      return Promise.resolve(over.dialog ?? { canceled: true });
    },
    defaultSaveFolder: () => join(temp, 'Dokumenter'),
    tempFolder: temp,
    timeoutMs: over.timeoutMs ?? 5_000,
    settleMs: 0,
    onRefused: (s) => refused.push(s),
    onFault: () => {},
  });
  return { h, dialogCalls };
}

const jobFolders = () => readdirSync(temp).filter((n) => n.startsWith('ordrebok-print-'));

describe('who may print', () => {
  it.each([
    ['a web page', { url: 'https://evil.example/', parent: null }],
    ['a subframe of our own page', { url: `${APP_ORIGIN}/index.html`, parent: {} }],
    ['a file:// page', { url: 'file:///work/main/dist/renderer/index.html', parent: null }],
    ['the developer tools', { url: 'devtools://devtools/bundled/devtools_app.html', parent: null }],
    ['a frame that is gone', null],
  ])('refuses %s on every channel, before looking at the payload', async (_what, frame) => {
    const { h, dialogCalls } = handlers({ dialog: { canceled: false, filePath: join(temp, 'x.pdf') } });
    const event = { senderFrame: frame, sender };
    for (const result of [
      await h.listPrinters(event),
      await h.printPdf(event, PDF_B64, { printer: 'Lager_HP' }),
      await h.printPdf(event, 'not base64!', { copies: 1000 }),
      await h.savePdf(event, PDF_B64, 'Plukkliste 1001.pdf'),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden', field: null } });
    }
    expect(StandInWindow.all).toHaveLength(0);
    expect(dialogCalls).toHaveLength(0);
    expect(existsSync(join(temp, 'x.pdf'))).toBe(false);
    expect(refused).toHaveLength(4);
    expect(refused.join(' ')).not.toContain('/index.html');
  });
});

describe('payload checks', () => {
  it.each([
    ['no PDF', undefined, {}, 'required', 'pdfBase64'],
    ['an empty PDF', '', {}, 'required', 'pdfBase64'],
    ['a number for the PDF', 42, {}, 'invalid_type', 'pdfBase64'],
    ['text that is not base64', '%PDF-1.7 plain text', {}, 'invalid_format', 'pdfBase64'],
    ['base64 of the wrong length', 'JVBERi0', {}, 'invalid_format', 'pdfBase64'],
    ['base64 that is not a PDF', Buffer.from('<html>hei</html>').toString('base64'), {}, 'invalid_format', 'pdfBase64'],
    ['0 copies', PDF_B64, { copies: 0 }, 'too_small', 'opts.copies'],
    ['100 copies', PDF_B64, { copies: 100 }, 'too_big', 'opts.copies'],
    ['1.5 copies', PDF_B64, { copies: 1.5 }, 'not_integer', 'opts.copies'],
    ['copies as text', PDF_B64, { copies: '2' }, 'invalid_type', 'opts.copies'],
    ['an empty printer name', PDF_B64, { printer: '' }, 'required', 'opts.printer'],
    ['a 257-character printer name', PDF_B64, { printer: 'p'.repeat(257) }, 'too_long', 'opts.printer'],
    ['an unknown option', PDF_B64, { silent: false }, 'unknown_field', 'opts.silent'],
    ['options that are not an object', PDF_B64, 'Lager_HP', 'invalid_type', 'opts'],
  ])('printPdf refuses %s', (_what, pdf, opts, code, field) => {
    expect(checkPrintRequest(pdf, opts)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('refuses a PDF over the size limit with too_big, before decoding it', () => {
    const huge = 'A'.repeat(MAX_PDF_BASE64_LENGTH + 4);
    expect(checkPrintRequest(huge, {})).toMatchObject({ ok: false, error: { code: 'too_big', field: 'pdfBase64' } });
    expect(checkSaveRequest(huge, 'a.pdf')).toMatchObject({ ok: false, error: { code: 'too_big', field: 'pdfBase64' } });
  });

  it('accepts a PDF with defaults: one copy, the default printer', () => {
    const r = checkPrintRequest(PDF_B64, undefined);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.bytes.equals(PDF)).toBe(true);
      expect(r.value).toMatchObject({ copies: 1, printer: undefined });
    }
  });

  it.each([
    ['no name', PDF_B64, undefined, 'required', 'suggestedName'],
    ['a 201-character name', PDF_B64, `${'x'.repeat(197)}.pdf`, 'too_long', 'suggestedName'],
    ['a PDF that is not one', Buffer.from('GIF89a').toString('base64'), 'a.pdf', 'invalid_format', 'pdfBase64'],
  ])('savePdf refuses %s', (_what, pdf, name, code, field) => {
    expect(checkSaveRequest(pdf, name)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('typed errors carry both languages', () => {
    const r = checkPrintRequest(PDF_B64, { copies: 100 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message.nb).toBe('Verdien kan være høyst 99.');
      expect(r.error.message.en).toBe('The value can be at most 99.');
    }
  });

  it.each([
    ['Faktura 10023.pdf', 'Faktura 10023.pdf'],
    ['Pakkseddel ordre 5001 – Bølgen & Måne AS', 'Pakkseddel ordre 5001 – Bølgen & Måne AS.pdf'],
    ['../../etc/passwd', '_.._etc_passwd.pdf'],
    ['C:\\Windows\\faktura.PDF', 'C_Windows_faktura.PDF'],
    ['a:b*c?"d"<e>|f\u0000g', 'a_b_c_d_e_f_g.pdf'],
    ['...', 'dokument.pdf'],
    ['/', 'dokument.pdf'],
  ])('suggests %j as the file name %j', (suggested, expected) => {
    expect(safePdfFileName(suggested)).toBe(expected);
  });
});

describe('listPrinters', () => {
  it('returns name, display name and default flag for our page', async () => {
    const { h } = handlers();
    expect(await h.listPrinters(ours())).toEqual({
      ok: true,
      printers: [
        { name: 'Lager_HP', displayName: 'Lager HP', isDefault: true },
        { name: 'Kontor', displayName: 'Kontor', isDefault: false },
      ],
    });
    expect(toPrinterSummary({ name: 'X', displayName: '' })).toEqual({ name: 'X', displayName: 'X', isDefault: false });
  });
});

describe('printPdf', () => {
  it('prints the exact bytes, silently, to the named printer, from a hidden sandboxed window, then cleans up', async () => {
    const { h } = handlers();
    expect(await h.printPdf(ours(), PDF_B64, { printer: 'Lager_HP', copies: 3 })).toEqual({ ok: true });

    expect(StandInWindow.all).toHaveLength(1);
    const win = StandInWindow.all[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, plugins: true, nodeIntegration: false });
    expect(win.options.webPreferences?.preload).toBeUndefined();
    expect(win.url).toMatch(/^file:\/\/.*\.pdf$/);
    expect(win.fileDuringPrint?.equals(PDF)).toBe(true);
    expect(win.printed).toEqual({ silent: true, printBackground: true, deviceName: 'Lager_HP', copies: 3 });
    expect(win.destroyed).toBe(true);
    expect(existsSync(fileURLToPath(win.url ?? ''))).toBe(false);
    expect(jobFolders()).toEqual([]);
  });

  it('without a printer, prints one copy to the default printer (no deviceName)', async () => {
    const { h } = handlers();
    expect(await h.printPdf(ours(), PDF_B64, {})).toEqual({ ok: true });
    expect(StandInWindow.all[0]?.printed).toEqual({ silent: true, printBackground: true, copies: 1 });
  });

  it('refuses a printer the system does not have, without opening a window', async () => {
    const { h } = handlers();
    expect(await h.printPdf(ours(), PDF_B64, { printer: 'Nabokontoret' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_choice', field: 'opts.printer' },
    });
    expect(StandInWindow.all).toHaveLength(0);
    expect(jobFolders()).toEqual([]);
  });

  it('refuses a bad payload with its typed error, without opening a window', async () => {
    const { h } = handlers();
    expect(await h.printPdf(ours(), PDF_B64, { copies: 0 })).toMatchObject({ ok: false, error: { code: 'too_small' } });
    expect(StandInWindow.all).toHaveLength(0);
  });

  it('reports a printer failure as a typed error and still cleans up', async () => {
    const { h } = handlers({ behaviour: { printResult: [false, 'Print job failed'] } });
    const r = await h.printPdf(ours(), PDF_B64, { printer: 'Kontor' });
    expect(r).toMatchObject({ ok: false, error: { code: 'print_failed', field: null } });
    expect(StandInWindow.all[0]?.destroyed).toBe(true);
    expect(jobFolders()).toEqual([]);
  });

  it('times out cleanly when the printer never answers', async () => {
    const { h } = handlers({ behaviour: { hang: true }, timeoutMs: 100 });
    const started = Date.now();
    const r = await h.printPdf(ours(), PDF_B64, { printer: 'Kontor' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(r).toMatchObject({ ok: false, error: { code: 'print_failed', params: { reason: 'timeout' } } });
    expect(StandInWindow.all[0]?.destroyed).toBe(true);
    expect(jobFolders()).toEqual([]);
  });

  it('runs jobs one at a time: never two print windows open together', async () => {
    let open = 0;
    let most = 0;
    const track = makePrintingHandlers<SenderLike>({
      appOrigin: APP_ORIGIN,
      createWindow: (options) => {
        const w = new StandInWindow(options);
        open += 1;
        most = Math.max(most, open);
        const destroy = w.destroy.bind(w);
        w.destroy = () => {
          open -= 1;
          destroy();
        };
        return w;
      },
      showSaveDialog: () => Promise.resolve({ canceled: true }),
      tempFolder: temp,
      settleMs: 0,
      onFault: () => {},
    });
    const results = await Promise.all(Array.from({ length: 5 }, () => track.printPdf(ours(), PDF_B64, {})));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(most).toBe(1);
    expect(jobFolders()).toEqual([]);
  });
});

describe('savePdf', () => {
  it('suggests the Norwegian name in the documents folder and writes exactly the bytes to the chosen path', async () => {
    const target = join(temp, 'valgt', 'Faktura 10023.pdf');
    mkdirSync(join(temp, 'valgt'));
    const { h, dialogCalls } = handlers({ dialog: { canceled: false, filePath: target } });
    expect(await h.savePdf(ours(), PDF_B64, 'Faktura 10023 – Bølgen & Måne AS')).toEqual({ ok: true, path: target });
    expect(readFileSync(target).equals(PDF)).toBe(true);
    expect(dialogCalls).toHaveLength(1);
    expect(dialogCalls[0]).toMatchObject({
      defaultPath: join(temp, 'Dokumenter', 'Faktura 10023 – Bølgen & Måne AS.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
  });

  it('returns cancelled and writes nothing when the user closes the dialog', async () => {
    const { h } = handlers({ dialog: { canceled: true, filePath: '' } });
    expect(await h.savePdf(ours(), PDF_B64, 'Plukkliste.pdf')).toEqual({ ok: false, cancelled: true });
    expect(readdirSync(temp)).toEqual([]);
  });

  it('refuses a bad payload before asking the user anything', async () => {
    const { h, dialogCalls } = handlers({ dialog: { canceled: false, filePath: join(temp, 'x.pdf') } });
    expect(await h.savePdf(ours(), 'bm90IGEgcGRm', 'x.pdf')).toMatchObject({
      ok: false,
      error: { code: 'invalid_format', field: 'pdfBase64' },
    });
    expect(dialogCalls).toHaveLength(0);
    expect(existsSync(join(temp, 'x.pdf'))).toBe(false);
  });

  it('reports a folder it cannot write to as a typed error, not a crash', async () => {
    const { h } = handlers({ dialog: { canceled: false, filePath: join(temp, 'finnes-ikke', 'x.pdf') } });
    expect(await h.savePdf(ours(), PDF_B64, 'x.pdf')).toMatchObject({ ok: false, error: { code: 'save_failed' } });
  });
});

describe('bindPrinting', () => {
  it('registers the three channels and removes them again', async () => {
    const registered = new Map<string, (event: PrintingEventLike<SenderLike>, ...args: unknown[]) => unknown>();
    const { h } = handlers();
    const unbind = bindPrinting<SenderLike>(
      { handle: (c, fn) => registered.set(c, fn), removeHandler: (c) => registered.delete(c) },
      h,
    );
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_PRINTING).sort());
    expect(await registered.get(IPC_PRINTING.printPdf)?.(ours(), PDF_B64, { printer: 'Kontor', copies: 2 })).toEqual({ ok: true });
    expect(StandInWindow.all[0]?.printed).toMatchObject({ deviceName: 'Kontor', copies: 2 });
    expect(await registered.get(IPC_PRINTING.listPrinters)?.(ours('https://evil.example/'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    unbind();
    expect(registered.size).toBe(0);
  });
});
