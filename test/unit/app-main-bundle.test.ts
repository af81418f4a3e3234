// The built main process, run in plain Node against a recording stand-in for
// the electron module (test/helpers/fake-electron-main.ts). The Electron binary
// cannot be had on this machine; this proves what can be proved without it:
// the bundle loads, takes the single-instance lock, registers app:// before
// "ready", opens the engine (migrations found beside the bundle, native module
// from .cache/electron-native), binds the IPC wrapper, serves the renderer with
// the CSP, builds a sandboxed window with an existing preload, and guards
// navigation. test/e2e/electron.spec.ts runs the real thing where Electron exists.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { devNativeDir, NATIVE_FILE_NAME } from '../../src-main/app/nativeBinding';
import { buildMain } from '../../scripts/build-main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NODE_BUILD = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', NATIVE_FILE_NAME);

/** An app folder as Electron would see it in a checkout: bundle, renderer, native module, modules. */
async function makeAppRoot(withNative: boolean): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'ordrebok-main-'));
  await buildMain({ outDir: join(root, 'out', 'main'), quiet: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'ordrebok', type: 'module', main: 'out/main/main.js' }));
  mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Ordrebok</title>');
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.js' }));
  writeFileSync(
    join(electron, 'index.js'),
    'const e = globalThis.__fakeElectron;\nexport const { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } = e;\nexport default e;\n',
  );
  symlinkSync(join(ROOT, 'node_modules', 'better-sqlite3'), join(root, 'node_modules', 'better-sqlite3'), 'junction');
  if (withNative) {
    // Stands in for the Electron build: in plain Node the Node build is the one that loads.
    const dir = devNativeDir(root, '0.0.0-fake', process.platform, process.arch);
    mkdirSync(dir, { recursive: true });
    symlinkSync(NODE_BUILD, join(dir, NATIVE_FILE_NAME));
  }
  return root;
}

/** What the harness prints (see test/helpers/fake-electron-main.ts). */
interface Report {
  events: string[];
  errorBoxes: { title: string; detail: string }[];
  exitCode: number | null;
  schemes: unknown;
  window?: { url: string; options: { webPreferences: Record<string, unknown> }; preloadExists: boolean };
  ipc: Record<'ours' | 'foreign' | 'invalid', unknown>;
  page: unknown;
  guards: unknown;
  permissions: unknown;
  menu: unknown;
  ipcAfterQuit: boolean;
  database: boolean;
}

function runMain(root: string, scenario: 'normal' | 'second-instance'): Report {
  const env = { ...process.env };
  delete env.ORDREBOK_DATA_DIR;
  delete env.ORDREBOK_DEV_URL;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'test', 'helpers', 'fake-electron-main.ts'), root, scenario],
    { encoding: 'utf8', env, timeout: 60_000 },
  );
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) throw new Error(`harness failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(last) as Report;
}

describe('the main bundle against a stand-in Electron', () => {
  const roots: string[] = [];
  let normal: Report;
  beforeAll(async () => {
    const root = await makeAppRoot(true);
    roots.push(root);
    normal = runMain(root, 'normal');
  }, 120_000);
  afterAll(() => {
    for (const r of roots) rmSync(r, { recursive: true, force: true });
  });

  it('registers app:// as privileged before ready, and names itself Ordrebok', () => {
    const e = normal.events;
    expect(e.indexOf('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(e.indexOf('registerSchemesAsPrivileged')).toBeLessThan(e.indexOf('main.js loaded'));
    expect(e).toContain('setName:Ordrebok');
    expect(e.indexOf('setPath:userData')).toBeLessThan(e.indexOf('main.js loaded'));
    expect(normal.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('opens one sandboxed window on app://ordrebok with the built preload', () => {
    expect(normal.errorBoxes).toEqual([]);
    expect(normal.window?.url).toBe('app://ordrebok/index.html');
    expect(normal.window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(normal.window?.options.webPreferences.preload).toMatch(/out[\\/]main[\\/]preload\.cjs$/);
    expect(normal.window?.preloadExists).toBe(true);
  });

  it('creates the company database in <appData>/Ordrebok and answers IPC through the wrapper', () => {
    expect(normal.database).toBe(true);
    expect(normal.ipc.ours).toMatchObject({ ok: true, value: { companyExists: false } });
    expect(normal.ipc.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(normal.ipc.invalid).toMatchObject({ ok: false, error: { code: 'invalid_type', field: 'orders' } });
    expect(normal.ipcAfterQuit).toBe(false);
  });

  it('serves the renderer over app:// with the CSP', () => {
    expect(normal.page).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>Ordrebok</title>' });
  });

  it('denies new windows, navigation away, redirects away and webviews, and keeps our own navigation', () => {
    expect(normal.guards).toEqual({
      windowOpen: { action: 'deny' },
      navigateAwayPrevented: true,
      navigateFilePrevented: true,
      navigateOursPrevented: false,
      redirectAwayPrevented: true,
      webviewPrevented: true,
    });
    expect(normal.permissions).toEqual({ media: false, clipboardWrite: true });
  });

  it('sets the Norwegian menu', () => {
    expect(normal.menu).toEqual(['Fil', 'Rediger', 'Vis', 'Vindu', 'Hjelp']);
  });

  it('stops with a message, not a crash, when the Electron build of better-sqlite3 is missing', async () => {
    const root = await makeAppRoot(false);
    roots.push(root);
    const r = runMain(root, 'normal');
    expect(r.window).toBeUndefined();
    expect(r.exitCode).toBe(1);
    expect(r.errorBoxes[0]?.detail).toContain('Databasemodulen for Electron mangler');
    expect(r.errorBoxes[0]?.detail).toContain(join('.cache', 'electron-native', `0.0.0-fake-${process.platform}-${process.arch}`));
  }, 120_000);

  it('a second instance quits without opening the database', async () => {
    const root = await makeAppRoot(true);
    roots.push(root);
    const r = runMain(root, 'second-instance');
    expect(r.events).toContain('quit');
    expect(r.events).not.toContain('whenReady');
    expect(r.window).toBeUndefined();
  }, 120_000);
});
