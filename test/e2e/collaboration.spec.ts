// Working together on an order (issue 12): a comment in the order's log and its
// correction, a task for another user, that user logging in and finding it in the
// bell and in "Mine oppgaver", marking read, a reminder for oneself coming due, and
// following. Everything through the keyboard, as a clerk works.
import type { Page } from '@playwright/test';
import { atWidth, findClipped, layoutSettled } from './clipping';
import { expect, screenshot, test, type App } from './fixtures';
import { makeOrder, openOrder, seedSales } from './sales';

/** dd.mm.åååå of today plus `days`, as a clerk types a date. */
function typedDate(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;
}

/** Two users of one office, each the user of an employee (whom a task can be given to). */
async function twoUsers(app: App) {
  const office = await app.engine.ok('groups.save', { name: 'Kontor', rights: ['administer', 'invoice', 'credit'] });
  const kari = await app.engine.ok('users.save', { username: 'kari', name: 'Kari Nordmann', groupId: office.id, pin: '4821' });
  const ola = await app.engine.ok('users.save', { username: 'ola', name: 'Ola Hansen', groupId: office.id, pin: '1357' });
  await app.engine.ok('employees.create', { name: 'Kari Nordmann', initials: 'KN', userId: kari.id });
  await app.engine.ok('employees.create', { name: 'Ola Hansen', initials: 'OH', userId: ola.id });
  return { kari, ola };
}

/** The login screen, typed as a clerk does: user name, Enter, PIN, Enter. */
async function logIn(page: Page, username: string, pin: string, name: string): Promise<void> {
  await expect(page.getByTestId('login-username')).toBeFocused();
  await page.keyboard.type(username);
  await page.keyboard.press('Enter');
  await page.getByTestId('login-pin').focus();
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('topbar-user')).toHaveText(name);
}

async function logOut(page: Page): Promise<void> {
  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login')).toBeVisible();
}

test('a comment, a task for another user, the bell, Mine oppgaver, marking read and a reminder for oneself', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 2]]);
  await twoUsers(app);
  await page.reload();
  await logIn(page, 'kari', '4821', 'Kari Nordmann');
  await openOrder(page, order.number);

  // Kari follows the order (the toggle says so and counts her).
  const follow = page.getByTestId('order-follow');
  await expect(follow).toBeEnabled();
  if ((await follow.getAttribute('aria-pressed')) !== 'true') await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  await expect(follow).toContainText('Følger');
  const followers = Number(await page.getByTestId('order-followers').textContent());
  expect(followers).toBeGreaterThanOrEqual(1);

  // A comment: Alt+G to the log, type, Ctrl+Enter sends; it shows with who and when.
  await page.keyboard.press('Alt+G');
  await page.getByTestId('comment-text').focus();
  await page.keyboard.type('Kunden vil ha levering før fredag. Ring før dere kjører.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('comment-text')).toHaveValue('');
  const comment = page.locator('.activity-comment').first();
  await expect(comment).toContainText('Kunden vil ha levering før fredag.');
  await expect(comment.locator('.activity-meta')).toContainText('Kari Nordmann');
  await expect(comment.locator('.activity-meta .num')).toHaveText(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/);

  // "Rett": the box starts from the old words; the correction refers to the comment, which is kept, marked corrected.
  await comment.getByRole('button', { name: 'Rett' }).click();
  await expect(page.getByTestId('comment-correcting')).toContainText('Retter kommentaren til Kari Nordmann');
  await expect(page.getByTestId('comment-text')).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Kunden vil ha levering før torsdag. Ring før dere kjører.');
  await page.keyboard.press('Control+Enter');
  const comments = page.locator('.activity-comment');
  await expect(comments).toHaveCount(2);
  await expect(comments.nth(0)).toContainText('Retter kommentaren fra');
  await expect(comments.nth(0)).toContainText('før torsdag');
  await expect(comments.nth(1)).toContainText('Rettet');
  await expect(comments.nth(1)).toContainText('før fredag');
  const stored = await app.engine.ok('comments.list', { orderId: order.id });
  expect(stored.map((c) => c.text)).toEqual([
    'Kunden vil ha levering før fredag. Ring før dere kjører.',
    'Kunden vil ha levering før torsdag. Ring før dere kjører.',
  ]);
  expect(stored[1]?.correctsId).toBe(stored[0]?.id);
  await screenshot(page, 'collab-comment');

  // A task for Ola, overdue since yesterday, and one for Kari herself: Alt+D, the Oppgaver tab.
  await page.keyboard.press('Alt+D');
  await page.getByTestId('task-title').focus();
  await page.keyboard.type('Bestill frakt med Bring');
  await page.getByTestId('task-assignee').selectOption({ label: 'Ola Hansen' });
  await page.getByTestId('task-due').focus();
  await page.keyboard.type(typedDate(-1));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('task-0-title')).toHaveText('Bestill frakt med Bring');
  await expect(page.getByTestId('task-0-assignee')).toHaveText('Ola Hansen');
  await expect(page.getByTestId('task-0-due')).toHaveText(`Forfalt ${typedDate(-1)}`);
  await expect(page.getByTestId('task-0-due')).toHaveCSS('color', 'rgb(180, 35, 24)');
  await expect(page.getByTestId('task-title')).toHaveValue('');

  // A reminder for herself, today: it comes due at once.
  await page.getByTestId('note-date').focus();
  await page.keyboard.type(typedDate(0));
  await page.getByTestId('note-text').focus();
  await page.keyboard.type('Sjekk at drillene er sendt');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-0-text')).toHaveText('Sjekk at drillene er sendt');
  await expect(page.getByTestId('note-0-date')).toHaveText(`I dag, ${typedDate(0)}`);
  await screenshot(page, 'collab-tasks');

  // Ola logs in: the bell counts the task given to him; the list says so.
  await logOut(page);
  await logIn(page, 'ola', '1357', 'Ola Hansen');
  await expect(page.getByTestId('bell-count')).toBeVisible();
  const olaCount = Number(await page.getByTestId('bell-count').textContent());
  expect(olaCount).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'collab-bell-count');
  await page.keyboard.press('Alt+W');
  await expect(page.getByTestId('bell-list')).toBeVisible();
  const taskRow = page.locator('[data-testid^=bell-row-][data-testid$=-text]').filter({ hasText: 'Bestill frakt med Bring' }).first();
  await expect(taskRow).toBeVisible();
  await expect(page.getByTestId('bell-row-0')).toHaveClass(/unread/);
  await screenshot(page, 'collab-bell-list');

  // Space marks the chosen row read: the count goes down by one.
  await page.keyboard.press('Space');
  await expect(page.getByTestId('bell-row-0')).toHaveClass(/\bread\b/);
  if (olaCount > 1) await expect(page.getByTestId('bell-count')).toHaveText(String(olaCount - 1));
  else await expect(page.getByTestId('bell-count')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('bell-list')).toHaveCount(0);

  // Mine oppgaver (Alt+Q): his task, overdue in red; Enter opens the order.
  await page.keyboard.press('Alt+Q');
  await expect(page.getByTestId('my-tasks')).toBeVisible();
  await expect(page.getByTestId('my-tasks-list')).toBeFocused();
  await expect(page.getByTestId('my-task-0-title')).toHaveText('Bestill frakt med Bring');
  await expect(page.getByTestId('my-task-0-where')).toContainText(`Ordre ${order.number}`);
  await expect(page.getByTestId('my-task-0-due')).toHaveText(`Forfalt ${typedDate(-1)}`);
  await expect(page.getByTestId('my-tasks-list').getByText('Sjekk at drillene er sendt')).toHaveCount(0);
  await screenshot(page, 'collab-my-tasks');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('my-tasks')).toHaveCount(0);
  await expect(page.getByTestId('order-number')).toHaveText(String(order.number));

  // He answers with a comment: a change by someone else for Kari, who follows the order.
  await page.keyboard.press('Alt+G');
  await page.getByTestId('comment-text').focus();
  await page.keyboard.type('Frakt er bestilt, henting i morgen kl. 10.');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.activity-comment').first()).toContainText('Ola Hansen');

  // And ticks his task done from Mine oppgaver with Space.
  await page.keyboard.press('Alt+Q');
  await expect(page.getByTestId('my-task-0-title')).toHaveText('Bestill frakt med Bring');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('my-tasks-empty')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('my-tasks')).toHaveCount(0);

  // Kari again: the bell has Ola's comment and her reminder come due; Enter on the comment opens the order.
  await page.keyboard.press('Alt+1');
  await logOut(page);
  await logIn(page, 'kari', '4821', 'Kari Nordmann');
  await expect(page.getByTestId('bell-count')).toBeVisible();
  await page.getByTestId('bell').click();
  await expect(page.getByTestId('bell-list')).toBeVisible();
  const texts = page.locator('[data-testid^=bell-row-][data-testid$=-text]');
  await expect(texts.filter({ hasText: 'Sjekk at drillene er sendt' })).toHaveCount(1);
  await expect(texts.filter({ hasText: /Frakt er bestilt|kommentar|comment/i }).first()).toBeVisible();
  await screenshot(page, 'collab-bell-kari');

  // Merk alle som lest: the count is gone, the rows stay, read.
  await page.getByTestId('bell-mark-all').click();
  await expect(page.getByTestId('bell-count')).toHaveCount(0);
  await expect(page.getByTestId('bell-unread')).toHaveText('0 uleste');
  await expect(page.locator('.bell-row.unread')).toHaveCount(0);
  await screenshot(page, 'collab-bell-read');
  await page.keyboard.press('Escape');

  // Her reminder stays hers: done ticked on the order's Oppgaver tab.
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+D');
  await page.getByTestId('note-0-done').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('note-0')).toHaveClass(/done/);
  const notes = await app.engine.ok('notes.list', { orderId: order.id, includeDone: true });
  expect(notes.map((n) => [n.text, n.done])).toEqual([['Sjekk at drillene er sendt', true]]);
});

test('the order side tabs fit the panel at 1440 and 1280 px, all seven of them', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]]);
  await openOrder(page, order.number);
  await page.keyboard.press('Alt+D');
  await expect(page.getByTestId('tasks-panel')).toBeVisible();
  for (const width of [1440, 1280]) {
    await atWidth(page, width);
    await layoutSettled(page);
    const tabs = page.locator('[data-testid=order-side] .side-tab');
    for (const tab of await tabs.all()) await expect(tab).toBeInViewport({ ratio: 1 });
    expect(await findClipped(page, { root: '[data-testid=order-side]' })).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    await screenshot(page, `collab-side-tabs-${width}`);
  }
  // All seven tabs: invoices, documents, log, jobs, tasks, files, relations.
  const tabs = page.locator('[data-testid=order-side] .side-tab');
  await expect(tabs).toHaveCount(7);
  for (const width of [1280, 1440]) {
    await atWidth(page, width);
    for (const tab of await tabs.all()) await expect(tab).toBeInViewport({ ratio: 1 });
    expect(await findClipped(page, { root: '[data-testid=order-side]' })).toEqual([]);
    await screenshot(page, `collab-side-tabs-seven-${width}`);
  }
});

test('the frame bar holds the bell, the logged-in user and the language beside the nine screens at 1440 and 1280 px', async ({ page, app }) => {
  const data = await seedSales(page, app);
  const order = await makeOrder(app, data, 'confirmed', [[data.drill.id, 1]]);
  await twoUsers(app);
  // A longer name than most, and a task given to her by someone else, so the bell has a number.
  const groups = await app.engine.ok('groups.list', {});
  const ingrid = await app.engine.ok('users.save', { username: 'ingrid', name: 'Ingrid Kristiansen', groupId: groups[0]!.id, pin: '2468' });
  await app.engine.ok('tasks.add', { orderId: order.id, title: 'Ring kunden', assigneeUserId: ingrid.id, dueDate: null });
  await page.reload();
  await logIn(page, 'ingrid', '2468', 'Ingrid Kristiansen');
  await expect(page.getByTestId('bell-count')).toBeVisible();
  for (const width of [1440, 1280]) {
    await atWidth(page, width);
    await layoutSettled(page);
    const widths = await page.evaluate(() => {
      const bar = document.querySelector('.topbar') as HTMLElement;
      return { scroll: bar.scrollWidth, client: bar.clientWidth, page: document.documentElement.scrollWidth };
    });
    expect(widths.scroll, `the bar at ${width} px`).toBeLessThanOrEqual(widths.client);
    expect(widths.page).toBeLessThanOrEqual(width);
    expect(await findClipped(page, { root: '.topbar' })).toEqual([]);
    for (const id of ['bell', 'topbar-user', 'logout', 'language-select']) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
    await screenshot(page, `collab-topbar-${width}`);
  }
});
