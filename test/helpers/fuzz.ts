// The fuzz runner (issue 9): random and mutated payloads to every channel of the
// catalog, in rounds that each start from a fresh copy of a template company
// (test/helpers/fuzz-world.ts), as the open workstation or with users (an
// administrator, a user without rights, a session nobody logged in on), with the
// clock moving forward now and then. After every call it checks that
//   - engine.call answered (no throw, no rejection) with a well-formed result,
//   - no answer is the `internal` error,
//   - a refused call changed nothing: PRAGMA data_version on a second, read-only
//     connection after every call, and the engine's full-table fingerprint
//     before and after as often as a time budget allows,
//   - a read-only channel wrote nothing,
//   - after every successful write the sales and purchasing audit
//     (src-main/engine/demo/audit.ts) finds no new violation.
// Each kind of failure is kept once with the round's trace (the calls that
// changed the database before it) and reduced to a minimal reproduction by
// replaying it on a fresh copy of the template.
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../shared/catalog';
import { errorData, isDomainErrorData, type Result } from '../../shared/errors';
import { isoToday } from '../../src-main/engine/context';
import { openDatabase, type Db } from '../../src-main/engine/db/connection';
import { auditSales } from '../../src-main/engine/demo/audit';
import { handlers } from '../../src-main/engine/handlers';
import { openEngine, type Engine } from '../../src-main/engine';
import { refreshVersions, skeletonWithRandomLeaves, validPayload, type Known } from './fuzz-corpus';
import { clone, mutate, randomInput } from './fuzz-mutate';
import { Rnd } from './fuzz-random';
import { ADMIN, ADMIN_GROUP, NO_RIGHTS, NO_RIGHTS_GROUP, START, makeTemplates, readState, type State, type TemplateName, type Templates } from './fuzz-world';

export interface FuzzOptions {
  /** Calls in all (the harness's own setup calls not counted). */
  readonly calls: number;
  readonly seed: number;
  /** Calls per round, each round on a fresh copy of a template. */
  readonly roundCalls?: number;
  /** Replay only this round (fast-check's path) of the run with this seed. */
  readonly round?: number;
  /** Time for reducing findings to minimal reproductions. */
  readonly minimizeMs?: number;
  /** Where the summary is written as JSON. */
  readonly summaryFile?: string;
  readonly log?: (line: string) => void;
}

export type FindingKind = 'internal' | 'throw' | 'refused_changed' | 'audit' | 'read_wrote' | 'bad_result' | 'access';

interface TraceEntry {
  readonly channel: ChannelName;
  readonly input: unknown;
  readonly session: string;
  /** The engine's clock for this call (ms since the epoch). */
  readonly now: number;
}

interface Hit {
  readonly kind: FindingKind;
  readonly channel: ChannelName;
  readonly signature: string;
  readonly detail: string;
}

export interface Finding extends Hit {
  readonly seed: number;
  readonly round: number;
  readonly call: number;
  readonly template: TemplateName;
  readonly auth: 'open' | 'users';
  /** How often it happened in the run. */
  count: number;
  /** The calls that changed the database before it in its round, and then the call itself. */
  readonly trace: readonly TraceEntry[];
  reproduction?: string;
  minimal?: boolean;
}

export interface FuzzSummary {
  readonly seed: number;
  readonly calls: number;
  readonly rounds: number;
  readonly durationMs: number;
  readonly ok: number;
  readonly refused: number;
  readonly refusedByCode: Readonly<Record<string, number>>;
  readonly internalErrors: number;
  readonly throws: number;
  readonly refusedChanged: number;
  readonly auditViolations: number;
  readonly readWrote: number;
  readonly badResults: number;
  /** Calls answered that the session may not make: nobody logged in, or the user without rights on a channel that needs one. */
  readonly accessViolations: number;
  readonly fingerprintChecks: number;
  /** Where the run's time went (ms): engine calls, payload building, fingerprints, state and audit after writes, the harness's own calls. */
  readonly timeMs: Readonly<Record<'calls' | 'build' | 'fingerprint' | 'audit' | 'harness' | 'templates' | 'reduce', number>>;
  readonly channelsCalled: number;
  readonly channelsNeverOk: readonly string[];
  readonly perChannel: Readonly<Record<string, { calls: number; ok: number; ms: number; codes: Record<string, number> }>>;
  readonly slowest: readonly { channel: string; ms: number; round: number; call: number }[];
  readonly templateStepsSkipped: readonly string[];
  /** Faults of the fuzz harness itself while building payloads (the test fails on them too). */
  readonly harnessErrors: readonly string[];
  readonly findings: readonly {
    kind: FindingKind;
    channel: string;
    signature: string;
    count: number;
    round: number;
    call: number;
    detail: string;
    reproduction: string;
  }[];
}

const ROUND_KINDS: readonly { template: TemplateName; auth: 'open' | 'users' }[] = [
  { template: 'built', auth: 'open' },
  { template: 'built', auth: 'users' },
  { template: 'demo', auth: 'users' },
  { template: 'empty', auth: 'open' },
  { template: 'demo', auth: 'open' },
  { template: 'built', auth: 'users' },
];

const DEFAULT_ROUND_CALLS = 250;

/** The sessions a round calls from: the workstation's own, a user without rights, one nobody logged in on. */
const DEFAULT = 'default';
const NO_RIGHTS_SESSION = 'lav';
const ANON = 'anon';

/** The fingerprint gets this many ms per call on average (it hashes every row); data_version is checked on every call. */
const FINGERPRINT_BUDGET_MS = 1;
/** system.createDemo makes a year of orders; the fuzz asks for a small one (the demo has its own tests). */
const DEMO_ORDERS_MAX = 20;

const WRITES: ReadonlySet<string> = new Set(CHANNEL_NAMES.filter((c) => handlers[c].writes));
/** Channels that write are drawn twice as often as those that read: the deeper states come from writes. */
const CHANNEL_WEIGHTS: readonly (readonly [ChannelName, number])[] = CHANNEL_NAMES.map((c) => [c, WRITES.has(c) ? 2 : 1]);

/** Who may call a channel, as the catalog declares it (read loosely: the declaration is moving into shared/). */
function accessOf(channel: ChannelName): { open: boolean; right: string | null } {
  const access = (channels[channel] as { access?: { open?: boolean; right?: string } }).access;
  return { open: access?.open ?? false, right: access?.right ?? null };
}

// ---- One round's engine and its checks -----------------------------------------------------

class RoundEngine {
  now: number;
  state: State;
  fingerprintChecks = 0;
  /** Where the time goes: the full-table fingerprint, and the state refresh with the audit after writes. */
  fingerprintMs = 0;
  auditMs = 0;
  /** Stands in for engine.call (the self-check plants defects with it). */
  callHook: ((e: TraceEntry) => Promise<Result<unknown>>) | null = null;
  private internal: string | null = null;
  private fpCache: { dv: number; hash: string } | null = null;
  private fpCredit = 0;
  private auditCounts = new Map<string, number>();
  /** Who each session is logged in as, by what this round's calls did (absent: nobody). */
  private sessionUser = new Map<string, string>();

  private constructor(
    readonly engine: Engine,
    readonly ro: Db,
    readonly file: string,
    private readonly templates: Templates,
    now: number,
  ) {
    this.now = now;
    this.state = readState(ro);
    for (const f of auditSales(ro)) this.auditCounts.set(f.rule, f.violations);
  }

  static async open(templates: Templates, template: TemplateName, users: boolean, tag: string): Promise<RoundEngine> {
    const file = templates.copy(template, users, tag);
    let self: RoundEngine | null = null;
    const engine = await openEngine({
      file,
      clock: () => new Date(self?.now ?? START.getTime()),
      onInternalError: (_channel, error) => {
        if (self) self.internal = describeError(error);
      },
    });
    const ro = openDatabase(file, { readonly: true });
    self = new RoundEngine(engine, ro, file, templates, START.getTime());
    return self;
  }

  close(): void {
    this.ro.close();
    this.engine.close();
    this.templates.remove(this.file);
  }

  private dataVersion(): number {
    return this.ro.pragma('data_version', { simple: true }) as number;
  }

  private fingerprint(dv: number): string {
    if (this.fpCache && this.fpCache.dv === dv) return this.fpCache.hash;
    const t = performance.now();
    const hash = this.engine.fingerprint().hash;
    const spent = performance.now() - t;
    this.fingerprintMs += spent;
    this.fpCredit -= spent;
    this.fpCache = { dv, hash };
    this.fingerprintChecks++;
    return hash;
  }

  /** Whether this call gets the full fingerprint before and after: a time budget, no random draw (replays stay exact). */
  private wantFingerprint(force: boolean): boolean {
    this.fpCredit = Math.min(this.fpCredit + FINGERPRINT_BUDGET_MS, 100);
    return force || this.fpCredit > 0;
  }

  async exec(e: TraceEntry, opts: { forceFingerprint?: boolean } = {}): Promise<{ result: Result<unknown> | null; ms: number; hits: Hit[]; changed: boolean }> {
    this.now = e.now;
    this.internal = null;
    const hits: Hit[] = [];
    const hit = (kind: FindingKind, key: string, detail: string) =>
      hits.push({ kind, channel: e.channel, signature: `${kind} ${e.channel}${key ? ` ${key}` : ''}`, detail });

    // Access: with users, a session nobody is logged in on reaches only the open channels, and the
    // user without rights none that needs a right.
    const usersBefore = (this.ro.prepare('SELECT count(*) AS n FROM app_user').get() as { n: number }).n;
    const who = this.sessionUser.get(e.session) ?? null;
    const rightless =
      who === NO_RIGHTS.username &&
      (this.ro.prepare('SELECT count(*) AS n FROM app_user u JOIN group_right r ON r.group_id = u.group_id WHERE u.username = ?').get(who) as { n: number }).n === 0;

    const dvBefore = this.dataVersion();
    const fpBefore = this.wantFingerprint(opts.forceFingerprint ?? false) ? this.fingerprint(dvBefore) : null;
    let result: Result<unknown> | null = null;
    const t = performance.now();
    try {
      result = await (this.callHook ? this.callHook(e) : this.engine.call(e.channel, e.input, { sessionKey: e.session }));
    } catch (err) {
      const d = describeError(err);
      hit('throw', firstLine(d), d);
    }
    const ms = performance.now() - t;
    const dvAfter = this.dataVersion();
    const changed = dvAfter !== dvBefore;

    if (result !== null) {
      const wellFormed = result.ok === true ? 'value' in result : result.ok === false && isDomainErrorData(result.error) && typeof result.error.message?.nb === 'string' && typeof result.error.message?.en === 'string';
      if (!wellFormed) hit('bad_result', '', `not a result: ${show(result, 300)}`);
      try {
        JSON.stringify(result);
      } catch (err) {
        hit('bad_result', 'not serialisable', `the result cannot cross the boundary: ${describeError(err)}`);
      }
    }
    if (result && !result.ok) {
      if (result.error.code === 'internal') hit('internal', firstLine(this.internal ?? ''), this.internal ?? '(no error reported to onInternalError)');
      if (changed) hit('refused_changed', result.error.code, `refused with ${result.error.code} (${result.error.field ?? '-'}), yet data_version moved: the database changed`);
      else if (fpBefore !== null) {
        const fpAfter = this.fingerprint(-1); // computed afresh: data_version did not move, so the cache would answer
        if (fpAfter !== fpBefore) hit('refused_changed', result.error.code, `refused with ${result.error.code} (${result.error.field ?? '-'}), yet the fingerprint changed`);
        else this.fpCache = { dv: dvAfter, hash: fpAfter };
      }
    }
    if (result && result.ok && changed && !WRITES.has(e.channel)) hit('read_wrote', '', 'a read-only channel (handler.writes false) changed the database');
    if (result?.ok && usersBefore > 0) {
      const access = accessOf(e.channel);
      if (!access.open && who === null) hit('access', 'login', `answered on session "${e.session}", which nobody is logged in on`);
      else if (access.right && rightless) hit('access', access.right, `answered ${NO_RIGHTS.username}, whose group has no rights, though the channel needs the right ${access.right}`);
    }
    if (result?.ok && isRecord(e.input)) {
      if (e.channel === 'auth.login' && typeof e.input.username === 'string') this.sessionUser.set(e.session, e.input.username);
      if (e.channel === 'auth.logout') this.sessionUser.delete(e.session);
      // The first user continues as the one who made it (auth.ts).
      if (e.channel === 'users.save' && usersBefore === 0 && typeof e.input.username === 'string') this.sessionUser.set(e.session, e.input.username);
    }
    if (changed || (result?.ok && WRITES.has(e.channel))) {
      const t0 = performance.now();
      this.state = readState(this.ro);
      const findings = auditSales(this.ro);
      this.auditMs += performance.now() - t0;
      for (const f of findings) {
        const before = this.auditCounts.get(f.rule) ?? 0;
        if (f.violations > before && result?.ok) hit('audit', f.rule, `${f.rule}: ${f.violations} rows (was ${before}), e.g. ids ${f.sample.join(', ')}`);
        this.auditCounts.set(f.rule, f.violations);
      }
    }
    return { result, ms, hits, changed };
  }
}

/**
 * The checks themselves, against planted defects: a refusal after a committed
 * write, a throw, an internal error, a stock figure broken behind a successful
 * call. Each must be seen, and an honest write and an honest refusal must not be.
 */
export async function checkTheChecks(): Promise<Record<string, readonly string[]>> {
  const templates = await makeTemplates();
  const re = await RoundEngine.open(templates, 'built', true, 'self-check');
  const seen: Record<string, readonly string[]> = {};
  try {
    const productId = re.state.products.find((p) => p.stockManaged)!.id;
    const receive: TraceEntry = { channel: 'stock.receive', input: { productId, quantity: 1000, costOre: 100 }, session: DEFAULT, now: START.getTime() };
    const kinds = async (name: string, e: TraceEntry, hook: RoundEngine['callHook'] = null) => {
      re.callHook = hook;
      const { hits } = await re.exec(e, { forceFingerprint: true });
      re.callHook = null;
      seen[name] = hits.map((h) => h.kind);
    };
    await kinds('login', { channel: 'auth.login', input: { username: ADMIN.username, pin: ADMIN.pin }, session: DEFAULT, now: START.getTime() });
    await kinds('honest write', receive);
    const users: TraceEntry = { channel: 'users.list', input: {}, session: ANON, now: START.getTime() };
    await kinds('honest refusal of a session nobody is logged in on', users);
    await kinds('answer to a session nobody is logged in on', users, async () => ({ ok: true, value: [] }));
    await kinds('honest refusal', { ...receive, input: { productId, quantity: -1, costOre: 100 } });
    await kinds('refused after a committed write', receive, async (e) => {
      await re.engine.call(e.channel, e.input);
      return { ok: false, error: errorData('not_found', 'productId') };
    });
    await kinds('throw', receive, async () => {
      throw new Error('planted');
    });
    await kinds('internal', receive, async () => ({ ok: false, error: errorData('internal', null) }));
    const rw = openDatabase(re.file);
    try {
      await kinds('broken stock figure behind a success', receive, async (e) => {
        const r = await re.engine.call(e.channel, e.input);
        rw.prepare('UPDATE product SET qty_reserved = qty_reserved + 1 WHERE id = ?').run(productId);
        return r;
      });
    } finally {
      rw.close();
    }
  } finally {
    re.close();
    templates.dispose();
  }
  return seen;
}

function describeError(err: unknown): string {
  if (err instanceof Error) {
    const frames = (err.stack ?? '').split('\n').slice(1).filter((l) => l.includes('src-main') || l.includes('shared/')).slice(0, 3).map((l) => l.trim());
    return [`${err.name}: ${err.message}`, ...frames].join('\n    ');
  }
  return String(err);
}
const firstLine = (s: string) => s.split('\n')[0]!.replace(/\d+/g, '#').slice(0, 120);

// ---- Printing payloads ------------------------------------------------------------------

/** A payload as a JavaScript literal, huge strings and long arrays abbreviated. */
export function show(v: unknown, max = 600): string {
  // Invisible characters (controls, zero-width and direction marks, lone surrogates) as \u escapes.
  const out = fc.stringify(abbreviate(v)).replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return out.length > max ? `${out.slice(0, max)}…` : out;
}
function abbreviate(v: unknown, depth = 0): unknown {
  if (typeof v === 'string' && v.length > 80) return `${v.slice(0, 12)}…(${v.length} chars)`;
  if (depth > 6) return '…';
  if (Array.isArray(v)) {
    if (v.length > 6) return [...v.slice(0, 3).map((x) => abbreviate(x, depth + 1)), `…(${v.length} items)`];
    return v.map((x) => abbreviate(x, depth + 1));
  }
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: abbreviate((v as Record<string, unknown>)[k], depth + 1), enumerable: true });
    return out;
  }
  return v;
}

function reproductionText(f: Finding, entries: readonly TraceEntry[], roundCalls: number, minimal: boolean): string {
  const lines = [
    `ORDREBOK_FUZZ_SEED=${f.seed} ORDREBOK_FUZZ_ROUND=${f.round}${roundCalls === DEFAULT_ROUND_CALLS ? '' : ` ORDREBOK_FUZZ_ROUND_CALLS=${roundCalls}`} npx vitest run test/engine/fuzz.test.ts  (call ${f.call} of the round)`,
    `start: a copy of the "${f.template}" template (test/helpers/fuzz-world.ts), ${f.auth === 'users' ? `with its users ${ADMIN.username}/${ADMIN.pin} (${ADMIN_GROUP}, every right) and ${NO_RIGHTS.username}/${NO_RIGHTS.pin} (${NO_RIGHTS_GROUP}, no rights)` : 'no users (the open workstation)'}, clock ${START.toISOString()}`,
  ];
  lines.push(minimal ? 'the fewest calls that still show it:' : 'the calls that changed the database before it (not reduced):');
  entries.forEach((e, i) => {
    const last = i === entries.length - 1;
    lines.push(`${last ? '→' : `${i + 1}.`} ${e.channel} ${show(e.input)}${e.session === DEFAULT ? '' : `  [session ${e.session}]`}  [now ${new Date(e.now).toISOString()}]`);
  });
  lines.push(`   ⇒ ${f.detail}`);
  return lines.join('\n');
}

// ---- The run ------------------------------------------------------------------------------

export async function runFuzz(opts: FuzzOptions): Promise<{ summary: FuzzSummary; findings: Finding[] }> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const roundCalls = Math.max(10, opts.roundCalls ?? DEFAULT_ROUND_CALLS);
  const rounds = opts.round === undefined ? Math.max(1, Math.ceil(opts.calls / roundCalls)) : 1;
  const time = { calls: 0, build: 0, fingerprint: 0, audit: 0, harness: 0, templates: 0, reduce: 0 };
  const templates = await makeTemplates();
  time.templates = performance.now() - started;

  const findings = new Map<string, Finding>();
  const counts = { calls: 0, ok: 0, refused: 0, internal: 0, throws: 0, refusedChanged: 0, audit: 0, readWrote: 0, badResults: 0, access: 0, fingerprints: 0 };
  const byCode = new Map<string, number>();
  const perChannel = new Map<string, { calls: number; ok: number; ms: number; codes: Record<string, number> }>(CHANNEL_NAMES.map((c) => [c, { calls: 0, ok: 0, ms: 0, codes: {} }]));
  const slowest: { channel: string; ms: number; round: number; call: number }[] = [];
  const harnessErrors: string[] = [];
  let roundIndex = opts.round ?? 0;

  const record = (hits: readonly Hit[], e: TraceEntry, ctx: { round: number; call: number; template: TemplateName; auth: 'open' | 'users'; trace: readonly TraceEntry[] }) => {
    for (const h of hits) {
      const key = { internal: 'internal', throw: 'throws', refused_changed: 'refusedChanged', audit: 'audit', read_wrote: 'readWrote', bad_result: 'badResults', access: 'access' }[h.kind] as keyof typeof counts;
      counts[key]++;
      const seen = findings.get(h.signature);
      if (seen) seen.count++;
      else {
        findings.set(h.signature, { ...h, seed: opts.seed, round: ctx.round, call: ctx.call, template: ctx.template, auth: ctx.auth, count: 1, trace: [...ctx.trace, e] });
        log(`fuzz: ${h.signature} (round ${ctx.round}, call ${ctx.call})`);
      }
    }
  };

  const round = async (g: fc.GeneratorValue): Promise<void> => {
    const index = roundIndex++;
    const { template, auth } = ROUND_KINDS[index % ROUND_KINDS.length]!;
    const r = new Rnd(g);
    const re = await RoundEngine.open(templates, template, auth === 'users', `${opts.seed}-${index}`);
    const trace: TraceEntry[] = [];
    const known: Known = { pins: new Map(), harnessUsers: new Set(), harnessGroups: new Set(), today: () => isoToday(new Date(re.now)) };
    const accepted = new Map<ChannelName, unknown[]>();
    const ctx = (call: number) => ({ round: index, call, template, auth, trace });

    /** The harness's own calls: part of the trace, checked like any other. */
    const harness = async (channel: ChannelName, input: unknown, session = DEFAULT) => {
      const e: TraceEntry = { channel, input, session, now: re.now };
      const t = performance.now();
      const { result, hits, changed } = await re.exec(e);
      time.harness += performance.now() - t;
      record(hits, e, ctx(-1));
      if (result?.ok || changed) trace.push(e);
    };
    /** The administrator on the default session, the user without rights on its own, nobody on the third. */
    const logIn = async (sessions: Iterable<string>) => {
      for (const session of sessions) {
        if (session === DEFAULT) await harness('auth.login', { username: ADMIN.username, pin: ADMIN.pin });
        else if (session === NO_RIGHTS_SESSION) await harness('auth.login', { username: NO_RIGHTS.username, pin: NO_RIGHTS.pin }, NO_RIGHTS_SESSION);
        else await harness('auth.logout', {}, session);
      }
    };
    /** Sessions the fuzz logged in or out on (a PIN check costs a scrypt, so only those are set back). */
    const touched = new Set<string>();

    try {
      if (auth === 'users') {
        for (const u of re.state.users) {
          if (u.username !== ADMIN.username && u.username !== NO_RIGHTS.username) continue;
          known.harnessUsers.add(u.id);
          known.harnessGroups.add(u.groupId);
        }
        known.pins.set(ADMIN.username, ADMIN.pin);
        known.pins.set(NO_RIGHTS.username, NO_RIGHTS.pin);
        await logIn([DEFAULT, NO_RIGHTS_SESSION]);
      }

      const n = opts.round === undefined ? Math.min(roundCalls, opts.calls - index * roundCalls) : roundCalls;
      for (let call = 0; call < n; call++) {
        if (r.chance(0.02)) re.now += r.int(1, 40) * 86_400_000;
        else if (r.chance(0.1)) re.now += r.int(1, 180) * 60_000;
        // Sessions the fuzz logged out, or moved to another user, are logged in again now and then.
        if (auth === 'users' && touched.size > 0 && call % 25 === 0) {
          await logIn(touched);
          touched.clear();
        }

        const channel = r.weighted(CHANNEL_WEIGHTS);
        const session = auth === 'users' ? r.weighted<string>([[DEFAULT, 70], [NO_RIGHTS_SESSION, 20], [ANON, 10]]) : r.chance(0.9) ? DEFAULT : ANON;
        const tb = performance.now();
        let input: unknown;
        try {
          input = makeInput(channel, re.state, r, known, accepted);
        } catch (err) {
          // A fault of the harness while building the payload: counted (the test fails on it), and the run goes on.
          if (harnessErrors.length < 20) harnessErrors.push(`round ${index}, call ${call}, ${channel}: ${describeError(err)}`);
          input = {};
        }
        time.build += performance.now() - tb;
        if (channel === 'system.createDemo' && isRecord(input) && typeof input.orders === 'number' && input.orders > DEMO_ORDERS_MAX) input = { ...input, orders: DEMO_ORDERS_MAX };

        const e: TraceEntry = { channel, input, session, now: re.now };
        const { result, ms, hits, changed } = await re.exec(e);
        counts.calls++;
        time.calls += ms;
        const pc = perChannel.get(channel)!;
        pc.calls++;
        pc.ms += Math.round(ms);
        if (result?.ok) {
          counts.ok++;
          pc.ok++;
          const list = accepted.get(channel) ?? [];
          if (list.length < 12) list.push(input);
          else list[r.below(12)] = input;
          accepted.set(channel, list);
          if (channel === 'users.save' && isRecord(input) && typeof input.pin === 'string' && typeof input.username === 'string') known.pins.set(input.username, input.pin);
          if (channel === 'auth.login' || channel === 'auth.logout') touched.add(session);
        } else if (result) {
          counts.refused++;
          byCode.set(result.error.code, (byCode.get(result.error.code) ?? 0) + 1);
          pc.codes[result.error.code] = (pc.codes[result.error.code] ?? 0) + 1;
        }
        if (hits.length) record(hits, e, ctx(call));
        if (changed || (result?.ok && (channel === 'auth.login' || channel === 'auth.logout' || WRITES.has(channel)))) trace.push(e);
        if (slowest.length < 8 || ms > slowest[slowest.length - 1]!.ms) {
          slowest.push({ channel, ms: Math.round(ms), round: index, call });
          slowest.sort((a, b) => b.ms - a.ms);
          slowest.length = Math.min(slowest.length, 8);
        }
      }
    } finally {
      counts.fingerprints += re.fingerprintChecks;
      time.fingerprint += re.fingerprintMs;
      time.audit += re.auditMs;
      re.close();
    }
    if (index % 20 === 19) log(`fuzz: ${index + 1}/${rounds} rounds, ${counts.calls} calls, ${findings.size} kinds of finding`);
  };

  try {
    try {
      await fc.assert(fc.asyncProperty(fc.gen(), round), {
        seed: opts.seed,
        numRuns: rounds,
        endOnFailure: true,
        ...(opts.round === undefined ? {} : { path: String(opts.round) }),
      });
    } catch (err) {
      // A fault of the fuzz harness itself (fast-check's report would print every value drawn in the round).
      const cause = err instanceof Error && err.cause !== undefined ? err.cause : err;
      throw new Error(`the fuzz harness failed in round ${roundIndex - 1} (ORDREBOK_FUZZ_SEED=${opts.seed} ORDREBOK_FUZZ_ROUND=${roundIndex - 1}): ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
    }

    // Reduce each kind of finding to the fewest calls that still show it.
    const reduceStart = performance.now();
    const deadline = reduceStart + (opts.minimizeMs ?? 15_000);
    for (const f of findings.values()) {
      const reduced = performance.now() < deadline ? await minimize(templates, f, deadline) : null;
      f.minimal = reduced !== null;
      f.reproduction = reproductionText(f, reduced ?? f.trace, roundCalls, reduced !== null);
    }
    time.reduce = performance.now() - reduceStart;
  } finally {
    templates.dispose();
  }

  const summary: FuzzSummary = {
    seed: opts.seed,
    calls: counts.calls,
    rounds,
    durationMs: Math.round(performance.now() - started),
    ok: counts.ok,
    refused: counts.refused,
    refusedByCode: Object.fromEntries([...byCode.entries()].sort((a, b) => b[1] - a[1])),
    internalErrors: counts.internal,
    throws: counts.throws,
    refusedChanged: counts.refusedChanged,
    auditViolations: counts.audit,
    readWrote: counts.readWrote,
    badResults: counts.badResults,
    accessViolations: counts.access,
    fingerprintChecks: counts.fingerprints,
    timeMs: Object.fromEntries(Object.entries(time).map(([k, v]) => [k, Math.round(v)])) as FuzzSummary['timeMs'],
    channelsCalled: [...perChannel.values()].filter((p) => p.calls > 0).length,
    channelsNeverOk: [...perChannel.entries()].filter(([, p]) => p.ok === 0).map(([c]) => c),
    perChannel: Object.fromEntries(perChannel),
    slowest,
    templateStepsSkipped: templates.skipped,
    harnessErrors,
    findings: [...findings.values()].map((f) => ({ kind: f.kind, channel: f.channel, signature: f.signature, count: f.count, round: f.round, call: f.call, detail: f.detail, reproduction: f.reproduction ?? '' })),
  };
  if (opts.summaryFile) {
    mkdirSync(dirname(opts.summaryFile), { recursive: true });
    writeFileSync(opts.summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
  }
  return { summary, findings: [...findings.values()] };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function makeInput(channel: ChannelName, st: State, r: Rnd, known: Known, accepted: Map<ChannelName, unknown[]>): unknown {
  const earlier = accepted.get(channel) ?? [];
  const mode = r.weighted<string>([
    ['valid', 40],
    ['accepted', earlier.length ? 10 : 0],
    ['mutated', 35],
    ['skeleton', 6],
    ['random', 5],
    ['foreign', 4],
  ]);
  switch (mode) {
    case 'accepted': {
      const x = r.pick(earlier);
      return r.chance(0.6) ? refreshVersions(x, st) : clone(x);
    }
    case 'mutated': {
      const base = earlier.length && r.chance(0.3) ? refreshVersions(r.pick(earlier), st) : validPayload(channel, st, r, known);
      return mutate(base, r, st);
    }
    case 'skeleton':
      return skeletonWithRandomLeaves(validPayload(channel, st, r, known), r);
    case 'random':
      return randomInput(r);
    case 'foreign':
      return validPayload(r.pick(CHANNEL_NAMES), st, r, known);
    default:
      return validPayload(channel, st, r, known);
  }
}

// ---- Reduction ------------------------------------------------------------------------------

/**
 * Replays calls on a fresh copy of the finding's template; the entries as sent when the last
 * one still shows the finding, else null. With `refresh`, versions are brought up to date
 * before each call, so that a call which only moved a version can be left out.
 */
async function replay(templates: Templates, f: Finding, prefix: readonly TraceEntry[], last: TraceEntry, refresh: boolean): Promise<TraceEntry[] | null> {
  const re = await RoundEngine.open(templates, f.template, f.auth === 'users', 'min');
  try {
    const sent: TraceEntry[] = [];
    const send = async (e: TraceEntry, forceFingerprint: boolean) => {
      const x = refresh ? { ...e, input: refreshVersions(e.input, re.state) } : e;
      sent.push(x);
      return re.exec(x, { forceFingerprint });
    };
    for (const e of prefix) await send(e, false);
    const { hits } = await send(last, true);
    return hits.some((h) => h.signature === f.signature) ? sent : null;
  } finally {
    re.close();
  }
}

/**
 * Delta debugging over the calls before the failing one, then over its input's keys, and again
 * while dropping keys lets more calls go (a line id that needed the call making the line);
 * null when it does not reproduce.
 */
async function minimize(templates: Templates, f: Finding, deadline: number): Promise<TraceEntry[] | null> {
  let last = f.trace[f.trace.length - 1]!;
  let items = f.trace.slice(0, -1);
  let refresh = true;
  let best = await replay(templates, f, items, last, true);
  if (!best) {
    refresh = false;
    best = await replay(templates, f, items, last, false);
    if (!best) return null;
  }
  const test = async (prefix: readonly TraceEntry[], lastEntry: TraceEntry): Promise<boolean> => {
    if (performance.now() > deadline) return false;
    const sent = await replay(templates, f, prefix, lastEntry, refresh);
    if (sent) best = sent;
    return sent !== null;
  };

  const reduceCalls = async () => {
    if (items.length > 0 && (await test([], last))) items = [];
    let n = 2;
    while (items.length >= 2 && performance.now() < deadline) {
      const size = Math.ceil(items.length / n);
      const chunks = Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
      let reduced = false;
      for (let i = 0; i < chunks.length && !reduced; i++) {
        const complement = chunks.filter((_, j) => j !== i).flat();
        if (await test(complement, last)) {
          items = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
        }
      }
      if (!reduced) {
        if (n >= items.length) break;
        n = Math.min(items.length, n * 2);
      }
    }
    if (items.length === 1 && (await test([], last))) items = [];
  };
  /** The keys and array items of the failing call's input, one at a time (the last first); true when one could go. */
  const reduceKeys = async (): Promise<boolean> => {
    const paths = (v: unknown, path: (string | number)[] = []): (string | number)[][] => {
      if (Array.isArray(v)) return v.slice(0, 50).flatMap((x, i) => [[...path, i], ...paths(x, [...path, i])]);
      if (!isRecord(v)) return [];
      return Object.keys(v).flatMap((k) => [[...path, k], ...paths(v[k], [...path, k])]);
    };
    let dropped = false;
    for (const path of paths(last.input).reverse()) {
      if (performance.now() > deadline) break;
      const candidate = clone(last.input);
      let parent: unknown = candidate;
      for (const p of path.slice(0, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[p] : undefined;
      const key = path[path.length - 1]!;
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else if (isRecord(parent)) delete parent[key];
      else continue;
      if (await test(items, { ...last, input: candidate })) {
        last = { ...last, input: candidate };
        dropped = true;
      }
    }
    return dropped;
  };

  for (let pass = 0; pass < 3 && performance.now() < deadline; pass++) {
    const calls = items.length;
    await reduceCalls();
    if (!(await reduceKeys()) && items.length === calls && pass > 0) break;
  }
  if (best.length !== items.length + 1) best = (await replay(templates, f, items, last, refresh)) ?? best;
  return best;
}
