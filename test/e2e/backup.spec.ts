// Issue 13, backup and restore end to end: the top bar warns while there is no
// backup (and when the newest is over a week old; one word where the bar is full);
// "Ta sikkerhetskopi nå" from Innstillinger; a customer renamed afterwards; the
// backup checked, confirmed and restored, and after the reload the old name is
// back. "Kontroller databasen" says a sound file is sound, and names a planted
// fault in Norwegian.
import { basename, dirname, join } from 'node:path';
import { openDatabase } from '../../src-main/engine/db/connection';
import { expect, screenshot, seedCompany, test } from './fixtures';

test('back up, rename a customer, restore the backup: after the reload the old name is back', async ({ page, app }) => {
  await seedCompany(page, app);
  const kb = page.keyboard;

  // No backup yet: the top bar says so, and takes the clerk to the backup panel.
  const warning = page.getByTestId('topbar-backup-warning');
  // At 1440 px one word in the bar, the full text in its tooltip.
  await expect(warning).toHaveAttribute('title', 'Ingen sikkerhetskopi – Gå til sikkerhetskopi i Innstillinger');
  await expect(warning.locator('.backup-warning-short')).toHaveText('Sikkerhetskopi');
  await screenshot(page, 'backup-topbar-missing-1440');

  // The customer, typed in.
  await kb.press('Alt+2');
  await kb.press('F2');
  await page.getByTestId('customer-orgNumber').fill('974 760 673');
  await page.getByTestId('customer-name').fill('Bergen Bygg AS');
  await page.getByTestId('customer-city').fill('Bergen');
  await kb.press('Control+s');
  await expect(page.getByTestId('customer-notice')).toHaveText('Kunde 10001 Bergen Bygg AS er lagret.');

  // Ta sikkerhetskopi nå, to the default folder beside the company file.
  await warning.click();
  const panel = page.getByTestId('backup-panel');
  await expect(panel).toBeInViewport();
  await expect(page.getByTestId('backup-last')).toHaveText('Ingen sikkerhetskopi er tatt ennå.');
  const folder = join(dirname(app.engine.file), 'Sikkerhetskopier');
  await expect(page.getByTestId('backup-folder')).toHaveValue(folder);
  await page.getByTestId('backup-now').click();
  await expect(page.getByTestId('backup-notice')).toHaveText(/^Sikkerhetskopien er tatt: .*Fjordlager AS \d{4}-\d{2}-\d{2} \d{4}\.ordrebok$/);
  const backupFile = (await app.engine.ok('backup.status', {})).lastFile!;
  expect(dirname(backupFile)).toBe(folder);
  await expect(page.getByTestId('backup-last')).toContainText('(i dag, tatt for hånd)');
  await expect(page.getByTestId('backup-last-file')).toHaveText(backupFile);
  await expect(warning).toHaveCount(0);
  await screenshot(page, 'backup-taken');

  // The customer renamed after the backup.
  await kb.press('Alt+2');
  await page.getByTestId('customer-name').fill('Bergen Bygg og Anlegg AS');
  await kb.press('Control+s');
  await expect(page.getByTestId('customer-notice')).toHaveText('Kunde 10001 Bergen Bygg og Anlegg AS er lagret.');

  // The restore: the file checked first, what it holds shown, then confirmed.
  await kb.press('Alt+4');
  await page.getByTestId('restore-file').fill(backupFile);
  await page.getByTestId('restore-file').press('Enter');
  const info = page.getByTestId('restore-info');
  await expect(info).toBeVisible();
  await expect(page.getByTestId('restore-info-company')).toHaveText('Fjordlager AS');
  await expect(page.getByTestId('restore-info-org')).toHaveText('923 609 016');
  await expect(page.getByTestId('restore-info-customers')).toHaveText('1');
  await expect(page.getByTestId('restore-info-orders')).toHaveText('0');
  await info.scrollIntoViewIfNeeded();
  await screenshot(page, 'backup-restore-inspected');
  await page.getByTestId('restore-start').click();
  const confirm = page.getByTestId('restore-confirm');
  await expect(confirm).toContainText('Alt som er registrert etter');
  await screenshot(page, 'backup-restore-confirm');
  await kb.press('Enter');
  const done = page.getByTestId('restore-done');
  await expect(done).toBeVisible();
  const keptAs = page.getByTestId('restore-kept-as');
  await expect(keptAs).toHaveText(/firma før gjenoppretting \d{4}-\d{2}-\d{2} \d{6}\.ordrebok$/);
  expect(dirname((await keptAs.textContent())!)).toBe(dirname(app.engine.file));
  await screenshot(page, 'backup-restored');
  await kb.press('Enter');

  // After the reload: the program runs on the backup, the old name is back.
  await expect(page.getByTestId('order-list')).toBeVisible();
  // The backup it came from is in the folder: no warning.
  await expect(page.getByTestId('topbar-backup-warning')).toHaveCount(0);
  await kb.press('Alt+2');
  await expect(page.getByTestId('customer-list')).toContainText('Bergen Bygg AS');
  await expect(page.getByTestId('customer-list')).not.toContainText('Bergen Bygg og Anlegg AS');
  expect((await app.engine.ok('customers.list', {})).rows.map((r) => r.name)).toEqual(['Bergen Bygg AS']);
  expect(basename(backupFile)).toMatch(/^Fjordlager AS /);
});

test('the warning when the last backup is over a week old fits the bar: in full from 1920 px, one word below and with a user logged in', async ({ page, app }) => {
  await seedCompany(page, app);
  // A backup twelve and a half days before now, as the log would have it (the engine's clock stands at the test's start).
  const twelveDaysAgo = new Date(Date.now() - 12.5 * 24 * 60 * 60 * 1000).toISOString();
  const db = openDatabase(app.engine.file);
  db.prepare('INSERT INTO backup_log (taken_at, file, automatic, bytes) VALUES (?, ?, 1, 1000)').run(twelveDaysAgo, '/tmp/gammel.ordrebok');
  db.close();
  await page.reload();
  const warning = page.getByTestId('topbar-backup-warning');
  const full = 'Siste sikkerhetskopi er 12 dager gammel';
  await expect(warning).toHaveAttribute('title', `${full} – Gå til sikkerhetskopi i Innstillinger`);
  // The bar fits: its last control (the language switch) ends inside the window.
  const barEnd = () => page.locator('.topbar .language-switch').evaluate((el) => el.getBoundingClientRect().right);
  const at = async (width: number, who: string) => {
    await page.setViewportSize({ width, height: width >= 1920 ? 1080 : 900 });
    if (width >= 1920 && who === 'without users') {
      await expect(warning.locator('.backup-warning-long')).toHaveText(full);
      await expect(warning.locator('.backup-warning-short')).toBeHidden();
    } else {
      await expect(warning.locator('.backup-warning-short')).toHaveText('Sikkerhetskopi');
      await expect(warning.locator('.backup-warning-long')).toBeHidden();
    }
    expect(await barEnd(), `the bar at ${width} px ${who}`).toBeLessThanOrEqual(width);
    await screenshot(page, `backup-topbar-old-${width}${who === 'with a user' ? '-user' : ''}`);
  };
  for (const width of [1280, 1440, 1600, 1920]) await at(width, 'without users');

  // With a user logged in (the name and "Logg ut" in the bar too).
  const admins = await app.engine.ok('groups.save', { name: 'Administratorer', rights: ['administer'] });
  await app.engine.ok('users.save', { username: 'kari', name: 'Kari Nordmann', groupId: admins.id, pin: '4821' });
  await page.reload();
  await page.getByTestId('login-username').fill('kari');
  await page.getByTestId('login-pin').fill('4821');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('topbar-user')).toHaveText('Kari Nordmann');
  for (const width of [1280, 1440, 1600, 1920]) await at(width, 'with a user');
});

test('Kontroller databasen: a sound file, then a stock movement deleted with SQL, said in Norwegian', async ({ page, app }) => {
  await seedCompany(page, app);
  const product = await app.engine.ok('products.create', { number: 'R-100', name: 'Kobberrør 15 mm', unit: 'm', priceOre: 8990, vatCode: '25', stockManaged: true });
  await app.engine.ok('stock.receive', { productId: product.id, quantity: 50_000, costOre: 5000 });
  await app.engine.ok('stock.receive', { productId: product.id, quantity: 10_000, costOre: 5200 });
  await page.keyboard.press('Alt+4');
  await page.getByTestId('db-check').click();
  const report = page.getByTestId('db-check-report');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report).toHaveText(/^Ingen feil funnet\. \d+ kontroller kjørt på \d+ ms\.$/);

  const db = openDatabase(app.engine.file);
  db.prepare('DELETE FROM stock_movement WHERE id = (SELECT max(id) FROM stock_movement)').run();
  db.close();
  await page.getByTestId('db-check').click();
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report).toContainText('Kontrollen fant 1 feil:');
  await expect(page.getByTestId('db-check-findings').locator('li')).toHaveText([
    'Lager: beholdningen er ikke lik summen av lagerbevegelsene og summen av partiene (per produkt): 1 tilfelle',
  ]);
  await report.scrollIntoViewIfNeeded();
  await screenshot(page, 'backup-check-finding');
});
