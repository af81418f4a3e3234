import type { Status } from '../../../shared/channels/orders';
import type { StatusKind, TransactionType } from '../../../shared/enums';
import { stmt, type Db } from '../db/connection';
import type { StatusSeed } from '../domain/statusFlows';

interface StatusRow {
  id: number;
  kind: StatusKind;
  label_nb: string;
  label_en: string;
  sort_order: number;
  hidden: number;
  transaction_type: TransactionType;
}

/** A status as stored; whether it is a step of the flow depends on the company's preset (domain/statusFlows.ts). */
export type StoredStatus = Omit<Status, 'inFlow'>;

const toStatus = (r: StatusRow): StoredStatus => ({
  id: r.id,
  kind: r.kind,
  labelNb: r.label_nb,
  labelEn: r.label_en,
  sortOrder: r.sort_order,
  hidden: r.hidden === 1,
});

export function listStatuses(db: Db, transactionType: TransactionType): StoredStatus[] {
  return (
    stmt(db, 'SELECT * FROM status WHERE transaction_type = ? ORDER BY sort_order, id').all(transactionType) as StatusRow[]
  ).map(toStatus);
}

export function getStatus(db: Db, id: number): (StoredStatus & { transactionType: TransactionType }) | null {
  const r = stmt(db, 'SELECT * FROM status WHERE id = ?').get(id) as StatusRow | undefined;
  return r ? { ...toStatus(r), transactionType: r.transaction_type } : null;
}

export function countStatuses(db: Db): number {
  // Sales statuses only: the purchase orders' placeholder status is no flow.
  return (stmt(db, "SELECT count(*) AS n FROM status WHERE transaction_type = 'sales'").get() as { n: number }).n;
}

export function insertStatuses(db: Db, transactionType: TransactionType, seeds: readonly StatusSeed[]): void {
  const ins = stmt(
    db,
    'INSERT INTO status (transaction_type, kind, label_nb, label_en, sort_order, hidden) VALUES (?, ?, ?, ?, ?, ?)',
  );
  seeds.forEach((s, i) => ins.run(transactionType, s.kind, s.labelNb, s.labelEn, (i + 1) * 10, s.hidden ? 1 : 0));
}

/** Lays down another flow in place of the current one; only while no order of the transaction type stands in a status. */
export function replaceStatuses(db: Db, transactionType: TransactionType, seeds: readonly StatusSeed[]): void {
  stmt(db, 'DELETE FROM status WHERE transaction_type = ?').run(transactionType);
  insertStatuses(db, transactionType, seeds);
}

export function countOrders(db: Db, transactionType: TransactionType): number {
  return (stmt(db, 'SELECT count(*) AS n FROM order_header WHERE transaction_type = ?').get(transactionType) as { n: number }).n;
}

/**
 * Shows the given status kinds as tabs, in the order given; whatever stays
 * hidden goes after them (the demo company switches on the kinds its orders reach).
 */
export function showStatusKinds(db: Db, transactionType: TransactionType, kindsInOrder: readonly StatusKind[]): void {
  const set = stmt(db, 'UPDATE status SET hidden = 0, sort_order = ? WHERE transaction_type = ? AND kind = ?');
  kindsInOrder.forEach((kind, i) => set.run((i + 1) * 10, transactionType, kind));
  stmt(
    db,
    `UPDATE status SET sort_order = 10000 + sort_order WHERE transaction_type = ? AND hidden = 1 AND sort_order < 10000`,
  ).run(transactionType);
}
