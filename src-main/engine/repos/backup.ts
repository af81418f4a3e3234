// Backups (migration 020): the setting, the log of backups taken, what a backup
// file holds (read on its own read-only connection before a restore), and the
// database checks of "Kontroller databasen".
import { stmt, type Db } from '../db/connection';
import { DEFAULT_KEEP_AUTOMATIC } from '../domain/backup';

export interface BackupSettingRow {
  /** null: the default folder beside the company file. */
  readonly folder: string | null;
  readonly keepAutomatic: number;
}

export function getBackupSetting(db: Db): BackupSettingRow {
  const row = stmt(db, 'SELECT folder, keep_automatic FROM backup_setting WHERE id = 1').get() as
    | { folder: string | null; keep_automatic: number }
    | undefined;
  return row ? { folder: row.folder, keepAutomatic: row.keep_automatic } : { folder: null, keepAutomatic: DEFAULT_KEEP_AUTOMATIC };
}

export function saveBackupSetting(db: Db, s: BackupSettingRow, now: string): void {
  stmt(
    db,
    `INSERT INTO backup_setting (id, folder, keep_automatic, updated_at) VALUES (1, @folder, @keep, @now)
     ON CONFLICT (id) DO UPDATE SET folder = excluded.folder, keep_automatic = excluded.keep_automatic, updated_at = excluded.updated_at`,
  ).run({ folder: s.folder, keep: s.keepAutomatic, now });
}

export interface BackupLogRow {
  readonly takenAt: string;
  readonly file: string;
  readonly automatic: boolean;
  readonly bytes: number;
}

export function logBackup(db: Db, b: BackupLogRow, userId: number | null): void {
  stmt(db, 'INSERT INTO backup_log (taken_at, file, automatic, bytes, user_id) VALUES (?, ?, ?, ?, ?)').run(
    b.takenAt,
    b.file,
    b.automatic ? 1 : 0,
    b.bytes,
    userId,
  );
}

/** The newest backup, or the newest automatic one. */
export function lastBackup(db: Db, opts: { automaticOnly?: boolean } = {}): BackupLogRow | null {
  const row = stmt(
    db,
    `SELECT taken_at, file, automatic, bytes FROM backup_log ${opts.automaticOnly ? 'WHERE automatic = 1' : ''}
     ORDER BY taken_at DESC, id DESC LIMIT 1`,
  ).get() as { taken_at: string; file: string; automatic: number; bytes: number } | undefined;
  return row ? { takenAt: row.taken_at, file: row.file, automatic: row.automatic === 1, bytes: row.bytes } : null;
}

/** What a backup file holds, read on the backup's own connection (tables every schema version has). */
export function backupContents(db: Db): { companyName: string; orgNumber: string; orders: number; customers: number } | null {
  const company = db.prepare('SELECT name, org_number FROM company WHERE id = 1').get() as { name: string; org_number: string } | undefined;
  if (!company) return null;
  const orders = db.prepare("SELECT count(*) FROM order_header WHERE transaction_type = 'sales'").pluck().get() as number;
  const customers = db.prepare("SELECT count(*) FROM party WHERE role = 'customer'").pluck().get() as number;
  return { companyName: company.name, orgNumber: company.org_number, orders, customers };
}

/** PRAGMA integrity_check: the problems SQLite lists (empty when the file is sound). Reads every page. */
export function integrityProblems(db: Db, max = 20): string[] {
  const rows = db.pragma(`integrity_check(${max})`) as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
}

export interface ForeignKeyProblem {
  readonly table: string;
  readonly rowid: number | null;
  readonly parent: string;
}

/** PRAGMA foreign_key_check: rows that point at a row that is not there. */
export function foreignKeyProblems(db: Db): ForeignKeyProblem[] {
  const rows = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  return rows.map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
}
