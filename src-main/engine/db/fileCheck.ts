// The checks a company file passes before Ordrebok opens it for writing, on a
// read-only connection, so that a file it must refuse is left exactly as it was:
// a file from a newer version, a damaged file, an empty file, a file that is
// not an SQLite database or not Ordrebok's. Only a file that does not exist
// becomes a new company.
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { DomainError } from '../../../shared/errors';
import { openDatabase, type Db } from './connection';
import { domainErrorOfSqlite } from './sqliteErrors';

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

export type FileCheck =
  /** No file there: a new company will be set up in it. */
  | { readonly kind: 'new' }
  | {
      readonly kind: 'existing';
      readonly size: number;
      readonly userVersion: number;
      /** Whether PRAGMA quick_check ran (and passed) here; when not, openEngine runs it in a worker after opening. */
      readonly integrityChecked: boolean;
    };

export interface FileCheckOptions {
  /** The number of migrations this program has: the newest schema it can open. */
  readonly latestVersion: number;
  /** Run quick_check here when the file is at most this size; a file that needs migrating is always checked. */
  readonly quickCheckMaxBytes: number;
  /** Overrides the rule above: always (true) or never (false; scripts/measure-integrity-check.ts times the cheap checks alone). */
  readonly quickCheck?: boolean;
  readonly nativeBinding?: string;
}

export interface IntegrityResult {
  readonly ok: boolean;
  /** The first problems quick_check reported, or the SQLite error that stopped it. */
  readonly detail: string | null;
}

/** PRAGMA quick_check on an open connection. Reads every page of the file: O(size). */
export function quickCheck(db: Db): IntegrityResult {
  try {
    const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return problems.length === 0 ? { ok: true, detail: null } : { ok: false, detail: problems.join('\n') };
  } catch (err) {
    const refusal = domainErrorOfSqlite(err);
    if (refusal?.data.code === 'database_corrupt') return { ok: false, detail: String((err as Error).message) };
    throw err;
  }
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const n = readSync(fd, header, 0, HEADER_BYTES, 0);
    return header.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const SIDE_FILES = ['-wal', '-shm'] as const;

/** Which of the file's -wal and -shm exist now. */
export function sideFilesPresent(file: string): ReadonlySet<string> {
  return new Set(SIDE_FILES.filter((suffix) => existsSync(`${file}${suffix}`)));
}

/**
 * A read-only connection on a file in WAL mode creates an empty -wal and a -shm
 * beside it (SQLite needs them to read) and leaves them there when it closes.
 * Those it made are removed again, so that the folder looks as it did; a -wal
 * that is not empty belongs to someone else and stays.
 */
export function removeSideFilesMadeSince(file: string, existedBefore: ReadonlySet<string>): void {
  const wal = `${file}-wal`;
  if (!existedBefore.has('-wal') && existsSync(wal)) {
    if (statSync(wal).size !== 0) return;
    rmSync(wal, { force: true });
  }
  if (!existedBefore.has('-shm')) rmSync(`${file}-shm`, { force: true });
}

/**
 * Checks the file without writing to it. Returns what was found, or throws a
 * DomainError saying why the file is refused (database_empty, database_not_sqlite,
 * database_newer, database_foreign, database_corrupt, database_busy …).
 */
export function checkDatabaseFile(file: string, opts: FileCheckOptions): FileCheck {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new DomainError('database_not_sqlite');
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'new' };
    throw err;
  }
  if (size === 0) throw new DomainError('database_empty');
  const header = readHeader(file);
  if (header.length < HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new DomainError('database_not_sqlite');
  }

  const existedBefore = sideFilesPresent(file);
  let db: Db | null = null;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    // Reading the schema reads page 1 and the schema's b-tree: a damaged header or schema fails here.
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    if (userVersion > opts.latestVersion) {
      throw new DomainError('database_newer', null, { found: userVersion, supported: opts.latestVersion });
    }
    // Ordrebok's own file has its company table from the first migration on; at
    // version 0 it has no tables at all (anything else is another program's database).
    if (userVersion > 0 ? !tables.includes('company') : tables.length > 0) throw new DomainError('database_foreign');
    const integrityChecked = opts.quickCheck ?? (size <= opts.quickCheckMaxBytes || userVersion < opts.latestVersion);
    if (integrityChecked) {
      const result = quickCheck(db);
      if (!result.ok) throw new DomainError('database_corrupt');
    }
    return { kind: 'existing', size, userVersion, integrityChecked };
  } catch (err) {
    if (err instanceof DomainError) throw err;
    // SQLITE_NOTADB / SQLITE_CORRUPT → database_corrupt, SQLITE_BUSY → database_busy, …
    throw domainErrorOfSqlite(err) ?? err;
  } finally {
    db?.close();
    removeSideFilesMadeSince(file, existedBefore);
  }
}
