// Issue 9 on the order screen: the screen shows what the engine says an order
// allows, with the engine's own reason; a quote converts once and both sides
// show the link; a quote converted to Cash goes through the payment dialog, and a
// card payment is not rounded to whole kroner.
import { expect, screenshot, test } from './fixtures';
import { makeOrder, openOrder, seedSales } from './sales';

test('a quote converts once: both sides show the link, and the second conversion is disabled with the engine’s reason', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const quote = await makeOrder(app, data, 'quote', [[data.drill.id, 2]], 5);
  await openOrder(page, quote.number);
  await page.keyboard.press('Alt+o');
  await expect(page.getByTestId('convert-dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText(String(quote.number + 1));
  await expect(page.getByTestId('order-related')).toHaveText(`Fra tilbud ${quote.number}`);

  await page.getByTestId('order-related').click();
  await expect(page.getByTestId('order-number')).toHaveText(String(quote.number));
  await expect(page.getByTestId('order-converted-to')).toHaveText(`Gjort om til ordre ${quote.number + 1}`);
  const convert = page.getByTestId('action-convert');
  await expect(convert).toBeDisabled();
  await expect(convert).toHaveAttribute('title', `Tilbudet er allerede gjort om til ordre ${quote.number + 1}. Et tilbud gjøres om én gang; åpne ordre ${quote.number + 1}.`);
  // The key says it too, in the banner, instead of making a second order.
  await page.keyboard.press('Alt+o');
  await expect(page.getByTestId('order-action-error')).toContainText('allerede gjort om til ordre');
  expect((await app.engine.ok('orders.list', { startRow: 0, endRow: 10 })).rowCount).toBe(2);
  await screenshot(page, 'edges-quote-converted-once');
});

test('a quote converted to Cash asks for the payment first; paid by card, it is not rounded', async ({ page, app }) => {
  const data = await seedSales(page, app);
  // 2 × 249,00 + 25 % = 622,50: cash would round it, a card pays it to the øre.
  const quote = await makeOrder(app, data, 'quote', [[data.blade.id, 2]], 5);
  await openOrder(page, quote.number);
  await page.keyboard.press('Alt+o');
  await page.getByTestId('convert-type-3').check();
  await page.getByTestId('convert-dialog').getByRole('button', { name: 'Lag ordre' }).click();
  await expect(page.getByTestId('payment-dialog')).toBeVisible();
  await expect(page.getByTestId('payment-gross')).toHaveText('622,50');
  await expect(page.getByTestId('payment-rounding')).toHaveText('+0,50');
  await page.getByTestId('payment-method-card').check();
  await expect(page.getByTestId('payment-rounding')).toHaveCount(0);
  await expect(page.getByTestId('payment-to-pay')).toHaveText('622,50');
  await screenshot(page, 'edges-convert-to-cash-payment');
  await page.getByTestId('payment-dialog').getByRole('button', { name: 'Registrer betaling' }).click();
  await expect(page.getByTestId('order-number')).toHaveText(String(quote.number + 1));
  await expect(page.getByTestId('order-status-pill')).toContainText('Kontant fakturert');
  const [invoice] = await app.engine.ok('invoices.list', {});
  expect(invoice).toMatchObject({ grossOre: 62_250, roundingOre: 0, payableOre: 62_250, payment: { method: 'card' } });
});

test('an invoiced order’s actions are disabled with the engine’s reasons', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]]);
  const shipped = await app.engine.ok('orders.setStatus', {
    id: order.id,
    version: order.version,
    statusId: (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'shipped')!.id,
    confirm: { deliverRemaining: true },
  });
  await app.engine.ok('orders.invoice', { id: shipped.id, version: shipped.version });
  await openOrder(page, order.number);
  await expect(page.getByTestId('action-delete')).toBeDisabled();
  await expect(page.getByTestId('action-delete')).toHaveAttribute('title', 'Ordren er fakturert og kan ikke slettes: fakturaen skal bevares. Krediter fakturaen, eller sett ordren til Avsluttet.');
  await expect(page.getByTestId('action-invoice')).toHaveAttribute('title', /Ordren er fakturert/);
  await screenshot(page, 'edges-invoiced-actions');
});
