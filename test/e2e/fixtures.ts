// Each test gets its own engine on a fresh temporary SQLite file and its own
// loopback host serving the built renderer (dist/renderer), and a page opened
// at the host's address (with the token in the fragment). Page errors and
// console errors fail the test.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { startHost, type Host } from '../../src-main/host/server';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

export interface App {
  readonly engine: TestEngine;
  readonly host: Host;
  /** Errors the page reported (uncaught exceptions, console.error). */
  readonly errors: string[];
}

const RENDERER_DIR = resolve('dist/renderer');
const SCREENSHOT_DIR = resolve('test-results/screenshots');

export const test = base.extend<{ app: App }>({
  app: async ({ page }, use) => {
    const engine = await makeEngine({ now: new Date() });
    const host = await startHost({ engine: engine.engine, rendererDir: RENDERER_DIR });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(host.appUrl);
    try {
      await use({ engine, host, errors });
      expect(errors, 'the page reported errors').toEqual([]);
    } finally {
      await host.close();
      engine.close();
    }
  },
});

export { expect };

/** Saves test-results/screenshots/<name>.png (kept across runs for review). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/** The company of test/helpers/engine.ts, typed into the welcome screen's form. */
export async function setUpCompanyThroughUi(page: Page): Promise<void> {
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('welcome-setup').click();
  await page.getByTestId('company-name').fill(COMPANY.name);
  await page.getByTestId('company-orgNumber').fill('923 609 016');
  await page.getByTestId('company-addressLine1').fill(COMPANY.addressLine1);
  await page.getByTestId('company-postalCode').fill(COMPANY.postalCode);
  await page.getByTestId('company-city').fill(COMPANY.city);
  await page.getByTestId('company-bankAccount').fill('1503.12.34562');
  await page.getByTestId('company-phone').fill(COMPANY.phone);
  await page.getByTestId('company-save').click();
  await expect(page.getByTestId('order-list')).toBeVisible();
  await expect(page.getByTestId('topbar-company')).toHaveText(COMPANY.name);
}

/** The company straight through the channel, then a reload (the token survives in sessionStorage). */
export async function seedCompany(page: Page, app: App): Promise<void> {
  await app.engine.ok('company.save', COMPANY);
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
}

/** The visible status of a kind in the company's flow. */
export async function statusOf(app: App, kind: string): Promise<{ id: number; labelNb: string }> {
  const status = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === kind && !s.hidden);
  if (!status) throw new Error(`no visible status of kind ${kind}`);
  return status;
}

/** A grid row by its position in the view. */
export function gridRow(page: Page, grid: string, index: number) {
  return page.locator(`[data-testid=${grid}] .ag-row[row-index="${index}"]`);
}

/** formatAmount's output: no-break space between thousands, comma before the øre. */
export const kr = (text: string): string => text.replace(/ /g, '\u00a0');

export { COMPANY };
