// The order list: status tabs with their counts, the search box (the engine's
// FTS with prefix matching), column sort and filter, and paging by blocks.
import type { Page, Request } from '@playwright/test';
import type { App } from './fixtures';
import { expect, gridRow, kr, screenshot, seedCompany, statusOf, test } from './fixtures';

/** Three customers, and orders in two statuses: 3 quotes, 2 confirmed. */
async function seedOrders(app: App) {
  const quote = await statusOf(app, 'quote');
  const confirmed = await statusOf(app, 'confirmed');
  const customer = (name: string, orgNumber: string) =>
    app.engine.ok('customers.create', { kind: 'business', name, orgNumber, contacts: [] });
  const bergen = await customer('Bergen Bygg AS', '974760673');
  const oslo = await customer('Oslo Elektro AS', '923609016');
  const trondheim = await customer('Trondheim Trebåt AS', '982463718');
  // Not stock-managed, so confirming reserves nothing and asks nothing.
  const service = await app.engine.ok('products.create', { number: 'MONT', name: 'Montasje per time', unit: 'time', priceOre: 65000, vatCode: '25', stockManaged: false });
  const order = (customerId: number, statusId: number, hours: number, ref: string) =>
    app.engine.ok('orders.create', {
      header: { customerId, orderType: 1, statusId, customerReference: ref },
      lines: [{ productId: service.id, quantity: hours * 1000 }],
    });
  await order(bergen.id, quote.id, 1, 'B-1'); // 10001: net 650,00
  await order(bergen.id, confirmed.id, 2, 'B-2'); // 10002: net 1 300,00
  await order(oslo.id, quote.id, 3, 'O-1'); // 10003: net 1 950,00
  await order(oslo.id, quote.id, 4, 'O-2'); // 10004: net 2 600,00
  await order(trondheim.id, confirmed.id, 5, 'T-1'); // 10005: net 3 250,00
  return { quote, confirmed };
}

const numbersInGrid = async (page: Page, count: number) => {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push((await gridRow(page, 'order-grid', i).locator('[col-id=number]').textContent()) ?? '');
  return out;
};

test('status tabs show their counts and narrow the list', async ({ page, app }) => {
  await seedCompany(page, app);
  const { quote, confirmed } = await seedOrders(app);
  await page.reload();

  await expect(page.getByTestId('status-tab-count-all')).toHaveText('5');
  await expect(page.getByTestId(`status-tab-count-${quote.id}`)).toHaveText('3');
  await expect(page.getByTestId(`status-tab-count-${confirmed.id}`)).toHaveText('2');
  const others = (await app.engine.ok('statuses.list', {})).filter((s) => !s.hidden && s.id !== quote.id && s.id !== confirmed.id);
  expect(others.length).toBeGreaterThan(0);
  for (const s of others) await expect(page.getByTestId(`status-tab-count-${s.id}`)).toHaveText('0');
  await expect(page.getByTestId('order-row-count')).toHaveText('5 ordrer');

  await page.getByTestId(`status-tab-${confirmed.id}`).click();
  await expect(page.getByTestId('order-row-count')).toHaveText('2 ordrer');
  // Newest first by default.
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=number]')).toHaveText('10005');
  await expect(gridRow(page, 'order-grid', 1).locator('[col-id=number]')).toHaveText('10002');
  await expect(gridRow(page, 'order-grid', 2)).toHaveCount(0);
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=statusId]')).toHaveText(confirmed.labelNb);
});

test('the search box finds orders by customer name prefix, and the tab counts follow it', async ({ page, app }) => {
  await seedCompany(page, app);
  const { quote, confirmed } = await seedOrders(app);
  await page.reload();

  await page.getByTestId('order-search').fill('berg');
  await expect(page.getByTestId('order-row-count')).toHaveText('2 ordrer');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=customerName]')).toHaveText('Bergen Bygg AS');
  await expect(gridRow(page, 'order-grid', 1).locator('[col-id=customerName]')).toHaveText('Bergen Bygg AS');
  await expect(page.getByTestId('status-tab-count-all')).toHaveText('2');
  await expect(page.getByTestId(`status-tab-count-${quote.id}`)).toHaveText('1');
  await expect(page.getByTestId(`status-tab-count-${confirmed.id}`)).toHaveText('1');

  // The search and the tab together.
  await page.getByTestId(`status-tab-${quote.id}`).click();
  await expect(page.getByTestId('order-row-count')).toHaveText('1 ordre');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=customerReference]')).toHaveText('B-1');

  // By reference and by order number too; no match shows an empty list.
  await page.getByTestId('status-tab-all').click();
  await page.getByTestId('order-search').fill('O-2');
  await expect(page.getByTestId('order-row-count')).toHaveText('1 ordre');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=number]')).toHaveText('10004');
  await page.getByTestId('order-search').fill('10005');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=customerName]')).toHaveText('Trondheim Trebåt AS');
  await page.getByTestId('order-search').fill('stavanger');
  await expect(page.getByTestId('order-row-count')).toHaveText('0 ordrer');
  await expect(page.locator('[data-testid=order-grid] .ag-overlay-no-rows-center')).toHaveText('Ingen ordrer å vise');
});

test('columns sort and filter through the engine (customer name, net amount in kroner)', async ({ page, app }) => {
  await seedCompany(page, app);
  await seedOrders(app);
  await page.reload();
  await expect(page.getByTestId('order-row-count')).toHaveText('5 ordrer');

  const header = (colId: string) => page.locator(`[data-testid=order-grid] .ag-header-cell[col-id=${colId}]`);
  await header('customerName').locator('.ag-header-cell-text').click();
  await expect.poll(() => numbersInGrid(page, 5)).toEqual(['10001', '10002', '10003', '10004', '10005']);
  await header('customerName').locator('.ag-header-cell-text').click();
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=customerName]')).toHaveText('Trondheim Trebåt AS');

  // Text filter (contains) on the customer.
  await header('customerName').locator('.ag-header-cell-filter-button').click();
  const customerFilter = page.locator('.ag-filter input[type=text]').first();
  await customerFilter.fill('elektro');
  await expect(page.getByTestId('order-row-count')).toHaveText('2 ordrer');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=customerName]')).toHaveText('Oslo Elektro AS');
  await expect(gridRow(page, 'order-grid', 1).locator('[col-id=customerName]')).toHaveText('Oslo Elektro AS');
  await expect(page.locator('.ag-filter')).toContainText('Nullstill');
  await screenshot(page, 'order-list-filter');
  await customerFilter.fill('');
  await expect(page.getByTestId('order-row-count')).toHaveText('5 ordrer');
  await page.keyboard.press('Escape');

  // Date filter (equals) on the order date, typed dd.mm.åååå whatever the system locale.
  await header('orderDate').locator('.ag-header-cell-filter-button').click();
  const dateInput = page.locator('.ag-filter .nb-date-input').first();
  await expect(dateInput).toHaveAttribute('placeholder', 'dd.mm.åååå');
  await dateInput.fill('01.01.2020');
  await expect(page.getByTestId('order-row-count')).toHaveText('0 ordrer');
  const now = new Date();
  const today = [now.getDate(), now.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('.') + `.${now.getFullYear()}`;
  await dateInput.fill(today);
  await expect(page.getByTestId('order-row-count')).toHaveText('5 ordrer');
  await dateInput.fill('');
  await page.keyboard.press('Escape');

  // Number filter (equals) on the net amount, typed in kroner the Norwegian way.
  await header('totalNetOre').locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter input').first().fill('1 300,00');
  await expect(page.getByTestId('order-row-count')).toHaveText('1 ordre');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=number]')).toHaveText('10002');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=totalNetOre]')).toHaveText(kr('1 300,00'));
});

test('the grid asks the engine for blocks of 100 rows as it scrolls', async ({ page, app }) => {
  await seedCompany(page, app);
  const quote = await statusOf(app, 'quote');
  const customer = await app.engine.ok('customers.create', { kind: 'private', name: 'Ola Nordmann', contacts: [] });
  const product = await app.engine.ok('products.create', { number: 'P1', name: 'Vare', unit: 'stk', priceOre: 1000, vatCode: '25', stockManaged: false });
  for (let i = 0; i < 250; i++) {
    await app.engine.ok('orders.create', {
      header: { customerId: customer.id, orderType: 1, statusId: quote.id },
      lines: [{ productId: product.id, quantity: 1000 }],
    });
  }
  // A fresh page load, and only its requests.
  await page.goto('about:blank');
  const blocks: { startRow: number; endRow: number }[] = [];
  page.on('request', (r: Request) => {
    if (r.url().endsWith('/api/call/orders.list')) {
      const body = r.postDataJSON() as { startRow: number; endRow: number };
      blocks.push({ startRow: body.startRow, endRow: body.endRow });
    }
  });
  await page.goto(app.host.appUrl);
  await expect(page.getByTestId('order-row-count')).toHaveText('250 ordrer');
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=number]')).toHaveText('10250');
  expect(blocks).toEqual([{ startRow: 0, endRow: 100 }]);
  await expect(gridRow(page, 'order-grid', 0).locator('[col-id=totalGrossOre]')).toHaveText('12,50');
  await screenshot(page, 'order-list-many');

  // To the last row with the keyboard: the grid fetches the last block only.
  await page.getByTestId('order-search').press('ArrowDown');
  await page.keyboard.press('Control+End');
  await expect(gridRow(page, 'order-grid', 249).locator('[col-id=number]')).toHaveText('10001');
  expect(blocks).toContainEqual({ startRow: 200, endRow: 300 });
  for (const b of blocks) expect(b.endRow - b.startRow).toBe(100);
});
