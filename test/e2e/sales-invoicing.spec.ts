// Issue 3, Done-when 3 (second half): the cash sale with its payment dialog, a
// collective invoice from the order list's multi-select, a partial credit note
// with goods back to stock, and refusals in Norwegian with what to do instead.
import type { Page } from '@playwright/test';
import { expect, gridRow, kr, screenshot, test } from './fixtures';
import { expectStock, makeOrder, openOrder, seedSales, type SalesData } from './sales';

const currentStep = (page: Page) => page.locator('[data-testid=status-bar] [aria-current=step]');

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Through the channels: an order moved to Utsendt (delivered in full), for tests about what comes after. */
async function shippedOrder(app: Parameters<typeof makeOrder>[0], data: SalesData, customerId: number, lines: [number, number][]) {
  const order = await makeOrder(app, { ...data, customerId }, 'pack', lines);
  const shipped = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'shipped')!;
  return app.engine.ok('orders.setStatus', { id: order.id, version: order.version, statusId: shipped.id, confirm: { deliverRemaining: true } });
}

test('cash sale with change: type 3, the payment dialog rounds 449,95 to 450,00, 500,00 received gives 50,00 back; Kontant fakturert', async ({
  page,
  app,
}) => {
  await seedSales(page, app);
  // 359,96 + 25 % MVA = 449,95.
  await app.engine.ok('products.create', { number: 'HANSKER', name: 'Arbeidshansker (10 par)', unit: 'pk', priceOre: 35_996, vatCode: '25', stockManaged: false });
  const kb = page.keyboard;

  await kb.press('F2');
  await kb.type('Bergen');
  await expect(page.getByTestId('order-customer-options-0')).toBeVisible();
  await kb.press('Enter');
  await page.getByTestId('order-orderType').selectOption('3');
  await expect(page.getByTestId('order-save')).toContainText('Lagre og betal');
  await kb.press('Alt+l');
  await typeAndEnter(page, 'HANSKER');
  await typeAndEnter(page, '1');
  await expect(page.getByTestId('totals-gross')).toHaveText('449,95');

  // Ctrl+S opens the payment dialog; nothing is saved before the payment is registered.
  await kb.press('Control+s');
  const dialog = page.getByTestId('payment-dialog');
  await expect(dialog).toBeVisible();
  expect((await app.engine.ok('orders.list', { startRow: 0, endRow: 5 })).rowCount).toBe(0);
  await expect(page.getByTestId('payment-gross')).toHaveText('449,95');
  await expect(page.getByTestId('payment-rounding')).toHaveText('+0,05');
  await expect(page.getByTestId('payment-to-pay')).toHaveText('450,00');
  await expect(dialog).toContainText('(1–49 øre ned, 50–99 opp)');
  await expect(page.getByTestId('payment-received')).toBeFocused();
  await expect(page.getByTestId('payment-method-cash')).toBeChecked();
  await kb.type('500');
  await expect(page.getByTestId('payment-change')).toHaveText('50,00'); // live, as typed
  await screenshot(page, 'cash-1-payment-dialog');
  await kb.press('Enter');

  // The engine's figures from the invoice it made.
  const receipt = page.getByTestId('cash-receipt');
  await expect(receipt).toContainText('Kontantsalget er fakturert');
  await expect(page.getByTestId('cash-change')).toHaveText(kr('kr 50,00'));
  await expect(page.getByTestId('cash-invoice-number')).toHaveText('1');
  await expect(page.getByTestId('cash-paid')).toHaveText('450,00');
  await expect(page.getByTestId('cash-rounding')).toHaveText('+0,05');
  await expect(page.getByTestId('cash-received')).toHaveText('500,00');
  await screenshot(page, 'cash-2-receipt');
  // Enter prints the receipt (issue 10, item 12); Esc closes.
  const receiptPopup = page.waitForEvent('popup');
  await kb.press('Enter');
  await receiptPopup;
  await expect(page.getByTestId('cash-receipt-notice')).toContainText('Kvittering 1');
  await kb.press('Escape');
  await expect(receipt).toHaveCount(0);

  await expect(page.getByTestId('order-number')).toHaveText('10001');
  await expect(currentStep(page)).toHaveText('Kontant fakturert');
  await expect(page.getByTestId('order-status-pill')).toHaveText('Kontant fakturert · 3 Kontant');
  await expect(page.getByTestId('order-notice')).toHaveText('Kontantsalg 10001 er fakturert: faktura 1.');
  await expect(page.getByTestId('invoice-row-0-number')).toHaveText('1');
  await expect(page.getByTestId('invoice-row-0-kind')).toHaveText('kontantsalg');
  await expect(page.getByTestId('invoice-row-0-amount')).toHaveText('450,00');
  await screenshot(page, 'cash-3-order');

  const invoice = await app.engine.ok('invoices.get', { id: (await app.engine.ok('invoices.list', {}))[0]!.id });
  expect(invoice).toMatchObject({ grossOre: 44_995, roundingOre: 5, payableOre: 45_000, payment: { method: 'cash', receivedOre: 50_000, changeOre: 5_000 } });
});

test('collective invoice of three orders: multi-select in the list, one invoice, each becomes Fakturert pakkseddel', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const other = await app.engine.ok('customers.create', { kind: 'business', name: 'Oslo Rør AS', orgNumber: '923609016', contacts: [] });
  const foreign = await shippedOrder(app, data, other.id, [[data.blade.id, 1]]);
  const orders = [
    await shippedOrder(app, data, data.customerId, [[data.drill.id, 1]]),
    await shippedOrder(app, data, data.customerId, [[data.blade.id, 4]]),
    await shippedOrder(app, data, data.customerId, [[data.drill.id, 2], [data.blade.id, 2]]),
  ];
  await page.reload();
  const shipped = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'shipped')!;
  await page.getByTestId(`status-tab-${shipped.id}`).click();
  await expect(page.getByTestId(`status-tab-count-${shipped.id}`)).toHaveText('4');
  await expect(page.getByTestId('order-row-count')).toHaveText('4 ordrer');

  // Two customers in the selection: refused, saying what to do.
  await gridRow(page, 'order-grid', 0).locator('.ag-selection-checkbox input').click(); // 10004, Bergen Bygg AS
  await gridRow(page, 'order-grid', 3).locator('.ag-selection-checkbox input').click(); // 10001, Oslo Rør AS
  await expect(page.getByTestId('selection-count')).toHaveText('2 ordrer valgt');
  await page.keyboard.press('Alt+s');
  await expect(page.getByTestId('selection-error')).toHaveText(
    'Ikke utført: De valgte ordrene hører til ulike kunder (Bergen Bygg AS, Oslo Rør AS). En samlefaktura lages for én kunde om gangen: velg bare ordrene til én kunde.',
  );
  await screenshot(page, 'collective-1-two-customers');
  await page.getByTestId('selection-clear').click();
  await expect(page.getByTestId('selection-bar')).toHaveCount(0);

  // By keyboard: into the grid, Shift+Space on each of the three rows of Bergen Bygg AS.
  await page.getByTestId(`status-tab-${shipped.id}`).focus();
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 3; i++) {
    await expect(gridRow(page, 'order-grid', i).locator('[col-id=customerName]')).toHaveText('Bergen Bygg AS');
    await page.keyboard.press('Shift+Space');
    if (i < 2) await page.keyboard.press('ArrowDown');
  }
  await expect(page.getByTestId('selection-count')).toHaveText('3 ordrer valgt');
  await screenshot(page, 'collective-2-selected');
  await page.keyboard.press('Alt+s');
  const dialog = page.getByTestId('collective-dialog');
  // Asked first, with the engine's preview: the orders, the lines and the amount.
  await expect(page.getByTestId('collective-dialog-orders')).toHaveText(
    `Ordrer på samlefakturaen: ${[...orders].map((o) => o.number).sort((a, b) => a - b).join(', ')}`,
  );
  await expect(page.getByTestId('collective-dialog-gross')).toHaveText(kr('6 363,75'));
  await expect(dialog).toContainText('Faktura til Bergen Bygg AS på');
  await page.keyboard.press('Enter');
  const done = page.getByTestId('collective-done-text');
  // 1 199,00 + 4 × 249,00 + 2 × 1 199,00 + 2 × 249,00 = 5 091,00; + 25 % = 6 363,75.
  await expect(done).toHaveText(kr('Faktura 1 til Bergen Bygg AS er laget for 3 ordrer, kr 6 363,75.'));
  await screenshot(page, 'collective-3-done');
  await page.keyboard.press('Enter');

  // Each of the three is now "Fakturert pakkseddel"; the other customer's order is still shipped.
  const slip = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'invoiced_packing_slip')!;
  await expect(page.getByTestId(`status-tab-count-${shipped.id}`)).toHaveText('1');
  await expect(page.getByTestId(`status-tab-count-${slip.id}`)).toHaveText('3');
  await page.getByTestId(`status-tab-${slip.id}`).click();
  for (let i = 0; i < 3; i++) await expect(gridRow(page, 'order-grid', i).locator('[col-id=statusId]')).toHaveText('Fakturert pakkseddel');
  await screenshot(page, 'collective-4-packing-slips');
  const invoices = await app.engine.ok('invoices.list', {});
  expect(invoices).toHaveLength(1);
  expect([...invoices[0]!.orderIds].sort()).toEqual(orders.map((o) => o.id).sort());
  expect((await app.engine.ok('orders.get', { id: foreign.id })).statusKind).toBe('shipped');
});

test('partial credit note: one line credited in part with the goods back to stock, referring to the invoice', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [
    [data.drill.id, 3],
    [data.blade.id, 2],
  ]);
  await page.reload();
  await openOrder(page, order.number);
  const kb = page.keyboard;

  // Fakturer with nothing delivered: the question says the rest is delivered, then invoiced.
  await kb.press('Alt+r');
  await expect(page.getByTestId('invoice-confirm-delivers')).toBeVisible();
  await kb.press('Enter');
  await expect(page.getByTestId('invoiced-dialog')).toContainText('Faktura 1 er laget');
  await kb.press('Enter');
  await expect(currentStep(page)).toHaveText('Fakturert');
  await expectStock(page, 'BOR-18', { onHand: '17', reserved: '0', onLoan: '0', available: '17' });
  await kb.press('Alt+1');

  // Krediter from the order's invoices (Alt+K, Enter): 1 of the 3 drills, back to stock.
  await kb.press('Alt+k');
  await expect(page.getByTestId('invoice-row-0-credit')).toBeFocused();
  await kb.press('Enter');
  const dialog = page.getByTestId('credit-dialog');
  await expect(dialog).toContainText('Kreditnota for faktura 1');
  await expect(page.getByTestId('credit-qty-0')).toBeFocused();
  await expect(page.getByTestId('credit-to-stock')).toBeChecked();
  // More than invoiced is refused by the line.
  await kb.type('4');
  await kb.press('Enter');
  await expect(page.getByTestId('credit-line-0-error')).toHaveText('Kan ikke kreditere mer enn fakturert: 3 igjen på linjen.');
  await page.getByTestId('credit-qty-0').fill('1');
  await screenshot(page, 'credit-1-dialog');
  await kb.press('Enter');
  // Asked first: the credit note's amount and that the goods go back to stock.
  await expect(page.getByTestId('credit-confirm-gross')).toHaveText(kr('-1 498,75'));
  await expect(page.getByTestId('credit-confirm-outcome')).toHaveText('Varene tas tilbake på lager.');
  await kb.press('Enter');
  await expect(page.getByTestId('credit-confirm')).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('order-notice')).toHaveText('Kreditnota 2 er laget.');
  await expect(page.getByTestId('invoice-row-0-number')).toHaveText('2');
  await expect(page.getByTestId('invoice-row-0-kind')).toHaveText('kreditnota for 1');
  // −1 × 1 199,00 − 25 % MVA = −1 498,75.
  await expect(page.getByTestId('invoice-row-0-amount')).toHaveText(kr('-1 498,75'));
  await expect(page.getByTestId('invoice-row-1-number')).toHaveText('1');
  await kb.press('Alt+g');
  await expect(page.getByTestId('activity-panel')).toContainText('Kreditnota 2 for faktura 1');
  await kb.press('Alt+k');
  await screenshot(page, 'credit-2-order');

  const note = (await app.engine.ok('invoices.list', {})).find((i) => i.number === 2)!;
  const first = (await app.engine.ok('invoices.list', {})).find((i) => i.number === 1)!;
  expect(note).toMatchObject({ kind: 'credit_note', creditedInvoiceId: first.id, grossOre: -149_875 });

  // The drill came back to stock.
  await expectStock(page, 'BOR-18', { onHand: '18', reserved: '0', onLoan: '0', available: '18' });
  await expect(page.getByTestId('stock-movement-0-cause')).toHaveText('Kreditnota');
  await expect(page.getByTestId('stock-movement-0-quantity')).toHaveText('+1');
  await screenshot(page, 'credit-3-stock');
});

test('refusals in Norwegian: an invoiced order cannot move back or be deleted, and says what to do instead', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const invoicedStatus = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'invoiced')!;
  const draft = await makeOrder(app, data, 'pack', [[data.drill.id, 1]]);
  const invoiced = await app.engine.ok('orders.setStatus', { id: draft.id, version: draft.version, statusId: invoicedStatus.id, confirm: { deliverRemaining: true } });
  const open = await makeOrder(app, data, 'confirmed', [[data.blade.id, 1]]);
  await page.reload();
  await openOrder(page, invoiced.number);

  // Back from Fakturert to Pakk on the status bar: the engine refuses, the screen says why and what to do.
  await page.getByTestId('status-step-pack').click();
  const banner = page.getByTestId('order-action-error');
  await expect(banner).toHaveText('Ikke utført: Ordren kan ikke flyttes tilbake forbi fakturering. Lag en kreditnota i stedet.');
  await expect(currentStep(page)).toHaveText('Fakturert');
  // Slett is disabled with the rule as its reason; its key says the same.
  await expect(page.getByTestId('action-delete')).toBeDisabled();
  const noDelete = 'Ordren er fakturert og kan ikke slettes: fakturaen skal bevares. Krediter fakturaen, eller sett ordren til Avsluttet.';
  await expect(page.getByTestId('action-delete')).toHaveAttribute('title', noDelete);
  await page.keyboard.press('Alt+Delete');
  await expect(banner).toHaveText(`Ikke utført: ${noDelete}`);
  await screenshot(page, 'refusal-1-nb');
  await page.getByTestId('language-select').selectOption('en');
  await expect(banner).toHaveText('Not done: The order is invoiced and cannot be deleted: the invoice must be kept. Credit the invoice, or set the order to Closed.');
  await screenshot(page, 'refusal-2-en');
  await page.getByTestId('language-select').selectOption('nb');
  expect((await app.engine.ok('orders.get', { id: invoiced.id })).statusKind).toBe('invoiced');

  // From the list: moving both orders to Pakk moves the open one and reports the refusal for the invoiced one.
  // (Esc closes the banner first, the second Esc backs out to the list.)
  await page.keyboard.press('Escape');
  await expect(banner).toHaveCount(0);
  await page.keyboard.press('Escape');
  const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/orders.list'));
  await page.getByTestId('order-search').fill('');
  await reloaded;
  await expect(page.getByTestId('order-row-count')).toHaveText('2 ordrer');
  await expect(gridRow(page, 'order-grid', 1).locator('[col-id=number]')).toHaveText(String(invoiced.number));
  // Into the grid, Ctrl+A: the rows loaded (again, should a reload still be replacing them).
  await expect(async () => {
    await page.getByTestId('status-tab-all').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+a');
    await expect(page.getByTestId('selection-count')).toHaveText('2 ordrer valgt', { timeout: 1000 });
  }).toPass();
  await page.keyboard.press('Alt+m');
  await page.getByTestId('move-status').selectOption({ label: 'Pakk' });
  await page.getByTestId('move-dialog-submit').click();
  await expect(page.getByTestId('move-summary')).toHaveText('1 av 2 flyttet.');
  await expect(page.getByTestId('move-result-0-text')).toHaveText('Flyttet til Pakk.'); // 10002, listed first
  await expect(page.getByTestId('move-result-1-text')).toHaveText('Ordren kan ikke flyttes tilbake forbi fakturering. Lag en kreditnota i stedet.');
  await screenshot(page, 'refusal-3-bulk-move');
  expect((await app.engine.ok('orders.get', { id: open.id })).statusKind).toBe('pack');
});
