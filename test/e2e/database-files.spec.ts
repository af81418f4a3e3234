// Issue 9, point 24: a company file Ordrebok refuses (from a newer version,
// damaged, empty) is not a crash and not a stack trace: the host serves the app
// with a refused engine, and the app shows, before any login or welcome screen,
// a Norwegian page saying what is wrong with which file and what to do (English
// on the language switch). The file is byte for byte as it was afterwards.
//
// Unlike fixtures.ts, each test prepares its own file first and starts the host
// on it, as `npm run start:web -- --db FILE` does.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { openEngine, openEngineOrRefusal, type Engine, type EngineOptions } from '../../src-main/engine';
import { openDatabase } from '../../src-main/engine/db/connection';
import { latestVersion } from '../../src-main/engine/db/migrate';
import { generateCustomers } from '../../src-main/engine/demo/generator';
import { startHost, type Host } from '../../src-main/host/server';
import { COMPANY, expect, screenshot } from './fixtures';
import { corruptPartyPage } from '../helpers/corruptFile';

const RENDERER_DIR = resolve('dist/renderer');
const LATEST = latestVersion();

interface FileApp {
  /** A folder of its own for the test's company file. */
  readonly dir: string;
  /** Starts the host on the file, as start:web does (a refused file gives a refused engine), and opens the page. */
  start(file: string, opts?: Partial<EngineOptions>): Promise<{ engine: Engine; host: Host }>;
  readonly errors: string[];
}

const test = base.extend<{ files: FileApp }>({
  files: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ordrebok-e2e-files-'));
    const started: { engine: Engine; host: Host }[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    try {
      await use({
        dir,
        errors,
        async start(file, opts = {}) {
          const engine = await openEngineOrRefusal({ file, ...opts });
          const host = await startHost({ engine, rendererDir: RENDERER_DIR });
          started.push({ engine, host });
          await page.goto(host.appUrl);
          return { engine, host };
        },
      });
      expect(errors, 'the page reported errors').toEqual([]);
    } finally {
      for (const { engine, host } of started) {
        await host.close();
        engine.close();
      }
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A real company file: the company through the engine, and 300 customers (the party table spans several pages). */
async function companyFile(dir: string): Promise<string> {
  const file = join(dir, 'firma.ordrebok');
  const engine = await openEngine({ file });
  const saved = await engine.call('company.save', COMPANY);
  expect(saved.ok).toBe(true);
  engine.close();
  const db = openDatabase(file);
  generateCustomers(db, { customers: 300, seed: 7, now: '2025-01-05T10:00:00.000Z' });
  db.close();
  return file;
}


/** The refusal page in Norwegian, then in English on the language switch, and back. */
async function expectRefusalPage(page: Page, code: string, nb: RegExp, file: string): Promise<void> {
  const screen = page.getByTestId('file-problem');
  await expect(screen).toBeVisible();
  await expect(screen).toHaveAttribute('data-code', code);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firmafilen kan ikke åpnes');
  await expect(page.getByTestId('file-problem-message')).toHaveText(nb);
  await expect(page.getByTestId('file-problem-file')).toHaveText(file);
  await expect(page.getByText('Hva du kan gjøre')).toBeVisible();
  // Nothing of the app behind it: no welcome screen, no login, no order list.
  await expect(page.getByTestId('welcome')).toHaveCount(0);
  await expect(page.getByTestId('order-list')).toHaveCount(0);
  await expect(page.getByTestId('file-problem-continue')).toHaveCount(0);
}

async function expectEnglish(page: Page, en: RegExp): Promise<void> {
  await page.getByTestId('language-select').selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The company file cannot be opened');
  await expect(page.getByTestId('file-problem-message')).toHaveText(en);
  await page.getByTestId('language-select').selectOption('nb');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firmafilen kan ikke åpnes');
}

test('a file from a newer version of Ordrebok: the refusal page, in Norwegian, and the file untouched', async ({ page, files }) => {
  const file = await companyFile(files.dir);
  const db = new Database(file);
  db.pragma(`user_version = ${LATEST + 2}`);
  db.close();
  const before = sha256(file);
  const listing = readdirSync(files.dir).sort();

  await files.start(file);
  await expectRefusalPage(
    page,
    'database_newer',
    new RegExp(`^Filen ble laget av en nyere versjon av Ordrebok \\(skjema ${LATEST + 2}, denne versjonen kan åpne til ${LATEST}\\)\\. Oppdater Ordrebok, eller åpne en annen firmafil\\.`),
    file,
  );
  await screenshot(page, 'file-refused-newer-schema');
  await expectEnglish(page, /^The file was made by a newer version of Ordrebok/);
  await page.reload();
  await expect(page.getByTestId('file-problem')).toBeVisible();
  expect(sha256(file)).toBe(before);
  expect(readdirSync(files.dir).sort()).toEqual(listing);
});

test('a damaged file: the refusal page, in Norwegian, and the file untouched', async ({ page, files }) => {
  const file = await companyFile(files.dir);
  corruptPartyPage(file);
  const before = sha256(file);

  await files.start(file);
  await expectRefusalPage(page, 'database_corrupt', /^Firmafilen er skadet, og Ordrebok lagrer ingenting i den/, file);
  await screenshot(page, 'file-refused-damaged');
  await expectEnglish(page, /^The company file is damaged/);
  expect(sha256(file)).toBe(before);
});

test('an empty (0-byte) file: the refusal page, in Norwegian, and the file still 0 bytes', async ({ page, files }) => {
  const file = join(files.dir, 'firma.ordrebok');
  writeFileSync(file, '');
  const before = sha256(file);

  await files.start(file);
  await expectRefusalPage(page, 'database_empty', /^Filen er tom \(0 byte\) og har ingen firmadata\. Den er ikke endret\./, file);
  await screenshot(page, 'file-refused-empty');
  await expectEnglish(page, /^The file is empty \(0 bytes\)/);
  expect(sha256(file)).toBe(before);
  expect(readFileSync(file).length).toBe(0);
  expect(readdirSync(files.dir)).toEqual(['firma.ordrebok']);
});

test('a large file found damaged after opening: the page says so, the data can still be looked at, and a save is refused', async ({
  page,
  files,
}) => {
  const file = await companyFile(files.dir);
  corruptPartyPage(file);
  // The limit at 0 bytes: the file counts as large, so it opens and is checked in a worker.
  const { engine } = await files.start(file, { integrityCheckSyncMaxBytes: 0 });
  // A write waits for the check, which finds the damage.
  const write = await engine.call('company.save', COMPANY);
  expect(write.ok ? null : write.error.code).toBe('database_corrupt');
  await page.reload();
  await expect(page.getByTestId('file-problem')).toHaveAttribute('data-code', 'database_corrupt');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Firmafilen er skadet');
  await screenshot(page, 'file-damaged-after-open');
  await page.getByTestId('file-problem-continue').click();
  await expect(page.getByTestId('file-problem')).toHaveCount(0);
  await expect(page.getByTestId('topbar-company')).toHaveText(COMPANY.name);
});
