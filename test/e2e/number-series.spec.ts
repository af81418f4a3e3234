// Issue 13, number series and defaults: Innstillinger → Nummerserier, where the
// next number of a series is edited in its row (Enter saves, Esc undoes), and the
// defaults the engine reads, set in the company form.
import { findClipped } from './clipping';
import { expect, screenshot, test } from './fixtures';
import { makeOrder, seedSales } from './sales';

test('Nummerserier: the next order number set in its row is the number of the next order', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedSales(page, app);
  const kb = page.keyboard;

  await kb.press('Alt+4');
  await expect(page.getByTestId('number-series-panel')).toBeVisible();
  await kb.press('Alt+u');
  const next = page.getByTestId('series-next-sales_order');
  await expect(next).toBeFocused();
  await expect(next).toHaveValue('10001');
  await expect(page.getByTestId('series-row-sales_order')).toContainText('Ordrer + Tilbud');
  await expect(page.getByTestId('series-row-sales_order')).toContainText('felles serie');
  await expect(page.getByTestId('series-highest-customer')).toHaveText('10001');

  // Esc puts the saved number back.
  await kb.type('3');
  await expect(next).toHaveValue('3');
  await kb.press('Escape');
  await expect(next).toHaveValue('10001');
  await expect(page.getByTestId('settings-screen')).toBeVisible();

  // A customer number in use is refused on its row, in Norwegian.
  await kb.press('ArrowDown');
  await kb.press('ArrowDown');
  await kb.press('ArrowDown');
  const customers = page.getByTestId('series-next-customer');
  await expect(customers).toBeFocused();
  await kb.type('10001');
  await kb.press('Enter');
  await expect(page.getByTestId('series-error-customer')).toHaveText('Nummer 10001 er allerede i bruk i denne serien. Velg et nummer som ikke er brukt.');
  await kb.press('Escape');
  await expect(page.getByTestId('series-error-customer')).toHaveCount(0);
  // Below a number in use is accepted: the row says the used one ahead will be skipped.
  await kb.type('10000');
  await kb.press('Enter');
  await expect(page.getByTestId('series-notice')).toHaveText('Neste nummer for Kunder er nå 10000.');
  await expect(page.getByTestId('series-row-customer')).toContainText('Numre i bruk lenger frem (til og med 10001) hoppes over.');

  // The order series: 20 001 typed with a space, Enter saves.
  await next.focus();
  await kb.type('20 001');
  await kb.press('Enter');
  await expect(page.getByTestId('series-notice')).toHaveText('Neste nummer for Salgsordrer er nå 20001.');
  await expect(next).toHaveValue('20001');
  await page.getByTestId('number-series-panel').scrollIntoViewIfNeeded();
  expect(await findClipped(page, { root: '[data-testid=number-series-panel]' })).toEqual([]);
  await screenshot(page, 'number-series-saved');
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await findClipped(page, { root: '[data-testid=number-series-panel]' })).toEqual([]);
  await screenshot(page, 'number-series-1280');

  // A new order, by keyboard: it gets 20001.
  await kb.press('Alt+1');
  await expect(page.getByTestId('order-search')).toBeFocused();
  await kb.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await kb.type('berg');
  await expect(page.getByTestId('order-customer-options-0')).toContainText('Bergen Bygg AS');
  await kb.press('Enter');
  await expect(page.getByTestId('order-customer-number')).toHaveText('10001');
  await kb.press('Alt+l');
  await expect(page.getByTestId('line-0-product')).toBeFocused();
  await kb.type('MONT');
  await kb.press('Enter');
  await expect(page.getByTestId('line-0-quantity')).toBeFocused();
  await kb.type('2');
  await kb.press('Enter');
  await kb.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('20001');
  await expect(page.getByTestId('order-notice')).toHaveText('Ordre 20001 er opprettet.');
  await screenshot(page, 'number-series-order');
  expect((await app.engine.ok('numberSeries.list', {})).find((s) => s.key === 'sales_order')).toMatchObject({ nextNumber: 20002, highestUsed: 20001 });
});

test('Nummerserier: after the first invoice the invoice series cannot move, and the row says why', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.service.id, 1]], 2);
  const { invoice } = await app.engine.ok('orders.invoice', { id: order.id, version: order.version });
  expect(invoice.number).toBe(1);
  const kb = page.keyboard;

  await kb.press('Alt+4');
  await kb.press('Alt+u');
  const next = page.getByTestId('series-next-invoice');
  await next.focus();
  await expect(next).toHaveValue('2');
  await expect(page.getByTestId('series-row-invoice')).toContainText('Fakturaer + Kreditnotaer');
  await expect(page.getByTestId('series-row-invoice')).toContainText('Uten hull: fast etter første faktura.');
  await expect(page.getByTestId('series-highest-invoice')).toHaveText('1');

  await kb.type('1000');
  await kb.press('Enter');
  const error = page.getByTestId('series-error-invoice');
  await expect(error).toHaveText(
    'Fakturaserien kan ikke hoppe til 1000: siste faktura har nummer 1, så neste må være 2. Fakturaer og kreditnotaer nummereres uten hull; startnummeret kan bare settes før første faktura.',
  );
  await expect(next).toBeFocused();
  await page.getByTestId('number-series-panel').scrollIntoViewIfNeeded();
  expect(await findClipped(page, { root: '[data-testid=number-series-panel]' })).toEqual([]);
  await screenshot(page, 'number-series-invoice-refused');

  await next.fill('1');
  await kb.press('Enter');
  await expect(error).toContainText('Fakturaserien kan ikke settes til 1: nummer 1 er allerede brukt');
  await kb.press('Escape');
  await expect(next).toHaveValue('2');
  await expect(error).toHaveCount(0);
  expect((await app.engine.ok('numberSeries.list', {})).find((s) => s.key === 'invoice')!.nextNumber).toBe(2);
});

test('defaults: the order type for manual entry, set in the company form, is the type a new order starts as', async ({ page, app }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await seedSales(page, app);
  const kb = page.keyboard;

  await kb.press('Alt+4');
  const manual = page.getByTestId('company-defaultOrderTypeManual');
  await expect(manual).toHaveValue('1');
  await manual.focus();
  await kb.press('ArrowDown'); // 2 Direkteordre
  await kb.press('ArrowDown'); // 3 Kontantordre
  await kb.press('ArrowDown'); // 5 Tilbudsordre
  await expect(manual).toHaveValue('5');
  const language = page.getByTestId('company-documentLanguage');
  await language.selectOption('en');
  await kb.press('Control+s');
  await expect(page.getByTestId('company-notice')).toHaveText('Firmaopplysningene er lagret.');
  await manual.scrollIntoViewIfNeeded();
  expect(await findClipped(page, { root: '[data-testid=company-form]' })).toEqual([]);
  await screenshot(page, 'company-defaults');
  const company = await app.engine.ok('company.get', {});
  expect(company).toMatchObject({ defaultOrderTypeManual: 5, documentLanguage: 'en' });

  await kb.press('Alt+1');
  await kb.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await expect(page.getByTestId('order-orderType')).toHaveValue('5');
});
