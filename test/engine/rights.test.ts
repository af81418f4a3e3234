// Issue 9: rights are declared, not remembered. Every channel of the catalog is
// called here on a real path (an input that goes through for a user who has the
// rights), by a logged-in user who lacks them, and the refusal is checked against
// this table of expected rights, which is written here on its own and not read
// from the declarations (shared/channels/*, shared/access.ts). A channel without
// an entry fails the test; so does a declaration the table does not exercise.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../shared/catalog';
import { GUARDED_ACTIONS } from '../../shared/access';
import type { Order } from '../../shared/channels/orders';
import type { Right } from '../../shared/enums';
import { ocrFile } from '../helpers/bankFiles';
import { COMPANY } from '../helpers/engine';
import { purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';

type Input = Record<string, unknown>;
interface Case {
  readonly channel: ChannelName;
  /** What the call does, in a few words (the test's name). */
  readonly does: string;
  /** The right a user without it is refused for; null: none needed. */
  readonly needs: Right | null;
  /** Rights the caller has (default none): to reach an action inside a channel whose own right comes first. */
  readonly has?: readonly Right[];
  readonly input: (w: World) => Promise<Input>;
}

interface World extends PurchaseWorld {
  readonly confirmedOrder: () => Promise<Order>;
  readonly cardOrder: () => Promise<Order>;
  readonly quote: () => Promise<Order>;
  readonly shipped: () => Promise<Order>;
  readonly cashInvoiceId: () => Promise<number>;
  readonly invoiceId: () => Promise<number>;
  /** A new employee (added by the administrator). */
  readonly employeeId: () => Promise<number>;
  /** A customer with a credit limit of 1 000,00 and an order just within it. */
  readonly limited: () => Promise<{ customerId: number; order: Order }>;
}

const CARD = { invoiceReference: 'WEB-7', currency: 'NOK', contractAmountOre: 300_000, maskedCardNumber: '4571********1234', cardCompany: 'Nets' };
const LIMIT = 125_000;

async function world(): Promise<World> {
  const w = await purchaseWorld();
  const confirmedOrder = () => w.order(1, 'confirmed', [[w.drill, 1_000]]);
  const shipped = async () => w.move(await confirmedOrder(), 'shipped', { deliverRemaining: true });
  return {
    ...w,
    confirmedOrder,
    shipped,
    cardOrder: () =>
      w.t.ok('orders.import', {
        source: 'web',
        customerId: w.privateCustomer,
        invoiceCustomerId: w.privateCustomer,
        orderType: 9,
        card: CARD,
        lines: [{ productId: w.drill, quantity: 1_000 }],
      }),
    quote: () => w.order(5, 'quote', [[w.drill, 1_000]]),
    invoiceId: async () => {
      const s = await shipped();
      return (await w.t.ok('orders.invoice', { id: s.id, version: s.version })).invoice.id;
    },
    employeeId: async () => {
      const n = ++employeeSeq;
      return (await w.t.ok('employees.create', { name: `Ansatt ${n}`, initials: `E${'BCDEFGHIJKLMNOPQRSTUVWXYZ'[n % 25]}${'BCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(n / 25) % 25]}` })).id;
    },
    cashInvoiceId: async () => {
      const o = await w.t.ok('orders.create', {
        header: { customerId: w.privateCustomer, orderType: 3 },
        lines: [{ productId: w.bread, quantity: 1_000 }],
        payment: { method: 'cash', receivedOre: 10_000 },
      });
      return o.invoiceIds[0]!;
    },
    limited: async () => {
      const c = await w.t.ok('customers.create', { kind: 'private', name: 'Kari Grense', creditLimitOre: LIMIT });
      const order = await w.t.ok('orders.create', {
        header: { customerId: c.id, orderType: 1, statusId: w.status('confirmed') },
        lines: [{ productId: w.drill, quantity: 1_000 }],
      });
      return { customerId: c.id, order };
    },
  };
}

const header = (o: Order, extra: Input = {}) => ({
  customerId: o.customerId,
  orderType: o.orderType,
  statusId: o.statusId,
  ...extra,
});
const lines = (o: Order) => o.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity }));
const OVER = { overrideCreditLimit: true };

const CASES: readonly Case[] = [
  // Before login and the login screen's own.
  { channel: 'system.bootstrap', does: 'tells the program how it stands', needs: null, input: async () => ({}) },
  { channel: 'system.createDemo', does: 'makes the demo company', needs: 'administer', input: async () => ({ orders: 0 }) },
  { channel: 'auth.status', does: 'tells who is logged in', needs: null, input: async () => ({}) },
  { channel: 'auth.login', does: 'logs in', needs: null, input: async () => ({ username: 'uten', pin: '2222' }) },
  { channel: 'auth.logout', does: 'logs out', needs: null, input: async () => ({}) },
  { channel: 'company.get', does: 'reads the company', needs: null, input: async () => ({}) },
  // Administration.
  { channel: 'company.save', does: 'changes the company', needs: 'administer', input: async () => ({ ...COMPANY }) },
  { channel: 'users.list', does: 'lists users', needs: 'administer', input: async () => ({}) },
  { channel: 'users.save', does: 'adds a user', needs: 'administer', input: async () => ({ username: 'ny', name: 'Ny', groupId: 1, pin: '9999' }) },
  { channel: 'groups.list', does: 'lists access groups', needs: 'administer', input: async () => ({}) },
  { channel: 'groups.save', does: 'adds an access group', needs: 'administer', input: async () => ({ name: 'Lager', rights: [] }) },
  { channel: 'documents.setLogo', does: 'removes the logo', needs: 'administer', input: async () => ({ imageBase64: null }) },
  // Registers.
  { channel: 'customers.list', does: 'lists customers', needs: null, input: async () => ({}) },
  { channel: 'customers.get', does: 'reads a customer', needs: null, input: async (w) => ({ id: w.customer }) },
  { channel: 'customers.lookup', does: 'looks customers up', needs: null, input: async () => ({ query: 'berg' }) },
  { channel: 'customers.create', does: 'adds a customer', needs: null, input: async () => ({ kind: 'private', name: 'Åse Ås' }) },
  { channel: 'customers.create', does: 'adds a customer with a credit limit', needs: 'override_credit_limit', input: async () => ({ kind: 'private', name: 'Åse Ås', creditLimitOre: 50_000 }) },
  { channel: 'customers.update', does: 'changes a customer', needs: null, input: async (w) => ({ id: w.privateCustomer, kind: 'private', name: 'Ola Nordmann d.y.' }) },
  { channel: 'customers.update', does: 'changes a customer’s credit limit', needs: 'override_credit_limit', input: async (w) => ({ id: w.privateCustomer, kind: 'private', name: 'Ola Nordmann', creditLimitOre: 90_000_000 }) },
  { channel: 'products.list', does: 'lists products', needs: null, input: async () => ({}) },
  { channel: 'products.get', does: 'reads a product', needs: null, input: async (w) => ({ id: w.drill }) },
  { channel: 'products.lookup', does: 'looks products up', needs: null, input: async () => ({ query: 'dri' }) },
  { channel: 'products.create', does: 'adds a product', needs: null, input: async () => ({ number: 'NY-1', name: 'Ny vare', unit: 'stk', priceOre: 100, vatCode: '25', stockManaged: false }) },
  { channel: 'products.update', does: 'changes a product', needs: null, input: async (w) => ({ id: w.service, number: 'TIME', name: 'Montering, time', unit: 'time', priceOre: 95_000, vatCode: '25', stockManaged: false }) },
  { channel: 'suppliers.list', does: 'lists suppliers', needs: null, input: async () => ({}) },
  { channel: 'suppliers.get', does: 'reads a supplier', needs: null, input: async (w) => ({ id: w.supplier }) },
  { channel: 'suppliers.lookup', does: 'looks suppliers up', needs: null, input: async () => ({ query: 'verk' }) },
  { channel: 'suppliers.create', does: 'adds a supplier', needs: null, input: async () => ({ kind: 'business', name: 'Ny Grossist AS', orgNumber: '974760673' }) },
  { channel: 'suppliers.update', does: 'changes a supplier', needs: null, input: async (w) => ({ id: w.supplier, kind: 'business', name: 'Verktøygrossisten Vest AS', orgNumber: '923609016' }) },
  { channel: 'stock.get', does: 'reads stock', needs: null, input: async (w) => ({ productId: w.drill }) },
  { channel: 'stock.available', does: 'reads what is available', needs: null, input: async (w) => ({ productIds: [w.drill, w.service] }) },
  { channel: 'stock.receive', does: 'receives goods', needs: null, input: async (w) => ({ productId: w.drill, quantity: 1_000, costOre: 50_000 }) },
  { channel: 'stock.adjust', does: 'adjusts stock', needs: null, input: async (w) => ({ productId: w.drill, quantity: -1_000, note: 'Telling' }) },
  // Orders.
  { channel: 'orders.get', does: 'reads an order', needs: null, input: async (w) => ({ id: (await w.confirmedOrder()).id }) },
  { channel: 'orders.list', does: 'lists orders', needs: null, input: async () => ({ startRow: 0, endRow: 50 }) },
  { channel: 'orders.statusCounts', does: 'counts orders per status', needs: null, input: async () => ({}) },
  { channel: 'orders.previewTotals', does: 'prices lines being typed', needs: null, input: async () => ({ lines: [{ quantity: 1_000, unitPriceOre: 100, vatCode: '25' }] }) },
  { channel: 'statuses.list', does: 'lists the statuses', needs: null, input: async () => ({}) },
  { channel: 'orders.create', does: 'enters an order', needs: null, input: async (w) => ({ header: { customerId: w.customer, orderType: 1 }, lines: [{ productId: w.drill, quantity: 1_000 }] }) },
  { channel: 'orders.create', does: 'sells for cash (invoiced as saved)', needs: 'invoice', input: async (w) => ({ header: { customerId: w.privateCustomer, orderType: 3 }, lines: [{ productId: w.bread, quantity: 1_000 }], payment: { method: 'card', receivedOre: 4_600 } }) },
  { channel: 'orders.create', does: 'goes over a credit limit', needs: 'override_credit_limit', input: async (w) => ({ header: { customerId: (await w.limited()).customerId, orderType: 1, statusId: w.status('confirmed') }, lines: [{ productId: w.drill, quantity: 1_000 }], confirm: OVER }) },
  { channel: 'orders.updateHeader', does: 'changes an order’s header', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, header: { notes: 'Ring før levering' } }; } },
  { channel: 'orders.updateHeader', does: 'changes a card payment order', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { id: o.id, version: o.version, header: { notes: 'Bakdør' } }; } },
  { channel: 'orders.updateHeader', does: 'changes the order type', needs: 'change_order_type', input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, header: { orderType: 7 } }; } },
  { channel: 'orders.updateHeader', does: 'moves the order to Fakturert', needs: 'invoice', input: async (w) => { const o = await w.shipped(); return { id: o.id, version: o.version, header: { statusId: w.status('invoiced') } }; } },
  { channel: 'orders.updateHeader', does: 'moves the order over the credit limit', needs: 'override_credit_limit', input: async (w) => { const { order } = await w.limited(); const q = await w.move(order, 'quote'); await w.order(1, 'confirmed', [[w.drill, 1_000]], { header: { customerId: q.customerId, orderType: 1, statusId: w.status('confirmed') }, confirm: OVER }); return { id: q.id, version: q.version, header: { statusId: w.status('confirmed') }, confirm: OVER }; } },
  { channel: 'orders.addLine', does: 'adds a line', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { orderId: o.id, version: o.version, line: { productId: w.service, quantity: 1_000 } }; } },
  { channel: 'orders.addLine', does: 'adds a line to a card payment order', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { orderId: o.id, version: o.version, line: { productId: w.bread, quantity: 1_000 } }; } },
  { channel: 'orders.addLine', does: 'adds a line over the credit limit', needs: 'override_credit_limit', input: async (w) => { const { order } = await w.limited(); return { orderId: order.id, version: order.version, line: { productId: w.service, quantity: 1_000 }, confirm: OVER }; } },
  { channel: 'orders.updateLine', does: 'changes a line', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { orderId: o.id, version: o.version, lineId: o.lines[0]!.id, changes: { quantity: 2_000 } }; } },
  { channel: 'orders.updateLine', does: 'changes a card payment order’s line', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { orderId: o.id, version: o.version, lineId: o.lines[0]!.id, changes: { discountBp: 500 } }; } },
  { channel: 'orders.updateLine', does: 'changes a line over the credit limit', needs: 'override_credit_limit', input: async (w) => { const { order } = await w.limited(); return { orderId: order.id, version: order.version, lineId: order.lines[0]!.id, changes: { quantity: 2_000 }, confirm: OVER }; } },
  { channel: 'orders.removeLine', does: 'removes a line', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { orderId: o.id, version: o.version, lineId: o.lines[0]!.id }; } },
  { channel: 'orders.removeLine', does: 'removes a card payment order’s line', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { orderId: o.id, version: o.version, lineId: o.lines[0]!.id }; } },
  { channel: 'orders.moveLine', does: 'moves a line', needs: null, input: async (w) => { const o = await w.order(1, 'confirmed', [[w.drill, 1_000], [w.service, 1_000]]); return { orderId: o.id, version: o.version, lineId: o.lines[1]!.id, toIndex: 0 }; } },
  { channel: 'orders.moveLine', does: 'moves a card payment order’s line', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { orderId: o.id, version: o.version, lineId: o.lines[0]!.id, toIndex: 0 }; } },
  { channel: 'orders.save', does: 'saves an order', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, header: header(o, { notes: 'Lagret' }), lines: lines(o) }; } },
  { channel: 'orders.save', does: 'saves a card payment order', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { id: o.id, version: o.version, header: header(o), lines: lines(o) }; } },
  { channel: 'orders.save', does: 'saves an order as another type', needs: 'change_order_type', input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, header: header(o, { orderType: 7 }), lines: lines(o) }; } },
  { channel: 'orders.save', does: 'saves an order as a cash sale', needs: 'invoice', has: ['change_order_type'], input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, header: header(o, { orderType: 3 }), lines: lines(o), payment: { method: 'card', receivedOre: 125_000 } }; } },
  { channel: 'orders.save', does: 'saves an order over the credit limit', needs: 'override_credit_limit', input: async (w) => { const { order } = await w.limited(); return { id: order.id, version: order.version, header: header(order), lines: [...lines(order), { productId: w.service, quantity: 1_000 }], confirm: OVER }; } },
  { channel: 'orders.setStatus', does: 'moves an order on', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, statusId: w.status('pack') }; } },
  { channel: 'orders.setStatus', does: 'moves an order to Fakturert', needs: 'invoice', input: async (w) => { const o = await w.shipped(); return { id: o.id, version: o.version, statusId: w.status('invoiced') }; } },
  { channel: 'orders.setStatus', does: 'cancels a card payment order', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { id: o.id, version: o.version, statusId: w.status('cancelled') }; } },
  { channel: 'orders.setStatus', does: 'confirms over the credit limit', needs: 'override_credit_limit', input: async (w) => { const { order } = await w.limited(); const q = await w.move(order, 'quote'); await w.order(1, 'confirmed', [[w.drill, 1_000]], { header: { customerId: q.customerId, orderType: 1, statusId: w.status('confirmed') }, confirm: OVER }); return { id: q.id, version: q.version, statusId: w.status('confirmed'), confirm: OVER }; } },
  { channel: 'orders.changeType', does: 'changes the order type', needs: 'change_order_type', input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, orderType: 7 }; } },
  { channel: 'orders.changeType', does: 'changes a card payment order’s type', needs: 'change_card_orders', has: ['change_order_type'], input: async (w) => { const o = await w.cardOrder(); return { id: o.id, version: o.version, orderType: 1 }; } },
  { channel: 'orders.changeType', does: 'changes an order to a cash sale', needs: 'invoice', has: ['change_order_type'], input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, orderType: 3, payment: { method: 'vipps', receivedOre: 125_000 } }; } },
  { channel: 'orders.changeType', does: 'changes the type over the credit limit', needs: 'override_credit_limit', has: ['change_order_type'], input: async (w) => { const { customerId } = await w.limited(); const o = await w.order(7, 'confirmed', [[w.drill, 1_000]], { header: { customerId, orderType: 7, statusId: w.status('confirmed') } }); return { id: o.id, version: o.version, orderType: 1, confirm: OVER }; } },
  { channel: 'orders.deliver', does: 'delivers', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] }; } },
  { channel: 'orders.invoice', does: 'invoices', needs: 'invoice', input: async (w) => { const o = await w.shipped(); return { id: o.id, version: o.version }; } },
  { channel: 'orders.collectiveInvoice', does: 'invoices collectively', needs: 'invoice', input: async (w) => { await w.shipped(); return { customerId: w.customer }; } },
  { channel: 'orders.convertQuote', does: 'converts a quote', needs: 'change_order_type', input: async (w) => { const q = await w.quote(); return { id: q.id, version: q.version, orderType: 1 }; } },
  { channel: 'orders.convertQuote', does: 'converts a quote to a cash sale', needs: 'invoice', has: ['change_order_type'], input: async (w) => { const q = await w.quote(); return { id: q.id, version: q.version, orderType: 3, payment: { method: 'card', receivedOre: 125_000 } }; } },
  { channel: 'orders.convertQuote', does: 'converts a quote over the credit limit', needs: 'override_credit_limit', has: ['change_order_type'], input: async (w) => { const { customerId } = await w.limited(); const q = await w.order(5, 'quote', [[w.drill, 1_000]], { header: { customerId, orderType: 5, statusId: w.status('quote') } }); return { id: q.id, version: q.version, orderType: 1, confirm: OVER }; } },
  { channel: 'orders.returnLoan', does: 'takes a loan back', needs: null, input: async (w) => { const o = await w.move(await w.confirmedOrder(), 'loan'); return { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] }; } },
  { channel: 'orders.delete', does: 'deletes an order', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version }; } },
  { channel: 'orders.delete', does: 'deletes a card payment order', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { id: o.id, version: o.version }; } },
  { channel: 'orders.setSubscription', does: 'makes an order a subscription', needs: null, input: async (w) => { const o = await w.confirmedOrder(); return { id: o.id, version: o.version, interval: 'monthly', start: null }; } },
  { channel: 'orders.setSubscription', does: 'touches a card payment order’s subscription', needs: 'change_card_orders', input: async (w) => { const o = await w.cardOrder(); return { id: o.id, version: o.version, interval: null, start: null }; } },
  { channel: 'orders.import', does: 'imports a web order', needs: null, input: async (w) => ({ source: 'web', customerId: w.customer, invoiceCustomerId: w.customer, orderType: 6, lines: [{ productId: w.drill, quantity: 1_000 }] }) },
  { channel: 'subscriptions.run', does: 'runs the subscriptions', needs: 'invoice', input: async () => ({}) },
  { channel: 'invoices.list', does: 'lists invoices', needs: null, input: async () => ({}) },
  { channel: 'invoices.get', does: 'reads an invoice', needs: null, input: async (w) => ({ id: await w.invoiceId() }) },
  { channel: 'invoices.credit', does: 'credits an invoice', needs: 'credit', input: async (w) => { const id = await w.invoiceId(); const inv = await w.t.ok('invoices.get', { id }); return { invoiceId: id, lines: [{ invoiceLineId: inv.lines[0]!.id, quantity: 1_000 }], returnToStock: false }; } },
  { channel: 'invoices.credit', does: 'credits a cash sale', needs: 'credit_cash_orders', has: ['credit'], input: async (w) => { const id = await w.cashInvoiceId(); const inv = await w.t.ok('invoices.get', { id }); return { invoiceId: id, lines: [{ invoiceLineId: inv.lines[0]!.id, quantity: 1_000 }], returnToStock: false }; } },
  { channel: 'invoicing.preview', does: 'previews an invoice', needs: 'invoice', input: async (w) => { const o = await w.shipped(); return { kind: 'order', id: o.id, version: o.version }; } },
  { channel: 'invoicing.preview', does: 'previews a credit note', needs: 'credit', input: async (w) => { const id = await w.invoiceId(); const inv = await w.t.ok('invoices.get', { id }); return { kind: 'credit', invoiceId: id, lines: [{ invoiceLineId: inv.lines[0]!.id, quantity: 1_000 }], returnToStock: false }; } },
  { channel: 'invoicing.preview', does: 'previews crediting a cash sale', needs: 'credit_cash_orders', has: ['credit'], input: async (w) => { const id = await w.cashInvoiceId(); const inv = await w.t.ok('invoices.get', { id }); return { kind: 'credit', invoiceId: id, lines: [{ invoiceLineId: inv.lines[0]!.id, quantity: 1_000 }], returnToStock: false }; } },
  { channel: 'orders.story', does: 'reads what became of an order', needs: null, input: async (w) => ({ id: (await w.confirmedOrder()).id }) },
  { channel: 'orders.copy', does: 'copies an order', needs: null, input: async (w) => ({ id: (await w.confirmedOrder()).id }) },
  { channel: 'jobs.list', does: 'lists jobs', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'jobs.add', does: 'adds a job', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, title: 'Montering' }) },
  { channel: 'jobs.start', does: 'starts a job', needs: null, input: async (w) => ({ jobId: (await w.t.ok('jobs.add', { orderId: (await w.confirmedOrder()).id, title: 'Rigg' })).id }) },
  { channel: 'jobs.complete', does: 'completes a job', needs: null, input: async (w) => { const job = await w.t.ok('jobs.add', { orderId: (await w.confirmedOrder()).id, title: 'Rydd' }); await w.t.ok('jobs.start', { jobId: job.id }); return { jobId: job.id }; } },
  { channel: 'activity.list', does: 'reads the activity log', needs: null, input: async (w) => ({ entity: 'order', entityId: (await w.confirmedOrder()).id }) },
  // Documents.
  { channel: 'documents.render', does: 'prints an order confirmation', needs: null, input: async (w) => ({ kind: 'order_confirmation', orderId: (await w.confirmedOrder()).id, language: 'nb' }) },
  { channel: 'documents.renderPickingLists', does: 'prints picking lists', needs: null, input: async (w) => ({ orderIds: [(await w.confirmedOrder()).id], language: 'nb' }) },
  { channel: 'documents.list', does: 'lists an order’s documents', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'documents.get', does: 'reads an archived document', needs: null, input: async (w) => ({ id: (await w.t.ok('documents.render', { kind: 'order_confirmation', orderId: (await w.confirmedOrder()).id, language: 'nb' })).document.id }) },
  { channel: 'documents.availability', does: 'tells what can be printed', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'documents.printDefaults', does: 'tells the print dialog where to start', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'documents.combine', does: 'puts archived documents in one PDF', needs: null, input: async (w) => ({ documentIds: [(await w.t.ok('documents.render', { kind: 'order_confirmation', orderId: (await w.confirmedOrder()).id, language: 'nb' })).document.id] }) },
  // Purchasing.
  { channel: 'purchase.create', does: 'enters a purchase order', needs: null, input: async (w) => ({ header: { supplierId: w.supplier, orderType: 1 }, lines: [{ productId: w.screw, quantity: 10_000 }] }) },
  { channel: 'purchase.get', does: 'reads a purchase order', needs: null, input: async (w) => ({ id: (await w.po([[w.screw, 10_000]])).id }) },
  { channel: 'purchase.list', does: 'lists purchase orders', needs: null, input: async () => ({}) },
  { channel: 'purchase.save', does: 'saves a purchase order', needs: null, input: async (w) => { const po = await w.po([[w.screw, 10_000]]); return { id: po.id, version: po.version, header: { supplierId: w.supplier, orderType: 1, notes: 'Haster' }, lines: po.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })) }; } },
  { channel: 'purchase.save', does: 'saves a purchase order as another type', needs: 'change_order_type', input: async (w) => { const po = await w.po([[w.screw, 10_000]]); return { id: po.id, version: po.version, header: { supplierId: w.supplier, orderType: 5 }, lines: po.lines.map((l) => ({ id: l.id, productId: l.productId, quantity: l.quantity })) }; } },
  { channel: 'purchase.reply', does: 'registers the supplier’s reply', needs: null, input: async (w) => { const po = await w.po([[w.screw, 10_000]]); return { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, action: 'accept' }] }; } },
  { channel: 'purchase.dispatch', does: 'registers a dispatch', needs: null, input: async (w) => { await w.t.ok('company.save', { ...COMPANY, purchaseReply: false, purchaseDispatch: true }); const po = await w.po([[w.screw, 10_000]]); return { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, quantity: 10_000 }] }; } },
  { channel: 'purchase.receive', does: 'receives goods', needs: null, input: async (w) => { await w.t.ok('company.save', { ...COMPANY, purchaseReply: false, purchaseDispatch: false }); const po = await w.po([[w.screw, 10_000]]); return { id: po.id, version: po.version, lines: [{ lineId: po.lines[0]!.id, quantity: 10_000 }] }; } },
  { channel: 'purchase.lineByEan', does: 'finds a line by EAN', needs: null, input: async (w) => { await w.t.ok('company.save', { ...COMPANY, purchaseReply: false, purchaseDispatch: false }); const po = await w.po([[w.screw, 10_000]]); return { id: po.id, ean: '7038010009457' }; } },
  { channel: 'purchase.matchInvoice', does: 'matches a supplier invoice', needs: null, input: async (w) => { await w.t.ok('company.save', { ...COMPANY, purchaseReply: false, purchaseDispatch: false, purchaseReception: false }); const po = await w.po([[w.screw, 10_000, 3_000]]); return { id: po.id, version: po.version, invoiceNumber: 'F-1', invoiceDate: '2025-01-05', lines: [{ lineId: po.lines[0]!.id, quantity: 10_000, unitPriceOre: 3_000 }] }; } },
  { channel: 'purchase.cancel', does: 'cancels a purchase order', needs: null, input: async (w) => { const po = await w.po([[w.screw, 10_000]]); return { id: po.id, version: po.version }; } },
  { channel: 'purchase.amend', does: 'amends a purchase order', needs: null, input: async (w) => { const po = await w.po([[w.screw, 10_000]]); return { id: po.id, version: po.version }; } },
  { channel: 'purchase.suggestions', does: 'suggests purchases', needs: null, input: async () => ({}) },
  { channel: 'purchase.createFromSuggestions', does: 'orders from the suggestions', needs: null, input: async (w) => ({ items: [{ productId: w.screw, quantity: 5_000 }] }) },
  // ---- bank files (issue 11) ----
  { channel: 'bank.import', does: 'imports a bank file', needs: 'invoice', input: async () => ({ fileName: 'OCR.txt', content: bankFile() }) },
  { channel: 'bank.imports', does: 'lists imported bank files', needs: null, input: async () => ({}) },
  { channel: 'bank.transactions', does: 'lists bank transactions waiting', needs: null, input: async () => ({ state: 'unmatched' }) },
  { channel: 'bank.match', does: 'matches a bank transaction by hand', needs: 'invoice', input: async (w) => ({ transactionId: await waitingTransaction(w), invoiceId: await w.invoiceId() }) },
  { channel: 'bank.toCredit', does: 'puts a bank transaction to credit', needs: 'invoice', input: async (w) => ({ transactionId: await waitingTransaction(w), customerId: w.customer }) },
  // ---- reminders and void (issue 11) ----
  { channel: 'reminders.candidates', does: 'lists who may be reminded', needs: null, input: async () => ({}) },
  { channel: 'reminders.send', does: 'sends reminders', needs: 'invoice', input: async (w) => ({ customerIds: [w.customer] }) },
  { channel: 'reminders.list', does: 'lists reminders', needs: null, input: async (w) => ({ customerId: w.customer }) },
  { channel: 'invoices.void', does: 'voids a spoiled invoice', needs: 'credit', input: async (w) => ({ invoiceId: await w.invoiceId(), reason: 'Skrevet ut feil' }) },
  { channel: 'purchase.createFromSuggestions', does: 'orders from the suggestions', needs: null, input: async (w) => ({ items: [{ productId: w.screw, quantity: 5_000 }] }) },  // Accounting (issue 11).
  { channel: 'accounting.mapping', does: 'reads the account mapping', needs: null, input: async () => ({}) },
  { channel: 'accounting.saveMapping', does: 'changes the account mapping', needs: 'administer', input: async () => ({ rows: [{ key: 'bank', account: '1920', accountName: 'Bankinnskudd' }] }) },
  { channel: 'accounting.batches', does: 'lists accounting batches', needs: null, input: async () => ({}) },
  { channel: 'accounting.batch', does: 'reads a batch with its vouchers', needs: null, input: async (w) => { await w.cashInvoiceId(); return { id: (await w.t.ok('accounting.batches', {})).rows[0]!.id }; } },
  { channel: 'accounting.post', does: 'posts a cash sale by hand', needs: 'invoice', input: async (w) => { await w.cashInvoiceId(); return { batchIds: [(await w.t.ok('accounting.batches', {})).rows[0]!.id] }; } },
  { channel: 'accounting.trialBalance', does: 'reads the trial balance', needs: null, input: async () => ({ from: '2025-01-01', to: '2025-12-31' }) },
  { channel: 'accounting.export', does: 'exports a period for the accountant', needs: 'administer', input: async () => ({ from: '2025-01-01', to: '2025-12-31', format: 'csv' }) },
  { channel: 'accounting.exports', does: 'lists the exports', needs: null, input: async () => ({}) },
  // ---- ledger (issue 11) ----
  { channel: 'invoices.page', does: 'lists invoices by state', needs: null, input: async () => ({ startRow: 0, endRow: 50, tab: 'unpaid' }) },
  { channel: 'invoices.tabCounts', does: 'counts invoices per tab', needs: null, input: async () => ({}) },
  { channel: 'invoices.detail', does: 'reads an invoice with its payments', needs: null, input: async (w) => ({ invoiceId: await w.invoiceId() }) },
  { channel: 'payments.register', does: 'registers a payment', needs: 'invoice', input: async (w) => ({ invoiceId: await w.invoiceId(), amountOre: 10_000, paidOn: '2025-01-05', method: 'bank' }) },
  { channel: 'payments.useCredit', does: "uses the customer's credit", needs: 'invoice', input: async (w) => { await w.t.ok('payments.register', { invoiceId: await w.invoiceId(), amountOre: 200_000, paidOn: '2025-01-05', method: 'bank' }); return { invoiceId: await w.invoiceId(), amountOre: 100 }; } },
  { channel: 'payments.refundCredit', does: "pays the customer's credit back", needs: 'invoice', input: async (w) => { await w.t.ok('payments.register', { invoiceId: await w.invoiceId(), amountOre: 200_000, paidOn: '2025-01-05', method: 'bank' }); return { customerId: w.customer, amountOre: 100, paidOn: '2025-01-05' }; } },
  { channel: 'ledger.customer', does: "reads a customer's open items", needs: null, input: async (w) => ({ customerId: w.customer }) },
  { channel: 'ledger.aging', does: 'reads the aging of every customer', needs: null, input: async () => ({}) },
  // ---- people (issue 12) ----
  { channel: 'employees.list', does: 'lists employees', needs: null, input: async () => ({}) },
  { channel: 'employees.get', does: 'reads an employee', needs: null, input: async (w) => ({ id: await w.employeeId() }) },
  { channel: 'employees.update', does: 'changes an employee', needs: 'administer', input: async (w) => { const e = await w.t.ok('employees.get', { id: await w.employeeId() }); return { id: e.id, version: e.version, name: e.name, initials: e.initials, phone: '22 33 44 55' }; } },
  { channel: 'employees.create', does: 'adds an employee', needs: 'administer', input: async () => ({ name: `Ansatt ${++employeeSeq}`, initials: `A${'BCDEFGHIJKLMNOPQRSTUVWXYZ'[employeeSeq % 25]}${'BCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(employeeSeq / 25) % 25]}` }) },
  { channel: 'projects.list', does: 'lists projects', needs: null, input: async (w) => ({ customerId: w.customer, search: 'lager' }) },
  { channel: 'projects.get', does: 'reads a project with its figures', needs: null, input: async (w) => ({ id: (await w.t.ok('projects.create', { name: 'Lager Sandsli' })).id }) },
  { channel: 'projects.create', does: 'adds a project', needs: null, input: async (w) => ({ name: 'Nytt lager', customerId: w.customer }) },
  { channel: 'projects.update', does: 'changes a project', needs: null, input: async (w) => { const p = await w.t.ok('projects.create', { name: 'Gammelt navn' }); return { id: p.id, version: p.version, name: 'Nytt navn', status: 'completed' }; } },
  { channel: 'projects.lookup', does: "finds a project for an order's header", needs: null, input: async () => ({ query: '100' }) },
  // ---- activity (issue 12) ----
  { channel: 'comments.list', does: "reads an order's comments", needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'comments.add', does: 'comments on an order', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, text: 'Kunden ringer tilbake i morgen.' }) },
  { channel: 'tasks.list', does: "reads an order's tasks", needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'tasks.mine', does: 'reads Mine oppgaver', needs: null, input: async () => ({ includeDone: true }) },
  { channel: 'tasks.add', does: 'gives a task on an order to a colleague', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, title: 'Ring kunden', assigneeUserId: await userId(w, 'sjef'), dueDate: '2025-01-10' }) },
  { channel: 'tasks.update', does: 'marks a task done', needs: null, input: async (w) => { const t = await w.t.ok('tasks.add', { orderId: (await w.confirmedOrder()).id, title: 'Pakk varene', assigneeUserId: null }); return { id: t.id, version: t.version, done: true }; } },
  { channel: 'notes.list', does: "reads one's own reminders", needs: null, input: async () => ({ includeDone: true }) },
  { channel: 'notes.add', does: 'adds a reminder for oneself', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, date: '2025-01-10', text: 'Følg opp betaling' }) },
  { channel: 'notes.update', does: "marks one's own reminder done", needs: null, input: async (w) => { const n = await w.t.ok('notes.add', { orderId: (await w.confirmedOrder()).id, date: '2025-01-10', text: 'Sjekk lageret', forUserId: await userId(w, 'uten') }); return { id: n.id, version: n.version, done: true }; } },
  { channel: 'follow.get', does: "reads an order's followers", needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'follow.set', does: 'follows an order', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, following: true }) },
  { channel: 'notifications.list', does: "reads one's notifications", needs: null, input: async () => ({ unreadOnly: true, limit: 20 }) },
  { channel: 'notifications.count', does: "reads the bell's number", needs: null, input: async () => ({}) },
  { channel: 'notifications.markRead', does: 'marks notifications read', needs: null, input: async () => ({ ids: [1, 2] }) },
  { channel: 'notifications.markAllRead', does: 'marks every notification read', needs: null, input: async () => ({}) },
  // ---- files (issue 12) ----
  { channel: 'files.list', does: "lists an order's files", needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'files.attach', does: 'attaches a file to an order', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, name: 'tegning.txt', mime: 'text/plain', dataBase64: 'SGVp' }) },
  { channel: 'files.get', does: 'opens a file', needs: null, input: async (w) => ({ id: (await attached(w)).id }) },
  { channel: 'files.remove', does: 'removes a file', needs: null, input: async (w) => ({ id: (await attached(w)).id }) },
  { channel: 'relations.list', does: "lists an order's links", needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id }) },
  { channel: 'relations.find', does: 'finds records to link to', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, query: String((await w.po([[w.screw, 1_000]])).number) }) },
  { channel: 'relations.add', does: 'links an order to a purchase order', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, to: { kind: 'order', id: (await w.po([[w.screw, 1_000]])).id } }) },
  { channel: 'relations.remove', does: 'removes a link', needs: null, input: async (w) => ({ id: (await w.t.ok('relations.add', { orderId: (await w.confirmedOrder()).id, to: { kind: 'order', id: (await w.po([[w.screw, 1_000]])).id } })).id! }) },
  // ---- custom fields (issue 12) ----
  { channel: 'customFields.list', does: 'reads the custom field definitions', needs: null, input: async () => ({ entity: 'order' }) },
  { channel: 'customFields.save', does: 'defines a custom field', needs: 'administer', input: async () => ({ entity: 'order', type: 'date', labelNb: 'Montasjedato' }) },
  { channel: 'customFields.reorder', does: 'orders the custom fields', needs: 'administer', input: async (w) => { await w.t.ok('customFields.save', { entity: 'customer', type: 'text', labelNb: 'Bransje' }); const all = await w.t.ok('customFields.list', { entity: 'customer', includeInactive: true }); return { entity: 'customer', ids: all.map((f) => f.id).reverse() }; } },
  { channel: 'customFields.deactivate', does: 'takes a custom field out of use', needs: 'administer', input: async (w) => { const f = await w.t.ok('customFields.save', { entity: 'product', type: 'text', labelNb: 'Hylleplass' }); return { id: f.id, version: f.version }; } },
  // ---- status flow editor (issue 13) ----
  { channel: 'statusFlow.get', does: 'reads the flow with its order counts', needs: 'administer', input: async () => ({}) },
  { channel: 'statusFlow.update', does: 'renames and colours a status', needs: 'administer', input: async (w) => ({ id: await statusId(w, 'confirmed'), labelNb: 'Bekreftet', labelEn: 'Confirmed', hidden: false, colour: '#1f6feb' }) },
  { channel: 'statusFlow.add', does: 'adds a status of a kind', needs: 'administer', input: async () => ({ kind: 'pack', labelNb: 'Plukkes', labelEn: 'Picking' }) },
  { channel: 'statusFlow.reorder', does: 'orders the statuses', needs: 'administer', input: async (w) => ({ ids: (await w.t.ok('statuses.list', {})).map((s) => s.id).reverse() }) },
  { channel: 'statusFlow.preview', does: 'previews a preset switch', needs: 'administer', input: async (w) => ({ preset: await otherPreset(w) }) },
  { channel: 'statusFlow.apply', does: 'switches preset, moving the orders', needs: 'administer', input: async (w) => ({ preset: await otherPreset(w) }) },
  // ---- jobs (issue 12) ----
  { channel: 'jobs.addRepeating', does: 'adds a repeating job', needs: null, input: async (w) => ({ orderId: (await w.confirmedOrder()).id, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'weekly', weekdays: [1] } }) },
  { channel: 'jobs.update', does: 'changes a job', needs: null, input: async (w) => { const job = await w.t.ok('jobs.add', { orderId: (await w.confirmedOrder()).id, title: 'Rigg' }); return { jobId: job.id, title: 'Rigg', employeeId: await w.employeeId(), plannedDate: '2025-01-09', durationMinutes: 90 }; } },
  { channel: 'jobs.generate', does: 'makes the jobs repeating jobs are due', needs: null, input: async () => ({}) },
  { channel: 'jobs.endSchedule', does: 'ends a repeating job', needs: null, input: async (w) => { const { schedule } = await w.t.ok('jobs.addRepeating', { orderId: (await w.confirmedOrder()).id, title: 'Service', startDate: '2025-01-06', repeat: { kind: 'days', everyDays: 7 } }); return { scheduleId: schedule.id, endDate: '2025-01-31' }; } },
  // ---- export (issue 13): as the lists it exports, no right beyond being logged in ----
  { channel: 'export.list', does: 'exports the order list as filtered', needs: null, input: async () => ({ list: 'orders', format: 'xlsx', filterModel: { totalNetOre: { filterType: 'number', type: 'greaterThan', filter: 0 } } }) },
  // ---- number series (issue 13) ----
  { channel: 'numberSeries.list', does: 'reads the number series', needs: 'administer', input: async () => ({}) },
  { channel: 'numberSeries.save', does: 'sets the next supplier number', needs: 'administer', input: async () => ({ series: 'supplier', nextNumber: 30001 }) },
  // Backup (issue 13). The administrator's restore is shown by a backup that is refused for what it is, not for a right:
  // a restore that went through would log every session out of the table's engine (test/engine/backup.test.ts restores).
  { channel: 'backup.status', does: 'reads when the last backup was taken', needs: null, input: async () => ({}) },
  { channel: 'backup.saveSettings', does: 'sets the backup folder', needs: 'administer', input: async () => ({ folder: null, keepAutomatic: 7 }) },
  { channel: 'backup.create', does: 'takes a backup', needs: 'administer', input: async () => ({}) },
  { channel: 'backup.inspect', does: 'checks a backup before a restore', needs: 'administer', input: async (w) => ({ file: (await w.t.ok('backup.create', {})).file }) },
  { channel: 'backup.restore', does: 'restores a backup', needs: 'administer', input: async (w) => ({ file: notACompanyFile(w) }) },
  { channel: 'backup.check', does: 'checks the database', needs: 'administer', input: async () => ({}) },
  // ---- import (issue 13): as creating the records does; a credit limit as setting one does ----
  { channel: 'import.preview', does: 'checks a customer file', needs: null, input: async () => importFile('Navn;Poststed\r\nKari Import;Bergen\r\n') },
  { channel: 'import.preview', does: 'checks a customer file with credit limits', needs: 'override_credit_limit', input: async () => importFile('Navn;Kredittgrense\r\nKari Kreditt;5 000,00\r\n') },
  { channel: 'import.commit', does: 'imports a customer file', needs: null, input: async () => ({ ...importFile('Navn;Poststed\r\nOla Import;Bergen\r\n'), mapping: { name: 'Navn', city: 'Poststed' } }) },
  { channel: 'import.commit', does: 'imports a customer file with credit limits', needs: 'override_credit_limit', input: async () => ({ ...importFile('Navn;Kredittgrense\r\nOla Kreditt;5 000,00\r\n'), mapping: { name: 'Navn', creditLimitOre: 'Kredittgrense' } }) },
];

/** A file beside the company file that is not a company file (backup.restore refuses it after the rights). */
function notACompanyFile(w: World): string {
  const file = join(w.t.dir, 'ikke-en-sikkerhetskopi.ordrebok');
  writeFileSync(file, 'ikke en database\n'.repeat(20));
  return file;
}
/** A preset other than the company's (issue 13: switching to the one in force is refused). */
async function otherPreset(w: World): Promise<string> {
  return (await w.t.ok('company.get', {}))!.statusPreset === 'simple' ? 'field_service' : 'simple';
}

/** The first status of a kind (issue 13). */
async function statusId(w: World, kind: string): Promise<number> {
  return (await w.t.ok('statuses.list', {})).find((s) => s.kind === kind)!.id;
}

/** A customer CSV file as the import channels take it. */
const importFile = (text: string) => ({ kind: 'customers', fileName: 'kunder.csv', dataBase64: Buffer.from(text, 'utf8').toString('base64') });

/** A user's id, looked up by the administrator. */
async function userId(w: World, username: string): Promise<number> {
  return (await w.t.ok('users.list', {})).find((u) => u.username === username)!.id;
}

/** A small file on a new order, attached by the administrator. */
async function attached(w: World) {
  return w.t.ok('files.attach', { orderId: (await w.confirmedOrder()).id, name: 'notat.txt', mime: 'text/plain', dataBase64: 'SGVp' });
}

let bankFiles = 0;
let employeeSeq = 0;
/** A new OCR file each time (its own transmission and archive reference), with one payment without KID. */
function bankFile(): string {
  bankFiles++;
  return ocrFile([{ number: bankFiles, payments: [{ kid: null, amountOre: 10_000, date: '2025-01-03', archiveRef: String(700_000 + bankFiles) }] }], { transmission: bankFiles });
}
/** A bank transaction waiting for a clerk, imported as the administrator. */
async function waitingTransaction(w: World): Promise<number> {
  return (await w.t.ok('bank.import', { fileName: 'OCR.txt', content: bankFile() })).transactions[0]!.id;
}

/** Rights each channel is declared to reach: its own right and its guarded actions' rights. */
function declaredRights(channel: ChannelName): Set<Right> {
  const access = channels[channel].access;
  const rights = new Set<Right>(access.guards?.map((a) => GUARDED_ACTIONS[a]) ?? []);
  if (access.right) rights.add(access.right);
  return rights;
}

const OPEN = new Set<ChannelName>(['system.bootstrap', 'auth.status', 'auth.login', 'auth.logout', 'company.get']);

describe('rights are declared per channel, and every channel of the catalog keeps them', () => {
  it('every channel has an entry in the table, and every declared right is exercised by one', () => {
    const tabled = new Set(CASES.map((c) => c.channel));
    expect(CHANNEL_NAMES.filter((c) => !tabled.has(c)), 'channels without an entry in the rights table').toEqual([]);
    for (const channel of CHANNEL_NAMES) {
      const exercised = new Set(CASES.filter((c) => c.channel === channel && c.needs).map((c) => c.needs!));
      expect([...exercised].sort(), `${channel}: rights in the table`).toEqual([...declaredRights(channel)].sort());
    }
    expect(CHANNEL_NAMES.filter((c) => channels[c].access.open).sort()).toEqual([...OPEN].sort());
  });

  let w: World;
  const sessions = new Map<string, string>();
  beforeAll(async () => {
    w = await world();
    // The first user made on an open workstation stays logged in on it: the administrator who sets up the rest.
    const all = await w.t.ok('groups.save', { name: 'Alle rettigheter', rights: ['invoice', 'credit', 'credit_cash_orders', 'change_card_orders', 'change_order_type', 'override_credit_limit', 'administer'] });
    await w.t.ok('users.save', { username: 'sjef', name: 'Sjef', groupId: all.id, pin: '1111' });
    const none = await w.t.ok('groups.save', { name: 'Uten rettigheter', rights: [] });
    await w.t.ok('users.save', { username: 'uten', name: 'Uten Rettigheter', groupId: none.id, pin: '2222' });
  }, 60_000);
  afterAll(() => w?.t.close());

  /** A logged-in session whose user has exactly these rights. */
  async function sessionWith(rights: readonly Right[]): Promise<string> {
    const key = [...rights].sort().join('+') || 'none';
    let session = sessions.get(key);
    if (!session) {
      session = `user-${sessions.size}`;
      const username = key === 'none' ? 'uten' : `u${sessions.size}`;
      if (key !== 'none') {
        const g = await w.t.ok('groups.save', { name: `Gruppe ${key}`, rights });
        await w.t.ok('users.save', { username, name: `Bruker ${key}`, groupId: g.id, pin: '3333' });
      }
      const r = await w.t.engine.call('auth.login', { username, pin: key === 'none' ? '2222' : '3333' }, { sessionKey: session });
      expect(r.ok).toBe(true);
      sessions.set(key, session);
    }
    return session;
  }

  for (const c of CASES) {
    const who = c.has?.length ? `with only ${c.has.join(', ')}` : 'without rights';
    const name = c.needs ? `${c.channel} (${c.does}): refused ${who}, for "${c.needs}"` : `${c.channel} (${c.does}): goes through ${who}`;
    it(name, async () => {
      const input = await c.input(w);
      // Nobody logged in: only the login screen's own channels answer.
      const anonymous = await w.t.engine.call(c.channel, input, { sessionKey: `anonymous-${c.channel}` });
      if (!OPEN.has(c.channel)) expect(anonymous.ok ? 'ok' : anonymous.error.code).toBe('login_required');

      const session = await sessionWith(c.has ?? []);
      const before = w.t.engine.fingerprint();
      const r = await w.t.engine.call(c.channel, input, { sessionKey: session });
      if (c.needs) {
        expect(r.ok ? 'ok' : r.error, `${c.channel} must be refused for the right`).toMatchObject({ code: 'missing_right', params: { right: c.needs } });
        expect(w.t.engine.fingerprint(), 'a refusal for a right changes nothing').toEqual(before);
        // With every right, the same call gets past the rights (the input is a real path).
        const admin = await w.t.engine.call(c.channel, input);
        if (!admin.ok) expect(admin.error.code, `${c.channel} as administrator`).not.toBe('missing_right');
        if (c.channel === 'backup.restore') expect(admin.ok ? 'ok' : admin.error.code).toBe('backup_not_company_file');
        else if (c.channel !== 'system.createDemo') expect(admin.ok ? 'ok' : admin.error, `${c.channel} as administrator`).toBe('ok');
      } else {
        expect(r.ok ? 'ok' : r.error, `${c.channel} needs no right`).toBe('ok');
      }
      if (c.channel === 'auth.logout') sessions.clear();
    });
  }
});
