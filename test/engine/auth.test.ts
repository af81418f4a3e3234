// SPEC 8: users in access groups, rights per function, a workstation login by
// user name and PIN; a refusal for a missing right names the right.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
beforeEach(async () => {
  t = await makeEngine();
  await t.ok('company.save', COMPANY);
});
afterEach(() => t.close());

async function setUpUsers() {
  const admins = await t.ok('groups.save', { name: 'Administratorer', rights: ['administer', 'invoice', 'credit', 'change_order_type'] });
  const clerks = await t.ok('groups.save', { name: 'Ordrekontor', rights: ['invoice'] });
  await t.ok('users.save', { username: 'admin', name: 'Anne Admin', groupId: admins.id, pin: '9876' });
  await t.ok('users.save', { username: 'kari', name: 'Kari Kontor', groupId: clerks.id, pin: '1234' });
  return { admins, clerks };
}

describe('users, rights and login', () => {
  it('a new installation is open until the first user is created', async () => {
    expect(await t.ok('auth.status', {})).toEqual({ usersExist: false, user: null });
    await setUpUsers();
    // The one who created the first user carries on as that user.
    expect((await t.ok('auth.status', {})).user?.username).toBe('admin');
    await t.ok('auth.logout', {});
    expect(await t.ok('auth.status', {})).toEqual({ usersExist: true, user: null });
    expect((await t.refused('products.list', {})).code).toBe('login_required');
  });

  it('logs in with user name and PIN, and refuses a wrong PIN without saying which part was wrong', async () => {
    await setUpUsers();
    await t.ok('auth.logout', {});
    const wrong = await t.refused('auth.login', { username: 'kari', pin: '0000' });
    expect(wrong.code).toBe('login_failed');
    expect(wrong.message.nb).toBe('Feil brukernavn eller PIN-kode.');
    const kari = await t.ok('auth.login', { username: 'KARI', pin: '1234' });
    expect(kari).toMatchObject({ username: 'kari', name: 'Kari Kontor', rights: ['invoice'] });
    expect((await t.ok('auth.status', {})).user?.username).toBe('kari');
    await t.ok('products.list', {});
    await t.ok('auth.logout', {});
    expect((await t.refused('products.list', {})).code).toBe('login_required');
  });

  it('a refusal for a missing right names the right in both languages', async () => {
    await setUpUsers();
    await t.ok('auth.login', { username: 'kari', pin: '1234' });
    const e = await t.refused('company.save', COMPANY);
    expect(e.code).toBe('missing_right');
    expect(e.message.nb).toContain('«Administrere»');
    expect(e.message.en).toContain('"Administer"');
    expect(e.params.right).toBe('administer');
  });

  it('sessions are per workstation session: logging in on one does not log in another', async () => {
    await setUpUsers();
    const a = await t.engine.call('auth.login', { username: 'admin', pin: '9876' }, { sessionKey: 'vindu-1' });
    expect(a.ok).toBe(true);
    expect((await t.engine.call('users.list', {}, { sessionKey: 'vindu-1' })).ok).toBe(true);
    const other = await t.engine.call('users.list', {}, { sessionKey: 'vindu-2' });
    expect(other.ok ? null : other.error.code).toBe('login_required');
  });

  it('the last administrator cannot be removed or deactivated', async () => {
    const { admins, clerks } = await setUpUsers();
    await t.ok('auth.login', { username: 'admin', pin: '9876' });
    const users = await t.ok('users.list', {});
    const admin = users.find((u) => u.username === 'admin')!;
    const before = t.engine.fingerprint();
    expect((await t.refused('users.save', { id: admin.id, username: 'admin', name: 'Anne', groupId: clerks.id })).code).toBe('last_administrator');
    expect((await t.refused('users.save', { id: admin.id, username: 'admin', name: 'Anne', groupId: admins.id, active: false })).code).toBe('last_administrator');
    expect((await t.refused('groups.save', { id: admins.id, name: 'Administratorer', rights: ['invoice'] })).code).toBe('last_administrator');
    expect(t.engine.fingerprint()).toEqual(before);
  });

  it('PINs are not stored in clear text', async () => {
    await setUpUsers();
    const { hash } = t.engine.fingerprint();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await t.ok('auth.login', { username: 'admin', pin: '9876' });
    const users = await t.ok('users.list', {});
    expect(JSON.stringify(users)).not.toContain('9876');
  });
});
