// Issue 10, items 4, 5, 12, 13 and the waybill half of 11, in Chromium through
// the host: the print dialog starts on the document kinds in the customer's
// language and offers the invoice; a batch of picking lists lists the draft it
// refused and why and opens the rest as one PDF; a cash sale offers "Skriv ut
// kvittering" on Enter; the waybill takes the GS1 prefix and carrier from the
// settings, has a weight per parcel with the sum, and says at the parcel's
// field when a weight is not one.
import { COMPANY } from '../helpers/engine';
import { expect, screenshot, test } from './fixtures';
import { makeOrder, openOrder, seedSales } from './sales';

test('item 4: the print dialog starts on the document kinds (↓ changes the document, not the language), in the customer’s language, with the invoice', async ({
  page,
  app,
}) => {
  const data = await seedSales(page, app);
  const english = await app.engine.ok('customers.create', { kind: 'business', name: 'Fjord Events AS', orgNumber: '923609016', language: 'en', contacts: [] });
  const status = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'pack')!;
  const order = await app.engine.ok('orders.create', {
    header: { customerId: english.id, orderType: 1, statusId: status.id },
    lines: [{ productId: data.drill.id, quantity: 2_000 }],
  });
  await page.reload();
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('print-dialog')).toBeVisible();
  // Focus on the first printable kind; the language is the customer's.
  await expect(page.getByTestId('print-kind-order_confirmation')).toBeFocused();
  await expect(page.getByTestId('print-language')).toHaveValue('en');
  await expect(page.getByTestId('print-language-customer')).toHaveText('Kundens språk: Engelsk');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('print-kind-picking_list')).toBeChecked();
  await expect(page.getByTestId('print-kind-picking_list')).toBeFocused();
  await expect(page.getByTestId('print-language')).toHaveValue('en');
  await screenshot(page, 'printing-4-dialog-focus-language');
  await page.keyboard.press('Escape');

  // Invoiced: the invoice is among the kinds, printed (the archived copy after the first time) from here.
  const invoiced = await app.engine.ok('orders.setStatus', {
    id: order.id,
    version: (await app.engine.ok('orders.get', { id: order.id })).version,
    statusId: (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'invoiced')!.id,
    confirm: { deliverRemaining: true },
  });
  const invoice = await app.engine.ok('invoices.get', { id: invoiced.invoiceIds[0]! });
  await page.reload();
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('print-kind-invoice')).toBeEnabled();
  await expect(page.getByTestId('print-kind-invoice-number')).toHaveText(`Nr. ${invoice.number}`);
  await page.getByTestId('print-kind-invoice').check();
  await screenshot(page, 'printing-4-dialog-invoice');
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  await popup;
  await expect(page.getByTestId('order-notice')).toContainText(`Faktura ${invoice.number}`);
  const archive = await app.engine.ok('documents.list', { orderId: order.id });
  expect(archive.find((d) => d.kind === 'invoice')).toMatchObject({ language: 'en', invoiceId: invoice.id });
});

test('item 5: a batch with a stray draft lists the draft as refused with the reason, and opens the rest as one PDF', async ({ page, app }) => {
  const data = await seedSales(page, app, { drillStock: 100, bladeStock: 100 });
  const pack = await makeOrder(app, data, 'pack', [[data.drill.id, 1]]);
  const draft = await makeOrder(app, data, 'draft', [[data.blade.id, 2]]);
  const confirmed = await makeOrder(app, data, 'confirmed', [[data.drill.id, 3], [data.blade.id, 1]]);
  await page.reload();
  await page.keyboard.press('Alt+1');
  const rowOf = (n: number) =>
    page.locator('[data-testid=order-grid] .ag-row').filter({ has: page.locator('[col-id=number]', { hasText: new RegExp(`^${n}$`) }) });
  for (const o of [pack, draft, confirmed]) await rowOf(o.number).locator('.ag-selection-checkbox input').click();
  await expect(page.getByTestId('selection-count')).toHaveText('3 ordrer valgt');
  await page.getByTestId('batch-print').click();
  await expect(page.getByTestId('batch-print-what')).toHaveText('Plukklister for de 3 valgte ordrene.');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('batch-print-report')).toBeVisible();
  await expect(page.getByTestId('batch-summary')).toHaveText('2 plukklister er laget og arkivert. 1 ordre fikk ingen plukkliste (se grunnen).');
  await expect(page.getByTestId('batch-result-0')).toContainText(String(draft.number));
  await expect(page.getByTestId('batch-result-0-text')).toHaveText(
    `Ordre ${draft.number} står i status Utkast og har ingenting reservert på lager. Plukkliste skrives først når ordren er bekreftet.`,
  );
  await expect(page.getByTestId('batch-open-all')).toBeFocused();
  // One print job: one PDF with both lists.
  const combined = page.waitForResponse((r) => r.url().includes('/api/call/documents.combine'));
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const answer = (await (await combined).json()) as { ok: boolean; value: { pageCount: number; documentCount: number } };
  expect(answer.value).toMatchObject({ pageCount: 2, documentCount: 2 });
  expect((await popup).url()).toMatch(/^blob:/);
  await expect(page.getByTestId('batch-combined')).toHaveText('De 2 plukklistene er samlet i én PDF (2 sider) og sendt som én utskrift.');
  await screenshot(page, 'printing-5-batch-refused');
  expect(await app.engine.ok('documents.list', { orderId: draft.id })).toEqual([]);
});

test('item 12: after a cash sale the dialog offers "Skriv ut kvittering" (Enter) and prints the receipt; the print dialog offers the receipt', async ({
  page,
  app,
}) => {
  await seedSales(page, app);
  // Through the screen: a new cash sale, paid.
  const kb = page.keyboard;
  await kb.press('F2');
  await kb.type('Bergen');
  await expect(page.getByTestId('order-customer-options-0')).toBeVisible();
  await kb.press('Enter');
  await page.getByTestId('order-orderType').selectOption('3');
  await kb.press('Alt+l');
  await kb.type('SAG-190');
  await kb.press('Enter');
  await kb.type('1');
  await kb.press('Enter');
  await kb.press('Control+s');
  await expect(page.getByTestId('payment-dialog')).toBeVisible();
  await kb.type('400');
  await kb.press('Enter');
  const receipt = page.getByTestId('cash-receipt');
  await expect(receipt).toBeVisible();
  await expect(page.getByTestId('cash-receipt-submit')).toHaveText(/Skriv ut kvittering/);
  await expect(page.getByTestId('cash-receipt-submit')).toBeFocused();
  await screenshot(page, 'printing-12-cash-receipt-button');
  const popup = page.waitForEvent('popup');
  await kb.press('Enter');
  await popup;
  await expect(page.getByTestId('cash-receipt-notice')).toContainText('Kvittering');
  await kb.press('Escape');
  await expect(receipt).toHaveCount(0);

  // The print dialog allows the receipt (the engine's rule), and only what a cash order has.
  await kb.press('Alt+P');
  await expect(page.getByTestId('print-kind-cash_receipt')).toBeEnabled();
  await expect(page.getByTestId('print-kind-cash_receipt')).toBeFocused();
  await expect(page.getByTestId('print-kind-invoice')).toHaveCount(0);
  await expect(page.getByTestId('print-kind-picking_list')).toBeDisabled();
  await screenshot(page, 'printing-12-print-dialog-cash');
});

test('item 13 and 11: GS1 prefix and carrier from Innstillinger; a weight per parcel with the sum; a bad weight is refused at its parcel', async ({
  page,
  app,
}) => {
  const data = await seedSales(page, app);
  // Innstillinger: a prefix that is not one is refused at its field; a good one is saved.
  await page.keyboard.press('Alt+4');
  const prefix = page.getByTestId('company-gs1CompanyPrefix');
  await prefix.fill('70800');
  await page.getByTestId('company-defaultCarrier').fill('Bring Cargo');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('company-gs1CompanyPrefix-error')).toHaveText(
    'GS1-foretaksprefikset er ugyldig: det må være 7 til 10 sifre, slik GS1 Norway har tildelt det.',
  );
  await expect(prefix).toBeFocused();
  await screenshot(page, 'printing-13-settings-bad-prefix');
  await prefix.fill('7080001');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('company-notice')).toBeVisible();
  expect(await app.engine.ok('company.get', {})).toMatchObject({ ...{ name: COMPANY.name }, gs1CompanyPrefix: '7080001', defaultCarrier: 'Bring Cargo' });

  const order = await makeOrder(app, data, 'pack', [[data.drill.id, 2], [data.blade.id, 3]]);
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+P');
  await page.getByTestId('print-kind-waybill').check();
  await expect(page.getByTestId('waybill-prefix')).toContainText('7080001');
  await expect(page.getByTestId('waybill-carrier')).toHaveValue('Bring Cargo');
  await page.getByTestId('waybill-weight-0').fill('12,5');
  await page.getByTestId('waybill-add-parcel').click();
  await page.getByTestId('waybill-weight-1').fill('abc');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('waybill-weight-1-error')).toHaveText('Skriv vekten på kolli 2 i kg, et tall over 0 (for eksempel 12,5).');
  await expect(page.getByTestId('waybill-weight-0-error')).toHaveCount(0);
  await screenshot(page, 'printing-11-waybill-weight-error');
  // Enter with the bad weight: nothing is issued, the field gets focus.
  await page.getByTestId('waybill-carrier').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('waybill-weight-1')).toBeFocused();
  expect(await app.engine.ok('documents.list', { orderId: order.id })).toEqual([]);

  await page.getByTestId('waybill-weight-1').fill('3,25');
  await page.getByTestId('waybill-add-parcel').click();
  await page.getByTestId('waybill-weight-2').fill('0,75');
  await expect(page.getByTestId('waybill-weight-1-error')).toHaveCount(0);
  await expect(page.getByTestId('waybill-weight-sum')).toHaveText('16,5 kg');
  // This shipment goes with another carrier.
  await page.getByTestId('waybill-carrier').fill('PostNord');
  await screenshot(page, 'printing-13-waybill-parcels');
  const popup = page.waitForEvent('popup');
  await page.getByTestId('print-dialog-submit').click();
  await popup;
  const [waybill] = await app.engine.ok('documents.list', { orderId: order.id });
  expect(waybill).toMatchObject({ kind: 'waybill' });
  expect(waybill!.sscc).toHaveLength(3);
  for (const s of waybill!.sscc) expect(s).toMatch(/^07080001\d{10}$/);
  expect((await app.engine.ok('company.get', {}))?.defaultCarrier).toBe('Bring Cargo');
});
