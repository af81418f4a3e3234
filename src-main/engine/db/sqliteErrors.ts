// SQLite's own failures (a full disk, a read-only or locked file, a damaged
// file) turned into typed domain errors with a message in Norwegian and English
// that says what the user can do, instead of "Nothing was saved" or SQLite's
// English text. The engine's one catch (run() in engine.ts) and the file checks
// at open both go through here.
import { DomainError, type ErrorCode } from '../../../shared/errors';

/** The result code of an error better-sqlite3 threw (SqliteError.code: "SQLITE_FULL", "SQLITE_READONLY_DBMOVED", …), or null. */
export function sqliteCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The error code for an SQLite result code, or null when it is not one the user can act on. */
export function errorCodeOfSqlite(code: string): ErrorCode | null {
  // Extended codes carry the primary one as their prefix: SQLITE_READONLY_DBMOVED, SQLITE_CORRUPT_INDEX, SQLITE_IOERR_WRITE …
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0] ?? code;
  switch (primary) {
    case 'SQLITE_FULL':
      return 'disk_full';
    case 'SQLITE_READONLY':
      // A file in WAL mode cannot even be read where its -shm file cannot be made.
      return code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT' ? 'database_folder_read_only' : 'file_read_only';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'database_corrupt';
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'database_busy';
    case 'SQLITE_IOERR':
      // The disk or the network drive failed under SQLite (a removed USB disk, a lost share).
      return 'file_io_error';
    default:
      return null;
  }
}

/** A DomainError for an SQLite failure the user can act on, or null (a bug: the caller reports it as internal). */
export function domainErrorOfSqlite(err: unknown): DomainError | null {
  const code = sqliteCode(err);
  const errorCode = code ? errorCodeOfSqlite(code) : null;
  return errorCode ? new DomainError(errorCode, null, { sqlite: code! }) : null;
}
