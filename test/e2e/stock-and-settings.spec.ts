// The product screen's stock dialogs (manual receipt, adjustment with a reason)
// and the settings for sales processing: access groups with rights, the subscription run.
import { expect, kr, screenshot, test } from './fixtures';
import { expectStock, seedSales } from './sales';

test('product screen: a manual receipt makes a batch at its cost; an adjustment needs a reason and moves stock', async ({ page, app }) => {
  await seedSales(page, app);
  await expectStock(page, 'SAG-190', { onHand: '50', reserved: '0', onLoan: '0', available: '50' });
  const kb = page.keyboard;

  await kb.press('Alt+m');
  await expect(page.getByTestId('receive-quantity')).toBeFocused();
  await kb.type('10');
  await kb.press('Tab');
  await kb.type('120,50');
  await kb.press('Enter');
  await expect(page.getByTestId('stock-notice')).toHaveText('10 stk er tatt imot.');
  await expect(page.getByTestId('stock-onHand')).toHaveText('60');
  // 50 × 110,00 + 10 × 120,50 = 6 705,00.
  await expect(page.getByTestId('stock-value')).toHaveText(kr('6 705,00'));
  await expect(page.getByTestId('stock-batch-1-left')).toHaveText('10');

  await kb.press('Alt+j');
  await kb.type('-3');
  await kb.press('Enter');
  await expect(page.getByTestId('adjust-note-error')).toHaveText('Skriv årsaken til justeringen.');
  await page.getByTestId('adjust-note').fill('Telling: 3 knekte blad');
  await kb.press('Enter');
  await expect(page.getByTestId('stock-notice')).toHaveText('Lageret er justert med -3 stk.');
  await expect(page.getByTestId('stock-onHand')).toHaveText('57');
  await expect(page.getByTestId('stock-movement-0-cause')).toHaveText('Justering');
  await expect(page.getByTestId('stock-movement-0-quantity')).toHaveText('-3');
  await screenshot(page, 'stock-receipt-adjust');
});

test('settings: an access group gets its rights as checkboxes; the subscription run says when nothing is due', async ({ page, app }) => {
  await seedSales(page, app);
  await page.keyboard.press('Alt+4');
  const panel = page.getByTestId('users-panel');
  await expect(panel).toBeVisible();
  await page.getByTestId('group-new-name').fill('Lager');
  await page.getByTestId('group-new-invoice').check();
  await page.getByTestId('group-new-credit').check();
  await page.getByTestId('group-add').click();
  await expect(page.getByTestId('groups-notice')).toHaveText('Tilgangsgruppen Lager er lagret.');
  const groups = await app.engine.ok('groups.list', {});
  const lager = groups.find((g) => g.name === 'Lager')!;
  expect([...lager.rights].sort()).toEqual(['credit', 'invoice']);
  const row = groups.indexOf(lager);
  await page.getByTestId(`group-${row}-credit`).uncheck();
  await page.getByTestId(`group-${row}-save`).click();
  await expect.poll(async () => (await app.engine.ok('groups.list', {})).find((g) => g.id === lager.id)!.rights).toEqual(['invoice']);

  await page.getByTestId('subscriptions-run').click();
  await expect(page.getByTestId('subscriptions-result')).toHaveText('Ingen abonnementsperioder har forfalt.');
  await page.getByTestId('subscriptions-panel').scrollIntoViewIfNeeded();
  await screenshot(page, 'settings-processing');
});
