// Valid payloads for every channel of the catalog, built from the channel's own
// zod schema and filled from what exists: ids by the field's name (an order's
// lines and version, an invoice's lines, a customer's contacts and delivery
// addresses, jobs, statuses, products, users and groups), quantities from what a
// line has left to deliver, receive, invoice or credit. A handful of channels
// whose payload must hang together get their own builder. New channels are
// covered by the schema walk without any change here.
import type { z } from 'zod';
import { channels, type ChannelName } from '../../shared/catalog';
import { DOCUMENT_KIND_KEYS } from '../../shared/channels/documents';
import { NUMBER_SERIES_KEYS } from '../../shared/channels/numberSeries';
import { RIGHT_KEYS } from '../../shared/enums';
import { INVOICE_LIST_COLUMN_IDS } from '../../src-main/engine/repos/invoiceList';
import { ORDER_LIST_COLUMN_IDS } from '../../src-main/engine/repos/orderList';
import { ADMIN, BANK_ACCOUNTS, EANS, NO_RIGHTS, ORG_NUMBERS, TINY_PNG, type InvoiceRef, type LineRef, type OrderRef, type PartyRef, type State } from './fuzz-world';
import { UNICODE, WORDS, type Rnd } from './fuzz-random';

/** What a round knows beyond the database: the PINs it gave, and which users and groups are the harness's own. */
export interface Known {
  readonly pins: Map<string, string>;
  readonly harnessUsers: Set<number>;
  readonly harnessGroups: Set<number>;
  readonly today: () => string;
}

interface Focus {
  order?: OrderRef | undefined;
  purchase?: OrderRef | undefined;
  invoice?: InvoiceRef | undefined;
  customer?: PartyRef | undefined;
  supplier?: PartyRef | undefined;
  line?: LineRef | undefined;
  invoiceLine?: InvoiceRef['lines'][number] | undefined;
}

interface Ctx {
  readonly r: Rnd;
  readonly st: State;
  readonly known: Known;
  readonly channel: ChannelName;
  readonly focus: Focus;
}

type Schema = z.ZodType;
interface Def {
  readonly type: string;
  readonly [k: string]: unknown;
}
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

interface Bounds {
  min: number;
  max: number;
  int: boolean;
  minLength: number;
  maxLength: number;
  patterns: RegExp[];
  format: string | null;
  custom: boolean;
}
function bounds(s: Schema): Bounds {
  const b: Bounds = { min: -Infinity, max: Infinity, int: false, minLength: 0, maxLength: Infinity, patterns: [], format: null, custom: false };
  for (const c of (defOf(s).checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []) {
    const d = c._zod.def;
    switch (d.check) {
      case 'greater_than':
        b.min = Math.max(b.min, (d.value as number) + (d.inclusive ? 0 : 1));
        break;
      case 'less_than':
        b.max = Math.min(b.max, (d.value as number) - (d.inclusive ? 0 : 1));
        break;
      case 'number_format':
        b.int = b.int || String(d.format).includes('int');
        break;
      case 'min_length':
        b.minLength = Math.max(b.minLength, d.minimum as number);
        break;
      case 'max_length':
        b.maxLength = Math.min(b.maxLength, d.maximum as number);
        break;
      case 'length_equals':
        b.minLength = b.maxLength = d.length as number;
        break;
      case 'string_format':
        if (d.format === 'regex' && d.pattern instanceof RegExp) b.patterns.push(d.pattern);
        else b.format = String(d.format);
        break;
      case 'custom':
        b.custom = true;
        break;
    }
  }
  return b;
}

// ---- Picking what exists -------------------------------------------------------------

function prefer<T>(c: Ctx, xs: readonly T[], pred: (x: T) => boolean): T | undefined {
  if (xs.length === 0) return undefined;
  const good = xs.filter(pred);
  return good.length > 0 && c.r.chance(0.75) ? c.r.pick(good) : c.r.pick(xs);
}

const OPEN = ['draft', 'quote', 'accepted', 'web', 'confirmed', 'production', 'job_started', 'job_completed', 'pack', 'rest', 'ready_to_invoice'];
/** Orders a clerk still works on: open ones, and those out on loan or running as a subscription. */
const WORKED_ON = [...OPEN, 'loan', 'subscription'];
const remaining = (l: LineRef) => l.quantity - l.delivered;
const eligibleForCollective = (o: OrderRef) => o.kind === 'shipped' || (o.lines.some((l) => l.delivered > l.invoiced) && !['invoiced', 'paid', 'cancelled'].includes(o.kind));

/** Which orders a channel would sensibly act on. */
function orderWish(channel: ChannelName): (o: OrderRef) => boolean {
  switch (channel) {
    case 'orders.deliver':
    case 'documents.renderPickingLists':
      return (o) => [1, 7, 9].includes(o.type) && OPEN.includes(o.kind) && o.lines.some((l) => remaining(l) > 0);
    case 'documents.render':
      return (o) => o.type === 1;
    case 'orders.invoice':
      return (o) => o.type === 2 || o.lines.some((l) => l.delivered > l.invoiced);
    case 'orders.returnLoan':
      return (o) => o.lines.some((l) => l.onLoan > 0);
    case 'orders.convertQuote':
      return (o) => o.type === 5;
    case 'orders.collectiveInvoice':
      return eligibleForCollective;
    default:
      return (o) => WORKED_ON.includes(o.kind);
  }
}
function purchaseWish(channel: ChannelName): (o: OrderRef) => boolean {
  switch (channel) {
    case 'purchase.reply':
      return (o) => o.lines.some((l) => l.reply === null);
    case 'purchase.dispatch':
    case 'purchase.receive':
      return (o) => o.lines.some((l) => l.reply !== null && l.received < expected(l));
    case 'purchase.matchInvoice':
      return (o) => o.lines.some((l) => l.received > l.invoiced);
    default:
      return () => true;
  }
}
const expected = (l: LineRef) => (l.reply === null ? l.quantity : l.confirmed);

function order(c: Ctx): OrderRef | undefined {
  if (!('order' in c.focus)) c.focus.order = prefer(c, c.st.orders, orderWish(c.channel));
  return c.focus.order;
}
function purchase(c: Ctx): OrderRef | undefined {
  if (!('purchase' in c.focus)) c.focus.purchase = prefer(c, c.st.purchases, purchaseWish(c.channel));
  return c.focus.purchase;
}
/** The order a channel's ids and versions are about: a purchase order on purchase.*, a sales order otherwise. */
function subject(c: Ctx): OrderRef | undefined {
  return c.channel.startsWith('purchase.') ? purchase(c) : order(c);
}
function invoice(c: Ctx): InvoiceRef | undefined {
  if (!('invoice' in c.focus)) c.focus.invoice = prefer(c, c.st.invoices, (i) => i.kind === 'invoice' && i.lines.some((l) => l.credited < l.quantity));
  return c.focus.invoice;
}
function customer(c: Ctx): PartyRef | undefined {
  if (!('customer' in c.focus)) {
    const o = c.focus.order;
    c.focus.customer = o && c.r.chance(0.7) ? c.st.customers.find((p) => p.id === o.partyId) : prefer(c, c.st.customers, (p) => p.contacts.length + p.addresses.length > 0);
  }
  return c.focus.customer;
}
function supplier(c: Ctx): PartyRef | undefined {
  if (!('supplier' in c.focus)) c.focus.supplier = c.r.pickOr(c.st.suppliers, undefined);
  return c.focus.supplier;
}
const unknownId = (c: Ctx) => c.r.pick([999_999, 424_242, 1, 2, 3]);
const idOr = (c: Ctx, x: { id: number } | number | undefined): number => (x === undefined ? unknownId(c) : typeof x === 'number' ? x : x.id);

/** The columns of the list the channel pages: the invoice list's, or the order list's. */
const listColumns = (c: Ctx): readonly string[] => (c.channel.startsWith('invoices.') ? INVOICE_LIST_COLUMN_IDS : ORDER_LIST_COLUMN_IDS);

function today(c: Ctx): string {
  return c.known.today();
}
function dateNear(c: Ctx): string {
  const d = new Date(`${today(c)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + c.r.int(-40, 60));
  return d.toISOString().slice(0, 10);
}
/** A small CSV file for the import channels: a few rows, names from the fuzz words, an org. number or a price now and then wrong. */
function importFile(c: Ctx): { kind: 'customers' | 'suppliers' | 'products'; fileName: string; dataBase64: string } {
  const kind = c.r.pick(['customers', 'suppliers', 'products'] as const);
  const rows = Array.from({ length: c.r.int(1, 4) }, () =>
    kind === 'products'
      ? [`F-${c.r.int(1, 999_999)}`, words(c, 40), c.r.pick(['12,50', '1 234,00', '99', 'tolv']), c.r.pick(['5,00', '', '7.25']), c.r.pick(['', '3', '1,5'])]
      : [words(c, 40), c.r.chance(0.5) ? c.r.pick(ORG_NUMBERS) : c.r.pick(['', '123456789']), c.r.pick(['Bergen', 'Ålesund', ''])],
  );
  const header = kind === 'products' ? ['Varenr.', 'Varenavn', 'Pris', 'Kostpris', 'Beholdning'] : ['Navn', 'Org.nr.', 'Poststed'];
  const text = [header, ...rows].map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(';')).join('\r\n');
  return { kind, fileName: c.r.pick(['import.csv', 'Kunder æøå.csv']), dataBase64: Buffer.from(text, 'utf8').toString('base64') };
}

function words(c: Ctx, max: number): string {
  const s = c.r.chance(0.85) ? c.r.pick(WORDS) : c.r.chance(0.5) ? c.r.pick(UNICODE) : c.r.graphemes();
  return [...s].slice(0, Math.max(0, max)).join('');
}

// ---- Leaves by field name ---------------------------------------------------------------

/** An id field by its name (and where it sits); undefined: not an id this table knows. */
function idByName(c: Ctx, key: string, path: readonly (string | number)[], parent: Record<string, unknown>): number | undefined {
  const container = path.filter((p) => typeof p === 'string').at(-2);
  switch (key) {
    case 'id': {
      if (container === 'lines') return line(c)?.id ?? unknownId(c);
      if (container === 'contacts') return c.r.pickOr(customerOrSupplier(c)?.contacts ?? [], unknownId(c));
      if (container === 'deliveryAddresses') return c.r.pickOr(customer(c)?.addresses ?? [], unknownId(c));
      return topLevelId(c);
    }
    case 'orderId':
      if (c.channel === 'jobs.add' || c.channel === 'jobs.list') return idOr(c, prefer(c, c.st.orders, (o) => OPEN.includes(o.kind)));
      return c.channel.startsWith('purchase.') ? idOr(c, purchase(c)) : idOr(c, order(c));
    case 'productId': {
      const p = c.r.pickOr(c.st.products, undefined);
      if (c.channel === 'purchase.createFromSuggestions') return idOr(c, prefer(c, c.st.products, (x) => x.supplierId !== null));
      return idOr(c, c.r.chance(0.7) ? prefer(c, c.st.products, (x) => x.stockManaged && x.onHand > 0) : p);
    }
    case 'customerId':
    case 'invoiceCustomerId': {
      if (c.channel === 'orders.collectiveInvoice') return idOr(c, order(c) ? c.st.customers.find((p) => p.id === order(c)!.partyId) : customer(c));
      if (key === 'customerId') return idOr(c, customer(c));
      return c.r.chance(0.5) ? idOr(c, customer(c)) : idOr(c, c.r.pickOr(c.st.customers, undefined));
    }
    case 'supplierId':
      return idOr(c, supplier(c));
    case 'statusId':
      return idOr(c, c.r.pickOr(c.st.statuses, undefined));
    case 'lineId':
      return line(c)?.id ?? unknownId(c);
    case 'invoiceId':
      return idOr(c, invoice(c));
    case 'invoiceLineId':
      return c.focus.invoiceLine?.id ?? idOr(c, c.r.pickOr(invoice(c)?.lines ?? [], undefined));
    case 'jobId': {
      const open = (j: State['jobs'][number]) => c.st.orders.some((o) => o.id === j.orderId && OPEN.includes(o.kind));
      if (c.channel === 'jobs.start') return idOr(c, prefer(c, c.st.jobs, (j) => !j.started && open(j)));
      if (c.channel === 'jobs.complete') return idOr(c, prefer(c, c.st.jobs, (j) => j.started && !j.completed));
      return idOr(c, c.r.pickOr(c.st.jobs, undefined));
    }
    case 'scheduleId':
      return idOr(c, c.r.pickOr(c.st.schedules.map((id) => ({ id })), undefined));
    case 'contactId':
      return c.r.pickOr((c.channel.startsWith('purchase.') ? supplier(c) : customer(c))?.contacts ?? [], unknownId(c));
    case 'deliveryAddressId':
      return c.r.pickOr(customer(c)?.addresses ?? [], unknownId(c));
    case 'deliveryId': {
      const o = order(c);
      return idOr(c, c.r.pickOr(c.st.deliveries.filter((d) => d.orderId === o?.id), c.r.pickOr(c.st.deliveries, undefined)));
    }
    case 'groupId':
      return c.r.pickOr(c.st.groups, unknownId(c));
    case 'entityId':
      return entityId(c, String(parent.entity));
    default:
      return undefined;
  }
}
function customerOrSupplier(c: Ctx): PartyRef | undefined {
  return c.channel.startsWith('suppliers.') ? supplier(c) : customer(c);
}
function topLevelId(c: Ctx): number {
  const ch = c.channel;
  if (ch.startsWith('orders.')) return idOr(c, order(c));
  if (ch.startsWith('purchase.')) return idOr(c, purchase(c));
  if (ch.startsWith('customers.')) return idOr(c, customer(c));
  if (ch.startsWith('suppliers.')) return idOr(c, supplier(c));
  if (ch.startsWith('products.')) return idOr(c, c.r.pickOr(c.st.products, undefined));
  if (ch.startsWith('invoices.')) return idOr(c, invoice(c));
  if (ch.startsWith('documents.')) return c.r.pickOr(c.st.documents, unknownId(c));
  if (ch === 'users.save') return idOr(c, c.r.pickOr(c.st.users.filter((u) => !c.known.harnessUsers.has(u.id)), undefined));
  if (ch === 'groups.save') return c.r.pickOr(c.st.groups.filter((g) => !c.known.harnessGroups.has(g)), unknownId(c));
  return unknownId(c);
}
function entityId(c: Ctx, entity: string): number {
  switch (entity) {
    case 'order':
      return idOr(c, c.r.pickOr([...c.st.orders, ...c.st.purchases], undefined));
    case 'customer':
      return idOr(c, c.r.pickOr([...c.st.customers, ...c.st.suppliers], undefined));
    case 'product':
    case 'stock':
      return idOr(c, c.r.pickOr(c.st.products, undefined));
    case 'invoice':
      return idOr(c, c.r.pickOr(c.st.invoices, undefined));
    default:
      return unknownId(c);
  }
}
/** The line a line entry is about: the one the array builder bound, else one of the subject order's. */
function line(c: Ctx): LineRef | undefined {
  if (c.focus.line) return c.focus.line;
  return c.r.pickOr(subject(c)?.lines ?? [], undefined);
}

/** A quantity for the line in focus: what it has left for this channel's step, part of it, or some other amount. */
function lineQuantity(c: Ctx): number {
  const l = c.focus.line;
  const il = c.focus.invoiceLine;
  let left: number | undefined;
  if (il) left = il.quantity - il.credited;
  else if (l) {
    switch (c.channel) {
      case 'orders.deliver':
        left = remaining(l);
        break;
      case 'orders.returnLoan':
        left = l.onLoan;
        break;
      case 'purchase.dispatch':
        left = expected(l) - l.shipped;
        break;
      case 'purchase.receive':
        left = expected(l) - l.received;
        break;
      case 'purchase.matchInvoice':
        left = Math.max(l.received, expected(l)) - l.invoiced;
        break;
      case 'purchase.reply':
        left = l.quantity - 1000;
        break;
      default:
        left = l.quantity;
    }
  }
  if (left !== undefined && left > 0) {
    return c.r.weighted<number>([
      [left, 5],
      [Math.max(1, Math.min(left, 1000)), 3],
      [left + 1, 1],
      [1000 * c.r.int(1, 12), 1],
    ]);
  }
  return 1000 * c.r.int(1, 12);
}

function numberByName(c: Ctx, key: string, path: readonly (string | number)[], parent: Record<string, unknown>, b: Bounds): number | undefined {
  const id = idByName(c, key, path, parent);
  if (id !== undefined) return id;
  switch (key) {
    case 'version': {
      const o = c.channel.startsWith('purchase.') ? purchase(c) : order(c);
      return o ? o.version : c.r.int(1, 5);
    }
    case 'quantity':
      if (c.channel === 'stock.adjust') return c.r.pick([-1000, 1000, 5000, -3000]);
      return lineQuantity(c);
    case 'reorderPointQty':
      return c.r.pick([0, 5_000, 20_000]);
    case 'priceOre':
    case 'unitPriceOre':
    case 'costOre':
      return 100 * c.r.int(0, 2_000);
    case 'receivedOre':
      return c.r.pick([0, 100_000, 10_000_000, 1_000_000_000]);
    case 'contractAmountOre':
      return c.r.pick([0, 250_000, 1_000_000]);
    case 'creditLimitOre':
      return c.r.pick([0, 100_000, 100_000_000]);
    case 'discountBp':
      return c.r.pick([0, 0, 500, 2500, 10_000]);
    case 'cardSurchargeBp':
      return c.r.pick([0, 150, 300]);
    case 'paymentTermsDays':
      return c.r.pick([0, 10, 14, 30, 365]);
    case 'repeatIntervalDays':
      return c.r.pick([1, 7, 14, 30, 366]);
    case 'orders':
      return c.r.int(0, 5);
    case 'startRow':
      return c.r.pick([0, 0, 0, 50, 100]);
    case 'endRow':
      return Number(parent.startRow ?? 0) + c.r.pick([1, 50, 100, 1000]);
    case 'limit':
      return c.r.pick([1, 10, 50, 100, Math.min(500, b.max)]);
    case 'offset':
      return c.r.pick([0, 0, 10, 100]);
    case 'position':
    case 'toIndex':
      return c.r.int(0, (subject(c)?.lines.length ?? 1) + 1);
    case 'weightGrams':
      return c.r.pick([1, 500, 12_000, 10_000_000]);
    case 'extensionDigit':
      return c.r.int(0, 9);
    default:
      return undefined;
  }
}

function stringByName(c: Ctx, key: string, b: Bounds): string | undefined {
  if (b.custom && /date|^start$/i.test(key)) return dateNear(c);
  switch (key) {
    case 'orgNumber':
      return c.r.pick(ORG_NUMBERS);
    case 'bankAccount':
      return c.r.pick(BANK_ACCOUNTS);
    case 'ean':
      if (c.channel === 'purchase.lineByEan') {
        const p = purchase(c);
        const eans = c.st.products.filter((x) => x.ean && p?.lines.some((l) => l.productId === x.id)).map((x) => x.ean!);
        return c.r.pickOr(eans, c.r.pick(EANS));
      }
      return c.r.pick(EANS);
    case 'phone':
      return c.r.pick(['91234567', '+47 55 12 34 56', '412 34 567', '+4722334455']);
    case 'email':
      return c.r.pick(['post@fjordlager.no', 'kari.lie@example.com', 'ærlig@example.no']);
    case 'postalCode':
      return c.r.pick(['5003', '0150', '9008', '3580', '1234']);
    case 'country':
      return c.r.chance(0.85) ? 'NO' : c.r.pick(['SE', 'DK', 'DE']);
    case 'pin':
      return c.r.pick(['1234', '0000', '12345678', ADMIN.pin]);
    case 'username':
      return c.r.chance(0.3) ? c.r.pickOr(c.st.users.map((u) => u.username), 'kari') : `fz${c.r.below(10_000)}`;
    case 'number':
      return c.r.chance(0.15) ? c.r.pickOr(c.st.products.map((p) => p.number), 'DRILL') : `FZ-${c.r.below(100_000)}`;
    case 'currency':
      return c.r.chance(0.9) ? 'NOK' : 'EUR';
    case 'maskedCardNumber':
      return c.r.pick(['4571********1234', '5555********4444']);
    case 'companyPrefix':
      return c.r.pick(['7012345', '7090001234']);
    case 'imageBase64':
      return TINY_PNG;
    case 'invoiceNumber':
      return `VF-${c.r.below(10_000)}`;
    case 'unit':
      return c.r.pick(['stk', 'time', 'pk', 'kg']);
    case 'colId':
      return c.r.pick(listColumns(c));
    case 'paidOn': {
      // Money arrives today or earlier (a later date is refused).
      const d = new Date(`${today(c)}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() - c.r.int(0, 30));
      return d.toISOString().slice(0, 10);
    }
    case 'search':
    case 'query':
      return c.r.pick(['', 'drill', 'bergen', '1000', '10001', 'æøå', 'Ola', 'SKRUE', '923609016', '"', '*', 'brød OR', c.r.pickOr(c.st.products.map((p) => p.number), 'x')]);
    case 'filter':
      return c.r.pick(['a', 'Bergen', 'ø', '%']);
    case 'dateFrom':
    case 'dateTo':
      return dateNear(c);
    default:
      return undefined;
  }
}

// ---- The schema walk --------------------------------------------------------------------

const FILTER_KINDS: Readonly<Record<string, 'text' | 'number' | 'date'>> = {
  number: 'number',
  orderDate: 'date',
  deliveryDate: 'date',
  customerName: 'text',
  customerNumber: 'number',
  orderType: 'number',
  statusId: 'number',
  customerReference: 'text',
  totalNetOre: 'number',
  totalGrossOre: 'number',
  updatedAt: 'date',
};

function filterModel(c: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = c.r.weighted([[0, 3], [1, 3], [2, 1]] as const); i > 0; i--) {
    const col = c.r.pick(listColumns(c));
    const kind = FILTER_KINDS[col] ?? c.r.pick(['text', 'number', 'date'] as const);
    if (kind === 'text') out[col] = { filterType: 'text', type: c.r.pick(['contains', 'equals', 'startsWith']), filter: c.r.pick(['a', 'Bergen', 'ø', '%', '_']) };
    else if (kind === 'number') {
      const type = c.r.pick(['equals', 'lessThan', 'greaterThan', 'inRange']);
      out[col] = { filterType: 'number', type, filter: c.r.pick([0, 10001, 100_000, 3]), ...(type === 'inRange' ? { filterTo: c.r.pick([20_000, 0, 1_000_000]) } : {}) };
    } else {
      const type = c.r.pick(['equals', 'lessThan', 'greaterThan', 'inRange']);
      out[col] = { filterType: 'date', type, dateFrom: dateNear(c), ...(type === 'inRange' ? { dateTo: `${dateNear(c)} 23:59:59` } : {}) };
    }
  }
  return out;
}

/** How many lines an array of line entries gets, bound one by one to the subject's lines. */
function lineEntries(c: Ctx, element: Schema, path: (string | number)[], b: Bounds): unknown[] {
  const shape = (defOf(element).shape ?? {}) as Record<string, Schema>;
  if ('invoiceLineId' in shape) {
    const inv = invoice(c);
    const ls = inv ? c.r.subset(inv.lines.filter((l) => l.credited < l.quantity).length ? inv.lines.filter((l) => l.credited < l.quantity) : inv.lines) : [];
    return ls.map((il, i) => {
      c.focus.invoiceLine = il;
      const v = build(c, element, [...path, i], 'lines');
      c.focus.invoiceLine = undefined;
      return v;
    });
  }
  const s = subject(c);
  if (!s || s.lines.length === 0) return Array.from({ length: Math.max(b.minLength, 1) }, (_, i) => build(c, element, [...path, i], 'lines'));
  const useful = s.lines.filter((l) => lineQuantityLeft(c, l) > 0);
  const ls = c.r.subset(useful.length && c.r.chance(0.8) ? useful : s.lines);
  return ls.map((l, i) => {
    c.focus.line = l;
    const v = build(c, element, [...path, i], 'lines');
    c.focus.line = undefined;
    return v;
  });
}
function lineQuantityLeft(c: Ctx, l: LineRef): number {
  switch (c.channel) {
    case 'orders.deliver':
      return remaining(l);
    case 'orders.returnLoan':
      return l.onLoan;
    case 'purchase.reply':
      return l.reply === null ? 1 : 0;
    case 'purchase.dispatch':
      return expected(l) - l.shipped;
    case 'purchase.receive':
      return expected(l) - l.received;
    case 'purchase.matchInvoice':
      return l.received - l.invoiced;
    default:
      return 1;
  }
}

/** Optional keys left out now and then; some are nearly always wanted. */
function includeOptional(c: Ctx, key: string, parent: Record<string, unknown>): boolean {
  if (key === 'orgNumber') return parent.kind !== 'private' || c.r.chance(0.3);
  if (key === 'payment') return parent.header !== undefined && (parent.header as { orderType?: unknown }).orderType === 3 ? c.r.chance(0.9) : c.r.chance(0.1);
  if (key === 'statusId' || key === 'pin' || key === 'unitPriceOre') return c.r.chance(0.7);
  if (key === 'id' && (c.channel === 'users.save' || c.channel === 'groups.save')) return c.r.chance(0.35);
  if (key === 'card') return c.r.chance(0.8);
  return c.r.chance(0.5);
}

function build(c: Ctx, s: Schema, path: (string | number)[], key: string, parent: Record<string, unknown> = {}): unknown {
  const d = defOf(s);
  switch (d.type) {
    case 'optional':
      return includeOptional(c, key, parent) ? build(c, d.innerType as Schema, path, key, parent) : undefined;
    case 'default':
    case 'prefault':
      return c.r.chance(0.25) ? undefined : build(c, d.innerType as Schema, path, key, parent);
    case 'nullable':
      return c.r.chance(0.12) ? null : build(c, d.innerType as Schema, path, key, parent);
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return build(c, d.innerType as Schema, path, key, parent);
    case 'pipe':
      return build(c, d.in as Schema, path, key, parent);
    case 'lazy':
      return build(c, (d.getter as () => Schema)(), path, key, parent);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, Schema>)) {
        const value = build(c, v, [...path, k], k, out);
        if (value !== undefined) out[k] = value;
      }
      return out;
    }
    case 'union': {
      const options = d.options as Schema[];
      if (key === 'orderType' && c.channel === 'orders.create') return c.r.pick([1, 1, 1, 2, 3, 4, 5, 6, 7, 8]);
      return build(c, c.r.pick(options), path, key, parent);
    }
    case 'literal':
      return c.r.pick(d.values as unknown[]);
    case 'enum':
      return c.r.pick(Object.values(d.entries as Record<string, unknown>));
    case 'boolean':
      return key === 'active' ? c.r.chance(0.85) : c.r.chance(0.5);
    case 'array': {
      const b = bounds(s);
      const element = d.element as Schema;
      if (key === 'lines' && defOf(element).type === 'object') {
        const shape = defOf(element).shape as Record<string, Schema>;
        if ('lineId' in shape || 'invoiceLineId' in shape) return lineEntries(c, element, path, b);
      }
      if (key === 'orderIds') {
        const o = order(c);
        let pool = c.st.orders;
        if (c.channel === 'orders.collectiveInvoice' && o) {
          pool = pool.filter((x) => x.partyId === o.partyId);
          if (c.r.chance(0.8) && pool.some(eligibleForCollective)) pool = pool.filter(eligibleForCollective);
        } else if (c.channel === 'documents.renderPickingLists' && c.r.chance(0.8)) {
          const pickable = pool.filter(orderWish(c.channel));
          if (pickable.length) pool = pickable;
        }
        const ids = c.r.subset(pool.map((x) => x.id));
        return ids.length ? ids : [unknownId(c)];
      }
      if (key === 'closeShort') return c.r.chance(0.7) ? [] : c.r.subset((order(c)?.lines ?? []).map((l) => l.id));
      if (key === 'rights') return c.r.subset(RIGHT_KEYS, 0);
      const n = Math.min(b.maxLength, b.minLength + c.r.weighted([[0, 3], [1, 4], [2, 2], [3, 1]] as const));
      return Array.from({ length: n }, (_, i) => build(c, element, [...path, i], key, parent));
    }
    case 'record':
      return key === 'filterModel' ? filterModel(c) : {};
    case 'number': {
      const b = bounds(s);
      const named = numberByName(c, key, path, parent, b);
      if (named !== undefined) return named;
      const lo = Number.isFinite(b.min) ? b.min : 0;
      const hi = Number.isFinite(b.max) ? Math.min(b.max, lo + 100_000) : lo + 1000;
      return c.r.int(lo, hi);
    }
    case 'string': {
      const b = bounds(s);
      const named = stringByName(c, key, b);
      if (named !== undefined) return named;
      if (b.patterns.length > 0) return c.r.matching(b.patterns[0]!).slice(0, b.maxLength === Infinity ? undefined : b.maxLength);
      if (b.format === 'email') return 'post@fjordlager.no';
      const text = words(c, b.maxLength === Infinity ? 200 : b.maxLength);
      return text.trim().length >= b.minLength ? text : 'Fjordlager';
    }
    case 'null':
      return null;
    case 'undefined':
    case 'never':
    case 'void':
      return undefined;
    default:
      return c.r.json();
  }
}

// ---- Channels whose payload must hang together --------------------------------------------

type Builder = (c: Ctx) => unknown;

const statusIdOf = (c: Ctx, o: OrderRef): number | undefined => c.st.statuses.find((s) => s.kind === o.kind)?.id;

const BUILDERS: Partial<Record<ChannelName, Builder>> = {
  'system.createDemo': (c) => ({ orders: c.r.int(0, 4) }),
  // ---- number series (issue 13): near the numbers the world uses (in use, just past them, the invoice series' start) ----
  'numberSeries.save': (c) => ({
    series: c.r.pick(NUMBER_SERIES_KEYS),
    nextNumber: c.r.chance(0.7) ? c.r.pick([1, 2, 3, 1001, 1002, 10001, 10002, 10010, 20001, 20002, 50001, 50002]) + c.r.int(0, 3) : c.r.int(1, 9_999_999),
  }),
  // ---- backup (issue 13) ----
  // Backups go to the default folder beside the round's file (removed with the templates' folder). A restore that went
  // through would put another file under the round's second connection, so the fuzz restores only files that are not there
  // (test/engine/backup.test.ts restores for real).
  'backup.create': (c) => (c.r.chance(0.8) ? {} : { folder: c.r.pick(['/finnes/ikke', 'Sikkerhetskopier']) }),
  'backup.saveSettings': (c) => ({ folder: c.r.chance(0.8) ? null : '/finnes/ikke', keepAutomatic: c.r.int(1, 10) }),
  'backup.inspect': (c) => ({ file: c.r.pick(['/finnes/ikke/kopi.ordrebok', 'kopi.ordrebok']) }),
  'backup.restore': (c) => ({ file: c.r.pick(['/finnes/ikke/kopi.ordrebok', 'kopi.ordrebok']) }),
  // ---- import (issue 13): small files of each kind, mapped as their headers say, sometimes with errors ----
  'import.preview': (c) => importFile(c),
  'import.commit': (c) => {
    const f = importFile(c);
    const mapping = f.kind === 'products' ? { number: 'Varenr.', name: 'Varenavn', priceOre: 'Pris', costOre: 'Kostpris', openingQty: 'Beholdning' } : { name: 'Navn', orgNumber: 'Org.nr.', city: 'Poststed' };
    return { ...f, mapping };
  },
  // ---- files (issue 12) ----
  'files.attach': (c) => ({
    orderId: idOr(c, c.r.chance(0.7) ? order(c) : purchase(c)),
    name: c.r.pick(['notat.txt', 'Mål og mengder.csv', 'tegning æøå.pdf']),
    mime: c.r.pick(['text/plain', 'text/csv', 'application/pdf', '']),
    dataBase64: Buffer.from(words(c, 300)).toString('base64'),
  }),
  'relations.add': (c) => ({
    orderId: idOr(c, order(c)),
    to: { kind: 'order', id: idOr(c, c.r.chance(0.5) ? purchase(c) : order(c)) },
    ...(c.r.chance(0.3) ? { note: words(c, 100) } : {}),
  }),
  'auth.login': (c) => {
    const known = [...c.known.pins.entries()];
    const [username, pin] = c.r.chance(0.85) && known.length ? c.r.pick(known) : [c.r.pick([ADMIN.username, NO_RIGHTS.username, 'ukjent']), c.r.pick(['0000', ADMIN.pin])];
    return { username, pin: c.r.chance(0.9) ? pin : '9999' };
  },
  'orders.save': (c) => {
    const o = order(c);
    if (!o) return undefined;
    const cust = c.st.customers.find((p) => p.id === o.partyId);
    c.focus.customer = cust;
    const header: Record<string, unknown> = { customerId: o.partyId, orderType: o.type, statusId: statusIdOf(c, o) };
    if (c.r.chance(0.3)) header.customerReference = words(c, 100);
    if (c.r.chance(0.2)) header.deliveryAddressId = c.r.pickOr(cust?.addresses ?? [], null);
    if (c.r.chance(0.2)) header.contactId = c.r.pickOr(cust?.contacts ?? [], null);
    if (c.r.chance(0.2)) header.statusId = c.r.pick(c.st.statuses).id;
    const lines: Record<string, unknown>[] = o.lines.filter(() => c.r.chance(0.9)).map((l) => ({ id: l.id, productId: l.productId, quantity: c.r.chance(0.7) ? l.quantity : 1000 * c.r.int(1, 9) }));
    if (c.r.chance(0.4)) lines.push({ productId: idByName(c, 'productId', [], {})!, quantity: 1000 * c.r.int(1, 5) });
    const payload: Record<string, unknown> = { id: o.id, version: o.version, header, lines };
    if (o.type === 3 || c.r.chance(0.1)) payload.payment = { method: c.r.pick(['cash', 'card', 'vipps', 'other']), receivedOre: c.r.pick([10_000_000, 0]) };
    if (c.r.chance(0.6)) payload.confirm = { deliverRemaining: c.r.chance(0.5), returnGoods: c.r.chance(0.5), allowShortage: c.r.chance(0.7), overrideCreditLimit: c.r.chance(0.5) };
    return payload;
  },
  'purchase.save': (c) => {
    const p = purchase(c);
    if (!p) return undefined;
    const lines: Record<string, unknown>[] = p.lines.filter(() => c.r.chance(0.9)).map((l) => ({ id: l.id, productId: l.productId, quantity: c.r.chance(0.7) ? l.quantity : 1000 * c.r.int(1, 9) }));
    if (c.r.chance(0.4)) lines.push({ productId: idByName(c, 'productId', [], {})!, quantity: 1000 * c.r.int(1, 5), unitPriceOre: 100 * c.r.int(0, 500) });
    return { id: p.id, version: p.version, header: { supplierId: p.partyId, orderType: c.r.chance(0.85) ? p.type : c.r.pick([1, 4, 5, 6]), ...(c.r.chance(0.3) ? { supplierReference: words(c, 100) } : {}) }, lines };
  },
  'documents.render': (c) => {
    const kind = c.r.pick(DOCUMENT_KIND_KEYS);
    const language = c.r.chance(0.8) ? c.r.pick(['nb', 'en']) : undefined;
    const base = language ? { kind, language } : { kind };
    if (kind === 'invoice' || kind === 'cash_receipt') return { ...base, invoiceId: idOr(c, prefer(c, c.st.invoices, (i) => i.kind === 'invoice')) };
    if (kind === 'credit_note') return { ...base, invoiceId: idOr(c, prefer(c, c.st.invoices, (i) => i.kind === 'credit_note')) };
    if (kind === 'purchase_order') return { ...base, orderId: idOr(c, purchase(c)) };
    if (kind === 'packing_slip') {
      const d = c.r.pickOr(c.st.deliveries, undefined);
      const orderId = d && c.r.chance(0.8) ? d.orderId : idOr(c, order(c));
      return { ...base, orderId, ...(d && c.r.chance(0.5) ? { deliveryId: d.id } : {}) };
    }
    if (kind === 'waybill') {
      const d = c.r.pickOr(c.st.deliveries, undefined);
      const parcels = Array.from({ length: c.r.int(1, 3) }, () => ({ weightGrams: c.r.pick([500, 12_000, 1]) }));
      return { ...base, orderId: d && c.r.chance(0.8) ? d.orderId : idOr(c, order(c)), waybill: { companyPrefix: c.r.pick(['7012345', '7090001234']), parcels, ...(c.r.chance(0.3) ? { carrier: 'Bring', extensionDigit: c.r.int(0, 9) } : {}) } };
    }
    return { ...base, orderId: idOr(c, order(c)) };
  },
  'orders.collectiveInvoice': (c) => {
    const o = order(c);
    const customerId = o ? o.partyId : idOr(c, customer(c));
    if (c.r.chance(0.5)) return { customerId };
    const pool = c.st.orders.filter((x) => x.partyId === customerId);
    const eligible = pool.filter(eligibleForCollective);
    const ids = c.r.subset((eligible.length && c.r.chance(0.8) ? eligible : pool).map((x) => x.id));
    return { customerId, orderIds: ids.length ? ids : [unknownId(c)] };
  },
  'activity.list': (c) => {
    const entity = c.r.pick(['order', 'customer', 'product', 'invoice', 'stock']);
    return { entity, entityId: entityId(c, entity) };
  },
  'users.save': (c) => {
    const update = c.r.chance(0.35) ? c.r.pickOr(c.st.users.filter((u) => !c.known.harnessUsers.has(u.id)), undefined) : undefined;
    const groupId = c.r.pickOr(c.st.groups, unknownId(c));
    const pin = c.r.pick(['1234', '2468', '13579']);
    if (update) return { id: update.id, username: update.username, name: words(c, 100), groupId: update.groupId, ...(c.r.chance(0.3) ? { pin } : {}), ...(c.r.chance(0.2) ? { active: false } : {}) };
    return { username: `fz${c.r.below(10_000)}`, name: words(c, 100), groupId, pin };
  },
  'groups.save': (c) => {
    const update = c.r.chance(0.35) ? c.r.pickOr(c.st.groups.filter((g) => !c.known.harnessGroups.has(g)), undefined) : undefined;
    return { ...(update ? { id: update } : {}), name: `${c.r.pick(['Lager', 'Kontor', 'Salg', 'Økonomi'])} ${c.r.below(1000)}`, rights: c.r.subset(RIGHT_KEYS, 0) };
  },  // ---- status flow editor (issue 13) ----
  'statusFlow.reorder': (c) => ({ ids: c.r.chance(0.9) ? [...c.st.statuses.map((x) => x.id)].sort(() => (c.r.chance(0.5) ? 1 : -1)) : c.r.subset(c.st.statuses.map((x) => x.id)) }),
  'statusFlow.update': (c) => {
    const st = c.r.pickOr(c.st.statuses, undefined);
    if (!st) return undefined;
    return { id: st.id, labelNb: words(c, 40), labelEn: words(c, 40), hidden: c.r.chance(0.3), colour: c.r.chance(0.5) ? c.r.pick(['#1f6feb', '#AA5500', '#000000']) : null };
  },
  'statusFlow.preview': (c) => flowChange(c),
  'statusFlow.apply': (c) => flowChange(c),
};

/** A preset switch or a removal, with some targets picked among the statuses (issue 13). */
function flowChange(c: Ctx): unknown {
  const ids = c.st.statuses.map((x) => x.id);
  const targets = ids.length && c.r.chance(0.5) ? [{ statusId: c.r.pick(ids), targetId: c.r.pick(ids) }] : [];
  return c.r.chance(0.5) || !ids.length ? { preset: c.r.pick(['standard', 'field_service', 'simple']), targets } : { removeId: c.r.pick(ids), targets };
}

/** A valid-looking payload for a channel, from the state of the world. */
export function validPayload(channel: ChannelName, st: State, r: Rnd, known: Known): unknown {
  const c: Ctx = { r, st, known, channel, focus: {} };
  const special = BUILDERS[channel];
  if (special) {
    const v = special(c);
    if (v !== undefined) return v;
  }
  return build(c, channels[channel].input as Schema, [], '');
}

/** The same keys as a valid payload, every leaf replaced by random JSON. */
export function skeletonWithRandomLeaves(value: unknown, r: Rnd): unknown {
  if (Array.isArray(value)) return value.map((v) => skeletonWithRandomLeaves(v, r));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, r.chance(0.6) ? skeletonWithRandomLeaves(v, r) : r.json()]));
  }
  return r.chance(0.5) ? r.json() : value;
}

/** Brings the versions in an earlier payload up to date (or leaves them stale, which is a mutation of its own). */
export function refreshVersions(value: unknown, st: State): unknown {
  if (Array.isArray(value)) return value.map((v) => refreshVersions(v, st));
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: refreshVersions(v, st), enumerable: true, writable: true, configurable: true });
  const id = (out.id ?? out.orderId) as unknown;
  if (typeof out.version === 'number' && typeof id === 'number') {
    const o = st.orders.find((x) => x.id === id) ?? st.purchases.find((x) => x.id === id);
    if (o) out.version = o.version;
  }
  return out;
}
