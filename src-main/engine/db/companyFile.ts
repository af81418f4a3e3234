// Opening the company file for the engine: the checks on a read-only connection
// first (db/fileCheck.ts: a file Ordrebok must refuse is never written to), then
// the read-write connection and the pending migrations, or a read-only
// connection when the file cannot be written (a backup looked at as it is).
//
// The integrity check (PRAGMA quick_check) reads the whole file. A small file is
// checked before it is opened; a large one (a 1,000,000-order company is over
// 4 GB) is opened at once and checked in a worker thread: reads go on, writes
// wait for its answer, and if the file is damaged every later write is refused
// with database_corrupt (and system.bootstrap says so).
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorData, DomainError, type DomainErrorData } from '../../../shared/errors';
import { openDatabase, optimizeDatabase, type Db } from './connection';
import { checkDatabaseFile, removeSideFilesMadeSince, sideFilesPresent } from './fileCheck';
import { quickCheckInWorker, type IntegrityCheck } from './integrityWorker';
import { latestVersion, loadMigrations, migrate, type MigrationResult } from './migrate';
import { domainErrorOfSqlite } from './sqliteErrors';

/** Files up to this size are checked with quick_check before they are opened (a few hundred milliseconds at most). */
export const INTEGRITY_CHECK_SYNC_MAX_BYTES = 64 * 1024 * 1024;

export interface CompanyFileOptions {
  readonly file: string;
  readonly nativeBinding?: string;
  /** Open without writing anything (a backup looked at as it is); also chosen by itself when the file is not writable. */
  readonly readOnly?: boolean;
  /** Above this size the integrity check runs in a worker after opening (default INTEGRITY_CHECK_SYNC_MAX_BYTES). */
  readonly integrityCheckSyncMaxBytes?: number;
  /** Told when the integrity check could not run at all (not when it found damage). */
  readonly onCheckFailed?: (error: unknown) => void;
}

export interface CompanyFile {
  readonly db: Db;
  readonly migration: MigrationResult;
  readonly readOnly: boolean;
  /**
   * Before a write: waits for the integrity check if it is still running, and
   * resolves with the refusal when the file is damaged, null when the write may go ahead.
   */
  writeGate(): Promise<DomainErrorData | null> | null;
  /** Damage found after opening (the integrity check, or SQLite reporting corruption during a call); null while none is known. */
  problem(): DomainErrorData | null;
  /** A refusal for an SQLite failure the user can act on (a full disk, a read-only or damaged file), or null. */
  refusalOf(err: unknown): DomainErrorData | null;
  close(): void;
}

/** False when the file exists and this process may not write to it. */
function isWritable(file: string): boolean {
  if (!existsSync(file)) return true;
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Opens the company file, or throws a DomainError saying why the file is refused. */
export async function openCompanyFile(opts: CompanyFileOptions): Promise<CompanyFile> {
  const { file } = opts;
  const migrations = loadMigrations();
  const latest = latestVersion(migrations);
  const binding = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
  const inMemory = file === ':memory:';
  const readOnly = !inMemory && (opts.readOnly === true || !isWritable(file));

  const check = inMemory
    ? ({ kind: 'new' } as const)
    : checkDatabaseFile(file, {
        latestVersion: latest,
        quickCheckMaxBytes: opts.integrityCheckSyncMaxBytes ?? INTEGRITY_CHECK_SYNC_MAX_BYTES,
        ...binding,
      });
  if (readOnly) {
    if (check.kind === 'new') throw new DomainError('database_missing');
    if (check.userVersion < latest) {
      throw new DomainError('database_read_only_old', null, { found: check.userVersion, supported: latest });
    }
  }
  if (check.kind === 'new' && !inMemory) mkdirSync(dirname(file), { recursive: true });

  // Checked in a worker after opening: nothing is written until it has passed
  // (the statistics refresh at open waits for it too). A file that needed
  // migrating was checked before (the migration's copy reads all of it anyway).
  const deferCheck = check.kind === 'existing' && !check.integrityChecked;
  const version = check.kind === 'existing' ? check.userVersion : 0;
  // A read-only connection leaves an empty -wal and a -shm behind; the engine removes those it made when it closes.
  const sideFilesBefore = readOnly ? sideFilesPresent(file) : null;
  let db: Db | null = null;
  let migration: MigrationResult;
  try {
    db = openDatabase(file, { ...binding, readonly: readOnly, optimize: !readOnly && !deferCheck });
    migration = readOnly ? { from: version, to: version, backupFile: null } : await migrate(db, file, migrations);
  } catch (err) {
    db?.close();
    // SQLITE_BUSY while another program holds the file, SQLITE_FULL while migrating, …
    throw err instanceof DomainError ? err : (domainErrorOfSqlite(err) ?? err);
  }
  const conn: Db = db;

  let damaged: DomainErrorData | null = null;
  let running: IntegrityCheck | null = null;
  let gate: Promise<DomainErrorData | null> | null = null;
  if (deferCheck) {
    running = quickCheckInWorker(file, binding);
    gate = running.result.then((answer) => {
      running = null;
      gate = null;
      if (answer.ok) {
        try {
          if (!readOnly && conn.open) optimizeDatabase(conn);
        } catch (err) {
          opts.onCheckFailed?.(err);
        }
      } else if (!answer.code || domainErrorOfSqlite({ code: answer.code })?.data.code === 'database_corrupt') {
        // quick_check listed problems, or SQLite reported corruption while reading.
        damaged ??= errorData('database_corrupt', null);
      } else {
        // The check could not run (the file busy, the worker not starting): no damage is known, so writes go on.
        opts.onCheckFailed?.(new Error(`integrity check did not run: ${answer.code} ${answer.detail ?? ''}`));
      }
      return damaged;
    });
  }

  return {
    db: conn,
    migration,
    readOnly,
    writeGate() {
      return damaged ? Promise.resolve(damaged) : gate;
    },
    problem: () => damaged,
    refusalOf(err) {
      const refusal = domainErrorOfSqlite(err);
      if (!refusal) return null;
      if (refusal.data.code === 'database_corrupt') damaged ??= refusal.data;
      return refusal.data;
    },
    close() {
      running?.stop();
      conn.close();
      if (sideFilesBefore) removeSideFilesMadeSince(file, sideFilesBefore);
    },
  };
}
