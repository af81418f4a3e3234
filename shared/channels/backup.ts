// Backup and restore, and "Kontroller databasen" (issue 13). A backup is SQLite's
// online backup of the open company file (the program keeps running and writes
// go on); a restore checks the backup first (backup.inspect), then keeps the
// current file aside and reopens the program on the backup.
import { z } from 'zod';
import { NO_INPUT, channel } from './common';

/** A folder or file path as the user types it (the engine checks that it exists). */
const path = z.string().trim().min(1).max(1000);

export type BackupWarning = 'missing' | 'old' | null;

export interface BackupStatus {
  /** When the newest backup was taken (ISO), and its file; null when none is known in this file. */
  readonly lastAt: string | null;
  readonly lastFile: string | null;
  readonly lastAutomatic: boolean | null;
  /** Whole days since the newest backup. */
  readonly ageDays: number | null;
  /** The top bar's warning: none yet, or older than BACKUP_WARNING_DAYS days. */
  readonly warning: BackupWarning;
  /** Where "Ta sikkerhetskopi nå" and the automatic backups go. */
  readonly folder: string;
  /** The folder beside the company file, used when none is set. */
  readonly defaultFolder: string;
  /** The folder the administrator set, or null for the default. */
  readonly customFolder: string | null;
  /** How many automatic backups are kept. */
  readonly keepAutomatic: number;
  readonly warningDays: number;
}

export interface BackupTaken {
  readonly file: string;
  readonly takenAt: string;
  readonly bytes: number;
  readonly automatic: boolean;
  /** Automatic backups deleted to keep the last N. */
  readonly pruned: readonly string[];
}

export interface BackupInfo {
  readonly file: string;
  readonly companyName: string;
  readonly orgNumber: string;
  readonly schemaVersion: number;
  /** The schema this program works with: an older backup is upgraded when it is opened. */
  readonly currentSchemaVersion: number;
  /** When the backup was taken (ISO): from its name where the program named it, else the file's time. */
  readonly takenAt: string;
  readonly orders: number;
  readonly customers: number;
  readonly bytes: number;
}

export interface RestoreResult extends BackupInfo {
  /** Where the company file that was replaced is kept, in the same folder. */
  readonly keptAs: string;
  /** The schema after opening (the backup's own, or upgraded to the current one). */
  readonly schemaAfter: number;
}

export type CheckFindingKind = 'integrity' | 'foreign_key' | 'audit';

export interface CheckFinding {
  readonly kind: CheckFindingKind;
  readonly nb: string;
  readonly en: string;
  /** Rows that break the rule (1 for an integrity problem). */
  readonly count: number;
  /** A few row ids to look at. */
  readonly sample: readonly number[];
}

export interface CheckReport {
  readonly ok: boolean;
  /** How many rules and checks ran. */
  readonly checks: number;
  readonly findings: readonly CheckFinding[];
  readonly checkedAt: string;
  readonly ms: number;
}

export const BACKUP_KEEP_MAX = 365;

export const backupChannels = {
  /** The newest backup and the folder, for Innstillinger and the top bar's warning (every user). */
  'backup.status': channel<BackupStatus>()(NO_INPUT),
  'backup.saveSettings': channel<BackupStatus>()(
    z
      .object({
        /** null: the default folder beside the company file. */
        folder: path.nullable(),
        keepAutomatic: z.number().int().min(1).max(BACKUP_KEEP_MAX),
      })
      .strict(),
    { right: 'administer' },
  ),
  /** "Ta sikkerhetskopi nå": to the folder given, or the one set. */
  'backup.create': channel<BackupTaken>()(z.object({ folder: path.optional() }).strict(), { right: 'administer' }),
  /** Checks a backup file before a restore, and says what it holds; changes nothing. */
  'backup.inspect': channel<BackupInfo>()(z.object({ file: path }).strict(), { right: 'administer' }),
  /** Keeps the current company file aside, puts the backup in its place and reopens on it. */
  'backup.restore': channel<RestoreResult>()(z.object({ file: path }).strict(), { right: 'administer' }),
  /** "Kontroller databasen": SQLite's integrity and foreign key checks and the engine's own audit. */
  'backup.check': channel<CheckReport>()(NO_INPUT, { right: 'administer' }),
};
