import type { SessionUser } from '../../../shared/channels/auth';
import { DomainError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { hashPin, pinMatches } from '../domain/pin';
import { logActivity } from '../repos/activity';
import {
  countActiveAdministrators,
  countUsers,
  findCredentials,
  findGroupIdByName,
  findUserIdByName,
  getGroup,
  getUser,
  insertUser,
  listGroups,
  listUsers,
  rightsOfGroup,
  saveGroup,
  updateUser,
} from '../repos/users';
import { reader, writer, type HandlerMap } from './types';

function sessionUser(db: Db, id: number): SessionUser | null {
  const u = getUser(db, id);
  return u ? { id: u.id, username: u.username, name: u.name, groupId: u.groupId, rights: rightsOfGroup(db, u.groupId) } : null;
}

/** Changes to users and groups may never lock everyone out of administration. */
function assertAdministratorRemains(db: Db): void {
  if (countUsers(db) > 0 && countActiveAdministrators(db) === 0) throw new DomainError('last_administrator');
}

type AuthChannels = 'auth.status' | 'auth.login' | 'auth.logout' | 'users.list' | 'users.save' | 'groups.list' | 'groups.save';

export const authHandlers: HandlerMap<AuthChannels> = {
  'auth.status': reader(
    (_i, { db, actor }) => ({
      usersExist: countUsers(db) > 0,
      user: actor.userId === null ? null : sessionUser(db, actor.userId),
    }),
  ),
  'auth.login': writer(
    (input, { db, now, session }) => {
      const cred = findCredentials(db, input.username);
      if (!cred || !cred.active || !pinMatches(input.pin, cred.pinSalt, cred.pinHash)) {
        throw new DomainError('login_failed', 'pin');
      }
      session.login(cred.id);
      logActivity(db, { at: now.toISOString(), userId: cred.id, entity: 'user', entityId: cred.id, action: 'login' });
      return sessionUser(db, cred.id)!;
    },
  ),
  'auth.logout': writer(
    (_i, { db, session }) => {
      session.logout();
      return { usersExist: countUsers(db) > 0, user: null };
    },
  ),
  'users.list': reader((_i, { db }) => listUsers(db)),
  'users.save': writer(
    (input, { db, now, userId, session }) => {
      const firstUser = countUsers(db) === 0;
      if (!getGroup(db, input.groupId)) throw new DomainError('not_found', 'groupId', { entity: 'tilgangsgruppe', id: input.groupId });
      const taken = findUserIdByName(db, input.username);
      if (taken !== null && taken !== input.id) throw new DomainError('duplicate_username', 'username', { value: input.username });
      let id: number;
      if (input.id === undefined) {
        if (!input.pin) throw new DomainError('pin_required', 'pin');
        const { salt, hash } = hashPin(input.pin);
        id = insertUser(db, { ...input, pinSalt: salt, pinHash: hash }, now.toISOString());
      } else {
        if (!getUser(db, input.id)) throw new DomainError('not_found', 'id', { entity: 'bruker', id: input.id });
        id = input.id;
        updateUser(db, id, { ...input, pin: input.pin ? hashPin(input.pin) : null });
      }
      assertAdministratorRemains(db);
      // Whoever creates the first user on an open workstation continues as that user.
      if (firstUser) session.login(id);
      const saved = getUser(db, id)!;
      logActivity(db, { at: now.toISOString(), userId, entity: 'user', entityId: id, action: input.id ? 'update' : 'create', after: saved });
      return saved;
    },
  ),
  'groups.list': reader((_i, { db }) => listGroups(db)),
  'groups.save': writer(
    (input, { db, now, userId }) => {
      if (input.id !== undefined && !getGroup(db, input.id)) throw new DomainError('not_found', 'id', { entity: 'tilgangsgruppe', id: input.id });
      const named = findGroupIdByName(db, input.name);
      if (named !== null && named !== input.id) throw new DomainError('duplicate_group_name', 'name', { value: input.name });
      const id = saveGroup(db, input.id, input.name, input.rights);
      assertAdministratorRemains(db);
      const saved = getGroup(db, id)!;
      logActivity(db, { at: now.toISOString(), userId, entity: 'group', entityId: id, action: input.id ? 'update' : 'create', after: saved });
      return saved;
    },
  ),
};
