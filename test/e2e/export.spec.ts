// Issue 13, export: the clerk filters and sorts the order list, presses Ctrl+E
// then E (Excel) or C (CSV), and the file downloaded holds exactly the rows the
// list shows, in its order (checked against the paging channel's own rows); the
// customer register exports its search the same way.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import { loadDemo } from './sales';

function csvRows(file: Buffer): string[][] {
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = file.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  // The order list's names and references hold no quotes, semicolons or line breaks, so a split reads them.
  return text
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(';'));
}

async function downloaded(page: Page, key: string): Promise<{ download: Download; bytes: Buffer }> {
  const download = page.waitForEvent('download');
  await page.keyboard.press(key);
  const d = await download;
  return { download: d, bytes: readFileSync(await d.path()) };
}

/** The date in the file name: today, as the engine has it. */
const isoToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

test('order list: filtered and sorted, exported with Ctrl+E then E and C, holds the rows the list shows', async ({ page, app }) => {
  await loadDemo(page, app, 80);
  const grid = page.getByTestId('order-grid');
  const header = (colId: string) => grid.locator(`.ag-header-cell[col-id=${colId}]`);

  // Filter the customer name through the column's filter, as the clerk would.
  const filtered = page.waitForRequest((r) => r.url().includes('/api/call/orders.list') && (r.postData() ?? '').includes('customerName'));
  await header('customerName').locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter input[type=text]').first().fill('bygg');
  await filtered;
  await page.keyboard.press('Escape');
  // Sort by the net total: a click on its header.
  const sorted = page.waitForRequest((r) => r.url().includes('/api/call/orders.list') && (r.postData() ?? '').includes('totalNetOre'));
  await header('totalNetOre').locator('.ag-header-cell-label').click();
  await sorted;
  const query = {
    filterModel: { customerName: { filterType: 'text', type: 'contains', filter: 'bygg' } },
    sortModel: [{ colId: 'totalNetOre', sort: 'asc' }],
  } as const;
  const listed = await app.engine.ok('orders.list', { ...query, startRow: 0, endRow: 1000 });
  expect(listed.rowCount).toBeGreaterThan(1);
  await expect(page.getByTestId('order-row-count')).toContainText(String(listed.rowCount));
  await expect(page.getByTestId('export-orders')).toBeVisible();
  await screenshot(page, 'export-1-order-list-filtered');

  // Ctrl+E opens the choice; E saves Excel.
  await page.keyboard.press('Control+e');
  const dialog = page.getByTestId('list-export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Eksporter ordrelisten');
  await screenshot(page, 'export-2-dialog');
  const xlsx = await downloaded(page, 'e');
  expect(xlsx.download.suggestedFilename()).toBe(`Ordrer ${isoToday()}.xlsx`);
  await expect(dialog).toBeHidden();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0]!;
  expect(sheet.name).toBe('Ordrer');
  expect(sheet.getRow(1).getCell(1).value).toBe('Ordrenr.');
  const numbers: number[] = [];
  const nets: number[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    numbers.push(row.getCell(1).value as number);
    nets.push(row.getCell(9).value as number);
  });
  expect(numbers).toEqual(listed.rows.map((r) => r.number));
  expect(nets).toEqual(listed.rows.map((r) => r.totalNetOre / 100));
  expect(listed.rows.every((r) => /bygg/i.test(r.customerName))).toBe(true);

  // Ctrl+E then C: the same rows as CSV, for Norwegian Excel.
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  const csv = await downloaded(page, 'c');
  expect(csv.download.suggestedFilename()).toBe(`Ordrer ${isoToday()}.csv`);
  const [head, ...rows] = csvRows(csv.bytes);
  expect(head!.slice(0, 3)).toEqual(['Ordrenr.', 'Ordredato', 'Kunde']);
  expect(rows.map((r) => Number(r[0]))).toEqual(listed.rows.map((r) => r.number));
  expect(rows[0]![1]).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
  expect(rows[0]![8]).toMatch(/^-?\d+,\d{2}$/);
  // Focus is back in the list after the dialog.
  await expect(dialog).toBeHidden();
  await screenshot(page, 'export-3-after');
});

test('customers: the search exported with the toolbar button, Esc closes the choice; layout at 1280 wide', async ({ page, app }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await loadDemo(page, app, 20);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('customers-screen')).toBeVisible();
  await page.getByTestId('customer-list-search').fill('bergen');
  const searched = await app.engine.ok('customers.list', { search: 'bergen' });
  expect(searched.total).toBeGreaterThan(0);
  await expect(page.getByTestId('customer-list-count')).toContainText(String(searched.total));
  await screenshot(page, 'export-4-customers-1280');

  await page.getByTestId('export-customers').click();
  const dialog = page.getByTestId('list-export-dialog');
  await expect(dialog).toContainText('Eksporter kundelisten');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  const csv = await downloaded(page, 'c');
  expect(csv.download.suggestedFilename()).toBe(`Kunder ${isoToday()}.csv`);
  const [head, ...rows] = csvRows(csv.bytes);
  expect(head).toEqual(['Kundenr.', 'Navn', 'Type', 'Org.nr.', 'Poststed', 'Telefon', 'Kredittgrense']);
  expect(rows.map((r) => r[1])).toEqual(searched.rows.map((r) => r.name));
  expect(rows.map((r) => r[1]).join(' ')).toMatch(/[æøåÆØÅ]|Bergen/);
});
