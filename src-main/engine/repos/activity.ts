import { stmt, type Db } from '../db/connection';
import { notifyOfActivity } from '../services/notifications';

/**
 * Appends to the activity log: who, when, what before and after (SPEC 6). Every
 * entry also goes to the followers of the order(s) it concerns (services/notifications.ts):
 * the one place that sees every change.
 */
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
  const { lastInsertRowid } = stmt(
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
  notifyOfActivity(db, Number(lastInsertRowid), entry);
}
