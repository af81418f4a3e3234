// Issue 10, keyboard and layout: the order's status bar shows the company's
// flow and fits; the screen keys work from inside an order (asking first when
// it is unsaved); Esc closes an error banner before it backs out; nothing is
// clipped at 1280 and 1440 px on the demo company; a field refuses bad input as
// the clerk leaves it.
import type { Page } from '@playwright/test';
import { atWidth, findClipped, layoutSettled } from './clipping';
import { expect, screenshot, seedCompany, test, type App } from './fixtures';
import { loadDemo, openOrder } from './sales';

/** Opens the first row of a list grid with Enter, as the clerk would. */
async function openFirstRow(page: Page, grid: string): Promise<void> {
  const cell = page.locator(`[data-testid=${grid}] .ag-row[row-index="0"] .ag-cell:not([col-id^=ag-Grid])`).first();
  await expect(async () => {
    await cell.click();
    await expect(cell).toBeFocused({ timeout: 1000 });
  }).toPass();
  await page.keyboard.press('Enter');
}

/** The order lines and totals are the lines grid's own (another test answers for them). */
const GRID_ENGINEERS = ['[data-testid=order-lines]', '[data-testid=order-totals]'];

for (const width of [1280, 1440]) {
  test(`nothing is clipped at ${width} px on any screen of the demo company`, async ({ page, app }) => {
    test.setTimeout(120_000);
    await loadDemo(page, app);
    await atWidth(page, width);
    const problems: string[] = [];
    const check = async (name: string) => {
      await layoutSettled(page);
      await screenshot(page, `layout-${width}-${name}`);
      for (const c of await findClipped(page, { ignore: GRID_ENGINEERS })) problems.push(`${name}: ${c.where} «${c.text}» ${c.needs}>${c.has}`);
    };
    await expect(page.locator('[data-testid=order-grid] .ag-row').first()).toBeVisible();
    await check('orders');
    await openFirstRow(page, 'order-grid');
    await expect(page.getByTestId('order-number')).toBeVisible();
    await check('order');
    await page.keyboard.press('Escape');
    // An invoiced order: its invoices on the side, with the Krediter button.
    const invoiced = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'invoiced');
    const row = (await app.engine.ok('orders.list', { startRow: 0, endRow: 1, statusId: invoiced?.id ?? null })).rows[0];
    if (!row) throw new Error('the demo company has no invoiced order');
    await openOrder(page, row.number);
    await expect(page.getByTestId('order-side')).toBeVisible();
    await check('order-invoiced');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+2');
    await expect(page.locator('[data-testid=customer-list] .ag-row').first()).toBeVisible();
    await check('customers');
    await openFirstRow(page, 'customer-list');
    await expect(page.getByTestId('customer-form')).toBeVisible();
    await check('customer-form');
    await page.keyboard.press('Alt+3');
    await expect(page.locator('[data-testid=product-list] .ag-row').first()).toBeVisible();
    await check('products');
    await openFirstRow(page, 'product-list');
    await expect(page.getByTestId('product-form')).toBeVisible();
    await check('product-form');
    await page.keyboard.press('Alt+6');
    await expect(page.locator('[data-testid=supplier-list] .ag-row').first()).toBeVisible();
    await check('suppliers');
    await openFirstRow(page, 'supplier-list');
    await expect(page.getByTestId('supplier-form')).toBeVisible();
    await check('supplier-form');
    await page.keyboard.press('Alt+5');
    await expect(page.locator('[data-testid=po-grid] .ag-row').first()).toBeVisible();
    await check('purchasing');
    await openFirstRow(page, 'po-grid');
    await expect(page.getByTestId('po-number')).toBeVisible();
    await check('purchase-order');
    await page.keyboard.press('Alt+4');
    await expect(page.getByTestId('settings-screen')).toBeVisible();
    await check('settings');
    expect(problems).toEqual([]);
  });
}

/** An order of the demo company's customer 10001 in the status of `kind`, through the channel. */
async function demoOrder(app: App, kind: string): Promise<number> {
  const status = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === kind);
  const customer = (await app.engine.ok('customers.lookup', { query: '10001', limit: 1 }))[0];
  if (!status || !customer) throw new Error('demo company without the status or customer');
  const order = await app.engine.ok('orders.create', { header: { customerId: customer.id, orderType: 1, statusId: status.id }, lines: [] });
  return order.number;
}

test('the status bar shows the company flow, fits at 1280 px, and Alt+→ steps to the next status of the flow', async ({ page, app }) => {
  await loadDemo(page, app);
  // The demo company has switched on 21 statuses (its list tabs); the flow is the standard preset's eight.
  const statuses = await app.engine.ok('statuses.list', {});
  expect(statuses.filter((s) => !s.hidden).length).toBeGreaterThan(15);
  const flow = statuses.filter((s) => s.inFlow).map((s) => s.kind);
  expect(flow).toEqual(['quote', 'confirmed', 'production', 'pack', 'shipped', 'ready_to_invoice', 'invoiced', 'paid']);
  const number = await demoOrder(app, 'confirmed');
  await atWidth(page, 1280);
  await openOrder(page, number);

  const steps = page.locator('[data-testid=status-bar] .status-step');
  await expect(steps).toHaveText(['Tilbud', 'Bekreftet', 'Produksjon', 'Pakk', 'Utsendt', 'Til fakturering', 'Fakturert', 'Betalt']);
  const bar = page.getByTestId('status-bar');
  expect(await bar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  // The current status has focus when the order opens; Alt+→ goes to the next step, Enter moves there.
  await expect(page.getByTestId('status-step-confirmed')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByTestId('status-step-production')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByTestId('status-step-production')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid=status-bar] [aria-current=step]')).toHaveText('Produksjon');
  await screenshot(page, 'keys-8-status-bar-flow-1280');
});

test('Alt+3 from inside an order with unsaved changes asks, then goes; Esc closes the error banner before it backs out', async ({ page, app }) => {
  await loadDemo(page, app);
  const number = await demoOrder(app, 'confirmed');
  await openOrder(page, number);

  // An action the engine refuses: the banner says why. Esc closes it; the order stays open.
  await page.keyboard.press('Alt+r');
  const banner = page.getByTestId('order-action-error');
  await expect(banner).toBeVisible();
  await screenshot(page, 'keys-9-banner');
  await page.keyboard.press('Escape');
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId('order-number')).toHaveText(String(number));

  // Unsaved changes, typed in a field: Alt+3 asks first, from inside the field.
  await page.getByTestId('order-customerReference').click();
  await page.keyboard.type('PO-4711');
  await page.keyboard.press('Alt+3');
  const ask = page.getByTestId('confirm-dialog');
  await expect(ask).toContainText('Du har endringer som ikke er lagret');
  await screenshot(page, 'keys-9-unsaved-asks');
  // "Fortsett å redigere" (the safe answer) keeps the order and its text.
  await page.keyboard.press('Enter');
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId('order-customerReference')).toHaveValue('PO-4711');
  await expect(page.getByTestId('screen-orders')).toBeVisible();
  // Again, and this time discard: the products screen.
  await page.keyboard.press('Alt+3');
  await expect(ask).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('confirm-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('screen-products')).toBeVisible();
  await expect(page.getByTestId('screen-orders')).toBeHidden();
  await screenshot(page, 'keys-9-went-to-products');

  // Back on Orders, the list (the order was discarded); from inside its grid, Alt+2 goes to Customers.
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('order-list')).toBeVisible();
  await openFirstRow(page, 'order-grid');
  await expect(page.getByTestId('order-number')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();
  await page.locator('[data-testid=order-grid] .ag-row[row-index="0"] [col-id=number]').click();
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('screen-customers')).toBeVisible();
});

test('a field refuses bad input as the clerk leaves it, with the message at the field; Ctrl+S goes to that field', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+3');
  await page.getByTestId('product-new').click();
  await page.getByTestId('product-number').fill('T-1');
  await page.getByTestId('product-name').fill('Testvare');
  await page.getByTestId('product-price').click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('product-price-error')).toHaveText('Ugyldig beløp. Skriv for eksempel 1 234,50.');
  await expect(page.getByTestId('product-price')).toHaveAttribute('aria-invalid', 'true');
  // The quantity field (reorder point) and the EAN too, each as it is left.
  await page.getByTestId('product-reorderPoint').fill('');
  await page.getByTestId('product-reorderPoint').click();
  await page.keyboard.type('mange');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('product-reorderPoint-error')).toHaveText('Ugyldig tall.');
  await page.getByTestId('product-ean').click();
  await page.keyboard.type('7038010009456');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('product-ean-error')).toHaveText('EAN-koden er ugyldig: 8 eller 13 siffer med riktig kontrollsiffer.');
  await screenshot(page, 'keys-11-field-refuses-on-leave');
  // Fixed while typing: the message goes at once.
  await page.getByTestId('product-reorderPoint').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('5');
  await expect(page.getByTestId('product-reorderPoint-error')).toHaveCount(0);
  // Ctrl+S: the first bad field gets focus, its message under it.
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('product-price')).toBeFocused();
  await expect(page.getByTestId('product-price-error')).toBeVisible();

  // A customer's credit limit (an amount) and payment terms (whole days).
  await page.keyboard.press('Alt+2');
  await page.getByTestId('customer-new').click();
  await page.getByTestId('customer-creditLimit').click();
  await page.keyboard.type('ti tusen');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('customer-creditLimit-error')).toHaveText('Ugyldig beløp. Skriv for eksempel 1 234,50.');
  await page.keyboard.type('14,5');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('customer-paymentTermsDays-error')).toHaveText('Skriv et helt tall.');
  await screenshot(page, 'keys-11-customer-fields');
});
