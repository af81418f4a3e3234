// Statements behind the order's story: its backorders, and where invoice lines came from.
import { stmt, type Db } from '../db/connection';

/** The backorders made from an order, oldest first. */
export function backorderIdsOf(db: Db, orderId: number): number[] {
  return (stmt(db, 'SELECT id FROM order_header WHERE backorder_of_id = ? ORDER BY number').all(orderId) as { id: number }[]).map((r) => r.id);
}

export interface LineOrigin {
  readonly orderId: number;
  readonly lineNo: number;
  readonly productNumber: string;
}

/** Order lines by id: their order, line number and product number, for invoice lines that refer to them. */
export function lineOrigins(db: Db, lineIds: readonly number[]): Map<number, LineOrigin> {
  const rows = stmt(
    db,
    `SELECT id, order_id AS orderId, line_no AS lineNo, product_number AS productNumber
     FROM order_line WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify([...new Set(lineIds)])) as (LineOrigin & { id: number })[];
  return new Map(rows.map((r) => [r.id, r]));
}
