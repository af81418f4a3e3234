// Files cross the channel as base64 (shared/channels/files.ts): a picked or dropped
// file is read into base64 here, and what the engine hands back becomes a Blob.

/** The file's bytes as base64 (FileReader's data: address without its prefix). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

export function base64ToBlob(b64: string, mime: string): Blob {
  const text = atob(b64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return new Blob([bytes], { type: withCharset(mime, bytes) });
}

/**
 * A text file without a declared charset is shown as UTF-8 when its bytes are
 * valid UTF-8 (else the browser guesses Latin-1 and «på» reads «pÃ¥»); a file
 * that is not (an old Windows CSV) is left to the browser's guess.
 */
function withCharset(mime: string, bytes: Uint8Array): string {
  if (!mime.startsWith('text/') || /;\s*charset=/i.test(mime)) return mime;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return `${mime};charset=utf-8`;
  } catch {
    return mime;
  }
}
