// Saves what the engine made as a download: the browser's downloads, or in the
// Electron app its save dialog. PDFs go through api/pdf.ts, which can also print
// and uses the desktop's own save dialog.
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The download has its own copy once started; the address is let go after a while.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A text file (an accounting export: SAF-T XML, CSV) in UTF-8. */
export function saveTextFile(content: string, fileName: string, type: string): void {
  downloadBlob(new Blob([content], { type: `${type};charset=utf-8` }), fileName);
}
