// Shared set-up for the purchasing tests: the company with its purchase
// options, suppliers and products through the channels (master data), and the
// steps every test takes through the UI (open a purchase order from the list,
// look at a product's stock and value).
import type { Page } from '@playwright/test';
import type { PurchaseOptions } from '../../shared/channels/purchasing';
import { COMPANY, expect, kr, type App } from './fixtures';

export const SCREW_EAN = '7038010009457';
export const DRILL_EAN = '7038010001239';
/** A valid EAN-13 that no product has. */
export const UNKNOWN_EAN = '7038010009990';

export interface PurchaseData {
  readonly supplierId: number;
  readonly otherSupplierId: number;
  readonly drill: { id: number; number: string };
  readonly blade: { id: number; number: string };
  readonly screw: { id: number; number: string };
}

/** Company with the given purchase options, two suppliers and three stock-managed products (none on hand). */
export async function seedPurchasing(page: Page, app: App, options: PurchaseOptions): Promise<PurchaseData> {
  await app.engine.ok('company.save', {
    ...COMPANY,
    purchaseReply: options.reply,
    purchaseDispatch: options.dispatch,
    purchaseReception: options.reception,
  });
  const supplier = await app.engine.ok('suppliers.create', {
    kind: 'business',
    name: 'Verktøygrossisten AS',
    orgNumber: '974760673',
    city: 'Oslo',
    paymentTermsDays: 30,
    contacts: [],
  });
  const other = await app.engine.ok('suppliers.create', { kind: 'business', name: 'Festemidler Engros AS', orgNumber: '923609016', city: 'Ålesund', contacts: [] });
  const product = (number: string, name: string, priceOre: number, costOre: number, ean: string | null, supplierId: number) =>
    app.engine.ok('products.create', { number, name, unit: 'stk', priceOre, costOre, vatCode: '25', stockManaged: true, binLocation: 'B-01', ean, supplierId });
  const drill = await product('BOR-18', 'Drill 18V med batteri', 119_900, 60_000, DRILL_EAN, supplier.id);
  const blade = await product('SAG-190', 'Sagblad 190 mm', 24_900, 11_000, null, supplier.id);
  const screw = await product('SKRUE', 'Treskrue 5x50 (200 stk)', 9_900, 3_000, SCREW_EAN, other.id);
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
  return { supplierId: supplier.id, otherSupplierId: other.id, drill, blade, screw };
}

/** From the purchase list (Alt+5): search for the number, focus its row and open it with Enter. */
export async function openPurchase(page: Page, number: number): Promise<void> {
  await page.keyboard.press('Alt+5');
  const search = page.getByTestId('po-search');
  await expect(search).toBeVisible();
  if ((await search.inputValue()) !== String(number)) {
    const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/purchase.list'));
    await search.fill(String(number));
    await reloaded;
  }
  const cell = page.locator('[data-testid=po-grid] .ag-row [col-id=number]').filter({ hasText: new RegExp(`^${number}$`) });
  await expect(cell).toHaveCount(1);
  await expect(async () => {
    await cell.click();
    await expect(cell).toBeFocused({ timeout: 1000 });
  }).toPass();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('po-number')).toHaveText(String(number));
}

/** The product screen (Alt+3): on hand and stock value as shown ("10", "6 000,00"). */
export async function expectStockValue(page: Page, productNumber: string, onHand: string, value: string): Promise<void> {
  await page.keyboard.press('Alt+3');
  const search = page.getByTestId('product-list-search');
  await expect(search).toBeVisible();
  if ((await search.inputValue()) !== productNumber) {
    const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/products.list'));
    await search.fill(productNumber);
    await reloaded;
  }
  await expect(page.locator('[data-testid=product-list] .ag-row[row-index="0"] [col-id=number]')).toHaveText(productNumber);
  await search.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('product-form-title')).toHaveText(`Produkt ${productNumber}`);
  await expect(page.getByTestId('stock-onHand')).toHaveText(onHand);
  await expect(page.getByTestId('stock-value')).toHaveText(kr(value));
}
