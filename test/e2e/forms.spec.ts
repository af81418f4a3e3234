// Refusals reach the clerk in Norwegian, next to the field they name, and follow
// the language switch; the product and settings forms save through the engine.
import { isValidEan } from '../../shared/checks';
import { expect, screenshot, seedCompany, test } from './fixtures';

/** EAN-13: the check digit for 12 digits (weights 3 and 1 from the right). */
function withCheckDigit(body: string): string {
  const sum = [...body].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (sum % 10)) % 10);
}

const NB_ORG = 'Organisasjonsnummeret er ugyldig: det må ha 9 siffer og riktig kontrollsiffer (MOD11).';
const EN_ORG = 'The organisation number is invalid: it needs 9 digits and a correct check digit (MOD11).';

test('a bad organisation number is refused in Norwegian by the field, and in English after the switch', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('customer-kind-business')).toBeChecked();
  await page.getByTestId('customer-orgNumber').fill('123 456 789');
  await page.getByTestId('customer-name').fill('Feilnummer AS');
  await page.keyboard.press('Control+s');

  const error = page.getByTestId('customer-orgNumber-error');
  await expect(error).toHaveText(NB_ORG);
  await expect(page.getByTestId('customer-orgNumber')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('customer-orgNumber')).toBeFocused();
  await expect(page.getByTestId('customer-error')).toHaveCount(0); // by the field, not in a banner
  await screenshot(page, 'customer-refusal-nb');
  expect((await app.engine.ok('customers.list', {})).total).toBe(0);

  await page.getByTestId('language-select').selectOption('en');
  await expect(error).toHaveText(EN_ORG);
  await expect(page.getByTestId('nav-customers')).toContainText('Customers');
  await screenshot(page, 'customer-refusal-en');
  await expect(page.locator('label', { hasText: 'Organisation number' })).toBeVisible();
  await page.getByTestId('language-select').selectOption('nb');
  await expect(error).toHaveText(NB_ORG);

  // Fixed, it saves; the business customer keeps the digits only.
  await page.getByTestId('customer-orgNumber').fill('974 760 673');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('customer-notice')).toHaveText('Kunde 10001 Feilnummer AS er lagret.');
  await expect(error).toHaveCount(0);
  const list = await app.engine.ok('customers.list', {});
  expect(list.rows.map((c) => [c.number, c.orgNumber])).toEqual([[10001, '974760673']]);
  await expect(page.locator('[data-testid=customer-list] .ag-row[row-index="0"] [col-id=name]')).toHaveText('Feilnummer AS');
});

test('a business customer without organisation number, and a contact with a bad phone, are refused by field', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+2');
  await page.keyboard.press('F2');
  await page.getByTestId('customer-name').fill('Uten Nummer AS');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('customer-orgNumber-error')).toHaveText('En bedriftskunde må ha organisasjonsnummer.');

  await page.getByTestId('customer-orgNumber').fill('974760673');
  await page.getByTestId('customer-contact-0-name').fill('Per Hansen');
  await page.getByTestId('customer-contact-0-phone').fill('12');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('customer-contact-0-phone-error')).toHaveText('Ugyldig telefonnummer.');
  await expect(page.getByTestId('customer-orgNumber-error')).toHaveCount(0);
  expect((await app.engine.ok('customers.list', {})).total).toBe(0);
});

test('a product is made in the product form; a bad EAN is refused by the field', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('product-list-search')).toBeFocused();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('product-number')).toBeFocused();
  await page.keyboard.type('KAFFE-1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Kaffe hele bønner 1 kg');
  await page.getByTestId('product-price').fill('129,00');
  await page.getByTestId('product-vatCode').selectOption('15');
  await page.getByTestId('product-binLocation').fill('A-12-3');
  await page.getByTestId('product-ean').fill('7038010009458');
  expect(isValidEan('7038010009458')).toBe(false);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('product-ean-error')).toHaveText('EAN-koden er ugyldig: 8 eller 13 siffer med riktig kontrollsiffer.');

  const valid = withCheckDigit('703801000945');
  expect(isValidEan(valid)).toBe(true);
  await page.getByTestId('product-ean').fill(valid);
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('product-notice')).toHaveText('Produkt KAFFE-1 er lagret.');
  const products = await app.engine.ok('products.list', {});
  expect(products.rows.map((p) => [p.number, p.priceOre, p.vatCode, p.binLocation, p.ean, p.stockManaged])).toEqual([
    ['KAFFE-1', 12900, '15', 'A-12-3', valid, true],
  ]);
  const row = page.locator('[data-testid=product-list] .ag-row[row-index="0"]');
  await expect(row.locator('[col-id=priceOre]')).toHaveText('129,00');
  await expect(row.locator('[col-id=vatCode]')).toHaveText('15\u00a0%');
  await screenshot(page, 'product-saved');
});

test('a product sold outside the VAT act has its own VAT code, not a second 0 % (SPEC 9)', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+3');
  await expect(page.getByTestId('product-list-search')).toBeFocused();
  await page.keyboard.press('F2');
  await page.keyboard.type('GAVE-1');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Gavekort 500 kr');
  await page.getByTestId('product-price').fill('500,00');
  const vat = page.getByTestId('product-vatCode');
  await expect(vat.locator('option')).toHaveText(['25 % (høy sats)', '15 % (næringsmidler)', '12 % (lav sats)', '0 % (fritatt for mva)', 'Utenfor mva-loven']);
  await vat.selectOption('outside');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('product-notice')).toHaveText('Produkt GAVE-1 er lagret.');
  expect((await app.engine.ok('products.list', {})).rows.map((p) => [p.number, p.vatCode])).toEqual([['GAVE-1', 'outside']]);
  const row = page.locator('[data-testid=product-list] .ag-row[row-index="0"]');
  await expect(row.locator('[col-id=vatCode]')).toHaveText('Utenfor');
  await row.locator('[col-id=vatCode]').scrollIntoViewIfNeeded();
  await screenshot(page, 'product-outside-vat');
});

test('settings: the company form refuses a bad bank account in Norwegian and saves a good one', async ({ page, app }) => {
  await seedCompany(page, app);
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('company-name')).toHaveValue('Fjordlager AS');
  await expect(page.getByTestId('company-statusPreset')).toBeDisabled();
  await page.getByTestId('company-bankAccount').fill('1234.56.78901');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('company-bankAccount-error')).toHaveText(
    'Kontonummeret er ugyldig: det må ha 11 siffer og riktig kontrollsiffer (MOD11).',
  );
  await page.getByTestId('company-bankAccount').fill('1503.12.34562');
  await page.getByTestId('company-name').fill('Fjordlager Vest AS');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('company-notice')).toHaveText('Firmaopplysningene er lagret.');
  await expect(page.getByTestId('topbar-company')).toHaveText('Fjordlager Vest AS');
  await screenshot(page, 'settings');
  expect((await app.engine.ok('company.get', {}))?.bankAccount).toBe('15031234562');
});
