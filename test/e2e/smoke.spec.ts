import { expect, screenshot, setUpCompanyThroughUi, test } from './fixtures';

test('first start shows the welcome screen and sets up the company', async ({ page, app }) => {
  await expect(page.getByTestId('welcome')).toBeVisible();
  await screenshot(page, 'welcome');
  await page.getByTestId('welcome-setup').click();
  await expect(page.getByTestId('company-name')).toBeFocused();
  await screenshot(page, 'welcome-company-form');
  await page.getByTestId('welcome-back').click();
  await setUpCompanyThroughUi(page);
  const company = await app.engine.ok('company.get', {});
  expect(company?.orgNumber).toBe('923609016');
  await screenshot(page, 'empty-order-list');
});
