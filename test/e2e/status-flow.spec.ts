// Issue 13, the status flow editor (Innstillinger → Statusløp): the administrator
// renames and reorders statuses by keyboard and sees the order list's tabs, the
// order's status bar and Alt+→ follow at once; then switches preset with the
// mapping of orders, where a target that would change stock is refused on its row
// before a valid one is taken.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { makeOrder, openOrder, seedSales } from './sales';

async function openFlowPanel(page: Page) {
  await page.keyboard.press('Alt+4');
  const panel = page.getByTestId('status-flow-panel');
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  return panel;
}

/** The row of a status in the editor, by its Norwegian label. */
const row = (page: Page, label: string) => page.locator(`[data-testid=sf-table] tbody tr[data-label="${label}"]`);
const rowLabels = (page: Page) => page.locator('[data-testid=sf-table] tbody tr:not(.muted) td.strong');

test('rename and reorder statuses by keyboard: the tabs, the status bar and Alt+→ follow without a restart', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 2]]);
  await makeOrder(app, data, 'pack', [[data.blade.id, 1]]);

  // The order screen has read the flow before the change.
  await openOrder(page, order.number);
  const steps = page.locator('[data-testid=status-bar] .status-step');
  await expect(steps).toHaveText(['Tilbud', 'Bekreftet', 'Produksjon', 'Pakk', 'Utsendt', 'Til fakturering', 'Fakturert', 'Betalt']);

  await openFlowPanel(page);
  await expect(page.getByTestId('sf-preset')).toContainText('Standard');
  await expect(rowLabels(page)).toHaveText(['Tilbud', 'Bekreftet', 'Produksjon', 'Pakk', 'Utsendt', 'Til fakturering', 'Fakturert', 'Betalt']);
  await screenshot(page, 'status-flow-1-panel');

  // F2 on Bekreftet: the label and a colour.
  await row(page, 'Bekreftet').click();
  await expect(row(page, 'Bekreftet')).toBeFocused();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('sf-dialog')).toBeVisible();
  await expect(page.getByTestId('sf-labelNb')).toBeFocused();
  await page.keyboard.type('Ordre bekreftet');
  await page.getByTestId('sf-labelEn').fill('Order confirmed');
  await page.getByTestId('sf-colour').fill('#1f6feb');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sf-notice')).toHaveText('«Ordre bekreftet» er lagret.');
  await expect(row(page, 'Ordre bekreftet')).toBeFocused();

  // A name another status has is refused with the engine's words.
  await page.keyboard.press('Enter');
  await page.getByTestId('sf-labelNb').fill('pakk');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sf-labelNb-error')).toHaveText('Det finnes allerede en status som heter «pakk».');
  await page.keyboard.press('Escape');

  // Pakk up before Produksjon with Alt+↑.
  await row(page, 'Pakk').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('sf-notice')).toHaveText('«Pakk» er flyttet.');
  await expect(rowLabels(page)).toHaveText(['Tilbud', 'Ordre bekreftet', 'Pakk', 'Produksjon', 'Utsendt', 'Til fakturering', 'Fakturert', 'Betalt']);
  await expect(row(page, 'Pakk')).toBeFocused();
  // Hiding a status orders stand in is refused.
  await page.keyboard.press('h');
  await expect(page.getByTestId('sf-error')).toContainText('«Pakk» kan ikke skjules: 1 ordre står i den.');
  await screenshot(page, 'status-flow-2-renamed-reordered');

  // Back on the order: the status bar follows, and Alt+→ goes to Pakk now.
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('order-number')).toHaveText(String(order.number));
  await expect(steps).toHaveText(['Tilbud', 'Ordre bekreftet', 'Pakk', 'Produksjon', 'Utsendt', 'Til fakturering', 'Fakturert', 'Betalt']);
  await expect(page.locator('[data-testid=status-bar] [aria-current=step]')).toHaveText('Ordre bekreftet');
  await expect(page.locator('[data-testid=status-bar] [aria-current=step] .status-colour-dot')).toHaveCount(1);
  await page.getByTestId('status-step-confirmed').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('status-step-pack')).toBeFocused();
  await screenshot(page, 'status-flow-3-order-status-bar');

  // The order list's tabs follow too.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();
  const tabs = page.locator('[data-testid=status-tabs] .status-tab-label');
  await expect(tabs).toHaveText(['Alle', 'Tilbud', 'Ordre bekreftet', 'Pakk', 'Produksjon', 'Utsendt', 'Til fakturering', 'Fakturert', 'Betalt']);
  await screenshot(page, 'status-flow-4-order-tabs');

  // At 1280 wide the editor keeps every column in view.
  await page.setViewportSize({ width: 1280, height: 800 });
  await openFlowPanel(page);
  const table = page.getByTestId('sf-table');
  expect(await table.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0))).toBe(true);
  await row(page, 'Ordre bekreftet').focus();
  await screenshot(page, 'status-flow-4b-panel-1280');
});

test('switch preset with the mapping: a target that would change stock is refused on its row, a valid one is taken', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const inProduction = await makeOrder(app, data, 'production', [[data.drill.id, 2]]);
  await makeOrder(app, data, 'confirmed', [[data.blade.id, 1]]);
  await makeOrder(app, data, 'quote', [[data.blade.id, 1]], 5);
  const production = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'production')!;

  await openFlowPanel(page);
  await page.getByTestId('sf-switch').focus();
  await page.keyboard.press('Alt+b');
  const dialog = page.getByTestId('sf-change');
  await expect(dialog).toBeVisible();
  await page.getByTestId('sf-change-preset').selectOption('simple');
  const mapping = page.getByTestId('sf-mapping');
  await expect(mapping.locator('tbody tr')).toHaveCount(3);
  const prodRow = page.getByTestId(`sf-move-${production.id}`);
  await expect(prodRow.locator('td').nth(2)).toHaveText('1');
  // By default Produksjon's order stays in Produksjon (hidden in Simple, same kind).
  await expect(page.getByTestId(`sf-target-${production.id}`).locator('option:checked')).toContainText('Produksjon (Produksjon) · skjult – samme type');

  // Utsendt holds no reservation (its goods have left stock): refused on the row, and Bytt mal says it too.
  await page.getByTestId(`sf-target-${production.id}`).selectOption({ label: 'Utsendt (Utsendt) · skjult' });
  await expect(page.getByTestId(`sf-refusal-${production.id}`)).toHaveText(
    '1 ordre i «Produksjon» kan ikke flyttes til «Utsendt»: varene er reservert i den ene og ikke i den andre. Velg en status av samme type.',
  );
  await screenshot(page, 'status-flow-5-switch-refused');
  await page.getByTestId('sf-change-submit').click();
  await expect(page.getByTestId('sf-change-error')).toContainText('kan ikke flyttes til «Utsendt»');
  expect((await app.engine.ok('company.get', {}))!.statusPreset).toBe('standard');

  // Under arbeid (Bekreftet's kind) reserves alike: taken.
  await page.getByTestId(`sf-target-${production.id}`).selectOption({ label: 'Under arbeid (Bekreftet)' });
  await expect(page.getByTestId(`sf-refusal-${production.id}`)).toHaveCount(0);
  await expect(page.getByTestId('sf-change-error')).toHaveCount(0);
  await screenshot(page, 'status-flow-6-switch-valid');
  await page.getByTestId('sf-change-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sf-notice')).toHaveText('Statusløpet følger nå malen Enkel (Under arbeid → Til fakturering → Betalt).');
  await expect(page.getByTestId('sf-preset')).toContainText('Enkel');
  await expect(rowLabels(page)).toHaveText(['Under arbeid', 'Til fakturering', 'Purret', 'Betalt']);
  await screenshot(page, 'status-flow-7-switched');

  const moved = await app.engine.ok('orders.get', { id: inProduction.id });
  expect(moved.statusKind).toBe('confirmed');
  await openOrder(page, inProduction.number);
  await expect(page.locator('[data-testid=status-bar] .status-step')).toHaveText(['Under arbeid', 'Til fakturering', 'Purret', 'Betalt']);
  await expect(page.locator('[data-testid=status-bar] [aria-current=step]')).toHaveText('Under arbeid');
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, 'status-flow-8-order-after-switch-1280');
});

test('a new status of a kind (Alt+N), then removed with Delete: its orders go to the status of the same kind', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]]);
  const panel = await openFlowPanel(page);
  await row(page, 'Bekreftet').focus();
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('sf-dialog')).toBeVisible();
  await page.getByTestId('sf-labelNb').fill('Venter på deler');
  await page.getByTestId('sf-labelEn').fill('Waiting for parts');
  await page.getByTestId('sf-kind').selectOption('confirmed');
  await page.getByTestId('sf-colour').fill('#c47f00');
  await page.getByTestId('sf-dialog-submit').click();
  await expect(page.getByTestId('sf-notice')).toHaveText('«Venter på deler» er lagret.');
  await expect(rowLabels(page)).toHaveText(['Tilbud', 'Bekreftet', 'Venter på deler', 'Produksjon', 'Pakk', 'Utsendt', 'Til fakturering', 'Fakturert', 'Betalt']);
  await expect(row(page, 'Venter på deler').locator('td').nth(5)).toHaveText('I statuslinjen');

  // The order is put there (by a clerk elsewhere); the editor shows it after a reload.
  const waiting = (await app.engine.ok('statuses.list', {})).find((s) => s.labelNb === 'Venter på deler')!;
  await app.engine.ok('orders.setStatus', { id: order.id, version: order.version, statusId: waiting.id, confirm: {} });
  await page.reload();
  await openFlowPanel(page);
  await expect(row(page, 'Venter på deler').locator('td').nth(4)).toHaveText('1');
  await row(page, 'Venter på deler').focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByTestId('sf-change');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId(`sf-target-${waiting.id}`).locator('option:checked')).toHaveText('Bekreftet (Bekreftet) – samme type');
  await screenshot(page, 'status-flow-9-remove');
  await page.getByTestId('sf-change-submit').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sf-notice')).toHaveText('«Venter på deler» er fjernet.');
  await expect(panel.locator('tbody tr[data-label="Venter på deler"]')).toHaveCount(0);
  await expect(row(page, 'Bekreftet').locator('td').nth(4)).toHaveText('1');
  expect((await app.engine.ok('orders.get', { id: order.id })).statusId).not.toBe(waiting.id);
});
