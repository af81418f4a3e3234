// The data generator: fills a company database (company, products and customers
// already there, e.g. from the demo company) with any number of sales orders,
// each told its story (demo/orderMix.ts) through the real sales processing, so
// that stock, reservations, loans, deliveries and invoices agree with the orders
// as they would had clerks done the work. Used by the bench and by tests; the
// bench audits the result against the sales rules (demo/audit.ts).
//
// How, and the shortcuts it takes (each one stated where it is taken):
//  - Orders are saved by bulk inserts (repos/bulkOrders.ts) in large
//    transactions: header, lines and search row as the order screen stores them,
//    the count tables by their triggers, numbers from the sales series. No
//    'create' entry is written to the activity log for them.
//  - What saving and every later step do is done by the service functions the
//    channel handlers call (demo/salesSteps.ts), not by engine.call per order:
//    reservations and loans (syncStockHolds), the credit-limit check, deliveries
//    issuing goods from the oldest batch, invoices from the one gap-free series,
//    backorders, collective invoices, credit notes, loan returns, quote
//    conversions, subscription runs, goods receipts. Left out of each step: the
//    handler's version claim and its own before/after activity entry (the
//    services' entries are written), and the header totals / search row rewrite
//    where the lines did not change. Where they did, the totals and search row
//    are written as the bulk save writes them (refreshDerived with 'insert': a
//    new order's row without the delete made first; 'keep': a partly returned
//    loan's totals without rewriting its unchanged search text), so that the
//    search index's in-memory buffer is not flushed at every such order. The
//    clerk overrides credit limits.
//  - Three steps are the services' building blocks composed as the status bar
//    composes them, without a closing call that has nothing left to do:
//    shipping (deliver everything, then Shipped: no syncStockHolds, since
//    delivering released every reservation), invoicing a fully delivered order
//    (invoiceOrder, then Invoiced: no syncStockHolds), and Paid / Reminded /
//    Closed after an invoice (the status set, as moveToStatus does from an
//    invoiced status, without loading the order). The audit checks that
//    nothing was left to do.
//  - The steps of all orders run in the order of their moments (a timeline),
//    tens of thousands of orders per transaction; a step due after today does
//    not happen.
//  - Intermediate statuses that change nothing but the status (Production and
//    Pack on the way to Shipped, Paid on the way to Closed) are skipped.
//    Cancelled orders of the mix are saved as Cancelled, which is where
//    confirming and cancelling them leaves them (nothing reserved, nothing
//    delivered).
//  - For the length of the load it adds two indexes the schema lacks (cash
//    payment by invoice; stock batches with stock left) and drops them after
//    (repos/bulkOrders.ts, addLoadIndexes): without them every invoice issued
//    and every line delivered scans a table that grows with the load.
//  - Stock comes from goods receipts (stock.receive's service) at the start of
//    each transaction's stretch of days, sized to what that stretch's new
//    orders will take: a supplier who always delivers in time, so Normal orders
//    never wait for stock.
//  - Jobs and card-payment imports are told by the demo company only; web-shop
//    orders are saved in Web like the other unprocessed orders (an import does
//    no more). Credit notes mostly settle a price or a complaint: about one in
//    seven takes goods back to stock, since each return is a new stock batch
//    per line and every later issue of the product reads all its batches.
import type { CustomerInput } from '../../../shared/channels/customers';
import type { PaymentInput } from '../../../shared/channels/orders';
import { roundsToKrone, type StatusKind } from '../../../shared/enums';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { OPEN_WORKSTATION, guardAll } from '../domain/rights';
import { cashRoundingOre, computeTotals, lineAmountOre } from '../domain/pricing';
import { norwegianSortKey } from '../domain/sortKey';
import { insertCustomer, replaceContacts } from '../repos/customers';
import { getInvoice } from '../repos/invoices';
import { nextNumber } from '../repos/numberSeries';
import { refreshDerived } from '../repos/orders';
import { stockFigures } from '../repos/stock';
import {
  addLoadIndexes,
  advanceSalesSeries,
  beginBulkSearchLoad,
  beginBulkSession,
  bulkCustomers,
  bulkProducts,
  bulkStart,
  bulkWriter,
  countOrders,
  dropOrderIndexes,
  isVatRegistered,
  statusIdsByKind,
  type BulkLine,
  type BulkOrder,
  type BulkProduct,
} from '../repos/bulkOrders';
import { OPEN_KINDS } from '../../../shared/kinds';
import { orgNumberFrom } from './checkDigits';
import { COMPANY_FORMS, FIRST_NAMES, LAST_NAMES, OUR_REFERENCES, PLACES, STREETS, TRADES } from './demoData';
import {
  LOAN_STORIES,
  PARTIAL_STORIES,
  SUBSCRIPTION_PRODUCT_NUMBERS,
  pickCustomerReference,
  pickDiscountBp,
  pickQuantity,
  planLife,
  productPool,
  productPrefixesFor,
  type Life,
  type Step,
  type StoryName,
} from './orderMix';
import { addDays, makeRng, type Rng } from './random';
import { paymentMix } from './paymentMix';
import {
  afterEntry,
  convert,
  credit,
  deliverPart,
  giveBackLoan,
  invoice,
  invoiceCollectively,
  moveOrder,
  receive,
  runDueSubscriptions,
  ship,
  subscribe,
} from './salesSteps';
import { MINUTES_PER_DAY, Timeline, dayNumber, isoOfDay, type Moment } from './timeline';

/** Bumped whenever the generated data changes, so cached bench databases are rebuilt. */
export const GENERATOR_VERSION = 2;

export interface GenerateCustomersOptions {
  readonly customers: number;
  readonly seed?: number;
  /** ISO timestamp for created_at / updated_at. */
  readonly now: string;
}

/**
 * Adds customers: about two thirds businesses (valid organisation numbers and a
 * contact with a phone), the rest private. Uses the customer repository, so
 * numbers come from the customer series and sort keys are the usual ones.
 */
export function generateCustomers(db: Db, opts: GenerateCustomersOptions): number {
  const rng = makeRng((opts.seed ?? 1) ^ 0x5eed_c0de);
  let orgBody = 93_000_000 + rng.int(0, 900_000);
  const tx = db.transaction(() => {
    for (let i = 0; i < opts.customers; i++) {
      const [postalCode, city] = rng.pick(PLACES);
      const address = `${rng.pick(STREETS)} ${rng.int(1, 140)}`;
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const phone = `+47 ${rng.pick(['4', '9'])}${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(100, 999)}`;
      let input: CustomerInput;
      if (rng.chance(0.65)) {
        const orgNumber = orgNumberFrom(orgBody);
        orgBody = Number(orgNumber.slice(0, 8)) + rng.int(1, 40);
        const name = rng.chance(0.5) ? `${city} ${rng.pick(TRADES)}` : `${last} ${rng.pick(TRADES)}`;
        input = {
          kind: 'business',
          name: `${name} ${rng.pick(COMPANY_FORMS)}`,
          orgNumber,
          phone,
          addressLine1: address,
          postalCode,
          city,
          creditLimitOre: rng.pick([50_000, 100_000, 250_000, 500_000]) * 100,
          paymentTermsDays: rng.pick([10, 14, 14, 30]),
          contacts: [{ name: `${first} ${last}`, phone, role: rng.pick(['Innkjøp', 'Daglig leder', 'Prosjektleder']) }],
        };
      } else {
        input = {
          kind: 'private',
          name: `${first} ${last}`,
          phone,
          addressLine1: address,
          postalCode,
          city,
          creditLimitOre: rng.chance(0.5) ? 20_000_00 : null,
          paymentTermsDays: 14,
        };
      }
      const id = insertCustomer(
        db,
        nextNumber(db, 'customer'),
        {
          kind: input.kind,
          name: input.name,
          orgNumber: input.orgNumber ?? null,
          email: null,
          phone: input.phone ?? null,
          addressLine1: input.addressLine1 ?? null,
          postalCode: input.postalCode ?? null,
          city: input.city ?? null,
          country: 'NO',
          creditLimitOre: input.creditLimitOre ?? null,
          paymentTermsDays: input.paymentTermsDays ?? 14,
          cardSurchargeBp: 0,
          invoiceCustomerId: null,
          language: 'nb',
          invoiceMethod: 'print',
        },
        opts.now,
      );
      if (input.contacts?.length) {
        replaceContacts(
          db,
          id,
          input.contacts.map((c) => ({ name: c.name, phone: c.phone ?? null, email: null, role: c.role ?? null })),
        );
      }
    }
  });
  tx.immediate();
  return opts.customers;
}

export interface GenerateOrdersOptions {
  readonly orders: number;
  /** Mean lines per order (of orders with a full basket); each has 1 to 2·avgLines − 1 lines. */
  readonly avgLines?: number;
  readonly seed?: number;
  /** ISO date the newest orders are dated, and the day the processing stops at. */
  readonly today: string;
  /** Days the orders spread over: by default a year, longer for big databases (about 500 a day). */
  readonly spanDays?: number;
  /** Orders per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (ordersDone: number, timings: GenerateTimings) => void;
  /**
   * The database is open nowhere else (the bench's own file): the load may
   * take it exclusively and journal in memory instead of the WAL.
   */
  readonly exclusive?: boolean;
  /**
   * Drop the order list's indexes for the load and build them again after it.
   * By default only for a load of at least 50,000 orders into a database with fewer.
   */
  readonly rebuildIndexes?: boolean;
}

export interface GenerateTimings {
  /** Planning the orders in memory. */
  readonly generate: number;
  readonly headers: number;
  readonly lines: number;
  readonly search: number;
  /** The steps through the services, all kinds together, and per kind of step. */
  readonly processing: number;
  readonly steps: Readonly<Record<string, number>>;
  /** Rebuilding the order list's indexes (0 when they were kept). */
  readonly indexes: number;
  /** Merging the search index. */
  readonly optimize: number;
}

export interface GenerateResult {
  /** Orders entered (the bulk-saved ones). */
  readonly orders: number;
  /** Orders the processing made besides: orders from quotes, backorders. */
  readonly madeByProcessing: number;
  /** Lines of the entered orders. */
  readonly lines: number;
  readonly firstNumber: number;
  /** The last order number used, also by orders the processing made. */
  readonly lastNumber: number;
  /** How many steps of each kind ran. */
  readonly steps: Readonly<Record<string, number>>;
  /** Steps due after today, which did not happen. */
  readonly stepsAfterToday: number;
  /** Where the time went, in milliseconds. */
  readonly timings: GenerateTimings;
}

/** An order while its story is told: which order the next step is for, and what it needs. */
interface Told {
  /** The order the steps act on: the quote, then the order made from it. */
  id: number;
  readonly customerId: number;
  readonly orderDate: string;
  readonly payment: PaymentInput | null;
  /** The last invoice made for it (a credit note refers to it). */
  invoiceId: number | null;
}

type Event =
  | { readonly kind: 'step'; readonly order: Told; readonly step: Step }
  | { readonly kind: 'receipts'; readonly need: Map<number, number> }
  | { readonly kind: 'subscriptions' }
  | { readonly kind: 'collective' };

/** Where the generator leaves an order's story to bulk saving (see the header). */
const SAVED_AS: Partial<Record<StoryName, StatusKind>> = { cancelled: 'cancelled' };
/** Stories whose orders never take stock. */
const NO_STOCK_STORIES: readonly StoryName[] = ['draft', 'quote', 'quote_lost', 'web', 'cancelled', 'subscription'];
/** Indexes the processing reads by (a customer's orders by status: the credit-limit exposure). */
const KEEP_INDEXES = ['order_party_status'];

/** Stock is received when what is available falls below this share of what a stretch's new orders take. */
const STOCK_MARGIN = 1.2;

/**
 * Adds `orders` sales orders and tells each its story up to `today`. The caller
 * owns the connection while it runs (the connection's durability and
 * foreign-key checks are relaxed for the load and put back afterwards; see
 * beginBulkSession).
 */
export function generateOrders(db: Db, opts: GenerateOrdersOptions): GenerateResult {
  const n = opts.orders;
  const avgLines = opts.avgLines ?? 10;
  const maxLines = Math.max(1, Math.round(2 * avgLines - 1));
  const rng = makeRng(opts.seed ?? 1);
  const spanDays = opts.spanDays ?? Math.min(3650, Math.max(365, Math.ceil(n / 500)));
  const batchSize = opts.batchSize ?? 20_000;
  const todayDay = dayNumber(opts.today);

  const vatRegistered = isVatRegistered(db);
  const products = bulkProducts(db);
  const customers = bulkCustomers(db);
  const statuses = statusIdsByKind(db, 'sales');
  if (products.length === 0 || customers.length === 0) {
    throw new Error('generateOrders needs products and customers (create the demo company first)');
  }
  const sortKeys = customers.map((c) => norwegianSortKey(c.name));
  const pools = customers.map((c) => productPool(products, productPrefixesFor(c.name, c.kind === 'business')));
  const subscriptionProducts = pickSubscriptionProducts(products);
  const managed = products.filter((p) => p.stockManaged);

  // Order dates, oldest first, so that numbers rise with the date as they do in
  // real life. The business grows: today sees about twice the average volume.
  const ages = new Float64Array(n);
  for (let i = 0; i < n; i++) ages[i] = Math.floor(spanDays * (1 - Math.sqrt(rng.next())));
  ages.sort().reverse();
  const dates = new Map<number, string>();
  const dateAt = (age: number): string => {
    let d = dates.get(age);
    if (d === undefined) dates.set(age, (d = addDays(opts.today, -age)));
    return d;
  };
  const two = (v: number): string => (v < 10 ? `0${v}` : String(v));

  // ---- The processing: a clock, the timeline, and what each event does ----
  const contexts = new Map<Moment, HandlerContext>();
  const contextAt = (t: Moment): HandlerContext => {
    let c = contexts.get(t);
    if (!c) {
      if (contexts.size > 10_000) contexts.clear();
      const day = isoOfDay(Math.floor(t / MINUTES_PER_DAY));
      const minute = t % MINUTES_PER_DAY;
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      c = {
        db,
        now: new Date(y, m - 1, d, Math.floor(minute / 60), minute % 60),
        today: day,
        actor: OPEN_WORKSTATION,
        guard: guardAll(OPEN_WORKSTATION),
        userId: null,
        session: { login: () => undefined, logout: () => undefined },
        dataFile: db.name,
        appVersion: 'generator',
        dataVersion: 0,
      };
      contexts.set(t, c);
    }
    return c;
  };
  const timeline = new Timeline<Event>();
  const waitingForCollective = new Map<number, number[]>();
  const stepCounts: Record<string, number> = {};
  const stepMs: Record<string, number> = {};
  let madeByProcessing = 0;
  let processingMs = 0;
  const receiptRng = makeRng((opts.seed ?? 1) ^ 0x0bad_cafe);

  const runEvent = (t: Moment, e: Event): void => {
    const ctx = contextAt(t);
    let label: string;
    const t0 = performance.now();
    switch (e.kind) {
      case 'receipts': {
        label = 'receipts';
        for (const p of managed) {
          const need = e.need.get(p.id) ?? 0;
          const f = stockFigures(db, p.id);
          const available = f.onHand - f.reserved - f.onLoan;
          if (available >= need * STOCK_MARGIN) continue;
          // A lot that lasts about two stretches: fewer, larger receipts, as from a supplier.
          const qty = Math.ceil((need * (1 + 2 * STOCK_MARGIN) - available) / 1000) * 1000;
          const cost = Math.round((p.costOre ?? Math.round(p.priceOre * 0.65)) * (0.95 + receiptRng.next() * 0.1));
          receive(ctx, p.id, qty, cost, 'Varemottak');
        }
        break;
      }
      case 'subscriptions':
        label = 'subscriptions';
        runDueSubscriptions(ctx);
        break;
      case 'collective':
        label = 'collective';
        for (const [customerId, ids] of waitingForCollective) invoiceCollectively(ctx, customerId, ids);
        waitingForCollective.clear();
        break;
      case 'step': {
        const o = e.order;
        const s = e.step;
        label = s.do === 'move' ? `move.${s.to}` : s.do;
        switch (s.do) {
          case 'enter': {
            const inv = afterEntry(ctx, o.id, o.payment);
            if (inv) o.invoiceId = inv.id;
            break;
          }
          case 'move':
            moveOrder(ctx, o.id, s.to);
            break;
          case 'deliverPart':
            deliverPart(ctx, o.id, s.share);
            break;
          case 'ship':
            ship(ctx, o.id);
            break;
          case 'invoice': {
            const r = invoice(ctx, o.id);
            o.invoiceId = r.invoice.id;
            if (r.backorderId !== null) madeByProcessing++;
            break;
          }
          case 'collective': {
            const list = waitingForCollective.get(o.customerId);
            if (list) list.push(o.id);
            else waitingForCollective.set(o.customerId, [o.id]);
            break;
          }
          case 'credit': {
            const inv = o.invoiceId === null ? null : getInvoice(db, o.invoiceId);
            if (!inv) throw new Error(`generator: credit without an invoice (order ${o.id})`);
            credit(ctx, inv, s.full, s.returnToStock);
            break;
          }
          case 'returnLoan':
            if (giveBackLoan(ctx, o.id, s.full)) refreshDerived(db, o.id, { vatRegistered, search: 'keep' });
            break;
          case 'convert':
            o.id = convert(ctx, o.id, s.orderType);
            refreshDerived(db, o.id, { vatRegistered, search: 'insert' });
            madeByProcessing++;
            break;
          case 'subscribe':
            subscribe(ctx, o.id, s.interval, o.orderDate);
            break;
          case 'startJob':
          case 'completeJob':
            throw new Error('generator: jobs are told by the demo company only');
        }
        break;
      }
    }
    const ms = performance.now() - t0;
    processingMs += ms;
    stepCounts[label] = (stepCounts[label] ?? 0) + 1;
    stepMs[label] = (stepMs[label] ?? 0) + ms;
  };
  const runUntil = (until: Moment): void => {
    for (let next = timeline.takeBefore(until); next; next = timeline.takeBefore(until)) {
      try {
        runEvent(next.t, next.event);
      } catch (err) {
        const what = next.event.kind === 'step' ? `${next.event.step.do} of order id ${next.event.order.id}` : next.event.kind;
        throw new Error(`generator: ${what} at ${isoOfDay(Math.floor(next.t / MINUTES_PER_DAY))} failed: ${String(err)}`, { cause: err });
      }
    }
  };

  // Monthly work: subscriptions invoiced on the first, collective invoices on the last day.
  if (n > 0) {
    const first = dayNumber(dateAt(ages[0]!));
    for (let day = first; day <= todayDay; day++) {
      const iso = isoOfDay(day);
      if (iso.endsWith('-01')) timeline.add(day * MINUTES_PER_DAY + 5 * 60, { kind: 'subscriptions' });
      if (isoOfDay(day + 1).endsWith('-01')) timeline.add(day * MINUTES_PER_DAY + 18 * 60, { kind: 'collective' });
    }
  }

  let lineTotal = 0;
  let generateMs = 0;
  let optimizeMs = 0;
  let indexMs = 0;
  let firstNumber = 0;
  const timings = (): GenerateTimings => ({
    generate: generateMs,
    ...writer.timings,
    processing: processingMs,
    steps: { ...stepMs },
    indexes: indexMs,
    optimize: optimizeMs,
  });

  const restoreSession = beginBulkSession(db, { exclusive: opts.exclusive ?? false });
  const writer = bulkWriter(db);
  // A big load into a database of fewer orders rebuilds the list's indexes at the end
  // (every row of order_header counts: the indexes hold the purchase orders too).
  const rebuild = opts.rebuildIndexes ?? (n >= 50_000 && n >= countOrders(db));
  const rebuildIndexes = rebuild ? dropOrderIndexes(db, KEEP_INDEXES) : null;
  const dropLoadIndexes = addLoadIndexes(db);
  let stepsAfterToday = 0;
  try {
    const endSearchLoad = beginBulkSearchLoad(db);
    try {
      for (let done = 0; done < n; ) {
        const t0 = performance.now();
        const end = Math.min(n, done + batchSize);
        // Ids and numbers go on from whatever exists: the processing of the last
        // stretch may have made orders (from quotes, backorders) in between.
        const start = bulkStart(db);
        let orderId = start.maxOrderId;
        let lineId = start.maxLineId;
        let number = start.nextSalesNumber;
        if (done === 0) firstNumber = number;
        const batch: BulkOrder[] = [];
        const toldSteps: { order: Told; life: Life; day: number }[] = [];
        const need = new Map<number, number>();
        const firstLineId = lineId + 1;
        for (let i = done; i < end; i++) {
          const age = ages[i]!;
          const orderDate = dateAt(age);
          const life = planLife(rng, age, { demo: false });
          const entry = SAVED_AS[life.story] ?? life.entry;
          const statusId = statuses.get(entry);
          if (statusId === undefined) throw new Error(`No sales status of kind ${entry}`);
          // Big customers order more: the first customers get most of the orders.
          const ci = Math.floor(customers.length * rng.next() ** 2);
          const customer = customers[ci]!;
          const business = customer.kind === 'business';
          const lines = pickLines(rng, life, business, products, pools[ci]!, subscriptionProducts, maxLines);
          const totals = computeTotals(lines, { vatRegistered });
          const id = ++orderId;
          batch.push({
            header: {
              id,
              number: number++,
              orderType: life.orderType,
              statusId,
              customer,
              customerSort: sortKeys[ci]!,
              contactId: customer.contactId !== null && rng.chance(0.7) ? customer.contactId : null,
              orderDate,
              deliveryDate: life.delivery ? dateAt(age - rng.int(2, 21)) : null,
              customerReference: pickCustomerReference(rng, business),
              ourReference: rng.chance(0.8) ? rng.pick(OUR_REFERENCES) : null,
              notes: null,
              netOre: totals.netOre,
              vatOre: totals.vatOre,
              grossOre: totals.grossOre,
              createdAt: `${orderDate}T${two(rng.int(7, 16))}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}.000Z`,
            },
            lines,
          });
          lineId += lines.length;
          lineTotal += lines.length;
          if (SAVED_AS[life.story]) continue;
          const payment = life.orderType === 3 ? cashPayment(rng, totals.grossOre) : null;
          toldSteps.push({ order: { id, customerId: customer.id, orderDate, payment, invoiceId: null }, life, day: dayNumber(orderDate) });
          if (!NO_STOCK_STORIES.includes(life.story)) {
            for (const l of lines) if (l.product.stockManaged) need.set(l.product.id, (need.get(l.product.id) ?? 0) + l.quantity);
          }
        }
        generateMs += performance.now() - t0;
        db.transaction(() => {
          writer.write(batch, firstLineId);
          advanceSalesSeries(db, number);
          const firstDay = dayNumber(batch[0]!.header.orderDate);
          const lastDay = dayNumber(batch[batch.length - 1]!.header.orderDate);
          timeline.add(firstDay * MINUTES_PER_DAY + 5 * 60 + 30, { kind: 'receipts', need });
          for (const { order, life, day } of toldSteps) {
            for (const s of life.steps) {
              if (s.cosmetic) continue;
              if (s.step.do === 'enter' && !entryProcesses(life)) continue;
              timeline.add(day * MINUTES_PER_DAY + s.minute, { kind: 'step', order, step: s.step });
            }
          }
          // Everything due before this stretch's last day; that day's steps wait for
          // the next stretch, whose first orders may be of the same day.
          runUntil(lastDay * MINUTES_PER_DAY);
        }).immediate();
        done = end;
        opts.onProgress?.(done, timings());
      }
      db.transaction(() => runUntil((todayDay + 1) * MINUTES_PER_DAY)).immediate();
      stepsAfterToday = timeline.clear();
      // The customers pay what is open, once every story has reached today (demo/paymentMix.ts).
      const paymentsStart = performance.now();
      db.transaction(() => paymentMix(contextAt(todayDay * MINUTES_PER_DAY + 20 * 60), makeRng((opts.seed ?? 1) ^ 0x0bea_0011))).immediate();
      stepMs.payments = performance.now() - paymentsStart;
      processingMs += stepMs.payments;
    } finally {
      const t0 = performance.now();
      endSearchLoad();
      optimizeMs = performance.now() - t0;
    }
  } finally {
    const t0 = performance.now();
    dropLoadIndexes();
    rebuildIndexes?.();
    indexMs = performance.now() - t0;
    restoreSession();
  }
  const last = bulkStart(db).nextSalesNumber - 1;
  return {
    orders: n,
    madeByProcessing,
    lines: lineTotal,
    firstNumber,
    lastNumber: last,
    steps: stepCounts,
    stepsAfterToday,
    timings: timings(),
  };
}

/** Whether saving the order does anything beyond storing it (handlers/orders.ts, processAfterSave). */
function entryProcesses(life: Life): boolean {
  return life.orderType === 3 || life.orderType === 4 || OPEN_KINDS.includes(life.entry) || life.entry === 'loan';
}

/** Cash sales: cash handed over in notes (change given back), or card or Vipps for the exact amount. */
function cashPayment(rng: Rng, grossOre: number): PaymentInput {
  const method = rng.weighted<PaymentInput['method']>([['cash', 5], ['card', 4], ['vipps', 2]]);
  // Only cash is rounded to whole kroner; card and Vipps pay to the øre (SPEC 9).
  const payable = grossOre + (roundsToKrone(method) ? cashRoundingOre(grossOre) : 0);
  return { method, receivedOre: method === 'cash' ? Math.ceil(payable / 10_000) * 10_000 : payable };
}

function pickSubscriptionProducts(products: readonly BulkProduct[]): BulkProduct[] {
  const named = products.filter((p) => SUBSCRIPTION_PRODUCT_NUMBERS.includes(p.number));
  if (named.length > 0) return named;
  const services = products.filter((p) => !p.stockManaged);
  return services.length > 0 ? services : products.slice(0, 1);
}

function pickLines(
  rng: Rng,
  life: Life,
  business: boolean,
  products: readonly BulkProduct[],
  pool: readonly number[],
  subscriptionProducts: readonly BulkProduct[],
  maxLines: number,
): BulkLine[] {
  const line = (product: BulkProduct): BulkLine => {
    const priced = {
      quantity: pickQuantity(rng, product.unit, product.priceOre),
      unitPriceOre: product.priceOre,
      discountBp: pickDiscountBp(rng, business),
      vatCode: product.vatCode,
    };
    return { product, ...priced, amountOre: lineAmountOre(priced) };
  };
  if (life.lines === 'subscription') {
    const first = rng.int(0, subscriptionProducts.length - 1);
    const count = Math.min(subscriptionProducts.length, rng.int(1, 2));
    return Array.from({ length: count }, (_, j) => {
      const product = subscriptionProducts[(first + j) % subscriptionProducts.length]!;
      const priced = { quantity: 1000, unitPriceOre: product.priceOre, discountBp: 0, vatCode: product.vatCode };
      return { product, ...priced, amountOre: lineAmountOre(priced) };
    });
  }
  let count = life.lines === 'few' ? rng.int(1, Math.min(4, maxLines)) : rng.int(1, maxLines);
  if (PARTIAL_STORIES.includes(life.story)) count = Math.max(2, count);
  // Loans lend goods from the shelf only.
  const goodsOnly = LOAN_STORIES.includes(life.story);
  const out: BulkLine[] = [];
  while (out.length < count) {
    const product = products[rng.chance(0.85) ? pool[Math.floor(rng.next() * pool.length)]! : Math.floor(rng.next() * products.length)]!;
    if (goodsOnly && !product.stockManaged) continue;
    out.push(line(product));
  }
  return out;
}
