// The demo company offered on first start (system.createDemo): realistic, valid
// by the same checks as user input, a year of orders told through the real
// sales operations so that every status a clerk meets has orders and stock,
// reservations and invoices agree with them; a year of purchasing beside it
// (suppliers, reorder points, purchase orders in every status the company's
// purchase options allow, receptions into stock, supplier invoices);
// deterministic, and refused once a company exists.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderListRow } from '../../shared/channels/orders';
import type { PurchaseListRow, PurchaseOrder } from '../../shared/channels/purchasing';
import { isValidBankAccount, isValidEan, isValidOrgNumber } from '../../shared/checks';
import { PURCHASE_STATUS_KEYS, VAT_CODE_IDS, type PurchaseStatus, type StatusKind } from '../../shared/enums';
import { auditSales } from '../../src-main/engine/demo/audit';
import { NON_PROCESSING_KINDS, UNPROCESSED_TYPES } from '../../shared/kinds';
import { computeTotals } from '../../src-main/engine/domain/pricing';
import { FIXED_NOW, ledgerSnapshot, makeEngine, type TestEngine } from '../helpers/engine';

/** One demo company for the tests that only read it. */
let t: TestEngine;
let db: Database.Database;
beforeAll(async () => {
  t = await makeEngine();
  await t.ok('system.createDemo', {});
  db = new Database(t.file, { readonly: true });
}, 60_000);
afterAll(() => {
  db?.close();
  t?.close();
});

const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;

async function allOrders(e: TestEngine): Promise<OrderListRow[]> {
  const { rows, rowCount } = await e.ok('orders.list', { startRow: 0, endRow: 1000, sortModel: [{ colId: 'number', sort: 'asc' }] });
  expect(rows).toHaveLength(rowCount);
  return [...rows];
}

/** Every purchase order, oldest number first. */
async function allPurchases(e: TestEngine): Promise<PurchaseListRow[]> {
  const { rows, total } = await e.ok('purchase.list', { limit: 500 });
  expect(rows).toHaveLength(total);
  return [...rows].sort((a, b) => a.number - b.number);
}

/** The statuses a purchase order can have under the company's purchase options (SPEC 1.3). */
function purchaseStatusesFor(options: { reply: boolean; dispatch: boolean; reception: boolean }): PurchaseStatus[] {
  return PURCHASE_STATUS_KEYS.filter((s) => {
    if (s === 'refused' || s === 'confirmed' || s === 'partially_confirmed') return options.reply;
    if (s === 'shipped' || s === 'partially_shipped') return options.dispatch;
    if (s === 'received' || s === 'partially_received') return options.reception;
    return true;
  });
}

/** Every status a clerk meets in the standard flow and beyond, each with orders in it. */
const REACHED: readonly StatusKind[] = [
  'draft',
  'quote',
  'accepted',
  'web',
  'confirmed',
  'production',
  'job_started',
  'job_completed',
  'pack',
  'loan',
  'subscription',
  'rest',
  'shipped',
  'ready_to_invoice',
  'invoiced_packing_slip',
  'cash_invoiced',
  'invoiced',
  'reminded',
  'paid',
  'closed',
  'cancelled',
];

describe('the demo company', () => {
  it('creates a company, at least 50 products, 20 customers and 200 orders through the channels', async () => {
    const summary = await t.ok('system.bootstrap', {});
    expect(summary.companyExists).toBe(true);
    const company = (await t.ok('company.get', {}))!;
    expect(isValidOrgNumber(company.orgNumber)).toBe(true);
    expect(isValidBankAccount(company.bankAccount!)).toBe(true);
    expect(company.vatRegistered).toBe(true);
    expect(['Bergen', 'Kokstad', 'Oslo']).toContain(company.city);
    expect(company.postalCode).toMatch(/^\d{4}$/);

    const products = (await t.ok('products.list', { limit: 500 })).rows;
    expect(products.length).toBeGreaterThanOrEqual(50);
    expect(new Set(products.map((p) => p.vatCode))).toEqual(new Set(VAT_CODE_IDS));
    expect(new Set(products.map((p) => p.unit))).toEqual(new Set(['stk', 'pk', 'kg', 'm', 'l', 'time']));
    const withEan = products.filter((p) => p.ean !== null);
    expect(withEan.length).toBeGreaterThan(products.length / 2);
    for (const p of withEan) expect(isValidEan(p.ean!), p.ean!).toBe(true);
    expect(products.filter((p) => !p.stockManaged).length).toBeGreaterThanOrEqual(5);
    for (const p of products.filter((x) => x.stockManaged)) expect(p.binLocation).toMatch(/^[A-Z]-\d{2}-\d{2}$/);

    const customers = (await t.ok('customers.list', { limit: 500 })).rows;
    expect(customers.length).toBeGreaterThanOrEqual(20);
    const business = customers.filter((c) => c.kind === 'business');
    const privates = customers.filter((c) => c.kind === 'private');
    expect(business.length).toBeGreaterThanOrEqual(5);
    expect(privates.length).toBeGreaterThanOrEqual(5);
    // Documents in English for at least one customer (issue 10, item 4).
    expect(customers.filter((c) => c.language === 'en').map((c) => c.name)).toEqual(['Fjord Events AS']);
    for (const c of customers) {
      if (c.orgNumber !== null) expect(isValidOrgNumber(c.orgNumber), `${c.name} ${c.orgNumber}`).toBe(true);
      expect(c.postalCode).toMatch(/^\d{4}$/);
      expect(c.phone).toMatch(/^\+47 [\d ]{8,}$/);
    }
    for (const c of business) {
      expect(c.orgNumber).not.toBeNull();
      const full = await t.ok('customers.get', { id: c.id });
      expect(full.contacts.length).toBeGreaterThanOrEqual(1);
      for (const contact of full.contacts) expect(contact.phone).toMatch(/^\+47 /);
    }
    expect(new Set(customers.map((c) => c.orgNumber).filter(Boolean)).size).toBe(business.length);
    expect(customers.some((c) => c.invoiceCustomerId !== null)).toBe(true);
    expect(customers.some((c) => c.creditLimitOre !== null) && customers.some((c) => c.creditLimitOre === null)).toBe(true);

    // 200 orders entered, and the orders the work made besides (from quotes, backorders).
    const orders = await allOrders(t);
    expect(orders.length).toBeGreaterThan(200);
    const made = orders.filter((o) => one<{ n: number }>('SELECT count(*) AS n FROM order_header WHERE id = ? AND (source_order_id IS NOT NULL OR backorder_of_id IS NOT NULL)', o.id).n > 0);
    expect(orders.length - made.length).toBe(200);
  });

  it('reaches every status through the real operations, each shown as a tab', async () => {
    const statuses = await t.ok('statuses.list', {});
    const kindOf = new Map(statuses.map((s) => [s.id, s.kind]));
    const counts = await t.ok('orders.statusCounts', {});
    const reached = new Map(counts.byStatus.filter((s) => s.count > 0).map((s) => [kindOf.get(s.statusId)!, s.count]));
    for (const kind of REACHED) expect(reached.get(kind) ?? 0, kind).toBeGreaterThan(0);
    const visible = new Set(statuses.filter((s) => !s.hidden).map((s) => s.kind));
    for (const kind of reached.keys()) expect(visible.has(kind), kind).toBe(true);
  });

  it('got there by the operations: deliveries, invoices, credit notes, backorders, quotes accepted, loans, subscriptions, jobs, imports', () => {
    const count = (sql: string) => one<{ n: number }>(sql).n;
    // Every invoiced order has its invoice, every shipped one its delivery.
    expect(count(`SELECT count(*) AS n FROM invoice WHERE kind = 'invoice'`)).toBeGreaterThan(50);
    expect(count(`SELECT count(*) AS n FROM invoice WHERE kind = 'credit_note'`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM stock_movement WHERE cause = 'credit'`)).toBeGreaterThan(0);
    // Collective invoices gather several orders of a customer.
    expect(count(`SELECT count(*) AS n FROM (SELECT invoice_id FROM invoice_order GROUP BY invoice_id HAVING count(*) > 1)`)).toBeGreaterThan(0);
    // Cash sales carry their payment and an accounting batch; card payments were captured.
    expect(count(`SELECT count(*) AS n FROM payment p JOIN invoice i ON i.id = p.invoice_id WHERE i.order_type = 3`)).toBe(
      count(`SELECT count(*) AS n FROM order_header o JOIN status s ON s.id = o.status_id WHERE s.kind = 'cash_invoiced'`),
    );
    expect(count(`SELECT count(*) AS n FROM accounting_batch`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM card_event WHERE kind = 'capture'`)).toBeGreaterThan(0);
    // Backorders of partly delivered orders; orders made from accepted quotes.
    expect(count(`SELECT count(*) AS n FROM order_header o JOIN status s ON s.id = o.status_id WHERE s.kind = 'rest' AND o.backorder_of_id IS NOT NULL`)).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) AS n FROM order_header o JOIN order_header q ON q.id = o.source_order_id JOIN status s ON s.id = q.status_id WHERE s.kind = 'accepted'`),
    ).toBeGreaterThan(0);
    // Realized orders issued their goods on save; returned loans closed; subscriptions invoiced per period.
    expect(count(`SELECT count(*) AS n FROM stock_movement WHERE order_type = 4 AND cause = 'issue'`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM subscription_run`)).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM job WHERE completed_at IS NOT NULL`)).toBeGreaterThan(0);
    // The warehouse was restocked during the year, after the opening stock.
    expect(count(`SELECT count(*) AS n FROM stock_movement WHERE cause = 'receipt' AND note = 'Varemottak'`)).toBeGreaterThan(0);
    // Invoices are dated as the work happened, and their numbers rise with their dates.
    const invoices = all<{ number: number; invoice_date: string }>('SELECT number, invoice_date FROM invoice ORDER BY number');
    expect(invoices.map((i) => i.invoice_date)).toEqual(invoices.map((i) => i.invoice_date).sort());
    expect(invoices[0]!.invoice_date < '2024-06-01').toBe(true);
  });

  it('keeps the sales invariants: stock, reservations, loans, deliveries and invoices agree with the orders', async () => {
    const snap = await ledgerSnapshot(t.file);
    expect(snap.stock.length).toBeGreaterThanOrEqual(50);
    for (const s of snap.stock) {
      expect(s.onHand, `on-hand = sum of movements (product ${s.productId})`).toBe(s.movementSum);
      expect(s.batchSum, `batches sum to on-hand (product ${s.productId})`).toBe(s.onHand);
      expect(s.reserved, `reserved = sum of line reservations (product ${s.productId})`).toBe(s.reservedSum);
      expect(s.onLoan, `on loan = sum of lines on loan (product ${s.productId})`).toBe(s.onLoanSum);
    }
    expect(snap.invoiceNumbers.length).toBeGreaterThan(50);
    expect(snap.invoiceNumbers, 'invoice numbers 1..n without gaps').toEqual(snap.invoiceNumbers.map((_, i) => i + 1));
    expect(snap.stock.some((s) => s.reserved > 0) && snap.stock.some((s) => s.onLoan > 0)).toBe(true);

    // The sales lines (purchase lines are received and invoiced by the supplier's invoices, not delivered: below).
    const lines = all<{ id: number; order_type: number; quantity: number; qty_delivered: number; qty_invoiced: number; qty_credited: number; managed: number; periods: number }>(
      `SELECT l.id, o.order_type, l.quantity, l.qty_delivered, l.qty_invoiced, l.qty_credited, p.stock_managed AS managed,
         (SELECT count(*) FROM subscription_run r WHERE r.order_id = o.id) AS periods
       FROM order_line l JOIN order_header o ON o.id = l.order_id JOIN product p ON p.id = l.product_id
       WHERE o.transaction_type = 'sales'`,
    );
    expect(lines.length).toBeGreaterThan(500);
    for (const l of lines) {
      expect(l.qty_delivered, `delivered ≤ ordered (line ${l.id})`).toBeLessThanOrEqual(l.quantity);
      expect(l.qty_invoiced, `invoiced ≤ delivered (line ${l.id})`).toBeLessThanOrEqual(l.qty_delivered);
      expect(l.qty_credited, `credited ≤ invoiced (line ${l.id})`).toBeLessThanOrEqual(l.qty_invoiced);
      // Goods leave stock once per delivered quantity, and once per subscription period.
      const issued = l.managed ? l.qty_delivered + l.periods * l.quantity : 0;
      expect(snap.netIssued.get(l.id) ?? 0, `no quantity issued twice (line ${l.id})`).toBe(issued);
    }
    expect(lines.filter((l) => l.qty_invoiced > 0 && l.qty_invoiced === l.quantity).length).toBeGreaterThan(100);

    const findings = auditSales(db as unknown as Parameters<typeof auditSales>[0]);
    expect(findings.filter((f) => f.violations > 0)).toEqual([]);
    expect(findings.length).toBeGreaterThanOrEqual(17);
    // The purchasing rules are among them, and have purchase lines to check.
    expect(findings.filter((f) => f.rule.startsWith('purchase lines:'))).toHaveLength(2);
  });

  it('buys from Norwegian suppliers, each stocked product with its supplier and reorder point', async () => {
    const company = (await t.ok('company.get', {}))!;
    // Every purchase option on: reply, dispatch (so Shipped and Partially shipped appear) and reception.
    expect([company.purchaseReply, company.purchaseDispatch, company.purchaseReception]).toEqual([true, true, true]);

    const suppliers = (await t.ok('suppliers.list', { limit: 500 })).rows;
    expect(suppliers.length).toBeGreaterThanOrEqual(3);
    expect(suppliers.length).toBeLessThanOrEqual(6);
    const customers = (await t.ok('customers.list', { limit: 500 })).rows;
    const taken = new Set([company.orgNumber, ...customers.map((c) => c.orgNumber)]);
    for (const s of suppliers) {
      expect(s.kind).toBe('business');
      expect(isValidOrgNumber(s.orgNumber!), `${s.name} ${s.orgNumber}`).toBe(true);
      expect(taken.has(s.orgNumber), `${s.name}: an organisation number of its own`).toBe(false);
      expect(s.name).toMatch(/ AS$/);
      expect(s.addressLine1).toBeTruthy();
      expect(s.postalCode).toMatch(/^\d{4}$/);
      expect(s.city).toBeTruthy();
      expect(s.phone).toMatch(/^\+47 /);
      const full = await t.ok('suppliers.get', { id: s.id });
      expect(full.contacts.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(suppliers.map((s) => s.orgNumber)).size).toBe(suppliers.length);

    const products = (await t.ok('products.list', { limit: 500 })).rows;
    const supplierIds = new Set(suppliers.map((s) => s.id));
    const bought = products.filter((p) => p.supplierId !== null);
    expect(bought.length).toBeGreaterThan(products.length / 2);
    for (const p of bought) {
      expect(supplierIds.has(p.supplierId!), p.number).toBe(true);
      expect(p.stockManaged, p.number).toBe(true);
      expect(p.reorderPointQty, p.number).toBeGreaterThan(0);
      expect(p.reorderPointQty! % 1000, p.number).toBe(0);
    }
    // Each supplier has a range; services are not bought in.
    for (const s of suppliers) expect(bought.filter((p) => p.supplierId === s.id).length, s.name).toBeGreaterThanOrEqual(4);
    for (const p of products.filter((x) => !x.stockManaged)) expect([p.supplierId, p.reorderPointQty], p.number).toEqual([null, null]);
  });

  it('has purchase orders in every status its purchase options allow, over the year', async () => {
    const company = (await t.ok('company.get', {}))!;
    const allowed = purchaseStatusesFor({ reply: company.purchaseReply, dispatch: company.purchaseDispatch, reception: company.purchaseReception });
    // With every option on, that is every status there is.
    expect(allowed).toEqual([...PURCHASE_STATUS_KEYS]);
    const { counts, total } = await t.ok('purchase.list', { limit: 1 });
    for (const status of allowed) expect(counts[status], status).toBeGreaterThan(0);
    for (const status of PURCHASE_STATUS_KEYS.filter((x) => !allowed.includes(x))) expect(counts[status], status).toBe(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
    // Each tab lists what it counts.
    for (const status of allowed) {
      const tab = await t.ok('purchase.list', { statuses: [status], limit: 500 });
      expect(tab.total, status).toBe(counts[status]);
      expect(new Set(tab.rows.map((r) => r.status))).toEqual(new Set([status]));
    }
    // About one purchase order for every five sales orders, over the last twelve months, numbers rising with the date.
    const rows = await allPurchases(t);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const r of rows) {
      expect(r.orderDate <= '2025-01-05').toBe(true);
      expect(r.orderDate >= '2024-01-06').toBe(true);
    }
    expect(rows.map((r) => r.orderDate)).toEqual(rows.map((r) => r.orderDate).sort());
    expect(new Set(rows.map((r) => r.orderDate.slice(0, 7))).size).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((r) => r.supplierId)).size).toBeGreaterThanOrEqual(3);
    // Purchase orders stay out of the sales list and its status tabs.
    expect((await t.ok('orders.statusCounts', {})).total).toBe((await allOrders(t)).length);
  });

  it('tells the purchase stories through the channels: amendment, inquiry, changed replies, receptions in parts, invoices with price differences', async () => {
    const orders: PurchaseOrder[] = [];
    for (const r of await allPurchases(t)) orders.push(await t.ok('purchase.get', { id: r.id }));
    const byId = new Map(orders.map((o) => [o.id, o]));

    // An amended order: the original cancelled and replaced, the amendment processed in its turn.
    const amendments = orders.filter((o) => o.amendsId !== null);
    expect(amendments.length).toBeGreaterThan(0);
    for (const a of amendments) {
      const original = byId.get(a.amendsId!)!;
      expect(original.status).toBe('cancelled');
      expect(original.amendedById).toBe(a.id);
      expect(a.revision).toBe(original.revision + 1);
      expect(a.number).toBeGreaterThan(original.number);
    }
    expect(amendments.some((a) => a.status !== 'to_process' && a.status !== 'cancelled')).toBe(true);
    // A cancelled order that was not replaced, an inquiry waiting for prices, a Realized order received as it was saved.
    expect(orders.some((o) => o.status === 'cancelled' && o.amendedById === null)).toBe(true);
    const inquiries = orders.filter((o) => o.orderType === 5);
    expect(inquiries.length).toBeGreaterThan(0);
    for (const o of inquiries) expect(o.status).toBe('to_process');
    const realized = orders.filter((o) => o.orderType === 4);
    expect(realized.length).toBeGreaterThan(0);
    for (const o of realized) for (const l of o.lines) expect(l.qtyReceived).toBe(l.quantity);

    // Partial confirmations: a changed price, fewer units, a refused line, ordered and confirmed values side by side.
    const lines = orders.flatMap((o) => o.lines.map((l) => ({ o, l })));
    const partly = orders.filter((o) => o.status === 'partially_confirmed');
    expect(partly.some((o) => o.lines.some((l) => l.reply === 'changed' && l.confirmedPriceOre !== null && l.confirmedPriceOre > l.unitPriceOre))).toBe(true);
    expect(lines.some(({ l }) => l.reply === 'changed' && l.qtyConfirmed < l.quantity && l.qtyExpected === l.qtyConfirmed)).toBe(true);
    expect(lines.some(({ o, l }) => l.reply === 'refused' && o.status !== 'refused')).toBe(true);
    expect(orders.filter((o) => o.status === 'refused').every((o) => o.lines.every((l) => l.reply === 'refused' && l.qtyReceived === 0))).toBe(true);

    // Each step took no more than the step before it let through (reply → dispatch → reception → invoice).
    for (const { o, l } of lines) {
      if (o.orderType !== 1) continue;
      expect(l.qtyShipped, `shipped ≤ expected (order ${o.number} line ${l.lineNo})`).toBeLessThanOrEqual(l.qtyExpected);
      expect(l.qtyReceived, `received ≤ shipped (order ${o.number} line ${l.lineNo})`).toBeLessThanOrEqual(l.qtyShipped);
      expect(l.qtyInvoiced, `invoiced ≤ received (order ${o.number} line ${l.lineNo})`).toBeLessThanOrEqual(l.qtyReceived);
    }
    for (const o of orders) expect(o.totals.netOre).toBe(o.lines.reduce((s, l) => s + l.amountOre, 0));

    // Receptions in parts: an order received in full by more than one reception.
    const receptions = all<{ order_id: number; n: number }>(
      `SELECT l.order_id, count(DISTINCT m.created_at) AS n FROM stock_movement m JOIN order_line l ON l.id = m.order_line_id
       JOIN order_header o ON o.id = l.order_id
       WHERE o.transaction_type = 'purchase' AND m.cause = 'receipt' GROUP BY l.order_id`,
    );
    const inParts = new Set(receptions.filter((r) => r.n >= 2).map((r) => r.order_id));
    expect(orders.some((o) => o.status === 'received' && inParts.has(o.id))).toBe(true);
    expect(orders.some((o) => o.status === 'invoiced' && inParts.has(o.id))).toBe(true);

    // Supplier invoices: several on one order, and some dearer than agreed, the difference shown.
    expect(orders.some((o) => o.status === 'invoiced' && o.invoices.length >= 2)).toBe(true);
    const invoices = orders.flatMap((o) => o.invoices);
    expect(invoices.length).toBeGreaterThan(10);
    expect(invoices.filter((i) => i.priceDifferenceOre > 0).length).toBeGreaterThan(0);
    expect(invoices.filter((i) => i.priceDifferenceOre === 0).length).toBeGreaterThan(invoices.length / 2);
    for (const i of invoices) expect(i.totalNetOre).toBe(i.lines.reduce((s, l) => s + l.amountOre, 0));
    expect(orders.some((o) => o.priceDifferenceOre > 0 && o.lines.some((l) => l.priceDifferenceOre > 0))).toBe(true);
  });

  it('receives the purchased goods into stock as the year goes, among the sales, and stock is still the sum of its movements', async () => {
    const receipts = all<{ at: string; sent: string; product_id: number }>(
      `SELECT m.created_at AS at, o.created_at AS sent, m.product_id FROM stock_movement m
       JOIN order_line l ON l.id = m.order_line_id JOIN order_header o ON o.id = l.order_id
       WHERE o.transaction_type = 'purchase' AND m.cause = 'receipt'`,
    );
    expect(receipts.length).toBeGreaterThan(50);
    for (const r of receipts) {
      expect(r.at >= r.sent, 'received after the order was sent').toBe(true);
      expect(r.at <= FIXED_NOW.toISOString(), 'received by now').toBe(true);
    }
    expect(new Set(receipts.map((r) => r.at.slice(0, 7))).size).toBeGreaterThanOrEqual(8);
    // Sold both before and after a reception: the receptions are among the sales, not ahead of them.
    const issues = all<{ at: string }>(`SELECT created_at AS at FROM stock_movement WHERE cause = 'issue' ORDER BY created_at`);
    const mid = receipts.map((r) => r.at).sort()[Math.floor(receipts.length / 2)]!;
    expect(issues.some((i) => i.at < mid) && issues.some((i) => i.at > mid)).toBe(true);
    // Each reception is a new batch at the received cost.
    const batches = one<{ n: number }>(`SELECT count(*) AS n FROM stock_batch WHERE source LIKE 'purchase %'`).n;
    expect(batches).toBeGreaterThan(0);

    const snap = await ledgerSnapshot(t.file);
    const purchased = new Set(receipts.map((r) => r.product_id));
    const stock = snap.stock.filter((s) => purchased.has(s.productId));
    expect(stock.length).toBeGreaterThan(20);
    for (const s of stock) {
      expect(s.onHand, `on-hand = sum of movements (product ${s.productId})`).toBe(s.movementSum);
      expect(s.batchSum, `batches sum to on-hand (product ${s.productId})`).toBe(s.onHand);
    }
  });

  it('suggests purchases: products below their reorder point, grouped by their supplier', async () => {
    const groups = await t.ok('purchase.suggestions', {});
    const suggested = groups.flatMap((g) => g.lines.map((l) => ({ g, l })));
    expect(suggested.length).toBeGreaterThan(0);
    expect(groups.some((g) => g.supplierId !== null)).toBe(true);
    const products = new Map((await t.ok('products.list', { limit: 500 })).rows.map((p) => [p.id, p]));
    for (const { g, l } of suggested) {
      expect(products.get(l.productId)!.supplierId).toBe(g.supplierId);
      expect(l.projected).toBe(l.onHand - l.reserved - l.onLoan + l.onOrder);
      expect(l.projected, l.productNumber).toBeLessThan(l.reorderPoint);
      expect(l.projected + l.suggestedQty, l.productNumber).toBeGreaterThanOrEqual(l.reorderPoint);
    }
  });

  it('spreads the orders over order types, within the rules of order types and statuses, over the last twelve months', async () => {
    const statuses = await t.ok('statuses.list', {});
    const kindOf = new Map(statuses.map((s) => [s.id, s.kind]));
    const orders = await allOrders(t);
    const types = new Set(orders.map((o) => o.orderType));
    for (const type of [1, 2, 3, 4, 5, 6, 7, 8, 9]) expect(types.has(type as 1), `order type ${type}`).toBe(true);
    for (const o of orders) {
      if (UNPROCESSED_TYPES.includes(o.orderType)) expect(NON_PROCESSING_KINDS).toContain(kindOf.get(o.statusId));
    }
    // Over the last twelve months, numbers rising with the date.
    const today = '2025-01-05';
    expect(FIXED_NOW.toISOString().startsWith('2025-01-05')).toBe(true);
    for (const o of orders) {
      expect(o.orderDate <= today).toBe(true);
      expect(o.orderDate >= '2024-01-06').toBe(true);
    }
    const dates = orders.map((o) => o.orderDate);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(orders.map((o) => o.orderDate.slice(0, 7))).size).toBeGreaterThanOrEqual(10);
    for (const o of orders) if (o.customerReference !== null && o.orderType !== 6 && o.orderType !== 9) expect(o.customerReference).toMatch(/^PO-\d{4}$/);
  });

  it('gives every order 1 to 12 lines and stores the totals its lines add up to', async () => {
    const rows = await allOrders(t);
    const company = (await t.ok('company.get', {}))!;
    const lineCounts = new Set<number>();
    for (const row of rows) {
      const order: Order = await t.ok('orders.get', { id: row.id });
      expect(order.lines.length).toBeGreaterThanOrEqual(1);
      expect(order.lines.length).toBeLessThanOrEqual(12);
      lineCounts.add(order.lines.length);
      const totals = computeTotals(order.lines, { vatRegistered: company.vatRegistered });
      expect(row.totalGrossOre).toBe(totals.grossOre);
      expect(row.totalNetOre).toBe(totals.netOre);
      expect(row.customerName).toBe(order.customerName);
    }
    expect(lineCounts.size).toBeGreaterThanOrEqual(8);
  });

  it('ships some orders to the customers\' delivery addresses (building sites), backorders carrying theirs', async () => {
    const shipTo = db
      .prepare(
        `SELECT a.order_id AS orderId, a.name, o.backorder_of_id AS backorderOf FROM order_delivery_address a JOIN order_header o ON o.id = a.order_id
          WHERE o.transaction_type = 'sales'`,
      )
      .all() as { orderId: number; name: string; backorderOf: number | null }[];
    expect(new Set(shipTo.map((r) => r.name))).toEqual(new Set(['Byggeplass Fyllingsdalen', 'Byggeplass Paradis', 'Lager Rådal']));
    const order = await t.ok('orders.get', { id: shipTo[0]!.orderId });
    expect(order.deliveryAddress?.name).toBe(shipTo[0]!.name);
    for (const r of shipTo.filter((x) => x.backorderOf !== null)) {
      expect((await t.ok('orders.get', { id: r.backorderOf! })).deliveryAddress?.name).toBe(r.name);
    }
  });

  it('groups the lines of some orders under headings with a closing text, carried into their invoices (SPEC 2)', async () => {
    const withTexts = db
      .prepare(`SELECT DISTINCT t.order_id AS id FROM order_text_line t JOIN order_header o ON o.id = t.order_id WHERE o.transaction_type = 'sales'`)
      .all() as { id: number }[];
    expect(withTexts.length).toBeGreaterThanOrEqual(10);
    const order = await t.ok('orders.get', { id: withTexts[0]!.id });
    expect(order.textLines.map((x) => x.kind)).toEqual(['heading', 'heading', 'text']);
    expect(order.textLines[0]!.lineNo).toBe(1);
    const invoiced = one<{ n: number }>('SELECT count(DISTINCT invoice_id) AS n FROM invoice_text_line');
    expect(invoiced.n).toBeGreaterThan(0);
  });

  it('finds demo orders by customer name and by number, backorders included', async () => {
    const rows = await allOrders(t);
    const sample = rows[57]!;
    const byNumber = await t.ok('orders.list', { startRow: 0, endRow: 100, search: String(sample.number) });
    expect(byNumber.rows.map((r) => r.id)).toEqual([sample.id]);
    const byName = await t.ok('orders.list', { startRow: 0, endRow: 1000, search: sample.customerName });
    const expected = rows.filter((r) => r.customerId === sample.customerId).map((r) => r.id);
    expect(byName.rows.map((r) => r.id)).toEqual(expect.arrayContaining(expected));
    const rest = one<{ id: number; number: number }>('SELECT id, number FROM order_header WHERE backorder_of_id IS NOT NULL LIMIT 1');
    expect((await t.ok('orders.list', { startRow: 0, endRow: 100, search: String(rest.number) })).rows.map((r) => r.id)).toEqual([rest.id]);
  });

  it('has sent a few reminders, with the legal fee, their orders in Purret and each reminder in its orders\' archive (SPEC 11)', async () => {
    const reminders = await t.ok('reminders.list', {});
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.length).toBeLessThanOrEqual(5);
    expect(reminders.some((r) => r.feeOre === 3_500)).toBe(true);
    for (const r of reminders) {
      expect(r.documentId).not.toBeNull();
      const orders = all<{ order_id: number; kind: string }>(
        `SELECT io.order_id, s.kind FROM reminder_invoice ri JOIN invoice_order io ON io.invoice_id = ri.invoice_id
         JOIN order_header o ON o.id = io.order_id JOIN status s ON s.id = o.status_id WHERE ri.reminder_id = ?`,
        r.id,
      );
      expect(orders.length).toBeGreaterThan(0);
      for (const o of orders) {
        expect(o.kind).toBe('reminded');
        expect((await t.ok('documents.list', { orderId: o.order_id })).some((d) => d.id === r.documentId && d.kind === 'reminder')).toBe(true);
      }
    }
  });

  it('has its invoices mostly paid (by bank, by hand, in part, overpaid and the credit used), some overdue, with payments dated between invoice and today (SPEC 11)', async () => {
    const today = FIXED_NOW.toISOString().slice(0, 10);
    const counts = await t.ok('invoices.tabCounts', {});
    expect(counts.paid).toBeGreaterThan(counts.all / 2);
    expect(counts.overdue).toBeGreaterThan(3);
    const partly = one<{ n: number }>(`SELECT count(*) AS n FROM invoice_balance WHERE kind = 'invoice' AND voided = 0 AND paid_ore > 0 AND paid_ore < payable_ore - credited_ore`).n;
    expect(partly).toBeGreaterThan(0);
    const methods = all<{ method: string; source: string }>('SELECT DISTINCT method, source FROM customer_payment').map((r) => `${r.source}:${r.method}`);
    expect(methods).toEqual(expect.arrayContaining(['manual:bank', 'cash_sale:cash', 'card_capture:card']));
    expect(methods.filter((m) => m.startsWith('manual:') && m !== 'manual:bank').length).toBeGreaterThan(0);
    // Overpaid, and the credit used on another invoice: one payment settling two invoices.
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM (SELECT payment_id FROM payment_allocation WHERE kind = 'settle' GROUP BY payment_id HAVING count(DISTINCT invoice_id) > 1)`).n).toBeGreaterThan(0);
    // Paid after the invoice date and before today (the invoice a payment came for, not one its surplus was used on later).
    const misdated = all(`SELECT p.id FROM customer_payment p JOIN payment_allocation a ON a.payment_id = p.id AND a.on_date = p.paid_on
      JOIN invoice i ON i.id = a.invoice_id
      WHERE p.source = 'manual' AND (p.paid_on <= i.invoice_date OR p.paid_on >= ?)`, today);
    expect(all(`SELECT id FROM customer_payment WHERE source = 'manual' AND paid_on >= ?`, today)).toEqual([]);
    expect(misdated).toEqual([]);
    const { totals } = await t.ok('ledger.aging', {});
    expect(totals.d0_30 > 0 && totals.d31_60 + totals.d61_90 + totals.over90 > 0).toBe(true);
    // Paid orders have followed their invoices to Betalt.
    expect(one<{ n: number }>(`SELECT count(*) AS n FROM order_header o JOIN status s ON s.id = o.status_id WHERE s.kind = 'paid'`).n).toBeGreaterThan(10);
  });

  it('is the same company every time (seeded)', async () => {
    const other = await makeEngine();
    try {
      await other.ok('system.createDemo', {});
      expect(await allOrders(other)).toEqual(await allOrders(t));
      expect(await allPurchases(other)).toEqual(await allPurchases(t));
      expect(await other.ok('suppliers.list', { limit: 500 })).toEqual(await t.ok('suppliers.list', { limit: 500 }));
      expect(await other.ok('purchase.suggestions', {})).toEqual(await t.ok('purchase.suggestions', {}));
      expect((await other.ok('products.list', { limit: 500 })).rows).toEqual((await t.ok('products.list', { limit: 500 })).rows);
      expect(await other.ok('invoices.list', { limit: 500 })).toEqual(await t.ok('invoices.list', { limit: 500 }));
    } finally {
      other.close();
    }
  });

  it('an audit of the ledger finds a broken rule', () => {
    // The audit that passes above must be able to fail: a copy with one reservation too many.
    const copy = join(t.dir, 'broken.ordrebok');
    db.exec(`VACUUM INTO '${copy}'`);
    const broken = new Database(copy);
    try {
      broken.prepare('UPDATE order_line SET qty_reserved = qty_reserved + 1000 WHERE id = (SELECT min(id) FROM order_line WHERE qty_reserved > 0)').run();
      const failed = auditSales(broken as unknown as Parameters<typeof auditSales>[0]).filter((f) => f.violations > 0).map((f) => f.rule);
      expect(failed).toHaveLength(2);
      expect(failed.join(' ')).toMatch(/reserved/);
    } finally {
      broken.close();
    }
  });
});

describe('making the demo company', () => {
  it('is refused once a company exists, leaving the database as it was', async () => {
    const e = await makeEngine();
    try {
      const summary = await e.ok('system.createDemo', { orders: 20 });
      const snapshot = async () => ({
        orders: await allOrders(e),
        purchases: await allPurchases(e),
        suppliers: await e.ok('suppliers.list', { limit: 500 }),
        customers: await e.ok('customers.list', { limit: 500 }),
        products: await e.ok('products.list', { limit: 500 }),
        company: await e.ok('company.get', {}),
      });
      const before = await snapshot();
      expect(before.orders).toHaveLength(summary.orders);
      expect(summary.orders).toBeGreaterThanOrEqual(20);
      // Purchase orders in their own count, one of every story even for a small demo.
      expect(before.purchases).toHaveLength(summary.purchaseOrders);
      expect(summary.purchaseOrders).toBeGreaterThanOrEqual(15);
      expect(before.suppliers.rows).toHaveLength(summary.suppliers);
      const refused = await e.refused('system.createDemo', {});
      expect(refused.code).toBe('company_exists');
      expect(await snapshot()).toEqual(before);
    } finally {
      e.close();
    }
  });

  it('works together on its orders: comments (one corrected), tasks done, open and overdue, reminders (issue 12)', async () => {
    const comments = one<{ n: number; orders: number; corrections: number }>(
      'SELECT count(*) AS n, count(DISTINCT order_id) AS orders, count(corrects_id) AS corrections FROM order_comment',
    );
    const orders = one<{ n: number }>("SELECT count(*) AS n FROM order_header WHERE transaction_type = 'sales'").n;
    expect(comments.orders).toBeGreaterThan(orders / 10);
    expect(comments.n).toBeGreaterThan(comments.orders);
    expect(comments.corrections).toBeGreaterThan(0);
    // Each comment is in its order's activity log, with the moment it was written.
    const order = one<{ order_id: number }>('SELECT order_id FROM order_comment ORDER BY id DESC LIMIT 1').order_id;
    const log = await t.ok('activity.list', { entity: 'order', entityId: order });
    const listed = await t.ok('comments.list', { orderId: order });
    expect(log.filter((e) => e.action === 'comment').map((e) => e.at).reverse()).toEqual(listed.map((c) => c.at));
    const tasks = await t.ok('tasks.mine', { includeDone: true });
    expect(tasks.filter((x) => x.done).length).toBeGreaterThan(10);
    expect(tasks.filter((x) => x.overdue).length).toBeGreaterThan(0);
    expect(tasks.filter((x) => !x.done && !x.overdue).length).toBeGreaterThan(0);
    expect(tasks.every((x) => x.doneAt === null || x.doneAt <= FIXED_NOW.toISOString())).toBe(true);
    const notes = await t.ok('notes.list', {});
    expect(notes.length).toBeGreaterThanOrEqual(3);
    expect(notes.some((n) => n.due)).toBe(true);
    // The open workstation's bell shows what has come due.
    expect((await t.ok('notifications.count', {})).unread).toBe(notes.filter((n) => n.due).length + tasks.filter((x) => !x.done && x.dueDate! <= '2025-01-05').length);
  });

  it('can be made with any number of orders up to the limit, including none', async () => {
    const e = await makeEngine();
    try {
      const summary = await e.ok('system.createDemo', { orders: 0 });
      expect(summary.orders).toBe(0);
      expect((await e.ok('orders.statusCounts', {})).total).toBe(0);
      // Purchase orders scale with the sales orders: none; the suppliers and reorder points are there all the same.
      expect(summary.purchaseOrders).toBe(0);
      expect((await e.ok('purchase.list', { limit: 1 })).total).toBe(0);
      expect(summary.suppliers).toBeGreaterThanOrEqual(3);
      expect((await e.ok('products.list', { limit: 500 })).rows.filter((p) => p.supplierId !== null && p.reorderPointQty !== null).length).toBeGreaterThan(20);
    } finally {
      e.close();
    }
  });
});
