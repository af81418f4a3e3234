import type { AccessGroup, User } from '../../../shared/channels/auth';
import type { Right } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';

interface UserRow {
  id: number;
  username: string;
  name: string;
  group_id: number;
  pin_salt: string;
  pin_hash: string;
  active: number;
}

const toUser = (r: UserRow): User => ({ id: r.id, username: r.username, name: r.name, groupId: r.group_id, active: r.active === 1 });

export function countUsers(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM app_user').get() as { n: number }).n;
}

export function listUsers(db: Db): User[] {
  return (stmt(db, 'SELECT * FROM app_user ORDER BY username').all() as UserRow[]).map(toUser);
}

export function getUser(db: Db, id: number): User | null {
  const r = stmt(db, 'SELECT * FROM app_user WHERE id = ?').get(id) as UserRow | undefined;
  return r ? toUser(r) : null;
}

export function findCredentials(db: Db, username: string): (User & { pinSalt: string; pinHash: string }) | null {
  const r = stmt(db, 'SELECT * FROM app_user WHERE username = ?').get(username) as UserRow | undefined;
  return r ? { ...toUser(r), pinSalt: r.pin_salt, pinHash: r.pin_hash } : null;
}

export function findUserIdByName(db: Db, username: string): number | null {
  return (stmt(db, 'SELECT id FROM app_user WHERE username = ?').get(username) as { id: number } | undefined)?.id ?? null;
}

export function insertUser(
  db: Db,
  u: { username: string; name: string; groupId: number; active: boolean; pinSalt: string; pinHash: string },
  now: string,
): number {
  return Number(
    stmt(
      db,
      'INSERT INTO app_user (username, name, group_id, pin_salt, pin_hash, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(u.username, u.name, u.groupId, u.pinSalt, u.pinHash, u.active ? 1 : 0, now).lastInsertRowid,
  );
}

export function updateUser(
  db: Db,
  id: number,
  u: { username: string; name: string; groupId: number; active: boolean; pin: { salt: string; hash: string } | null },
): void {
  stmt(db, 'UPDATE app_user SET username = ?, name = ?, group_id = ?, active = ? WHERE id = ?').run(
    u.username,
    u.name,
    u.groupId,
    u.active ? 1 : 0,
    id,
  );
  if (u.pin) stmt(db, 'UPDATE app_user SET pin_salt = ?, pin_hash = ? WHERE id = ?').run(u.pin.salt, u.pin.hash, id);
}

export function rightsOfGroup(db: Db, groupId: number): Right[] {
  return (
    stmt(db, 'SELECT right_name FROM group_right WHERE group_id = ? ORDER BY right_name').all(groupId) as { right_name: Right }[]
  ).map((r) => r.right_name);
}

export function listGroups(db: Db): AccessGroup[] {
  return (stmt(db, 'SELECT id, name FROM access_group ORDER BY name').all() as { id: number; name: string }[]).map((g) => ({
    ...g,
    rights: rightsOfGroup(db, g.id),
  }));
}

export function getGroup(db: Db, id: number): AccessGroup | null {
  const g = stmt(db, 'SELECT id, name FROM access_group WHERE id = ?').get(id) as { id: number; name: string } | undefined;
  return g ? { ...g, rights: rightsOfGroup(db, g.id) } : null;
}

export function saveGroup(db: Db, id: number | undefined, name: string, rights: readonly Right[]): number {
  const groupId =
    id ?? Number(stmt(db, 'INSERT INTO access_group (name) VALUES (?)').run(name).lastInsertRowid);
  if (id !== undefined) stmt(db, 'UPDATE access_group SET name = ? WHERE id = ?').run(name, id);
  stmt(db, 'DELETE FROM group_right WHERE group_id = ?').run(groupId);
  const add = stmt(db, 'INSERT INTO group_right (group_id, right_name) VALUES (?, ?)');
  for (const r of new Set(rights)) add.run(groupId, r);
  return groupId;
}

/** Active users whose group has the right to administer. */
export function countActiveAdministrators(db: Db): number {
  return (
    stmt(
      db,
      `SELECT count(*) AS n FROM app_user u JOIN group_right g ON g.group_id = u.group_id
       WHERE u.active = 1 AND g.right_name = 'administer'`,
    ).get() as { n: number }
  ).n;
}

export function findGroupIdByName(db: Db, name: string): number | null {
  return (stmt(db, 'SELECT id FROM access_group WHERE name = ?').get(name) as { id: number } | undefined)?.id ?? null;
}
