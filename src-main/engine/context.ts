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

export function isoToday(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
