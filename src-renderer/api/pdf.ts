// What the renderer does with a PDF the engine issued. In the Electron app the
// preload's printing bridge prints to a named printer and saves through the
// system's dialog; in a browser (the loopback host) the browser's own PDF
// viewer opens it (print from there) and saving is a download.
import type { PrinterSummary } from '../../shared/bridge';
import type { DomainErrorData } from '../../shared/errors';
import { downloadBlob } from './saveFile';

export type PdfOutcome =
  | { readonly ok: true; readonly how: 'printed' | 'saved' | 'opened' | 'downloaded' }
  /** error null: nothing to say (the save dialog was closed); blocked: the browser stopped the new window. */
  | { readonly ok: false; readonly error: DomainErrorData | null; readonly blocked?: true };

/** True in the Electron app: printing goes to a named printer without a dialog. */
export function canPrintDirectly(): boolean {
  return Boolean(window.ordrebok?.printing);
}

export async function listPrinters(): Promise<readonly PrinterSummary[]> {
  const printing = window.ordrebok?.printing;
  if (!printing) return [];
  const r = await printing.listPrinters();
  return r.ok ? r.printers : [];
}

function blobOf(pdfBase64: string): Blob {
  const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/pdf' });
}

/** Prints to the printer (Electron), or opens the PDF in the browser's viewer. */
export async function printPdf(pdfBase64: string, printer: string | null): Promise<PdfOutcome> {
  const printing = window.ordrebok?.printing;
  if (printing) {
    const r = await printing.printPdf(pdfBase64, printer ? { printer } : {});
    return r.ok ? { ok: true, how: 'printed' } : { ok: false, error: r.error };
  }
  const url = URL.createObjectURL(blobOf(pdfBase64));
  const opened = window.open(url, '_blank');
  // The viewer keeps its own copy once loaded; the address is let go after a while.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return opened ? { ok: true, how: 'opened' } : { ok: false, error: null, blocked: true };
}

/** Saves the bytes as they are: the system's save dialog (Electron), or a download. */
export async function savePdf(pdfBase64: string, fileName: string): Promise<PdfOutcome> {
  const printing = window.ordrebok?.printing;
  if (printing) {
    const r = await printing.savePdf(pdfBase64, fileName);
    if (r.ok) return { ok: true, how: 'saved' };
    return 'cancelled' in r ? { ok: false, error: null } : { ok: false, error: r.error };
  }
  downloadBlob(blobOf(pdfBase64), fileName);
  return { ok: true, how: 'downloaded' };
}
