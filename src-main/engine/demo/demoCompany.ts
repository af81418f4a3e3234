// The demo company offered on first start: a Bergen wholesaler with its range,
// its customers and a year of orders. Runs inside the system.createDemo write
// transaction and makes everything through the real channels (each input is
// parsed by its channel's schema and run by its handler, in a savepoint), so the
// demo data obeys every rule a clerk's input does. Deterministic: the same seed
// and the same day, the same data.
//
// A year of work, in the order it happened: the warehouse is stocked, then each
// order's story (demo/orderMix.ts) is told step by step at its moments, all
// orders' steps interleaved in time (demo/timeline.ts), each channel call made
// with the clock at that moment. Orders are entered, confirmed (reserving stock),
// moved along the status bar, delivered in full or in part, invoiced (leaving
// backorders), paid, reminded and closed; quotes are accepted and become orders;
// cash sales are paid at the counter; loans go out and come back; subscriptions
// are invoiced each period; collective invoices gather a customer's shipped
// orders at the month's end; credit notes take goods back; jobs start and
// finish; web-shop and card-payment orders arrive by import; the warehouse is
// restocked at the start of each month. So stock, reservations, loans,
// deliveries and invoices agree with the orders, and every status a clerk meets
// has orders in it.
//
// Purchasing (SPEC 1.3) runs on the same timeline: the company buys from four
// suppliers, each product with its supplier and reorder point; purchase orders
// (demo/purchaseMix.ts) are sent, answered (some changed, some refused),
// dispatched, received into stock in parts and matched with the suppliers'
// invoices (some dearer than agreed), or cancelled or amended, each step at its
// moment among the sales steps, so goods enter stock when they arrive. A few
// days before today the purchaser raises the reorder points of the season's
// products, which the purchase suggestions then show.
//
// The per-domain handler maps are imported directly: handlers/index.ts imports
// handlers/system.ts, which imports this module.
import type { JobRepeat } from '../../../shared/channels/jobs';
import { channels, type ChannelInput, type ChannelOutput } from '../../../shared/catalog';
import type { CustomFieldEntity, CustomFieldValue } from '../../../shared/channels/customFields';
import type { Customer } from '../../../shared/channels/customers';
import type { LineInput, Order, PaymentInput } from '../../../shared/channels/orders';
import type { Product, ProductInput } from '../../../shared/channels/products';
import type { PurchaseHeaderInput, PurchaseLineInput } from '../../../shared/channels/purchasing';
import type { Supplier } from '../../../shared/channels/suppliers';
import type { DemoSummary } from '../../../shared/channels/system';
import { roundsToKrone, type StatusKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { sendDemoReminders } from './reminderMix';
import { activityMix } from './activityMix';
import { filesMix } from './filesMix';
import { customFieldsMix, requiredFieldValues } from './customFieldsMix';
import type { HandlerContext } from '../context';
import { cashRoundingOre, computeTotals } from '../domain/pricing';
import { companyHandlers } from '../handlers/company';
import { customerHandlers } from '../handlers/customers';
import { orderHandlers } from '../handlers/orders';
import { jobsHandlers } from '../handlers/jobs';
import { peopleHandlers } from '../handlers/people';
import { processingHandlers } from '../handlers/processing';
import { productHandlers } from '../handlers/products';
import { purchasingHandlers } from '../handlers/purchasing';
import { stockHandlers } from '../handlers/stock';
import { supplierHandlers } from '../handlers/suppliers';
import { countOrders } from '../repos/bulkOrders';
import { showStatusKinds } from '../repos/statuses';
import { zodToDomainError } from '../validation';
import {
  DEMO_COMPANY,
  DEMO_CUSTOMERS,
  DEMO_PRODUCTS,
  DEMO_SUPPLIERS,
  DEMO_VISIBLE_STATUS_KINDS,
  OUR_REFERENCES,
  SEASONAL_PRODUCT_NUMBERS,
  type SupplierSeed,
} from './demoData';
import {
  JOB_PRODUCT_NUMBER,
  LOAN_STORIES,
  PARTIAL_STORIES,
  SUBSCRIPTION_PRODUCT_NUMBERS,
  ageForStory,
  pickCustomerReference,
  pickDiscountBp,
  pickQuantity,
  planLife,
  productPool,
  productPrefixesFor,
  showcase,
  type Life,
  type Step,
} from './orderMix';
import {
  PURCHASE_SHOWCASE,
  dispatchItems,
  invoiceItems,
  planPurchaseLife,
  purchaseAgeForStory,
  receiveItems,
  replyItems,
  type PurchaseLife,
  type PurchaseStep,
} from './purchaseMix';
import { paymentMix } from './paymentMix';
import { peopleMix } from './peopleMix';
import { addDays, makeRng, type Rng } from './random';
import { creditItems, loanReturnItems, partialItems } from './salesSteps';
import { MINUTES_PER_DAY, Timeline, contextAt, dayNumber, isoOfDay, type Moment } from './timeline';

const demoHandlers = {
  ...companyHandlers,
  ...productHandlers,
  ...stockHandlers,
  ...customerHandlers,
  ...orderHandlers,
  ...processingHandlers,
  ...jobsHandlers,
  ...peopleHandlers,
  ...supplierHandlers,
  ...purchasingHandlers,
};
type DemoChannel = keyof typeof demoHandlers;

/**
 * One channel call as the engine makes it: validated by the channel's schema,
 * run by its handler, all or nothing. Inside the createDemo transaction the
 * call runs in a savepoint, so a refused call leaves nothing behind.
 */
function call<K extends DemoChannel>(ctx: HandlerContext, name: K, input: ChannelInput<K>): ChannelOutput<K> {
  const parsed = channels[name].input.safeParse(withRequiredFields(ctx, name, input));
  if (!parsed.success) throw zodToDomainError(parsed.error, input);
  const run = demoHandlers[name].run as (i: unknown, c: HandlerContext) => ChannelOutput<K>;
  return ctx.db.transaction(() => run(parsed.data, ctx))();
}

/** The channels that create a record with custom fields, and the record kind. */
const CREATES: Partial<Record<DemoChannel, CustomFieldEntity>> = {
  'customers.create': 'customer',
  'products.create': 'product',
  'projects.create': 'project',
  'orders.create': 'order',
};

/** The input with a value for each required custom field it leaves out (demo/customFieldsMix.ts). */
function withRequiredFields<K extends DemoChannel>(ctx: HandlerContext, name: K, input: ChannelInput<K>): ChannelInput<K> {
  const entity = CREATES[name];
  if (!entity) return input;
  const required = requiredFieldValues(ctx, entity);
  if (Object.keys(required).length === 0) return input;
  if (entity === 'order') {
    const o = input as ChannelInput<'orders.create'>;
    return { ...o, header: { ...o.header, customFields: { ...required, ...o.header.customFields } } } as ChannelInput<K>;
  }
  const r = input as { customFields?: Record<string, CustomFieldValue> };
  return { ...r, customFields: { ...required, ...r.customFields } } as ChannelInput<K>;
}

const refusal = (err: unknown): string | null => (err instanceof DomainError ? err.data.code : null);

export const DEMO_SEED = 20_25;
/** The demo's history: a year back from today. */
const SPAN_DAYS = 364;
/** Customers whose orders are invoiced collectively at the month's end (they have no credit limit). */
const COLLECTIVE_CUSTOMERS = ['Akershus Entreprenør AS', 'Oslo Eiendomsdrift AS'];
/** The fitters the jobs are assigned to (employees, issue 12; demo/peopleMix.ts gives the first two their phone and e-mail). */
const JOB_TEAM = [
  { name: 'Per Ødegård', initials: 'PØ' },
  { name: 'Hassan Ali', initials: 'HA' },
  { name: 'Even Moen', initials: 'EM' },
  { name: 'Sindre Bakke', initials: 'SB' },
];
/** The repeating jobs of the demo's service contract: every 14 days, Monday and Thursday, monthly on the 31st. */
const REPEATING_JOBS: readonly { title: string; repeat: JobRepeat; durationMinutes: number }[] = [
  { title: 'Service ventilasjon', repeat: { kind: 'days', everyDays: 14 }, durationMinutes: 90 },
  { title: 'Renhold byggeplass', repeat: { kind: 'weekly', weekdays: [1, 4] }, durationMinutes: 120 },
  { title: 'Månedlig kontroll', repeat: { kind: 'monthly', monthDay: 31 }, durationMinutes: 60 },
];
/** How long the demo's jobs take (minutes), picked by order id so the demo's random sequence stays as it was. */
const JOB_MINUTES = [60, 90, 120, 240];

interface OrderPlan {
  readonly orderDate: string;
  readonly life: Life;
  customer: Customer;
  readonly lines: LineInput[];
  readonly header: Omit<ChannelInput<'orders.create'>['header'], 'statusId' | 'customerId' | 'orderType' | 'contactId'>;
  /** The order names the customer's first contact. */
  readonly withContact: boolean;
}

/**
 * Headings and a closing text on every ninth order of three lines or more
 * (SPEC 2), so the order screen and the documents show groups and subtotals.
 * Deterministic, and no draw from the random source, so the rest of the demo stays as it was.
 */
function demoTexts(planIndex: number, lineCount: number): ChannelInput<'orders.create'>['texts'] {
  if (lineCount < 3 || planIndex % 9 !== 4) return [];
  const half = Math.floor(lineCount / 2);
  return [
    { index: 0, kind: 'heading', text: 'Materialer' },
    { index: half + 1, kind: 'heading', text: 'Tilbehør og forbruksvarer' },
    { index: lineCount + 2, kind: 'text', text: 'Leveres etter avtale. Ring oss på 55 12 34 56 om noe ikke stemmer.' },
  ];
}

function deliveryAddressFor(plan: OrderPlan): number | null {
  const addresses = plan.customer.deliveryAddresses;
  if (addresses.length === 0 || plan.lines.length % 2 === 1) return null;
  return addresses[(plan.lines.length / 2) % addresses.length]!.id;
}

/** An order while its story is told. */
interface Told {
  readonly plan: OrderPlan;
  /** The order the steps act on: the quote, then the order made from it. */
  id: number;
  invoiceId: number | null;
  jobId: number | null;
  /** The story stopped short: what remains of it does not happen. */
  stopped: boolean;
}

interface PurchasePlan {
  readonly orderDate: string;
  readonly life: PurchaseLife;
  readonly supplier: Supplier;
  readonly seed: SupplierSeed;
  readonly header: PurchaseHeaderInput;
  readonly lines: PurchaseLineInput[];
}

/** A purchase order while its story is told. */
interface ToldPurchase {
  readonly plan: PurchasePlan;
  /** The order the steps act on: the original, then its amendment. */
  id: number;
}

type Event =
  | { readonly kind: 'step'; readonly told: Told; readonly step: Step }
  | { readonly kind: 'purchase'; readonly told: ToldPurchase; readonly step: PurchaseStep }
  | { readonly kind: 'season' }
  | { readonly kind: 'restock' }
  | { readonly kind: 'subscriptions' }
  | { readonly kind: 'collective' };

/** Units a stock-managed product is stocked to (times the scale): the opening stock, and what each month's restock brings it back up to. */
function stockUnits(p: Pick<ProductInput, 'unit' | 'priceOre'>): number {
  return p.unit === 'kg' || p.unit === 'm' || p.unit === 'l' ? 3000 : p.priceOre >= 100_000 ? 60 : p.priceOre >= 20_000 ? 400 : 2000;
}

/** The reorder point: about a third of the stocking level, in whole units. */
const REORDER_SHARE = 0.3;
/** Ahead of the season the purchaser raises the season's products' reorder points above what the monthly restock keeps. */
const SEASON_REORDER_SHARE = 1.5;
/** Days before today the reorder points are raised. */
const SEASON_DAYS_AGO = 3;

export function createDemoCompany(ctx: HandlerContext, opts: { orders: number; seed?: number }): DemoSummary {
  const rng = makeRng(opts.seed ?? DEMO_SEED);
  const today = ctx.today;
  const firstDay = dayNumber(addDays(today, -SPAN_DAYS - 1));
  const at = (t: Moment): HandlerContext => contextAt(ctx, t);
  const setup = at(firstDay * MINUTES_PER_DAY + 7 * 60);

  call(setup, 'company.save', DEMO_COMPANY);
  showStatusKinds(ctx.db, 'sales', DEMO_VISIBLE_STATUS_KINDS);
  // The suppliers first: each product names the one it is bought from, and its reorder point.
  const suppliers = DEMO_SUPPLIERS.map((s) => call(setup, 'suppliers.create', s.input));
  const scale = Math.max(1, Math.ceil(opts.orders / 200));
  const supplierIndexOf = (number: string): number => DEMO_SUPPLIERS.findIndex((s) => s.range.some((prefix) => number.startsWith(prefix)));
  const products = DEMO_PRODUCTS.map((p) => {
    const i = supplierIndexOf(p.number);
    const bought = i >= 0 && p.stockManaged;
    return call(setup, 'products.create', {
      ...p,
      supplierId: bought ? suppliers[i]!.id : null,
      reorderPointQty: bought ? Math.round(stockUnits(p) * scale * REORDER_SHARE) * 1000 : null,
    });
  });
  const customers: Customer[] = [];
  for (const seed of DEMO_CUSTOMERS) {
    const invoiceCustomerId = seed.invoiceCustomer === undefined ? null : customers[seed.invoiceCustomer]!.id;
    customers.push(call(setup, 'customers.create', { ...seed.input, invoiceCustomerId }));
  }
  // The fitters: employees made here unless the company has them already.
  const team = JOB_TEAM.map((e) => call(setup, 'employees.list', { search: e.name }).find((x) => x.name === e.name) ?? call(setup, 'employees.create', e));
  let serviceContract = false;
  const statusOf = new Map(call(setup, 'statuses.list', {}).map((s) => [s.kind, s.id]));
  const status = (kind: StatusKind): number => {
    const id = statusOf.get(kind);
    if (id === undefined) throw new Error(`demo: no status of kind ${kind}`);
    return id;
  };

  // The warehouse is stocked before the first order: a receipt per stock-managed
  // product at its cost; at the start of each month, what has fallen below four
  // fifths of that level is received up to it again, at the month's cost.
  const level = new Map<number, number>();
  for (const p of products) {
    if (!p.stockManaged) continue;
    const units = stockUnits(p);
    level.set(p.id, units * scale * 1000);
    call(setup, 'stock.receive', { productId: p.id, quantity: units * scale * 1000, costOre: p.costOre ?? 0, note: 'Åpningsbeholdning' });
  }

  // Plan the orders: first one of every story (so that every status has orders),
  // then the mix by age; enter them oldest first, so numbers rise with the date.
  const plans: OrderPlan[] = [];
  const shown = showcase();
  for (let i = 0; i < opts.orders; i++) {
    const show = shown[i];
    // Half of the orders from the last six weeks (work in progress), the rest spread over the year.
    const age = show ? ageForStory(rng, show.story, SPAN_DAYS) : rng.chance(0.5) ? rng.int(0, 45) : rng.int(0, SPAN_DAYS);
    const life = planLife(rng, age, { demo: true, ...(show ?? {}) });
    plans.push(planOrder(rng, addDays(today, -age), life, customers, products));
  }
  plans.sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0));

  const timeline = new Timeline<Event>();
  for (const plan of plans) {
    const told: Told = { plan, id: 0, invoiceId: null, jobId: null, stopped: false };
    const day = dayNumber(plan.orderDate);
    for (const s of plan.life.steps) timeline.add(day * MINUTES_PER_DAY + s.minute, { kind: 'step', told, step: s.step });
  }
  const todayDay = dayNumber(today);
  for (let day = firstDay + 1; day <= todayDay; day++) {
    const iso = isoOfDay(day);
    if (iso.endsWith('-01')) timeline.add(day * MINUTES_PER_DAY + 6 * 60, { kind: 'restock' });
    if (iso.endsWith('-01') || iso.endsWith('-15')) timeline.add(day * MINUTES_PER_DAY + 6 * 60 + 30, { kind: 'subscriptions' });
    if (isoOfDay(day + 1).endsWith('-01')) timeline.add(day * MINUTES_PER_DAY + 18 * 60, { kind: 'collective' });
  }
  timeline.add(todayDay * MINUTES_PER_DAY + 6 * 60 + 30, { kind: 'subscriptions' });

  // Purchase orders scale with the sales orders: about one for every five (a
  // wholesaler buys in fewer, larger lots than it sells), and one of every purchase
  // story as soon as there are sales orders. None with { orders: 0 }: the bench
  // makes the demo company so and loads its sales orders with the generator, and
  // its order tables then hold sales orders only, as its plain-SQL comparisons
  // and earlier timings assume. The suppliers, and each product's supplier and
  // reorder point, are company data like the customers: made whatever the count.
  // A generator of its own, so that the sales orders are the same with or without purchasing.
  const purchaseRng = makeRng((opts.seed ?? DEMO_SEED) ^ 0x0b57_a11e);
  const purchaseCount = opts.orders === 0 ? 0 : Math.max(Math.min(PURCHASE_SHOWCASE.length, opts.orders), Math.round(opts.orders / 5));
  const purchases: PurchasePlan[] = [];
  for (let i = 0; i < purchaseCount; i++) {
    const show = PURCHASE_SHOWCASE[i];
    const age = show ? purchaseAgeForStory(purchaseRng, show, SPAN_DAYS) : purchaseRng.int(0, SPAN_DAYS);
    const life = planPurchaseLife(purchaseRng, age, show);
    purchases.push(planPurchase(purchaseRng, addDays(today, -age), life, suppliers, products, level));
  }
  purchases.sort((a, b) => (a.orderDate < b.orderDate ? -1 : a.orderDate > b.orderDate ? 1 : 0));
  for (const plan of purchases) {
    const told: ToldPurchase = { plan, id: 0 };
    const day = dayNumber(plan.orderDate);
    for (const s of plan.life.steps) timeline.add(day * MINUTES_PER_DAY + s.minute, { kind: 'purchase', told, step: s.step });
  }
  timeline.add((todayDay - SEASON_DAYS_AGO) * MINUTES_PER_DAY + 8 * 60, { kind: 'season' });
  const supplierInvoiceNumbers = new Map(DEMO_SUPPLIERS.map((s) => [s, s.firstInvoiceNumber]));

  const waitingForCollective = new Map<number, number[]>();
  const restockRng = makeRng((opts.seed ?? DEMO_SEED) ^ 0x5eed);
  const get = (c: HandlerContext, id: number): Order => call(c, 'orders.get', { id });

  /** A status move; a customer over the credit limit is let through by the clerk, who has the right. */
  const setStatus = (c: HandlerContext, id: number, kind: StatusKind): Order => {
    const order = get(c, id);
    const input = { id, version: order.version, statusId: status(kind), confirm: { deliverRemaining: true } };
    try {
      return call(c, 'orders.setStatus', input);
    } catch (err) {
      if (refusal(err) !== 'credit_limit_exceeded') throw err;
      return call(c, 'orders.setStatus', { ...input, confirm: { deliverRemaining: true, overrideCreditLimit: true } });
    }
  };

  const enter = (c: HandlerContext, told: Told): void => {
    const { plan } = told;
    const { life } = plan;
    if (life.orderType === 6 || life.orderType === 9) {
      // Web-shop orders arrive by import; card payments come only this way.
      const gross = computeTotals(
        plan.lines.map((l) => {
          const p = products.find((x) => x.id === l.productId)!;
          return { quantity: l.quantity, unitPriceOre: p.priceOre, discountBp: 0, vatCode: p.vatCode };
        }),
        { vatRegistered: true },
      ).grossOre;
      const order = call(c, 'orders.import', {
        source: 'web',
        customerId: plan.customer.id,
        invoiceCustomerId: plan.customer.id,
        orderType: life.orderType,
        customerReference: `WEB-${10_000 + plans.indexOf(plan)}`,
        ...(life.orderType === 9
          ? {
              card: {
                invoiceReference: `NB-${200_000 + plans.indexOf(plan)}`,
                currency: 'NOK',
                contractAmountOre: gross,
                maskedCardNumber: `************${String(1000 + (plans.indexOf(plan) % 9000)).padStart(4, '0')}`,
                cardCompany: 'Nets',
              },
            }
          : {}),
        lines: plan.lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      });
      told.id = order.id;
      return;
    }
    const payment = life.orderType === 3 ? cashPayment(rng, plan, products) : undefined;
    // Like a clerk, the demo does not override a credit limit when entering an
    // order: one that would take a customer over it goes to another customer.
    for (let attempt = 1; ; attempt++) {
      try {
        const order = call(c, 'orders.create', {
          header: {
            ...plan.header,
            customerId: plan.customer.id,
            contactId: plan.withContact ? (plan.customer.contacts[0]?.id ?? null) : null,
            // Where a customer has delivery addresses, orders with an even number of lines go to one of them.
            deliveryAddressId: deliveryAddressFor(plan),
            orderType: life.orderType,
            statusId: status(life.entry),
          },
          lines: plan.lines,
          texts: demoTexts(plans.indexOf(plan), plan.lines.length),
          ...(payment ? { payment } : {}),
        });
        told.id = order.id;
        return;
      } catch (err) {
        if (refusal(err) !== 'credit_limit_exceeded' || attempt >= 10) throw err;
        plan.customer = rng.pick(customers.filter((x) => x.creditLimitOre === null || x.creditLimitOre > plan.customer.creditLimitOre!));
      }
    }
  };

  const runStep = (c: HandlerContext, told: Told, step: Step): void => {
    if (told.stopped) return;
    switch (step.do) {
      case 'enter':
        enter(c, told);
        if (told.plan.life.orderType === 3) told.invoiceId = get(c, told.id).invoiceIds[0] ?? null;
        return;
      case 'move': {
        const before = get(c, told.id).invoiceIds.length;
        const after = setStatus(c, told.id, step.to);
        if (after.invoiceIds.length > before) told.invoiceId = after.invoiceIds[after.invoiceIds.length - 1]!;
        return;
      }
      case 'deliverPart': {
        const order = get(c, told.id);
        const items = partialItems(order, step.share).map((i) => ({ lineId: i.line.id, quantity: i.qty }));
        call(c, 'orders.deliver', { id: order.id, version: order.version, lines: items });
        return;
      }
      case 'ship': {
        if (step.via === 'status') {
          setStatus(c, told.id, 'shipped');
          return;
        }
        const order = get(c, told.id);
        const items = order.lines.flatMap((l) => {
          const left = l.closedShort ? 0 : l.quantity - l.qtyDelivered;
          return left > 0 ? [{ lineId: l.id, quantity: left }] : [];
        });
        call(c, 'orders.deliver', { id: order.id, version: order.version, lines: items });
        return;
      }
      case 'invoice': {
        const order = get(c, told.id);
        const r = call(c, 'orders.invoice', { id: order.id, version: order.version });
        told.invoiceId = r.invoice.id;
        return;
      }
      case 'collective': {
        const list = waitingForCollective.get(told.plan.customer.id) ?? [];
        list.push(told.id);
        waitingForCollective.set(told.plan.customer.id, list);
        return;
      }
      case 'credit': {
        if (told.invoiceId === null) throw new Error(`demo: a credit note for order ${told.id}, which has no invoice`);
        const invoice = call(c, 'invoices.get', { id: told.invoiceId });
        call(c, 'invoices.credit', { invoiceId: invoice.id, lines: creditItems(invoice, step.full), returnToStock: step.returnToStock });
        return;
      }
      case 'returnLoan': {
        const order = get(c, told.id);
        call(c, 'orders.returnLoan', { id: order.id, version: order.version, lines: loanReturnItems(order, step.full) });
        return;
      }
      case 'convert': {
        const quote = get(c, told.id);
        try {
          told.id = call(c, 'orders.convertQuote', { id: quote.id, version: quote.version, orderType: step.orderType }).id;
        } catch (err) {
          // The order would take the customer over the credit limit, and converting
          // has no override: the quote stays a quote until the customer has paid.
          if (refusal(err) !== 'credit_limit_exceeded') throw err;
          told.stopped = true;
        }
        return;
      }
      case 'subscribe': {
        const order = get(c, told.id);
        call(c, 'orders.setSubscription', { id: order.id, version: order.version, interval: step.interval, start: told.plan.orderDate });
        return;
      }
      case 'startJob': {
        const job = call(c, 'jobs.add', {
          orderId: told.id,
          title: 'Montering hos kunde',
          employeeId: rng.pick(team).id,
          plannedDate: c.today,
          durationMinutes: JOB_MINUTES[told.id % JOB_MINUTES.length]!,
        });
        told.jobId = job.id;
        call(c, 'jobs.start', { jobId: job.id });
        // The first order whose work goes on is a service contract: its repeating jobs start today (made as the demo ends).
        if (told.plan.life.story === 'job' && !serviceContract) {
          serviceContract = true;
          REPEATING_JOBS.forEach((r, i) => call(c, 'jobs.addRepeating', { orderId: told.id, employeeId: team[(i + 1) % team.length]!.id, startDate: today, ...r }));
        }
        return;
      }
      case 'completeJob':
        if (told.jobId === null) throw new Error(`demo: order ${told.id} has no job to complete`);
        call(c, 'jobs.complete', { jobId: told.jobId });
        return;
    }
  };

  const runPurchaseStep = (c: HandlerContext, told: ToldPurchase, step: PurchaseStep): void => {
    if (step.do === 'create') {
      told.id = call(c, 'purchase.create', { header: told.plan.header, lines: told.plan.lines }).id;
      return;
    }
    const po = call(c, 'purchase.get', { id: told.id });
    const claim = { id: po.id, version: po.version };
    switch (step.do) {
      case 'reply':
        call(c, 'purchase.reply', { ...claim, lines: replyItems(purchaseRng, po, step.how) });
        return;
      case 'cancel':
        call(c, 'purchase.cancel', { ...claim, reason: purchaseRng.pick(['Bestilt to ganger', 'Prosjektet hos kunden ble utsatt', 'Bestilt fra feil leverandør']) });
        return;
      case 'amend': {
        // More of the first line after a call from a customer, and one product more if the supplier has it.
        const lines: PurchaseLineInput[] = po.lines.map((l, i) => ({
          productId: l.productId,
          quantity: i === 0 ? Math.ceil((l.quantity * 1.5) / 1000) * 1000 : l.quantity,
          unitPriceOre: l.unitPriceOre,
          deliveryDate: l.deliveryDate,
        }));
        const extra = po.lines.length < 6 ? purchasable(products, po.supplierId).find((p) => !po.lines.some((l) => l.productId === p.id)) : undefined;
        if (extra) lines.push({ productId: extra.id, quantity: lotSize(purchaseRng, level.get(extra.id)!) });
        told.id = call(c, 'purchase.amend', { ...claim, lines, reason: 'Økt antall etter bestilling fra kunde' }).id;
        return;
      }
      case 'dispatch': {
        const items = dispatchItems(po, step.share);
        if (items.length > 0) call(c, 'purchase.dispatch', { ...claim, lines: items });
        return;
      }
      case 'receive': {
        const items = receiveItems(po, step.share);
        if (items.length > 0) call(c, 'purchase.receive', { ...claim, lines: items });
        return;
      }
      case 'invoice': {
        const items = invoiceItems(purchaseRng, po, step.share, step.priceDifference);
        if (items.length === 0) return;
        const seed = told.plan.seed;
        const invoiceNumber = supplierInvoiceNumbers.get(seed)!;
        supplierInvoiceNumbers.set(seed, invoiceNumber + purchaseRng.int(3, 40));
        call(c, 'purchase.matchInvoice', { ...claim, invoiceNumber: String(invoiceNumber), invoiceDate: c.today, lines: items });
        return;
      }
    }
  };

  const runEvent = (t: Moment, e: Event): void => {
    const c = at(t);
    switch (e.kind) {
      case 'step':
        runStep(c, e.told, e.step);
        return;
      case 'purchase':
        runPurchaseStep(c, e.told, e.step);
        return;
      case 'season':
        for (const p of products) {
          const want = level.get(p.id);
          if (want === undefined || p.supplierId === null || !SEASONAL_PRODUCT_NUMBERS.includes(p.number)) continue;
          const { id, updatedAt: _updatedAt, ...fields } = call(c, 'products.get', { id: p.id });
          call(c, 'products.update', { id, ...fields, reorderPointQty: Math.round((want * SEASON_REORDER_SHARE) / 1000) * 1000 });
        }
        return;
      case 'restock':
        for (const p of products) {
          const want = level.get(p.id);
          if (want === undefined) continue;
          const s = call(c, 'stock.get', { productId: p.id });
          if (s.available >= want * 0.8) continue;
          const costOre = Math.round((p.costOre ?? 0) * (0.94 + restockRng.next() * 0.12));
          call(c, 'stock.receive', { productId: p.id, quantity: Math.ceil((want - s.available) / 1000) * 1000, costOre, note: 'Varemottak' });
        }
        return;
      case 'subscriptions':
        call(c, 'subscriptions.run', {});
        return;
      case 'collective':
        for (const [customerId, orderIds] of waitingForCollective) call(c, 'orders.collectiveInvoice', { customerId, orderIds });
        waitingForCollective.clear();
        return;
    }
  };

  for (let next = timeline.takeBefore((todayDay + 1) * MINUTES_PER_DAY); next; next = timeline.takeBefore((todayDay + 1) * MINUTES_PER_DAY)) {
    try {
      runEvent(next.t, next.event);
    } catch (err) {
      if (err instanceof DomainError) {
        const e = next.event;
        const what =
          e.kind === 'step'
            ? `${e.step.do} (${e.told.plan.life.story})`
            : e.kind === 'purchase'
              ? `purchase ${e.step.do} (${e.told.plan.life.story})`
              : e.kind;
        throw new Error(`demo: ${what} on ${isoOfDay(Math.floor(next.t / MINUTES_PER_DAY))} refused: ${err.data.code} ${err.data.message.en}`, {
          cause: err,
        });
      }
      throw err;
    }
  }

  peopleMix(ctx, call, opts.seed ?? DEMO_SEED);
  paymentMix(ctx, makeRng((opts.seed ?? DEMO_SEED) + 11));
  sendDemoReminders(ctx);
  activityMix(ctx, makeRng((opts.seed ?? DEMO_SEED) + 12));
  filesMix(ctx);
  customFieldsMix(ctx, makeRng((opts.seed ?? DEMO_SEED) + 13));
  call(ctx, 'jobs.generate', {});
  return {
    products: products.length,
    customers: customers.length,
    orders: countOrders(ctx.db, 'sales'),
    suppliers: suppliers.length,
    purchaseOrders: countOrders(ctx.db, 'purchase'),
  };
}

/**
 * Stock-managed products bought from the supplier. The season's products are
 * left to the monthly restock until the purchaser raises their reorder points,
 * so that their stock stays below the raised points (only an inquiry asks about them).
 */
function purchasable(products: readonly Product[], supplierId: number, inquiry = false): Product[] {
  return products.filter((p) => p.supplierId === supplierId && p.stockManaged && (inquiry || !SEASONAL_PRODUCT_NUMBERS.includes(p.number)));
}

/**
 * A lot to buy: 3–8 % of the stocking level, a few months' sales (the demo's
 * year sells 5–20 % of it), in whole units (tens of the cheap ones), at least four.
 */
function lotSize(rng: Rng, levelQty: number): number {
  const units = Math.max(4, Math.round(((levelQty / 1000) * rng.int(3, 8)) / 100));
  return (units >= 100 ? Math.round(units / 10) * 10 : units) * 1000;
}

function planPurchase(
  rng: Rng,
  orderDate: string,
  life: PurchaseLife,
  suppliers: readonly Supplier[],
  products: readonly Product[],
  level: ReadonlyMap<number, number>,
): PurchasePlan {
  const inquiry = life.orderType === 5;
  // Suppliers with a bigger range get more orders.
  const i = rng.weighted(DEMO_SUPPLIERS.map((_, j) => [j, purchasable(products, suppliers[j]!.id).length] as const));
  const seed = DEMO_SUPPLIERS[i]!;
  const supplier = suppliers[i]!;
  const range = purchasable(products, supplier.id, inquiry);
  const count = rng.int(2, Math.min(6, range.length));
  const chosen = new Set<Product>();
  while (chosen.size < count) chosen.add(rng.pick(range));
  const deliveryDate = addDays(orderDate, rng.int(seed.leadDays[0], seed.leadDays[1]));
  return {
    orderDate,
    life,
    supplier,
    seed,
    header: {
      supplierId: supplier.id,
      orderType: life.orderType,
      orderDate,
      deliveryDate,
      supplierReference: supplier.contacts[0]?.name ?? null,
      contactId: supplier.contacts[0]?.id ?? null,
      ourReference: rng.pick(OUR_REFERENCES),
      notes: inquiry ? 'Forespørsel: pris og leveringstid for neste sesong.' : null,
    },
    lines: [...chosen].map((p) => ({ productId: p.id, quantity: lotSize(rng, level.get(p.id)!) })),
  };
}

function planOrder(rng: Rng, orderDate: string, life: Life, customers: readonly Customer[], products: readonly Product[]): OrderPlan {
  // Businesses place most orders; collective invoices go to the customers who have
  // agreed to them; counter sales and web-shop card payments are private customers'.
  const businesses = customers.filter((c) => c.kind === 'business');
  const privates = customers.filter((c) => c.kind === 'private');
  const customer =
    life.story === 'collective'
      ? customers.find((c) => c.name === rng.pick(COLLECTIVE_CUSTOMERS)) ?? rng.pick(businesses)
      : (life.orderType === 3 || life.orderType === 9) && privates.length > 0
        ? rng.pick(privates)
        : rng.chance(0.75) || privates.length === 0
          ? rng.pick(businesses)
          : rng.pick(privates);
  const business = customer.kind === 'business';
  const pool = productPool(products, productPrefixesFor(customer.name, business));
  const byNumber = (n: string) => products.find((p) => p.number === n);

  const lines: LineInput[] = [];
  const used = new Set<number>();
  const add = (product: Product, quantity: number): void => {
    used.add(product.id);
    const discountBp = life.orderType === 9 ? 0 : pickDiscountBp(rng, business);
    lines.push({ productId: product.id, quantity, ...(discountBp ? { discountBp } : {}) });
  };
  if (life.lines === 'subscription') {
    const subs = SUBSCRIPTION_PRODUCT_NUMBERS.flatMap((n) => byNumber(n) ?? []);
    add(rng.pick(subs), 1000);
  } else {
    if (life.lines === 'job') {
      const service = byNumber(JOB_PRODUCT_NUMBER);
      if (service) add(service, rng.int(2, 12) * 500);
    }
    let count = life.lines === 'few' ? rng.int(1, 4) : life.lines === 'job' ? rng.int(2, 4) : rng.int(1, rng.chance(0.6) ? 6 : 12);
    if (PARTIAL_STORIES.includes(life.story)) count = Math.max(2, count);
    while (lines.length < count) {
      // Web-shop and card-payment orders sell, and loans lend, goods from the shelf only.
      const candidate = rng.chance(0.85) ? products[rng.pick(pool)]! : rng.pick(products);
      if (used.has(candidate.id) && used.size < products.length) continue;
      if ((life.orderType === 6 || life.orderType === 9 || LOAN_STORIES.includes(life.story)) && !candidate.stockManaged) continue;
      add(candidate, pickQuantity(rng, candidate.unit, candidate.priceOre));
    }
  }

  return {
    orderDate,
    life,
    customer,
    lines,
    withContact: rng.chance(0.7),
    header: {
      orderDate,
      deliveryDate: life.delivery ? addDays(orderDate, rng.int(2, 21)) : null,
      customerReference: pickCustomerReference(rng, business),
      ourReference: rng.pick(OUR_REFERENCES),
      notes: business && rng.chance(0.1) ? 'Leveres på byggeplass, ring før levering.' : null,
    },
  };
}

/** At the counter: cash in notes (change given back), or card or Vipps for the exact, rounded amount. */
function cashPayment(rng: Rng, plan: OrderPlan, products: readonly Product[]): PaymentInput {
  const gross = computeTotals(
    plan.lines.map((l) => {
      const p = products.find((x) => x.id === l.productId)!;
      return { quantity: l.quantity, unitPriceOre: p.priceOre, discountBp: l.discountBp ?? 0, vatCode: p.vatCode };
    }),
    { vatRegistered: DEMO_COMPANY.vatRegistered },
  ).grossOre;
  const method = rng.weighted<PaymentInput['method']>([['cash', 5], ['card', 4], ['vipps', 2]]);
  // Only cash is rounded to whole kroner; card and Vipps pay to the øre (SPEC 9).
  const payable = gross + (roundsToKrone(method) ? cashRoundingOre(gross) : 0);
  return { method, receivedOre: method === 'cash' ? Math.ceil(payable / 10_000) * 10_000 : payable };
}
