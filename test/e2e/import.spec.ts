// Issue 13, import: a customer file with an error is previewed and its error named
// by row and column, the fixed file goes in, and the customers are in the list; a
// product file whose headers the engine cannot guess is mapped by hand (remembered).
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, screenshot, seedCompany, test } from './fixtures';
import { findClipped } from './clipping';

/** A CSV as a Norwegian Excel saves it: `;`, CRLF, Windows-1252. */
const cp1252Csv = (rows: readonly (readonly string[])[]): Buffer => Buffer.from(rows.map((r) => r.join(';')).join('\r\n') + '\r\n', 'latin1');

const CUSTOMERS = [
  ['Navn', 'Org.nr.', 'Adresse', 'Postnr.', 'Poststed', 'E-post', 'Telefon'],
  ['Fjellbekk Rør AS', '974760673', 'Bekkeveien 4', '5003', 'Bergen', 'post@fjellbekk.no', '55 12 34 56'],
  ['Ærlige Øystein Ås', '', 'Åsveien 12', '0150', 'Oslo', '', '412 34 567'],
  ['Nordlys Elektro AS', '923609017', 'Storgata 1', '9008', 'Tromsø', 'ordre@nordlys.no', '77 60 00 00'],
  ['Sørlandet Bygg AS', '986116168', 'Havnegata 3', '4610', 'Kristiansand', '', '38 00 00 00'],
];

/** Picks a file the way a clerk does: the choose button opens the system's file dialog. */
async function pickFile(page: Page, name: string, bytes: Buffer, how: 'enter' | 'alt+v') {
  const chooser = page.waitForEvent('filechooser');
  if (how === 'enter') {
    await expect(page.getByTestId('import-choose')).toBeFocused();
    await page.keyboard.press('Enter');
  } else await page.keyboard.press('Alt+v');
  const mimeType = name.endsWith('.xlsx') ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : name.endsWith('.csv') ? 'text/csv' : 'text/plain';
  await (await chooser).setFiles({ name, mimeType, buffer: bytes });
}

test('customers: a file with an error is previewed with the error by row and column; the fixed file goes in and is in the list', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+2');
  await expect(page.getByTestId('customers-screen')).toBeVisible();
  await expect(page.getByTestId('import-open')).toContainText('Importer');
  await page.keyboard.press('Alt+i');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Importer kunder' })).toBeVisible();
  await expect(page.getByTestId('import-dialog-submit')).toBeDisabled();

  await pickFile(page, 'kunder.csv', cp1252Csv(CUSTOMERS), 'enter');
  await expect(page.getByTestId('import-file-name')).toContainText('kunder.csv · CSV, semikolon, windows-1252 · 4 rader');
  await expect(page.getByTestId('import-mapping-source')).toHaveText('(foreslått fra overskriftene)');
  await expect(page.getByTestId('import-map-name')).toHaveValue('Navn');
  await expect(page.getByTestId('import-map-orgNumber')).toHaveValue('Org.nr.');
  await expect(page.getByTestId('import-map-postalCode')).toHaveValue('Postnr.');
  await expect(page.getByTestId('import-preview-row-3')).toContainText('Ærlige Øystein Ås');
  await expect(page.getByTestId('import-error-count')).toHaveText('1 feil må rettes før importen');
  await expect(page.getByTestId('import-issue')).toHaveText(
    'Rad 4, kolonne «Org.nr.»: Organisasjonsnummeret er ugyldig: det må ha 9 siffer og riktig kontrollsiffer (MOD11).',
  );
  await expect(page.getByTestId('import-preview-row-4').locator('.import-cell-error')).toHaveText('923609017');
  await expect(page.getByTestId('import-dialog-submit')).toBeDisabled();
  await expect(page.getByTestId('import-dialog-submit')).toContainText('Importer 4 rader');
  expect(await findClipped(page, { root: '[data-testid=import-dialog]' })).toEqual([]);
  await screenshot(page, 'import-customers-error');
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await findClipped(page, { root: '[data-testid=import-dialog]' })).toEqual([]);
  await screenshot(page, 'import-customers-error-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  expect((await app.engine.ok('customers.list', {})).total).toBe(0);

  // The clerk fixes the organisation number in the file and picks it again.
  const fixed = CUSTOMERS.map((r) => r.map((c) => (c === '923609017' ? '923609016' : c)));
  await pickFile(page, 'kunder.csv', cp1252Csv(fixed), 'alt+v');
  await expect(page.getByTestId('import-no-errors')).toHaveText('Ingen feil: alle 4 radene kan importeres.');
  await expect(page.getByTestId('import-dialog-submit')).toBeEnabled();
  await screenshot(page, 'import-customers-ready');
  await page.getByTestId('import-dialog-submit').click();
  await expect(page.getByTestId('import-result')).toHaveText('4 kunder er importert (kundenr. 10001–10004).');
  await screenshot(page, 'import-customers-done');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  const list = page.getByTestId('customer-list');
  for (const name of ['Fjellbekk Rør AS', 'Ærlige Øystein Ås', 'Nordlys Elektro AS', 'Sørlandet Bygg AS']) await expect(list).toContainText(name);
  await screenshot(page, 'import-customers-list');
});

test('products: headers the engine cannot guess are mapped by hand, the rows go in with their stock, and the mapping is remembered', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('products-screen')).toBeVisible();
  const file = Buffer.from(
    ['Artikkel\tBetegnelse\tUtpris\tKostpris\tLager', 'SK-10\tSkrue 4x40, eske 200\t1 249,00\t610,50\t12', 'SK-11\tSkrue 5x60, eske 100\t899.5\t400\t3,5'].join('\n'),
    'utf8',
  );
  await page.getByTestId('import-open').click();
  await pickFile(page, 'varer.txt', file, 'enter');
  await expect(page.getByTestId('import-file-name')).toContainText('CSV, tabulator, utf-8 · 2 rader');
  await expect(page.getByTestId('import-map-number')).toHaveValue('');
  await expect(page.getByTestId('import-issue')).toHaveText(['Rad 1: Feltet «Varenr.» må kobles til en kolonne i filen.', 'Rad 1: Feltet «Navn» må kobles til en kolonne i filen.']);
  await screenshot(page, 'import-products-unmapped');

  await page.getByTestId('import-map-number').selectOption('Artikkel');
  await page.getByTestId('import-map-name').selectOption('Betegnelse');
  await page.getByTestId('import-map-openingQty').selectOption('Lager');
  await expect(page.getByTestId('import-mapping-source')).toHaveText('(slik du har valgt)');
  await expect(page.getByTestId('import-no-errors')).toBeVisible();
  await page.getByTestId('import-dialog-submit').click();
  await expect(page.getByTestId('import-result')).toHaveText('2 produkter er importert, med inngående beholdning der filen har den.');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('product-list')).toContainText('Skrue 4x40, eske 200');
  const products = await app.engine.ok('products.list', {});
  expect(products.rows.map((p) => [p.number, p.priceOre, p.costOre, p.qtyOnHand])).toEqual([
    ['SK-10', 124900, 61050, 12000],
    ['SK-11', 89950, 40000, 3500],
  ]);

  // The next file from the same system is mapped as this one was.
  await page.keyboard.press('Alt+i');
  await pickFile(page, 'varer2.txt', Buffer.from('Artikkel\tBetegnelse\tUtpris\nSK-12\tSkrue 6x80\t99\n', 'utf8'), 'enter');
  await expect(page.getByTestId('import-mapping-source')).toHaveText('(husket fra forrige import)');
  await expect(page.getByTestId('import-map-number')).toHaveValue('Artikkel');
  await expect(page.getByTestId('import-map-name')).toHaveValue('Betegnelse');
  await expect(page.getByTestId('import-dialog-submit')).toContainText('Importer 1 rad');
  await screenshot(page, 'import-products-remembered');
});

test('suppliers: an Excel file (.xlsx) goes in, numbered from the supplier series', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+6');
  await expect(page.getByTestId('suppliers-screen')).toBeVisible();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Leverandører');
  ws.addRow(['Leverandørnavn', 'Org.nr.', 'Postnr.', 'Poststed', 'Betalingsfrist', 'Kontaktperson']);
  ws.addRow(['Rørgrossisten AS', 974760673, 150, 'Oslo', 30, 'Per Hansen']);
  ws.addRow(['Verktøy Engros AS', '923 609 016', '5003', 'Bergen', 14, null]);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await page.keyboard.press('Alt+i');
  await expect(page.getByTestId('import-dialog').getByRole('heading', { name: 'Importer leverandører' })).toBeVisible();
  await pickFile(page, 'leverandører.xlsx', bytes, 'enter');
  await expect(page.getByTestId('import-file-name')).toContainText('Excel, arket «Leverandører» · 2 rader');
  await expect(page.getByTestId('import-preview-row-2')).toContainText('Rørgrossisten AS');
  await expect(page.getByTestId('import-no-errors')).toBeVisible();
  await screenshot(page, 'import-suppliers-xlsx');
  await page.getByTestId('import-dialog-submit').click();
  await expect(page.getByTestId('import-result')).toContainText('2 leverandører er importert');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('supplier-list')).toContainText('Verktøy Engros AS');
  const rows = (await app.engine.ok('suppliers.list', {})).rows;
  expect(rows.map((r) => [r.name, r.orgNumber, r.postalCode, r.paymentTermsDays])).toEqual([
    ['Rørgrossisten AS', '974760673', '0150', 30],
    ['Verktøy Engros AS', '923609016', '5003', 14],
  ]);
});
