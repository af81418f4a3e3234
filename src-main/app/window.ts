// The window's security settings and the rules on where it may go, as plain
// data and plain functions: no runtime import of electron, so the unit tests
// check exactly what main.ts hands to Electron.
import type { BrowserWindowConstructorOptions } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/**
 * The built renderer is served from our own privileged scheme rather than
 * file://: every file:// page shares one opaque origin, so "our page" could not
 * be told from any other file on disk, and a header-less file load could not
 * carry the CSP. app://ordrebok is one origin that only we serve.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ordrebok';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface AppLocation {
  /** scheme://host[:port] of our pages; IPC senders and navigations are checked against it. */
  readonly origin: string;
  /** The page the window loads. */
  readonly entryUrl: string;
  /** True when the renderer comes from a development server (vite) instead of the built files. */
  readonly dev: boolean;
}

const DEV_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Where the window's pages come from. A development URL is honoured only in an
 * unpackaged app and only on the loopback interface over http: a packaged
 * Ordrebok always shows its own built files.
 */
export function resolveAppLocation(opts: { readonly devUrl?: string | undefined; readonly isPackaged: boolean }): AppLocation {
  if (opts.devUrl && !opts.isPackaged) {
    const url = new URL(opts.devUrl);
    if (url.protocol !== 'http:' || !DEV_HOSTS.has(url.hostname) || url.username || url.password) {
      throw new Error(`ORDREBOK_DEV_URL must be http://localhost:<port> or http://127.0.0.1:<port>, not ${url.protocol}//${url.host}`);
    }
    return { origin: `${url.protocol}//${url.host}`, entryUrl: url.href, dev: true };
  }
  return { origin: APP_ORIGIN, entryUrl: `${APP_ORIGIN}/index.html`, dev: false };
}

/**
 * The rule behind both the navigation guard and the IPC sender check.
 * True when `url` belongs to the page origin `origin` (scheme://host[:port]).
 * Compares scheme and host explicitly: WHATWG URL gives every non-special
 * scheme, file: included, the same opaque origin "null", so comparing
 * `URL.origin` would treat file:///anything as ours.
 */
export function isAppUrl(url: string | null | undefined, origin: string): boolean {
  if (!url) return false;
  let target: URL;
  let own: URL;
  try {
    target = new URL(url);
    own = new URL(origin);
  } catch {
    return false;
  }
  if (own.host === '') return false;
  return (
    target.protocol === own.protocol &&
    target.host === own.host &&
    target.username === '' &&
    target.password === ''
  );
}

/**
 * The BrowserWindow options. The renderer is an ordinary web page: isolated
 * from the preload (contextIsolation), in Chromium's OS sandbox (sandbox), with
 * no Node (nodeIntegration off everywhere) and with the same-origin policy on
 * (webSecurity). Its only door to main is the preload's `invoke`.
 */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Ordrebok',
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

/**
 * The policy for the window's pages. The built app gets the shared policy. A
 * vite development server needs its inline react-refresh preamble and its
 * websocket, so only in development does script-src allow inline scripts and
 * connect-src the dev server's websocket; eval is never allowed.
 */
export function contentSecurityPolicy(location: AppLocation): string {
  if (!location.dev) return CONTENT_SECURITY_POLICY;
  const ws = location.origin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`,
  );
}

/**
 * Browser permissions (camera, notifications, geolocation, ...) are refused:
 * an order system needs none of them. Writing to the clipboard is allowed so
 * that copying from the grids works.
 */
export function allowPermission(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}
