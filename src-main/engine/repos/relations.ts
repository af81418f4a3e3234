// Links a clerk makes between an order and another order or a project.
import { stmt, type Db } from '../db/connection';

export interface ManualRelationRow {
  readonly id: number;
  /** The order the link was made from, and its other end (an order or a project). */
  readonly orderId: number;
  readonly otherOrderId: number | null;
  readonly projectId: number | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdByName: string | null;
}

const SELECT = `SELECT r.id, r.order_id AS orderId, r.other_order_id AS otherOrderId, r.project_id AS projectId,
    r.note, r.created_at AS createdAt, u.name AS createdByName
  FROM order_relation r LEFT JOIN app_user u ON u.id = r.created_by`;

/** Every manual link that touches the order, from either side. */
export function manualRelationsOf(db: Db, orderId: number): ManualRelationRow[] {
  return stmt(db, `${SELECT} WHERE r.order_id = @id OR r.other_order_id = @id ORDER BY r.id`).all({ id: orderId }) as ManualRelationRow[];
}

export function getManualRelation(db: Db, id: number): ManualRelationRow | null {
  return (stmt(db, `${SELECT} WHERE r.id = ?`).get(id) as ManualRelationRow | undefined) ?? null;
}

export function insertManualRelation(
  db: Db,
  r: { orderId: number; otherOrderId: number | null; projectId: number | null; note: string | null; at: string; userId: number | null },
): number {
  return Number(
    stmt(
      db,
      `INSERT INTO order_relation (order_id, other_order_id, project_id, note, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(r.orderId, r.otherOrderId, r.projectId, r.note, r.at, r.userId).lastInsertRowid,
  );
}

export function deleteManualRelation(db: Db, id: number): void {
  stmt(db, 'DELETE FROM order_relation WHERE id = ?').run(id);
}

export interface ProjectRef {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly status: string;
}

const PROJECT = 'SELECT id, number, name, status FROM project';

export function projectRef(db: Db, id: number): ProjectRef | null {
  return (stmt(db, `${PROJECT} WHERE id = ?`).get(id) as ProjectRef | undefined) ?? null;
}

export function projectRefs(db: Db, ids: readonly number[]): ProjectRef[] {
  if (!ids.length) return [];
  return stmt(db, `${PROJECT} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ProjectRef[];
}

/** Projects by number, or by name (folded: «ase» finds «Åse»), for the link dialog. */
export function findProjects(db: Db, q: { number: number | null; folded: string | null; limit: number }): ProjectRef[] {
  return stmt(
    db,
    `${PROJECT} WHERE (@number IS NOT NULL AND number = @number) OR (@q IS NOT NULL AND name_fold LIKE '%' || @q || '%')
     ORDER BY number DESC LIMIT @limit`,
  ).all({ number: q.number, q: q.folded, limit: q.limit }) as ProjectRef[];
}
