// An order as another record refers to it: number, kind, who it is for, status.
import { stmt, type Db } from '../db/connection';

export interface OrderRef {
  readonly id: number;
  readonly number: number;
  readonly transactionType: 'sales' | 'purchase' | 'rental';
  readonly orderType: number;
  readonly partyName: string;
  readonly statusKind: string;
  readonly statusNb: string;
  readonly statusEn: string;
  /** Purchase orders: cancelled (their status is otherwise worked out from their lines). */
  readonly cancelled: boolean;
  readonly sourceOrderId: number | null;
  readonly backorderOfId: number | null;
  readonly amendsId: number | null;
  readonly projectId: number | null;
}

const SELECT = `SELECT o.id, o.number, o.transaction_type AS transactionType, o.order_type AS orderType, o.customer_name AS partyName,
    s.kind AS statusKind, s.label_nb AS statusNb, s.label_en AS statusEn,
    (p.cancelled_at IS NOT NULL) AS cancelled, o.source_order_id AS sourceOrderId,
    o.backorder_of_id AS backorderOfId, p.amends_id AS amendsId, o.project_id AS projectId
  FROM order_header o JOIN status s ON s.id = o.status_id LEFT JOIN purchase_order p ON p.order_id = o.id`;

type Row = Omit<OrderRef, 'cancelled'> & { cancelled: number };
const toRef = (r: Row): OrderRef => ({ ...r, cancelled: r.cancelled === 1 });

export function orderRef(db: Db, id: number): OrderRef | null {
  const r = stmt(db, `${SELECT} WHERE o.id = ?`).get(id) as Row | undefined;
  return r ? toRef(r) : null;
}

export function orderRefs(db: Db, ids: readonly number[]): OrderRef[] {
  if (!ids.length) return [];
  return (stmt(db, `${SELECT} WHERE o.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Row[]).map(toRef);
}

/** A sales or purchase order by its number (the relation dialog's lookup). */
export function orderRefByNumber(db: Db, transactionType: 'sales' | 'purchase', number: number): OrderRef | null {
  const r = stmt(db, `${SELECT} WHERE o.transaction_type = ? AND o.number = ?`).get(transactionType, number) as Row | undefined;
  return r ? toRef(r) : null;
}

/** Orders made from this one: from a quote, as backorders, as purchase amendments. */
export function ordersFrom(db: Db, id: number): { made: number[]; backorders: number[]; amendedBy: number[] } {
  const ids = (sql: string) => (stmt(db, sql).all(id) as { id: number }[]).map((r) => r.id);
  return {
    made: ids('SELECT id FROM order_header WHERE source_order_id = ? ORDER BY id'),
    backorders: ids('SELECT id FROM order_header WHERE backorder_of_id = ? ORDER BY id'),
    amendedBy: ids('SELECT order_id AS id FROM purchase_order WHERE amends_id = ? ORDER BY order_id'),
  };
}

/** Every nth order of a kind, oldest first (the demo picks the orders it adds files and links to). */
export function everyNthOrder(db: Db, transactionType: 'sales' | 'purchase', n: number, limit: number): number[] {
  return (
    stmt(db, 'SELECT id FROM order_header WHERE transaction_type = ? AND id % ? = 0 ORDER BY id LIMIT ?').all(transactionType, n, limit) as { id: number }[]
  ).map((r) => r.id);
}
