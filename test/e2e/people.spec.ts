// Issue 12, people and where orders are found: an employee added under
// Innstillinger; an order given a title, our contact, a responsible and a
// project with the keyboard (lookups by folded initials and names); that order
// found from its customer, its contact person, its employee and its project;
// a new order started from the project; the order list's new columns.
import type { Page } from '@playwright/test';
import { atWidth, findClipped, layoutSettled } from './clipping';
import { expect, screenshot, seedCompany, test } from './fixtures';
import { openPurchase, seedPurchasing } from './purchasing';
import { loadDemo } from './sales';

async function typeAndEnter(page: Page, text: string) {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The row of an order in one of the scoped order lists, by its number. */
const orderRow = (page: Page, grid: string, number: number) =>
  page.locator(`[data-testid=${grid}] .ag-row [col-id=number]`).filter({ hasText: new RegExp(`^${number}$`) });

test('an order with title, our contact and project is found from its customer, contact, employee and project', async ({ page, app }) => {
  test.setTimeout(90_000);
  await seedCompany(page, app);
  const customer = await app.engine.ok('customers.create', {
    kind: 'business',
    name: 'Ørsta Tak og Vegg AS',
    orgNumber: '974760673',
    contacts: [
      { name: 'Åshild Bø', phone: '+47 901 23 456' },
      { name: 'Per Lunde', phone: '+47 902 34 567' },
    ],
  });
  const drill = await app.engine.ok('products.create', { number: 'MONT', name: 'Montering (time)', unit: 't', priceOre: 75_000, vatCode: '25', stockManaged: false });
  const nils = await app.engine.ok('employees.create', { name: 'Nils Berg Olsen', initials: 'NBO', phone: '+47 913 00 111' });
  const project = await app.engine.ok('projects.create', { name: 'Låvetak Ørsta', customerId: customer.id, responsibleId: nils.id, status: 'active', startDate: '2026-11-02' });
  // Another customer's order, which none of the scoped lists may show.
  const other = await app.engine.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '923609016', contacts: [] });
  const stranger = await app.engine.ok('orders.create', { header: { customerId: other.id, orderType: 1 }, lines: [{ productId: drill.id, quantity: 1000 }] });
  const kb = page.keyboard;

  // ---- An employee added under Innstillinger -------------------------------
  await kb.press('Alt+4');
  const panel = page.getByTestId('employees-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByTestId('employee-NBO')).toContainText('Nils Berg Olsen');
  await page.getByTestId('employee-name').fill('Åse Bjørnstad');
  await page.getByTestId('employee-initials').fill('åb');
  await page.getByTestId('employee-phone').fill('+47 922 33 444');
  await page.getByTestId('employee-email').fill('ase@orsta-tak.no');
  await page.getByTestId('employee-save').click();
  await expect(page.getByTestId('employee-notice')).toHaveText('Åse Bjørnstad er lagret.');
  // Initials are stored in capitals.
  await expect(panel.getByTestId('employee-ÅB')).toContainText('Åse Bjørnstad');
  await panel.getByTestId('employee-ÅB').scrollIntoViewIfNeeded();
  await screenshot(page, 'people-employee-added');
  const ase = (await app.engine.ok('employees.list', { search: 'bjørnstad' }))[0]!;
  expect(ase).toMatchObject({ initials: 'ÅB', phone: '+47 922 33 444', active: true });

  // ---- The order, with the keyboard ---------------------------------------
  await kb.press('Alt+1');
  await expect(page.getByTestId('order-search')).toBeFocused();
  await kb.press('F2');
  await expect(page.getByTestId('order-customer')).toBeFocused();
  await kb.type('ørsta');
  await expect(page.getByTestId('order-customer-options-0')).toContainText('Ørsta Tak og Vegg AS');
  await kb.press('Enter');
  await expect(page.getByTestId('order-contactId')).toBeFocused();
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await typeAndEnter(page, 'PO-1104');
  await expect(page.getByTestId('order-orderTitle')).toBeFocused();
  await typeAndEnter(page, 'Nytt tak på låven');
  // Vår kontakt: her first name in small letters finds Åse (folded by the engine).
  await expect(page.getByTestId('order-ourContactId')).toBeFocused();
  await kb.type('åse');
  await expect(page.getByTestId('order-ourContactId-options-0')).toContainText('Åse Bjørnstad');
  await kb.press('Enter');
  await expect(page.getByTestId('order-ourContactId')).toHaveValue('ÅB – Åse Bjørnstad');
  // Ansvarlig: by initials, in small letters.
  await expect(page.getByTestId('order-responsibleId')).toBeFocused();
  await kb.type('nbo');
  await expect(page.getByTestId('order-responsibleId-options-0')).toContainText('Nils Berg Olsen');
  await kb.press('Enter');
  await expect(page.getByTestId('order-responsibleId')).toHaveValue('NBO – Nils Berg Olsen');
  // Prosjekt: by part of its name, in capitals (folded by the engine, Å as Å).
  await expect(page.getByTestId('order-projectId')).toBeFocused();
  await kb.type('LÅVE');
  await expect(page.getByTestId('order-projectId-options-0')).toContainText('Låvetak Ørsta');
  await screenshot(page, 'people-order-project-lookup');
  await kb.press('Enter');
  await expect(page.getByTestId('order-projectId')).toHaveValue(`${project.number} Låvetak Ørsta`);
  await expect(page.getByTestId('order-orderType')).toBeFocused();
  await kb.press('Alt+l');
  await typeAndEnter(page, 'MONT');
  await typeAndEnter(page, '4');
  await kb.press('Control+s');
  await expect(page.getByTestId('order-notice')).toContainText('er opprettet');
  const number = Number(await page.getByTestId('order-number').textContent());
  await screenshot(page, 'people-order-header');

  const listed = await app.engine.ok('orders.list', { startRow: 0, endRow: 10, search: String(number) });
  const order = await app.engine.ok('orders.get', { id: listed.rows.find((r) => r.number === number)!.id });
  expect(order).toMatchObject({ title: 'Nytt tak på låven', ourContactId: ase.id, responsibleId: nils.id, projectId: project.id, contactId: customer.contacts[0]!.id });
  await kb.press('Escape');
  await expect(page.getByTestId('order-list')).toBeVisible();

  // ---- From the customer, and from its contact person ----------------------
  await kb.press('Alt+2');
  await expect(page.getByTestId('customer-list-search')).toBeFocused();
  await kb.type('ørsta');
  await expect(page.locator('[data-testid=customer-list] .ag-row')).toHaveCount(1);
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await expect(page.getByTestId('customer-form-title')).toHaveText(`Kunde ${customer.number}`);
  await page.getByTestId('customer-tab-orders').click();
  await expect(orderRow(page, 'customer-orders-list-grid', number)).toHaveCount(1);
  await expect(orderRow(page, 'customer-orders-list-grid', stranger.number)).toHaveCount(0);
  await expect(page.getByTestId('customer-orders-list-tab-count-all')).toHaveText('1');
  await page.getByTestId('customer-orders-list').scrollIntoViewIfNeeded();
  await screenshot(page, 'people-customer-orders');
  await page.getByTestId('customer-orders-contact').selectOption({ label: 'Åshild Bø' });
  await expect(orderRow(page, 'customer-orders-list-grid', number)).toHaveCount(1);
  await screenshot(page, 'people-contact-orders');
  // The other contact has none.
  await page.getByTestId('customer-orders-contact').selectOption({ label: 'Per Lunde' });
  await expect(page.getByTestId('customer-orders-list-count')).toHaveText('0 ordrer');
  await page.getByTestId('customer-orders-contact').selectOption({ label: 'Åshild Bø' });
  // Enter on the row opens the order on the order screen.
  await orderRow(page, 'customer-orders-list-grid', number).click();
  await kb.press('Enter');
  await expect(page.getByTestId('order-number')).toHaveText(String(number));
  await expect(page.getByTestId('order-orderTitle')).toHaveValue('Nytt tak på låven');
  await expect(page.getByTestId('order-ourContactId')).toHaveValue('ÅB – Åse Bjørnstad');
  await kb.press('Escape');

  // ---- From the employee (our contact, and responsible) --------------------
  await kb.press('Alt+4');
  await page.getByTestId('employee-ÅB-orders').click();
  await expect(orderRow(page, 'employee-orders-grid', number)).toHaveCount(1);
  await page.getByTestId('employee-NBO-orders').click();
  await expect(orderRow(page, 'employee-orders-grid', number)).toHaveCount(1);
  await expect(orderRow(page, 'employee-orders-grid', stranger.number)).toHaveCount(0);
  await page.getByTestId('employee-orders').scrollIntoViewIfNeeded();
  await screenshot(page, 'people-employee-orders');

  // ---- From the project ---------------------------------------------------
  await kb.press('Alt+9');
  await expect(page.getByTestId('project-list-search')).toBeFocused();
  await kb.type('ørsta');
  await expect(page.locator('[data-testid=project-list] .ag-row')).toHaveCount(1);
  await kb.press('ArrowDown');
  await kb.press('Enter');
  await expect(page.getByTestId('project-form-title')).toHaveText(`Prosjekt ${project.number}`);
  await expect(orderRow(page, 'project-orders-list-grid', number)).toHaveCount(1);
  await expect(page.getByTestId('project-sales-count')).toHaveText('1');
  await expect(page.getByTestId('project-sales-net')).toHaveText('3\u00a0000,00');
  await screenshot(page, 'people-project-orders');
  // Alt+N: a new order for the project, its customer filled in.
  await kb.press('Alt+n');
  await expect(page.getByTestId('order-editor')).toBeVisible();
  await expect(page.getByTestId('order-customer')).toHaveValue('Ørsta Tak og Vegg AS');
  await expect(page.getByTestId('order-projectId')).toHaveValue(`${project.number} Låvetak Ørsta`);
  await screenshot(page, 'people-project-new-order');
  await kb.press('Escape');

  // ---- The order list's new columns, at 1440 and 1280 ----------------------
  await expect(page.getByTestId('order-list')).toBeVisible();
  // They come last (the amounts stay in view at 1440 px): the list scrolled sideways to its end shows them.
  const rowIndex = await page
    .locator('[data-testid=order-grid] .ag-row')
    .filter({ has: page.locator('[col-id=number]', { hasText: new RegExp(`^${number}$`) }) })
    .first()
    .getAttribute('row-index');
  const cell = (col: string) => page.locator(`[data-testid=order-grid] .ag-row[row-index="${rowIndex}"] [col-id=${col}]`);
  for (const width of [1440, 1280]) {
    await atWidth(page, width);
    await page.locator('[data-testid=order-grid] .ag-body-horizontal-scroll-viewport').evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await expect(cell('title')).toHaveText('Nytt tak på låven');
    await expect(cell('responsibleInitials')).toHaveText('NBO');
    await expect(cell('projectNumber')).toHaveText(String(project.number));
    await layoutSettled(page);
    await screenshot(page, `people-order-list-${width}`);
    expect(await findClipped(page, { root: '[data-testid=order-grid] .ag-header' })).toEqual([]);
  }
  // Filtered through the engine: Ansvarlig NBO.
  const filtered = await app.engine.ok('orders.list', {
    startRow: 0,
    endRow: 10,
    filterModel: { responsibleInitials: { filterType: 'text', type: 'equals', filter: 'NBO' } },
  });
  expect(filtered.rows.map((r) => r.number)).toEqual([number]);
});

for (const width of [1280, 1440]) {
  test(`the demo company's projects, employees and a customer's orders fit at ${width} px`, async ({ page, app }) => {
    test.setTimeout(90_000);
    await loadDemo(page, app);
    await atWidth(page, width);
    const problems: string[] = [];
    const check = async (name: string, root: string) => {
      await layoutSettled(page);
      await screenshot(page, `people-${width}-${name}`);
      for (const c of await findClipped(page, { root })) problems.push(`${name}: ${c.where} «${c.text}» ${c.needs}>${c.has}`);
    };
    // Prosjekter: the list, and the first project with its figures and orders.
    await page.keyboard.press('Alt+9');
    await expect(page.locator('[data-testid=project-list] .ag-row').first()).toBeVisible();
    // A project with orders: found by its number in the search box, opened with ↓ and Enter.
    const projects = (await app.engine.ok('projects.list', {})).rows;
    const views = await Promise.all(projects.map((p) => app.engine.ok('projects.get', { id: p.id })));
    const busy = views.find((p) => p.salesOrderCount > 0)!;
    await page.keyboard.type(String(busy.number));
    await expect(page.locator('[data-testid=project-list] .ag-row')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('project-sales-count')).toHaveText(String(busy.salesOrderCount));
    await expect(page.locator('[data-testid=project-orders-list-grid] .ag-row').first()).toBeVisible();
    await check('projects', '[data-testid=projects-screen]');
    // Only the active projects (the search box emptied first).
    await page.getByTestId('project-list-search').fill('');
    await page.getByTestId('project-status-filter').selectOption('active');
    await expect(page.getByTestId('project-list-count')).not.toHaveText('');
    const active = (await app.engine.ok('projects.list', { status: 'active' })).total;
    await expect(page.getByTestId('project-list-count')).toHaveText(active === 1 ? '1 rad' : `${active} rader`);
    // Ansatte, and one employee's orders.
    await page.keyboard.press('Alt+4');
    const first = (await app.engine.ok('employees.list', {}))[0]!;
    await page.getByTestId(`employee-${first.initials}-orders`).click();
    await page.getByTestId('employee-orders').scrollIntoViewIfNeeded();
    await check('employees', '[data-testid=employees-panel]');
    // A customer's orders.
    await page.keyboard.press('Alt+2');
    await page.locator('[data-testid=customer-list] .ag-row').first().dblclick();
    await page.getByTestId('customer-tab-orders').click();
    await expect(page.locator('[data-testid=customer-orders-list-grid] .ag-row').first()).toBeVisible();
    await page.getByTestId('customer-orders-list').scrollIntoViewIfNeeded();
    await check('customer-orders', '[data-testid=customer-orders]');
    expect(problems).toEqual([]);
  });
}

test('a purchase order is given a title, our contact, a responsible and a project with the keyboard', async ({ page, app }) => {
  const data = await seedPurchasing(page, app, { reply: false, dispatch: false, reception: true });
  const customer = await app.engine.ok('customers.create', { kind: 'business', name: 'Ørsta Tak og Vegg AS', orgNumber: '974760673', contacts: [] });
  const kari = await app.engine.ok('employees.create', { name: 'Kari Nygård', initials: 'KN' });
  const project = await app.engine.ok('projects.create', { name: 'Låvetak Ørsta', customerId: customer.id, status: 'active' });
  const po = await app.engine.ok('purchase.create', { header: { supplierId: data.supplierId, orderType: 1 }, lines: [{ productId: data.drill.id, quantity: 2000 }] });
  await openPurchase(page, po.number);
  const kb = page.keyboard;
  await page.getByTestId('po-orderTitle').focus();
  await typeAndEnter(page, 'Verktøy til låvetaket');
  await expect(page.getByTestId('po-ourContactId')).toBeFocused();
  await kb.type('nygård');
  await expect(page.getByTestId('po-ourContactId-options-0')).toContainText('Kari Nygård');
  await kb.press('Enter');
  await expect(page.getByTestId('po-responsibleId')).toBeFocused();
  await typeAndEnter(page, 'kn');
  await expect(page.getByTestId('po-responsibleId')).toHaveValue('KN – Kari Nygård');
  await expect(page.getByTestId('po-projectId')).toBeFocused();
  await kb.type(String(project.number));
  await expect(page.getByTestId('po-projectId-options-0')).toContainText('Låvetak Ørsta');
  await kb.press('Enter');
  await kb.press('Control+s');
  await expect(page.getByTestId('po-dirty')).toHaveText('Lagret');
  await screenshot(page, 'people-purchase-header');
  expect(await app.engine.ok('purchase.get', { id: po.id })).toMatchObject({
    title: 'Verktøy til låvetaket',
    ourContactId: kari.id,
    responsibleId: kari.id,
    projectId: project.id,
  });
  // The project counts it.
  expect((await app.engine.ok('projects.get', { id: project.id })).purchaseOrderCount).toBe(1);
});
