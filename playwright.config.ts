// End-to-end tests in Chromium through the loopback host. There is no
// webServer: each test's fixture starts its own engine on a fresh temporary
// database and its own host (test/e2e/fixtures.ts), so tests never share data.
// The renderer must be built first (npm run test:e2e does it).
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium where it exists (as on our machines), Playwright's own browser elsewhere. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const executablePath = process.env.ORDREBOK_CHROMIUM ?? (existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined);

// The engine runs in the test workers and takes "today" from the process's clock, the
// browser from timezoneId below: both must be the site's zone, or between 23:00 and
// 01:00 UTC the browser's today is the engine's tomorrow (a CI run refused a payment
// dated "today" as in the future). Workers inherit this environment.
process.env.TZ = 'Europe/Oslo';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    // The app formats nb-NO itself; the browser's locale only matters for what it adds (none of our text).
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // Real scrollbars, as on the clerks' Windows and Linux desktops: headless hides them by
      // default, and then the grids lay out for overlay scrollbars that no desktop shows.
      ignoreDefaultArgs: ['--hide-scrollbars'],
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
