// The headless core. openEngine() opens (or creates) the company database, runs
// pending migrations and returns call(channel, input): validate with the
// channel's schema, run the handler in one SQLite transaction, return plain data.
import { channels, isChannelName, type ChannelName, type ChannelOutput } from '../../shared/catalog';
import { DomainError, errorData, type DomainErrorData, type Result } from '../../shared/errors';
import type { Db } from './db/connection';
import { openCompanyFile, type CompanyFile } from './db/companyFile';
import type { MigrationResult } from './db/migrate';
import { databaseFingerprint } from './db/snapshot';
import { isoToday, type BackupProgress, type CallContext, type HandlerContext, type TaskContext } from './context';
import { handlers } from './handlers';
import { isTask, type Handler, type TaskHandler } from './handlers/types';
import { automaticBackup, type AutomaticBackupOptions } from './services/backup';
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
  /**
   * Tests only: told after each batch of pages an online backup copied (issue 13);
   * may return how many pages the next batch copies (better-sqlite3's progress callback).
   */
  readonly onBackupProgress?: (progress: BackupProgress) => number | void;
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
  /**
   * The program's own backup (issue 13): when it starts, and then once a day while
   * it runs (`onlyIfDue`), to the folder set, keeping the last N automatic ones.
   * The host and the Electron shell call it (backupSchedule.ts); null when none was due.
   */
  automaticBackup(opts?: AutomaticBackupOptions): Promise<Result<{ readonly file: string } | null>>;
  close(): void;
}

export async function openEngine(opts: EngineOptions): Promise<Engine> {
  const clock = opts.clock ?? (() => new Date());

  /** Opens the company file with the work every open does (a restore opens it again, issue 13). */
  async function openFile(): Promise<CompanyFile> {
    // Refuses (throws a DomainError for) a file from a newer version, a damaged, empty or foreign file, before writing to it.
    const companyFile = await openCompanyFile({
      file: opts.file,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
      ...(opts.readOnly ? { readOnly: true } : {}),
      ...(opts.integrityCheckSyncMaxBytes !== undefined ? { integrityCheckSyncMaxBytes: opts.integrityCheckSyncMaxBytes } : {}),
      onCheckFailed: (error) => opts.onInternalError?.('integrity_check', error),
    });
    const { db } = companyFile;
    opts.configureConnection?.(db);
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
    return companyFile;
  }

  let companyFile = await openFile();
  const firstMigration = companyFile.migration;
  /** While a restore closes and reopens the file, every call waits for it. */
  let reopening: Promise<void> | null = null;
  /** Backups running on the connection (a restore is refused meanwhile), and whether a restore is. */
  let backupsRunning = 0;
  let restoring = false;
  const appVersion = opts.appVersion ?? '0.1.0';
  let dataVersion = 0;
  /** Who is logged in on each workstation session. */
  const sessions = new Map<string, number>();
  /** The open connection (a restore replaces it). */
  const currentDb = (): Db => companyFile.db;

  /** The caller's user and rights; an installation without users is open. */
  function actorFor(sessionKey: string): Actor {
    const db = currentDb();
    if (countUsers(db) === 0) return OPEN_WORKSTATION;
    const userId = sessions.get(sessionKey);
    const user = userId === undefined ? null : getUser(db, userId);
    if (!user || !user.active) return { userId: null, rights: new Set() };
    return { userId: user.id, rights: new Set(rightsOfGroup(db, user.groupId)) };
  }

  /** The context of a call on the open file, at `now`. */
  function contextFor(channel: ChannelName, actor: Actor, now: Date, sessionKey: string): HandlerContext {
    return {
      db: currentDb(),
      now,
      today: isoToday(now),
      actor,
      userId: actor.userId,
      guard: guardOf(channel, channels[channel].access, actor),
      session: {
        login: (userId) => sessions.set(sessionKey, userId),
        logout: () => sessions.delete(sessionKey),
      },
      dataFile: opts.file,
      appVersion,
      dataVersion,
      fileProblem: companyFile.problem(),
    };
  }

  /** An unexpected failure as the refusal the user sees. */
  function failure(channel: string, err: unknown): Result<never> {
    if (err instanceof DomainError) return { ok: false, error: err.data };
    // A full disk, a read-only, locked or damaged file: SQLite's failure as a refusal the user can act on.
    const sqliteRefusal = companyFile.refusalOf(err);
    if (sqliteRefusal) return { ok: false, error: sqliteRefusal };
    opts.onInternalError?.(channel, err);
    return { ok: false, error: errorData('internal', null) };
  }

  function run<K extends ChannelName>(channel: K, input: unknown, ctx: CallContext, prepared?: unknown): Result<ChannelOutput<K>> | Promise<Result<ChannelOutput<K>>> {
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: zodToDomainError(parsed.error, input).data };
    const anyHandler = handlers[channel];
    const access = channels[channel].access;
    const now = clock();
    const sessionKey = ctx.sessionKey ?? 'default';
    try {
      const actor = actorFor(sessionKey);
      // Rights are declared with the channel (shared/access.ts) and checked here, at the one door.
      if (!access.open && actor.rights !== 'all' && actor.userId === null) throw new DomainError('login_required');
      if (access.right) requireRight(actor, access.right);
      const hctx = contextFor(channel, actor, now, sessionKey);
      if (isTask(anyHandler)) return runTask(channel, anyHandler as TaskHandler<K>, parsed.data, hctx, sessionKey);
      const handler = anyHandler as Handler<K>;
      const db = hctx.db;
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
      return failure(channel, err);
    }
  }

  /** The context of a task: its own transactions, the online backup and the reopen (context.ts). */
  function taskContext(channel: ChannelName, hctx: HandlerContext, sessionKey: string): TaskContext {
    const fresh = (): HandlerContext => contextFor(channel, hctx.actor, clock(), sessionKey);
    return {
      ...hctx,
      read: (work) => {
        const c = fresh();
        return c.db.transaction(() => work(c)).deferred();
      },
      write: (work) => {
        const c = fresh();
        const value = c.db.transaction(() => work(c)).immediate();
        dataVersion++;
        return value;
      },
      async backupTo(dest) {
        if (restoring) throw new DomainError('backup_busy');
        backupsRunning++;
        try {
          const progress = opts.onBackupProgress;
          const db = currentDb();
          await (progress ? db.backup(dest, { progress: (p) => progress(p) ?? 100 }) : db.backup(dest));
        } finally {
          backupsRunning--;
        }
      },
      async reopen(swap, undo) {
        if (restoring || backupsRunning > 0) throw new DomainError('backup_busy');
        restoring = true;
        let release = () => undefined as void;
        reopening = new Promise<void>((resolve) => {
          release = resolve;
        });
        try {
          companyFile.close();
          try {
            swap();
            companyFile = await openFile();
          } catch (err) {
            undo();
            companyFile = await openFile();
            throw err;
          }
          sessions.clear();
          dataVersion++;
          return { schemaAfter: companyFile.migration.to };
        } finally {
          restoring = false;
          reopening = null;
          release();
        }
      },
    };
  }

  async function runTask<K extends ChannelName>(
    channel: K,
    handler: TaskHandler<K>,
    input: unknown,
    hctx: HandlerContext,
    sessionKey: string,
  ): Promise<Result<ChannelOutput<K>>> {
    try {
      const value = await (handler.task as (i: unknown, c: TaskContext) => Promise<ChannelOutput<K>>)(input, taskContext(channel, hctx, sessionKey));
      return { ok: true, value };
    } catch (err) {
      return failure(channel, err);
    }
  }

  /** A write waits for the integrity check of a large file, and is refused if the file is damaged (db/companyFile.ts). */
  async function gated<K extends ChannelName>(channel: K, input: unknown, ctx: CallContext): Promise<Result<ChannelOutput<K>>> {
    while (reopening) await reopening;
    const refusal = handlers[channel].writes ? await companyFile.writeGate() : null;
    if (refusal) return { ok: false, error: refusal };
    const prepared = await prepare(channel, input, ctx);
    if (!prepared.ok) return prepared;
    // A restore may have begun while this call waited: it runs on the file the restore opens.
    while (reopening) await reopening;
    return run(channel, input, ctx, prepared.value);
  }

  /**
   * A one-transaction handler's work before its transaction and outside it (handlers/types.ts
   * Handler.prepare: reading an uploaded file), after the input and the caller's right are
   * checked; bad input is left to run. Work over several transactions is a task instead.
   */
  async function prepare(channel: ChannelName, input: unknown, ctx: CallContext): Promise<Result<unknown>> {
    const handler = handlers[channel];
    const step = 'prepare' in handler ? (handler.prepare as ((i: unknown) => Promise<unknown>) | undefined) : undefined;
    // Most channels have no prepare step: their input is parsed once, in run.
    if (!step) return { ok: true, value: undefined };
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) return { ok: true, value: undefined };
    try {
      const actor = actorFor(ctx.sessionKey ?? 'default');
      const access = channels[channel].access;
      if (!access.open && actor.rights !== 'all' && actor.userId === null) throw new DomainError('login_required');
      if (access.right) requireRight(actor, access.right);
      return { ok: true, value: await step(parsed.data) };
    } catch (err) {
      return failure(channel, err);
    }
  }

  return {
    file: opts.file,
    /** The migration when the engine opened the file (a restore's own is in its result). */
    migration: firstMigration,
    get readOnly() {
      return companyFile.readOnly;
    },
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
      return databaseFingerprint(currentDb());
    },
    async automaticBackup(options = {}) {
      while (reopening) await reopening;
      if (companyFile.readOnly) return { ok: true, value: null };
      // As the workstation itself, whoever is logged in: the program's own backup needs no right.
      const hctx = contextFor('backup.create', OPEN_WORKSTATION, clock(), 'automatic-backup');
      try {
        return { ok: true, value: await automaticBackup(taskContext('backup.create', hctx, 'automatic-backup'), options) };
      } catch (err) {
        return failure('backup.automatic', err);
      }
    },
    close() {
      companyFile.close();
    },
  };
}
