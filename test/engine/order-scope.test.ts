// Issue 12: every order is reachable from its customer, its contact person, its
// employee (responsible or our contact) and its project, through the order
// list's own channel and the status tabs' counts; purchase orders likewise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListRow, OrderView } from '../../shared/channels/orders';
import { purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';

let w: PurchaseWorld;
let kari: number; // employee
let nils: number; // employee
let bygg: number; // project of the business customer
let open: number; // project without a customer
let contact: number;
const orders: Record<string, OrderView> = {};

const list = async (scope: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  (await w.t.ok('orders.list', { startRow: 0, endRow: 100, ...scope, ...extra })).rows as readonly OrderListRow[];
const numbers = (rows: readonly OrderListRow[]) => rows.map((r) => r.number).sort((a, b) => a - b);
const num = (...keys: string[]) => keys.map((k) => orders[k]!.number).sort((a, b) => a - b);

beforeAll(async () => {
  w = await purchaseWorld();
  const customer = await w.t.ok('customers.get', { id: w.customer });
  const withContact = await w.t.ok('customers.update', {
    id: customer.id,
    kind: 'business',
    name: customer.name,
    orgNumber: customer.orgNumber,
    paymentTermsDays: customer.paymentTermsDays,
    contacts: [{ name: 'Siri Kontakt' }],
  });
  contact = withContact.contacts[0]!.id;
  kari = (await w.t.ok('employees.create', { name: 'Kari Ås', initials: 'KÅ' })).id;
  nils = (await w.t.ok('employees.create', { name: 'Nils Berg', initials: 'NB' })).id;
  bygg = (await w.t.ok('projects.create', { name: 'Nytt lager Åsane', customerId: w.customer, responsibleId: kari })).id;
  open = (await w.t.ok('projects.create', { name: 'Messe 2025' })).id;
  const make = (customerId: number, statusKind: 'draft' | 'confirmed', header: Record<string, unknown>) =>
    w.t.ok('orders.create', { header: { customerId, orderType: 1, statusId: w.status(statusKind), ...header }, lines: [{ productId: w.service, quantity: 1000 }] });
  orders.a = await make(w.customer, 'draft', { title: 'Reoler', responsibleId: kari, projectId: bygg, contactId: contact });
  orders.b = await make(w.customer, 'confirmed', { ourContactId: kari, projectId: bygg });
  orders.c = await make(w.customer, 'confirmed', { responsibleId: nils, ourContactId: nils });
  orders.d = await make(w.privateCustomer, 'draft', { responsibleId: nils, ourContactId: kari, projectId: open });
  orders.e = await make(w.privateCustomer, 'confirmed', {});
}, 60_000);
afterAll(() => w.t.close());

describe('orders found from where they belong', () => {
  it('from the customer, the contact person, the employee (responsible or our contact) and the project', async () => {
    expect(numbers(await list({ customerId: w.customer }))).toEqual(num('a', 'b', 'c'));
    expect(numbers(await list({ contactId: contact }))).toEqual(num('a'));
    expect(numbers(await list({ employeeId: kari }))).toEqual(num('a', 'b', 'd'));
    expect(numbers(await list({ employeeId: nils }))).toEqual(num('c', 'd'));
    expect(numbers(await list({ projectId: bygg }))).toEqual(num('a', 'b'));
    expect(numbers(await list({ projectId: open }))).toEqual(num('d'));
    // Scopes combine: Kari's orders of the customer.
    expect(numbers(await list({ employeeId: kari, customerId: w.customer }))).toEqual(num('a', 'b'));
  });

  it('rows carry the title, the responsible initials and the project number', async () => {
    const [row] = await list({ projectId: bygg }, { filterModel: { title: { filterType: 'text', type: 'contains', filter: 'REOL' } } });
    const project = await w.t.ok('projects.get', { id: bygg });
    expect(row).toMatchObject({ number: orders.a!.number, title: 'Reoler', responsibleInitials: 'KÅ', projectNumber: project.number });
  });

  it('counts per status tab under each scope, and the list under a tab agrees', async () => {
    const draft = w.status('draft');
    const confirmed = w.status('confirmed');
    const cases: [Record<string, unknown>, Record<number, number>][] = [
      [{ customerId: w.customer }, { [draft]: 1, [confirmed]: 2 }],
      [{ contactId: contact }, { [draft]: 1 }],
      [{ employeeId: kari }, { [draft]: 2, [confirmed]: 1 }],
      [{ employeeId: nils }, { [draft]: 1, [confirmed]: 1 }],
      [{ projectId: bygg }, { [draft]: 1, [confirmed]: 1 }],
      [{ projectId: open }, { [draft]: 1 }],
    ];
    for (const [scope, expected] of cases) {
      const counts = await w.t.ok('orders.statusCounts', scope);
      const got = Object.fromEntries(counts.byStatus.map((s) => [s.statusId, s.count]));
      expect(got, JSON.stringify(scope)).toEqual(expected);
      expect(counts.total).toBe(Object.values(expected).reduce((s, n) => s + n, 0));
      for (const [statusId, n] of Object.entries(expected)) {
        const page = await w.t.ok('orders.list', { startRow: 0, endRow: 100, statusId: Number(statusId), ...scope });
        expect(page.rowCount).toBe(n);
        expect(page.rows).toHaveLength(n);
      }
    }
  });

  it('sorts and filters by responsible initials and project number', async () => {
    const byInitials = await list({}, { sortModel: [{ colId: 'responsibleInitials', sort: 'asc' }] });
    const initials = byInitials.map((r) => r.responsibleInitials).filter((x) => x !== null);
    expect(initials).toEqual([...initials].sort((a, b) => a!.localeCompare(b!, 'nb')));
    // Folded: "kå" finds KÅ.
    expect(numbers(await list({}, { filterModel: { responsibleInitials: { filterType: 'text', type: 'equals', filter: 'kå' } } }))).toEqual(num('a'));
    const project = await w.t.ok('projects.get', { id: bygg });
    expect(
      numbers(await list({}, { filterModel: { projectNumber: { filterType: 'number', type: 'equals', filter: project.number } } })),
    ).toEqual(num('a', 'b'));
    const byProject = await list({ customerId: w.customer }, { sortModel: [{ colId: 'projectNumber', sort: 'desc' }] });
    expect(byProject.map((r) => r.projectNumber)).toEqual([project.number, project.number, null]);
  });
});

describe('purchase orders found from their employee and project', () => {
  it('purchase.list takes the same scopes and its rows name the project', async () => {
    const po = await w.t.ok('purchase.create', {
      header: { supplierId: w.supplier, title: 'Stål til lageret', responsibleId: nils, projectId: bygg },
      lines: [{ productId: w.drill, quantity: 1000 }],
    });
    await w.t.ok('purchase.create', { header: { supplierId: w.supplier, ourContactId: kari }, lines: [{ productId: w.drill, quantity: 1000 }] });
    const byProject = await w.t.ok('purchase.list', { projectId: bygg });
    expect(byProject.rows.map((r) => r.id)).toEqual([po.id]);
    const project = await w.t.ok('projects.get', { id: bygg });
    expect(byProject.rows[0]).toMatchObject({ title: 'Stål til lageret', responsibleInitials: 'NB', projectNumber: project.number });
    expect(byProject.total).toBe(1);
    expect((await w.t.ok('purchase.list', { employeeId: nils })).total).toBe(1);
    expect((await w.t.ok('purchase.list', { employeeId: kari })).total).toBe(1);
    expect((await w.t.ok('purchase.list', { employeeId: kari, projectId: bygg })).total).toBe(0);
  });
});

describe('the scopes use their indexes (EXPLAIN QUERY PLAN)', () => {
  // No statistics (as in a file never analysed): the plan is the planner's own choice, whatever the size.
  // A scope must drive the query through its own index; walking a (transaction_type, …) index that
  // every order matches took seconds on 1,000,000 orders.
  const cases: [Record<string, number>, RegExp[]][] = [
    [{ customerId: 1 }, [/USING INDEX order_party_/]],
    [{ contactId: 1 }, [/USING INDEX order_contact_date/]],
    [{ employeeId: 1 }, [/MULTI-INDEX OR/, /USING INDEX order_responsible_date/, /USING INDEX order_our_contact_date/]],
    [{ projectId: 1 }, [/USING INDEX order_project_date/]],
    [{ employeeId: 1, statusId: 2 }, [/USING INDEX order_responsible_date/, /USING INDEX order_our_contact_date/]],
  ];
  const filters: [Record<string, unknown>, RegExp][] = [
    [{ responsibleInitials: { filterType: 'text', type: 'equals', filter: 'kå' } }, /USING INDEX order_responsible_date/],
    [{ projectNumber: { filterType: 'number', type: 'inRange', filter: 1001, filterTo: 1003 } }, /USING INDEX order_project_date/],
  ];
  it.each(filters)('column filter %j', async (filterModel, expected) => {
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const { buildWhere } = await import('../../src-main/engine/repos/orderList');
    const db = openDatabase(w.t.file, { readonly: true });
    try {
      const where = buildWhere({ startRow: 0, endRow: 100, sortModel: [], filterModel: filterModel as never });
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM order_header WHERE ${where.sql}`).all(...where.params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toMatch(expected);
    } finally {
      db.close();
    }
  });
  it.each(cases)('%j', async (scope, expected) => {
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const { buildWhere } = await import('../../src-main/engine/repos/orderList');
    const db = openDatabase(w.t.file, { readonly: true });
    try {
      const where = buildWhere({ startRow: 0, endRow: 100, sortModel: [], filterModel: {}, ...scope });
      for (const sql of [
        `SELECT count(*) FROM order_header WHERE ${where.sql}`,
        `SELECT id FROM order_header WHERE ${where.sql} ORDER BY number DESC, id DESC LIMIT 100`,
        `SELECT status_id, count(*) FROM order_header WHERE ${where.sql} GROUP BY status_id`,
      ]) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...where.params) as { detail: string }[]).map((r) => r.detail).join('\n');
        for (const re of expected) expect(plan, sql).toMatch(re);
        expect(plan, sql).not.toMatch(/SCAN order_header(?! USING)/);
        expect(plan, sql).not.toMatch(/order_(by_|status_)/);
      }
    } finally {
      db.close();
    }
  });
});
