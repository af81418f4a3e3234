// Where the Electron build of better-sqlite3 is. node_modules keeps the build
// for Node's ABI (tests, host, bench); the app loads its own build, made for
// Electron's ABI by scripts/electron-native.ts, through better-sqlite3's
// nativeBinding option, so neither build ever overwrites the other.
// No electron import: scripts/ and tests use the same paths.
import { join } from 'node:path';

export const NATIVE_FILE_NAME = 'better_sqlite3.node';

/** In a development checkout: .cache/electron-native/<electron>-<platform>-<arch>/. */
export function devNativeDir(projectRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(projectRoot, '.cache', 'electron-native', `${electronVersion}-${platform}-${arch}`);
}

/** In a packaged app: resources/native/, put there by electron-builder's extraResources. */
export function packagedNativeFile(resourcesPath: string): string {
  return join(resourcesPath, 'native', NATIVE_FILE_NAME);
}
