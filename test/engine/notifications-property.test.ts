// Notifications over random sequences (fast-check, issue 12): three users follow
// and stop following orders, then make random changes — status moves, lines,
// comments, tasks (given to one another, done and reopened), invoicing and
// payments on invoiced orders — while days pass and reminders fall due. After
// every step each user has exactly one change notification per change made by
// someone else to an order they followed at the time (or to a task given to
// them), none for their own; and a reminder or task that has come due notifies
// its user once, however often the list is read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/catalog';
import { addDays } from '../../src-main/engine/demo/random';
import { queryFile } from '../helpers/engine';
import { salesWorld, userSessions, type SalesWorld } from '../helpers/sales';

const RUNS = Number(process.env.ORDREBOK_SOAK_RUNS ?? 12);
const WHO = ['admin', 'clerk', 'none'] as const;
type Who = (typeof WHO)[number];
const ORDERS = 3;

const who = fc.constantFrom(...WHO);
const order = fc.nat(ORDERS - 1);
const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('follow' as const), who, order, on: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('status' as const), who, order, kind: fc.constantFrom('confirmed', 'pack', 'production') }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('line' as const), who, order, qty: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('comment' as const), who, order }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('task' as const), who, order, assignee: fc.option(who), due: fc.integer({ min: -2, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('toggleTask' as const), who, task: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('invoice' as const), who, order }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('pay' as const), who, order }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('note' as const), who, order, forWho: fc.option(who), due: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('days' as const), days: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('read' as const), who }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

interface Run {
  readonly w: SalesWorld;
  readonly now: Date;
  readonly sessions: Readonly<Record<Who, string>>;
  readonly userIds: Readonly<Record<Who, number>>;
  readonly orders: number[];
  /** Who follows each order now (the model of following). */
  readonly following: Set<string>[];
  readonly tasks: { id: number; order: number; assignee: Who | null }[];
  readonly invoices: Map<number, number>;
  /** Change notifications each user should have. */
  readonly expected: Record<Who, number>;
  today: string;
}

/** Calls as a user; a refusal changes nothing (and so notifies nobody). */
async function call(r: Run, as: Who, channel: ChannelName, input: unknown): Promise<{ ok: boolean; value: unknown }> {
  const res = await r.w.t.engine.call(channel, input, { sessionKey: r.sessions[as] });
  return res.ok ? { ok: true, value: res.value } : { ok: false, value: res.error };
}

/** A change `by` made to order `o`: every follower but them hears of it, and the task's assignee. */
function changed(r: Run, by: Who, o: number, assignee: Who | null = null): void {
  for (const u of WHO) {
    if (u !== by && (r.following[o]!.has(u) || assignee === u)) r.expected[u]++;
  }
}

async function versionOf(r: Run, o: number): Promise<number> {
  return (await r.w.t.ok('orders.get', { id: r.orders[o]! })).version;
}

async function step(r: Run, c: Command): Promise<void> {
  const { w } = r;
  switch (c.op) {
    case 'follow': {
      const res = await call(r, c.who, 'follow.set', { orderId: r.orders[c.order]!, following: c.on });
      expect(res.ok).toBe(true);
      if (c.on) r.following[c.order]!.add(c.who);
      else r.following[c.order]!.delete(c.who);
      return;
    }
    case 'status': {
      const res = await call(r, c.who, 'orders.setStatus', { id: r.orders[c.order]!, version: await versionOf(r, c.order), statusId: w.status(c.kind), confirm: {} });
      if (res.ok) changed(r, c.who, c.order);
      return;
    }
    case 'line': {
      const res = await call(r, c.who, 'orders.addLine', {
        orderId: r.orders[c.order]!,
        version: await versionOf(r, c.order),
        line: { productId: w.service, quantity: c.qty * 1000 },
        confirm: {},
      });
      if (res.ok) changed(r, c.who, c.order);
      return;
    }
    case 'comment': {
      const res = await call(r, c.who, 'comments.add', { orderId: r.orders[c.order]!, text: `Kommentar fra ${c.who}` });
      expect(res.ok).toBe(true);
      changed(r, c.who, c.order);
      return;
    }
    case 'task': {
      const res = await call(r, c.who, 'tasks.add', {
        orderId: r.orders[c.order]!,
        title: `Oppgave ${r.tasks.length + 1}`,
        assigneeUserId: c.assignee === null ? null : r.userIds[c.assignee],
        dueDate: addDays(r.today, c.due),
      });
      expect(res.ok).toBe(true);
      r.tasks.push({ id: (res.value as { id: number }).id, order: c.order, assignee: c.assignee });
      changed(r, c.who, c.order, c.assignee);
      return;
    }
    case 'toggleTask': {
      if (r.tasks.length === 0) return;
      const t = r.tasks[c.task % r.tasks.length]!;
      const now = await w.t.ok('tasks.list', { orderId: r.orders[t.order]! });
      const task = now.find((x) => x.id === t.id)!;
      const res = await call(r, c.who, 'tasks.update', { id: t.id, version: task.version, done: !task.done });
      expect(res.ok).toBe(true);
      changed(r, c.who, t.order, t.assignee);
      return;
    }
    case 'invoice': {
      if (r.invoices.has(c.order)) return;
      const shipped = await call(r, c.who, 'orders.setStatus', {
        id: r.orders[c.order]!,
        version: await versionOf(r, c.order),
        statusId: w.status('shipped'),
        confirm: { deliverRemaining: true },
      });
      if (!shipped.ok) return;
      changed(r, c.who, c.order);
      const res = await call(r, c.who, 'orders.invoice', { id: r.orders[c.order]!, version: await versionOf(r, c.order) });
      if (!res.ok) return;
      changed(r, c.who, c.order);
      r.invoices.set(c.order, (res.value as { invoice: { id: number } }).invoice.id);
      return;
    }
    case 'pay': {
      const invoiceId = r.invoices.get(c.order);
      if (invoiceId === undefined) return;
      const res = await call(r, c.who, 'payments.register', { invoiceId, amountOre: 10_000, paidOn: r.today, method: 'bank' });
      if (res.ok) changed(r, c.who, c.order);
      return;
    }
    case 'note': {
      const res = await call(r, c.who, 'notes.add', {
        orderId: r.orders[c.order]!,
        date: addDays(r.today, c.due),
        text: `Husk ordre ${c.order}`,
        ...(c.forWho === null ? {} : { forUserId: r.userIds[c.forWho] }),
      });
      // A personal reminder is private: it tells no follower.
      expect(res.ok).toBe(true);
      return;
    }
    case 'days':
      r.today = addDays(r.today, c.days);
      r.now.setTime(new Date(`${r.today}T09:00:00`).getTime());
      return;
    case 'read': {
      const count = await call(r, c.who, 'notifications.count', {});
      const list = await call(r, c.who, 'notifications.list', { limit: 200 });
      // The bell's number before the list equals the unread the list then shows (what fell due included).
      expect((count.value as { unread: number }).unread).toBe((list.value as { unread: number }).unread);
      await dueOnce(r, c.who);
      return;
    }
  }
}

/** After a user read the list: each of their open reminders and tasks that is due has notified them exactly once. */
async function dueOnce(r: Run, u: Who): Promise<void> {
  const user = r.userIds[u];
  const dueRows = await queryFile<{ kind: string; source: number; n: number }>(
    r.w.t.file,
    `SELECT kind, ifnull(task_id, note_id) AS source, count(*) AS n FROM notification WHERE kind <> 'change' AND user_id = ? GROUP BY kind, source`,
    user,
  );
  expect(dueRows.filter((x) => x.n !== 1)).toEqual([]);
  const open = await queryFile<{ kind: string; source: number }>(
    r.w.t.file,
    `SELECT 'note_due' AS kind, id AS source FROM note WHERE for_user_id = ? AND done_at IS NULL AND date <= ?
     UNION ALL SELECT 'task_due', id FROM task WHERE assignee_id = ? AND done_at IS NULL AND due_date <= ?`,
    user,
    r.today,
    user,
    r.today,
  );
  const notified = new Set(dueRows.map((x) => `${x.kind}:${x.source}`));
  expect(open.filter((x) => !notified.has(`${x.kind}:${x.source}`))).toEqual([]);
}

async function checkChanges(r: Run): Promise<void> {
  const rows = await queryFile<{ user_id: number; n: number }>(
    r.w.t.file,
    "SELECT user_id, count(*) AS n FROM notification WHERE kind = 'change' GROUP BY user_id",
  );
  const actual = Object.fromEntries(WHO.map((u) => [u, rows.find((x) => x.user_id === r.userIds[u])?.n ?? 0]));
  expect(actual).toEqual(r.expected);
  // None for one's own change.
  const own = await queryFile<{ n: number }>(r.w.t.file, "SELECT count(*) AS n FROM notification WHERE kind = 'change' AND actor_id = user_id");
  expect(own[0]!.n).toBe(0);
}

describe('notifications over random changes by several users', () => {
  it('each follower: one notification per change by someone else, none for their own; due reminders and tasks once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 22 }), async (commands) => {
        const now = new Date('2025-03-10T09:00:00');
        const w = await salesWorld({ now });
        try {
          const sessions = await userSessions(w.t);
          const list = await w.t.ok('users.list', {});
          const id = (username: string) => list.find((u) => u.username === username)!.id;
          const r: Run = {
            w,
            now,
            sessions,
            userIds: { admin: id('sjef'), clerk: id('kari'), none: id('per') },
            orders: [],
            following: [],
            tasks: [],
            invoices: new Map(),
            expected: { admin: 0, clerk: 0, none: 0 },
            today: '2025-03-10',
          };
          // The administrator creates the orders, and so follows them.
          for (let i = 0; i < ORDERS; i++) {
            r.orders.push((await w.order(1, 'confirmed', [[w.service, 1_000]])).id);
            r.following.push(new Set<Who>(['admin']));
          }
          for (const c of commands) {
            await step(r, c);
            await checkChanges(r);
          }
          for (const u of WHO) await step(r, { op: 'read', who: u });
        } finally {
          w.t.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
