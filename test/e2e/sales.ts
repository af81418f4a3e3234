// Shared set-up for the sales-processing tests: the company, a customer and
// stocked products through the channels (master data), and the few steps every
// test takes through the UI (open an order from the list, look at a product's stock).
import type { Page } from '@playwright/test';
import type { App } from './fixtures';
import { expect, seedCompany } from './fixtures';

export interface SalesData {
  readonly customerId: number;
  readonly drill: { id: number; number: string };
  readonly blade: { id: number; number: string };
  readonly service: { id: number; number: string };
}

/** The demo company (system.createDemo), as a clerk would see it after "Last inn demofirma". */
export async function loadDemo(page: Page, app: App, orders = 80): Promise<void> {
  await app.engine.ok('system.createDemo', { orders });
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
}

/** Company, customer Bergen Bygg AS (10001), two stocked products and a service. */
export async function seedSales(page: Page, app: App, opts: { drillStock?: number; bladeStock?: number } = {}): Promise<SalesData> {
  await seedCompany(page, app);
  const customer = await app.engine.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', contacts: [] });
  const product = (number: string, name: string, priceOre: number, stockManaged: boolean) =>
    app.engine.ok('products.create', { number, name, unit: 'stk', priceOre, vatCode: '25', stockManaged, binLocation: 'A-01' });
  const drill = await product('BOR-18', 'Drill 18V med batteri', 119_900, true);
  const blade = await product('SAG-190', 'Sagblad 190 mm', 24_900, true);
  const service = await product('MONT', 'Montering (time)', 75_000, false);
  await app.engine.ok('stock.receive', { productId: drill.id, quantity: (opts.drillStock ?? 20) * 1000, costOre: 60_000 });
  await app.engine.ok('stock.receive', { productId: blade.id, quantity: (opts.bladeStock ?? 50) * 1000, costOre: 11_000 });
  return { customerId: customer.id, drill, blade, service };
}

/** An order made through the channel, in the status of a kind, for tests about what comes after entry. */
export async function makeOrder(
  app: App,
  data: SalesData,
  kind: string,
  lines: readonly [number, number][],
  orderType: 1 | 2 | 5 | 7 = 1,
) {
  const status = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === kind);
  if (!status) throw new Error(`no status of kind ${kind}`);
  return app.engine.ok('orders.create', {
    header: { customerId: data.customerId, orderType, statusId: status.id },
    lines: lines.map(([productId, qty]) => ({ productId, quantity: qty * 1000 })),
    confirm: { allowShortage: true },
  });
}

/** From the order list: search for the number, put focus on its row and open it with Enter. */
export async function openOrder(page: Page, number: number): Promise<void> {
  await page.keyboard.press('Alt+1');
  const search = page.getByTestId('order-search');
  await expect(search).toBeVisible();
  if ((await search.inputValue()) !== String(number)) {
    // The list reloads once the search has settled: wait for that answer, so the row we focus stays put.
    const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/orders.list'));
    await search.fill(String(number));
    await reloaded;
  }
  // The number may also match the customer's number: pick the row by its order number.
  const cell = page.locator('[data-testid=order-grid] .ag-row [col-id=number]').filter({ hasText: new RegExp(`^${number}$`) });
  await expect(cell).toHaveCount(1);
  // The grid may still be replacing its rows (the search, the tab counts): focus the cell, then Enter.
  await expect(async () => {
    await cell.click();
    await expect(cell).toBeFocused({ timeout: 1000 });
  }).toPass();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText(String(number));
}

export interface StockFigures {
  readonly onHand: string;
  readonly reserved: string;
  readonly onLoan: string;
  readonly available: string;
}

/** The product screen (Alt+3): open the product and check its stock figures (as shown, e.g. "18"). */
export async function expectStock(page: Page, productNumber: string, figures: StockFigures): Promise<void> {
  await page.keyboard.press('Alt+3');
  const search = page.getByTestId('product-list-search');
  await expect(search).toBeVisible();
  if ((await search.inputValue()) !== productNumber) {
    const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/products.list'));
    await search.fill(productNumber);
    await reloaded;
  }
  const row = page.locator('[data-testid=product-list] .ag-row[row-index="0"] [col-id=number]');
  await expect(row).toHaveText(productNumber);
  await search.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('product-form-title')).toHaveText(`Produkt ${productNumber}`);
  await expect(page.getByTestId('stock-panel')).toBeVisible();
  for (const [name, value] of Object.entries(figures)) await expect(page.getByTestId(`stock-${name}`)).toHaveText(value);
}
