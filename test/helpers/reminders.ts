// A world for reminders and voids: the real engine with a clock the test moves
// (invoices fall due and reminders wait their days), a company that charges a
// reminder fee, a business customer on 14 days, goods and a service.
import type { StatusKind, StatusPreset } from '../../shared/enums';
import { isoToday, type HandlerContext } from '../../src-main/engine/context';
import { openDatabase } from '../../src-main/engine/db/connection';
import { OPEN_WORKSTATION } from '../../src-main/engine/domain/rights';
import { payInvoice } from '../../src-main/engine/services/payments';
import { COMPANY, makeEngine, type TestEngine } from './engine';

export interface ReminderWorld {
  readonly t: TestEngine;
  readonly clock: { now: Date };
  /** Moves the clock to noon of that day. */
  setDay(iso: string): void;
  readonly customer: number;
  readonly drill: number;
  readonly service: number;
  status(kind: StatusKind): number;
  /** An order of that type with these lines (product, thousandths), invoiced; returns the order and its invoice id. */
  invoicedOrder(type: number, lines: readonly (readonly [number, number])[], customerId?: number): Promise<{ orderId: number; invoiceId: number }>;
  statusKindOf(orderId: number): Promise<StatusKind>;
  /**
   * A payment matched to an invoice, as a bank file or the payment screen makes it:
   * the payments service (services/payments.ts payInvoice) on a connection of its own, in one transaction.
   */
  pay(invoiceId: number, amountOre: number): void;
}

export async function reminderWorld(opts: { preset?: StatusPreset; feeOre?: number; start?: string } = {}): Promise<ReminderWorld> {
  const clock = { now: new Date(`${opts.start ?? '2025-01-06'}T12:00:00`) };
  const t = await makeEngine(clock);
  await t.ok('company.save', { ...COMPANY, statusPreset: opts.preset ?? 'standard', reminderFeeOre: opts.feeOre ?? 3500 });
  const statuses = await t.ok('statuses.list', {});
  const status = (kind: StatusKind) => {
    const s = statuses.find((x) => x.kind === kind);
    if (!s) throw new Error(`no status of kind ${kind}`);
    return s.id;
  };
  const customer = (await t.ok('customers.create', { kind: 'business', name: 'Bergen Bygg AS', orgNumber: '974760673', paymentTermsDays: 14, addressLine1: 'Strandkaien 2', postalCode: '5013', city: 'Bergen' })).id;
  const drill = (await t.ok('products.create', { number: 'DRILL', name: 'Drill 18V', unit: 'stk', priceOre: 100000, costOre: 50000, vatCode: '25', stockManaged: true, binLocation: 'A-01' })).id;
  const service = (await t.ok('products.create', { number: 'TIME', name: 'Montering', unit: 'time', priceOre: 90000, vatCode: '25', stockManaged: false })).id;
  await t.ok('stock.receive', { productId: drill, quantity: 100_000, costOre: 50000 });
  return {
    t,
    clock,
    setDay: (iso) => {
      clock.now = new Date(`${iso}T12:00:00`);
    },
    customer,
    drill,
    service,
    status,
    async invoicedOrder(type, lines, customerId = customer) {
      const o = await t.ok('orders.create', {
        header: { customerId, orderType: type, statusId: status('confirmed') },
        lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
      });
      let current = o;
      if (type === 1) {
        current = await t.ok('orders.deliver', { id: o.id, version: o.version, lines: o.lines.map((l) => ({ lineId: l.id, quantity: l.quantity })) });
      }
      const { invoice } = await t.ok('orders.invoice', { id: current.id, version: current.version });
      return { orderId: o.id, invoiceId: invoice.id };
    },
    async statusKindOf(orderId) {
      return (await t.ok('orders.get', { id: orderId })).statusKind;
    },
    pay(invoiceId, amountOre) {
      const db = openDatabase(t.file);
      try {
        const ctx = {
          db,
          now: clock.now,
          today: isoToday(clock.now),
          actor: OPEN_WORKSTATION,
          guard: () => undefined,
          userId: null,
          session: { login: () => undefined, logout: () => undefined },
          dataFile: t.file,
          appVersion: 'test',
          dataVersion: 0,
        } as HandlerContext;
        db.transaction(() => payInvoice(ctx, { invoiceId, amountOre, paidOn: ctx.today, method: 'bank', source: 'bank_file', reference: 'test' }))();
      } finally {
        db.close();
      }
    },
  };
}
