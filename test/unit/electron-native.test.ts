// scripts/electron-native.ts: finding the Electron binary, where the Electron
// build of better-sqlite3 lives, reusing it, and refusing a build for Node.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAbi, electronBinary, electronNativeFile, ensureElectronNative, nativeTarget } from '../../scripts/electron-native';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let root: string;
beforeEach(() => {
  // A checkout with just enough of node_modules for the functions under test.
  root = mkdtempSync(join(tmpdir(), 'ordrebok-native-'));
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  mkdirSync(join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), '{"name":"electron","version":"40.8.5"}');
  writeFileSync(join(root, 'node_modules', 'electron', 'abi_version'), '143');
  writeFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), '{"name":"better-sqlite3","version":"12.11.1"}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the Electron binary', () => {
  it('is missing when the electron package could not download it (no path.txt)', () => {
    expect(electronBinary(root)).toBeNull();
  });

  it('is missing when path.txt names a file that is not there', () => {
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(electronBinary(root)).toBeNull();
  });

  it('is found where path.txt names an existing file in dist/', () => {
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    mkdirSync(join(root, 'node_modules', 'electron', 'dist'));
    writeFileSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(electronBinary(root)).toBe(join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('lives in its own folder per Electron version, platform and arch, outside node_modules', () => {
    expect(electronNativeFile(root)).toBe(
      join(root, '.cache', 'electron-native', `40.8.5-${process.platform}-${process.arch}`, 'better_sqlite3.node'),
    );
    expect(nativeTarget(root)).toMatchObject({ electronVersion: '40.8.5', betterSqlite3Version: '12.11.1', abi: '143' });
  });

  it('is reused, without building, while its stamp matches', async () => {
    const file = electronNativeFile(root);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'built earlier');
    writeFileSync(join(file, '..', 'build-info.json'), JSON.stringify(nativeTarget(root), null, 2));
    const logged: string[] = [];
    expect(await ensureElectronNative({ root, log: (l) => logged.push(l) })).toBe(file);
    expect(logged).toEqual([]);
  });

  it('refuses a build that loads in plain Node: it was made for Node, not Electron', () => {
    const nodeBuild = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(() => checkAbi(nodeBuild, '143')).toThrow(/built for Node, not Electron/);
  });
});
