// npm run dist — installers for the platform this runs on (electron-builder.yml:
// AppImage and deb on Linux, NSIS on Windows, dmg on macOS), after `npm run
// build`. The Electron build of better-sqlite3 is made for this platform only,
// so each platform's installers are built on that platform.
// Where a download fails (Electron's headers, Electron itself), it stops with a
// plain message in nb and en instead of a stack trace.
import type { Configuration } from 'electron-builder';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NATIVE_FILE_NAME } from '../src-main/app/nativeBinding';
import { electronBinary, ElectronNativeError, electronVersion, ensureElectronNative, ROOT } from './electron-native';

const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|getaddrinfo|no such host|dial tcp|network|socket hang up|proxy/i;

function failAndExit(lines: string[]): never {
  console.error(`\nnpm run dist: ${lines.join('\n')}`);
  process.exit(1);
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n').find((l) => l.trim() !== '')?.trim() ?? text;
}

for (const built of ['out/main/main.js', 'out/main/preload.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(join(ROOT, built))) failAndExit([`${built} mangler / is missing: kjør / run npm run build.`]);
}

let nativeFile: string;
try {
  nativeFile = await ensureElectronNative();
} catch (err) {
  failAndExit([err instanceof ElectronNativeError ? err.message : firstLine(err)]);
}
const staged = join(ROOT, 'out', 'native', NATIVE_FILE_NAME);
mkdirSync(dirname(staged), { recursive: true });
copyFileSync(nativeFile, staged);

// Where this checkout has the Electron binary, package that one rather than download it again.
const localElectron = electronBinary();
const version = electronVersion();
const overrides: Pick<Configuration, 'electronVersion' | 'electronDist'> = {
  electronVersion: version,
  ...(localElectron ? { electronDist: join(ROOT, 'node_modules', 'electron', 'dist') } : {}),
};

// electron-builder runs as a child so that its output can be read: a failed
// download ends in a Go stack trace from app-builder, which we replace by one
// plain sentence; any other failure is shown in full.
const child = spawn(
  process.execPath,
  [
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--publish',
    'never',
    ...Object.entries(overrides).map(([key, value]) => `-c.${key}=${String(value)}`),
  ],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
);
let output = '';
let failing = false;
let partial = '';
const relay = (chunk: Buffer) => {
  const text = chunk.toString('utf8');
  output += text;
  const lines = (partial + text).split('\n');
  partial = lines.pop() ?? '';
  for (const line of lines) {
    // From electron-builder's first error line on, hold the output back.
    if (/^\s*⨯/.test(line)) failing = true;
    if (!failing) process.stdout.write(`${line}\n`);
  }
};
child.stdout.on('data', relay);
child.stderr.on('data', relay);
const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? 1)));
if (code === 0) {
  if (partial) process.stdout.write(`${partial}\n`);
  console.log(`\nFerdig / done: ${join(ROOT, 'release')}`);
  process.exit(0);
}
const errorLine = output.split('\n').find((l) => /^\s*⨯/.test(l))?.replace(/^\s*⨯\s*/, '').trim() ?? `electron-builder exit code ${code}`;
if (NETWORK_ERROR.test(output)) {
  failAndExit([
    `Kunne ikke laste ned Electron ${version} for pakking; det krever internett. / Could not download Electron ${version} for packaging; this needs internet access.`,
    `Årsak / cause: ${errorLine}`,
  ]);
}
console.error(output.slice(output.search(/^\s*⨯/m)));
failAndExit([`electron-builder stoppet / stopped: ${errorLine}`]);
