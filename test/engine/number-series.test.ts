// Number series (issue 13, SPEC 7 and 8): each series' next number is shown and
// editable (numberSeries.list / numberSeries.save); a next number in use is refused,
// and the one gap-free series of invoices and credit notes can start anywhere
// before its first invoice and never move after it. Refused edits leave the
// database as it was; accepted ones are logged.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { NumberSeriesKey, NumberSeriesRow } from '../../shared/channels/numberSeries';
import type { Invoice } from '../../shared/channels/processing';
import { auditViolations, queryFile } from '../helpers/engine';
import { salesWorld, type SalesWorld } from '../helpers/sales';

const RUNS = Number(process.env.ORDREBOK_SOAK_RUNS ?? 15);

let w: SalesWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

async function series(world: SalesWorld, key: NumberSeriesKey): Promise<NumberSeriesRow> {
  const row = (await world.t.ok('numberSeries.list', {})).find((s) => s.key === key);
  if (!row) throw new Error(`no series ${key}`);
  return row;
}

/** A refusal that names its code and field and leaves the file exactly as it was. */
async function refusedUnchanged(world: SalesWorld, input: { series: NumberSeriesKey; nextNumber: number }) {
  const before = world.t.engine.fingerprint();
  const e = await world.t.refused('numberSeries.save', input);
  expect(world.t.engine.fingerprint()).toEqual(before);
  expect(e.field).toBe('nextNumber');
  expect(e.message.nb).not.toEqual(e.message.en);
  return e;
}

/** A Direct order of one service line, invoiced (Direct goes from Confirmed to Invoiced, delivered on the way). */
async function invoiceOne(world: SalesWorld): Promise<Invoice> {
  const order = await world.order(2, 'confirmed', [[world.service, 1000]]);
  return (await world.t.ok('orders.invoice', { id: order.id, version: order.version })).invoice;
}

async function creditAll(world: SalesWorld, invoice: Invoice): Promise<Invoice> {
  return world.t.ok('invoices.credit', { invoiceId: invoice.id, lines: invoice.lines.map((l) => ({ invoiceLineId: l.id, quantity: l.quantity })), returnToStock: false });
}

async function invoiceNumbers(world: SalesWorld): Promise<number[]> {
  return (await queryFile<{ number: number }>(world.t.file, 'SELECT number FROM invoice ORDER BY number')).map((r) => r.number);
}

describe('the series and what they number', () => {
  it('lists every series; quotes share the order series, credit notes the invoice series, by design', async () => {
    w = await salesWorld();
    const rows = await w.t.ok('numberSeries.list', {});
    expect(rows.map((r) => r.key)).toEqual(['sales_order', 'purchase_order', 'project', 'customer', 'supplier', 'product', 'invoice']);
    expect(rows.find((r) => r.key === 'sales_order')!.numbers).toEqual(['order', 'quote']);
    expect(rows.find((r) => r.key === 'invoice')!.numbers).toEqual(['invoice', 'credit_note']);
    expect(rows.find((r) => r.key === 'invoice')).toMatchObject({ gapFree: true, editable: true, highestUsed: null, nextNumber: 1 });
    // Two customers made by salesWorld: 10001 and 10002.
    expect(rows.find((r) => r.key === 'customer')).toMatchObject({ nextNumber: 10003, highestUsed: 10002, gapFree: false, editable: true });

    // A quote and an order take consecutive numbers of the one sales series.
    const quote = await w.order(5, 'quote', [[w.service, 1000]]);
    const order = await w.order(1, 'confirmed', [[w.service, 1000]]);
    expect(order.number).toBe(quote.number + 1);
    expect(await series(w, 'sales_order')).toMatchObject({ nextNumber: order.number + 1, highestUsed: order.number });
    // A credit note takes the next number of the invoices' series.
    const invoice = await invoiceOne(w);
    const note = await creditAll(w, invoice);
    expect([invoice.number, note.number]).toEqual([1, 2]);
    expect(await series(w, 'invoice')).toMatchObject({ nextNumber: 3, highestUsed: 2, editable: false });
  });
});

describe('orders, customers, suppliers, projects, purchase orders, products', () => {
  it('the next order number set by the administrator is the next order’s number; the change is logged', async () => {
    w = await salesWorld();
    const saved = await w.t.ok('numberSeries.save', { series: 'sales_order', nextNumber: 25001 });
    expect(saved).toMatchObject({ key: 'sales_order', nextNumber: 25001 });
    expect((await w.order(1, 'confirmed', [[w.service, 1000]])).number).toBe(25001);
    expect((await w.order(5, 'quote', [[w.service, 1000]])).number).toBe(25002);
    const log = await queryFile<{ action: string; before_json: string; after_json: string }>(
      w.t.file,
      "SELECT action, before_json, after_json FROM activity_log WHERE entity = 'company' AND action = 'number_series'",
    );
    expect(log.map((l) => [JSON.parse(l.before_json), JSON.parse(l.after_json)])).toEqual([
      [{ series: 'sales_order', nextNumber: 10001 }, { series: 'sales_order', nextNumber: 25001 }],
    ]);
  });

  it('a next number in use is refused (nb and en), and changes nothing', async () => {
    w = await salesWorld();
    const order = await w.order(1, 'confirmed', [[w.service, 1000]]);
    const e = await refusedUnchanged(w, { series: 'sales_order', nextNumber: order.number });
    expect(e.code).toBe('series_number_in_use');
    expect(e.message.nb).toContain(String(order.number));
    expect((await refusedUnchanged(w, { series: 'customer', nextNumber: 10001 })).code).toBe('series_number_in_use');
    const supplier = await w.t.ok('suppliers.create', { kind: 'private', name: 'Per Leverandør' });
    expect((await refusedUnchanged(w, { series: 'supplier', nextNumber: supplier.number })).code).toBe('series_number_in_use');
    const project = await w.t.ok('projects.create', { name: 'Tak', customerId: w.customer });
    expect((await refusedUnchanged(w, { series: 'project', nextNumber: project.number })).code).toBe('series_number_in_use');
    const po = await w.t.ok('purchase.create', { header: { supplierId: supplier.id }, lines: [{ productId: w.drill, quantity: 1000 }] });
    expect((await refusedUnchanged(w, { series: 'purchase_order', nextNumber: po.number })).code).toBe('series_number_in_use');
    // Saving the number it has already is no change (and no refusal).
    const now = await series(w, 'customer');
    const before = w.t.engine.fingerprint();
    expect(await w.t.ok('numberSeries.save', { series: 'customer', nextNumber: now.nextNumber })).toEqual(now);
    expect(w.t.engine.fingerprint()).toEqual(before);
  });

  it('a series set below a used number runs on and steps over the numbers in use', async () => {
    w = await salesWorld();
    await w.t.ok('numberSeries.save', { series: 'customer', nextNumber: 20001 });
    expect((await w.t.ok('customers.create', { kind: 'private', name: 'Kari Nordmann' })).number).toBe(20001);
    await w.t.ok('numberSeries.save', { series: 'customer', nextNumber: 19999 });
    const numbers: number[] = [];
    for (const name of ['A', 'B', 'C']) numbers.push((await w.t.ok('customers.create', { kind: 'private', name })).number);
    expect(numbers).toEqual([19999, 20000, 20002]);
    expect(await series(w, 'customer')).toMatchObject({ nextNumber: 20003, highestUsed: 20002 });
  });

  it('products: without a number a product takes the series’ next, a typed number is kept and stepped over', async () => {
    w = await salesWorld();
    const p = { name: 'Vare', unit: 'stk', priceOre: 1000, vatCode: '25', stockManaged: false };
    expect((await w.t.ok('products.create', p)).number).toBe('1001');
    expect((await w.t.ok('products.create', { ...p, number: '1002' })).number).toBe('1002');
    expect((await w.t.ok('products.create', p)).number).toBe('1003');
    expect((await refusedUnchanged(w, { series: 'product', nextNumber: 1002 })).code).toBe('series_number_in_use');
    await w.t.ok('numberSeries.save', { series: 'product', nextNumber: 500 });
    expect((await w.t.ok('products.create', p)).number).toBe('500');
    // Typed numbers that are not plain numbers (DRILL, BROD, TIME from salesWorld) are not the series'.
    expect(await series(w, 'product')).toMatchObject({ nextNumber: 501, highestUsed: 1003 });
  });

  it('a number beyond what the KID holds is refused: customers 6 digits, invoices 7', async () => {
    w = await salesWorld();
    expect((await refusedUnchanged(w, { series: 'customer', nextNumber: 1_000_000 })).code).toBe('too_big');
    expect((await refusedUnchanged(w, { series: 'invoice', nextNumber: 10_000_000 })).code).toBe('too_big');
    expect((await w.t.ok('numberSeries.save', { series: 'invoice', nextNumber: 9_999_999 })).nextNumber).toBe(9_999_999);
  });
});

describe('the invoice series is gap-free (SPEC 7)', () => {
  it('its start can be set before the first invoice; after that, below is refused, above is refused, and it stays', async () => {
    w = await salesWorld();
    await w.t.ok('numberSeries.save', { series: 'invoice', nextNumber: 200 });
    expect((await w.t.ok('numberSeries.save', { series: 'invoice', nextNumber: 5001 })).nextNumber).toBe(5001);
    const first = await invoiceOne(w);
    const note = await creditAll(w, first);
    expect([first.number, note.number]).toEqual([5001, 5002]);
    expect(await series(w, 'invoice')).toMatchObject({ nextNumber: 5003, highestUsed: 5002, editable: false });

    const below = await refusedUnchanged(w, { series: 'invoice', nextNumber: 1 });
    expect(below.code).toBe('invoice_series_below_used');
    expect(below.message.nb).toContain('5002');
    expect((await refusedUnchanged(w, { series: 'invoice', nextNumber: 5002 })).code).toBe('invoice_series_below_used');
    const gap = await refusedUnchanged(w, { series: 'invoice', nextNumber: 5004 });
    expect(gap.code).toBe('invoice_series_gap');
    expect(gap.message.nb).toContain('5003');
    expect((await refusedUnchanged(w, { series: 'invoice', nextNumber: 9_000_000 })).code).toBe('invoice_series_gap');
    // The number it has is no change.
    expect((await w.t.ok('numberSeries.save', { series: 'invoice', nextNumber: 5003 })).nextNumber).toBe(5003);
    expect((await invoiceOne(w)).number).toBe(5003);
    expect(await invoiceNumbers(w)).toEqual([5001, 5002, 5003]);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('a void invoice keeps its number, so the series cannot go back to it', async () => {
    w = await salesWorld();
    const invoice = await invoiceOne(w);
    await w.t.ok('invoices.void', { invoiceId: invoice.id, reason: 'Feil kunde' });
    expect((await refusedUnchanged(w, { series: 'invoice', nextNumber: invoice.number })).code).toBe('invoice_series_below_used');
  });

  it('the audit finds a gap made behind the engine’s back (the check can fail)', async () => {
    w = await salesWorld();
    await invoiceOne(w);
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const db = openDatabase(w.t.file);
    db.prepare("UPDATE number_series SET next_value = next_value + 1 WHERE name = 'invoice'").run();
    db.close();
    expect((await auditViolations(w.t.file)).map((v) => v.rule)).toEqual([expect.stringContaining('invoices: numbered')]);
  });

  it('property: invoicing and crediting interleaved with series edits (accepted or refused) keep the numbers start..start+n-1, unique', async () => {
    const command = fc.oneof(
      { weight: 3, arbitrary: fc.record({ op: fc.constant('invoice' as const) }) },
      { weight: 2, arbitrary: fc.record({ op: fc.constant('credit' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
      {
        weight: 3,
        arbitrary: fc.record({
          op: fc.constant('edit' as const),
          // Near the series' next number (the edits that matter) or anywhere.
          offset: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -10_000, max: 10_000 })),
          series: fc.constantFrom<NumberSeriesKey>('invoice', 'invoice', 'sales_order', 'customer'),
        }),
      },
    );
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 90_000 }), fc.array(command, { minLength: 3, maxLength: 14 }), async (start, commands) => {
        const world = await salesWorld();
        try {
          await world.t.ok('numberSeries.save', { series: 'invoice', nextNumber: start });
          // The start is what the series says when the first invoice is made (it may be set again until then).
          let first = start;
          const invoices: Invoice[] = [];
          for (const c of commands) {
            if (c.op === 'invoice') {
              if (invoices.length === 0) first = (await series(world, 'invoice')).nextNumber;
              invoices.push(await invoiceOne(world));
            }
            else if (c.op === 'credit' && invoices.length > 0) {
              const inv = invoices[c.pick % invoices.length]!;
              const r = await world.t.engine.call('invoices.credit', { invoiceId: inv.id, lines: inv.lines.map((l) => ({ invoiceLineId: l.id, quantity: l.quantity })), returnToStock: false });
              if (r.ok) invoices.push(r.value);
            } else if (c.op === 'void' && invoices.length > 0) {
              await world.t.engine.call('invoices.void', { invoiceId: invoices[c.pick % invoices.length]!.id, reason: 'Feil' });
            } else if (c.op === 'edit') {
              const row = await series(world, c.series);
              const nextNumber = Math.max(1, row.nextNumber + c.offset);
              const before = world.t.engine.fingerprint();
              const r = await world.t.engine.call('numberSeries.save', { series: c.series, nextNumber });
              if (!r.ok) expect(world.t.engine.fingerprint()).toEqual(before);
              if (c.series === 'invoice' && row.highestUsed !== null) expect(r.ok).toBe(nextNumber === row.nextNumber);
            }
            const numbers = await invoiceNumbers(world);
            expect(new Set(numbers).size).toBe(numbers.length);
            if (numbers.length > 0) {
              expect(numbers).toEqual(numbers.map((_, i) => first + i));
              expect((await series(world, 'invoice')).nextNumber).toBe(first + numbers.length);
            }
          }
          expect(await auditViolations(world.t.file)).toEqual([]);
        } finally {
          world.t.close();
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
