// npm start — the desktop app.
// Builds the renderer when its sources are newer than the build, then:
//   - where the Electron binary exists: builds main, makes the Electron build of
//     better-sqlite3 if needed, and runs Electron on this checkout;
//   - where it does not (no internet at npm install): says so in nb and en and
//     opens the same app through the loopback host in the system browser.
// Runs until the app quits or Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openEngineOrRefusal } from '../src-main/engine';
import { DATABASE_FILE_NAME, defaultDataFolder } from '../src-main/engine/dataFolder';
import { startHost } from '../src-main/host/server';
import { buildMain } from './build-main';
import { ELECTRON_MISSING_MESSAGE, electronBinary, ElectronNativeError, ensureElectronNative, ROOT } from './electron-native';

const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
const RENDERER_INPUTS = ['src-renderer', 'shared', 'vite.config.ts', 'tsconfig.web.json', 'package.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function rendererIsStale(): boolean {
  const built = join(RENDERER_DIR, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return RENDERER_INPUTS.some((p) => newestMtime(join(ROOT, p)) > builtAt);
}

function buildRenderer(): void {
  if (!rendererIsStale()) return;
  console.log('Bygger skjermbildene / building the renderer (vite build) ...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build:renderer'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('Kunne ikke bygge skjermbildene / the renderer build failed (npm run build:renderer).');
    process.exit(result.status ?? 1);
  }
}

async function runElectron(binary: string): Promise<never> {
  await buildMain({ quiet: true });
  try {
    await ensureElectronNative();
  } catch (err) {
    console.error(err instanceof ElectronNativeError ? err.message : err);
    process.exit(1);
  }
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.'], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise<never>(() => {
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  });
}

/** The system's "open this address" command, or null where there is none to try. */
function openerFor(url: string): { command: string; args: string[] } | null {
  switch (process.platform) {
    case 'darwin':
      return { command: 'open', args: [url] };
    case 'win32':
      return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', url] };
    default:
      // Without a graphical session xdg-open can only fall back to a text browser in this terminal.
      if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return null;
      return { command: 'xdg-open', args: [url] };
  }
}

/** Resolves true once the browser was asked to open the address. */
function openInBrowser(url: string): Promise<boolean> {
  const opener = openerFor(url);
  if (!opener) return Promise.resolve(false);
  return new Promise((done) => {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore' });
    // Some openers run the browser in the foreground; one still running after a while has done its job.
    const timer = setTimeout(() => {
      child.unref();
      done(true);
    }, 3000);
    child.on('error', () => {
      clearTimeout(timer);
      done(false);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      done(code === 0);
    });
  });
}

async function runInBrowser(): Promise<void> {
  console.log(ELECTRON_MISSING_MESSAGE);
  console.log('Åpner Ordrebok i nettleseren i stedet / opening Ordrebok in the browser instead.\n');
  const file = resolve(join(defaultDataFolder(), DATABASE_FILE_NAME));
  // A refused file (a newer version's, damaged, empty …) is left untouched, and the app shows why.
  const engine = await openEngineOrRefusal({
    file,
    onInternalError: (channel, error) => console.error(`[ordrebok] internal error in ${channel}:`, error),
  });
  const host = await startHost({ engine, rendererDir: RENDERER_DIR, port: Number(process.env.ORDREBOK_PORT ?? 0) });
  const opened = await openInBrowser(host.appUrl);
  console.log(
    opened
      ? 'Ordrebok er åpnet i nettleseren / Ordrebok is open in the browser:'
      : 'Fant ingen nettleser å åpne; lim inn adressen i en nettleser / no browser could be opened; paste this address into one:',
  );
  console.log(`  ${host.appUrl}`);
  console.log(`Database: ${file}`);
  if (engine.refusal) console.error(`Firmafilen kan ikke åpnes / the company file cannot be opened: ${engine.refusal.message.nb}`);
  console.log('Ctrl+C avslutter / Ctrl+C stops Ordrebok.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.close().then(() => {
      engine.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

buildRenderer();
const binary = electronBinary();
if (binary) await runElectron(binary);
else await runInBrowser();
