// Issue 12: employees (initials unique, a user is one employee at most, an
// inactive employee is not chosen again, changing them needs "administer") and
// the order header's title, our contact, responsible employee and project, on
// sales and purchase orders, with what copies, conversions and backorders carry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/catalog';
import { purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';
import { userSessions } from '../helpers/sales';

let w: PurchaseWorld;
let sessions: Awaited<ReturnType<typeof userSessions>>;
let kariUser: number;
let ola: number;
let former: number;

/** A channel called as the user of `session`. */
function as<K extends ChannelName>(session: string, channel: K, input: unknown) {
  return w.t.engine.call(channel, input, { sessionKey: session });
}

beforeAll(async () => {
  w = await purchaseWorld();
  sessions = await userSessions(w.t);
  kariUser = (await w.t.ok('users.list', {})).find((u) => u.username === 'kari')!.id;
  ola = (await w.t.ok('employees.create', { name: 'Ola Hansen', initials: 'oh', phone: '22 33 44 55' })).id;
  const f = await w.t.ok('employees.create', { name: 'Tidligere Ansatt', initials: 'TA' });
  former = (await w.t.ok('employees.update', { id: f.id, version: f.version, name: f.name, initials: f.initials, active: false })).id;
}, 60_000);
afterAll(() => w.t.close());

const header = (extra: Record<string, unknown> = {}) => ({ customerId: w.customer, orderType: 1, statusId: w.status('draft'), ...extra });
const line = () => [{ productId: w.service, quantity: 1000 }];

describe('employees', () => {
  it('initials are stored in capitals and are unique, in any case', async () => {
    const e = await w.t.ok('employees.get', { id: ola });
    expect(e).toMatchObject({ initials: 'OH', active: true, userId: null });
    const dup = await w.t.refused('employees.create', { name: 'Olav Holm', initials: 'Oh' });
    expect(dup).toMatchObject({ code: 'duplicate_initials', field: 'initials' });
    expect(dup.message.nb).toContain('Ola Hansen');
  });

  it('a user is linked to one employee at most', async () => {
    const kari = await w.t.ok('employees.create', { name: 'Kari Nilsen', initials: 'KN', userId: kariUser });
    expect(kari).toMatchObject({ userId: kariUser, userName: 'Kari' });
    const twice = await w.t.refused('employees.create', { name: 'Kari N. igjen', initials: 'KNI', userId: kariUser });
    expect(twice).toMatchObject({ code: 'user_has_employee', field: 'userId' });
  });

  it('the list shows active employees unless asked for all, searched folded', async () => {
    const active = await w.t.ok('employees.list', {});
    expect(active.map((e) => e.id)).toContain(ola);
    expect(active.map((e) => e.id)).not.toContain(former);
    const all = await w.t.ok('employees.list', { includeInactive: true });
    expect(all.map((e) => e.id)).toContain(former);
    expect((await w.t.ok('employees.list', { search: 'HANSEN' })).map((e) => e.id)).toEqual([ola]);
  });

  it('adding or changing an employee needs "administer"', async () => {
    const r = await as(sessions.clerk, 'employees.create', { name: 'Per Lager', initials: 'PL' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('missing_right');
    const listed = await as(sessions.clerk, 'employees.list', {});
    expect(listed.ok).toBe(true);
  });
});

describe('the order header: title, our contact, responsible, project', () => {
  it('saves the four fields on create, save and updateHeader, and logs the change', async () => {
    const project = await w.t.ok('projects.create', { name: 'Kontorbygg', customerId: w.customer });
    const o = await w.t.ok('orders.create', { header: header({ title: 'Nye reoler', ourContactId: ola, projectId: project.id }), lines: line() });
    expect(o).toMatchObject({ title: 'Nye reoler', ourContactId: ola, projectId: project.id });
    const changed = await w.t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { title: 'Reoler, 2 etasjer', responsibleId: ola } });
    expect(changed).toMatchObject({ title: 'Reoler, 2 etasjer', responsibleId: ola, ourContactId: ola, projectId: project.id });
    // A save that leaves the fields out keeps them; null clears.
    const saved = await w.t.ok('orders.save', {
      id: o.id,
      version: changed.version,
      header: { ...header(), ourContactId: null },
      lines: changed.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
    });
    expect(saved).toMatchObject({ title: 'Reoler, 2 etasjer', responsibleId: ola, ourContactId: null, projectId: project.id });
    const log = await w.t.ok('activity.list', { entity: 'order', entityId: o.id });
    const update = log.find((e) => e.action === 'update_header')!;
    expect(update.before).toMatchObject({ title: 'Nye reoler', responsibleId: null });
    expect(update.after).toMatchObject({ title: 'Reoler, 2 etasjer', responsibleId: ola });
  });

  it('refuses an unknown or inactive employee, and keeps an inactive one already set', async () => {
    expect(await w.t.refused('orders.create', { header: header({ responsibleId: 4242 }), lines: line() })).toMatchObject({
      code: 'not_found',
      field: 'header.responsibleId',
    });
    const inactive = await w.t.refused('orders.create', { header: header({ ourContactId: former }), lines: line() });
    expect(inactive).toMatchObject({ code: 'employee_inactive', field: 'header.ourContactId' });
    expect(inactive.message.nb).toBe('Tidligere Ansatt er ikke lenger aktiv ansatt og kan ikke velges.');
    // Set while active, then the employee leaves: the order keeps them through later saves.
    const temp = await w.t.ok('employees.create', { name: 'Vikar Vik', initials: 'VV' });
    const o = await w.t.ok('orders.create', { header: header({ responsibleId: temp.id }), lines: line() });
    await w.t.ok('employees.update', { id: temp.id, version: temp.version, name: temp.name, initials: temp.initials, active: false });
    const kept = await w.t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { title: 'Fortsatt Vikars', responsibleId: temp.id } });
    expect(kept.responsibleId).toBe(temp.id);
    // …but another order cannot choose them now.
    expect(await w.t.refused('orders.updateHeader', { id: o.id, version: kept.version, header: { ourContactId: temp.id } })).toMatchObject({
      code: 'employee_inactive',
    });
  });

  it('a project must be open and, on a sales order, the customer\'s', async () => {
    const other = await w.t.ok('projects.create', { name: 'Hytte Ola', customerId: w.privateCustomer });
    const refused = await w.t.refused('orders.create', { header: header({ projectId: other.id }), lines: line() });
    expect(refused).toMatchObject({ code: 'project_other_customer', field: 'header.projectId' });
    expect(refused.message.nb).toContain('Ola Nordmann');
    const done = await w.t.ok('projects.create', { name: 'Ferdig', customerId: w.customer, status: 'completed' });
    const closed = await w.t.refused('orders.create', { header: header({ projectId: done.id }), lines: line() });
    expect(closed).toMatchObject({ code: 'project_closed', field: 'header.projectId' });
    expect(closed.message.nb).toBe(`Prosjekt ${done.number} er fullført og tar ikke imot nye ordrer.`);
    expect(closed.message.en).toBe(`Project ${done.number} is completed and takes no new orders.`);
    expect(await w.t.refused('orders.create', { header: header({ projectId: 4242 }), lines: line() })).toMatchObject({ code: 'not_found' });
    // An order on a project that closes afterwards keeps it.
    const open = await w.t.ok('projects.create', { name: 'Snart ferdig', customerId: w.customer });
    const o = await w.t.ok('orders.create', { header: header({ projectId: open.id }), lines: line() });
    await w.t.ok('projects.update', { id: open.id, version: open.version, name: open.name, customerId: w.customer, status: 'completed' });
    const kept = await w.t.ok('orders.updateHeader', { id: o.id, version: o.version, header: { title: 'Etterarbeid' } });
    expect(kept.projectId).toBe(open.id);
    // Another customer is refused while the order is on the project of this one.
    const moved = await w.t.refused('orders.updateHeader', { id: o.id, version: kept.version, header: { customerId: w.privateCustomer } });
    expect(moved).toMatchObject({ code: 'project_other_customer' });
    // A project without customer takes any customer's orders.
    const free = await w.t.ok('projects.create', { name: 'Felles innkjøp' });
    expect((await w.t.ok('orders.create', { header: header({ customerId: w.privateCustomer, projectId: free.id }), lines: line() })).projectId).toBe(free.id);
  });

  it("a new sales order's responsible is the logged-in user's employee, unless one is chosen", async () => {
    const kari = (await w.t.ok('employees.list', { search: 'Kari Nilsen' }))[0]!;
    const r = await as(sessions.clerk, 'orders.create', { header: header(), lines: line() });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.responsibleId).toBe(kari.id);
    const chosen = await as(sessions.clerk, 'orders.create', { header: header({ responsibleId: ola }), lines: line() });
    if (!chosen.ok) throw new Error(chosen.error.code);
    expect(chosen.value.responsibleId).toBe(ola);
    const none = await as(sessions.clerk, 'orders.create', { header: header({ responsibleId: null }), lines: line() });
    if (!none.ok) throw new Error(none.error.code);
    expect(none.value.responsibleId).toBeNull();
    // A user without an employee: no responsible.
    const admin = await w.t.ok('orders.create', { header: header(), lines: line() });
    expect(admin.responsibleId).toBeNull();
  });

  it('copies, quote conversions and backorders carry the title, people and project', async () => {
    const project = await w.t.ok('projects.create', { name: 'Lager Sandsli', customerId: w.customer });
    const people = { title: 'Sandsli', ourContactId: ola, responsibleId: ola, projectId: project.id };
    const quote = await w.t.ok('orders.create', { header: header({ orderType: 5, statusId: w.status('quote'), ...people }), lines: line() });
    const converted = await w.t.ok('orders.convertQuote', { id: quote.id, version: quote.version, orderType: 1 });
    expect(converted).toMatchObject(people);
    const copy = await w.t.ok('orders.copy', { id: quote.id });
    expect(copy).toMatchObject(people);

    const order = await w.t.ok('orders.create', {
      header: header({ statusId: w.status('confirmed'), ...people }),
      lines: [{ productId: w.drill, quantity: 10_000 }],
    });
    const delivered = await w.t.ok('orders.deliver', { id: order.id, version: order.version, lines: [{ lineId: order.lines[0]!.id, quantity: 4000 }] });
    const { backorder } = await w.t.ok('orders.invoice', { id: delivered.id, version: delivered.version });
    expect(backorder).toMatchObject(people);

    // A copy leaves out what can no longer be chosen: a closed project, a former employee.
    await w.t.ok('projects.update', { id: project.id, version: project.version, name: project.name, customerId: w.customer, status: 'cancelled' });
    const again = await w.t.ok('orders.copy', { id: quote.id });
    expect(again).toMatchObject({ title: 'Sandsli', ourContactId: ola, projectId: null });
  });
});

describe('purchase orders', () => {
  it('save the same fields with the same rules; any project may hold a purchase', async () => {
    const project = await w.t.ok('projects.create', { name: 'Innkjøp til bygg', customerId: w.customer });
    const po = await w.t.ok('purchase.create', {
      header: { supplierId: w.supplier, title: 'Stål', ourContactId: ola, projectId: project.id },
      lines: [{ productId: w.drill, quantity: 1000 }],
    });
    // No default responsible on a purchase order.
    expect(po).toMatchObject({ title: 'Stål', ourContactId: ola, responsibleId: null, projectId: project.id });
    expect(await w.t.refused('purchase.create', { header: { supplierId: w.supplier, responsibleId: former }, lines: [] })).toMatchObject({
      code: 'employee_inactive',
      field: 'header.responsibleId',
    });
    const saved = await w.t.ok('purchase.save', {
      id: po.id,
      version: po.version,
      header: { supplierId: w.supplier, responsibleId: ola },
      lines: po.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })),
    });
    expect(saved).toMatchObject({ title: 'Stål', responsibleId: ola, projectId: project.id });
    // The amendment is the same purchase: it keeps them, even once the project is closed.
    await w.t.ok('projects.update', { id: project.id, version: project.version, name: project.name, customerId: w.customer, status: 'completed' });
    const amended = await w.t.ok('purchase.amend', { id: saved.id, version: saved.version });
    expect(amended).toMatchObject({ title: 'Stål', ourContactId: ola, responsibleId: ola, projectId: project.id });
  });
});
