// Issue 5: purchasing through the UI. Master data (company and its purchase
// options, suppliers, products) comes through the channels; the purchase
// orders themselves are typed, answered, shipped, received, invoiced, scanned
// and suggested through the screens, by keyboard where a clerk would use it.
import type { Page } from '@playwright/test';
import { expect, kr, screenshot, test } from './fixtures';
import { DRILL_EAN, SCREW_EAN, UNKNOWN_EAN, expectStockValue, openPurchase, seedPurchasing } from './purchasing';

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

const status = (page: Page) => page.getByTestId('po-status');

/** Back to the purchase list (Alt+5, Esc out of the order) and check the count on a status tab. */
async function expectTab(page: Page, key: string, count: number) {
  await page.keyboard.press('Alt+5');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('purchase-list')).toBeVisible();
  await expect(page.getByTestId(`po-tab-count-${key}`)).toHaveText(String(count));
}

test('inquiry → order → partially confirmed (changed price) → partially shipped → received in two parts → invoiced by two supplier invoices; stock and value follow', async ({
  page,
  app,
}) => {
  await seedPurchasing(page, app, { reply: true, dispatch: true, reception: true });
  const kb = page.keyboard;

  // ---- The inquiry, typed --------------------------------------------------------
  await kb.press('Alt+5');
  await expect(page.getByTestId('purchase-list')).toBeVisible();
  await expect(page.getByTestId('nav-purchasing')).toHaveAttribute('aria-current', 'page');
  await kb.press('F2');
  await expect(page.getByTestId('po-supplier')).toBeFocused();
  await kb.type('Verktøy');
  await expect(page.getByTestId('po-supplier-options-0')).toBeVisible();
  await kb.press('Enter');
  await expect(page.getByTestId('po-supplier-number')).not.toBeEmpty();
  await expect(page.getByTestId('po-paymentTermsDays')).toHaveValue('30');
  await page.getByTestId('po-orderType').selectOption('5');
  await kb.press('Alt+l');
  await typeAndEnter(page, 'BOR-18');
  await typeAndEnter(page, '10');
  // The price is the product's cost price (what we pay), not its sales price.
  await expect(page.getByTestId('pline-0-price')).toHaveValue('600,00');
  await kb.press('Enter'); // → discount
  await kb.press('Enter'); // → next line
  await expect(page.getByTestId('pline-1-product')).toBeFocused();
  await typeAndEnter(page, 'SAG-190');
  await typeAndEnter(page, '20');
  await expect(page.getByTestId('pline-1-description')).toHaveValue('Sagblad 190 mm');
  await expect(page.getByTestId('pline-1-price')).toHaveValue('110,00');
  await kb.press('Control+s');
  const number = Number(await page.getByTestId('po-number').textContent());
  expect(number).toBeGreaterThan(0);
  await expect(page.getByTestId('po-title')).toContainText(`Forespørsel ${number}`);
  await expect(status(page)).toHaveText('Til behandling');
  await expect(page.getByTestId('po-type')).toHaveText('5 Forespørsel');
  // An inquiry is not processed: no order response yet, and it says why.
  await expect(page.getByTestId('po-action-reply')).toBeDisabled();
  await expect(page.getByTestId('po-action-reply')).toHaveAttribute('title', /Ordretypen 5 Forespørsel behandles ikke/);
  // 10 × 600,00 + 20 × 110,00 = 8 200,00 + 25 % MVA = 10 250,00.
  await expect(page.getByTestId('totals-gross')).toHaveText(kr('10 250,00'));
  await screenshot(page, 'purchase-1-inquiry');

  // ---- Inquiry → order (Alt+O) ---------------------------------------------------------
  await kb.press('Alt+o');
  await expect(page.getByTestId('po-type')).toHaveText('1 Normal');
  await expect(page.getByTestId('po-title')).toContainText(`Innkjøpsordre ${number}`);
  await expect(page.getByTestId('po-notice')).toHaveText(`Forespørselen er nå innkjøpsordre ${number} (1 Normal).`);
  await expect(status(page)).toHaveText('Til behandling');

  // ---- The supplier's reply (Alt+S): line 1 as ordered, line 2 at a changed price -----------
  await kb.press('Alt+s');
  const reply = page.getByTestId('reply-dialog');
  await expect(reply).toBeVisible();
  await expect(page.getByTestId('reply-action-0')).toBeFocused();
  await page.getByTestId('reply-price-1').click();
  await kb.type('99,00');
  await expect(page.getByTestId('reply-action-1')).toHaveValue('change');
  await expect(page.getByTestId('reply-action-0')).toHaveValue('accept');
  await screenshot(page, 'purchase-2-reply');
  await kb.press('Enter');
  await expect(reply).toHaveCount(0);
  await expect(status(page)).toHaveText('Delvis bekreftet');
  await expect(page.getByTestId('pline-0-confirmed')).toHaveText('10');
  await expect(page.getByTestId('pline-1-confirmed')).toHaveText('20 · à 99,00');
  // Both values are kept: the ordered price stays on the line.
  await expect(page.getByTestId('pline-1-price')).toHaveValue('110,00');
  await expect(page.getByTestId('po-locked')).toBeVisible();
  // The totals are what was agreed (10 × 600,00 + 20 × 99,00 = 7 980,00 + 25 % MVA), the ordered total beside them.
  await expect(page.getByTestId('totals-agreed')).toHaveText('Avtalt');
  await expect(page.getByTestId('totals-sum-label')).toHaveText('Avtalt');
  await expect(page.getByTestId('totals-net')).toHaveText(kr('7 980,00'));
  await expect(page.getByTestId('totals-gross')).toHaveText(kr('9 975,00'));
  await expect(page.getByTestId('totals-ordered-gross')).toHaveText(kr('10 250,00'));
  await expect(page.getByTestId('pline-1-confirmed').locator('span')).toHaveAttribute('title', /Avtalt beløp: 1.980,00/);
  await expectTab(page, 'partially_confirmed', 1);
  await openPurchase(page, number);

  // ---- Dispatch (Alt+F): all of line 1, 12 of line 2 ---------------------------------------
  await kb.press('Alt+f');
  await expect(page.getByTestId('dispatch-dialog')).toBeVisible();
  await expect(page.getByTestId('dispatch-qty-0')).toHaveValue('10');
  await expect(page.getByTestId('dispatch-qty-1')).toHaveValue('20');
  await page.getByTestId('dispatch-qty-1').fill('12');
  await page.getByTestId('dispatch-qty-1').press('Enter');
  await expect(page.getByTestId('dispatch-dialog')).toHaveCount(0);
  await expect(status(page)).toHaveText('Delvis sendt');
  await expect(page.getByTestId('pline-0-shipped')).toHaveText('10');
  await expect(page.getByTestId('pline-1-shipped')).toHaveText('12');
  await expect(page.getByTestId('po-step-shipped')).toHaveText('Delvis sendt');

  // ---- Reception, first part (Alt+M): 6 drills and the 12 blades shipped ----------------------
  await kb.press('Alt+m');
  await expect(page.getByTestId('reception-dialog')).toBeVisible();
  await expect(page.getByTestId('reception-scan')).toBeFocused();
  await page.getByTestId('reception-qty-0').fill('6');
  await page.getByTestId('reception-qty-1').fill('12');
  await screenshot(page, 'purchase-3-reception-part-1');
  await page.getByTestId('reception-qty-1').press('Enter');
  await expect(page.getByTestId('reception-dialog')).toHaveCount(0);
  await expect(status(page)).toHaveText('Delvis mottatt');
  await expect(page.getByTestId('pline-0-received')).toHaveText('6');
  await expect(page.getByTestId('pline-1-received')).toHaveText('12');
  // Received at the agreed cost: 6 × 600,00 and 12 × 99,00 (the confirmed price).
  await expectStockValue(page, 'BOR-18', '6', '3 600,00');
  await expectStockValue(page, 'SAG-190', '12', '1 188,00');
  await expectTab(page, 'partially_received', 1);
  await openPurchase(page, number);

  // ---- The rest is shipped, then received (Alt+A: all that is left) ----------------------------
  await kb.press('Alt+f');
  await expect(page.getByTestId('dispatch-line-0')).toContainText('SAG-190');
  await expect(page.getByTestId('dispatch-qty-0')).toHaveValue('8');
  await kb.press('Enter');
  await expect(page.getByTestId('dispatch-dialog')).toHaveCount(0);
  await expect(page.getByTestId('pline-1-shipped')).toHaveText('20');
  await expect(status(page)).toHaveText('Delvis mottatt');
  await kb.press('Alt+m');
  await expect(page.getByTestId('reception-scan')).toBeFocused();
  await kb.press('Alt+a');
  await expect(page.getByTestId('reception-qty-0')).toHaveValue('4');
  await expect(page.getByTestId('reception-qty-1')).toHaveValue('8');
  await kb.press('Enter');
  await expect(page.getByTestId('reception-dialog')).toHaveCount(0);
  await expect(status(page)).toHaveText('Mottatt');
  await expect(page.getByTestId('pline-0-received')).toHaveText('10');
  await expect(page.getByTestId('pline-1-received')).toHaveText('20');

  // ---- Supplier invoice 1 (Alt+R): the drills and 12 blades at the agreed prices --------------
  await kb.press('Alt+r');
  const invoice = page.getByTestId('invoice-dialog');
  await expect(invoice).toBeVisible();
  await expect(page.getByTestId('invoice-number')).toBeFocused();
  await kb.type('F-1001');
  await expect(page.getByTestId('invoice-price-1')).toHaveValue('99,00');
  await page.getByTestId('invoice-qty-1').fill('12');
  await expect(page.getByTestId('invoice-total')).toHaveText(kr('7 188,00'));
  await expect(page.getByTestId('invoice-total-diff')).toHaveText('');
  await page.getByTestId('invoice-qty-1').press('Enter');
  await expect(invoice).toHaveCount(0);
  await expect(status(page)).toHaveText('Delvis fakturert');
  await expect(page.getByTestId('pline-0-invoiced')).toHaveText('10');
  await expect(page.getByTestId('pline-1-invoiced')).toHaveText('12');
  await expectTab(page, 'partially_invoiced', 1);
  await openPurchase(page, number);

  // ---- Supplier invoice 2: the last 8 blades, 2,00 dearer than agreed: the difference shows ----
  await kb.press('Alt+r');
  await expect(page.getByTestId('invoice-number')).toBeFocused();
  await kb.type('F-1002');
  await expect(page.getByTestId('invoice-line-0')).toContainText('SAG-190');
  await expect(page.getByTestId('invoice-qty-0')).toHaveValue('8');
  await page.getByTestId('invoice-price-0').fill('101,00');
  await expect(page.getByTestId('invoice-diff-0')).toHaveText(kr('+16,00'));
  await expect(page.getByTestId('invoice-diff-warning')).toContainText('Prisavvik mot avtalt pris: +16,00');
  await screenshot(page, 'purchase-4-invoice-price-difference');
  await page.getByTestId('invoice-price-0').press('Enter');
  await expect(invoice).toHaveCount(0);
  await expect(status(page)).toHaveText('Fakturert');
  await expect(page.getByTestId('po-notice')).toContainText('Leverandørfaktura F-1002 er registrert med prisavvik +16,00');
  await expect(page.getByTestId('pline-1-invoiced')).toHaveText('20');
  await expect(page.getByTestId('pline-1-priceDiff')).toHaveText(kr('+16,00'));
  await expect(page.getByTestId('supplier-invoice-0-number')).toHaveText('F-1001');
  await expect(page.getByTestId('supplier-invoice-1-number')).toHaveText('F-1002');
  await expect(page.getByTestId('supplier-invoice-1-diff')).toHaveText(kr('+16,00'));
  await expect(page.getByTestId('po-price-diff')).toHaveText(kr('Prisavvik +16,00'));
  await expect(page.getByTestId('po-action-invoice')).toBeDisabled();
  // The disabled action says why in the engine's words: the refusal a supplier invoice gets now.
  const invoiced = await app.engine.ok('purchase.get', { id: (await app.engine.ok('purchase.list', { search: String(number) })).rows[0]!.id });
  const refusal = await app.engine.refused('purchase.matchInvoice', {
    id: invoiced.id,
    version: invoiced.version,
    invoiceNumber: 'F-1003',
    invoiceDate: '2025-01-10',
    lines: [{ lineId: invoiced.lines[0]!.id, quantity: 1000, unitPriceOre: 60_000 }],
  });
  expect(refusal.message.nb).toBe(`Alt på innkjøpsordre ${number} er allerede fakturert. Det er ingenting mer å registrere.`);
  await expect(page.getByTestId('po-action-invoice')).toHaveAttribute('title', refusal.message.nb);
  await screenshot(page, 'purchase-5-invoiced');

  // ---- The order's log (Alt+G): each step in words, newest first ---------------------------------
  await kb.press('Alt+g');
  await expect(page.getByTestId('po-side')).toBeVisible();
  await expect(page.getByTestId('po-log-toggle')).toHaveAttribute('aria-pressed', 'true');
  const entry = (i: number) => page.getByTestId(`activity-${i}-text`);
  await expect(entry(0)).toHaveText('Leverandørfaktura F-1002 på 808,00 registrert (prisavvik +16,00) · Status: Delvis fakturert → Fakturert');
  await expect(entry(2)).toHaveText('Mottatt: linje 1: 4, linje 2: 8 · Status: Delvis mottatt → Mottatt');
  await expect(entry(3)).toHaveText('Sendt fra leverandøren: linje 2: 8');
  await expect(entry(4)).toHaveText('Mottatt: linje 1: 6, linje 2: 12 · Status: Delvis sendt → Delvis mottatt');
  await expect(entry(6)).toHaveText('Ordresvar: linje 1 bekreftet; linje 2 endret til 20 à 99,00 · Status: Til behandling → Delvis bekreftet');
  await expect(entry(7)).toHaveText('Endret · Ordretype: 5 Forespørsel → 1 Normal');
  await expect(entry(8)).toHaveText('Opprettet · i Til behandling · 5 Forespørsel');
  await screenshot(page, 'purchase-5b-history');
  await kb.press('Alt+g');
  await expect(page.getByTestId('po-side')).toHaveCount(0);

  // ---- Stock and value on the product screen: received at the agreed cost ---------------------
  await expectStockValue(page, 'BOR-18', '10', '6 000,00');
  await expect(page.getByTestId('stock-movement-0-cause')).toHaveText('Varemottak');
  await expect(page.getByTestId('stock-movement-0-order')).toHaveText(String(number));
  await expectStockValue(page, 'SAG-190', '20', '1 980,00');
  await screenshot(page, 'purchase-6-product-stock');

  // The list: the order under Fakturert, nothing left under the other tabs.
  await page.keyboard.press('Alt+5');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('purchase-list')).toBeVisible();
  await page.getByTestId('po-search').fill('');
  await expect(page.getByTestId('po-tab-count-invoiced')).toHaveText('1');
  await expect(page.getByTestId('po-tab-count-to_process')).toHaveText('0');
  await page.getByTestId('po-tab-invoiced').click();
  await expect(page.locator('[data-testid=po-grid] .ag-row[row-index="0"] [col-id=status]')).toHaveText('Fakturert');
  await screenshot(page, 'purchase-7-list');
});

test('receiving by scanning EANs: each scan adds one to its line; an EAN not on the order is refused by name', async ({ page, app }) => {
  const data = await seedPurchasing(page, app, { reply: false, dispatch: false, reception: true });
  const po = await app.engine.ok('purchase.create', {
    header: { supplierId: data.otherSupplierId, orderType: 1 },
    lines: [
      { productId: data.screw.id, quantity: 5000 },
      { productId: data.drill.id, quantity: 2000 },
    ],
  });
  await openPurchase(page, po.number);
  await expect(page.getByTestId('po-status')).toHaveText('Til behandling');
  // Without "reply to order" there is no response step: the action is not offered.
  await expect(page.getByTestId('po-action-reply')).toHaveCount(0);

  await page.keyboard.press('Alt+m');
  const scan = page.getByTestId('reception-scan');
  await expect(scan).toBeFocused();
  // A barcode scanner types the digits and Enter.
  for (let i = 0; i < 3; i++) await typeAndEnter(page, SCREW_EAN);
  await typeAndEnter(page, DRILL_EAN);
  await expect(page.getByTestId('reception-qty-0')).toHaveValue('3');
  await expect(page.getByTestId('reception-qty-1')).toHaveValue('1');
  await expect(page.getByTestId('reception-scan-message')).toHaveText('Linje 2 BOR-18: 1 av 2');
  await expect(scan).toHaveValue('');
  await expect(scan).toBeFocused();

  await typeAndEnter(page, UNKNOWN_EAN);
  await expect(page.getByTestId('reception-scan-message')).toHaveText(`Ingen linje på innkjøpsordre ${po.number} har en vare med EAN ${UNKNOWN_EAN}.`);
  await expect(page.getByTestId('reception-qty-0')).toHaveValue('3');
  // Two drills were ordered: a third scan is refused on the line, not counted.
  await typeAndEnter(page, DRILL_EAN);
  await typeAndEnter(page, DRILL_EAN);
  await expect(page.getByTestId('reception-scan-message')).toHaveText('Linje 2 BOR-18: bare 2 kan mottas.');
  await expect(page.getByTestId('reception-qty-1')).toHaveValue('2');
  await screenshot(page, 'purchase-scan-reception');

  // Enter in the empty scan field registers what was counted.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reception-dialog')).toHaveCount(0);
  await expect(page.getByTestId('po-status')).toHaveText('Delvis mottatt');
  await expect(page.getByTestId('pline-0-received')).toHaveText('3');
  await expect(page.getByTestId('pline-1-received')).toHaveText('2');
  await expect(page.getByTestId('po-notice')).toContainText('Mottaket er registrert');
  await expectStockValue(page, 'SKRUE', '3', '90,00');
  await expectStockValue(page, 'BOR-18', '2', '1 200,00');
});

test('purchase suggestions (below reorder point incl. on order, by supplier) become draft purchase orders in one action', async ({ page, app }) => {
  const data = await seedPurchasing(page, app, { reply: true, dispatch: false, reception: true });
  const setPoint = (p: { id: number; number: string }, extra: Record<string, unknown>) =>
    app.engine.ok('products.update', { id: p.id, ...extra });
  const drill = await app.engine.ok('products.get', { id: data.drill.id });
  const blade = await app.engine.ok('products.get', { id: data.blade.id });
  const screw = await app.engine.ok('products.get', { id: data.screw.id });
  const base = (p: typeof drill) => ({ number: p.number, name: p.name, unit: p.unit, priceOre: p.priceOre, costOre: p.costOre, vatCode: p.vatCode, stockManaged: true });
  // Drill: 4 on hand, point 10 → 6. Blade: none on hand, 5 on order, point 15 → 10. Screw (other supplier): point 20 → 20.
  await setPoint(drill, { ...base(drill), reorderPointQty: 10_000 });
  await setPoint(blade, { ...base(blade), reorderPointQty: 15_000 });
  await setPoint(screw, { ...base(screw), reorderPointQty: 20_000 });
  await app.engine.ok('stock.receive', { productId: data.drill.id, quantity: 4000, costOre: 60_000 });
  const open = await app.engine.ok('purchase.create', { header: { supplierId: data.supplierId, orderType: 1 }, lines: [{ productId: data.blade.id, quantity: 5000 }] });
  // A product with no supplier is shown, but cannot be ordered until it has one.
  const glue = await app.engine.ok('products.create', {
    number: 'LIM-1',
    name: 'Trelim 1 l',
    unit: 'stk',
    priceOre: 14_900,
    costOre: 6_000,
    vatCode: '25',
    stockManaged: true,
    reorderPointQty: 3000,
  });

  await page.keyboard.press('Alt+5');
  await expect(page.getByTestId('po-tab-count-to_process')).toHaveText('1');
  await page.keyboard.press('Alt+i');
  await expect(page.getByTestId('suggestions')).toBeVisible();
  const group = (name: string) => page.locator('[data-testid^=suggestion-group-]').filter({ has: page.locator('h2', { hasText: name }) });
  const tools = group('Verktøygrossisten AS');
  const fasteners = group('Festemidler Engros AS');
  const none = group('Uten leverandør');
  await expect(tools.locator('tbody tr')).toHaveCount(2);
  await expect(fasteners.locator('tbody tr')).toHaveCount(1);
  await expect(none).toContainText('LIM-1');
  // Blade: projected = 0 available + 5 on order.
  const bladeRow = tools.locator('tr', { hasText: 'SAG-190' });
  await expect(bladeRow.locator('[data-testid$=-onOrder]')).toHaveText('5');
  await expect(bladeRow.locator('[data-testid$=-projected]')).toHaveText('5');
  await expect(bladeRow.locator('[data-testid$=-qty]')).toHaveValue('10');
  await expect(tools.locator('tr', { hasText: 'BOR-18' }).locator('[data-testid$=-qty]')).toHaveValue('6');
  await expect(fasteners.locator('tr', { hasText: 'SKRUE' }).locator('[data-testid$=-qty]')).toHaveValue('20');
  await expect(none.locator('input[type=checkbox]')).toBeDisabled();
  // The clerk rounds the blades up to 12.
  await bladeRow.locator('[data-testid$=-qty]').fill('12');
  await expect(page.getByTestId('suggestions-create')).toHaveText(/Lag innkjøpsordrer \(2 leverandører\)/);
  await screenshot(page, 'purchase-suggestions');

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('suggestions-notice')).toContainText('2 innkjøpsordrer er laget (Til behandling)');
  // What is now on order has left the suggestions; only the product without a supplier stays.
  await expect(tools).toHaveCount(0);
  await expect(fasteners).toHaveCount(0);
  await expect(none).toContainText('LIM-1');
  await screenshot(page, 'purchase-suggestions-made');

  const made = (await app.engine.ok('purchase.list', {})).rows.filter((r) => r.id !== open.id);
  expect(made).toHaveLength(2);
  const toolsPo = made.find((r) => r.supplierId === data.supplierId)!;
  await page.getByTestId(`suggestions-open-${toolsPo.number}`).click();
  await expect(page.getByTestId('po-number')).toHaveText(String(toolsPo.number));
  await expect(page.getByTestId('po-status')).toHaveText('Til behandling');
  await expect(page.getByTestId('po-type')).toHaveText('1 Normal');
  const first = await page.getByTestId('pline-0-product').inputValue();
  const products = [first, await page.getByTestId('pline-1-product').inputValue()].sort();
  expect(products).toEqual(['BOR-18', 'SAG-190']);
  const bladeLine = first === 'SAG-190' ? 0 : 1;
  await expect(page.getByTestId(`pline-${bladeLine}-quantity`)).toHaveValue('12');
  // A draft: still editable. Its log says where it came from, once.
  await expect(page.getByTestId('po-add-line')).toBeVisible();
  await page.keyboard.press('Alt+g');
  await expect(page.getByTestId('activity-0-text')).toHaveText('Opprettet fra innkjøpsforslag');
  await expect(page.getByTestId('activity-panel').locator('li')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('po-tab-count-to_process')).toHaveText('3');

  // The list sorts by supplier when its header is clicked (ascending, then descending); ties newest first.
  const cell = (row: number, col: string) => page.locator(`[data-testid=po-grid] .ag-row[row-index="${row}"] [col-id=${col}]`);
  await page.locator('[data-testid=po-grid] .ag-header-cell[col-id=supplierName] .ag-header-cell-label').click();
  await expect(cell(0, 'supplierName')).toHaveText('Festemidler Engros AS');
  await expect(cell(1, 'supplierName')).toHaveText('Verktøygrossisten AS');
  await expect(cell(1, 'number')).toHaveText(String(toolsPo.number));
  await page.locator('[data-testid=po-grid] .ag-header-cell[col-id=supplierName] .ag-header-cell-label').click();
  await expect(cell(0, 'supplierName')).toHaveText('Verktøygrossisten AS');
  await expect(cell(2, 'supplierName')).toHaveText('Festemidler Engros AS');
  expect(glue.id).toBeGreaterThan(0);
});

test('a supplier made in the register; its purchase order amended (history kept, linked both ways) and the amendment cancelled', async ({ page, app }) => {
  const data = await seedPurchasing(page, app, { reply: true, dispatch: false, reception: true });
  const kb = page.keyboard;

  // ---- The supplier register (Alt+6), like customers: a bad org. no. is refused by the field ----
  await kb.press('Alt+6');
  await expect(page.getByTestId('suppliers-screen')).toBeVisible();
  await kb.press('F2');
  await expect(page.getByTestId('supplier-form-title')).toHaveText('Ny leverandør');
  await page.getByTestId('supplier-orgNumber').fill('987 654 321');
  await page.getByTestId('supplier-name').fill('Lysverket Grossist AS');
  await page.getByTestId('supplier-city').fill('Trondheim');
  await page.getByTestId('supplier-paymentTermsDays').fill('20');
  await kb.press('Control+s');
  await expect(page.getByTestId('supplier-orgNumber-error')).toBeVisible();
  await page.getByTestId('supplier-orgNumber').fill('987 654 325');
  await kb.press('Control+s');
  await expect(page.getByTestId('supplier-notice')).toContainText('Lysverket Grossist AS er lagret');
  await expect(page.getByTestId('supplier-list-count')).toHaveText('3 rader');
  await screenshot(page, 'purchase-suppliers');
  const supplier = (await app.engine.ok('suppliers.lookup', { query: 'Lysverket' }))[0]!;

  const po = await app.engine.ok('purchase.create', {
    header: { supplierId: supplier.id, orderType: 1, supplierReference: 'Tilbud 4411' },
    lines: [{ productId: data.drill.id, quantity: 3000 }],
  });
  await openPurchase(page, po.number);
  await expect(page.getByTestId('po-paymentTermsDays')).toHaveValue('20');

  // ---- Amend (Alt+E): the order is cancelled and kept; the amendment opens, linked to it ----
  await kb.press('Alt+e');
  await expect(page.getByTestId('amend-dialog')).toBeVisible();
  await page.getByTestId('amend-dialog-reason').fill('Leverandøren ba om nytt antall');
  await kb.press('Enter');
  await expect(page.getByTestId('po-number')).not.toHaveText(String(po.number));
  const amendment = Number(await page.getByTestId('po-number').textContent());
  await expect(page.getByTestId('po-title')).toContainText('(rev. 1)');
  await expect(page.getByTestId('po-notice')).toHaveText(`Endringsordre ${amendment} er laget og erstatter ordre ${po.number}.`);
  await expect(page.getByTestId('po-amends')).toHaveText(`Erstatter ordre ${po.number}`);
  await expect(page.getByTestId('po-status')).toHaveText('Til behandling');
  await expect(page.getByTestId('pline-0-product')).toHaveValue('BOR-18');
  // The amendment is To process: its lines can be changed and saved.
  await page.getByTestId('pline-0-quantity').fill('5');
  await kb.press('Control+s');
  await expect(page.getByTestId('po-notice')).toHaveText(`Innkjøpsordre ${amendment} er lagret.`);
  await screenshot(page, 'purchase-amendment');

  // The old order: cancelled, and says by which order.
  await page.getByTestId('po-amends').click();
  await expect(page.getByTestId('po-number')).toHaveText(String(po.number));
  await expect(page.getByTestId('po-status')).toHaveText('Kansellert');
  await expect(page.getByTestId('po-cancelled')).toContainText(`erstattet av endringsordre ${amendment}`);
  await expect(page.getByTestId('po-action-amend')).toBeDisabled();
  await expect(page.getByTestId('po-action-amend')).toHaveAttribute('title', `Innkjøpsordre ${po.number} er kansellert og erstattet av ordre ${amendment}. Arbeid videre på den nye ordren.`);
  await expect(page.getByTestId('pline-0-quantity')).toHaveValue('3');
  // Its log says what became of it, and why.
  await kb.press('Alt+g');
  await expect(page.getByTestId('activity-0-text')).toHaveText(`Kansellert og erstattet av endringsordre ${amendment}: «Leverandøren ba om nytt antall»`);
  await kb.press('Alt+g');
  await page.getByTestId('po-amended-by').click();
  await expect(page.getByTestId('po-number')).toHaveText(String(amendment));

  // ---- Cancel the amendment (Alt+Delete) -------------------------------------------------------
  await kb.press('Alt+Delete');
  await expect(page.getByTestId('cancel-dialog')).toBeVisible();
  await kb.press('Enter');
  await expect(page.getByTestId('po-status')).toHaveText('Kansellert');
  await expect(page.getByTestId('po-notice')).toHaveText(`Ordre ${amendment} er kansellert.`);
  await expect(page.getByTestId('po-action-print')).toBeDisabled();
  await kb.press('Escape');
  // The counts follow the search: the list was searched for the first order's number.
  await expect(page.getByTestId('po-tab-count-cancelled')).toHaveText('1');
  await page.getByTestId('po-search').fill('');
  await expect(page.getByTestId('po-tab-count-cancelled')).toHaveText('2');
  await expect(page.getByTestId('po-tab-count-all')).toHaveText('2');
});
