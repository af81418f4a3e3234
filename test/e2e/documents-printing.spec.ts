// Issue 4, Done-when 2: the picking lists of 50 orders in Pack printed from the
// order list in one batch (with a Direct order among them, which gets none and
// says why), each archived as a real PDF with its order and logged; the batch
// cancelled half-way; and printing from the order screen, with the document
// kinds that cannot be printed shown disabled with their reason.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshot, test, type App } from './fixtures';
import { makeOrder, openOrder, seedSales, type SalesData } from './sales';

function pdfText(base64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ordrebok-e2e-pdf-'));
  const file = join(dir, 'document.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Orders in Pack through the channel, each with two stocked lines. */
async function ordersInPack(app: App, data: SalesData, count: number) {
  const orders = [];
  for (let i = 0; i < count; i++) orders.push(await makeOrder(app, data, 'pack', [[data.drill.id, 1 + (i % 3)], [data.blade.id, 2]]));
  return orders;
}

async function showList(page: Page, packCount: number) {
  await page.keyboard.press('Alt+1');
  const pack = page.getByTestId('status-tabs').getByRole('tab', { name: /Pakk/ }).first();
  await expect(pack).toContainText(String(packCount));
}

test('prints the picking lists of 50 orders in Pack from the list: each archived as its PDF, logged on its order; a Direct order gets none and says why', async ({
  page,
  app,
}) => {
  const data = await seedSales(page, app, { drillStock: 500, bladeStock: 500 });
  const orders = await ordersInPack(app, data, 50);
  // In Pack too, but a Direct order has no picking list (SPEC 1.1).
  const direct = await makeOrder(app, data, 'pack', [[data.drill.id, 1]], 2);
  // Not in Pack: left alone.
  const confirmed = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]]);
  await page.reload();
  await showList(page, 51);

  await expect(page.getByTestId('batch-print')).toContainText('Plukklister: 51 i Pakk');
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('batch-print-what')).toHaveText('Plukklister for alle 51 ordrene i Pakk.');
  await screenshot(page, 'documents-batch-ask');
  await page.keyboard.press('Enter');
  const report = page.getByTestId('batch-print-report');
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('batch-summary')).toHaveText(
    '50 plukklister er laget og arkivert. 1 ordre fikk ingen plukkliste (se grunnen).',
  );
  // The refused order comes first, with the reason in Norwegian.
  await expect(page.getByTestId('batch-result-0')).toContainText(String(direct.number));
  await expect(page.getByTestId('batch-result-0-text')).toHaveText(/Plukkliste kan bare skrives ut for ordretype 1 Normal/);
  await screenshot(page, 'documents-batch-report');

  // Each order's archive holds its picking list: a PDF naming the order and its products, logged on the order.
  for (const order of orders) {
    const archive = await app.engine.ok('documents.list', { orderId: order.id });
    const lists = archive.filter((d) => d.kind === 'picking_list');
    expect(lists, `order ${order.number}`).toHaveLength(1);
    const doc = await app.engine.ok('documents.get', { id: lists[0]!.id });
    expect(doc.document.orderNumber).toBe(order.number);
    const text = pdfText(doc.pdfBase64);
    expect(text).toContain('PLUKKLISTE');
    expect(text).toContain(String(order.number));
    expect(text).toContain('BOR-18');
    expect(text).toContain('SAG-190');
    const log = await app.engine.ok('activity.list', { entity: 'order', entityId: order.id });
    expect(log.filter((e) => e.action === 'document_issued')).toHaveLength(1);
  }
  expect(await app.engine.ok('documents.list', { orderId: direct.id })).toEqual([]);
  expect(await app.engine.ok('documents.list', { orderId: confirmed.id })).toEqual([]);

  // In the browser each one opens in the browser's PDF viewer from the report.
  const popup = page.waitForEvent('popup');
  await page.getByTestId('batch-result-1-open').click();
  expect((await popup).url()).toMatch(/^blob:/);
  await page.getByTestId('batch-print-report-close').click();
  await expect(report).toBeHidden();

  // The order screen's archive shows it; printing the batch again gives the archived copies.
  await openOrder(page, orders[49]!.number);
  await page.keyboard.press('Alt+A');
  await expect(page.getByTestId('document-row-0-kind')).toHaveText('Plukkliste');
  await expect(page.getByTestId('document-row-0-number')).toHaveText(String(orders[49]!.number));
  await screenshot(page, 'documents-order-archive');
});

test('the batch can be cancelled half-way: what was made stays archived, the rest is not made', async ({ page, app }) => {
  const data = await seedSales(page, app, { drillStock: 500, bladeStock: 500 });
  const orders = await ordersInPack(app, data, 75);
  await page.reload();
  await showList(page, 75);
  // Held at the second chunk, so that Cancel is certain to come before the batch ends.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let calls = 0;
  await page.route('**/api/call/documents.renderPickingLists', async (route) => {
    calls++;
    if (calls === 2) await held;
    await route.continue();
  });
  await page.getByTestId('batch-print').click();
  await page.getByTestId('batch-print-dialog-submit').click();
  await expect(page.getByTestId('batch-progress-text')).toHaveText('25 av 75');
  await screenshot(page, 'documents-batch-progress');
  await page.getByTestId('batch-print-progress-close').click();
  await expect(page.getByTestId('batch-print-progress-close')).toContainText('Avbryter');
  release();
  await expect(page.getByTestId('batch-summary')).toHaveText('Avbrutt: 50 av 75 plukklister ble laget og arkivert.');
  const archived = await Promise.all(orders.map((o) => app.engine.ok('documents.list', { orderId: o.id })));
  expect(archived.map((a) => a.length)).toEqual([...Array<number>(50).fill(1), ...Array<number>(25).fill(0)]);
});

test('printing from the order screen: kinds that cannot be printed are disabled with the reason; the picking list is issued once, then reprinted from the archive', async ({
  page,
  app,
}) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'pack', [[data.drill.id, 2], [data.blade.id, 4]]);
  const direct = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]], 2);
  await page.reload();

  await openOrder(page, direct.number);
  await page.keyboard.press('Alt+P');
  await expect(page.getByTestId('print-kind-picking_list')).toBeDisabled();
  await expect(page.getByTestId('print-kind-picking_list-reason')).toContainText('Normal');
  await expect(page.getByTestId('print-kind-purchase_order')).toHaveCount(0);
  await screenshot(page, 'documents-print-direct');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('print-dialog')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();

  await openOrder(page, order.number);
  await page.keyboard.press('Alt+P');
  const dialog = page.getByTestId('print-dialog');
  await expect(dialog).toBeVisible();
  // Nothing delivered yet: no packing slip; it is not a quote.
  await expect(page.getByTestId('print-kind-packing_slip')).toBeDisabled();
  await expect(page.getByTestId('print-kind-packing_slip-reason')).not.toBeEmpty();
  await expect(page.getByTestId('print-kind-quote')).toBeDisabled();
  await page.getByTestId('print-kind-picking_list').check();
  await screenshot(page, 'documents-print-dialog');
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  expect((await popup).url()).toMatch(/^blob:/);
  await expect(page.getByTestId('order-notice')).toHaveText(`Plukkliste ${order.number} er åpnet. Den er arkivert med ordren.`);

  // Printed again: the archived copy, not a new rendering.
  await page.keyboard.press('Alt+P');
  await page.getByTestId('print-kind-picking_list').check();
  const again = page.waitForEvent('popup');
  await page.getByTestId('print-dialog-submit').click();
  await again;
  await expect(page.getByTestId('order-notice')).toHaveText(`Plukkliste ${order.number} er åpnet. Dette er den arkiverte kopien.`);
  const archive = await app.engine.ok('documents.list', { orderId: order.id });
  expect(archive.map((d) => d.kind)).toEqual(['picking_list']);
  const log = await app.engine.ok('activity.list', { entity: 'order', entityId: order.id });
  expect(log.map((e) => e.action).filter((a) => a.startsWith('document_'))).toEqual(expect.arrayContaining(['document_issued', 'document_reprinted']));

  await page.keyboard.press('Alt+A');
  await expect(page.getByTestId('document-row-0-kind')).toHaveText('Plukkliste');
  // The side panel's four tabs all fit; nothing pushes the screen sideways.
  for (const tab of ['invoices', 'documents', 'activity', 'jobs']) await expect(page.getByTestId(`side-tab-${tab}`)).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
  await screenshot(page, 'documents-order-side');
});
