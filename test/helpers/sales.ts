// A company ready for sales processing: a VAT-registered company, customers,
// stock-managed products with stock, a service, and the statuses by kind.
import type { Order } from '../../shared/channels/orders';
import type { Right, StatusKind } from '../../shared/enums';
import { COMPANY, makeEngine, type TestEngine } from './engine';

export interface SalesWorld {
  readonly t: TestEngine;
  readonly customer: number;
  readonly privateCustomer: number;
  /** Stock-managed, 100 on hand at 50,00. */
  readonly drill: number;
  /** Stock-managed, 10 on hand at 20,00. */
  readonly bread: number;
  /** Not stock-managed. */
  readonly service: number;
  status(kind: StatusKind): number;
  order(type: number, kind: StatusKind, lines: readonly [number, number][], extra?: Record<string, unknown>): Promise<Order>;
  move(order: Order, kind: StatusKind, confirm?: Record<string, boolean>): Promise<Order>;
  stock(productId: number): Promise<{ onHand: number; reserved: number; onLoan: number; available: number; valueOre: number }>;
}

/** `now`: a Date the test may move (setTime) to let days pass; the engine reads it on every call. */
export async function salesWorld(opts: { company?: Record<string, unknown>; now?: Date } = {}): Promise<SalesWorld> {
  const t = await makeEngine(opts.now ? { now: opts.now } : {});
  await t.ok('company.save', { ...COMPANY, ...opts.company });
  const statuses = await t.ok('statuses.list', {});
  const status = (kind: StatusKind) => {
    const s = statuses.find((x) => x.kind === kind);
    if (!s) throw new Error(`no status of kind ${kind}`);
    return s.id;
  };
  const customer = (await t.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', paymentTermsDays: 14 })).id;
  const privateCustomer = (await t.ok('customers.create', { kind: 'private', name: 'Ola Nordmann' })).id;
  const drill = (await t.ok('products.create', { number: 'DRILL', name: 'Drill 18V', unit: 'stk', priceOre: 100000, costOre: 50000, vatCode: '25', stockManaged: true, binLocation: 'A-01' })).id;
  const bread = (await t.ok('products.create', { number: 'BROD', name: 'Brød', unit: 'stk', priceOre: 4000, costOre: 2000, vatCode: '15', stockManaged: true, binLocation: 'B-02' })).id;
  const service = (await t.ok('products.create', { number: 'TIME', name: 'Montering', unit: 'time', priceOre: 90000, vatCode: '25', stockManaged: false })).id;
  await t.ok('stock.receive', { productId: drill, quantity: 100_000, costOre: 50000 });
  await t.ok('stock.receive', { productId: bread, quantity: 10_000, costOre: 2000 });
  return {
    t,
    customer,
    privateCustomer,
    drill,
    bread,
    service,
    status,
    order: (type, kind, lines, extra = {}) =>
      t.ok('orders.create', {
        header: { customerId: customer, orderType: type, statusId: status(kind) },
        lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
        ...extra,
      }),
    move: (order, kind, confirm = {}) => t.ok('orders.setStatus', { id: order.id, version: order.version, statusId: status(kind), confirm }),
    stock: async (productId) => {
      const s = await t.ok('stock.get', { productId });
      return { onHand: s.onHand, reserved: s.reserved, onLoan: s.onLoan, available: s.available, valueOre: s.valueOre };
    },
  };
}

/**
 * Three users for the property tests, each logged in on a session of their own:
 * the administrator (every right; the default session), a clerk who may invoice
 * and credit, and a warehouse worker with no rights.
 */
export async function userSessions(t: TestEngine): Promise<Readonly<Record<'admin' | 'clerk' | 'none', string>>> {
  const all: Right[] = ['invoice', 'credit', 'credit_cash_orders', 'change_card_orders', 'change_order_type', 'override_credit_limit', 'administer'];
  const admin = await t.ok('groups.save', { name: 'Alle', rights: all });
  await t.ok('users.save', { username: 'sjef', name: 'Sjef', groupId: admin.id, pin: '1111' });
  const clerks = await t.ok('groups.save', { name: 'Kontor', rights: ['invoice', 'credit'] });
  await t.ok('users.save', { username: 'kari', name: 'Kari', groupId: clerks.id, pin: '2222' });
  const none = await t.ok('groups.save', { name: 'Lager', rights: [] });
  await t.ok('users.save', { username: 'per', name: 'Per', groupId: none.id, pin: '3333' });
  const sessions = { admin: 'default', clerk: 'clerk', none: 'none' } as const;
  for (const [key, username, pin] of [['clerk', 'kari', '2222'], ['none', 'per', '3333']] as const) {
    const r = await t.engine.call('auth.login', { username, pin }, { sessionKey: sessions[key] });
    if (!r.ok) throw new Error(`login of ${username} refused: ${r.error.code}`);
  }
  return sessions;
}
