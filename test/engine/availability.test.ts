// Issue 10: line entry shows what is available (on hand − reserved − on loan)
// in the product suggestions and per line; a product whose stock is not kept has none.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { COMPANY, makeEngine, type TestEngine } from '../helpers/engine';

let t: TestEngine;
let sement: number;
let service: number;
beforeEach(async () => {
  t = await makeEngine();
  await t.ok('company.save', COMPANY);
  sement = (await t.ok('products.create', { number: 'SEM-25', name: 'Sement 25 kg', unit: 'sekk', priceOre: 12900, vatCode: '25', stockManaged: true })).id;
  service = (await t.ok('products.create', { number: 'SEM-MONT', name: 'Montering sement', unit: 'time', priceOre: 95000, vatCode: '25', stockManaged: false })).id;
  await t.ok('stock.receive', { productId: sement, quantity: 10_000, costOre: 8000 });
});
afterEach(() => t.close());

it('the lookup and stock.available say what is available, less what orders have reserved', async () => {
  const customer = await t.ok('customers.create', { kind: 'private', name: 'Åse Ås' });
  const confirmed = (await t.ok('statuses.list', {})).find((s) => s.kind === 'confirmed')!;
  await t.ok('orders.create', { header: { customerId: customer.id, orderType: 1, statusId: confirmed.id }, lines: [{ productId: sement, quantity: 3000 }] });

  const hits = await t.ok('products.lookup', { query: 'SEM' });
  expect(hits.map((h) => [h.number, h.available, h.priceOre])).toEqual([
    ['SEM-25', 7000, 12900],
    ['SEM-MONT', null, 95000],
  ]);
  expect(await t.ok('stock.available', { productIds: [service, sement, sement] })).toEqual([
    { productId: service, available: null },
    { productId: sement, available: 7000 },
  ]);
});
