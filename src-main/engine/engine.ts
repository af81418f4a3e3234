// The headless core. openEngine() opens (or creates) the company database, runs
// pending migrations and returns call(channel, input): validate with the
// channel's schema, run the handler in one SQLite transaction, return plain data.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { channels, isChannelName, type ChannelName, type ChannelOutput } from '../../shared/catalog';
import { DomainError, errorData, type Result } from '../../shared/errors';
import { openDatabase, type Db } from './db/connection';
import { migrate, type MigrationResult } from './db/migrate';
import { databaseFingerprint } from './db/snapshot';
import { isoToday, type CallContext, type HandlerContext } from './context';
import { handlers } from './handlers';
import { OPEN_WORKSTATION, requireRight, type Actor } from './domain/rights';
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
}

export interface Engine {
  readonly file: string;
  readonly migration: MigrationResult;
  call<K extends ChannelName>(channel: K, input: unknown, ctx?: CallContext): Promise<Result<ChannelOutput<K>>>;
  /** Same as call, for untrusted channel names (the transports). */
  callUnknown(channel: unknown, input: unknown, ctx?: CallContext): Promise<Result<unknown>>;
  /** A fingerprint of all stored rows (tests use it to prove a refusal changed nothing). */
  fingerprint(): { readonly hash: string; readonly rows: number };
  close(): void;
}

export async function openEngine(opts: EngineOptions): Promise<Engine> {
  if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });
  const db: Db = openDatabase(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  const migration = await migrate(db, opts.file);
  const clock = opts.clock ?? (() => new Date());
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

  function run<K extends ChannelName>(channel: K, input: unknown, ctx: CallContext): Result<ChannelOutput<K>> {
    const parsed = channels[channel].input.safeParse(input);
    if (!parsed.success) return { ok: false, error: zodToDomainError(parsed.error, input).data };
    const handler = handlers[channel];
    const now = clock();
    const sessionKey = ctx.sessionKey ?? 'default';
    try {
      const actor = actorFor(sessionKey);
      if (!handler.open && actor.rights !== 'all' && actor.userId === null) throw new DomainError('login_required');
      if (handler.right) requireRight(actor, handler.right);
      const hctx: HandlerContext = {
        db,
        now,
        today: isoToday(now),
        actor,
        userId: actor.userId,
        session: {
          login: (userId) => sessions.set(sessionKey, userId),
          logout: () => sessions.delete(sessionKey),
        },
        dataFile: opts.file,
        appVersion,
        dataVersion,
      };
      const tx = db.transaction(() => (handler.run as (i: unknown, c: HandlerContext) => ChannelOutput<K>)(parsed.data, hctx));
      const value = handler.writes ? tx.immediate() : tx.deferred();
      if (handler.writes) dataVersion++;
      return { ok: true, value };
    } catch (err) {
      if (err instanceof DomainError) return { ok: false, error: err.data };
      opts.onInternalError?.(channel, err);
      return { ok: false, error: errorData('internal', null) };
    }
  }

  return {
    file: opts.file,
    migration,
    async call(channel, input, ctx = {}) {
      return run(channel, input, ctx);
    },
    async callUnknown(channel, input, ctx = {}) {
      if (!isChannelName(channel)) {
        return { ok: false, error: errorData('unknown_channel', null, { channel: String(channel).slice(0, 64) }) };
      }
      return run(channel, input, ctx);
    },
    fingerprint() {
      return databaseFingerprint(db);
    },
    close() {
      db.close();
    },
  };
}
