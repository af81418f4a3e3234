// SPEC 5 and 7, end to end: a delivery address added in the customer form with
// the keyboard, chosen in the order header, the order saved, delivered and its
// packing slip printed from the order screen, showing the delivery address.
import { pdfText } from '../documents/helpers';
import { expect, screenshot, seedCompany, statusOf, test } from './fixtures';
import { openOrder } from './sales';

test('a delivery address from the customer form is chosen on an order and printed on its packing slip', async ({ page, app }) => {
  await seedCompany(page, app);
  const drill = await app.engine.ok('products.create', { number: 'DRILL-18', name: 'Drill 18V', unit: 'stk', priceOre: 149900, vatCode: '25', stockManaged: true });
  await app.engine.ok('stock.receive', { productId: drill.id, quantity: 10_000, costOre: 80000 });
  const confirmed = await statusOf(app, 'confirmed');
  const kb = page.keyboard;

  // ---- The customer, with a delivery address typed row by row ----------------
  await kb.press('Alt+2');
  await kb.press('F2');
  await page.getByTestId('customer-orgNumber').fill('974 760 673');
  await page.getByTestId('customer-name').fill('Bergen Bygg AS');
  await page.getByTestId('customer-addressLine1').fill('Strandkaien 4');
  await page.getByTestId('customer-postalCode').fill('5013');
  await page.getByTestId('customer-city').fill('Bergen');
  await expect(page.getByTestId('customer-delivery-addresses')).toContainText('Ingen leveringsadresser');
  await kb.press('Alt+l');
  await expect(page.getByTestId('customer-delivery-0-name')).toBeFocused();
  await kb.type('Byggeplass Fjellveien');
  await kb.press('Enter');
  await expect(page.getByTestId('customer-delivery-0-addressLine1')).toBeFocused();
  await kb.type('Fjellveien 77');
  await kb.press('Enter');
  // A Norwegian postal code has 4 digits: refused by the field first.
  await kb.type('501');
  await kb.press('Enter');
  await kb.type('Bergen');
  await kb.press('Control+s');
  await expect(page.getByTestId('customer-delivery-0-postalCode-error')).toHaveText('Ugyldig postnummer: et norsk postnummer har 4 siffer.');
  await expect(page.getByTestId('customer-delivery-0-postalCode')).toBeFocused();
  await page.getByTestId('customer-delivery-0-postalCode').fill('5019');
  await kb.press('Control+s');
  await expect(page.getByTestId('customer-notice')).toHaveText('Kunde 10001 Bergen Bygg AS er lagret.');
  await screenshot(page, 'customer-delivery-addresses');

  const customerId = (await app.engine.ok('customers.list', {})).rows[0]!.id;
  const customer = await app.engine.ok('customers.get', { id: customerId });
  expect(customer.deliveryAddresses).toMatchObject([{ name: 'Byggeplass Fjellveien', addressLine1: 'Fjellveien 77', postalCode: '5019', city: 'Bergen', country: 'NO' }]);
  const site = customer.deliveryAddresses[0]!;

  // ---- The order: the delivery address chosen in the header ---------------------
  await kb.press('Alt+1');
  await kb.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await kb.type('Bergen Bygg');
  await expect(page.getByTestId('order-customer-options-0')).toContainText('Bergen Bygg AS');
  await kb.press('Enter');
  const select = page.getByTestId('order-deliveryAddressId');
  await expect(select).toHaveValue('');
  await expect(select.locator('option')).toHaveText(['(kundens adresse)', 'Byggeplass Fjellveien, Fjellveien 77, 5019 Bergen']);
  await select.selectOption(String(site.id));
  await page.getByTestId('order-statusId').selectOption(String(confirmed.id));
  await kb.press('Alt+l');
  await expect(page.getByTestId('line-0-product')).toBeFocused();
  await kb.type('DRILL-18');
  await kb.press('Enter');
  await kb.type('2');
  await kb.press('Enter');
  await kb.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  await expect(page.getByTestId('order-dirty')).toHaveText('Lagret');
  await expect(select).toHaveValue(String(site.id));
  await screenshot(page, 'order-delivery-address');

  const id = (await app.engine.ok('orders.list', { startRow: 0, endRow: 10 })).rows[0]!.id;
  const order = await app.engine.ok('orders.get', { id });
  expect(order.deliveryAddress).toEqual({ deliveryAddressId: site.id, name: 'Byggeplass Fjellveien', addressLine1: 'Fjellveien 77', postalCode: '5019', city: 'Bergen', country: 'NO' });

  // ---- Delivered, then the packing slip printed from the order screen ------------
  await app.engine.ok('orders.deliver', { id, version: order.version, lines: [{ lineId: order.lines[0]!.id, quantity: 2_000 }] });
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
  await openOrder(page, order.number);
  await expect(page.getByTestId('order-deliveryAddressId')).toHaveValue(String(site.id));
  await kb.press('Alt+P');
  await expect(page.getByTestId('print-dialog')).toBeVisible();
  await page.getByTestId('print-kind-packing_slip').check();
  const popup = page.waitForEvent('popup');
  await page.getByTestId('print-dialog-submit').click();
  await popup;
  await expect(page.getByTestId('order-notice')).toContainText('arkivert med ordren');

  // The archived packing slip names the delivery address, not the customer's own.
  const archive = await app.engine.ok('documents.list', { orderId: id });
  expect(archive.map((d) => d.kind)).toEqual(['packing_slip']);
  const printed = await app.engine.ok('documents.render', { kind: 'packing_slip', orderId: id });
  expect(printed.reprint).toBe(true);
  const text = pdfText(Buffer.from(printed.pdfBase64, 'base64'));
  expect(text).toContain('Byggeplass Fjellveien');
  expect(text).toContain('Fjellveien 77');
  expect(text).toContain('5019 Bergen');
  expect(text).not.toContain('Strandkaien 4');
});
