import type { Status } from '../../../shared/channels/orders';
import type { StatusKind, StatusPreset, TransactionType } from '../../../shared/enums';
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
  colour: string | null;
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
  colour: r.colour,
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

// ---- The status flow editor (issue 13) ----------------------------------------------

/** Orders per sales status (every status, 0 where none stands). */
export function orderCountsByStatus(db: Db): Map<number, number> {
  const rows = stmt(
    db,
    `SELECT s.id, (SELECT count(*) FROM order_header o WHERE o.status_id = s.id) AS n FROM status s WHERE s.transaction_type = 'sales'`,
  ).all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function updateStatus(db: Db, id: number, v: { labelNb: string; labelEn: string; hidden: boolean; colour: string | null }): void {
  stmt(db, 'UPDATE status SET label_nb = ?, label_en = ?, hidden = ?, colour = ? WHERE id = ?').run(
    v.labelNb,
    v.labelEn,
    v.hidden ? 1 : 0,
    v.colour,
    id,
  );
}

/** A new sales status; its id is never one a removed status had (the activity log may name that one). */
export function insertStatus(db: Db, v: { kind: StatusKind; labelNb: string; labelEn: string; hidden: boolean; colour: string | null; sortOrder: number }): number {
  const { next } = stmt(
    db,
    'SELECT max(coalesce((SELECT max(id) FROM status), 0), coalesce((SELECT max(id) FROM status_removed), 0)) + 1 AS next',
  ).get() as { next: number };
  stmt(
    db,
    `INSERT INTO status (id, transaction_type, kind, label_nb, label_en, sort_order, hidden, colour) VALUES (?, 'sales', ?, ?, ?, ?, ?, ?)`,
  ).run(next, v.kind, v.labelNb, v.labelEn, v.sortOrder, v.hidden ? 1 : 0, v.colour);
  return next;
}

/** Puts the sales statuses in the order given (every one of them). */
export function setStatusOrder(db: Db, ids: readonly number[]): void {
  const set = stmt(db, "UPDATE status SET sort_order = ? WHERE id = ? AND transaction_type = 'sales'");
  ids.forEach((id, i) => set.run((i + 1) * 10, id));
}

/** Moves every order that stands in one status to another (the count triggers follow). */
export function moveOrdersToStatus(db: Db, fromId: number, toId: number, now: string): number {
  return stmt(db, 'UPDATE order_header SET status_id = ?, updated_at = ?, version = version + 1 WHERE status_id = ?').run(toId, now, fromId).changes;
}

/** Removes a status no order stands in, remembering its kind and labels. */
export function removeStatus(db: Db, id: number, now: string): void {
  stmt(
    db,
    `INSERT INTO status_removed (id, transaction_type, kind, label_nb, label_en, removed_at)
     SELECT id, transaction_type, kind, label_nb, label_en, ? FROM status WHERE id = ?`,
  ).run(now, id);
  stmt(db, 'DELETE FROM order_status_count WHERE status_id = ? AND n = 0').run(id);
  stmt(db, 'DELETE FROM status WHERE id = ?').run(id);
}

/** A status id as it stands now: itself, or for a removed one the status an action would pick for its kind. */
export function liveStatusId(db: Db, id: number): number | null {
  if (stmt(db, 'SELECT 1 FROM status WHERE id = ?').get(id)) return id;
  const removed = stmt(db, 'SELECT kind, transaction_type AS tt FROM status_removed WHERE id = ?').get(id) as
    | { kind: StatusKind; tt: TransactionType }
    | undefined;
  if (!removed) return null;
  const now = stmt(db, 'SELECT id FROM status WHERE transaction_type = ? AND kind = ? ORDER BY hidden, sort_order, id LIMIT 1').get(
    removed.tt,
    removed.kind,
  ) as { id: number } | undefined;
  return now?.id ?? null;
}

export function setStatusPreset(db: Db, preset: StatusPreset, now: string): void {
  stmt(db, 'UPDATE company SET status_preset = ?, updated_at = ? WHERE id = 1').run(preset, now);
}
