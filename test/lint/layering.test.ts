// ARCHITECTURE: the dependency arrows are enforced by the lint step. Each case
// lints a small file placed (virtually) in a layer, with the repository's own
// ESLint configuration, and expects the wrong-layer import to fail.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const WRONG: readonly { layer: string; file: string; code: string }[] = [
  { layer: 'renderer → src-main', file: 'src-renderer/screens/Wrong.tsx', code: "import { openEngine } from '../../src-main/engine';\nexport const x = openEngine;\n" },
  { layer: 'renderer → node:fs', file: 'src-renderer/Wrong.ts', code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n" },
  { layer: 'renderer → electron', file: 'src-renderer/Wrong.ts', code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n" },
  { layer: 'renderer → better-sqlite3', file: 'src-renderer/Wrong.ts', code: "import Database from 'better-sqlite3';\nexport const x = Database;\n" },
  { layer: 'engine → electron', file: 'src-main/engine/Wrong.ts', code: "import { app } from 'electron';\nexport const x = app;\n" },
  { layer: 'engine → shell', file: 'src-main/engine/handlers/Wrong.ts', code: "import * as main from '../../app/main';\nexport const x = main;\n" },
  { layer: 'engine → host', file: 'src-main/engine/Wrong.ts', code: "import { startHost } from '../host/server';\nexport const x = startHost;\n" },
  { layer: 'shared → engine', file: 'shared/Wrong.ts', code: "import { openEngine } from '../src-main/engine';\nexport const x = openEngine;\n" },
  { layer: 'shared → renderer', file: 'shared/channels/Wrong.ts', code: "import * as app from '../../src-renderer/App';\nexport const x = app;\n" },
  { layer: 'shared → node', file: 'shared/Wrong.ts', code: "import { join } from 'node:path';\nexport const x = join;\n" },
  { layer: 'host → electron', file: 'src-main/host/Wrong.ts', code: "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n" },
  { layer: 'shell → renderer', file: 'src-main/app/Wrong.ts', code: "import * as r from '../../src-renderer/App';\nexport const x = r;\n" },
];

describe('wrong-layer imports fail the lint step', () => {
  for (const c of WRONG) {
    it(`refuses ${c.layer}`, async () => {
      const errors = await restrictedImportErrors(c.file, c.code);
      expect(errors.length).toBeGreaterThan(0);
    });
  }

  it('allows the arrows the architecture draws', async () => {
    expect(await restrictedImportErrors('src-renderer/Right.ts', "import { formatAmount } from '../shared/format';\nexport const x = formatAmount;\n")).toEqual([]);
    expect(await restrictedImportErrors('src-main/engine/Right.ts', "import { formatAmount } from '../../shared/format';\nexport const x = formatAmount;\n")).toEqual([]);
    expect(await restrictedImportErrors('src-main/app/Right.ts', "import { openEngine } from '../engine';\nexport const x = openEngine;\n")).toEqual([]);
    expect(await restrictedImportErrors('src-main/host/Right.ts', "import { openEngine } from '../engine';\nexport const x = openEngine;\n")).toEqual([]);
  });
});

describe('the lint command itself', () => {
  it('exits non-zero when a renderer file imports the engine', () => {
    const probe = 'src-renderer/__layering_probe__.ts';
    writeFileSync(probe, "import { openEngine } from '../src-main/engine';\nexport const probe = openEngine;\n");
    try {
      const run = spawnSync(process.execPath, ['node_modules/eslint/bin/eslint.js', probe], { encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('no-restricted-imports');
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
