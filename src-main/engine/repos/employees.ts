import type { Employee } from '../../../shared/channels/people';
import { stmt, type Db } from '../db/connection';
import { foldText, foldedSearch } from '../domain/fold';

interface EmployeeRow {
  id: number;
  name: string;
  initials: string;
  phone: string | null;
  email: string | null;
  user_id: number | null;
  user_name: string | null;
  active: number;
  version: number;
}

const SELECT = `SELECT e.id, e.name, e.initials, e.phone, e.email, e.user_id, u.name AS user_name, e.active, e.version
  FROM employee e LEFT JOIN app_user u ON u.id = e.user_id`;

const toEmployee = (r: EmployeeRow): Employee => ({
  id: r.id,
  name: r.name,
  initials: r.initials,
  phone: r.phone,
  email: r.email,
  userId: r.user_id,
  userName: r.user_name,
  active: r.active === 1,
  version: r.version,
});

export interface EmployeeValues {
  readonly name: string;
  readonly initials: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly userId: number | null;
  readonly active: boolean;
}

/** By name; searched by name or initials, folded (åse finds Åse). */
export function listEmployees(db: Db, q: { includeInactive: boolean; search?: string | undefined }): Employee[] {
  const folded = foldedSearch(q.search);
  const rows = stmt(
    db,
    `${SELECT} WHERE (@all = 1 OR e.active = 1)
       AND (@q IS NULL OR e.name_fold LIKE '%' || @q || '%' OR e.initials = @initials OR e.name_fold LIKE @q || '%')
     ORDER BY e.name_fold, e.id`,
    // Initials are stored in upper case; SQLite's lower() folds ASCII only (PØ), so they are compared as stored.
  ).all({ all: q.includeInactive ? 1 : 0, q: folded, initials: q.search?.trim().toLocaleUpperCase('nb') ?? null }) as EmployeeRow[];
  return rows.map(toEmployee);
}

export function getEmployee(db: Db, id: number): Employee | null {
  const r = stmt(db, `${SELECT} WHERE e.id = ?`).get(id) as EmployeeRow | undefined;
  return r ? toEmployee(r) : null;
}

/** The employee a user logs in as, if any. */
export function employeeOfUser(db: Db, userId: number): Employee | null {
  const r = stmt(db, `${SELECT} WHERE e.user_id = ?`).get(userId) as EmployeeRow | undefined;
  return r ? toEmployee(r) : null;
}

/** Another employee with these initials (case as stored: upper). */
export function employeeByInitials(db: Db, initials: string): Employee | null {
  const r = stmt(db, `${SELECT} WHERE e.initials = ?`).get(initials) as EmployeeRow | undefined;
  return r ? toEmployee(r) : null;
}

export function insertEmployee(db: Db, v: EmployeeValues, now: string): number {
  return Number(
    stmt(
      db,
      `INSERT INTO employee (name, name_fold, initials, phone, email, user_id, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(v.name, foldText(v.name), v.initials, v.phone, v.email, v.userId, v.active ? 1 : 0, now, now).lastInsertRowid,
  );
}

export function updateEmployee(db: Db, id: number, v: EmployeeValues, now: string): void {
  stmt(
    db,
    `UPDATE employee SET name = ?, name_fold = ?, initials = ?, phone = ?, email = ?, user_id = ?, active = ?,
       version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(v.name, foldText(v.name), v.initials, v.phone, v.email, v.userId, v.active ? 1 : 0, now, id);
}
