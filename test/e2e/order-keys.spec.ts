// The order screen's keys beyond the happy path: removing and moving lines,
// Esc with unsaved changes, a product that is not found, a refusal placed on
// its field, and a refusal the clerk may overrule (stock shortage).
import type { Page } from '@playwright/test';
import type { App } from './fixtures';
import { expect, screenshot, seedCompany, statusOf, test } from './fixtures';

async function seed(page: Page, app: App) {
  await seedCompany(page, app);
  await app.engine.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', contacts: [] });
  const p = (number: string, name: string, priceOre: number, stockManaged = false) =>
    app.engine.ok('products.create', { number, name, unit: 'stk', priceOre, vatCode: '25', stockManaged });
  return {
    a: await p('A-1', 'Arbeidslampe LED', 49900),
    b: await p('B-2', 'Batteri 18V', 89900),
    c: await p('C-3', 'Capsulelim 300 ml', 12900),
    stocked: await p('S-9', 'Sirkelsag 190 mm', 249900, true),
  };
}

async function startOrder(page: Page) {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await page.keyboard.type('Bergen');
  await expect(page.getByTestId('order-customer-options-0')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-customer-number')).toHaveText('10001');
  await page.keyboard.press('Alt+l');
}

async function line(page: Page, product: string, quantity: string) {
  await page.keyboard.type(product);
  await page.keyboard.press('Enter');
  await page.keyboard.type(quantity);
  await page.keyboard.press('Enter'); // price
  await page.keyboard.press('Enter'); // discount
  await page.keyboard.press('Enter'); // next line
}

test('Ctrl+Delete removes a line after asking, Alt+↑ moves one, and the saved order keeps that order', async ({ page, app }) => {
  await seed(page, app);
  await startOrder(page);
  await line(page, 'A-1', '1');
  await line(page, 'B-2', '2');
  await line(page, 'C-3', '3');
  await expect(page.getByTestId('line-3-product')).toBeFocused();

  // Remove line 2 (B-2): the dialog asks; Esc keeps it, Enter on "Slett" removes it.
  await page.getByTestId('line-1-quantity').focus();
  await page.keyboard.press('Control+Delete');
  await expect(page.getByTestId('confirm-dialog')).toContainText('Linje 2: B-2 – Batteri 18V');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(page.getByTestId('line-1-product')).toHaveValue('B-2');
  await page.keyboard.press('Control+Delete');
  await expect(page.getByTestId('confirm-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-1-product')).toHaveValue('C-3');
  await expect(page.getByTestId('line-1-product')).toBeFocused();

  // Move C-3 above A-1.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('line-0-product')).toHaveValue('C-3');
  await expect(page.getByTestId('line-1-product')).toHaveValue('A-1');
  await expect(page.getByTestId('line-0-product')).toBeFocused();

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  const order = await app.engine.ok('orders.get', { id: (await app.engine.ok('orders.list', { startRow: 0, endRow: 5 })).rows[0]!.id });
  expect(order.lines.map((l) => [l.lineNo, l.productNumber, l.quantity])).toEqual([
    [1, 'C-3', 3000],
    [2, 'A-1', 1000],
  ]);

  // Editing the saved order: a new line, saved with the version, keeps the line ids.
  await page.getByTestId('line-1-discount').focus();
  await page.keyboard.press('Enter');
  await line(page, 'B-2', '1');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('order-notice')).toHaveText('Ordre 10001 er lagret.');
  const again = await app.engine.ok('orders.get', { id: order.id });
  expect(again.version).toBeGreaterThan(order.version);
  expect(again.lines.map((l) => l.productNumber)).toEqual(['C-3', 'A-1', 'B-2']);
  expect(again.lines.slice(0, 2).map((l) => l.id)).toEqual(order.lines.map((l) => l.id));
});

test('Esc with unsaved changes asks first; discarding leaves nothing saved', async ({ page, app }) => {
  await seed(page, app);
  await startOrder(page);
  await line(page, 'A-1', '2');
  await page.keyboard.press('Escape');
  const dialog = page.getByTestId('confirm-dialog');
  await expect(dialog).toContainText('Du har endringer som ikke er lagret. Vil du forkaste dem?');
  await expect(page.getByTestId('confirm-no')).toBeFocused(); // the safe answer
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('order-editor')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('confirm-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-list')).toBeVisible();
  expect((await app.engine.ok('orders.list', { startRow: 0, endRow: 5 })).rowCount).toBe(0);
});

test('a product that is not found is said by the line; the refusal of a status is said by the status field', async ({ page, app }) => {
  await seed(page, app);
  const confirmed = await statusOf(app, 'confirmed');
  await startOrder(page);
  await page.keyboard.type('finnesikke');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-error')).toHaveText('Fant ingen produkt som passer «finnesikke».');
  await expect(page.getByTestId('line-0-product')).toBeFocused();
  await page.keyboard.type('lampe'); // part of the name replaces the selected text
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-product')).toHaveValue('A-1');
  await expect(page.getByTestId('line-0-error')).toHaveCount(0);
  await page.keyboard.type('1');

  // Quote (type 5) cannot stand in a processing status such as Bekreftet.
  await page.getByTestId('order-orderType').selectOption('5');
  await page.getByTestId('order-statusId').selectOption(String(confirmed.id));
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('order-statusId-error')).toContainText('Ordretypen 5 Tilbud/forespørsel behandles ikke');
  await expect(page.getByTestId('order-statusId')).toBeFocused();
  await screenshot(page, 'order-refusal-by-field');
  expect((await app.engine.ok('orders.list', { startRow: 0, endRow: 5 })).rowCount).toBe(0);
});

test('a stock shortage is asked about in Norwegian, and "Lagre likevel" saves with the reservation', async ({ page, app }) => {
  const { stocked } = await seed(page, app);
  const confirmed = await statusOf(app, 'confirmed');
  await startOrder(page);
  await line(page, 'S-9', '2');
  await page.getByTestId('order-statusId').selectOption(String(confirmed.id));
  await page.keyboard.press('Control+s');
  const dialog = page.getByTestId('order-confirm');
  await expect(dialog).toContainText('Det er bare 0 disponibelt av S-9 Sirkelsag 190 mm, men 2 skal reserveres.');
  await expect(page.getByTestId('confirm-no')).toBeFocused();
  await screenshot(page, 'order-confirm-shortage');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('confirm-yes')).toHaveText('Lagre likevel');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  const stock = await app.engine.ok('stock.get', { productId: stocked.id });
  expect(stock.reserved).toBe(2000);
});
