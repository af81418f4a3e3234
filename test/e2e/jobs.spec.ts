// Jobs on a field-service order (issue 12): a job assigned to an employee found
// by initials, with a date and a duration ("1 t 30 min"); a repeating job weekly
// on Thursdays that makes its next jobs at once; "Lag neste jobber" makes none
// twice; starting a job moves the order to Jobb startet; "Avslutt gjentakelse"
// removes the later jobs not started. By keyboard where a clerk would type.
import type { Page } from '@playwright/test';
import { formatDate } from '../../shared/format';
import { addDaysIso, dayNumber, isoWeekday, occurrences } from '../../src-main/engine/domain/jobSchedule';
import { COMPANY, expect, screenshot, test, type App } from './fixtures';
import { openOrder } from './sales';

async function fieldServiceOrder(page: Page, app: App): Promise<{ number: number; today: string }> {
  await app.engine.ok('company.save', { ...COMPANY, statusPreset: 'field_service' });
  const customer = await app.engine.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', contacts: [] });
  const service = await app.engine.ok('products.create', { number: 'SERV', name: 'Service ventilasjon (time)', unit: 'time', priceOre: 95_000, vatCode: '25', stockManaged: false });
  await app.engine.ok('employees.create', { name: 'Per Ødegård', initials: 'PØ' });
  await app.engine.ok('employees.create', { name: 'Kari Nygård', initials: 'KNY' });
  const confirmed = (await app.engine.ok('statuses.list', {})).find((s) => s.kind === 'confirmed' && !s.hidden)!;
  const order = await app.engine.ok('orders.create', {
    header: { customerId: customer.id, orderType: 1, statusId: confirmed.id },
    lines: [{ productId: service.id, quantity: 2_000 }],
  });
  const { today } = await app.engine.ok('system.bootstrap', {});
  await page.reload();
  await expect(page.getByTestId('order-list')).toBeVisible();
  return { number: order.number, today };
}

test('a repeating job makes its next jobs; starting one moves the order; ending the repeat removes the later ones', async ({ page, app }) => {
  const { number, today } = await fieldServiceOrder(page, app);
  await openOrder(page, number);
  await page.keyboard.press('Alt+J');
  const panel = page.getByTestId('jobs-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Ingen jobber på ordren.');

  // A one-off job: the title, Kari by her initials (Enter takes her and moves on to the date), the date, 1 t 30 min.
  const tomorrow = addDaysIso(today, 1);
  await page.getByTestId('job-title').focus();
  await page.keyboard.type('Befaring');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kny');
  await expect(page.getByTestId('job-employee-options-0')).toContainText('Kari Nygård');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-planned')).toBeFocused();
  await expect(page.getByTestId('job-employee')).toHaveValue('KNY – Kari Nygård');
  await page.keyboard.type(formatDate(tomorrow));
  await page.keyboard.press('Tab');
  await page.keyboard.type('1 t 30 min');
  await page.keyboard.press('Enter');
  const first = page.getByTestId('job-0');
  await expect(first).toContainText('Befaring');
  await expect(page.getByTestId('job-0-date')).toHaveText(formatDate(tomorrow));
  await expect(page.getByTestId('job-0-employee')).toHaveText('KNY');
  await expect(page.getByTestId('job-0-duration')).toHaveText('1\u00a0t 30\u00a0min');
  await expect(page.getByTestId('job-title')).toBeFocused();

  // A repeating job: Service every Thursday from today, by Per (found by "øde"), 2 hours.
  await page.keyboard.type('Service ventilasjon');
  await page.keyboard.press('Tab');
  await page.keyboard.type('øde');
  await expect(page.getByTestId('job-employee-options-0')).toContainText('Per Ødegård');
  await page.keyboard.press('Enter');
  await page.keyboard.type(formatDate(today));
  await page.keyboard.press('Tab');
  await page.keyboard.type('2:00');
  await page.keyboard.press('Tab');
  await page.getByTestId('job-repeat').selectOption('weekly');
  await expect(page.getByTestId('job-weekdays')).toBeVisible();
  await page.getByTestId('job-weekday-4').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('job-weekday-4')).toBeChecked();
  await expect(page.getByTestId('job-add')).toHaveText('+ Legg til repeterende jobb');
  await screenshot(page, 'jobs-schedule-editor');
  await page.getByTestId('job-add').focus();
  await page.keyboard.press('Enter');

  const thursdays = occurrences({ repeat: { kind: 'weekly', weekdays: [4] }, startDate: today, endDate: null }, today, addDaysIso(today, 60));
  expect(thursdays.every((d) => isoWeekday(dayNumber(d)) === 4)).toBe(true);
  await expect(page.getByTestId('jobs-notice')).toHaveText(`Laget ${thursdays.length} nye jobber.`);
  const service = panel.locator('.job-list li').filter({ hasText: 'Service ventilasjon' });
  await expect(service).toHaveCount(thursdays.length);
  await expect(page.getByTestId('schedule-0-repeat')).toHaveText('hver uke: tor');
  await expect(page.getByTestId('schedule-0')).toContainText('PØ');
  await expect(page.getByTestId('schedule-0')).toContainText('2\u00a0t');
  await expect(service.first()).toContainText(formatDate(thursdays[0]!));
  await expect(service.first()).toContainText('PØ');
  await expect(service.first()).toContainText('gjentas');
  await screenshot(page, 'jobs-repeating-made');

  // Asked again: nothing new, nothing twice.
  await page.getByTestId('jobs-generate').click();
  await expect(page.getByTestId('jobs-notice')).toContainText('Ingen nye jobber');
  await expect(service).toHaveCount(thursdays.length);

  // Starting the first Service job moves the order to Jobb startet.
  const firstServiceIndex = await service.first().getAttribute('data-testid');
  await page.getByTestId(`${firstServiceIndex}-start`).click();
  await expect(page.getByTestId(`${firstServiceIndex}-state`)).toHaveText('Startet');
  await expect(page.getByTestId('status-bar')).toContainText('Jobb startet');

  // Ending the repeat after the first Thursday: the later ones not started go.
  await page.getByTestId('schedule-0-end').click();
  const endDate = page.getByTestId('schedule-0-end-date');
  await expect(endDate).toBeFocused();
  await endDate.fill(formatDate(thursdays[0]!));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('jobs-notice')).toHaveText(`Gjentakelsen er avsluttet; ${thursdays.length - 1} senere jobber som ikke var startet, er fjernet.`);
  await expect(service).toHaveCount(1);
  await expect(page.getByTestId('schedule-0')).toContainText(`avsluttet etter ${formatDate(thursdays[0]!)}`);
  await screenshot(page, 'jobs-repeat-ended');

  // Narrower window: the rows still fit the side panel.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByTestId('job-0')).toBeVisible();
  await screenshot(page, 'jobs-1280');
});

test('a job not started is changed: another employee, date and duration', async ({ page, app }) => {
  const { number, today } = await fieldServiceOrder(page, app);
  await openOrder(page, number);
  await page.keyboard.press('Alt+J');
  await page.getByTestId('job-title').fill('Montering');
  await page.getByTestId('job-add').click();
  await expect(page.getByTestId('job-0')).toContainText('Montering');
  await page.getByTestId('job-0-edit').click();
  await expect(page.getByTestId('job-title')).toBeFocused();
  await expect(page.getByTestId('job-add')).toHaveText('Lagre endring');
  await page.keyboard.press('Tab');
  await page.keyboard.type('pø');
  await expect(page.getByTestId('job-employee-options-0')).toContainText('Per Ødegård');
  await page.keyboard.press('Enter');
  await page.keyboard.type(formatDate(addDaysIso(today, 3)));
  await page.keyboard.press('Tab');
  await page.keyboard.type('45');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-0-employee')).toHaveText('PØ');
  await expect(page.getByTestId('job-0-date')).toHaveText(formatDate(addDaysIso(today, 3)));
  await expect(page.getByTestId('job-0-duration')).toHaveText('45\u00a0min');
  await expect(page.getByTestId('job-add')).toHaveText('+ Legg til jobb');
  await page.keyboard.press('Alt+G');
  await expect(page.getByTestId('activity-panel')).toContainText('Jobb endret: Montering');
  await screenshot(page, 'jobs-changed-activity');
});
