// What a handler is given: the connection, the clock, and who is asking.
import type { DomainErrorData } from '../../shared/errors';
import type { Db } from './db/connection';
import type { Actor, Guard } from './domain/rights';

export interface CallContext {
  /**
   * Which workstation session the call belongs to (the host's token, the Electron
   * window); the engine remembers who logged in on it.
   */
  readonly sessionKey?: string;
}

export interface Session {
  login(userId: number): void;
  logout(): void;
}

export interface HandlerContext {
  readonly db: Db;
  readonly now: Date;
  /** Today's date in the workstation's time zone, ISO (yyyy-mm-dd). */
  readonly today: string;
  /** The logged-in user and their rights. */
  readonly actor: Actor;
  /** Checks an action that a right governs (shared/access.ts), declared by the channel being called. */
  readonly guard: Guard;
  /** Shorthand for actor.userId, for the activity log. */
  readonly userId: number | null;
  readonly session: Session;
  readonly dataFile: string;
  readonly appVersion: string;
  /** Bumped after every committed write; read caches key on it. */
  readonly dataVersion: number;
  /** Damage found in the company file after it was opened (writes are refused); system.bootstrap reports it. */
  readonly fileProblem?: DomainErrorData | null;
}

export interface BackupProgress {
  readonly totalPages: number;
  readonly remainingPages: number;
}

/** What a task handler (handlers/types.ts) is given besides the call's context. */
export interface TaskContext extends HandlerContext {
  /** Work on the open company file in one deferred (read) transaction. */
  read<T>(work: (ctx: HandlerContext) => T): T;
  /** Work on the open company file in one IMMEDIATE (write) transaction, its clock read afresh. */
  write<T>(work: (ctx: HandlerContext) => T): T;
  /**
   * SQLite's online backup of the open company file to `dest`, a page batch at a
   * time with other calls running in between (on the same connection: their
   * writes are carried into the copy, which holds the file as it was when the
   * last batch was copied).
   */
  backupTo(dest: string): Promise<void>;
  /**
   * Closes the company file, runs `swap` (which replaces it on disk) and opens
   * it again, migrating an older schema as usual; calls wait meanwhile. If the
   * file cannot be opened, `undo` puts the old one back and that is opened again.
   * Logins are forgotten (the users may differ).
   */
  reopen(swap: () => void, undo: () => void): Promise<{ readonly schemaAfter: number }>;
}

export function isoToday(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
