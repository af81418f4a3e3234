// Issue 3, Done-when 4: what a clerk's sales work costs on the big database.
// Each operation through engine.call (schema validation, an IMMEDIATE write
// transaction, the handler and its services, the commit with synchronous=FULL),
// as the median of its runs, against one bare SQLite transaction that writes the
// same number of rows (counted per run, table by table: test/bench/census.ts)
// into scratch copies of the same tables in the same file (test/bench/bare.ts),
// measured in the same run, right after it.
//
//  - create a 10-line order (a Normal order, entered as a quote: nothing reserved yet);
//  - confirm it with reservation (the status bar to Confirmed: stock reserved per line, the credit limit checked);
//  - deliver and invoice it (a packing slip for every line, then the invoice: two calls, timed together);
//  - a collective invoice of 1,000 orders: 1,000 shipped orders of one customer (1 to 10
//    lines each) are set up first through the channels (entered confirmed, delivered),
//    outside the timing.
import type { ChannelName } from '../../shared/catalog';
import type { Order } from '../../shared/channels/orders';
import type { Engine } from '../../src-main/engine';
import { BareWriter } from './bare';
import { Census, describeCensus, type Call, type RowCensus } from './census';

export interface WriteMeasured {
  readonly operation: string;
  readonly engineMs: number;
  readonly bareMs: number;
  readonly ratio: number;
  /** Rows the operation writes (the median run's count; they vary by a row or two at most). */
  readonly rows: number;
  readonly note: string;
  readonly runs: number;
  /** Rows per table, of the last run. */
  readonly census: Readonly<Record<string, { inserted: number; updated: number; deleted: number }>>;
}

export interface WriteBenchOptions {
  /** The customer the single order is for: a typical one (with the credit-limit check it brings). */
  readonly customerId: number;
  readonly runs: number;
  readonly collectiveRuns: number;
  readonly collectiveOrders: number;
  readonly onProgress?: (what: string) => void;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function mustCall<T>(engine: Engine, channel: ChannelName, input: unknown): Promise<T> {
  const r = await engine.call(channel, input);
  if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.field ?? ''} ${r.error.message.en}`);
  return r.value as T;
}

interface Sample {
  engineMs: number;
  bareMs: number;
  census: RowCensus;
}

/**
 * Runs the write operations on `file` (a copy of the bench database: they add
 * orders and invoices) through `engine`, which must be open on that file.
 */
export async function benchWrites(engine: Engine, file: string, opts: WriteBenchOptions): Promise<WriteMeasured[]> {
  const census = new Census(file);
  const bare = new BareWriter(file);
  try {
    const statuses = await mustCall<{ id: number; kind: string }[]>(engine, 'statuses.list', {});
    const status = (kind: string) => statuses.find((s) => s.kind === kind)!.id;
    const products = (await mustCall<{ rows: { id: number; stockManaged: boolean; unit: string }[] }>(engine, 'products.list', { limit: 200 })).rows.filter(
      (p) => p.stockManaged && p.unit === 'stk',
    );
    // The collective invoices go to a customer invoiced that way (no credit limit).
    const customers = (await mustCall<{ rows: { id: number; creditLimitOre: number | null; name: string }[] }>(engine, 'customers.list', { limit: 500 })).rows;
    const collectiveCustomer = customers.find((c) => c.name === 'Akershus Entreprenør AS') ?? customers.find((c) => c.creditLimitOre === null)!;
    // Enough on the shelf for every run (a goods receipt, outside the timing).
    for (const p of products.slice(0, 20)) {
      await mustCall(engine, 'stock.receive', { productId: p.id, quantity: 100_000_000, costOre: 10_000, note: 'Benk' });
    }
    const lines = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => ({ productId: products[(offset + i) % Math.min(20, products.length)]!.id, quantity: (1 + ((offset + i) % 5)) * 1000 }));

    /** Census first (rolled back), then the engine, then the bare transaction of the same rows. */
    const measure = async (calls: () => Call[], run: () => Promise<void>): Promise<Sample> => {
      const c = census.count(calls());
      bare.prepare(c);
      const t = performance.now();
      await run();
      const engineMs = performance.now() - t;
      const bareMs = bare.write(c);
      return { engineMs, bareMs, census: c };
    };

    const create: Sample[] = [];
    const confirm: Sample[] = [];
    const deliverInvoice: Sample[] = [];
    for (let r = 0; r < opts.runs + 1; r++) {
      const createInput = {
        header: { customerId: opts.customerId, orderType: 1, statusId: status('quote'), customerReference: `BENK-${r}` },
        lines: lines(10, r),
      };
      let order: Order | null = null;
      const s1 = await measure(
        () => [{ channel: 'orders.create', input: createInput }],
        async () => {
          order = await mustCall<Order>(engine, 'orders.create', createInput);
        },
      );
      const o1 = order!;
      const confirmInput = { id: o1.id, version: o1.version, statusId: status('confirmed'), confirm: { overrideCreditLimit: true } };
      const s2 = await measure(
        () => [{ channel: 'orders.setStatus', input: confirmInput }],
        async () => {
          order = await mustCall<Order>(engine, 'orders.setStatus', confirmInput);
        },
      );
      const o2 = order!;
      const deliverInput = { id: o2.id, version: o2.version, lines: o2.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) };
      const invoiceInput = { id: o2.id, version: o2.version + 1 };
      const s3 = await measure(
        () => [
          { channel: 'orders.deliver', input: deliverInput },
          { channel: 'orders.invoice', input: invoiceInput },
        ],
        async () => {
          await mustCall(engine, 'orders.deliver', deliverInput);
          await mustCall(engine, 'orders.invoice', invoiceInput);
        },
      );
      // The first round warms statements and caches on both sides; it is not counted.
      if (r === 0) continue;
      create.push(s1);
      confirm.push(s2);
      deliverInvoice.push(s3);
      opts.onProgress?.('w');
    }

    const collective: Sample[] = [];
    for (let r = 0; r < opts.collectiveRuns; r++) {
      // Orders of 1 to 10 lines (5.5 on average), each entered confirmed and delivered in full.
      const ids: number[] = [];
      for (let i = 0; i < opts.collectiveOrders; i++) {
        const o = await mustCall<Order>(engine, 'orders.create', {
          header: { customerId: collectiveCustomer.id, orderType: 1, statusId: status('confirmed'), customerReference: `SAMLE-${r}` },
          lines: lines(1 + (i % 10), i),
        });
        await mustCall(engine, 'orders.deliver', { id: o.id, version: o.version, lines: o.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) });
        ids.push(o.id);
      }
      const input = { customerId: collectiveCustomer.id, orderIds: ids };
      collective.push(
        await measure(
          () => [{ channel: 'orders.collectiveInvoice', input }],
          async () => {
            await mustCall(engine, 'orders.collectiveInvoice', input);
          },
        ),
      );
      opts.onProgress?.('C');
    }

    const summarize = (operation: string, samples: readonly Sample[], note: string): WriteMeasured => {
      const engineMs = median(samples.map((s) => s.engineMs));
      const bareMs = median(samples.map((s) => s.bareMs));
      const last = samples[samples.length - 1]!;
      return {
        operation,
        engineMs,
        bareMs,
        ratio: engineMs / bareMs,
        rows: median(samples.map((s) => s.census.total)),
        note,
        runs: samples.length,
        census: last.census.byTable,
      };
    };
    const results = [
      summarize('create a 10-line order', create, 'orders.create'),
      summarize('confirm it, reserving stock', confirm, 'orders.setStatus → Confirmed'),
      summarize('deliver and invoice it', deliverInvoice, 'orders.deliver + orders.invoice'),
      summarize(`collective invoice of ${opts.collectiveOrders.toLocaleString('en')} shipped orders`, collective, 'orders.collectiveInvoice'),
    ];
    return results.map((r) => ({ ...r, note: `${r.note}; rows: ${describeCensus({ byTable: r.census, total: r.rows })}` }));
  } finally {
    census.close();
    bare.close();
  }
}
