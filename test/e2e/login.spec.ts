// Once users exist, the workstation asks who is working (SPEC 8); a wrong PIN is
// refused by the PIN field, in Norwegian.
import { expect, seedCompany, test } from './fixtures';

test('with users, the login screen comes first; a wrong PIN is refused, the right one opens the app', async ({ page, app }) => {
  await seedCompany(page, app);
  // Through the engine's own session; the host's workstation session is another one, not logged in.
  const admins = await app.engine.ok('groups.save', { name: 'Administratorer', rights: ['administer'] });
  await app.engine.ok('users.save', { username: 'kari', name: 'Kari Nordmann', groupId: admins.id, pin: '4821' });
  await page.reload();

  await expect(page.getByTestId('login')).toBeVisible();
  await expect(page.getByTestId('login-username')).toBeFocused();
  await page.keyboard.type('kari');
  await page.getByTestId('login-pin').fill('0000');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('login-pin-error')).toHaveText('Feil brukernavn eller PIN-kode.');
  await expect(page.getByTestId('order-list')).toHaveCount(0);

  await page.getByTestId('login-pin').fill('4821');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('order-list')).toBeVisible();
  await expect(page.getByTestId('topbar-user')).toHaveText('Kari Nordmann');

  await page.getByTestId('logout').click();
  await expect(page.getByTestId('login')).toBeVisible();
});
