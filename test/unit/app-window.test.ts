// The window's security settings, its CSP, where it may navigate, and how the
// app:// protocol serves the renderer — the plain objects and functions that
// src-main/app/main.ts hands to Electron.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { CONTENT_SECURITY_POLICY as HOST_CSP } from '../../src-main/host/server';
import { makeAppProtocolHandler, resolveAppFile } from '../../src-main/app/appProtocol';
import { menuTemplate } from '../../src-main/app/menu';
import {
  allowPermission,
  APP_ORIGIN,
  contentSecurityPolicy,
  isAppUrl,
  resolveAppLocation,
  windowOptions,
} from '../../src-main/app/window';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('window options', () => {
  const options = windowOptions('/app/out/main/preload.cjs');
  const web = options.webPreferences ?? {};

  it('isolates the renderer: contextIsolation and sandbox on, no Node anywhere', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('experimentalFeatures');
  });

  it('loads exactly the preload it is given', () => {
    expect(web.preload).toBe('/app/out/main/preload.cjs');
  });
});

describe('content security policy', () => {
  it('is the same policy in the window and through the host', () => {
    expect(HOST_CSP).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicy(resolveAppLocation({ isPackaged: true }))).toBe(CONTENT_SECURITY_POLICY);
  });

  it("starts from default-src 'self' and allows no eval, no plugins and no foreign scripts", () => {
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
  });

  it('in development allows the dev server, still without eval', () => {
    const dev = contentSecurityPolicy(resolveAppLocation({ devUrl: 'http://localhost:5173', isPackaged: false }));
    expect(directives(dev).get('default-src')).toEqual(["'self'"]);
    expect(directives(dev).get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev).not.toContain('unsafe-eval');
  });
});

describe('where the window loads from', () => {
  it('is app://ordrebok/index.html unless a dev URL is given', () => {
    expect(resolveAppLocation({ isPackaged: false })).toEqual({ origin: APP_ORIGIN, entryUrl: 'app://ordrebok/index.html', dev: false });
  });

  it('ignores a dev URL in a packaged app', () => {
    expect(resolveAppLocation({ devUrl: 'http://localhost:5173', isPackaged: true }).origin).toBe(APP_ORIGIN);
  });

  it.each(['https://localhost:5173', 'http://example.com:5173', 'http://192.168.1.10:5173', 'http://user@localhost:5173', 'file:///tmp/index.html'])(
    'refuses the dev URL %s',
    (devUrl) => {
      expect(() => resolveAppLocation({ devUrl, isPackaged: false })).toThrow(/ORDREBOK_DEV_URL/);
    },
  );
});

describe('navigation guard', () => {
  it('lets the window move between our own pages', () => {
    expect(isAppUrl('app://ordrebok/index.html', APP_ORIGIN)).toBe(true);
    expect(isAppUrl('app://ordrebok/index.html#/customers', APP_ORIGIN)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://ordrebok/',
    'app://evil/index.html',
    'app://ordrebok.evil.example/',
    'file:///etc/passwd',
    'file:///other/path/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'devtools://devtools/bundled/devtools_app.html',
    'about:blank',
    'mailto:post@example.com',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, APP_ORIGIN)).toBe(false);
  });

  it('does not treat file: URLs as ours just because both have the opaque origin "null"', () => {
    expect(new URL('file:///x').origin).toBe(new URL('app://ordrebok/').origin);
    expect(isAppUrl('file:///x', APP_ORIGIN)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen', 'clipboard-read', 'hid', 'serial', 'usb'])('refuses %s', (p) => {
    expect(allowPermission(p)).toBe(false);
  });
  it('allows writing to the clipboard (copy from the grids)', () => {
    expect(allowPermission('clipboard-sanitized-write')).toBe(true);
  });
});

describe('the application menu', () => {
  const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [i.label ?? '', ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);
  const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [i.role ?? '', ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);

  it('is in Norwegian', () => {
    const top = menuTemplate({ isMac: false, dev: false, onAbout: () => {} }).map((i) => i.label);
    expect(top).toEqual(['Fil', 'Rediger', 'Vis', 'Vindu', 'Hjelp']);
    expect(labels(menuTemplate({ isMac: false, dev: false, onAbout: () => {} }))).toContain('Avslutt Ordrebok');
  });

  it('offers developer tools and reload only in development', () => {
    expect(roles(menuTemplate({ isMac: false, dev: false, onAbout: () => {} }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ isMac: true, dev: false, onAbout: () => {} }))).not.toContain('reload');
    expect(roles(menuTemplate({ isMac: false, dev: true, onAbout: () => {} }))).toContain('toggleDevTools');
  });
});

describe('the app:// protocol', () => {
  let dir: string;
  let renderer: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ordrebok-protocol-'));
    renderer = join(dir, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ordrebok</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the renderer with the CSP on every response', async () => {
    const handle = makeAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY);
    const page = await handle(new Request('app://ordrebok/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<title>Ordrebok</title>');
    const script = await handle(new Request('app://ordrebok/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a screen path with index.html and a missing asset with 404', async () => {
    const handle = makeAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY);
    expect(await (await handle(new Request('app://ordrebok/orders/12'))).text()).toContain('<title>Ordrebok</title>');
    expect((await handle(new Request('app://ordrebok/assets/missing.js'))).status).toBe(404);
  });

  it.each([
    'app://ordrebok/../secret.txt',
    'app://ordrebok/%2e%2e/secret.txt',
    'app://ordrebok/..%2fsecret.txt',
    'app://ordrebok/assets/..%2f..%2fsecret.txt',
    'app://ordrebok/%2e%2e%2fsecret.txt',
  ])('never serves a file outside the renderer folder (%s)', async (url) => {
    const handle = makeAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY);
    const res = await handle(new Request(url));
    expect(await res.text()).not.toContain('SECRET');
  });

  it('resolves traversal attempts to nothing, or to a file inside the renderer folder', () => {
    expect(resolveAppFile(renderer, 'app://ordrebok/..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(renderer, 'app://ordrebok/assets/..%2f..%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(renderer, 'app://ordrebok/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(renderer, 'app://ordrebok/a%00.js')).toBeNull();
    expect(resolveAppFile(renderer, 'app://ordrebok/../secret.txt')).toBe(join(renderer, 'secret.txt'));
    expect(resolveAppFile(renderer, 'app://ordrebok/')).toBe(join(renderer, 'index.html'));
  });

  it('serves nothing for another scheme or host', async () => {
    const handle = makeAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY);
    expect((await handle(new Request('app://evil/index.html'))).status).toBe(403);
    expect(resolveAppFile(renderer, 'file:///index.html')).toBeNull();
  });

  it('serves reads only', async () => {
    const handle = makeAppProtocolHandler(renderer, CONTENT_SECURITY_POLICY);
    expect((await handle(new Request('app://ordrebok/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
