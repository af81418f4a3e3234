// Files attached to orders: the row that lists them and the bytes beside it.
import type { OrderFile } from '../../../shared/channels/files';
import { stmt, type Db } from '../db/connection';

interface FileRow {
  id: number;
  order_id: number;
  name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  created_at: string;
  created_by_name: string | null;
}

const SELECT = `SELECT f.id, f.order_id, f.name, f.mime, f.size_bytes, f.sha256, f.created_at, u.name AS created_by_name
  FROM order_file f LEFT JOIN app_user u ON u.id = f.created_by`;

const toFile = (r: FileRow): OrderFile => ({
  id: r.id,
  orderId: r.order_id,
  name: r.name,
  mime: r.mime,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
});

/** Newest first. */
export function listOrderFiles(db: Db, orderId: number): OrderFile[] {
  return (stmt(db, `${SELECT} WHERE f.order_id = ? ORDER BY f.id DESC`).all(orderId) as FileRow[]).map(toFile);
}

export function getOrderFile(db: Db, id: number): OrderFile | null {
  const r = stmt(db, `${SELECT} WHERE f.id = ?`).get(id) as FileRow | undefined;
  return r ? toFile(r) : null;
}

export function fileBytes(db: Db, id: number): Buffer | null {
  const r = stmt(db, 'SELECT bytes FROM order_file_content WHERE file_id = ?').get(id) as { bytes: Buffer } | undefined;
  return r ? r.bytes : null;
}

export function insertOrderFile(
  db: Db,
  f: { orderId: number; name: string; mime: string; bytes: Buffer; sha256: string; at: string; userId: number | null },
): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO order_file (order_id, name, mime, size_bytes, sha256, created_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(f.orderId, f.name, f.mime, f.bytes.length, f.sha256, f.at, f.userId).lastInsertRowid,
  );
  stmt(db, 'INSERT INTO order_file_content (file_id, bytes) VALUES (?, ?)').run(id, f.bytes);
  return id;
}

/** The row and its bytes (the content row goes with it by its foreign key). */
export function deleteOrderFile(db: Db, id: number): void {
  stmt(db, 'DELETE FROM order_file WHERE id = ?').run(id);
}
