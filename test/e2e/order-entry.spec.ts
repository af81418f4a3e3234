// Done-when 2 of the walking skeleton: on a fresh database, a clerk sets up the
// company, then with the keyboard alone creates a business customer and a
// 3-line order at three VAT rates, saves it, finds it under its status tab in
// the order list, and the totals per VAT rate are right to the øre.
import type { Page } from '@playwright/test';
import { expect, gridRow, kr, screenshot, setUpCompanyThroughUi, statusOf, test } from './fixtures';

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('keyboard alone: business customer, 3-line order, found under its status tab, totals per VAT rate to the øre', async ({
  page,
  app,
}) => {
  await setUpCompanyThroughUi(page);

  // Products with three VAT rates, straight through the channels (this test is about order entry).
  const screws = await app.engine.ok('products.create', { number: 'SKRUE-50', name: 'Treskrue 5x50 (200 stk)', unit: 'pk', priceOre: 14990, vatCode: '25', stockManaged: true });
  const coffee = await app.engine.ok('products.create', { number: 'KAFFE-1', name: 'Kaffe hele bønner 1 kg', unit: 'stk', priceOre: 12900, vatCode: '15', stockManaged: true });
  // In stock, so that confirming the order reserves without asking.
  await app.engine.ok('stock.receive', { productId: screws.id, quantity: 100_000, costOre: 8000 });
  await app.engine.ok('stock.receive', { productId: coffee.id, quantity: 40_000, costOre: 7000 });
  await app.engine.ok('products.create', { number: 'AVIS-12', name: 'Avisabonnement 12 mnd', unit: 'stk', priceOre: 39900, vatCode: '0', stockManaged: false });
  const confirmed = await statusOf(app, 'confirmed');

  // From here on: page.keyboard only, no clicks.
  const kb = page.keyboard;

  // ---- The customer ------------------------------------------------------
  await kb.press('Alt+2');
  await expect(page.getByTestId('customer-list-search')).toBeFocused();
  await kb.press('F2');
  await expect(page.getByTestId('customer-form-title')).toHaveText('Ny kunde');
  await expect(page.getByTestId('customer-kind-business')).toBeFocused();
  await expect(page.getByTestId('customer-kind-business')).toBeChecked();
  await kb.press('Enter'); // Enter moves on, like Tab
  await expect(page.getByTestId('customer-orgNumber')).toBeFocused();
  await typeAndEnter(page, '974 760 673');
  await typeAndEnter(page, 'Bergen Bygg AS');
  await typeAndEnter(page, 'Strandkaien 4');
  await typeAndEnter(page, '5013');
  await typeAndEnter(page, 'Bergen');
  await typeAndEnter(page, '55 30 40 50');
  await typeAndEnter(page, 'post@bergenbygg.no');
  await typeAndEnter(page, '50 000');
  await typeAndEnter(page, '30');
  // The documents' language: Norwegian by default, Enter moves on.
  await expect(page.getByTestId('customer-language')).toBeFocused();
  await expect(page.getByTestId('customer-language')).toHaveValue('nb');
  await kb.press('Enter');
  // The invoice method (issue 13): the company's default, paper; Enter moves on.
  await expect(page.getByTestId('customer-invoiceMethod')).toBeFocused();
  await expect(page.getByTestId('customer-invoiceMethod')).toHaveValue('print');
  await kb.press('Enter');
  await expect(page.getByTestId('customer-contact-0-name')).toBeFocused();
  await typeAndEnter(page, 'Kari Nordmann');
  await typeAndEnter(page, '+47 900 12 345');
  await kb.press('Control+s');
  await expect(page.getByTestId('customer-notice')).toHaveText('Kunde 10001 Bergen Bygg AS er lagret.');
  await screenshot(page, 'customer-saved');

  const customers = await app.engine.ok('customers.list', {});
  expect(customers.rows).toHaveLength(1);
  const customer = await app.engine.ok('customers.get', { id: customers.rows[0]!.id });
  expect(customer).toMatchObject({
    kind: 'business',
    name: 'Bergen Bygg AS',
    orgNumber: '974760673',
    postalCode: '5013',
    creditLimitOre: 5_000_000,
    paymentTermsDays: 30,
  });
  expect(customer.contacts.map((c) => [c.name, c.phone])).toEqual([['Kari Nordmann', '+47 900 12 345']]);

  // ---- The order ---------------------------------------------------------
  await kb.press('Alt+1');
  await expect(page.getByTestId('order-search')).toBeFocused();
  await kb.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await kb.type('berg');
  await expect(page.getByTestId('order-customer-options-0')).toContainText('Bergen Bygg AS');
  await screenshot(page, 'order-customer-lookup');
  await kb.press('Enter');
  await expect(page.getByTestId('order-customer')).toHaveValue('Bergen Bygg AS');
  await expect(page.getByTestId('order-customer-number')).toHaveText('10001');
  await expect(page.getByTestId('order-paymentTermsDays')).toHaveValue('30');
  // Contact: the select's first choice after "(ingen)".
  await expect(page.getByTestId('order-contactId')).toBeFocused();
  await expect(page.getByTestId('order-contactId').locator('option')).toHaveCount(2);
  await kb.press('ArrowDown');
  await expect(page.getByTestId('order-contactId')).toHaveValue(String(customer.contacts[0]!.id));
  await kb.press('Enter');
  await typeAndEnter(page, 'PO-7781');
  // Tittel, Vår kontakt, Ansvarlig and Prosjekt (issue 12): left empty, Enter moves on.
  await expect(page.getByTestId('order-orderTitle')).toBeFocused();
  for (const field of ['order-ourContactId', 'order-responsibleId', 'order-projectId']) {
    await kb.press('Enter');
    await expect(page.getByTestId(field)).toBeFocused();
  }
  await kb.press('Enter');
  await expect(page.getByTestId('order-orderType')).toBeFocused();
  await expect(page.getByTestId('order-orderType')).toHaveValue('1');
  await kb.press('Enter');
  await expect(page.getByTestId('order-statusId')).toBeFocused();
  await kb.press('ArrowDown'); // Tilbud → Bekreftet
  await expect(page.getByTestId('order-statusId')).toHaveValue(String(confirmed.id));
  await kb.press('Alt+l');
  await expect(page.getByTestId('line-0-product')).toBeFocused();

  // Line 1: 3 × SKRUE-50 at the product's price, 25 %.
  await typeAndEnter(page, 'SKRUE-50');
  await expect(page.getByTestId('line-0-quantity')).toBeFocused();
  await typeAndEnter(page, '3');
  await expect(page.getByTestId('line-0-price')).toBeFocused();
  await expect(page.getByTestId('line-0-price')).toHaveValue('149,90');
  await kb.press('Enter');
  await expect(page.getByTestId('line-0-discount')).toBeFocused();
  await kb.press('Enter');
  // Line 2: part of the name finds the coffee; 2,5 × 129,00 with 10 % discount, 15 %.
  await expect(page.getByTestId('line-1-product')).toBeFocused();
  await typeAndEnter(page, 'kaffe');
  await typeAndEnter(page, '2,5');
  await kb.press('Enter');
  await typeAndEnter(page, '10');
  // Line 3: 1 × AVIS-12, 0 %.
  await expect(page.getByTestId('line-2-product')).toBeFocused();
  await typeAndEnter(page, 'AVIS-12');
  await typeAndEnter(page, '1');
  await kb.press('Enter');
  await kb.press('Enter');
  await expect(page.getByTestId('line-3-product')).toBeFocused(); // a new empty line, ignored on save

  await expect(page.getByTestId('line-0-description')).toHaveValue('Treskrue 5x50 (200 stk)');
  await expect(page.getByTestId('line-1-description')).toHaveValue('Kaffe hele bønner 1 kg');
  await expect(page.getByTestId('line-1-vat')).toHaveValue('15');
  await expect(page.getByTestId('line-2-vat')).toHaveValue('0');
  // The running totals come from the engine (orders.previewTotals) before anything is saved.
  await expect(page.getByTestId('totals-preview')).toBeVisible();
  await expect(page.getByTestId('totals-gross')).toHaveText(kr('1 294,92'));

  await kb.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  await expect(page.getByTestId('order-notice')).toHaveText('Ordre 10001 er opprettet.');
  await expect(page.getByTestId('order-dirty')).toHaveText('Lagret');
  await expect(page.getByTestId('totals-preview')).toHaveCount(0);
  await screenshot(page, 'order-screen-saved');

  const saved = await app.engine.ok('orders.list', { startRow: 0, endRow: 10 });
  expect(saved.rows).toHaveLength(1);
  const order = await app.engine.ok('orders.get', { id: saved.rows[0]!.id });
  expect(order).toMatchObject({ number: 10001, orderType: 1, statusId: confirmed.id, customerReference: 'PO-7781' });
  expect(order.contactId).toBe(customer.contacts[0]!.id);
  expect(order.lines.map((l) => [l.productNumber, l.quantity, l.unitPriceOre, l.discountBp, l.vatCode])).toEqual([
    ['SKRUE-50', 3000, 14990, 0, '25'],
    ['KAFFE-1', 2500, 12900, 1000, '15'],
    ['AVIS-12', 1000, 39900, 0, '0'],
  ]);

  // ---- The list: its status tab, the row ----------------------------------
  await kb.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();
  await expect(page.getByTestId('order-search')).toBeFocused();
  await kb.press('Tab'); // "Eksporter"
  await kb.press('Tab'); // "Ny ordre"
  await kb.press('Tab'); // the selected status tab ("Alle")
  await expect(page.getByTestId('status-tab-all')).toBeFocused();
  await expect(page.getByTestId('status-tab-count-all')).toHaveText('1');
  await kb.press('ArrowRight'); // Tilbud
  await kb.press('ArrowRight'); // Bekreftet
  const tab = page.getByTestId(`status-tab-${confirmed.id}`);
  await expect(tab).toBeFocused();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  await expect(tab).toContainText('Bekreftet');
  await expect(page.getByTestId(`status-tab-count-${confirmed.id}`)).toHaveText('1');

  const row = gridRow(page, 'order-grid', 0);
  await expect(row.locator('[col-id=number]')).toHaveText('10001');
  await expect(row.locator('[col-id=customerName]')).toHaveText('Bergen Bygg AS');
  await expect(row.locator('[col-id=customerNumber]')).toHaveText('10001');
  await expect(row.locator('[col-id=orderType]')).toHaveText('1 Normal');
  await expect(row.locator('[col-id=statusId]')).toHaveText('Bekreftet');
  await expect(row.locator('[col-id=customerReference]')).toHaveText('PO-7781');
  await expect(row.locator('[col-id=totalNetOre]')).toHaveText(kr('1 138,95'));
  await expect(row.locator('[col-id=totalGrossOre]')).toHaveText(kr('1 294,92'));
  await expect(page.getByTestId('order-row-count')).toHaveText('1 ordre');
  await screenshot(page, 'order-list-status-tab');

  // Into the grid and open the order with Enter.
  await kb.press('ArrowDown');
  await expect(row.locator('[col-id=number]')).toBeFocused();
  await kb.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText('10001');

  // ---- Totals per VAT rate, computed by hand ------------------------------
  // 25 %: 3 × 149,90 = 449,70; VAT 112,425 → 112,43 (half away from zero); 562,13.
  await expect(page.getByTestId('totals-rate-25-base')).toHaveText('449,70');
  await expect(page.getByTestId('totals-rate-25-vat')).toHaveText('112,43');
  await expect(page.getByTestId('totals-rate-25-total')).toHaveText('562,13');
  // 15 %: 2,5 × 129,00 = 322,50, less 10 % = 290,25; VAT 43,5375 → 43,54; 333,79.
  await expect(page.getByTestId('totals-rate-15-base')).toHaveText('290,25');
  await expect(page.getByTestId('totals-rate-15-vat')).toHaveText('43,54');
  await expect(page.getByTestId('totals-rate-15-total')).toHaveText('333,79');
  // 0 %: 1 × 399,00; no VAT.
  await expect(page.getByTestId('totals-rate-0-base')).toHaveText('399,00');
  await expect(page.getByTestId('totals-rate-0-vat')).toHaveText('0,00');
  await expect(page.getByTestId('totals-rate-0-total')).toHaveText('399,00');
  await expect(page.getByTestId('totals-rate-12')).toHaveCount(0);
  // Net 449,70 + 290,25 + 399,00 = 1 138,95; VAT 112,43 + 43,54 = 155,97; total 1 294,92.
  await expect(page.getByTestId('totals-net')).toHaveText(kr('1 138,95'));
  await expect(page.getByTestId('totals-vat')).toHaveText('155,97');
  await expect(page.getByTestId('totals-gross')).toHaveText(kr('1 294,92'));
  await expect(page.getByTestId('line-1-amount')).toHaveText('290,25');
  await screenshot(page, 'order-screen');
});
