// Issue 12: projects numbered from their series, searched folded, filtered by
// status, customer and responsible; the project's figures from its orders; every
// change in the project's activity log, with a version check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryFile } from '../helpers/engine';
import { purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';

let w: PurchaseWorld;
let kari: number;
let nils: number;

beforeAll(async () => {
  w = await purchaseWorld();
  kari = (await w.t.ok('employees.create', { name: 'Kari Ås', initials: 'KÅ' })).id;
  nils = (await w.t.ok('employees.create', { name: 'Nils Berg', initials: 'NB' })).id;
}, 60_000);
afterAll(() => w.t.close());

describe('projects', () => {
  it('are numbered from 1001 on, with their customer and responsible named', async () => {
    const a = await w.t.ok('projects.create', {
      name: 'Nytt lager Åsane',
      customerId: w.customer,
      responsibleId: kari,
      startDate: '2025-01-01',
      endDate: '2025-06-30',
      description: 'Reoler og montering',
    });
    const b = await w.t.ok('projects.create', { name: 'Messe Lillestrøm', status: 'planned' });
    expect(a).toMatchObject({
      number: 1001,
      customerName: 'Bergen Bygg AS',
      responsibleName: 'Kari Ås',
      status: 'active',
      startDate: '2025-01-01',
      endDate: '2025-06-30',
      salesOrderCount: 0,
      salesNetOre: 0,
    });
    expect(b).toMatchObject({ number: 1002, customerId: null, status: 'planned' });
  });

  it('refuses an end before the start, an unknown customer, an inactive responsible', async () => {
    expect(await w.t.refused('projects.create', { name: 'X', startDate: '2025-02-01', endDate: '2025-01-31' })).toMatchObject({
      code: 'end_before_start',
      field: 'endDate',
    });
    expect(await w.t.refused('projects.create', { name: 'X', customerId: 4242 })).toMatchObject({ code: 'unknown_customer', field: 'customerId' });
    const gone = await w.t.ok('employees.create', { name: 'Borte Borte', initials: 'BB', active: false });
    expect(await w.t.refused('projects.create', { name: 'X', responsibleId: gone.id })).toMatchObject({ code: 'employee_inactive', field: 'responsibleId' });
    // Nothing was numbered by the refusals.
    expect((await w.t.ok('projects.create', { name: 'Neste' })).number).toBe(1003);
  });

  it('update checks the version and logs before and after', async () => {
    const p = await w.t.ok('projects.create', { name: 'Ombygging', customerId: w.customer });
    const changed = await w.t.ok('projects.update', { id: p.id, version: p.version, name: 'Ombygging kontor', customerId: w.customer, responsibleId: nils });
    expect(changed).toMatchObject({ name: 'Ombygging kontor', responsibleName: 'Nils Berg', version: p.version + 1 });
    expect(await w.t.refused('projects.update', { id: p.id, version: p.version, name: 'Gammel' })).toMatchObject({ code: 'version_conflict' });
    const log = await queryFile<{ action: string; before_json: string | null; after_json: string | null }>(
      w.t.file,
      "SELECT * FROM activity_log WHERE entity = 'project' AND entity_id = ? ORDER BY id",
      p.id,
    );
    expect(log.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(log[1]!.after_json!)).toMatchObject({ name: 'Ombygging kontor', responsibleId: nils });
    expect(JSON.parse(log[1]!.before_json!)).toMatchObject({ name: 'Ombygging' });
  });

  it('the list pages, searches folded by number, name or customer, and filters', async () => {
    const all = await w.t.ok('projects.list', {});
    expect(all.rows.map((p) => p.number)).toEqual([...all.rows.map((p) => p.number)].sort((a, b) => b - a));
    expect(all.total).toBe(all.rows.length);
    expect((await w.t.ok('projects.list', { search: 'ÅSANE' })).rows.map((p) => p.name)).toEqual(['Nytt lager Åsane']);
    expect((await w.t.ok('projects.list', { search: 'lillestrøm' })).rows.map((p) => p.number)).toEqual([1002]);
    expect((await w.t.ok('projects.list', { search: '1001' })).rows.map((p) => p.number)).toEqual([1001]);
    const byCustomerName = await w.t.ok('projects.list', { search: 'bergen bygg' });
    expect(byCustomerName.rows.every((p) => p.customerId === w.customer)).toBe(true);
    expect(byCustomerName.total).toBeGreaterThanOrEqual(2);
    expect((await w.t.ok('projects.list', { status: 'planned' })).rows.map((p) => p.number)).toEqual([1002]);
    expect((await w.t.ok('projects.list', { responsibleId: kari })).rows.map((p) => p.number)).toEqual([1001]);
    const customer = await w.t.ok('projects.list', { customerId: w.customer });
    expect(customer.rows.every((p) => p.customerId === w.customer)).toBe(true);
    const page = await w.t.ok('projects.list', { offset: 1, limit: 2 });
    expect(page.rows.map((p) => p.id)).toEqual(all.rows.slice(1, 3).map((p) => p.id));
    expect(page.total).toBe(all.total);
  });

  it('lookup finds by number prefix or folded name, open projects first', async () => {
    expect((await w.t.ok('projects.lookup', { query: '100' })).map((p) => p.number)).toEqual([1004, 1003, 1002, 1001]);
    const neste = (await w.t.ok('projects.lookup', { query: '1003' }))[0]!;
    await w.t.ok('projects.update', { id: neste.id, version: neste.version, name: neste.name, status: 'completed' });
    expect((await w.t.ok('projects.lookup', { query: '100', limit: 3 })).map((p) => p.number)).toEqual([1004, 1002, 1001]);
    // By name: names starting with the text before names containing it.
    await w.t.ok('projects.create', { name: 'Lager på Sandsli' });
    expect((await w.t.ok('projects.lookup', { query: 'LAGER' })).map((p) => p.name)).toEqual(['Lager på Sandsli', 'Nytt lager Åsane']);
    expect((await w.t.ok('projects.lookup', { query: 'åsa' })).map((p) => p.number)).toEqual([1001]);
    expect(await w.t.ok('projects.lookup', { query: '   ' })).toEqual([]);
  });

  it("shows what its orders come to: sales orders, invoiced, purchase orders", async () => {
    const p = await w.t.ok('projects.create', { name: 'Tallprosjekt', customerId: w.customer });
    const make = (quantity: number, extra: Record<string, unknown> = {}) =>
      w.t.ok('orders.create', {
        header: { customerId: w.customer, orderType: 1, statusId: w.status('confirmed'), projectId: p.id, ...extra },
        lines: [{ productId: w.service, quantity, unitPriceOre: 100_000 }],
      });
    const a = await make(2000); // 2 000,00
    await make(1000); // 1 000,00
    // A quote is not (yet) sold, and a cancelled order is not counted.
    await make(5000, { orderType: 5, statusId: w.status('quote') });
    const c = await make(3000);
    await w.t.ok('orders.setStatus', { id: c.id, version: c.version, statusId: w.status('cancelled'), confirm: {} });
    await w.t.ok('orders.invoice', { id: a.id, version: (await w.t.ok('orders.deliver', { id: a.id, version: a.version, lines: [{ lineId: a.lines[0]!.id, quantity: 2000 }] })).version });
    const po = await w.t.ok('purchase.create', { header: { supplierId: w.supplier, projectId: p.id }, lines: [{ productId: w.drill, quantity: 3000, unitPriceOre: 40_000 }] });
    const gone = await w.t.ok('purchase.create', { header: { supplierId: w.supplier, projectId: p.id }, lines: [{ productId: w.drill, quantity: 1000, unitPriceOre: 40_000 }] });
    await w.t.ok('purchase.cancel', { id: gone.id, version: gone.version });
    const view = await w.t.ok('projects.get', { id: p.id });
    expect(view).toMatchObject({
      salesOrderCount: 2,
      salesNetOre: 300_000,
      invoicedNetOre: 200_000,
      purchaseOrderCount: 1,
      purchaseNetOre: po.totals.netOre,
    });
    expect(po.totals.netOre).toBe(120_000);
  });

  it("keeps its sales orders its customer's: another customer is refused once it has orders", async () => {
    const p = await w.t.ok('projects.create', { name: 'Bytte kunde' });
    const o = await w.t.ok('orders.create', {
      header: { customerId: w.customer, orderType: 1, projectId: p.id },
      lines: [{ productId: w.service, quantity: 1000 }],
    });
    const refused = await w.t.refused('projects.update', { id: p.id, version: p.version, name: p.name, customerId: w.privateCustomer });
    expect(refused).toMatchObject({ code: 'project_has_other_orders', field: 'customerId' });
    expect(refused.message.nb).toContain(String(o.number));
    // Its own customer is fine, and so is no customer.
    const own = await w.t.ok('projects.update', { id: p.id, version: p.version, name: p.name, customerId: w.customer });
    expect(own.customerName).toBe('Bergen Bygg AS');
  });

  it('get refuses an unknown project', async () => {
    expect(await w.t.refused('projects.get', { id: 4242 })).toMatchObject({ code: 'not_found', field: 'id' });
  });
});
