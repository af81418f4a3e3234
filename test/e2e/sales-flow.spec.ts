// Issue 3, Done-when 3 (first half): sales processing driven through the order
// screen's status bar and actions, with the product screen showing stock follow.
// Master data (company, customer, products, stock receipts) comes through the
// channels; the processing itself goes through the UI, by keyboard where a
// clerk would use it.
import type { Page } from '@playwright/test';
import { expect, gridRow, kr, screenshot, test } from './fixtures';
import { expectStock, makeOrder, openOrder, seedSales } from './sales';

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The status bar's highlighted step. */
const currentStep = (page: Page) => page.locator('[data-testid=status-bar] [aria-current=step]');

test('quote → order → confirm → pack → ship → invoice through the status bar and the actions; stock follows on the product screen', async ({
  page,
  app,
}) => {
  const data = await seedSales(page, app);
  const kb = page.keyboard;

  // ---- The quote, typed ------------------------------------------------------
  await kb.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await kb.type('Bergen');
  await expect(page.getByTestId('order-customer-options-0')).toBeVisible();
  await kb.press('Enter');
  await expect(page.getByTestId('order-customer-number')).toHaveText('10001');
  await page.getByTestId('order-orderType').selectOption('5');
  await kb.press('Alt+l');
  await typeAndEnter(page, 'BOR-18');
  await typeAndEnter(page, '3');
  // The product lookup has landed (a Ctrl+S before it would be refused by the line, "Velg et produkt").
  await expect(page.getByTestId('line-0-description')).toHaveValue('Drill 18V med batteri');
  await kb.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  await expect(page.getByTestId('order-title')).toContainText('Tilbud 10001');
  await expect(currentStep(page)).toHaveText('Tilbud');
  // A quote has no processing: nothing to deliver, and it says why.
  await expect(page.getByTestId('action-deliver')).toBeDisabled();
  await expect(page.getByTestId('action-deliver')).toHaveAttribute('title', 'Ordretypen 5 Tilbud/forespørsel behandles ikke. Endre ordretype først.');
  expect((await app.engine.ok('stock.get', { productId: data.drill.id })).reserved).toBe(0);
  await screenshot(page, 'flow-1-quote');

  // ---- Quote to order (Alt+O): type 1 Normal, the new order opens in Bekreftet ----
  await kb.press('Alt+o');
  await expect(page.getByTestId('convert-dialog')).toBeVisible();
  await expect(page.getByTestId('convert-type-1')).toBeFocused();
  await screenshot(page, 'flow-2-convert-dialog');
  await kb.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText('10002');
  await expect(page.getByTestId('order-notice')).toHaveText('Ordre 10002 er laget fra tilbud 10001.');
  await expect(currentStep(page)).toHaveText('Bekreftet');
  await expect(page.getByTestId('order-status-pill')).toHaveText('Bekreftet · 1 Normal');
  await expect(page.getByTestId('order-related')).toHaveText('Fra tilbud 10001');
  await expect(page.getByTestId('line-0-reserved')).toHaveText('3');
  await expect(currentStep(page)).toBeFocused();

  // Confirmed reserves: the product screen shows it.
  await expectStock(page, 'BOR-18', { onHand: '20', reserved: '3', onLoan: '0', available: '17' });
  await kb.press('Alt+1');
  await expect(page.getByTestId('order-number')).toHaveText('10002');

  // ---- The status bar by keyboard: Alt+→ walks, Enter moves --------------------
  await page.getByTestId('status-step-confirmed').focus();
  await kb.press('Alt+ArrowRight'); // Produksjon
  await kb.press('Alt+ArrowRight'); // Pakk
  await expect(page.getByTestId('status-step-pack')).toBeFocused();
  await kb.press('Enter');
  await expect(currentStep(page)).toHaveText('Pakk');
  await expect(page.getByTestId('order-notice')).toHaveText('Ordre 10002 står nå i Pakk.');

  // Pakk → Utsendt marks the rest delivered, after asking.
  await page.getByTestId('status-step-pack').focus();
  await kb.press('Alt+ArrowRight');
  await expect(page.getByTestId('status-step-shipped')).toBeFocused();
  await kb.press('Enter');
  const ask = page.getByTestId('process-confirm');
  await expect(ask).toContainText('Levere resten?');
  await expect(ask).toContainText('Alle gjenstående antall (1 linjer) blir merket levert og går ut av lager.');
  await screenshot(page, 'flow-3-deliver-remaining');
  await kb.press('ArrowLeft');
  await expect(page.getByTestId('confirm-yes')).toHaveText('Lever resten');
  await kb.press('Enter');
  await expect(currentStep(page)).toHaveText('Utsendt');
  await expect(page.getByTestId('line-0-delivered')).toHaveText('3');
  await expect(page.getByTestId('order-delivery-state')).toHaveText('Levert');

  // Shipped: the goods have left stock, the reservation is gone.
  await expectStock(page, 'BOR-18', { onHand: '17', reserved: '0', onLoan: '0', available: '17' });
  await expect(page.getByTestId('stock-movement-0-cause')).toHaveText('Uttak');
  await expect(page.getByTestId('stock-movement-0-quantity')).toHaveText('-3');
  await expect(page.getByTestId('stock-movement-0-order')).toHaveText('10002');
  await expect(page.getByTestId('stock-movement-0-type')).toHaveText('1 Normal');
  await screenshot(page, 'flow-4-product-stock');

  // ---- Fakturer (Alt+R) --------------------------------------------------------
  await kb.press('Alt+1');
  await kb.press('Alt+r');
  // Asked first (issue 10): what the invoice will be; Enter confirms.
  await expect(page.getByTestId('invoice-confirm-gross')).toHaveText(kr('4 496,25'));
  await expect(page.getByTestId('invoice-confirm-submit')).toBeFocused();
  await kb.press('Enter');
  const invoiced = page.getByTestId('invoiced-dialog');
  await expect(invoiced).toContainText('Faktura 1 er laget');
  // 3 × 1 199,00 = 3 597,00 + 25 % MVA 899,25 = 4 496,25.
  await expect(page.getByTestId('invoiced-amount')).toHaveText(kr('kr 4 496,25'));
  await screenshot(page, 'flow-5-invoiced');
  await kb.press('Enter');
  await expect(invoiced).toHaveCount(0);
  await expect(currentStep(page)).toHaveText('Fakturert');
  await expect(page.getByTestId('line-0-invoiced')).toHaveText('3');
  await expect(page.getByTestId('order-locked')).toBeVisible();
  await expect(page.getByTestId('invoice-row-0-number')).toHaveText('1');
  await expect(page.getByTestId('invoice-row-0-amount')).toHaveText(kr('4 496,25'));
  await expect(page.getByTestId('invoice-row-0-kid')).not.toBeEmpty();

  // The log tells the story in words.
  await kb.press('Alt+g');
  await expect(page.getByTestId('activity-panel')).toContainText('Status: Pakk → Utsendt');
  await expect(page.getByTestId('activity-panel')).toContainText('Status: Bekreftet → Pakk');
  await expect(page.getByTestId('activity-panel')).toContainText('Faktura 1 laget');
  await expect(page.getByTestId('activity-panel')).toContainText('Laget fra tilbud 10001');
  await screenshot(page, 'flow-6-invoiced-order');

  // Goods leave stock exactly once: invoicing a shipped order issues nothing more.
  await expectStock(page, 'BOR-18', { onHand: '17', reserved: '0', onLoan: '0', available: '17' });
  const stock = await app.engine.ok('stock.get', { productId: data.drill.id });
  expect(stock.movements.filter((m) => m.cause === 'issue')).toHaveLength(1);
});

test('partial delivery with a backorder: deliver part, invoice, the Rest order appears in the Rest tab with what remains', async ({
  page,
  app,
}) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [
    [data.drill.id, 5],
    [data.blade.id, 2],
  ]);
  await page.reload();
  await openOrder(page, order.number);
  const kb = page.keyboard;

  // Levér (Alt+V): 3 of 5 drills, no blades now.
  await kb.press('Alt+v');
  const dialog = page.getByTestId('deliver-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('deliver-qty-0')).toBeFocused();
  await expect(page.getByTestId('deliver-qty-0')).toHaveValue('5');
  await expect(page.getByTestId('deliver-qty-1')).toHaveValue('2');
  await kb.type('3');
  await kb.press('Tab'); // close short (line 1)
  await kb.press('Tab'); // line 2's quantity
  await expect(page.getByTestId('deliver-qty-1')).toBeFocused();
  await kb.type('0');
  await screenshot(page, 'backorder-1-deliver-dialog');
  await kb.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('order-delivery-state')).toHaveText('Delvis levert');
  await expect(page.getByTestId('line-0-delivered')).toHaveText('3');
  await expect(page.getByTestId('line-1-delivered')).toHaveText('');
  await expect(page.getByTestId('line-0-reserved')).toHaveText('2');
  await expect(page.getByTestId('order-notice')).toHaveText(`Ordre ${order.number} er delvis levert.`);
  await screenshot(page, 'backorder-2-partly-delivered');

  // Fakturer (Alt+R): invoices the 3 delivered; the rest goes to a Rest order.
  await kb.press('Alt+r');
  // Asked first (issue 10): the invoice and the backorder it will make; Enter confirms.
  await expect(page.getByTestId('invoice-confirm-outcome')).toContainText('Restordre lages for det som ikke er levert (2 linjer)');
  await expect(page.getByTestId('invoice-confirm-submit')).toBeFocused();
  await kb.press('Enter');
  const invoiced = page.getByTestId('invoiced-dialog');
  await expect(invoiced).toContainText('Faktura 1 er laget');
  // 3 × 1 199,00 = 3 597,00 + 25 % = 4 496,25: only what was delivered.
  await expect(page.getByTestId('invoiced-amount')).toHaveText(kr('kr 4 496,25'));
  const restNumber = order.number + 1;
  await expect(page.getByTestId('invoiced-backorder')).toHaveText(`Det som ikke var levert, er flyttet til restordre ${restNumber}.`);
  await expect(page.getByTestId('open-backorder')).toHaveText(`Åpne restordre ${restNumber}`);
  await screenshot(page, 'backorder-3-invoiced');
  await kb.press('Enter');
  await expect(currentStep(page)).toHaveText('Fakturert');

  // The list: a Rest tab (the status is hidden in the Standard flow, but holds an order now).
  await kb.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();
  const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/orders.list'));
  await page.getByTestId('order-search').fill(''); // it still held the number we looked for
  await reloaded;
  const rest = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'rest')!;
  const tab = page.getByTestId(`status-tab-${rest.id}`);
  await expect(tab).toContainText('Rest');
  await expect(page.getByTestId(`status-tab-count-${rest.id}`)).toHaveText('1');
  await tab.click();
  const row = gridRow(page, 'order-grid', 0);
  await expect(row.locator('[col-id=number]')).toHaveText(String(restNumber));
  await expect(row.locator('[col-id=statusId]')).toHaveText('Rest');
  await expect(page.getByTestId('order-row-count')).toHaveText('1 ordre');
  await screenshot(page, 'backorder-4-rest-tab');
  await row.locator('[col-id=number]').click();
  await kb.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText(String(restNumber));
  await expect(currentStep(page)).toHaveText('Rest');
  await expect(page.getByTestId('order-related')).toHaveText(`Restordre av ${order.number}`);
  await expect(page.getByTestId('line-0-product')).toHaveValue('BOR-18');
  await expect(page.getByTestId('line-0-quantity')).toHaveValue('2');
  await expect(page.getByTestId('line-1-product')).toHaveValue('SAG-190');
  await expect(page.getByTestId('line-1-quantity')).toHaveValue('2');
  await expect(page.getByTestId('line-0-reserved')).toHaveText('2');
  await screenshot(page, 'backorder-5-rest-order');
});

test('loan → invoiced: available drops while on loan, on hand drops when invoiced (on the product screen)', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 2]]);
  await page.reload();
  await openOrder(page, order.number);
  const kb = page.keyboard;
  await expectStock(page, 'BOR-18', { onHand: '20', reserved: '2', onLoan: '0', available: '18' });
  await kb.press('Alt+1');

  // Lån ut (Alt+U): the status Utlån (hidden in the Standard flow) shows in the bar while the order is in it.
  await kb.press('Alt+u');
  await expect(currentStep(page)).toHaveText('Utlån');
  await expect(page.getByTestId('action-loan')).toContainText('Returner utlån');
  await expect(page.getByTestId('line-0-reserved')).toHaveText('2'); // the column shows what is lent
  await screenshot(page, 'loan-1-lent');

  // On loan: available drops, on hand (and value) do not.
  await expectStock(page, 'BOR-18', { onHand: '20', reserved: '0', onLoan: '2', available: '18' });
  await expect(page.getByTestId('stock-value')).toHaveText(kr('12 000,00'));
  await screenshot(page, 'loan-2-product-on-loan');

  // Fakturer: nothing is delivered yet, so the goods on loan are delivered and invoiced; the question says so.
  await kb.press('Alt+1');
  await kb.press('Alt+r');
  await expect(page.getByTestId('invoice-confirm-delivers')).toHaveText('Ingenting er levert ennå: alt som gjenstår, tas ut av lageret og faktureres nå.');
  await expect(page.getByTestId('invoice-confirm-submit')).toBeFocused();
  await kb.press('Enter');
  await expect(page.getByTestId('invoiced-dialog')).toContainText('Faktura 1 er laget');
  await kb.press('Enter');
  await expect(currentStep(page)).toHaveText('Fakturert');

  // Invoiced: on hand drops now, nothing is on loan.
  await expectStock(page, 'BOR-18', { onHand: '18', reserved: '0', onLoan: '0', available: '18' });
  await expect(page.getByTestId('stock-value')).toHaveText(kr('10 800,00'));
  await screenshot(page, 'loan-3-product-invoiced');
});
