// Files attached to orders (issue 12): the size limit and how a size is written.
// The bytes cross the channel as base64, so the limits on a call's body (the
// loopback host) follow from the limit on a file.

/** The most one file may hold: 10 MB (as the desktop counts them, 1 MB = 1024 × 1024 bytes). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Characters of base64 that `bytes` bytes become. */
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);

/**
 * The longest base64 a call may carry: twice the limit, so that a file somewhat
 * over it still reaches the engine and is refused by name and size rather than
 * by the transport (the screen checks the size before it even reads a file).
 */
export const MAX_FILE_BASE64 = base64Length(2 * MAX_FILE_BYTES);

/** Bytes a base64 text decodes to (its padding counted off), without decoding it. */
export function base64Bytes(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return (b64.length / 4) * 3 - padding;
}

/** 1 258 291 → "1,2 MB" (nb) / "1.2 MB" (en); 2 048 → "2 KB"; 300 → "300 byte". */
export function formatFileSize(bytes: number, lang: 'nb' | 'en'): string {
  const decimal = (n: number) => {
    const s = (Math.round(n * 10) / 10).toFixed(1).replace(/\.0$/, '');
    return lang === 'nb' ? s.replace('.', ',') : s;
  };
  if (bytes < 1024) return `${bytes}\u00a0${lang === 'nb' ? 'byte' : bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))}\u00a0KB`;
  return `${decimal(bytes / (1024 * 1024))}\u00a0MB`;
}
