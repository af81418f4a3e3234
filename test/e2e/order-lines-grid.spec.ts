// Issue 10, the order lines on AG Grid: the whole keyboard flow, bad input
// refused at the cell, stock while typing (suggestions and the Disp. column),
// column widths kept on the workstation, and a 1,000-line order (20 lines typed,
// the rest pasted as a spreadsheet would) saved and reopened with the header
// and the totals in view at the end of the lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Order } from '../../shared/channels/orders';
import { INVOICED_KINDS } from '../../shared/kinds';
import type { App } from './fixtures';
import { expect, kr, screenshot, seedCompany, statusOf, test } from './fixtures';
import { openOrder } from './sales';

async function seed(page: Page, app: App) {
  await seedCompany(page, app);
  const customer = await app.engine.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', contacts: [] });
  const p = (number: string, name: string, priceOre: number, stockManaged: boolean) =>
    app.engine.ok('products.create', { number, name, unit: 'stk', priceOre, vatCode: '25', stockManaged });
  const plank = await p('BYG-1001', 'Konstruksjonsvirke 48x98 C24 impregnert, 4,8 m', 18_900, true);
  const plank2 = await p('BYG-1002', 'Konstruksjonsvirke 48x98 C24 impregnert, 5,4 m', 21_200, true);
  const lamp = await p('A-1', 'Arbeidslampe LED', 49_900, false);
  await app.engine.ok('stock.receive', { productId: plank.id, quantity: 5_000, costOre: 10_000 });
  await app.engine.ok('stock.receive', { productId: plank2.id, quantity: 100_000, costOre: 11_000 });
  return { plank, plank2, lamp, customer };
}

async function startOrder(page: Page) {
  await page.keyboard.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await page.keyboard.type('Bergen');
  await expect(page.getByTestId('order-customer-options-0')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-customer-number')).toHaveText('10001');
  await page.keyboard.press('Alt+l');
  await expect(page.getByTestId('line-0-product')).toBeFocused();
}

/** Product, Enter, quantity, Enter (price), Enter (discount), Enter (next line). */
async function line(page: Page, product: string, quantity: string) {
  await page.keyboard.type(product);
  await page.keyboard.press('Enter');
  await page.keyboard.type(quantity);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
}

test('the lines grid by keyboard: Enter through the cells, ↑/↓, Alt+↑/↓, Ctrl+Delete, bad input refused at the cell, Ctrl+S, Esc', async ({ page, app }) => {
  await seed(page, app);
  await startOrder(page);

  // A product by number, Enter through quantity, price and discount to a new line.
  await page.keyboard.type('BYG-1002');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-quantity')).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-price')).toBeFocused();
  await expect(page.getByTestId('line-0-price')).toHaveValue('212,00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-discount')).toBeFocused();
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-1-product')).toBeFocused();
  // Part of a name finds the product.
  await line(page, 'lampe', '2');
  await expect(page.getByTestId('line-1-product')).toHaveValue('A-1');
  await line(page, 'BYG-1001', '1');
  await expect(page.getByTestId('line-3-product')).toBeFocused();
  // Beskrivelse is wide enough to tell the two planks apart.
  const description = page.getByTestId('line-0-description');
  expect(await description.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

  // "abc" in Antall is refused as the cell is left, with the message at the line.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('line-2-product')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-2-quantity')).toBeFocused();
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('line-2-error')).toHaveText('Antall: Ugyldig tall.');
  await expect(page.getByTestId('line-2-quantity')).toHaveAttribute('aria-invalid', 'true');
  // Enter on a bad number stays in the cell.
  await page.getByTestId('line-2-quantity').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-2-quantity')).toBeFocused();
  await screenshot(page, 'lines-grid-bad-quantity');
  await page.keyboard.type('4');
  await expect(page.getByTestId('line-2-error')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-2-price')).toBeFocused();

  // ↑ and ↓ keep the column; Alt+↑ moves the line (BYG-1001 to the top, in two steps).
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('line-1-price')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('line-2-price')).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('line-0-product')).toHaveValue('BYG-1001');
  await expect(page.getByTestId('line-0-price')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('line-1-product')).toHaveValue('BYG-1001');
  await expect(page.getByTestId('line-1-price')).toBeFocused();

  // Ctrl+Delete asks, Enter removes; focus stays in the lines.
  await page.keyboard.press('Control+Delete');
  await expect(page.getByTestId('confirm-dialog')).toContainText('Linje 2: BYG-1001 – Konstruksjonsvirke 48x98 C24 impregnert, 4,8 m');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-1-product')).toHaveValue('A-1');
  await expect(page.getByTestId('line-1-product')).toBeFocused();
  await screenshot(page, 'lines-grid-keyboard');

  // Ctrl+S saves; the lines come back in the order on screen.
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  const id = (await app.engine.ok('orders.list', { startRow: 0, endRow: 5 })).rows[0]!.id;
  const order = await app.engine.ok('orders.get', { id });
  expect(order.lines.map((l) => [l.productNumber, l.quantity, l.discountBp])).toEqual([
    ['BYG-1002', 3000, 1000],
    ['A-1', 2000, 0],
  ]);

  // Saved: each line shows ordered (Antall), delivered, invoiced and reserved.
  for (const col of ['quantity', 'delivered', 'invoiced', 'reserved']) {
    await expect(page.locator(`[data-testid=order-lines] .ag-header-cell[col-id=${col}]`)).toBeInViewport();
  }
  await expect(page.getByTestId('line-0-reserved')).toHaveCount(1);

  // Esc backs out to the list; Alt+L from the header goes to the lines.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();
  await openOrder(page, 10001);
  await page.keyboard.press('Alt+l');
  await expect(page.getByTestId('line-1-product')).toBeFocused();
});

test('suggestions show available and price; Disp. is marked when the order takes more than is available', async ({ page, app }) => {
  await seed(page, app);
  await startOrder(page);
  await page.keyboard.type('konstruksjon');
  const options = page.getByTestId('line-0-product-options');
  await expect(options.getByTestId('suggestion-available')).toHaveText(['5 stk disp.', '100 stk disp.']);
  await expect(options.getByTestId('suggestion-price')).toHaveText(['189,00', '212,00']);
  await screenshot(page, 'lines-grid-suggestions');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-product')).toHaveValue('BYG-1001');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-available')).toHaveText('5');
  await expect(page.getByTestId('line-0-available')).toHaveAttribute('data-short', 'false');
  // A second line of the same product: only 1 left for it, and it asks for 3.
  await line(page, 'BYG-1001', '3');
  await expect(page.getByTestId('line-1-available')).toHaveText('1');
  await expect(page.getByTestId('line-1-available')).toHaveAttribute('data-short', 'true');
  await expect(page.getByTestId('line-1-available')).toHaveAttribute('title', 'Ordren tar 3 stk, men bare 1 stk er disponibelt.');
  await expect(page.getByTestId('line-1-available')).toHaveCSS('color', 'rgb(180, 35, 24)');
  // A product whose stock is not kept has no figure.
  await line(page, 'A-1', '1');
  await expect(page.getByTestId('line-2-available')).toHaveText('');
  await screenshot(page, 'lines-grid-available');

  // Saved in a status that reserves, the order's own reservation counts as its own: no longer short after 1 more arrives.
  const confirmed = await statusOf(app, 'confirmed');
  await page.getByTestId('order-statusId').selectOption(String(confirmed.id));
  await page.keyboard.press('Control+s');
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  await expect(page.getByTestId('line-1-available')).toHaveAttribute('data-short', 'true');
  await expect(page.getByTestId('line-0-reserved')).toHaveText('4');
});

test('column widths are kept on the workstation', async ({ page, app }) => {
  await seed(page, app);
  await startOrder(page);
  const header = page.locator('[data-testid=order-lines] .ag-header-cell[col-id=product]');
  const before = (await header.boundingBox())!;
  const handle = header.locator('.ag-header-cell-resize');
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before.width + 40);
  const widened = (await header.boundingBox())!.width;
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
  await startOrder(page);
  await expect.poll(async () => Math.round((await header.boundingBox())!.width)).toBe(Math.round(widened));
});

test('a 1,000-line order: 20 lines typed, the rest pasted, saved with Ctrl+S and reopened with header and totals in view at the end', async ({ page, app }) => {
  test.setTimeout(240_000);
  await seed(page, app);
  await startOrder(page);
  // Each next line is typed once its product cell has focus (see the report: keys typed before the new row is drawn go to the old cell).
  for (let i = 0; i < 20; i += 1) {
    await line(page, i % 2 ? 'A-1' : 'BYG-1002', String((i % 3) + 1));
    await expect(page.getByTestId(`line-${i + 1}-product`)).toBeFocused();
  }
  await expect(page.getByTestId('line-20-product')).toBeFocused();

  // 980 lines pasted into the product cell, as from a spreadsheet: number, quantity.
  const rows = Array.from({ length: 980 }, (_, i) => `${i % 2 ? 'A-1' : 'BYG-1002'}\t${(i % 3) + 1}`).join('\n');
  // A paste event with the rows on its clipboard, on the focused product cell (a string: run as it is in the page).
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(rows)});
    document.querySelector('[data-testid=line-20-product]')
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  await expect(page.getByTestId('line-999-product')).toBeFocused();
  await expect(page.getByTestId('line-999-product')).toHaveValue('A-1');
  await expect(page.getByTestId('line-999-quantity')).toHaveValue('2');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('10001', { timeout: 20_000 });
  const id = (await app.engine.ok('orders.list', { startRow: 0, endRow: 5 })).rows[0]!.id;
  const order = await app.engine.ok('orders.get', { id });
  expect(order.lines).toHaveLength(1000);
  expect(order.lines[999]).toMatchObject({ lineNo: 1000, productNumber: 'A-1', quantity: 2000 });

  await page.keyboard.press('Escape');
  await openOrder(page, 10001);
  await page.keyboard.press('Alt+l');
  await expect(page.getByTestId('line-999-product')).toBeFocused();
  // Scrolled to the end: the column header and the totals are still on screen, and the number is whole.
  await expect(page.locator('[data-testid=order-lines] .ag-header-cell[col-id=product]')).toBeInViewport();
  await expect(page.getByTestId('totals-gross')).toBeInViewport();
  const no = page.locator('[data-testid=order-lines] .ag-row[row-index="999"] .line-no');
  await expect(no).toHaveText('1000');
  expect(await no.evaluate((el) => el.parentElement!.scrollWidth <= el.parentElement!.clientWidth + 1)).toBe(true);
  await screenshot(page, 'lines-grid-1000-lines-end');
});

// ---- Headings and text rows (SPEC 2), type-ahead, the Lev. column ----

/** pdftotext of a rendered document, spaces made plain. */
function pdfText(pdfBase64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ordrebok-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .replace(/\u00a0/g, ' ')
      .replace(/[ \t]+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every row of the order as the clerk sees it: products by number, headings and text by their text. */
const rowsOf = (o: Order): string[] =>
  [...o.lines.map((l) => ({ n: l.lineNo, s: l.productNumber })), ...o.textLines.map((t) => ({ n: t.lineNo, s: `${t.kind}:${t.text}` }))]
    .sort((a, b) => a.n - b.n)
    .map((r) => r.s);

test('Ctrl+S on a demo order with headings keeps its headings and text in place', async ({ page, app }) => {
  await app.engine.ok('system.createDemo', { orders: 80 });
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
  // A demo order with headings whose lines can still be changed.
  const { rows } = await app.engine.ok('orders.list', { startRow: 0, endRow: 200 });
  let before: Order | null = null;
  for (const r of rows) {
    const o = await app.engine.ok('orders.get', { id: r.id });
    if (o.textLines.length && !INVOICED_KINDS.includes(o.statusKind) && o.lines.every((l) => l.qtyDelivered === 0 && l.qtyInvoiced === 0)) {
      before = o;
      break;
    }
  }
  if (!before) throw new Error('the demo company has no open order with headings');
  await openOrder(page, before.number);
  await expect(page.getByTestId('line-0-text')).toHaveValue('Materialer');
  await expect(page.getByTestId('line-0-row')).toHaveAttribute('data-kind', 'heading');

  // The first product line's quantity, changed by keyboard.
  await page.getByTestId('line-1-quantity').focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('7');
  await page.keyboard.press('Control+s');
  await expect.poll(async () => (await app.engine.ok('orders.get', { id: before.id })).version).toBeGreaterThan(before.version);
  const after = await app.engine.ok('orders.get', { id: before.id });
  expect(after.lines[0]!.quantity).toBe(7_000);
  expect(rowsOf(after)).toEqual(rowsOf(before));

  // Esc leaves the quantity cell if it is still being edited, then the order (a CI run's first Esc only ended the edit).
  await expect(async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('order-list')).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await openOrder(page, before.number);
  await expect(page.getByTestId('line-0-text')).toHaveValue('Materialer');
  const last = before.lines.length + before.textLines.length - 1;
  await expect(page.getByTestId(`line-${last}-text`)).toHaveValue(/^Leveres etter avtale/);
});

test('a heading and a text row by keyboard: in place, the group subtotal, Alt+↑/↓, Ctrl+Delete, saved and on the order confirmation', async ({ page, app }) => {
  await seed(page, app);
  await startOrder(page);
  await expect(page.locator('.order-footer')).toContainText('Ny overskrift');

  // Alt+H on the empty line: the heading takes its place, Enter goes on to the empty line.
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('line-0-text')).toBeFocused();
  await page.keyboard.type('Verktøy og virke');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-1-product')).toBeFocused();
  await line(page, 'BYG-1002', '3');
  await line(page, 'BYG-1001', '2');
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('line-3-text')).toBeFocused();
  await page.keyboard.type('Lys');
  await page.keyboard.press('Enter');
  await line(page, 'A-1', '1');
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('line-5-text')).toBeFocused();
  await page.keyboard.type('Leveres etter avtale');

  // Each heading shows the sum of its lines, excl. VAT: 3 × 212 + 2 × 189 and 1 × 499.
  await expect(page.getByTestId('line-0-subtotal')).toHaveText(kr('Sum gruppe 1 014,00'));
  await expect(page.getByTestId('line-3-subtotal')).toHaveText(kr('Sum gruppe 499,00'));

  // Alt+↑ moves the text row, Alt+↓ back; a second text row goes with Ctrl+Delete.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('line-4-text')).toHaveValue('Leveres etter avtale');
  await expect(page.getByTestId('line-4-text')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('line-5-text')).toBeFocused();
  await page.keyboard.press('Alt+n');
  await expect(page.getByTestId('line-6-text')).toBeFocused();
  await page.keyboard.type('Slettes');
  await page.keyboard.press('Control+Delete');
  await expect(page.getByTestId('line-6-text')).toHaveCount(0);
  // ↑ from a product line reaches the heading above it.
  await page.getByTestId('line-4-quantity').focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('line-3-text')).toBeFocused();

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('order-number')).toHaveText('10001');
  const id = (await app.engine.ok('orders.list', { startRow: 0, endRow: 5 })).rows[0]!.id;
  const order = await app.engine.ok('orders.get', { id });
  expect(rowsOf(order)).toEqual(['heading:Verktøy og virke', 'BYG-1002', 'BYG-1001', 'heading:Lys', 'A-1', 'text:Leveres etter avtale']);

  await page.keyboard.press('Escape');
  await openOrder(page, 10001);
  await expect(page.getByTestId('line-0-text')).toHaveValue('Verktøy og virke');
  await expect(page.getByTestId('line-5-text')).toHaveValue('Leveres etter avtale');
  await expect(page.getByTestId('line-0-subtotal')).toHaveText(kr('Sum gruppe 1 014,00'));
  await screenshot(page, 'lines-grid-headings');

  // The order confirmation prints the heading and its subtotal.
  const doc = await app.engine.ok('documents.render', { kind: 'order_confirmation', orderId: id });
  const text = pdfText(doc.pdfBase64);
  expect(text).toContain('Verktøy og virke');
  expect(text).toContain('Leveres etter avtale');
  expect(text).toContain('1 014,00');
  expect(text).toContain('499,00');
});

test('type-ahead: a product number typed right after Enter on the last cell goes into the new line', async ({ page, app }) => {
  await seed(page, app);
  await startOrder(page);
  // A slow machine: the new row is drawn well after the keys are typed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
  await page.keyboard.type('BYG-1002');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-0-quantity')).toBeFocused();
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  // No waiting: the next product number at once.
  await page.keyboard.type('BYG-1001');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.getByTestId('line-1-product')).toHaveValue('BYG-1001');
  await expect(page.getByTestId('line-1-product')).toBeFocused();
  await expect(page.getByTestId('line-0-discount')).toHaveValue('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-1-quantity')).toBeFocused();
  await expect(page.getByTestId('line-1-description')).toHaveValue('Konstruksjonsvirke 48x98 C24 impregnert, 4,8 m');
});

for (const width of [1280, 1440]) {
  test(`the Lev. column shows "12 lukket" whole at ${width} px`, async ({ page, app }) => {
    await page.setViewportSize({ width, height: 900 });
    const { plank2, customer } = await seed(page, app);
    const o = await app.engine.ok('orders.create', {
      header: { customerId: customer.id, orderType: 1, statusId: (await statusOf(app, 'confirmed')).id },
      lines: [{ productId: plank2.id, quantity: 20_000 }],
    });
    await app.engine.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 12_000 }], closeShort: [o.lines[0]!.id] });
    await openOrder(page, o.number);
    const cell = page.getByTestId('line-0-delivered');
    await expect(cell).toHaveText('12 lukket');
    const parent = page.locator('[data-testid=order-lines] .ag-row[row-index="0"] [col-id=delivered]');
    expect(await parent.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(page, `lines-grid-closed-short-${width}`);
  });
}
