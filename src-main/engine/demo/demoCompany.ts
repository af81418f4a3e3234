// The demo company offered on first start: a Bergen wholesaler with its range,
// its customers and a year of orders. Runs inside the system.createDemo write
// transaction and makes everything through the real channels (each input is
// parsed by its channel's schema and run by its handler), so the demo data obeys
// every rule a clerk's input does. Deterministic: the same seed, the same data.
//
// The per-domain handler maps are imported directly: handlers/index.ts imports
// handlers/system.ts, which imports this module.
import { channels, type ChannelInput, type ChannelOutput } from '../../../shared/catalog';
import type { DemoSummary } from '../../../shared/channels/system';
import type { Customer } from '../../../shared/channels/customers';
import type { LineInput } from '../../../shared/channels/orders';
import type { Product } from '../../../shared/channels/products';
import type { HandlerContext } from '../context';
import { companyHandlers } from '../handlers/company';
import { customerHandlers } from '../handlers/customers';
import { orderHandlers } from '../handlers/orders';
import { productHandlers } from '../handlers/products';
import { stockHandlers } from '../handlers/stock';
import { showStatusKinds } from '../repos/bulkOrders';
import { DomainError } from '../../../shared/errors';
import { zodToDomainError } from '../validation';
import { DEMO_COMPANY, DEMO_CUSTOMERS, DEMO_PRODUCTS, DEMO_VISIBLE_STATUS_KINDS, OUR_REFERENCES } from './demoData';
import {
  pickCustomerReference,
  pickDiscountBp,
  pickQuantity,
  pickStatusAndType,
  productPool,
  productPrefixesFor,
} from './orderMix';
import { addDays, daysBetween, makeRng, type Rng } from './random';

const demoHandlers = { ...companyHandlers, ...productHandlers, ...stockHandlers, ...customerHandlers, ...orderHandlers };
type DemoChannel = keyof typeof demoHandlers;

/**
 * One channel call as the engine makes it: validated by the channel's schema,
 * run by its handler, all or nothing. Inside the createDemo transaction the
 * call runs in a savepoint, so a refused call leaves nothing behind.
 */
function call<K extends DemoChannel>(ctx: HandlerContext, name: K, input: ChannelInput<K>): ChannelOutput<K> {
  const parsed = channels[name].input.safeParse(input);
  if (!parsed.success) throw zodToDomainError(parsed.error, input);
  const run = demoHandlers[name].run as (i: unknown, c: HandlerContext) => ChannelOutput<K>;
  return ctx.db.transaction(() => run(parsed.data, ctx))();
}

export const DEMO_SEED = 20_25;

export function createDemoCompany(ctx: HandlerContext, opts: { orders: number; seed?: number }): DemoSummary {
  const rng = makeRng(opts.seed ?? DEMO_SEED);

  call(ctx, 'company.save', DEMO_COMPANY);
  showStatusKinds(ctx.db, 'sales', DEMO_VISIBLE_STATUS_KINDS);

  const products = DEMO_PRODUCTS.map((p) => call(ctx, 'products.create', p));

  // The warehouse is stocked before the first order: a receipt per stock-managed
  // product at its cost, sized so that open orders can reserve what they need.
  const scale = Math.max(1, Math.ceil(opts.orders / 200));
  for (const p of products) {
    if (!p.stockManaged) continue;
    const units = p.unit === 'kg' || p.unit === 'm' || p.unit === 'l' ? 3000 : p.priceOre >= 100_000 ? 60 : p.priceOre >= 20_000 ? 400 : 2000;
    call(ctx, 'stock.receive', { productId: p.id, quantity: units * scale * 1000, costOre: p.costOre ?? 0, note: 'Åpningsbeholdning' });
  }

  const customers: Customer[] = [];
  for (const seed of DEMO_CUSTOMERS) {
    const invoiceCustomerId = seed.invoiceCustomer === undefined ? null : customers[seed.invoiceCustomer]!.id;
    customers.push(call(ctx, 'customers.create', { ...seed.input, invoiceCustomerId }));
  }

  const statuses = call(ctx, 'statuses.list', {});
  const statusOf = new Map(statuses.map((s) => [s.kind, s.id]));

  // Plan the orders first, then enter them oldest first, so numbers rise with the date.
  const plans = Array.from({ length: opts.orders }, () => planOrder(rng, ctx.today, customers, products));
  plans.sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0));
  for (let plan of plans) {
    // Like a clerk, the demo does not override a credit limit: an order that would
    // take a customer over it goes to another customer instead.
    for (let attempt = 1; ; attempt++) {
      const statusId = statusOf.get(plan.kind);
      if (statusId === undefined) throw new Error(`demo: no status of kind ${plan.kind}`);
      try {
        call(ctx, 'orders.create', { header: { ...plan.header, statusId }, lines: plan.lines });
        break;
      } catch (err) {
        if (!(err instanceof DomainError) || err.data.code !== 'credit_limit_exceeded' || attempt >= 10) throw err;
        plan = planOrder(rng, ctx.today, customers, products, plan.orderDate);
      }
    }
  }

  return { products: products.length, customers: customers.length, orders: plans.length };
}

interface OrderPlan {
  readonly orderDate: string;
  readonly kind: ReturnType<typeof pickStatusAndType>['kind'];
  readonly header: Omit<ChannelInput<'orders.create'>['header'], 'statusId'>;
  readonly lines: LineInput[];
}

function planOrder(
  rng: Rng,
  today: string,
  customers: readonly Customer[],
  products: readonly Product[],
  date?: string,
): OrderPlan {
  // Half of the orders from the last six weeks (work in progress), the rest spread over the year.
  const age = date ? daysBetween(date, today) : rng.chance(0.5) ? rng.int(0, 45) : rng.int(0, 364);
  const orderDate = date ?? addDays(today, -age);
  const { kind, orderType, delivery } = pickStatusAndType(rng, age);

  // Businesses place most orders.
  const businesses = customers.filter((c) => c.kind === 'business');
  const privates = customers.filter((c) => c.kind === 'private');
  const customer = rng.chance(0.75) || privates.length === 0 ? rng.pick(businesses) : rng.pick(privates);
  const business = customer.kind === 'business';
  const pool = productPool(products, productPrefixesFor(customer.name, business));

  const count = rng.int(1, rng.chance(0.6) ? 6 : 12);
  const used = new Set<number>();
  const lines: LineInput[] = [];
  while (lines.length < count) {
    const product = rng.chance(0.85) ? products[rng.pick(pool)]! : rng.pick(products);
    if (used.has(product.id) && used.size < products.length) continue;
    used.add(product.id);
    const discountBp = pickDiscountBp(rng, business);
    lines.push({
      productId: product.id,
      quantity: pickQuantity(rng, product.unit, product.priceOre),
      ...(discountBp ? { discountBp } : {}),
    });
  }

  const contact = customer.contacts[0];
  return {
    orderDate,
    kind,
    header: {
      customerId: customer.id,
      orderType,
      orderDate,
      deliveryDate: delivery ? addDays(orderDate, rng.int(2, 21)) : null,
      customerReference: pickCustomerReference(rng, business),
      ourReference: rng.pick(OUR_REFERENCES),
      contactId: contact && rng.chance(0.7) ? contact.id : null,
      notes: business && rng.chance(0.1) ? 'Leveres på byggeplass, ring før levering.' : null,
    },
    lines,
  };
}
