// The Electron install of this checkout, and the Electron build of better-sqlite3.
//
// node_modules/better-sqlite3 holds the build for Node's ABI (tests, host,
// bench) and is never rebuilt here. The app needs a build for Electron's ABI:
// we copy the package's sources into .cache/electron-native/<key>/work, let
// @electron/rebuild build that copy, keep only better_sqlite3.node beside a
// stamp, and hand its path to the engine as nativeBinding. Made once per
// Electron version, platform, arch and better-sqlite3 version, when
// `npm start` or `npm run dist` first needs it.
import { rebuild } from '@electron/rebuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { devNativeDir, NATIVE_FILE_NAME } from '../src-main/app/nativeBinding';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function packageVersion(root: string, name: string): string {
  const version = readJson(join(root, 'node_modules', name, 'package.json')).version;
  if (typeof version !== 'string') throw new Error(`node_modules/${name}/package.json has no version`);
  return version;
}

export function electronVersion(root = ROOT): string {
  return packageVersion(root, 'electron');
}

/**
 * The Electron executable, or null where the electron package could not fetch
 * it (as on machines without internet). Same rule as the electron package's own
 * index.js: path.txt names the file inside node_modules/electron/dist.
 */
export function electronBinary(root = ROOT): string | null {
  const pkg = join(root, 'node_modules', 'electron');
  const pathTxt = join(pkg, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const name = readFileSync(pathTxt, 'utf8').trim();
  if (!name) return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist');
  const binary = join(dist, name);
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING_MESSAGE =
  'Electron-programmet er ikke tilgjengelig på denne maskinen (node_modules/electron/dist mangler; det lastes ned ved npm install og krever internett).\n' +
  'The Electron binary is not available on this machine (node_modules/electron/dist is missing; npm install downloads it, which needs internet access).';

export interface NativeTarget {
  readonly electronVersion: string;
  readonly betterSqlite3Version: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** Node ABI number (NODE_MODULE_VERSION) of this Electron, from node_modules/electron/abi_version. */
  readonly abi: string | null;
}

export function nativeTarget(root = ROOT): NativeTarget {
  const abiFile = join(root, 'node_modules', 'electron', 'abi_version');
  return {
    electronVersion: electronVersion(root),
    betterSqlite3Version: packageVersion(root, 'better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
    abi: existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : null,
  };
}

/** Where the Electron build lives (whether or not it has been made yet). */
export function electronNativeFile(root = ROOT, target = nativeTarget(root)): string {
  return join(devNativeDir(root, target.electronVersion, target.platform, target.arch), NATIVE_FILE_NAME);
}

export class ElectronNativeError extends Error {
  override readonly name = 'ElectronNativeError';
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Loads the new build in a separate plain Node process. A build for Electron
 * must be refused there with Electron's NODE_MODULE_VERSION; one that loads in
 * Node was built against Node's headers (e.g. because npm's `nodedir` leaked
 * into node-gyp) and would crash the app.
 */
export function checkAbi(file: string, abi: string | null): void {
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', file], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  const output = `${probe.stdout ?? ''}${probe.stderr ?? ''}`;
  if (probe.status === 0) {
    throw new ElectronNativeError(
      `Bygget lastes i Node, så det er bygd for Node og ikke for Electron. / The build loads in Node, so it was built for Node, not Electron.`,
    );
  }
  const found = /compiled against a different Node\.js version using\s+NODE_MODULE_VERSION (\d+)/.exec(output)?.[1];
  if (abi !== null && found !== undefined && found !== abi) {
    throw new ElectronNativeError(
      `better_sqlite3.node er bygd for NODE_MODULE_VERSION ${found}, men Electron trenger ${abi}. / It was built for NODE_MODULE_VERSION ${found}, but Electron needs ${abi}.`,
    );
  }
}

export interface EnsureOptions {
  readonly root?: string;
  readonly log?: (line: string) => void;
}

/**
 * Returns the path of the Electron build of better-sqlite3, making it first if
 * it is missing or was made for another Electron or better-sqlite3 version.
 * Throws ElectronNativeError with a message in nb and en when it cannot.
 */
export async function ensureElectronNative(opts: EnsureOptions = {}): Promise<string> {
  const root = opts.root ?? ROOT;
  const log = opts.log ?? ((line: string) => console.log(line));
  const target = nativeTarget(root);
  const file = electronNativeFile(root, target);
  const dir = dirname(file);
  const stampFile = join(dir, 'build-info.json');
  const stamp = JSON.stringify(target, null, 2);
  if (existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return file;

  const source = join(root, 'node_modules', 'better-sqlite3');
  const nodeBuild = join(source, 'build', 'Release', NATIVE_FILE_NAME);
  const nodeBuildHash = existsSync(nodeBuild) ? sha256(nodeBuild) : null;

  log(
    `Bygger better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} (${target.platform}-${target.arch}), bare første gang; kan ta et par minutter.\n` +
      `Building better-sqlite3 for Electron, first time only; this can take a couple of minutes.\n` +
      `  -> ${relative(root, file)}`,
  );

  // A private copy of the package (sources only, not its Node build) inside a
  // tiny project that depends on it: @electron/rebuild builds what buildPath's
  // package.json lists. It lives under the checkout so that node-gyp and
  // prebuild-install resolve from our node_modules.
  const work = join(dir, 'work');
  rmSync(work, { recursive: true, force: true });
  const copy = join(work, 'node_modules', 'better-sqlite3');
  cpSync(source, copy, {
    recursive: true,
    filter: (src) => {
      const rel = relative(source, src);
      return rel !== 'build' && !rel.startsWith(`build${sep}`) && rel !== 'node_modules' && !rel.startsWith(`node_modules${sep}`);
    },
  });
  writeFileSync(
    join(work, 'package.json'),
    JSON.stringify({ name: 'ordrebok-electron-native', private: true, dependencies: { 'better-sqlite3': target.betterSqlite3Version } }),
  );

  // npm passes its config to scripts as npm_config_* variables, and node-gyp
  // obeys npm_config_nodedir: with it (set on this machine's npm for Node's own
  // builds) node-gyp would compile against Node's headers instead of Electron's.
  const saved = { nodedir: process.env.npm_config_nodedir, NODEDIR: process.env.npm_config_NODEDIR };
  delete process.env.npm_config_nodedir;
  delete process.env.npm_config_NODEDIR;
  // @electron/rebuild prints node-gyp's whole output with console.error when a
  // build fails; keep it for a log file and show one plain message instead.
  const printError = console.error;
  const captured: string[] = [];
  console.error = (...args: unknown[]) => captured.push(args.map(String).join(' '));
  try {
    await rebuild({
      buildPath: work,
      electronVersion: target.electronVersion,
      arch: target.arch,
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential',
      // A mirror of Electron's headers server, for machines that reach one but not the original.
      ...(process.env.ORDREBOK_ELECTRON_HEADERS_URL ? { headerURL: process.env.ORDREBOK_ELECTRON_HEADERS_URL } : {}),
    });
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    const details = `${captured.join('\n')}\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`;
    const logFile = join(dir, 'build-error.log');
    writeFileSync(logFile, details);
    const offline = /network connectivity|ENOTFOUND|EAI_AGAIN|getaddrinfo|ETIMEDOUT|ECONNREFUSED/i.test(details);
    throw new ElectronNativeError(
      `Kunne ikke bygge better-sqlite3 for Electron ${target.electronVersion}. / Could not build better-sqlite3 for Electron ${target.electronVersion}.\n` +
        (offline
          ? 'Electrons C++-headere kunne ikke lastes ned: første bygg trenger internett. / Electron\'s C++ headers could not be downloaded: the first build needs internet access.\n'
          : 'Bygget feilet; det trenger en C++-kompilator og Python (node-gyp). / The build failed; it needs a C++ compiler and Python (node-gyp).\n') +
        `Detaljer / details: ${relative(root, logFile)}`,
    );
  } finally {
    console.error = printError;
    if (saved.nodedir !== undefined) process.env.npm_config_nodedir = saved.nodedir;
    if (saved.NODEDIR !== undefined) process.env.npm_config_NODEDIR = saved.NODEDIR;
  }

  try {
    const built = join(copy, 'build', 'Release', NATIVE_FILE_NAME);
    if (!existsSync(built)) throw new ElectronNativeError(`@electron/rebuild finished but ${relative(root, built)} is missing.`);
    checkAbi(built, target.abi);
    if (nodeBuildHash !== null && (!existsSync(nodeBuild) || sha256(nodeBuild) !== nodeBuildHash)) {
      throw new ElectronNativeError(`node_modules/better-sqlite3's Node build changed during the Electron build; run npm rebuild better-sqlite3.`);
    }
    const partial = `${file}.partial`;
    copyFileSync(built, partial);
    renameSync(partial, file);
    writeFileSync(stampFile, stamp);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`Ferdig / done: ${relative(root, file)}`);
  return file;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  ensureElectronNative().then(
    (file) => console.log(file),
    (err: unknown) => {
      console.error(err instanceof ElectronNativeError ? err.message : err);
      process.exit(1);
    },
  );
}
