// Serves the built renderer on app://ordrebok/ (see window.ts for why not
// file://). Every response carries the CSP, and no request can read a file
// outside the renderer folder. Uses the web Request/Response that Electron's
// protocol.handle speaks, so it runs (and is tested) in plain Node as well.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './window';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
};

/**
 * The file a request asks for, or null when it is not ours to serve: another
 * scheme or host, an undecodable path, or a path that leaves the renderer
 * folder once decoded ("..%2f..", encoded backslashes and the like).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file === root ? join(root, 'index.html') : file;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The handler for protocol.handle(APP_SCHEME, ...). */
export function makeAppProtocolHandler(rendererDir: string, csp: string) {
  const headers = (contentType: string): Record<string, string> => ({
    'content-type': contentType,
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: headers('text/plain; charset=utf-8') });
    }
    let file = resolveAppFile(rendererDir, request.url);
    if (file === null) return new Response('Forbidden', { status: 403, headers: headers('text/plain; charset=utf-8') });
    // A single-page app: a path without a file extension is a screen, and gets index.html.
    if (!(await isFile(file)) && extname(file) === '') file = join(resolve(rendererDir), 'index.html');
    if (!(await isFile(file))) {
      return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
    }
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, {
      status: 200,
      headers: headers(CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'),
    });
  };
}
