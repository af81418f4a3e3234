import { stmt, type Db } from '../db/connection';

/** Appends to the activity log: who, when, what before and after (SPEC 6). */
export function logActivity(
  db: Db,
  entry: {
    at: string;
    userId: number | null;
    entity: 'order' | 'customer' | 'supplier' | 'product' | 'company' | 'user' | 'group' | 'invoice' | 'stock' | 'employee' | 'project';
    entityId: number;
    action: string;
    before?: unknown;
    after?: unknown;
  },
): void {
  stmt(
    db,
    `INSERT INTO activity_log (at, user_id, entity, entity_id, action, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.at,
    entry.userId,
    entry.entity,
    entry.entityId,
    entry.action,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}
