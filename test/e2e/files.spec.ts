// Files and relations on an order (issue 12), as a clerk uses them: a file by the
// file picker and one dropped on the panel, opened (Enter) and saved byte for
// byte, one over the limit refused in Norwegian; a link to another order made by
// its number and shown on both orders.
import { readFileSync } from 'node:fs';
import { expect, screenshot, test } from './fixtures';
import { makeOrder, openOrder, seedSales } from './sales';

/** Every byte value, in a scrambled order: a binary no text handling survives. */
const BINARY = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 167 + 13) % 256));
const NOTE = Buffer.from('Måling på stedet: 3 × 2,4 m\nØvre kant – 12 mm\n', 'utf8');

test('files: attached by the picker and by drag and drop, opened and saved byte-identical, removed; too large is refused', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]]);
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+I');
  const panel = page.getByTestId('files-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('files-none')).toHaveText('Ingen filer på denne ordren.');

  // The picker: Enter on the focused button opens the system's file dialog.
  await expect(page.getByTestId('files-pick')).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'måling.bin', mimeType: 'application/octet-stream', buffer: BINARY });
  await expect(page.getByTestId('file-måling.bin')).toContainText('512 byte');

  // Drag and drop onto the panel, as from the file manager.
  const transfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'notat æøå.txt', { type: 'text/plain' }));
    return dt;
  }, [...NOTE]);
  await panel.dispatchEvent('dragenter', { dataTransfer: transfer });
  await panel.dispatchEvent('dragover', { dataTransfer: transfer });
  await panel.dispatchEvent('drop', { dataTransfer: transfer });
  const note = page.getByTestId('file-notat æøå.txt');
  await expect(note).toContainText('notat æøå.txt');
  await expect(note).toContainText(/\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);
  await expect(page.getByTestId('files-panel').locator('li')).toHaveCount(2);
  await screenshot(page, 'files-attached');

  // Leave the order and come back: the files are in the company file.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+I');
  await expect(page.getByTestId('files-panel').locator('li')).toHaveCount(2);

  // Enter on a file opens it in a new tab, with the same bytes.
  await note.focus();
  const opened = page.context().waitForEvent('page');
  await page.keyboard.press('Enter');
  const tab = await opened;
  expect(tab.url()).toMatch(/^blob:/);
  // The browser shows a text file as it is (the bytes themselves are compared on saving, below).
  await expect(tab.locator('pre')).toHaveText(NOTE.toString('utf8'));
  await tab.close();

  // Save: a download byte-identical to the original, for the binary and the text.
  for (const [name, original] of [['måling.bin', BINARY], ['notat æøå.txt', NOTE]] as const) {
    const download = page.waitForEvent('download');
    await page.getByTestId(`file-save-${name}`).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(name);
    expect(readFileSync((await saved.path())!).equals(original)).toBe(true);
  }

  // Too large: said in Norwegian, naming the file and the limit, before anything is sent.
  const big = page.waitForEvent('filechooser');
  await page.getByTestId('files-pick').click();
  await (await big).setFiles({ name: 'tegning.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(15_000_000) });
  await expect(page.getByTestId('files-error')).toContainText('Filen «tegning.pdf» er 14,3\u00a0MB; grensen er 10\u00a0MB per fil.');
  await screenshot(page, 'files-too-large');

  // Delete on a file asks first, then removes it; the log says so.
  await page.getByTestId('files-error-close').click();
  await page.getByTestId('file-måling.bin').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('file-remove-confirm')).toBeVisible();
  await screenshot(page, 'files-remove-confirm');
  await page.getByTestId('file-remove-confirm').getByRole('button', { name: 'Fjern filen' }).click();
  await expect(page.getByTestId('file-måling.bin')).toHaveCount(0);
  await page.keyboard.press('Alt+G');
  await expect(page.getByTestId('activity-panel')).toContainText('Fil fjernet: måling.bin (512\u00a0byte)');
  await expect(page.getByTestId('activity-panel')).toContainText('Fil lagt ved: notat æøå.txt');
  await screenshot(page, 'files-activity');
});

test('relations: a link to another order made by its number shows on both orders, and Enter opens the other', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const first = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]]);
  const second = await makeOrder(app, data, 'confirmed', [[data.blade.id, 2]]);
  await openOrder(page, first.number);
  await page.keyboard.press('Alt+Y');
  const query = page.getByTestId('relations-query');
  await expect(query).toBeFocused();
  await expect(page.getByTestId('relations-none')).toBeVisible();
  await query.fill(String(second.number));
  await page.keyboard.press('Enter');
  const link = page.getByTestId(`relation-sales-${second.number}`);
  await expect(link).toContainText('Koblet til');
  await expect(link).toContainText(`Ordre ${second.number}`);
  await expect(link).toContainText('Bergen Bygg AS');
  await screenshot(page, 'relations-added');

  // At 1280 px the side area keeps its tabs (wrapped) and the page does not scroll sideways.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId('relations-find')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('side-tab-relations')).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await screenshot(page, 'relations-1280');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The same order twice is refused in Norwegian.
  await query.fill(String(second.number));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('relations-error')).toContainText(`Ordren er allerede koblet til ordre ${second.number}.`);
  await page.getByTestId('relations-error-close').click();

  // Down to the link, Enter: the other order opens and shows the link back.
  await query.focus();
  await page.keyboard.press('ArrowDown');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText(String(second.number));
  await page.keyboard.press('Alt+Y');
  await expect(page.getByTestId(`relation-sales-${first.number}`)).toContainText(`Ordre ${first.number}`);
  await screenshot(page, 'relations-other-side');
});

test('relations: a sales order linked to a purchase order opens it on the purchasing screen, which shows the link back and takes files too', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.blade.id, 4]]);
  const supplier = await app.engine.ok('suppliers.create', { kind: 'business', name: 'Verktøygrossisten AS', orgNumber: '923609016', contacts: [] });
  const po = await app.engine.ok('purchase.create', { header: { supplierId: supplier.id, orderType: 1 }, lines: [{ productId: data.blade.id, quantity: 4_000 }] });
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+Y');
  await page.getByTestId('relations-query').fill(String(po.number));
  await page.keyboard.press('Enter');
  const link = page.getByTestId(`relation-purchase-${po.number}`);
  await expect(link).toContainText(`Innkjøpsordre ${po.number}`);
  await expect(link).toContainText('Verktøygrossisten AS');
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('po-number')).toHaveText(String(po.number));
  await page.keyboard.press('Alt+Y');
  await expect(page.getByTestId(`relation-sales-${order.number}`)).toContainText(`Ordre ${order.number}`);
  await screenshot(page, 'relations-purchase-side');
  await page.keyboard.press('Alt+I');
  await expect(page.getByTestId('files-pick')).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'ordrebekreftelse.csv', mimeType: 'text/csv', buffer: Buffer.from('Vare;Antall\nSAG-190;4\n') });
  await expect(page.getByTestId('file-ordrebekreftelse.csv')).toContainText('22\u00a0byte');
  await screenshot(page, 'files-purchase-order');
});
