// Smoke test of the real Electron shell, where the Electron binary exists.
// Where it does not (no internet at npm install, as on this workplace's
// machines), the test is skipped and says why in its title and its skip
// annotation; test/unit/app-main-bundle.test.ts covers the bundle there.
import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OrdrebokBridge } from '../../shared/bridge';
import { buildMain } from '../../scripts/build-main';
import { electronBinary, ensureElectronNative, ROOT } from '../../scripts/electron-native';

const SKIP_REASON = 'Electron binary not available on this machine';
const binary = electronBinary();

test.describe(binary ? 'Electron shell' : `Electron shell — skipped: ${SKIP_REASON}`, () => {
  test.skip(!binary, SKIP_REASON);

  let dataDir: string;
  test.beforeAll(async () => {
    await buildMain({ quiet: true });
    await ensureElectronNative({ log: () => {} });
  });
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ordrebok-electron-'));
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('starts on a fresh database, exposes only invoke, and keeps the window on our pages', async () => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    const app = await electron.launch({ executablePath: binary!, args: [ROOT], cwd: ROOT, env: { ...env, ORDREBOK_DATA_DIR: dataDir } });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toBe('app://ordrebok/index.html');

      const seen = await page.evaluate(async () => {
        const g = globalThis as unknown as { ordrebok: OrdrebokBridge; require?: unknown; process?: unknown; open(url: string): unknown };
        return {
          bridge: Object.keys(g.ordrebok),
          require: typeof g.require,
          process: typeof g.process,
          bootstrap: await g.ordrebok.invoke('system.bootstrap', {}),
          unknown: await (g.ordrebok.invoke as (c: string, i: unknown) => Promise<unknown>)('db.query', {}),
          invalid: await g.ordrebok.invoke('system.createDemo', { orders: 'many' as unknown as number }),
          popup: g.open('https://example.com/') === null,
        };
      });
      // The options themselves are checked in test/unit/app-window.test.ts; here, their effect.
      expect(seen.bridge).toEqual(['invoke']);
      expect(seen.require).toBe('undefined');
      expect(seen.process).toBe('undefined');
      expect(seen.bootstrap).toMatchObject({ ok: true, value: { companyExists: false } });
      expect(seen.unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      expect(seen.invalid).toMatchObject({ ok: false, error: { code: 'invalid_type', field: 'orders' } });
      expect(seen.popup).toBe(true);
      expect(app.windows()).toHaveLength(1);

      // A link away is refused: the window stays on our page.
      await page.evaluate(() => {
        (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toMatch(/^app:\/\/ordrebok\//);
    } finally {
      await app.close();
    }
  });
});
