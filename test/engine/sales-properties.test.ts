// Invariants of sales processing over random sequences of operations (fast-check),
// where the defects sat: company settings change mid-life (VAT registration,
// backorders, confirm on acceptance, the purchase options), every order type
// meets every flow (Direct, Cash, Realized, quotes and their conversion, imported
// card payment orders, subscriptions, jobs, loans, collective invoices, credit
// notes), products change, and each call is made by a user with some rights or
// none. After every step the whole-file audit (demo/audit.ts) is clean, the stock
// figures are the sums of the ledger, invoice numbers run 1..n, an invoiced order
// and an issued invoice never change, no call fails internally, and a refused
// call leaves the database exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChannelName } from '../../shared/catalog';
import type { Order } from '../../shared/channels/orders';
import type { StatusKind } from '../../shared/enums';
import { INVOICED_KINDS } from '../../shared/kinds';
import { COMPANY, auditViolations, ledgerSnapshot } from '../helpers/engine';
import { salesWorld, userSessions, type SalesWorld } from '../helpers/sales';
import { isoToday } from '../../src-main/engine/context';

const RUNS = Number(process.env.ORDREBOK_SOAK_RUNS ?? 25);

const KINDS: StatusKind[] = [
  'draft', 'quote', 'accepted', 'confirmed', 'production', 'pack', 'shipped', 'ready_to_invoice', 'invoiced',
  'cancelled', 'loan', 'subscription', 'paid', 'reminded', 'closed', 'collective', 'job_started', 'rest',
];
const ENTRY_KINDS: StatusKind[] = ['draft', 'quote', 'accepted', 'confirmed', 'pack'];
const METHODS = ['cash', 'card', 'vipps', 'other'] as const;
const qty = fc.integer({ min: 1, max: 12 }).map((n) => n * 1000);
const confirmArb = fc.record({ deliverRemaining: fc.boolean(), returnGoods: fc.boolean(), allowShortage: fc.boolean(), overrideCreditLimit: fc.boolean() });
/** Who makes the call: the administrator (every right), a clerk with some rights, or one with none. */
const who = fc.constantFrom('admin', 'admin', 'admin', 'clerk', 'none');
const lineArb = fc.array(fc.tuple(fc.nat(3), qty), { minLength: 1, maxLength: 3 });

const command = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('create' as const), type: fc.constantFrom(1, 1, 2, 3, 4, 5, 6, 7, 8), kind: fc.constantFrom(...ENTRY_KINDS), lines: lineArb, method: fc.constantFrom(...METHODS), customer: fc.nat(2), confirm: confirmArb, who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('importCard' as const), lines: lineArb, payer: fc.nat(2), surplus: fc.integer({ min: -2, max: 20 }), who }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deliver' as const), order: fc.nat(), line: fc.nat(), qty, closeShort: fc.boolean(), who }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('invoice' as const), order: fc.nat(), who }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('status' as const), order: fc.nat(), kind: fc.constantFrom(...KINDS), confirm: confirmArb, who }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('credit' as const), invoice: fc.nat(), line: fc.nat(), qty, returnToStock: fc.boolean(), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('receive' as const), product: fc.nat(3), qty }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('type' as const), order: fc.nat(), type: fc.constantFrom(1, 2, 3, 4, 5, 7, 8, 9), method: fc.constantFrom(...METHODS), confirm: confirmArb, who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), order: fc.nat(), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('returnLoan' as const), order: fc.nat(), line: fc.nat(), qty }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('editLine' as const), order: fc.nat(), line: fc.nat(), qty, confirm: confirmArb, who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('addLine' as const), order: fc.nat(), product: fc.nat(3), qty, confirm: confirmArb, who }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('convert' as const), order: fc.nat(), type: fc.constantFrom(1, 2, 3, 7), method: fc.constantFrom(...METHODS), confirm: confirmArb, who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('subscription' as const), order: fc.nat(), interval: fc.constantFrom('monthly', 'quarterly', 'yearly', null), start: fc.constantFrom(null, '2025-01-01', '2024-12-15'), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('runSubscriptions' as const), days: fc.integer({ min: 0, max: 100 }), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('collective' as const), customer: fc.nat(2), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('job' as const), order: fc.nat(), step: fc.constantFrom('add', 'start', 'complete'), repeat: fc.boolean(), who }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('product' as const), product: fc.nat(3), stockManaged: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('settings' as const), vatRegistered: fc.boolean(), generateBackorders: fc.boolean(), autoConfirmOnAccept: fc.boolean(), purchaseReply: fc.boolean(), purchaseDispatch: fc.boolean(), purchaseReception: fc.boolean(), postCashInvoices: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('creditLimit' as const), customer: fc.nat(2), limit: fc.constantFrom(null, 100_000, 1_000_000), who }) },
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

interface Run {
  readonly w: SalesWorld;
  readonly now: Date;
  readonly customers: number[];
  readonly products: number[];
  readonly orders: number[];
  readonly invoices: number[];
  readonly jobs: Map<number, number[]>;
  readonly sessions: Record<'admin' | 'clerk' | 'none', string>;
}

async function setUp(): Promise<Run> {
  const now = new Date('2025-01-05T10:00:00');
  const w = await salesWorld({ now });
  const spare = (await w.t.ok('products.create', { number: 'HYLLE', name: 'Hylle', unit: 'stk', priceOre: 25_000, costOre: 10_000, vatCode: '25', stockManaged: true })).id;
  await w.t.ok('stock.receive', { productId: spare, quantity: 5_000, costOre: 10_000 });
  const payer = (await w.t.ok('customers.create', { kind: 'private', name: 'Åse Kortbetaler', cardSurchargeBp: 500 })).id;
  const sessions = await userSessions(w.t);
  return { w, now, customers: [w.customer, w.privateCustomer, payer], products: [w.drill, w.bread, w.service, spare], orders: [], invoices: [], jobs: new Map(), sessions };
}

const pick = <T,>(xs: readonly T[], i: number): T | undefined => (xs.length ? xs[i % xs.length] : undefined);

async function step(r: Run, c: Command): Promise<{ ok: boolean; code?: string }> {
  const { w } = r;
  const as = 'who' in c ? { sessionKey: r.sessions[c.who] } : {};
  const call = <K extends ChannelName>(channel: K, input: unknown) => w.t.engine.call(channel, input, as);
  const get = async (i: number): Promise<Order | undefined> => {
    const id = pick(r.orders, i);
    return id === undefined ? undefined : w.t.ok('orders.get', { id });
  };
  const payment = async (method: (typeof METHODS)[number], gross: number) => ({ method, receivedOre: gross + 100 });
  const track = (o: { id: number; invoiceIds: readonly number[] }) => {
    if (!r.orders.includes(o.id)) r.orders.push(o.id);
    for (const id of o.invoiceIds) if (!r.invoices.includes(id)) r.invoices.push(id);
  };
  let res;
  switch (c.op) {
    case 'create': {
      const lines = c.lines.map(([p, q]) => ({ productId: r.products[p]!, quantity: q }));
      const preview = await w.t.ok('orders.previewTotals', { lines: lines.map((l) => ({ quantity: l.quantity, unitPriceOre: 100_000, vatCode: '25' })) });
      res = await call('orders.create', {
        header: { customerId: pick(r.customers, c.customer)!, orderType: c.type, statusId: w.status(c.kind) },
        lines,
        confirm: c.confirm,
        ...(c.type === 3 ? { payment: await payment(c.method, preview.grossOre * 2) } : {}),
      });
      if (res.ok) track(res.value);
      break;
    }
    case 'importCard': {
      const lines = c.lines.map(([p, q]) => ({ productId: r.products[p]!, quantity: q }));
      const priced = await w.t.ok('products.list', {});
      const gross = lines.reduce((s, l) => s + Math.round((priced.rows.find((p) => p.id === l.productId)!.priceOre * l.quantity * 1.25) / 1000), 0);
      res = await call('orders.import', {
        source: 'web',
        customerId: pick(r.customers, c.payer + 1)!,
        invoiceCustomerId: pick(r.customers, c.payer)!,
        orderType: 9,
        card: { invoiceReference: `WEB-${r.orders.length}`, currency: 'NOK', contractAmountOre: Math.max(0, Math.round(gross * (1 + c.surplus / 100))), maskedCardNumber: '4571********1234', cardCompany: 'Nets' },
        lines,
      });
      if (res.ok) track(res.value);
      break;
    }
    case 'deliver': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      res = await call('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: line.id, quantity: c.qty }], closeShort: c.closeShort ? [line.id] : [] });
      break;
    }
    case 'invoice': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      res = await call('orders.invoice', { id: o.id, version: o.version });
      if (res.ok) {
        track(res.value.order);
        if (res.value.backorder) track(res.value.backorder);
      }
      break;
    }
    case 'status': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      res = await call('orders.setStatus', { id: o.id, version: o.version, statusId: w.status(c.kind), confirm: c.confirm });
      if (res.ok) track(res.value);
      break;
    }
    case 'credit': {
      const id = pick(r.invoices, c.invoice);
      if (id === undefined) return { ok: true };
      const inv = await w.t.ok('invoices.get', { id });
      const line = pick(inv.lines, c.line);
      if (!line) return { ok: true };
      res = await call('invoices.credit', { invoiceId: id, lines: [{ invoiceLineId: line.id, quantity: c.qty }], returnToStock: c.returnToStock });
      if (res.ok) r.invoices.push(res.value.id);
      break;
    }
    case 'receive':
      res = await w.t.engine.call('stock.receive', { productId: r.products[c.product]!, quantity: c.qty, costOre: 1000 });
      break;
    case 'type': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      res = await call('orders.changeType', {
        id: o.id,
        version: o.version,
        orderType: c.type,
        confirm: c.confirm,
        ...(c.type === 3 ? { payment: await payment(c.method, o.totals.grossOre + o.totals.cashRoundingOre) } : {}),
      });
      if (res.ok) track(res.value);
      break;
    }
    case 'delete': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      res = await call('orders.delete', { id: o.id, version: o.version });
      if (res.ok) r.orders.splice(r.orders.indexOf(o.id), 1);
      break;
    }
    case 'returnLoan': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      res = await w.t.engine.call('orders.returnLoan', { id: o.id, version: o.version, lines: [{ lineId: line.id, quantity: c.qty }] });
      break;
    }
    case 'editLine': {
      const o = await get(c.order);
      const line = o && pick(o.lines, c.line);
      if (!o || !line) return { ok: true };
      res = await call('orders.updateLine', { orderId: o.id, version: o.version, lineId: line.id, changes: { quantity: c.qty }, confirm: c.confirm });
      break;
    }
    case 'addLine': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      res = await call('orders.addLine', { orderId: o.id, version: o.version, line: { productId: r.products[c.product]!, quantity: c.qty }, confirm: c.confirm });
      break;
    }
    case 'convert': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      res = await call('orders.convertQuote', {
        id: o.id,
        version: o.version,
        orderType: c.type,
        confirm: c.confirm,
        ...(c.type === 3 ? { payment: await payment(c.method, o.totals.grossOre + o.totals.cashRoundingOre) } : {}),
      });
      if (res.ok) track(res.value);
      break;
    }
    case 'subscription': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      res = await call('orders.setSubscription', { id: o.id, version: o.version, interval: c.interval, start: c.interval ? c.start : null });
      break;
    }
    case 'runSubscriptions': {
      r.now.setTime(r.now.getTime() + c.days * 86_400_000);
      res = await call('subscriptions.run', {});
      if (res.ok) for (const inv of res.value.invoices) r.invoices.push(inv.id);
      break;
    }
    case 'collective': {
      res = await call('orders.collectiveInvoice', { customerId: pick(r.customers, c.customer)! });
      if (res.ok) r.invoices.push(res.value.id);
      break;
    }
    case 'job': {
      const o = await get(c.order);
      if (!o) return { ok: true };
      const jobs = r.jobs.get(o.id) ?? [];
      if (c.step === 'add') {
        if (c.repeat) {
          const made = await call('jobs.addRepeating', { orderId: o.id, title: 'Service', startDate: isoToday(r.now), repeat: { kind: 'days', everyDays: 7 } });
          res = made;
          if (made.ok) r.jobs.set(o.id, [...jobs, ...made.value.jobs.map((j) => j.id).slice(0, 1)]);
        } else {
          const added = await call('jobs.add', { orderId: o.id, title: 'Montering' });
          res = added;
          if (added.ok) r.jobs.set(o.id, [...jobs, added.value.id]);
        }
      } else {
        const job = jobs.at(-1);
        if (job === undefined) return { ok: true };
        res = await call(c.step === 'start' ? 'jobs.start' : 'jobs.complete', { jobId: job });
      }
      break;
    }
    case 'product': {
      const p = await w.t.ok('products.get', { id: r.products[c.product]! });
      res = await w.t.engine.call('products.update', { id: p.id, number: p.number, name: p.name, unit: p.unit, priceOre: p.priceOre, costOre: p.costOre, vatCode: p.vatCode, stockManaged: c.stockManaged });
      break;
    }
    case 'settings': {
      const { op: _op, ...settings } = c;
      res = await w.t.engine.call('company.save', { ...COMPANY, ...settings });
      break;
    }
    case 'creditLimit': {
      const cust = await w.t.ok('customers.get', { id: pick(r.customers, c.customer)! });
      res = await call('customers.update', { id: cust.id, kind: cust.kind, name: cust.name, orgNumber: cust.orgNumber, cardSurchargeBp: cust.cardSurchargeBp, creditLimitOre: c.limit });
      break;
    }
  }
  if (res.ok) return { ok: true };
  expect(res.error.code, JSON.stringify(res.error)).not.toBe('internal');
  return { ok: false, code: res.error.code };
}

/** What the sequences did, per operation: how often it went through and why it was refused (printed, to see the flows are reached). */
const stats = new Map<string, { ok: number; refused: Map<string, number> }>();
function count(op: string, result: { ok: boolean; code?: string }): void {
  const s = stats.get(op) ?? { ok: 0, refused: new Map<string, number>() };
  if (result.ok) s.ok++;
  else s.refused.set(result.code!, (s.refused.get(result.code!) ?? 0) + 1);
  stats.set(op, s);
}

describe('sales processing invariants', () => {
  it('hold after every step of any sequence of operations, as settings, order types and users change', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 5, maxLength: 40 }), async (commands) => {
        const r = await setUp();
        /** Invoiced orders as they were when they became invoices; issued invoices as issued. */
        const frozen = new Map<number, string>();
        const issued = new Map<number, string>();
        try {
          for (const c of commands) {
            const before = r.w.t.engine.fingerprint();
            const result = await step(r, c);
            count(c.op, result);
            if (!result.ok) expect(r.w.t.engine.fingerprint(), `refused ${c.op} (${result.code}) changed the database`).toEqual(before);

            expect(await auditViolations(r.w.t.file), `the audit after ${c.op}`).toEqual([]);
            const snap = await ledgerSnapshot(r.w.t.file);
            for (const s of snap.stock) {
              expect(s.onHand, 'on-hand = sum of movements').toBe(s.movementSum);
              expect(s.batchSum, 'batches sum to on-hand').toBe(s.onHand);
              expect(s.reserved, 'reserved = sum of line reservations').toBe(s.reservedSum);
              expect(s.onLoan, 'on loan = sum of lines on loan').toBe(s.onLoanSum);
            }
            expect(snap.invoiceNumbers, 'invoice numbers 1..n without gaps').toEqual(snap.invoiceNumbers.map((_, i) => i + 1));

            for (const id of r.orders) {
              const o = await r.w.t.ok('orders.get', { id });
              for (const l of o.lines) {
                expect(l.qtyDelivered, 'delivered ≤ ordered').toBeLessThanOrEqual(l.quantity);
                expect(l.qtyInvoiced, 'invoiced ≤ delivered').toBeLessThanOrEqual(l.qtyDelivered);
                expect(l.qtyCredited, 'credited ≤ invoiced').toBeLessThanOrEqual(l.qtyInvoiced);
              }
              const view = JSON.stringify({ lines: o.lines.map((l) => [l.id, l.quantity, l.unitPriceOre, l.discountBp, l.amountOre, l.qtyDelivered, l.qtyInvoiced]) });
              if (INVOICED_KINDS.includes(o.statusKind)) {
                const was = frozen.get(id);
                if (was === undefined) frozen.set(id, view);
                else expect(view, 'an invoiced order never changes').toBe(was);
              }
            }
            for (const id of r.invoices) {
              const inv = await r.w.t.ok('invoices.get', { id });
              const view = JSON.stringify({ number: inv.number, byRate: inv.byRate, gross: inv.grossOre, rounding: inv.roundingOre, vat: inv.vatRegistered, lines: inv.lines.map((l) => [l.id, l.quantity, l.amountOre, l.vatCode]) });
              const was = issued.get(id);
              if (was === undefined) issued.set(id, view);
              else expect(view, 'an issued invoice never changes, whatever the settings say now').toBe(was);
            }
          }
        } finally {
          r.w.t.close();
        }
      }),
      { numRuns: RUNS },
    );
    const lines = [...stats].map(([op, s]) => {
      const top = [...s.refused].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([code, n]) => `${code} ${n}`);
      return `${op}: ${s.ok} ok${top.length ? `; refused ${top.join(', ')}` : ''}`;
    });
    console.log(`sales properties, ${RUNS} sequences:\n  ${lines.join('\n  ')}`);
  }, 600_000);
});
