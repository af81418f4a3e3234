// What a handler is given: the connection, the clock, and who is asking.
import type { Db } from './db/connection';

export interface CallContext {
  /** The logged-in user; users and rights arrive with sales processing. */
  readonly userId?: number | null;
}

export interface HandlerContext {
  readonly db: Db;
  readonly now: Date;
  /** Today's date in the workstation's time zone, ISO (yyyy-mm-dd). */
  readonly today: string;
  readonly userId: number | null;
  readonly dataFile: string;
  readonly appVersion: string;
  /** Bumped after every committed write; read caches key on it. */
  readonly dataVersion: number;
}

export function isoToday(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
