// Issue 11, the screens after the invoice, on the demo company: the invoice
// screen (Alt+7) with its tabs, payments registered by keyboard (partly, then the
// rest: Delbetalt → Betalt, the order to Betalt), a bank file through the file
// picker with its match report and a transaction matched by hand, reminders for
// two customers with their PDF, the customer's open items and credit paid back,
// accounting (post, export SAF-T, what is new), and nothing clipped at 1280 and
// 1440 px on the invoice and accounting screens.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { InvoiceBalance } from '../../shared/channels/receivables';
import { formatAmount } from '../../shared/format';
import { ocrFile } from '../helpers/bankFiles';
import { atWidth, findClipped, layoutSettled } from './clipping';
import { expect, screenshot, test, type App } from './fixtures';
import { loadDemo } from './sales';

const today = (): string => new Date().toLocaleDateString('sv-SE');

/** Unpaid invoices of the demo company with a KID, from the engine, oldest first. */
async function unpaid(app: App, tab: 'unpaid' | 'overdue' = 'unpaid'): Promise<InvoiceBalance[]> {
  const page = await app.engine.ok('invoices.page', { startRow: 0, endRow: 500, tab, sortModel: [{ colId: 'number', sort: 'asc' }] });
  return page.rows.filter((r) => r.kind === 'invoice' && r.kid !== null && r.outstandingOre > 1000);
}

/** Alt+7, and the list has rows. */
async function openInvoiceScreen(page: Page): Promise<void> {
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('invoices-screen')).toBeVisible();
  await expect(page.locator('[data-testid=invoice-grid] .ag-row').first()).toBeVisible();
}

/** From the invoice screen: search the number, focus its row and open it with Enter. */
async function openInvoice(page: Page, number: number): Promise<void> {
  const search = page.getByTestId('invoice-search');
  const reloaded = page.waitForResponse((r) => r.url().includes('/api/call/invoices.page'));
  await search.fill(String(number));
  await reloaded;
  const cell = page.locator('[data-testid=invoice-grid] .ag-row [col-id=number]').filter({ hasText: new RegExp(`^${number}$`) });
  await expect(cell).toHaveCount(1);
  await expect(async () => {
    await cell.click();
    await expect(cell).toBeFocused({ timeout: 1000 });
  }).toPass();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('invoice-detail-title')).toHaveText(`Faktura ${number}`);
}

const kr = (ore: number) => formatAmount(ore);

/** The status kind of each order (by number), from the engine. */
async function orderKinds(app: App, numbers: readonly number[]): Promise<Map<number, string>> {
  const kinds = new Map<number, string>();
  for (const number of numbers) {
    const row = (await app.engine.ok('orders.list', { startRow: 0, endRow: 50, search: String(number) })).rows.find((r) => r.number === number);
    if (row) kinds.set(number, (await app.engine.ok('orders.get', { id: row.id })).statusKind);
  }
  return kinds;
}

test('the invoice screen: Alt+7, the tabs by keyboard, a partial payment and then the rest; the order follows to Betalt', async ({ page, app }) => {
  test.setTimeout(120_000);
  await loadDemo(page, app);
  // Not yet due: an overdue invoice stays Forfalt when partly paid.
  const invoice = (await unpaid(app)).find((r) => r.state === 'open' && r.paidOre === 0 && r.orderNumbers.length === 1);
  if (!invoice) throw new Error('the demo company has no unpaid invoice');
  await openInvoiceScreen(page);
  await expect(page.getByTestId('invoice-tab-all')).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'receivables-01-invoice-screen');

  // Alt+PageDown from the search box steps the tabs: Ubetalte, Forfalte; Alt+PageUp back.
  await page.getByTestId('invoice-search').focus();
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('invoice-tab-unpaid')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('invoice-tab-overdue')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid=invoice-grid] .ag-row [col-id=state]').first()).toHaveText('Forfalt');
  await screenshot(page, 'receivables-02-overdue-tab');
  await page.keyboard.press('Alt+PageUp');
  await page.keyboard.press('Alt+PageUp');
  await expect(page.getByTestId('invoice-tab-all')).toHaveAttribute('aria-selected', 'true');

  await openInvoice(page, invoice.number);
  await expect(page.getByTestId('invoice-detail-outstanding')).toHaveText(kr(invoice.outstandingOre));

  // Part of it: Alt+B, the amount starts as what is outstanding; type the half, Enter.
  const half = Math.floor(invoice.outstandingOre / 200) * 100;
  await page.keyboard.press('Alt+B');
  const amount = page.getByTestId('pay-amount');
  await expect(amount).toBeFocused();
  await expect(amount).toHaveValue(formatAmount(invoice.outstandingOre, { separator: ' ' }));
  await expect(page.getByTestId('pay-method-bank')).toBeChecked();
  await page.keyboard.type(formatAmount(half, { separator: ' ' }));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Nettbank 1');
  await screenshot(page, 'receivables-03-pay-dialog');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('pay-dialog')).toBeHidden();
  await expect(page.getByTestId('invoice-detail-state')).toHaveText('Delbetalt');
  await expect(page.getByTestId('invoice-detail-outstanding')).toHaveText(kr(invoice.outstandingOre - half));
  await expect(page.getByTestId('invoice-payment-0')).toContainText('Nettbank 1');
  await screenshot(page, 'receivables-04-partly-paid');

  // The rest: the amount starts as the rest; Enter.
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('pay-amount')).toHaveValue(formatAmount(invoice.outstandingOre - half, { separator: ' ' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('invoice-detail-state')).toHaveText('Betalt');
  await expect(page.getByTestId('invoice-detail-outstanding')).toHaveText('0,00');
  await expect(page.getByTestId('invoice-pay')).toBeDisabled();
  await screenshot(page, 'receivables-05-paid');

  // The order followed its invoice to the flow's Betalt.
  const orderNumber = invoice.orderNumbers[0]!;
  const order = (await app.engine.ok('orders.list', { startRow: 0, endRow: 50, search: String(orderNumber) })).rows.find((r) => r.number === orderNumber)!;
  expect((await app.engine.ok('orders.get', { id: order.id })).statusKind).toBe('paid');
  // And the clerk sees it there: the order link opens the order on the order screen.
  await page.getByTestId(`invoice-detail-order-${orderNumber}`).click();
  await expect(page.getByTestId('order-number')).toHaveText(String(orderNumber));
  await screenshot(page, 'receivables-06-order-paid');
});

test('an overpayment is said before saving and stays as credit; the customer screen shows open items and pays the credit back', async ({ page, app }) => {
  test.setTimeout(120_000);
  await loadDemo(page, app);
  const invoice = (await unpaid(app)).find((r) => r.paidOre === 0);
  if (!invoice) throw new Error('the demo company has no unpaid invoice');
  await openInvoiceScreen(page);
  await openInvoice(page, invoice.number);
  await page.keyboard.press('Alt+B');
  await expect(page.getByTestId('pay-amount')).toBeFocused();
  await page.keyboard.type(formatAmount(invoice.outstandingOre + 10_000, { separator: ' ' }));
  await expect(page.getByTestId('pay-overpaid')).toContainText('kr 100,00 mer enn utestående');
  await screenshot(page, 'receivables-07-overpayment');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('invoice-detail-state')).toHaveText('Betalt');
  await expect(page.getByTestId('invoice-detail-credit')).toHaveText('100,00');

  // The customer (Alt+2): open items with aging, and the credit paid back.
  const ledger = await app.engine.ok('ledger.customer', { customerId: invoice.customerId });
  await page.keyboard.press('Alt+2');
  const search = page.getByTestId('customer-list-search');
  await search.fill(String(invoice.customerNumber));
  const cell = page.locator('[data-testid=customer-list] .ag-row [col-id=number]').filter({ hasText: new RegExp(`^${invoice.customerNumber}$`) });
  await expect(cell).toHaveCount(1);
  // The list shows only the customer searched for before the row is chosen (an earlier answer would replace the row).
  await expect(page.locator('[data-testid=customer-list] .ag-row [col-id=number]')).toHaveCount(1);
  await cell.click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-items')).toBeVisible();
  await expect(page.getByTestId('open-items-total')).toHaveText(kr(ledger.totalOre));
  await expect(page.getByTestId('open-items-overdue')).toHaveText(kr(ledger.overdueOre));
  await expect(page.getByTestId('open-items-credit')).toContainText('100,00');
  await page.getByTestId('open-items').scrollIntoViewIfNeeded();
  await screenshot(page, 'receivables-08-open-items');
  await page.getByTestId('open-items-refund').click();
  await expect(page.getByTestId('refund-amount')).toHaveValue('100,00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-items-notice')).toContainText('100,00 er betalt tilbake');
  await expect(page.getByTestId('open-items-credit')).toHaveText('0,00');
  expect((await app.engine.ok('ledger.customer', { customerId: invoice.customerId })).creditOre).toBe(0);
});

test('a bank file through the file picker: the match report, and an unmatched payment matched by hand', async ({ page, app }) => {
  test.setTimeout(120_000);
  await loadDemo(page, app);
  const [first, second] = await unpaid(app);
  if (!first || !second) throw new Error('the demo company has too few unpaid invoices');
  // One by its KID; one with a KID no invoice has (the clerk finds the invoice by its number).
  const file = ocrFile([
    {
      number: 1,
      payments: [
        { kid: first.kid, amountOre: first.outstandingOre, date: today() },
        { kid: '0000000000018', amountOre: second.outstandingOre, date: today() },
      ],
    },
  ]);
  await openInvoiceScreen(page);
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'OCR-innbetalinger.txt', mimeType: 'text/plain', buffer: Buffer.from(file, 'latin1') });
  await expect(page.getByTestId('bank-report')).toBeVisible();
  await expect(page.getByTestId('bank-report-matched')).toHaveText('1');
  await expect(page.getByTestId('bank-report-unmatched')).toHaveText('1');
  await expect(page.getByTestId('bank-report-duplicates')).toHaveText('0');
  await expect(page.getByTestId('bank-report-rows-0')).toContainText(`Betalt faktura ${first.number}`);
  await expect(page.getByTestId('bank-report-rows-1')).toContainText('Ukjent KID');
  await screenshot(page, 'receivables-09-bank-report');

  await page.getByTestId('bank-report-manual').click();
  await expect(page.getByTestId('bank-manual-dialog')).toBeVisible();
  const lookup = page.getByTestId('bank-invoice-lookup');
  await expect(lookup).toBeFocused();
  await page.keyboard.type(String(second.number));
  await expect(page.getByTestId('bank-candidate-0')).toContainText(String(second.number));
  await expect(page.getByTestId('bank-candidate-0').locator('td').first()).toHaveText(String(second.number));
  await screenshot(page, 'receivables-10-manual-match');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bank-manual-notice')).toContainText(`faktura ${second.number}`);
  await expect(page.getByTestId('bank-manual-empty')).toBeVisible();
  await page.keyboard.press('Escape');
  expect((await app.engine.ok('invoices.detail', { invoiceId: first.invoiceId })).balance.state).toBe('paid');
  expect((await app.engine.ok('invoices.detail', { invoiceId: second.invoiceId })).balance.state).toBe('paid');

  // The same file again pays nothing twice.
  await page.getByTestId('bank-file-input').setInputFiles({ name: 'OCR-igjen.txt', mimeType: 'text/plain', buffer: Buffer.from(file, 'latin1') });
  await expect(page.getByTestId('bank-import-error')).toBeVisible();
  await screenshot(page, 'receivables-11-same-file-again');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bank-import-error')).toBeHidden();
  expect((await app.engine.ok('invoices.detail', { invoiceId: second.invoiceId })).balance.paidOre).toBe(second.outstandingOre + second.paidOre);
});

test('reminders for two customers from the overdue tab: sent and archived, orders in Fakturert to Purret, the PDF saved', async ({ page, app }) => {
  test.setTimeout(120_000);
  // A larger demo year: most of the demo's invoices are paid, and enough customers are left overdue.
  await loadDemo(page, app, 150);
  const candidates = await app.engine.ok('reminders.candidates', {});
  expect(candidates.length).toBeGreaterThanOrEqual(2);
  // The demo company has reminded before: what this batch adds is what counts.
  const before = new Set((await app.engine.ok('reminders.list', {})).map((r) => r.id));
  // Two customers, those whose reminded orders wait in Fakturert first (they are the ones that move to Purret).
  const ordersOf = new Map<number, number[]>();
  for (const c of candidates) {
    const numbers: number[] = [];
    for (const inv of c.invoices) numbers.push(...(await app.engine.ok('invoices.detail', { invoiceId: inv.invoiceId })).balance.orderNumbers);
    ordersOf.set(c.customerId, numbers);
  }
  const kindsBefore = await orderKinds(app, [...ordersOf.values()].flat());
  const waiting = (c: (typeof candidates)[number]) => (ordersOf.get(c.customerId) ?? []).some((n) => kindsBefore.get(n) === 'invoiced');
  const chosen = [...candidates.filter(waiting), ...candidates.filter((c) => !waiting(c))].slice(0, 2);
  const remindedOrders = chosen.flatMap((c) => ordersOf.get(c.customerId) ?? []);
  const wasKinds = await orderKinds(app, remindedOrders);
  await openInvoiceScreen(page);
  // The company's ledger first (Alt+O): who owes what, by age.
  await page.keyboard.press('Alt+O');
  await expect(page.getByTestId('aging-rows')).toBeVisible();
  const aging = await app.engine.ok('ledger.aging', {});
  await expect(page.getByTestId('aging-total')).toHaveText(kr(aging.totals.totalOre));
  await screenshot(page, 'receivables-12a-aging');
  await page.keyboard.press('Escape');
  await page.getByTestId('invoice-tab-overdue').click();
  await page.keyboard.press('Alt+R');
  await expect(page.getByTestId('reminders-dialog')).toBeVisible();
  await expect(page.getByTestId('reminders-row-0')).toContainText(candidates[0]!.customerName);
  expect(chosen).toHaveLength(2);
  // Space on a customer's box leaves it out: all but the two chosen.
  for (const [i, c] of candidates.entries()) {
    if (chosen.includes(c)) continue;
    await page.getByTestId(`reminders-row-${i}-check`).focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId(`reminders-row-${i}-check`)).not.toBeChecked();
  }
  await expect(page.getByTestId('reminders-what')).toContainText(`2 av ${candidates.length} kunder valgt`);
  await screenshot(page, 'receivables-12-reminders');
  await page.getByTestId('reminders-dialog-submit').click();
  await expect(page.getByTestId('reminders-sent')).toBeVisible();
  await expect(page.getByTestId('reminders-summary')).toHaveText('2 purringer er laget og arkivert.');
  const download = page.waitForEvent('download');
  await page.getByTestId('reminders-save').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^purringer-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(readFileSync(await saved.path()).subarray(0, 5).toString()).toBe('%PDF-');
  await expect(page.getByTestId('reminders-notice')).toContainText('lastet ned');
  await screenshot(page, 'receivables-13-reminders-sent');
  const sent = (await app.engine.ok('reminders.list', {})).filter((r) => !before.has(r.id));
  expect(sent.every((r) => r.documentId !== null)).toBe(true);
  expect(new Set(sent.map((r) => r.customerId))).toEqual(new Set(chosen.map((c) => c.customerId)));
  // The orders that waited in Fakturert are now Purret (on the merged demo year the overdue invoices' orders may already be in Betalt; see the report).
  const after = await orderKinds(app, remindedOrders);
  for (const [number, kind] of wasKinds) if (kind === 'invoiced') expect(after.get(number), `order ${number}`).toBe('reminded');
  await page.keyboard.press('Escape');
  // The invoices show their reminder level.
  const number = chosen[0]!.invoices[0]!.number;
  await openInvoice(page, number);
  await expect(page.getByTestId('invoice-reminders')).toBeVisible();
});

test('accounting (Alt+8): post a batch, export SAF-T for the year, saved as a file that says what is new', async ({ page, app }) => {
  test.setTimeout(120_000);
  await loadDemo(page, app);
  await page.keyboard.press('Alt+8');
  await expect(page.getByTestId('accounting-screen')).toBeVisible();
  // The demo company posts cash sales by hand: they wait here.
  const unposted = await app.engine.ok('accounting.batches', { state: 'unposted' });
  expect(unposted.rowCount).toBeGreaterThan(0);
  {
    const cell = page.locator('[data-testid=batch-grid] .ag-row[row-index="0"] [col-id=date]');
    await expect(cell).toBeVisible();
    await cell.click();
    await page.keyboard.press('Shift+Space');
    await expect(page.getByTestId('batches-post')).toContainText('Bokfør 1 valgt');
    await screenshot(page, 'receivables-14-batches');
    await page.keyboard.press('Alt+B');
    await expect(page.getByTestId('batches-notice')).toHaveText('1 bunt er bokført.');
    expect((await app.engine.ok('accounting.batches', { state: 'unposted' })).rowCount).toBe(unposted.rowCount - 1);
  }
  await page.getByTestId('batch-tab-posted').click();
  await expect(page.locator('[data-testid=batch-grid] .ag-row').first()).toBeVisible();
  await page.locator('[data-testid=batch-grid] .ag-row[row-index="0"] [col-id=reference]').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('batch-dialog')).toBeVisible();
  await screenshot(page, 'receivables-15-batch-vouchers');
  await page.keyboard.press('Escape');

  // Export: Alt+PageDown to the export view; the year so far, SAF-T; Enter.
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('export-view')).toBeVisible();
  const year = today().slice(0, 4);
  await page.getByTestId('export-from').fill(`01.01.${year}`);
  await page.getByTestId('export-to').fill(`31.12.${year}`);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-to').press('Enter');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xml$/);
  expect(readFileSync(await file.path(), 'utf8')).toContain('AuditFile');
  await expect(page.getByTestId('export-notice')).toContainText('nye bunter');
  await screenshot(page, 'receivables-16-export');
  // A second export of the period: nothing new.
  const again = page.waitForEvent('download');
  await page.getByTestId('export-run').click();
  await again;
  await expect(page.getByTestId('export-notice')).toContainText('0 nye bunter');

  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('trial-view')).toBeVisible();
  await expect(page.getByTestId('trial-total')).toHaveText('0,00');
  await screenshot(page, 'receivables-17-trial-balance');
  await page.keyboard.press('Alt+PageDown');
  await expect(page.getByTestId('mapping-view')).toBeVisible();
  await screenshot(page, 'receivables-18-mapping');
});

test.describe('layout', () => {
  // One retry: in one CI run (on a loaded machine) the invoice list at 1280 px never held its widths for two
  // frames within the time; it did not happen again here, under load or not. A second failure still fails.
  test.describe.configure({ retries: 1 });
  for (const width of [1280, 1440]) {
    test(`nothing is clipped at ${width} px on the invoice and accounting screens`, async ({ page, app }) => {
      test.setTimeout(120_000);
      await loadDemo(page, app);
      await atWidth(page, width);
      const problems: string[] = [];
      const check = async (name: string) => {
        await layoutSettled(page);
        await screenshot(page, `layout-${width}-${name}`);
        for (const c of await findClipped(page)) problems.push(`${name}: ${c.where} «${c.text}» ${c.needs}>${c.has}`);
      };
      await openInvoiceScreen(page);
      await check('invoices');
      const invoice = (await unpaid(app, 'overdue'))[0];
      if (invoice) {
        await openInvoice(page, invoice.number);
        await check('invoice-detail');
      }
      await page.keyboard.press('Alt+8');
      await expect(page.getByTestId('accounting-screen')).toBeVisible();
      await check('accounting');
      await page.keyboard.press('Alt+PageDown');
      await check('accounting-export');
      expect(problems).toEqual([]);
    });
  }
});

test('company settings: Avslutt betalte ordrer and Purregebyr, with the legal maximum refused at the field', async ({ page, app }) => {
  await loadDemo(page, app);
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('company-form')).toBeVisible();
  const fee = page.getByTestId('company-reminderFee');
  await fee.fill('500,00');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('company-reminderFee-error')).toContainText('Purregebyret kan ikke være høyere enn');
  await expect(fee).toBeFocused();
  await fee.scrollIntoViewIfNeeded();
  await screenshot(page, 'receivables-19-company-fee-refused');
  await fee.fill('35,00');
  await page.getByTestId('company-closeWhenPaid').check();
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('company-notice')).toHaveText('Firmaopplysningene er lagret.');
  const company = await app.engine.ok('company.get', {});
  expect(company?.reminderFeeOre).toBe(3500);
  expect(company?.closeWhenPaid).toBe(true);
});
