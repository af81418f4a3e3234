// Issue 12, custom fields (Spesialfelter): the administrator defines an order
// field under Innstillinger, the clerk fills it on an order, and the order list
// shows it as a column that the engine filters on.
import { expect, gridRow, screenshot, test } from './fixtures';
import { makeOrder, openOrder, seedSales } from './sales';

test('a custom field is defined, filled on an order, shown as an order-list column and filtered on', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const first = await makeOrder(app, data, 'confirmed', [[data.service.id, 2]]);
  await makeOrder(app, data, 'confirmed', [[data.service.id, 1]]);
  // A date field made through the engine, so the list shows two columns and the form two kinds of input.
  await app.engine.ok('customFields.save', { entity: 'order', type: 'date', labelNb: 'Montasjedato', listColumn: true });

  // Innstillinger → Spesialfelter: a choice list for orders, typed as an administrator would.
  await page.keyboard.press('Alt+4');
  const panel = page.getByTestId('custom-fields-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('cf-row-montasjedato')).toContainText('Dato');
  await page.getByTestId('cf-add').click();
  const dialog = page.getByTestId('cf-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('cf-labelNb')).toBeFocused();
  await page.keyboard.type('Leveringsmåte');
  await page.getByTestId('cf-type').selectOption('choice');
  await page.getByTestId('cf-choices.0.labelNb').fill('Henting');
  for (const label of ['Levering på bil', 'Sendes med Bring']) {
    await page.getByTestId('cf-choice-add').click();
    await page.keyboard.type(label);
  }
  await expect(page.getByTestId('cf-listColumn')).toBeChecked();
  await screenshot(page, 'custom-fields-dialog');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('cf-notice')).toHaveText('«Leveringsmåte» er lagret.');
  await expect(page.getByTestId('cf-row-leveringsmaate')).toContainText('Henting · Levering på bil · Sendes med Bring');
  await screenshot(page, 'custom-fields-settings');
  const defs = await app.engine.ok('customFields.list', { entity: 'order' });
  expect(defs.map((d) => [d.key, d.type, d.listColumn])).toEqual([
    ['montasjedato', 'date', true],
    ['leveringsmaate', 'choice', true],
  ]);

  // The clerk fills them on the order's header; a date that is no date is refused at the field.
  await openOrder(page, first.number);
  const date = page.getByTestId('order-customFields.montasjedato');
  await date.click();
  await page.keyboard.type('31.02.2025');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('order-customFields.montasjedato-error')).toHaveText('Ugyldig dato. Skriv den som dd.mm.åååå.');
  await date.fill('');
  await page.keyboard.type('14.02.2025');
  await page.getByTestId('order-customFields.leveringsmaate').selectOption({ label: 'Levering på bil' });
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('order-notice')).toHaveText(`Ordre ${first.number} er lagret.`);
  await expect(date).toHaveValue('14.02.2025');
  await screenshot(page, 'custom-fields-order');
  const saved = await app.engine.ok('orders.get', { id: first.id });
  expect(saved.customFields).toEqual({ montasjedato: '2025-02-14', leveringsmaate: 'levering_paa_bil' });

  // The order list: both fields as columns, the choice filtered through the engine by its label.
  // Esc goes back from the (saved) order to the list it was opened from; the search is emptied to show both.
  await page.keyboard.press('Escape');
  await page.getByTestId('order-search').fill('');
  await expect(page.getByTestId('order-row-count')).toHaveText('2 ordrer');
  const header = (colId: string) => page.locator(`[data-testid=order-grid] .ag-header-cell[col-id=${colId}]`);
  // The custom columns come last, to the right of the totals: scroll there as the clerk would.
  await expect(async () => {
    await page.locator('[data-testid=order-grid] .ag-body-horizontal-scroll-viewport').evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(header('cf_leveringsmaate')).toContainText('Leveringsmåte', { timeout: 1000 });
  }).toPass();
  await expect(header('cf_montasjedato')).toContainText('Montasjedato');
  const filtered = page.waitForRequest((r) => r.url().includes('/api/call/orders.list') && (r.postData() ?? '').includes('cf_leveringsmaate'));
  await header('cf_leveringsmaate').locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter input[type=text]').first().fill('bil');
  await filtered;
  await expect(page.getByTestId('order-row-count')).toHaveText('1 ordre');
  const row = gridRow(page, 'order-grid', 0);
  await expect(row).toHaveAttribute('row-id', String(first.id));
  await expect(row.locator('[col-id=cf_leveringsmaate]')).toHaveText('Levering på bil');
  await expect(row.locator('[col-id=cf_montasjedato]')).toHaveText('14.02.2025');
  await page.keyboard.press('Escape');
  await screenshot(page, 'custom-fields-order-list');
});
