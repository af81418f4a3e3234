// Working together on an order (issue 12): comments, tasks and "Mine oppgaver",
// personal reminders, following and notifications — one test per rule, through
// the real handlers on a real file, as the users who would do it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName, ChannelOutput } from '../../shared/catalog';
import type { DomainErrorData } from '../../shared/errors';
import { COMPANY, makeEngine, queryFile, type TestEngine } from '../helpers/engine';
import { salesWorld, userSessions, type SalesWorld } from '../helpers/sales';

type Who = 'admin' | 'clerk' | 'none';

let w: SalesWorld;
let sessions: Readonly<Record<Who, string>>;
const users: Record<Who, number> = { admin: 0, clerk: 0, none: 0 };

async function as<K extends ChannelName>(who: Who, channel: K, input: unknown): Promise<ChannelOutput<K>> {
  const r = await w.t.engine.call(channel, input, { sessionKey: sessions[who] });
  if (!r.ok) throw new Error(`${channel} as ${who} refused: ${r.error.code} ${r.error.field ?? ''} ${r.error.message.en}`);
  return r.value as ChannelOutput<K>;
}

async function refusedAs(who: Who, channel: ChannelName, input: unknown): Promise<DomainErrorData> {
  const r = await w.t.engine.call(channel, input, { sessionKey: sessions[who] });
  if (r.ok) throw new Error(`${channel} as ${who} was expected to refuse`);
  return r.error;
}

/** Setup the channels do not offer yet (a project, an order's responsible employee: the people part's). */
async function writeFile(file: string, sql: string, ...params: unknown[]): Promise<void> {
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const db = openDatabase(file, { optimize: false });
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

const now = new Date('2025-03-10T10:00:00');

beforeEach(async () => {
  now.setTime(new Date('2025-03-10T10:00:00').getTime());
  w = await salesWorld({ now });
  sessions = await userSessions(w.t);
  const list = await as('admin', 'users.list', {});
  users.admin = list.find((u) => u.username === 'sjef')!.id;
  users.clerk = list.find((u) => u.username === 'kari')!.id;
  users.none = list.find((u) => u.username === 'per')!.id;
});
afterEach(() => w.t.close());

const newOrder = async (who: Who = 'admin') =>
  as(who, 'orders.create', { header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.service, quantity: 1_000 }] });

describe('comments', () => {
  it('are shown oldest first with who and when, and each is an entry in the order’s activity log', async () => {
    const order = await newOrder();
    const first = await as('clerk', 'comments.add', { orderId: order.id, text: '  Kunden ringer tilbake i morgen.  ' });
    await as('admin', 'comments.add', { orderId: order.id, text: 'Avtalt levering på fredag.' });
    const list = await as('none', 'comments.list', { orderId: order.id });
    expect(list.map((c) => [c.text, c.author?.name])).toEqual([
      ['Kunden ringer tilbake i morgen.', 'Kari'],
      ['Avtalt levering på fredag.', 'Sjef'],
    ]);
    expect(first.at).toBe(now.toISOString());
    const log = await as('admin', 'activity.list', { entity: 'order', entityId: order.id });
    const comments = log.filter((e) => e.action === 'comment');
    expect(comments.map((e) => [e.userName, (e.after as { text: string }).text])).toEqual([
      ['Sjef', 'Avtalt levering på fredag.'],
      ['Kari', 'Kunden ringer tilbake i morgen.'],
    ]);
  });

  it('are append-only: a correction is a new comment referring to the old, and the file refuses changing or deleting one', async () => {
    const order = await newOrder();
    const wrong = await as('clerk', 'comments.add', { orderId: order.id, text: 'Levering 12. mars.' });
    const fix = await as('clerk', 'comments.add', { orderId: order.id, text: 'Rettelse: levering 14. mars.', correctsId: wrong.id });
    expect(fix.correctsId).toBe(wrong.id);
    const list = await as('clerk', 'comments.list', { orderId: order.id });
    expect(list.map((c) => [c.text, c.correctsId, c.correctedByIds])).toEqual([
      ['Levering 12. mars.', null, [fix.id]],
      ['Rettelse: levering 14. mars.', wrong.id, []],
    ]);
    await expect(writeFile(w.t.file, "UPDATE order_comment SET text = 'endret' WHERE id = ?", wrong.id)).rejects.toThrow(/append-only/);
    await expect(writeFile(w.t.file, 'DELETE FROM order_comment WHERE id = ?', wrong.id)).rejects.toThrow(/append-only/);
    expect((await as('clerk', 'comments.list', { orderId: order.id }))[0]!.text).toBe('Levering 12. mars.');
  });

  it('a correction must refer to a comment on the same order; an unknown order or comment is refused', async () => {
    const a = await newOrder();
    const b = await newOrder();
    const onA = await as('clerk', 'comments.add', { orderId: a.id, text: 'Hei' });
    const other = await refusedAs('clerk', 'comments.add', { orderId: b.id, text: 'Rettelse', correctsId: onA.id });
    expect([other.code, other.field]).toEqual(['comment_other_order', 'correctsId']);
    expect((await refusedAs('clerk', 'comments.add', { orderId: a.id, text: 'x', correctsId: 9999 })).code).toBe('not_found');
    expect((await refusedAs('clerk', 'comments.add', { orderId: 9999, text: 'x' })).field).toBe('orderId');
    expect((await refusedAs('clerk', 'comments.add', { orderId: a.id, text: 'x'.repeat(4001) })).code).toBe('too_long');
  });
});

describe('tasks', () => {
  it('belong to an order with an assignee and a due date; overdue when the date has passed and not done', async () => {
    const order = await newOrder();
    const late = await as('admin', 'tasks.add', { orderId: order.id, title: 'Ring kunden', assigneeUserId: users.clerk, dueDate: '2025-03-07' });
    const today = await as('admin', 'tasks.add', { orderId: order.id, title: 'Send tilbud', assigneeUserId: null, dueDate: '2025-03-10' });
    expect(late).toMatchObject({
      title: 'Ring kunden',
      assignee: { id: users.clerk, name: 'Kari' },
      dueDate: '2025-03-07',
      done: false,
      doneAt: null,
      overdue: true,
      order: { id: order.id, number: order.number, customerName: 'Bergen Bygg AS' },
      project: null,
      createdBy: { id: users.admin, name: 'Sjef' },
      version: 1,
    });
    expect(today.overdue).toBe(false);
    expect(today.assignee).toBeNull();
    const done = await as('clerk', 'tasks.update', { id: late.id, version: late.version, done: true });
    expect([done.done, done.doneAt, done.overdue, done.version]).toEqual([true, now.toISOString(), false, 2]);
    const list = await as('none', 'tasks.list', { orderId: order.id });
    expect(list.map((t) => t.title)).toEqual(['Send tilbud', 'Ring kunden']);
    const stale = await refusedAs('clerk', 'tasks.update', { id: late.id, version: 1, title: 'Annen tittel' });
    expect(stale.code).toBe('version_conflict');
  });

  it('belong to exactly one of an order and a project; a project’s tasks are listed on it', async () => {
    const order = await newOrder();
    await writeFile(w.t.file, "INSERT INTO project (number, name, name_fold, status, created_at, updated_at) VALUES (1001, 'Nytt lager', 'nytt lager', 'active', 'x', 'x')");
    const projectId = (await queryFile<{ id: number }>(w.t.file, 'SELECT id FROM project WHERE number = 1001'))[0]!.id;
    const both = await refusedAs('admin', 'tasks.add', { orderId: order.id, projectId, title: 'x', assigneeUserId: null });
    const neither = await refusedAs('admin', 'tasks.add', { title: 'x', assigneeUserId: null });
    expect([both.code, neither.code]).toEqual(['task_order_or_project', 'task_order_or_project']);
    const task = await as('admin', 'tasks.add', { projectId, title: 'Bestill reoler', assigneeUserId: users.none, dueDate: '2025-03-20' });
    expect(task.project).toEqual({ id: projectId, number: 1001, name: 'Nytt lager' });
    expect(task.order).toBeNull();
    expect((await as('clerk', 'tasks.list', { projectId })).map((t) => t.id)).toEqual([task.id]);
    expect((await refusedAs('clerk', 'tasks.list', { projectId: 9999 })).code).toBe('not_found');
  });

  it('"Mine oppgaver" is the logged-in user’s own tasks, open ones unless done are asked for', async () => {
    const order = await newOrder();
    const mine = await as('admin', 'tasks.add', { orderId: order.id, title: 'Kari sin', assigneeUserId: users.clerk, dueDate: '2025-03-12' });
    await as('admin', 'tasks.add', { orderId: order.id, title: 'Per sin', assigneeUserId: users.none });
    const doneOne = await as('admin', 'tasks.add', { orderId: order.id, title: 'Kari ferdig', assigneeUserId: users.clerk });
    await as('clerk', 'tasks.update', { id: doneOne.id, version: doneOne.version, done: true });
    expect((await as('clerk', 'tasks.mine', {})).map((t) => t.id)).toEqual([mine.id]);
    expect((await as('clerk', 'tasks.mine', { includeDone: true })).map((t) => t.title)).toEqual(['Kari sin', 'Kari ferdig']);
    expect((await as('none', 'tasks.mine', {})).map((t) => t.title)).toEqual(['Per sin']);
  });

  it('are given only to an existing, active user', async () => {
    const order = await newOrder();
    const unknown = await refusedAs('admin', 'tasks.add', { orderId: order.id, title: 'x', assigneeUserId: 9999 });
    expect([unknown.code, unknown.field]).toEqual(['not_found', 'assigneeUserId']);
    const group = (await as('admin', 'groups.list', {}))[0]!.id;
    const gone = await as('admin', 'users.save', { username: 'ola', name: 'Ola', groupId: group, pin: '4444', active: false });
    const inactive = await refusedAs('admin', 'tasks.add', { orderId: order.id, title: 'x', assigneeUserId: gone.id });
    expect([inactive.code, inactive.field]).toEqual(['user_inactive', 'assigneeUserId']);
  });
});

describe('personal reminders (notes)', () => {
  it('are for oneself by default; a user sees and changes only their own, another’s is not found', async () => {
    const order = await newOrder();
    const own = await as('clerk', 'notes.add', { orderId: order.id, date: '2025-03-12', text: 'Følg opp betaling' });
    expect(own.forUser).toEqual({ id: users.clerk, name: 'Kari' });
    const forPer = await as('clerk', 'notes.add', { orderId: order.id, date: '2025-03-11', text: 'Sjekk lageret', forUserId: users.none });
    expect((await as('clerk', 'notes.list', {})).map((n) => n.text)).toEqual(['Følg opp betaling']);
    expect((await as('none', 'notes.list', { orderId: order.id })).map((n) => [n.text, n.createdBy?.name])).toEqual([['Sjekk lageret', 'Kari']]);
    expect(await as('admin', 'notes.list', {})).toEqual([]);
    const other = await refusedAs('clerk', 'notes.update', { id: forPer.id, version: 1, done: true });
    expect([other.code, other.field]).toEqual(['not_found', 'id']);
    const done = await as('none', 'notes.update', { id: forPer.id, version: 1, done: true, text: 'Lageret sjekket' });
    expect([done.done, done.doneAt, done.text, done.version]).toEqual([true, now.toISOString(), 'Lageret sjekket', 2]);
    expect(await as('none', 'notes.list', {})).toEqual([]);
    expect((await as('none', 'notes.list', { includeDone: true })).length).toBe(1);
  });

  it('on a workstation without users are shared, and cannot be for a particular user', async () => {
    const t: TestEngine = await makeEngine({ now });
    try {
      await t.ok('company.save', COMPANY);
      const c = await t.ok('customers.create', { kind: 'private', name: 'Åse Ødegård' });
      const p = await t.ok('products.create', { number: 'T', name: 'Time', unit: 'time', priceOre: 1000, vatCode: '25', stockManaged: false });
      const o = await t.ok('orders.create', { header: { customerId: c.id, orderType: 1 }, lines: [{ productId: p.id, quantity: 1000 }] });
      const note = await t.ok('notes.add', { orderId: o.id, date: '2025-03-10', text: 'Ring Åse' });
      expect([note.forUser, note.due]).toEqual([null, true]);
      expect((await t.refused('notes.add', { orderId: o.id, date: '2025-03-10', text: 'x', forUserId: 1 })).code).toBe('note_needs_user');
      expect((await t.refused('follow.set', { orderId: o.id, following: true })).code).toBe('follow_needs_user');
      // The bell shows all: the due reminder, and a task for nobody due today.
      await t.ok('tasks.add', { orderId: o.id, title: 'Pakk', assigneeUserId: null, dueDate: '2025-03-10' });
      expect(await t.ok('notifications.count', {})).toEqual({ unread: 2 });
      const list = await t.ok('notifications.list', {});
      expect(list.rows.map((n) => n.kind).sort()).toEqual(['note_due', 'task_due']);
      expect(list.rows.find((n) => n.kind === 'note_due')!.text.nb).toBe(`Påminnelse for ordre ${o.number}: «Ring Åse»`);
      expect((await t.ok('tasks.mine', {})).map((x) => x.title)).toEqual(['Pakk']);
    } finally {
      t.close();
    }
  });
});

describe('following', () => {
  it('the creator follows automatically; others follow and stop following themselves', async () => {
    const order = await newOrder('clerk');
    expect(await as('clerk', 'follow.get', { orderId: order.id })).toEqual({ following: true, followers: [{ id: users.clerk, name: 'Kari' }] });
    expect((await as('none', 'follow.set', { orderId: order.id, following: true })).followers.map((f) => f.name)).toEqual(['Kari', 'Per']);
    const off = await as('clerk', 'follow.set', { orderId: order.id, following: false });
    expect(off).toEqual({ following: false, followers: [{ id: users.none, name: 'Per' }] });
    // Stopping is remembered: a later change by the creator does not make her follow again.
    await as('clerk', 'comments.add', { orderId: order.id, text: 'Hei' });
    expect((await as('clerk', 'follow.get', { orderId: order.id })).following).toBe(false);
  });

  it('the user of the responsible employee follows once the order has them', async () => {
    const order = await newOrder();
    const emp = await as('admin', 'employees.create', { name: 'Per Lager', initials: 'PL', userId: users.none });
    // Setting the responsible employee is the people part's (orders.updateHeader); here it is written as that will.
    await writeFile(w.t.file, 'UPDATE order_header SET responsible_id = ? WHERE id = ?', emp.id, order.id);
    await as('admin', 'comments.add', { orderId: order.id, text: 'Per har ansvaret nå.' });
    const state = await as('none', 'follow.get', { orderId: order.id });
    expect(state.following).toBe(true);
    expect((await as('none', 'notifications.list', {})).rows.map((n) => n.text.nb)).toEqual([`Ordre ${order.number}: Sjef la til en kommentar: «Per har ansvaret nå.»`]);
  });
});

describe('notifications', () => {
  it('a change by someone else is one notification for each follower, none for the one who made it', async () => {
    const order = await newOrder('admin');
    await as('clerk', 'follow.set', { orderId: order.id, following: true });
    const moved = await as('none', 'orders.setStatus', { id: order.id, version: order.version, statusId: w.status('pack'), confirm: {} });
    const { rows } = await as('admin', 'notifications.list', {});
    expect(rows).toHaveLength(1);
    const pack = (await as('admin', 'statuses.list', {})).find((s) => s.id === w.status('pack'))!.labelNb;
    const confirmed = (await as('admin', 'statuses.list', {})).find((s) => s.id === w.status('confirmed'))!.labelNb;
    expect(rows[0]).toMatchObject({
      kind: 'change',
      actor: { id: users.none, name: 'Per' },
      orderId: order.id,
      orderNumber: order.number,
      read: false,
      text: { nb: `Ordre ${order.number}: status ${confirmed} → ${pack}` },
    });
    expect((await as('clerk', 'notifications.list', {})).rows.map((n) => n.text.nb)).toEqual([rows[0]!.text.nb]);
    expect((await as('none', 'notifications.list', {})).rows).toEqual([]);
    // The one who made a change hears nothing of it.
    await as('clerk', 'orders.addLine', { orderId: order.id, version: moved.version, line: { productId: w.service, quantity: 2_000 }, confirm: {} });
    expect((await as('clerk', 'notifications.count', {})).unread).toBe(1);
    expect((await as('admin', 'notifications.list', {})).rows[0]!.text).toEqual({ nb: `Ordre ${order.number}: linje lagt til`, en: `Order ${order.number}: line added` });
  });

  it('invoicing and a payment (logged on the invoice) are each one notification per follower of the order', async () => {
    const order = await w.order(1, 'confirmed', [[w.drill, 1_000]]);
    await as('none', 'follow.set', { orderId: order.id, following: true });
    const shipped = await as('clerk', 'orders.setStatus', { id: order.id, version: order.version, statusId: w.status('shipped'), confirm: { deliverRemaining: true } });
    const { invoice } = await as('clerk', 'orders.invoice', { id: shipped.id, version: shipped.version });
    const before = (await as('none', 'notifications.list', {})).rows.length;
    await as('clerk', 'payments.register', { invoiceId: invoice.id, amountOre: invoice.grossOre, paidOn: '2025-03-10', method: 'bank' });
    const rows = (await as('none', 'notifications.list', {})).rows;
    expect(before).toBe(2);
    expect(rows.map((n) => n.text.nb)).toEqual([
      `Ordre ${order.number}: betaling registrert på faktura ${invoice.number}`,
      `Ordre ${order.number}: faktura ${invoice.number} laget`,
      expect.stringMatching(new RegExp(`^Ordre ${order.number}: status `)),
    ]);
    expect(rows.every((n) => n.orderId === order.id && n.actor?.name === 'Kari')).toBe(true);
  });

  it('a task given to another user notifies them (once, even when they also follow the order)', async () => {
    const order = await newOrder('admin');
    const task = await as('admin', 'tasks.add', { orderId: order.id, title: 'Ring kunden', assigneeUserId: users.clerk, dueDate: '2025-03-20' });
    const kari = (await as('clerk', 'notifications.list', {})).rows;
    expect(kari.map((n) => [n.text.nb, n.taskId])).toEqual([[`Ordre ${order.number}: oppgave «Ring kunden» lagt til for Kari`, task.id]]);
    await as('clerk', 'follow.set', { orderId: order.id, following: true });
    await as('admin', 'tasks.update', { id: task.id, version: task.version, dueDate: '2025-03-21' });
    expect((await as('clerk', 'notifications.list', {})).rows).toHaveLength(2);
    // Her own change tells the creator (a follower), not her.
    await as('clerk', 'tasks.update', { id: task.id, version: 2, done: true });
    expect((await as('clerk', 'notifications.list', {})).rows).toHaveLength(2);
    expect((await as('admin', 'notifications.list', {})).rows[0]!.text.nb).toBe(`Ordre ${order.number}: oppgave «Ring kunden» fullført`);
    // Saving what is there is no change.
    await as('admin', 'tasks.update', { id: task.id, version: 3, done: true });
    expect((await as('clerk', 'notifications.list', {})).rows).toHaveLength(2);
  });

  it('reminders and tasks that come due appear once per user and date, counted before they are listed', async () => {
    const order = await newOrder('admin');
    await as('clerk', 'notes.add', { orderId: order.id, date: '2025-03-11', text: 'Purre på svar' });
    await as('admin', 'tasks.add', { orderId: order.id, title: 'Send varer', assigneeUserId: users.clerk, dueDate: '2025-03-12' });
    await as('clerk', 'notifications.markAllRead', {});
    expect(await as('clerk', 'notifications.count', {})).toEqual({ unread: 0 });
    now.setTime(new Date('2025-03-11T08:00:00').getTime());
    expect(await as('clerk', 'notifications.count', {})).toEqual({ unread: 1 });
    const first = await as('clerk', 'notifications.list', { unreadOnly: true });
    expect(first.rows.map((n) => [n.kind, n.text.nb])).toEqual([['note_due', `Påminnelse for ordre ${order.number}: «Purre på svar»`]]);
    expect((await as('clerk', 'notifications.list', { unreadOnly: true })).rows).toHaveLength(1);
    now.setTime(new Date('2025-03-14T08:00:00').getTime());
    const later = await as('clerk', 'notifications.list', { unreadOnly: true });
    expect(later.rows.map((n) => n.text.nb)).toEqual([
      `Ordre ${order.number}: oppgave «Send varer» hadde frist 12.03.2025 og er ikke gjort`,
      `Påminnelse for ordre ${order.number}: «Purre på svar»`,
    ]);
    await as('clerk', 'notifications.list', {});
    const stored = await queryFile<{ n: number }>(w.t.file, "SELECT count(*) AS n FROM notification WHERE kind <> 'change'");
    expect(stored[0]!.n).toBe(2);
    // Nobody else hears of Kari's reminder.
    expect((await as('admin', 'notifications.list', {})).rows.filter((n) => n.kind !== 'change')).toEqual([]);
  });

  it('a printed document and a deleted order reach the followers; deleting takes the order’s tasks, reminders and followers with it', async () => {
    const order = await newOrder('admin');
    await as('none', 'follow.set', { orderId: order.id, following: true });
    await as('clerk', 'documents.render', { kind: 'order_confirmation', orderId: order.id });
    expect((await as('none', 'notifications.list', {})).rows.map((n) => n.text)).toEqual([
      { nb: `Ordre ${order.number}: Ordrebekreftelse ${order.number} skrevet ut`, en: `Order ${order.number}: Order confirmation ${order.number} printed` },
    ]);
    await as('admin', 'tasks.add', { orderId: order.id, title: 'Ring kunden', assigneeUserId: users.none });
    await as('none', 'notes.add', { orderId: order.id, date: '2025-03-10', text: 'Ring' });
    await as('none', 'comments.add', { orderId: order.id, text: 'Blir nok slettet.' });
    const current = await as('admin', 'orders.get', { id: order.id });
    await as('clerk', 'orders.delete', { id: order.id, version: current.version });
    const rows = (await as('none', 'notifications.list', {})).rows;
    expect(rows[0]).toMatchObject({ text: { nb: `Ordre ${order.number}: slettet` }, orderId: order.id, orderNumber: null });
    const left = await queryFile<{ tasks: number; notes: number; followers: number; comments: number }>(
      w.t.file,
      `SELECT (SELECT count(*) FROM task) AS tasks, (SELECT count(*) FROM note) AS notes,
              (SELECT count(*) FROM order_follower) AS followers, (SELECT count(*) FROM order_comment) AS comments`,
    );
    // Comments are history, like the activity log: they stay.
    expect(left[0]).toEqual({ tasks: 0, notes: 0, followers: 0, comments: 1 });
  });

  it('a purchase order is named as one', async () => {
    const supplier = await as('admin', 'suppliers.create', { kind: 'business', name: 'Rørgrossisten AS', orgNumber: '923609016' });
    const po = await as('admin', 'purchase.create', { header: { supplierId: supplier.id }, lines: [{ productId: w.drill, quantity: 5_000 }] });
    await as('clerk', 'comments.add', { orderId: po.id, text: 'Leverandøren har bekreftet på telefon.' });
    expect((await as('admin', 'notifications.list', {})).rows.map((n) => n.text.nb)).toEqual([
      `Innkjøpsordre ${po.number}: Kari la til en kommentar: «Leverandøren har bekreftet på telefon.»`,
    ]);
  });

  it('mark read: one’s own by id, or all; another user’s notifications are left alone', async () => {
    const order = await newOrder('admin');
    await as('clerk', 'follow.set', { orderId: order.id, following: true });
    await as('none', 'comments.add', { orderId: order.id, text: 'En' });
    await as('none', 'comments.add', { orderId: order.id, text: 'To' });
    const admin = (await as('admin', 'notifications.list', {})).rows;
    const kari = (await as('clerk', 'notifications.list', {})).rows;
    expect([admin.length, kari.length]).toEqual([2, 2]);
    expect(await as('clerk', 'notifications.markRead', { ids: [kari[0]!.id, admin[0]!.id] })).toEqual({ unread: 1 });
    expect((await as('admin', 'notifications.count', {})).unread).toBe(2);
    expect((await as('clerk', 'notifications.list', { unreadOnly: true })).rows.map((n) => n.id)).toEqual([kari[1]!.id]);
    expect(await as('admin', 'notifications.markAllRead', {})).toEqual({ unread: 0 });
    expect((await as('clerk', 'notifications.count', {})).unread).toBe(1);
    expect((await as('admin', 'notifications.list', {})).rows.every((n) => n.read)).toBe(true);
  });
});
