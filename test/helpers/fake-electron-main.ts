// Runs the built main process (out/main/main.js) in plain Node against a
// stand-in for the electron module, where the Electron binary cannot be had.
// The stand-in records what main.js asks of Electron; this script then plays
// the renderer's and Electron's parts (IPC calls, app:// requests, navigation
// events) and prints one JSON report on stdout for test/unit/app-main-bundle.test.ts.
//
//   tsx test/helpers/fake-electron-main.ts <appRoot> <normal|second-instance>
//
// <appRoot> holds out/main (the bundle), dist/renderer, .cache/electron-native
// and node_modules/{electron (the stand-in, re-exporting globalThis.__fakeElectron), better-sqlite3}.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type AnyFn = (...args: unknown[]) => unknown;

const [appRoot = '', scenario = 'normal'] = process.argv.slice(2);
// main.js finds its native module under .cache/electron-native/<process.versions.electron>-<platform>-<arch>.
Object.defineProperty(process.versions, 'electron', { value: '0.0.0-fake' });

const events: string[] = [];
// As Electron starts an unpackaged app named "ordrebok" in package.json.
const paths = new Map([
  ['appData', join(appRoot, 'appData')],
  ['userData', join(appRoot, 'appData', 'ordrebok')],
]);
const errorBoxes: { title: string; detail: string }[] = [];
const appListeners = new Map<string, AnyFn[]>();
const ipcHandlers = new Map<string, AnyFn>();
const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
const windows: FakeWindow[] = [];
let schemes: unknown = null;
let menuTemplate: { label?: string }[] = [];
let permissionCheck = null as AnyFn | null; // assigned from a closure: keep TS from narrowing it to null
let finished = false;
let exitCode: number | null = null;
let markReady: () => void = () => {};
const ready = new Promise<void>((ok) => (markReady = ok));

class FakeWindow {
  url: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    windows.push(this);
    events.push('new BrowserWindow');
  }
  once(): void {}
  on(): void {}
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
  loadURL(url: string): Promise<void> {
    this.url = url;
    events.push('loadURL');
    return Promise.resolve();
  }
}

const fake = {
  app: {
    isPackaged: false,
    setName: (name: string) => events.push(`setName:${name}`),
    requestSingleInstanceLock: () => {
      events.push('requestSingleInstanceLock');
      return scenario !== 'second-instance';
    },
    quit: () => {
      events.push('quit');
      finished = true;
    },
    exit: (code: number) => {
      events.push(`exit:${code}`);
      exitCode = code;
      finished = true;
    },
    on: (name: string, fn: AnyFn) => {
      appListeners.set(name, [...(appListeners.get(name) ?? []), fn]);
    },
    whenReady: () => {
      events.push('whenReady');
      return ready;
    },
    getPath: (name: string) => {
      const path = paths.get(name);
      if (!path) throw new Error(`unexpected getPath(${name})`);
      return path;
    },
    setPath: (name: string, path: string) => {
      events.push(`setPath:${name}`);
      paths.set(name, path);
    },
    getAppPath: () => appRoot,
    getVersion: () => '0.1.0',
  },
  BrowserWindow: FakeWindow,
  dialog: {
    showErrorBox: (title: string, detail: string) => errorBoxes.push({ title, detail }),
    showMessageBox: () => Promise.resolve({ response: 0 }),
  },
  ipcMain: {
    handle: (channel: string, fn: AnyFn) => ipcHandlers.set(channel, fn),
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  },
  Menu: {
    buildFromTemplate: (template: { label?: string }[]) => {
      menuTemplate = template;
      return template;
    },
    setApplicationMenu: () => {},
  },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown) => {
      events.push('registerSchemesAsPrivileged');
      schemes = s;
    },
    handle: (scheme: string, fn: (req: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: (fn: AnyFn) => (permissionCheck = fn),
      webRequest: { onHeadersReceived: () => {} },
    },
  },
};
(globalThis as { __fakeElectron?: unknown }).__fakeElectron = fake;

async function until(condition: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** A web contents as Electron would pass it to 'web-contents-created'. */
function fakeContents() {
  const listeners = new Map<string, AnyFn[]>();
  let openHandler: AnyFn | null = null;
  return {
    setWindowOpenHandler: (fn: AnyFn) => (openHandler = fn),
    on: (name: string, fn: AnyFn) => listeners.set(name, [...(listeners.get(name) ?? []), fn]),
    open: (url: string) => openHandler?.({ url }),
    /** Fires a navigation event; true when a listener prevented it. */
    fire(name: string, url: string): boolean {
      let prevented = false;
      for (const fn of listeners.get(name) ?? []) fn({ url, preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
}

await import(pathToFileURL(join(appRoot, 'out', 'main', 'main.js')).href);
events.push('main.js loaded');
markReady();
await until(() => windows.length > 0 || finished, 15_000);

const report: Record<string, unknown> = { events, errorBoxes, exitCode, schemes };
const window = windows[0];
if (window) {
  const invoke = ipcHandlers.get('ordrebok:invoke');
  const frame = (url: string) => ({ senderFrame: { url, parent: null } });
  const page = await protocolHandlers.get('app')?.(new Request('app://ordrebok/index.html'));
  const contents = fakeContents();
  for (const fn of appListeners.get('web-contents-created') ?? []) fn({}, contents);
  report.window = {
    options: window.options,
    url: window.url,
    preloadExists: typeof (window.options.webPreferences as { preload?: unknown })?.preload === 'string'
      && existsSync((window.options.webPreferences as { preload: string }).preload),
  };
  report.ipc = {
    ours: await invoke?.(frame('app://ordrebok/index.html'), 'system.bootstrap', {}),
    foreign: await invoke?.(frame('https://evil.example/'), 'system.bootstrap', {}),
    invalid: await invoke?.(frame('app://ordrebok/index.html'), 'system.createDemo', { orders: 'many' }),
  };
  report.page = page && { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() };
  report.guards = {
    windowOpen: contents.open('https://evil.example/'),
    navigateAwayPrevented: contents.fire('will-navigate', 'https://evil.example/'),
    navigateFilePrevented: contents.fire('will-navigate', 'file:///etc/passwd'),
    navigateOursPrevented: contents.fire('will-navigate', 'app://ordrebok/index.html#/orders'),
    redirectAwayPrevented: contents.fire('will-redirect', 'https://evil.example/'),
    webviewPrevented: contents.fire('will-attach-webview', ''),
  };
  report.permissions = { media: permissionCheck?.(null, 'media'), clipboardWrite: permissionCheck?.(null, 'clipboard-sanitized-write') };
  report.menu = menuTemplate.map((m) => m.label ?? null);
  for (const fn of appListeners.get('will-quit') ?? []) fn();
  report.ipcAfterQuit = ipcHandlers.has('ordrebok:invoke');
  report.database = existsSync(join(appRoot, 'appData', 'Ordrebok', 'firma.ordrebok'));
}
process.stdout.write(`${JSON.stringify(report)}\n`);
process.exit(0);
