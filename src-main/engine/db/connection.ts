// Opening the company database: the pragmas every connection needs.
import Database from 'better-sqlite3';
import { foldText } from '../domain/fold';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 native build other than Node's (the Electron shell passes its own). */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
  /** Never create the file (the checks before opening, a read-only look). */
  readonly fileMustExist?: boolean;
  /**
   * Refresh the query planner's statistics at open (a write): true by default on a
   * read-write connection. openEngine defers it on a large file until the file's
   * integrity check has passed (db/companyFile.ts).
   */
  readonly optimize?: boolean;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  const db = new Database(file, {
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.readonly ? { readonly: true } : {}),
    ...(opts.fileMustExist ? { fileMustExist: true } : {}),
  });
  // WAL for concurrent readers; synchronous=FULL so a committed invoice survives a power cut.
  if (!opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  // The search fold, for migration 009's backfill (never used in the schema itself).
  db.function('ordrebok_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldText(text) : text));
  if (!opts.readonly && opts.optimize !== false) optimizeDatabase(db);
  return db;
}

/**
 * Gives the query planner statistics where they are missing or stale, with a
 * bounded sample so that opening a large file stays quick. Writes (sqlite_stat1).
 */
export function optimizeDatabase(db: Db): void {
  db.pragma('analysis_limit = 1000');
  db.pragma('optimize = 0x10002');
}

/** Prepared statements cached per connection and SQL text. */
const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

export function stmt(db: Db, sql: string): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}
