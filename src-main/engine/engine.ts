// The headless core. openEngine() opens (or creates) the company database, runs
// pending migrations and returns call(channel, input): validate with the
// channel's schema, run the handler in one SQLite transaction, return plain data.
import { channels, isChannelName, type ChannelName, type ChannelOutput } from '../../shared/catalog';
import { DomainError, errorData, type DomainErrorData, type Result } from '../../shared/errors';
import type { Db } from './db/connection';
import { openCompanyFile } from './db/companyFile';
import type { MigrationResult } from './db/migrate';
import { databaseFingerprint } from './db/snapshot';
import { isoToday, type CallContext, type HandlerContext } from './context';
import { handlers } from './handlers';
import { backfillAccounting } from './services/accounting';
import { backfillPending } from './repos/accounting';
import { generateDueJobs, jobsDue } from './services/jobs';
import { dryRun } from './services/dryRun';
import { OPEN_WORKSTATION, guardOf, requireRight, type Actor } from './domain/rights';
import { countUsers, getUser, rightsOfGroup } from './repos/users';
import { zodToDomainError } from './validation';

export interface EngineOptions {
  readonly file: string;
  /** The clock; tests pin it. */
  readonly clock?: () => Date;
  readonly nativeBinding?: string;
  readonly appVersion?: string;
  /** Called with unexpected (non-domain) errors; never with payloads. */
  readonly onInternalError?: (channel: string, error: unknown) => void;
  /** Open the file without ever writing to it (a backup looked at as it is); chosen by itself when the file is not writable. */
  readonly readOnly?: boolean;
  /** Files above this size get their integrity check in a worker after opening (db/companyFile.ts; tests lower it). */
  readonly integrityCheckSyncMaxBytes?: number;
  /** Tests only: runs on the engine's connection once it is open (PRAGMA max_page_count to fill the disk, busy_timeout …). */
  readonly configureConnection?: (db: Db) => void;
}

export interface Engine {
  readonly file: string;
  readonly migration: MigrationResult;
  /** Opened read-only: every write is refused with file_read_only. */
  readonly readOnly: boolean;
  /** Why the file was refused at open (db/fileCheck.ts), or null: a refused engine answers only system.bootstrap (refusedEngine.ts). */
  readonly refusal: DomainErrorData | null;
  call<K extends ChannelName>(channel: K, input: unknown, ctx?: CallContext): Promise<Result<ChannelOutput<K>>>;
  /** Same as call, for untrusted channel names (the transports). */
  callUnknown(channel: unknown, input: unknown, ctx?: CallContext): Promise<Result<unknown>>;
  /** A fingerprint of all stored rows (tests use it to prove a refusal changed nothing). */
  fingerprint(): { readonly hash: string; readonly rows: number };
  close(): void;
}

export async function openEngine(opts: EngineOptions): Promise<Engine> {
  // Refuses (throws a DomainError for) a file from a newer version, a damaged, empty or foreign file, before writing to it.
  const companyFile = await openCompanyFile({
    file: opts.file,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.readOnly ? { readOnly: true } : {}),
    ...(opts.integrityCheckSyncMaxBytes !== undefined ? { integrityCheckSyncMaxBytes: opts.integrityCheckSyncMaxBytes } : {}),
    onCheckFailed: (error) => opts.onInternalError?.('integrity_check', error),
  });
  const { db, migration } = companyFile;
  opts.configureConnection?.(db);
  const clock = opts.clock ?? (() => new Date());
  // A file made before the accounting handoff has what it holds booked once, as the migration to it marked
  // (services/accounting.ts). A read first: an ordinary start takes no write lock on the company file.
  if (!companyFile.readOnly && backfillPending(db)) {
    const now = clock();
    db.transaction(() => backfillAccounting({ db, now, today: isoToday(now) })).immediate();
  }
  // Repeating jobs make their next jobs as the program starts; likewise a read first (services/jobs.ts).
  if (!companyFile.readOnly) {
    const now = clock();
    const today = isoToday(now);
    if (jobsDue(db, today)) db.transaction(() => generateDueJobs({ db, now, today, userId: null }, null)).immediate();
  }
  const appVersion = opts.appVersion ?? '0.1.0';
  let dataVersion = 0;
  /** Who is logged in on each workstation session. */
  const sessions = new Map<string, number>();

  /** The caller's user and rights; an installation without users is open. */
  function actorFor(sessionKey: string): Actor {
    if (countUsers(db) === 0) return OPEN_WORKSTATION;
    const userId = sessions.get(sessionKey);
    const user = userId === undefined ? null : getUser(db, userId);
    if (!user || !user.active) return { userId: null, rights: new Set() };
    return { userId: user.id, rights: new Set(rightsOfGroup(db, user.groupId)) };
  }

  function run<K extends ChannelName>(channel: K, input: unknown, ctx: CallContext, prepared?: unknown): Result<ChannelOutput<K>> {
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: zodToDomainError(parsed.error, input).data };
    const handler = handlers[channel];
    const access = channels[channel].access;
    const now = clock();
    const sessionKey = ctx.sessionKey ?? 'default';
    try {
      const actor = actorFor(sessionKey);
      // Rights are declared with the channel (shared/access.ts) and checked here, at the one door.
      if (!access.open && actor.rights !== 'all' && actor.userId === null) throw new DomainError('login_required');
      if (access.right) requireRight(actor, access.right);
      const hctx: HandlerContext = {
        db,
        now,
        today: isoToday(now),
        actor,
        userId: actor.userId,
        guard: guardOf(channel, access, actor),
        session: {
          login: (userId) => sessions.set(sessionKey, userId),
          logout: () => sessions.delete(sessionKey),
        },
        dataFile: opts.file,
        appVersion,
        dataVersion,
        fileProblem: companyFile.problem(),
      };
      const runHandler = () => (handler.run as (i: unknown, c: HandlerContext, p?: unknown) => ChannelOutput<K>)(parsed.data, hctx, prepared);
      const tx = db.transaction(runHandler);
      const value = handler.rollsBack
        ? dryRun(db, runHandler)
        : handler.writes
          ? tx.immediate()
          : tx.deferred();
      if (handler.writes) dataVersion++;
      return { ok: true, value };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, error: err.data };
      // A full disk, a read-only, locked or damaged file: SQLite's failure as a refusal the user can act on.
      const sqliteRefusal = companyFile.refusalOf(err);
      if (sqliteRefusal) return { ok: false, error: sqliteRefusal };
      opts.onInternalError?.(channel, err);
      return { ok: false, error: errorData('internal', null) };
    }
  }

  /** A write waits for the integrity check of a large file, and is refused if the file is damaged (db/companyFile.ts). */
  async function gated<K extends ChannelName>(channel: K, input: unknown, ctx: CallContext): Promise<Result<ChannelOutput<K>>> {
    const refusal = handlers[channel].writes ? await companyFile.writeGate() : null;
    if (refusal) return { ok: false, error: refusal };
    const prepared = await prepare(channel, input, ctx);
    return prepared.ok ? run(channel, input, ctx, prepared.value) : prepared;
  }

  /**
   * A handler's work outside the transaction (handlers/types.ts Handler.prepare: reading an
   * uploaded file), after the input and the caller's right are checked; bad input is left to run.
   */
  async function prepare(channel: ChannelName, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    const step = handlers[channel].prepare as ((i: unknown) => Promise<unknown>) | undefined;
    const parsed = channels[channel].input.safeParse(input);
    if (!step || !parsed.success) return { ok: true, value: undefined };
    try {
      const actor = actorFor(ctx.sessionKey ?? 'default');
      const access = channels[channel].access;
      if (!access.open && actor.rights !== 'all' && actor.userId === null) throw new DomainError('login_required');
      if (access.right) requireRight(actor, access.right);
      return { ok: true, value: await step(parsed.data) };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, error: err.data };
      opts.onInternalError?.(channel, err);
      return { ok: false, error: errorData('internal', null) };
    }
  }

  return {
    file: opts.file,
    migration,
    readOnly: companyFile.readOnly,
    refusal: null,
    async call(channel, input, ctx = {}) {
      return gated(channel, input, ctx);
    },
    async callUnknown(channel, input, ctx = {}) {
      if (!isChannelName(channel)) {
        return { ok: false, error: errorData('unknown_channel', null, { channel: String(channel).slice(0, 64) }) };
      }
      return gated(channel, input, ctx);
    },
    fingerprint() {
      return databaseFingerprint(db);
    },
    close() {
      companyFile.close();
    },
  };
}
