// The Electron main process: one instance, one window, the engine on the
// company database in the user's data folder, and the one IPC wrapper between
// them. Thin on purpose: no business rule lives here (ARCHITECTURE.md).
// Bundled to out/main/main.js (ESM) by scripts/build-main.ts.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngineOrRefusal, scheduleAutomaticBackups, type Engine } from '../engine';
import { DATABASE_FILE_NAME } from '../engine/dataFolder';
import { makeAppProtocolHandler } from './appProtocol';
import { bindInvoke, makeInvokeHandler } from './ipc';
import { menuTemplate } from './menu';
import { bindPrinting, makePrintingHandlers } from './printing';
import { devNativeDir, NATIVE_FILE_NAME, packagedNativeFile } from './nativeBinding';
import {
  allowPermission,
  APP_SCHEME,
  contentSecurityPolicy,
  isAppUrl,
  resolveAppLocation,
  windowOptions,
  type AppLocation,
} from './window';

const here = dirname(fileURLToPath(import.meta.url));

// Before "ready", and synchronously: a standard, secure scheme gets an origin of
// its own, so 'self', fetch and ES modules (fetched in CORS mode, hence
// corsEnabled) behave as on https. No Access-Control-Allow-Origin header is
// ever sent, so no other origin can read from it.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
]);
// package.json's name is "ordrebok"; the app and its data folder are named after
// the product, as in a packaged build, and as the host's defaultDataFolder()
// assumes. userData is set outright: whether setName alone moves it has varied
// between Electron versions.
app.setName('Ordrebok');
app.setPath('userData', join(app.getPath('appData'), 'Ordrebok'));

function nativeBindingFile(): string {
  return app.isPackaged
    ? packagedNativeFile(process.resourcesPath)
    : join(devNativeDir(app.getAppPath(), process.versions.electron, process.platform, process.arch), NATIVE_FILE_NAME);
}

/** Every web contents, present and future: no new windows, no navigation away, no <webview>. */
function guardContents(contents: WebContents, location: AppLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, location.origin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, location.origin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(location: AppLocation): BrowserWindow {
  const window = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(location.entryUrl);
  return window;
}

function fail(title: string, detail: string): void {
  console.error(`[ordrebok] ${title}: ${detail}`);
  dialog.showErrorBox(title, detail);
  app.exit(1);
}

async function start(): Promise<void> {
  const location = resolveAppLocation({ devUrl: process.env.ORDREBOK_DEV_URL, isPackaged: app.isPackaged });
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardContents(contents, location));

  await app.whenReady();

  const nativeBinding = nativeBindingFile();
  if (!existsSync(nativeBinding)) {
    fail(
      'Ordrebok kan ikke starte / Ordrebok cannot start',
      `Databasemodulen for Electron mangler / The database module for Electron is missing:\n${nativeBinding}\n\n` +
        'Start med «npm start», som bygger den. / Start with "npm start", which builds it.',
    );
    return;
  }

  const dataFolder = process.env.ORDREBOK_DATA_DIR || app.getPath('userData');
  let engine: Engine;
  try {
    // A file Ordrebok refuses (a newer version's, damaged, empty …) gives an engine that
    // touches nothing and tells the window why (system.bootstrap); the window shows it.
    engine = await openEngineOrRefusal({
      file: join(dataFolder, DATABASE_FILE_NAME),
      nativeBinding,
      appVersion: app.getVersion(),
      onInternalError: (channel, error) => console.error(`[ordrebok] internal error in ${channel}:`, error),
    });
    if (engine.refusal) console.error(`[ordrebok] the company file was refused: ${engine.refusal.code} ${engine.file}`);
  } catch (err) {
    fail(
      'Ordrebok kan ikke åpne firmadatabasen / Ordrebok cannot open the company database',
      `${join(dataFolder, DATABASE_FILE_NAME)}\n\n${err instanceof Error ? err.message : String(err)}`,
    );
    return;
  }

  // A backup as the program starts, then once a day while it runs (issue 13).
  const backups = scheduleAutomaticBackups(engine, { log: (line) => console.log(`[ordrebok] ${line}`) });

  const unbind = bindInvoke(
    ipcMain,
    makeInvokeHandler({ engine, appOrigin: location.origin }),
  );

  const unbindPrinting = bindPrinting(
    ipcMain,
    makePrintingHandlers<WebContents>({
      appOrigin: location.origin,
      createWindow: (options) => new BrowserWindow(options),
      showSaveDialog: (options, sender) => {
        const parent = BrowserWindow.fromWebContents(sender);
        return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
      },
      defaultSaveFolder: () => app.getPath('documents'),
    }),
  );

  const csp = contentSecurityPolicy(location);
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(allowPermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  protocol.handle(APP_SCHEME, makeAppProtocolHandler(join(app.getAppPath(), 'dist', 'renderer'), csp));
  if (location.dev) {
    // Pages from the dev server get the policy as a response header.
    ses.webRequest.onHeadersReceived({ urls: [`${location.origin}/*`] }, (details, callback) => {
      const headers = { ...details.responseHeaders };
      for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
      callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
    });
  }

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        dev: !app.isPackaged,
        onAbout: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: 'Om Ordrebok',
            message: `Ordrebok ${app.getVersion()}`,
            detail: `Ordrebehandling for små og mellomstore bedrifter.\nFirmadatabase: ${engine.file}`,
          }),
      }),
    ),
  );

  mainWindow = createWindow(location);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  // One window is the whole app: closing it quits, on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    backups.stop();
    unbind();
    unbindPrinting();
    engine.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Ordrebok is running on this database; it has been told to come forward.
  app.quit();
} else {
  start().catch((err: unknown) => fail('Ordrebok kan ikke starte / Ordrebok cannot start', String(err)));
}
