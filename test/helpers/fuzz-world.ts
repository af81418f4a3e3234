// The worlds the fuzz test starts its rounds from, and what it knows about the
// one it is in. Templates are company files made once per run through the real
// channels and copied for each round, so every round starts small (the full-table
// fingerprint stays cheap) and from the same rows:
//   built  a company with customers, products with stock, suppliers, and orders
//          in several statuses and of several types: a quote, confirmed, partly
//          delivered, shipped, invoiced and credited, cash, direct, pre-order,
//          budget, loan, a running subscription (one period invoiced), jobs,
//          web and card imports; purchase orders to process, replied, partly
//          received and matched
//   demo   the demo company (system.createDemo) with a handful of orders
//   empty  a new installation: no company yet
// The state (ids, versions, lines, quantities) is read straight from the file on
// a second, read-only connection after every write, so payloads name what exists.
import { COMPANY } from './engine';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelName, ChannelOutput } from '../../shared/catalog';
import { isValidBankAccount, isValidEan, isValidOrgNumber } from '../../shared/checks';
import { RIGHT_KEYS, type StatusKind } from '../../shared/enums';
import type { Db } from '../../src-main/engine/db/connection';
import { openEngine, type Engine } from '../../src-main/engine';

export type TemplateName = 'built' | 'demo' | 'empty';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['built', 'demo', 'empty'];
export const START = new Date('2025-01-05T10:00:00');

// ---- Identifiers with valid check digits ----------------------------------------

function mod11(body: string, weights: readonly number[]): number | null {
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  const r = 11 - (sum % 11);
  return r === 11 ? 0 : r === 10 ? null : r;
}
/** Valid organisation numbers: 8 digits and their MOD11 check digit. */
export const ORG_NUMBERS: readonly string[] = (() => {
  const out = ['923609016', '974760673'];
  for (let base = 91234567; out.length < 12; base += 7919) {
    const c = mod11(String(base), [3, 2, 7, 6, 5, 4, 3, 2]);
    if (c !== null && isValidOrgNumber(`${base}${c}`)) out.push(`${base}${c}`);
  }
  return out;
})();
export const BANK_ACCOUNTS: readonly string[] = (() => {
  const out = ['15031234562'];
  for (let base = 1503123456; out.length < 4; base += 101) {
    const c = mod11(String(base), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (c !== null && isValidBankAccount(`${base}${c}`)) out.push(`${base}${c}`);
  }
  return out;
})();
export function eanFor(body12: string): string {
  const sum = [...body12].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  const ean = `${body12}${(10 - (sum % 10)) % 10}`;
  if (!isValidEan(ean)) throw new Error(`not a valid EAN: ${ean}`);
  return ean;
}
export const EANS: readonly string[] = ['7038010009457', ...Array.from({ length: 8 }, (_, i) => eanFor(`70380100${String(1000 + i * 37)}`))];
/** A 1×1 PNG, for the documents' logo. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

// ---- Templates --------------------------------------------------------------------

export interface Templates {
  readonly dir: string;
  /** Steps of the built company that the engine refused (the template is made best-effort). */
  readonly skipped: readonly string[];
  /** A fresh copy of a template for one round; `users`: with the harness's users (ADMIN, NO_RIGHTS) in it. */
  copy(name: TemplateName, users: boolean, tag: string): string;
  remove(file: string): void;
  dispose(): void;
}

/** A folder on a memory file system where there is one (synchronous=FULL makes every commit an fsync). */
function scratchRoot(): string {
  for (const dir of ['/dev/shm', tmpdir()]) {
    try {
      mkdirSync(dir, { recursive: true });
      return mkdtempSync(join(dir, 'ordrebok-fuzz-'));
    } catch {
      // next
    }
  }
  return mkdtempSync(join(tmpdir(), 'ordrebok-fuzz-'));
}

export async function makeTemplates(): Promise<Templates> {
  const dir = scratchRoot();
  const file = (name: TemplateName, users: boolean) => join(dir, `${name}${users ? '+users' : ''}.ordrebok`);
  const clock = () => START;
  const skipped: string[] = [];

  const empty = await openEngine({ file: file('empty', false), clock });
  empty.close();

  const demo = await openEngine({ file: file('demo', false), clock });
  const d = await demo.call('system.createDemo', { orders: 10 });
  demo.close();
  if (!d.ok) throw new Error(`fuzz template: system.createDemo refused: ${d.error.code} ${d.error.message.en}`);

  const built = await openEngine({ file: file('built', false), clock });
  try {
    await buildCompany(built, skipped);
  } finally {
    built.close();
  }

  for (const name of ['built', 'demo'] as const) {
    copyFileSync(file(name, false), file(name, true));
    const e = await openEngine({ file: file(name, true), clock });
    try {
      await addUsers(e);
    } finally {
      e.close();
    }
  }

  let n = 0;
  return {
    dir,
    skipped,
    copy(name, users, tag) {
      const target = join(dir, `round-${tag}-${n++}.ordrebok`);
      copyFileSync(file(name, users && name !== 'empty'), target);
      return target;
    },
    remove(f) {
      for (const x of [f, `${f}-wal`, `${f}-shm`]) rmSync(x, { force: true });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The harness's users: an administrator (every right) and a user whose group has no rights. */
async function addUsers(e: Engine): Promise<void> {
  const must = async <K extends ChannelName>(channel: K, input: unknown): Promise<ChannelOutput<K>> => {
    const r = await e.call(channel, input);
    if (!r.ok) throw new Error(`fuzz template: ${channel} refused: ${r.error.code} ${r.error.field ?? ''} ${r.error.message.en}`);
    return r.value;
  };
  const admins = await must('groups.save', { name: ADMIN_GROUP, rights: [...RIGHT_KEYS] });
  await must('users.save', { username: ADMIN.username, name: 'Fuzz Administrator', groupId: admins.id, pin: ADMIN.pin });
  const none = await must('groups.save', { name: NO_RIGHTS_GROUP, rights: [] });
  await must('users.save', { username: NO_RIGHTS.username, name: 'Lav Rettighet', groupId: none.id, pin: NO_RIGHTS.pin });
}

/** The built company, through the channels: what must exist fails loudly, the stories are best-effort. */
async function buildCompany(e: Engine, skipped: string[]): Promise<void> {
  const must = async <K extends ChannelName>(channel: K, input: unknown): Promise<ChannelOutput<K>> => {
    const r = await e.call(channel, input);
    if (!r.ok) throw new Error(`fuzz template: ${channel} refused: ${r.error.code} ${r.error.field ?? ''} ${r.error.message.en}`);
    return r.value;
  };
  const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn();
    } catch (err) {
      skipped.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  await must('company.save', {
    ...COMPANY,
    purchaseReply: true,
    purchaseDispatch: false,
    purchaseReception: true,
  });
  const statuses = await must('statuses.list', {});
  const status = (kind: StatusKind) => statuses.find((s) => s.kind === kind)?.id;

  const bygg = await must('customers.create', {
    kind: 'business',
    name: 'Bergen Bygg AS',
    orgNumber: '974760673',
    paymentTermsDays: 14,
    creditLimitOre: 50_000_000,
    contacts: [{ name: 'Per Hansen', phone: '91234567', email: 'per@bergenbygg.no' }],
    deliveryAddresses: [{ name: 'Byggeplass Åsane', addressLine1: 'Åsanevegen 1', postalCode: '5116', city: 'Ulset' }],
  });
  const ola = await must('customers.create', {
    kind: 'private',
    name: 'Ola Nordmann',
    contacts: [{ name: 'Ola Nordmann', phone: '+47 412 34 567' }],
    deliveryAddresses: [{ name: 'Hytta', postalCode: '3580', city: 'Geilo' }],
  });
  const nordlys = await must('customers.create', { kind: 'business', name: 'Nordlys Elektro AS', orgNumber: ORG_NUMBERS[2], invoiceCustomerId: bygg.id, cardSurchargeBp: 150 });
  const supplier = await must('suppliers.create', { kind: 'business', name: 'Verktøygrossisten AS', orgNumber: '923609016', paymentTermsDays: 30, contacts: [{ name: 'Kari Lie' }] });
  const supplier2 = await must('suppliers.create', { kind: 'business', name: 'Bakeriet Engros AS', orgNumber: ORG_NUMBERS[3] });

  const drill = await must('products.create', { number: 'DRILL', name: 'Drill 18V', unit: 'stk', priceOre: 100_000, costOre: 50_000, vatCode: '25', stockManaged: true, binLocation: 'A-01', ean: EANS[1], supplierId: supplier.id, reorderPointQty: 5_000 });
  const bread = await must('products.create', { number: 'BRØD', name: 'Grovbrød', unit: 'stk', priceOre: 4_000, costOre: 2_000, vatCode: '15', stockManaged: true, binLocation: 'B-02', supplierId: supplier2.id });
  const service = await must('products.create', { number: 'TIME', name: 'Montering', unit: 'time', priceOre: 90_000, vatCode: '25', stockManaged: false });
  const screw = await must('products.create', { number: 'SKRUE', name: 'Treskrue 5x50 (200 stk)', unit: 'pk', priceOre: 9_900, costOre: 3_000, vatCode: '25', stockManaged: true, ean: EANS[0], supplierId: supplier.id, reorderPointQty: 20_000 });
  await must('products.create', { number: 'UTGÅTT', name: 'Utgått vare', unit: 'stk', priceOre: 100, vatCode: '0', stockManaged: true, active: false });
  await must('stock.receive', { productId: drill.id, quantity: 100_000, costOre: 50_000 });
  await must('stock.receive', { productId: bread.id, quantity: 40_000, costOre: 2_000 });

  const order = async (type: number, kind: StatusKind, lines: [number, number][], extra: Record<string, unknown> = {}, customerId: number = bygg.id, texts: unknown[] = []) =>
    must('orders.create', {
      header: { customerId, orderType: type, statusId: status(kind), ...extra },
      lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
      texts,
      confirm: { allowShortage: true, overrideCreditLimit: true },
    });
  const move = async (o: { id: number; version: number }, kind: StatusKind) =>
    must('orders.setStatus', { id: o.id, version: o.version, statusId: status(kind), confirm: { deliverRemaining: true, allowShortage: true, returnGoods: true, overrideCreditLimit: true } });

  // Headings and text rows (issue 10) on the quote and on an order delivered in part, so calls meet them.
  const groups = [{ index: 0, kind: 'heading', text: 'Verktøy' }, { index: 2, kind: 'heading', text: 'Arbeid' }, { index: 4, kind: 'text', text: 'Levering etter avtale' }];
  await step('quote', () => order(5, 'quote', [[drill.id, 2_000], [service.id, 3_000]], { customerReference: 'Tilbud hytte' }, ola.id, groups));
  let confirmed: number | null = null;
  await step('confirmed', async () => {
    confirmed = (await order(1, 'confirmed', [[drill.id, 3_000], [bread.id, 2_000]], { deliveryAddressId: bygg.deliveryAddresses[0]!.id, contactId: bygg.contacts[0]!.id })).id;
  });
  await step('partly delivered', async () => {
    const o = await order(1, 'confirmed', [[drill.id, 4_000], [screw.id, 1_000]], {}, bygg.id, groups);
    await must('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
  });
  await step('invoiced and credited', async () => {
    const o = await move(await order(1, 'confirmed', [[drill.id, 2_000], [bread.id, 5_000]]), 'shipped');
    const { invoice } = await must('orders.invoice', { id: o.id, version: o.version });
    await must('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: invoice.lines[0]!.id, quantity: 1_000 }], returnToStock: true });
  });
  await step('shipped', async () => move(await order(1, 'confirmed', [[bread.id, 1_000]], {}, nordlys.id), 'shipped'));
  await step('direct', () => order(2, 'confirmed', [[drill.id, 1_000]]));
  await step('cash', () =>
    must('orders.create', {
      header: { customerId: ola.id, orderType: 3 },
      lines: [{ productId: bread.id, quantity: 3_000 }],
      payment: { method: 'cash', receivedOre: 100_000 },
    }),
  );
  await step('pre-order', () => order(7, 'confirmed', [[screw.id, 5_000]]));
  await step('budget', () => order(8, 'draft', [[service.id, 10_000]]));
  await step('loan', async () => move(await order(1, 'confirmed', [[drill.id, 1_000]], {}, ola.id), 'loan'));
  await step('subscription', async () => {
    const o = await order(1, 'confirmed', [[service.id, 1_000]]);
    const sub = await must('orders.setSubscription', { id: o.id, version: o.version, interval: 'monthly', start: '2025-01-01' });
    await move(sub, 'subscription');
    // Its first period invoiced: a subscription that is running.
    await must('subscriptions.run', {});
  });
  await step('jobs', async () => {
    const o = await order(1, 'confirmed', [[service.id, 2_000]], {}, nordlys.id);
    const ase = await must('employees.create', { name: 'Åse Fjell', initials: 'ÅF' });
    const job = await must('jobs.add', { orderId: o.id, title: 'Montering kjøkken', employeeId: ase.id, plannedDate: '2025-01-10', durationMinutes: 90 });
    await must('jobs.addRepeating', { orderId: o.id, title: 'Opprydding', startDate: '2025-01-06', repeat: { kind: 'weekly', weekdays: [1, 4] } });
    await must('jobs.start', { jobId: job.id });
  });
  await step('web import', () => must('orders.import', { source: 'web', customerId: ola.id, invoiceCustomerId: ola.id, orderType: 6, customerReference: 'WEB-77', lines: [{ productId: bread.id, quantity: 2_000 }] }));
  await step('card import', () =>
    must('orders.import', {
      source: 'web',
      customerId: ola.id,
      invoiceCustomerId: ola.id,
      orderType: 9,
      card: { invoiceReference: 'WEB-78', currency: 'NOK', contractAmountOre: 250_000, maskedCardNumber: '4571********1234', cardCompany: 'Nets' },
      lines: [{ productId: drill.id, quantity: 2_000 }],
    }),
  );
  await step('document', () => must('documents.render', { kind: 'order_confirmation', orderId: confirmed, language: 'nb' }));

  const po = async (lines: [number, number][]) =>
    must('purchase.create', { header: { supplierId: supplier.id, orderType: 1 }, lines: lines.map(([productId, quantity]) => ({ productId, quantity })) });
  await step('purchase to process', () => po([[screw.id, 10_000], [drill.id, 5_000]]));
  await step('purchase replied', async () => {
    const p = await po([[screw.id, 6_000]]);
    await must('purchase.reply', { id: p.id, version: p.version, lines: [{ lineId: p.lines[0]!.id, action: 'change', quantity: 5_000, unitPriceOre: 3_200 }] });
  });
  await step('purchase partly received', async () => {
    const p = await po([[drill.id, 8_000], [screw.id, 2_000]]);
    const r = await must('purchase.reply', { id: p.id, version: p.version, lines: p.lines.map((l: { id: number }) => ({ lineId: l.id, action: 'accept' })) });
    await must('purchase.receive', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, quantity: 3_000 }] });
  });
  await step('purchase matched', async () => {
    const p = await po([[screw.id, 4_000]]);
    const r = await must('purchase.reply', { id: p.id, version: p.version, lines: [{ lineId: p.lines[0]!.id, action: 'accept' }] });
    const rec = await must('purchase.receive', { id: r.id, version: r.version, lines: [{ lineId: r.lines[0]!.id, quantity: 4_000 }] });
    await must('purchase.matchInvoice', { id: rec.id, version: rec.version, invoiceNumber: 'VG-1001', invoiceDate: '2025-01-05', lines: [{ lineId: rec.lines[0]!.id, quantity: 4_000, unitPriceOre: 3_100 }] });
  });
}

// ---- Users ----------------------------------------------------------------------------

/** The harness's own users: an administrator on the default session, and a user without rights. */
export const ADMIN = { username: 'fuzzadmin', pin: '1234' } as const;
export const NO_RIGHTS = { username: 'fuzzlav', pin: '5678' } as const;
export const ADMIN_GROUP = 'Fuzz-administrasjon';
export const NO_RIGHTS_GROUP = 'Uten rettigheter';

// ---- State ----------------------------------------------------------------------------

export interface LineRef {
  readonly id: number;
  readonly productId: number;
  readonly quantity: number;
  readonly delivered: number;
  readonly invoiced: number;
  readonly onLoan: number;
  readonly confirmed: number;
  readonly shipped: number;
  readonly received: number;
  readonly reply: string | null;
}
export interface OrderRef {
  readonly id: number;
  readonly version: number;
  readonly type: number;
  readonly kind: string;
  readonly partyId: number;
  readonly lines: readonly LineRef[];
}
export interface InvoiceRef {
  readonly id: number;
  readonly kind: 'invoice' | 'credit_note';
  readonly partyId: number;
  readonly lines: readonly { readonly id: number; readonly quantity: number; readonly credited: number }[];
}
export interface PartyRef {
  readonly id: number;
  readonly kind: string;
  readonly contacts: readonly number[];
  readonly addresses: readonly number[];
}
export interface ProductRef {
  readonly id: number;
  readonly number: string;
  readonly ean: string | null;
  readonly stockManaged: boolean;
  readonly supplierId: number | null;
  readonly onHand: number;
}
export interface State {
  readonly companyExists: boolean;
  readonly statuses: readonly { readonly id: number; readonly kind: string }[];
  readonly customers: readonly PartyRef[];
  readonly suppliers: readonly PartyRef[];
  readonly products: readonly ProductRef[];
  readonly orders: readonly OrderRef[];
  readonly purchases: readonly OrderRef[];
  readonly invoices: readonly InvoiceRef[];
  readonly jobs: readonly { readonly id: number; readonly orderId: number; readonly started: boolean; readonly completed: boolean }[];
  /** Repeating jobs (issue 12). */
  readonly schedules: readonly number[];
  readonly deliveries: readonly { readonly id: number; readonly orderId: number }[];
  readonly documents: readonly number[];
  readonly users: readonly { readonly id: number; readonly username: string; readonly groupId: number }[];
  readonly groups: readonly number[];
  readonly maxIds: Readonly<Record<string, number>>;
}

const RECENT = 80;

export function readState(ro: Db): State {
  const all = <T>(sql: string): T[] => ro.prepare(sql).all() as T[];
  const byParty = <T extends { party_id: number; id: number }>(rows: T[]) => {
    const m = new Map<number, number[]>();
    for (const r of rows) m.set(r.party_id, [...(m.get(r.party_id) ?? []), r.id]);
    return m;
  };
  const contacts = byParty(all<{ party_id: number; id: number }>('SELECT party_id, id FROM contact'));
  const addresses = byParty(all<{ party_id: number; id: number }>('SELECT party_id, id FROM delivery_address'));
  const parties = all<{ id: number; role: string; kind: string }>('SELECT id, role, kind FROM party ORDER BY id DESC LIMIT 200');
  const party = (p: { id: number; kind: string }): PartyRef => ({ id: p.id, kind: p.kind, contacts: contacts.get(p.id) ?? [], addresses: addresses.get(p.id) ?? [] });

  const orderRows = all<{ id: number; version: number; type: number; kind: string; party_id: number; tt: string }>(
    `SELECT * FROM (SELECT o.id, o.version, o.order_type AS type, s.kind, o.party_id, o.transaction_type AS tt
       FROM order_header o JOIN status s ON s.id = o.status_id WHERE o.transaction_type = 'sales' ORDER BY o.id DESC LIMIT ${RECENT})
     UNION ALL
     SELECT * FROM (SELECT o.id, o.version, o.order_type, '', o.party_id, o.transaction_type
       FROM order_header o WHERE o.transaction_type = 'purchase' ORDER BY o.id DESC LIMIT ${RECENT})`,
  );
  const ids = orderRows.map((o) => o.id);
  const lines = new Map<number, LineRef[]>();
  if (ids.length) {
    for (const l of all<LineRef & { orderId: number }>(
      `SELECT l.order_id AS orderId, l.id, l.product_id AS productId, l.quantity, l.qty_delivered AS delivered, l.qty_invoiced AS invoiced,
              l.qty_on_loan AS onLoan, l.qty_confirmed AS confirmed, l.qty_shipped AS shipped, l.qty_received AS received, pl.reply
         FROM order_line l LEFT JOIN purchase_line pl ON pl.line_id = l.id
        WHERE l.order_id IN (${ids.join(',')}) ORDER BY l.order_id, l.line_no`,
    )) {
      const { orderId, ...line } = l;
      lines.set(orderId, [...(lines.get(orderId) ?? []), line]);
    }
  }
  const toRef = (o: (typeof orderRows)[number]): OrderRef => ({ id: o.id, version: o.version, type: o.type, kind: o.kind, partyId: o.party_id, lines: lines.get(o.id) ?? [] });

  const invoiceRows = all<{ id: number; kind: 'invoice' | 'credit_note'; party_id: number }>(`SELECT id, kind, party_id FROM invoice ORDER BY id DESC LIMIT ${RECENT}`);
  const invLines = new Map<number, { id: number; quantity: number; credited: number }[]>();
  if (invoiceRows.length) {
    for (const l of all<{ invoice_id: number; id: number; quantity: number; credited: number }>(
      `SELECT invoice_id, id, quantity, qty_credited AS credited FROM invoice_line WHERE invoice_id IN (${invoiceRows.map((i) => i.id).join(',')}) ORDER BY id`,
    )) {
      invLines.set(l.invoice_id, [...(invLines.get(l.invoice_id) ?? []), { id: l.id, quantity: l.quantity, credited: l.credited }]);
    }
  }

  const max = (table: string) => (ro.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m;
  return {
    companyExists: (ro.prepare('SELECT count(*) AS n FROM company').get() as { n: number }).n > 0,
    statuses: all<{ id: number; kind: string }>("SELECT id, kind FROM status WHERE transaction_type = 'sales' ORDER BY sort_order"),
    customers: parties.filter((p) => p.role === 'customer').map(party),
    suppliers: parties.filter((p) => p.role === 'supplier').map(party),
    products: all<{ id: number; number: string; ean: string | null; sm: number; supplier_id: number | null; on_hand: number }>(
      'SELECT id, number, ean, stock_managed AS sm, supplier_id, qty_on_hand AS on_hand FROM product ORDER BY id DESC LIMIT 200',
    ).map((p) => ({ id: p.id, number: p.number, ean: p.ean, stockManaged: p.sm === 1, supplierId: p.supplier_id, onHand: p.on_hand })),
    orders: orderRows.filter((o) => o.tt === 'sales').map(toRef),
    purchases: orderRows.filter((o) => o.tt === 'purchase').map(toRef),
    invoices: invoiceRows.map((i) => ({ id: i.id, kind: i.kind, partyId: i.party_id, lines: invLines.get(i.id) ?? [] })),
    jobs: all<{ id: number; orderId: number; started: number; completed: number }>(
      `SELECT id, order_id AS orderId, started_at IS NOT NULL AS started, completed_at IS NOT NULL AS completed FROM job ORDER BY id DESC LIMIT ${RECENT}`,
    ).map((j) => ({ id: j.id, orderId: j.orderId, started: j.started === 1, completed: j.completed === 1 })),
    schedules: all<{ id: number }>(`SELECT id FROM job_schedule ORDER BY id DESC LIMIT ${RECENT}`).map((s) => s.id),
    deliveries: all<{ id: number; orderId: number }>(`SELECT id, order_id AS orderId FROM delivery ORDER BY id DESC LIMIT ${RECENT}`),
    documents: all<{ id: number }>(`SELECT id FROM document ORDER BY id DESC LIMIT ${RECENT}`).map((d) => d.id),
    users: all<{ id: number; username: string; groupId: number }>('SELECT id, username, group_id AS groupId FROM app_user ORDER BY id'),
    groups: all<{ id: number }>('SELECT id FROM access_group ORDER BY id').map((g) => g.id),
    maxIds: { order: max('order_header'), order_line: max('order_line'), invoice: max('invoice'), party: max('party'), product: max('product'), job: max('job'), document: max('document') },
  };
}
