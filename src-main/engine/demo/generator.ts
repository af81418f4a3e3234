// The data generator: fills a company database (company, products and customers
// already there, e.g. from the demo company) with any number of sales orders,
// fast, by prepared bulk inserts in large transactions. Used by the bench and
// by tests. Every derived structure stays as the order screen would leave it:
// header totals (domain/pricing), line count, customer name and sort key, the
// search row, the number series; the count tables follow by their triggers.
//
// The mix of statuses and order types is the demo company's (orderMix.ts),
// within the rules of entry (no order starts Shipped, Invoiced or Paid; Quote,
// Unprocessed and Budget only in statuses without processing). What it does not
// do yet: the effects of sales processing. Generated orders reserve no stock,
// issue nothing and have no invoices, so stock figures and reservations do not
// follow them; reaching every status through the real operations is the next step.
import type { CustomerInput } from '../../../shared/channels/customers';
import type { Db } from '../db/connection';
import { computeTotals, lineAmountOre } from '../domain/pricing';
import { norwegianSortKey } from '../domain/sortKey';
import { insertCustomer, replaceContacts } from '../repos/customers';
import { nextNumber } from '../repos/numberSeries';
import {
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
} from '../repos/bulkOrders';
import { orgNumberFrom } from './checkDigits';
import { COMPANY_FORMS, FIRST_NAMES, LAST_NAMES, OUR_REFERENCES, PLACES, STREETS, TRADES } from './demoData';
import {
  pickCustomerReference,
  pickDiscountBp,
  pickQuantity,
  pickStatusAndType,
  productPool,
  productPrefixesFor,
} from './orderMix';
import { addDays, makeRng } from './random';

/** Bumped whenever the generated data changes, so cached bench databases are rebuilt. */
export const GENERATOR_VERSION = 1;

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
  /** Mean lines per order; each order has 1 to 2·avgLines − 1 lines. */
  readonly avgLines?: number;
  readonly seed?: number;
  /** ISO date the newest orders are dated; the oldest are `spanDays` before. */
  readonly today: string;
  /** Days the orders spread over: by default a year, longer for big databases (about 500 a day). */
  readonly spanDays?: number;
  /** Orders per transaction. */
  readonly batchSize?: number;
  readonly onProgress?: (ordersDone: number, timings: GenerateResult['timings']) => void;
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

export interface GenerateResult {
  readonly orders: number;
  readonly lines: number;
  readonly firstNumber: number;
  readonly lastNumber: number;
  /** Where the time went, in milliseconds. */
  readonly timings: {
    readonly generate: number;
    readonly headers: number;
    readonly lines: number;
    readonly search: number;
    /** Rebuilding the order list's indexes (0 when they were kept) and merging the search index. */
    readonly indexes: number;
    readonly optimize: number;
  };
}

/**
 * Adds `orders` sales orders. The caller owns the connection while it runs (the
 * connection's durability and foreign-key checks are relaxed for the load and
 * put back afterwards; see beginBulkSession).
 */
export function generateOrders(db: Db, opts: GenerateOrdersOptions): GenerateResult {
  const n = opts.orders;
  const avgLines = opts.avgLines ?? 10;
  const maxLines = Math.max(1, Math.round(2 * avgLines - 1));
  const rng = makeRng(opts.seed ?? 1);
  const spanDays = opts.spanDays ?? Math.min(3650, Math.max(365, Math.ceil(n / 500)));
  const batchSize = opts.batchSize ?? 20_000;

  const vatRegistered = isVatRegistered(db);
  const products = bulkProducts(db);
  const customers = bulkCustomers(db);
  const statuses = statusIdsByKind(db, 'sales');
  if (products.length === 0 || customers.length === 0) {
    throw new Error('generateOrders needs products and customers (create the demo company first)');
  }
  const sortKeys = customers.map((c) => norwegianSortKey(c.name));
  const pools = customers.map((c) => productPool(products, productPrefixesFor(c.name, c.kind === 'business')));

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

  const start = bulkStart(db);
  let orderId = start.maxOrderId;
  let lineId = start.maxLineId;
  let number = start.nextSalesNumber;
  const firstNumber = number;
  let lineTotal = 0;
  let generateMs = 0;
  let optimizeMs = 0;
  let indexMs = 0;

  const restoreSession = beginBulkSession(db, { exclusive: opts.exclusive ?? false });
  const writer = bulkWriter(db);
  // A big load into a database of fewer orders rebuilds the list's indexes at the end.
  const rebuild = opts.rebuildIndexes ?? (n >= 50_000 && n >= countOrders(db));
  const rebuildIndexes = rebuild ? dropOrderIndexes(db) : null;
  try {
    const endSearchLoad = beginBulkSearchLoad(db);
    try {
      for (let done = 0; done < n; ) {
        const t0 = performance.now();
        const end = Math.min(n, done + batchSize);
        const batch: BulkOrder[] = [];
        const firstLineId = lineId + 1;
        for (let i = done; i < end; i++) {
          const age = ages[i]!;
          const orderDate = dateAt(age);
          const { kind, orderType, delivery } = pickStatusAndType(rng, age);
          const statusId = statuses.get(kind);
          if (statusId === undefined) throw new Error(`No sales status of kind ${kind}`);
          // Big customers order more: the first customers get most of the orders.
          const ci = Math.floor(customers.length * rng.next() ** 2);
          const customer = customers[ci]!;
          const business = customer.kind === 'business';
          const pool = pools[ci]!;
          const count = rng.int(1, maxLines);
          const lines: BulkLine[] = [];
          for (let j = 0; j < count; j++) {
            const product = products[rng.chance(0.85) ? pool[Math.floor(rng.next() * pool.length)]! : Math.floor(rng.next() * products.length)]!;
            const priced = {
              quantity: pickQuantity(rng, product.unit, product.priceOre),
              unitPriceOre: product.priceOre,
              discountBp: pickDiscountBp(rng, business),
              vatCode: product.vatCode,
            };
            lines.push({ product, ...priced, amountOre: lineAmountOre(priced) });
          }
          const totals = computeTotals(lines, { vatRegistered });
          batch.push({
            header: {
              id: ++orderId,
              number: number++,
              orderType,
              statusId,
              customer,
              customerSort: sortKeys[ci]!,
              contactId: customer.contactId !== null && rng.chance(0.7) ? customer.contactId : null,
              orderDate,
              deliveryDate: delivery ? dateAt(age - rng.int(2, 21)) : null,
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
          lineId += count;
          lineTotal += count;
        }
        generateMs += performance.now() - t0;
        db.transaction(() => {
          writer.write(batch, firstLineId);
          advanceSalesSeries(db, number);
        }).immediate();
        done = end;
        opts.onProgress?.(done, { generate: generateMs, ...writer.timings, indexes: 0, optimize: 0 });
      }
    } finally {
      const t0 = performance.now();
      endSearchLoad();
      optimizeMs = performance.now() - t0;
    }
  } finally {
    const t0 = performance.now();
    rebuildIndexes?.();
    indexMs = performance.now() - t0;
    restoreSession();
  }
  return {
    orders: n,
    lines: lineTotal,
    firstNumber,
    lastNumber: number - 1,
    timings: { generate: generateMs, ...writer.timings, indexes: indexMs, optimize: optimizeMs },
  };
}
