// The accounting handoff (SPEC 11): each event's batch and the accounts it books,
// cash sales waiting to be posted by hand (or posted by setting), the account
// mapping, the trial balance at zero, and receivables in the ledger equal to the
// customer ledger's open items and unpaid fees.
//
// The payment channels belong to another part of issue 11; payments, credit used
// and refunds are made here through the real payment service (services/payments.ts)
// in one transaction on the company file, as their handlers will.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountingBatch, Voucher } from '../../shared/channels/accounting';
import type { Invoice } from '../../shared/channels/processing';
import type { HandlerContext } from '../../src-main/engine/context';
import { isoToday } from '../../src-main/engine/context';
import { COMPANY, FIXED_NOW, auditViolations, queryFile } from '../helpers/engine';
import { purchaseWorld, type PurchaseWorld } from '../helpers/purchasing';

let w: PurchaseWorld;
beforeAll(async () => {
  w = await purchaseWorld({ reply: false, dispatch: false, reception: false });
}, 60_000);
afterAll(() => w?.t.close());

/** Runs the payment service on the company file, in one transaction, as a handler would. */
async function withServices<T>(fn: (ctx: HandlerContext) => T): Promise<T> {
  const { openDatabase } = await import('../../src-main/engine/db/connection');
  const { OPEN_WORKSTATION } = await import('../../src-main/engine/domain/rights');
  const db = openDatabase(w.t.file);
  const ctx: HandlerContext = {
    db,
    now: FIXED_NOW,
    today: isoToday(FIXED_NOW),
    actor: OPEN_WORKSTATION,
    guard: () => undefined,
    userId: null,
    session: { login: () => undefined, logout: () => undefined },
    dataFile: w.t.file,
    appVersion: 'test',
    dataVersion: 0,
  };
  try {
    return db.transaction(() => fn(ctx)).immediate();
  } finally {
    db.close();
  }
}
const payments = () => import('../../src-main/engine/services/payments');

async function batchOf(reference: string): Promise<{ batch: AccountingBatch; vouchers: readonly Voucher[] }> {
  const all = await w.t.ok('accounting.batches', { endRow: 10_000 });
  const b = all.rows.find((r) => r.reference === reference);
  if (!b) throw new Error(`no batch ${reference} among ${all.rows.map((r) => r.reference).join(', ')}`);
  return w.t.ok('accounting.batch', { id: b.id });
}
/** Net per account (debit − credit) over a batch's vouchers. */
function net(vouchers: readonly Voucher[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of vouchers.flatMap((v) => v.lines)) out[l.account] = (out[l.account] ?? 0) + l.debitOre - l.creditOre;
  return out;
}
async function invoiceOrder(lines: readonly [number, number][]): Promise<Invoice> {
  const order = await w.order(1, 'confirmed', lines);
  const shipped = await w.move(order, 'shipped', { deliverRemaining: true });
  return (await w.t.ok('orders.invoice', { id: shipped.id, version: shipped.version })).invoice;
}

describe('each event makes its balanced batch on the standard chart', () => {
  let invoice: Invoice;
  beforeAll(async () => {
    // 2 drills at 1 000,00 (25 %, stock at 500,00 each) and 1 hour of fitting at 900,00 (25 %, not stocked).
    invoice = await invoiceOrder([
      [w.drill, 2_000],
      [w.service, 1_000],
    ]);
  });

  it('an invoice: receivables, sales and output VAT with SAF-T code 3, and the cost of the goods out of stock', async () => {
    const { batch, vouchers } = await batchOf(`Faktura ${invoice.number}`);
    expect(batch).toMatchObject({ kind: 'invoice', state: 'posted', date: invoice.invoiceDate, voucherCount: 2 });
    expect(batch.debitOre).toBe(batch.creditOre);
    expect(net(vouchers)).toEqual({ '1500': 362_500, '3000': -290_000, '2700': -72_500, '4300': 100_000, '1460': -100_000 });
    const vat = vouchers[0]!.lines.find((l) => l.account === '2700')!;
    expect(vat).toMatchObject({ taxCode: '3', taxBaseOre: 290_000, creditOre: 72_500 });
    expect(vouchers[0]!.lines.find((l) => l.account === '1500')!.customerId).toBe(w.customer);
  });

  it('a credit note that takes a drill back: the sale reversed and the goods back in stock at their cost', async () => {
    const drillLine = invoice.lines.find((l) => l.quantity === 2_000)!;
    const note = await w.t.ok('invoices.credit', { invoiceId: invoice.id, lines: [{ invoiceLineId: drillLine.id, quantity: 1_000 }], returnToStock: true });
    const { batch, vouchers } = await batchOf(`Kreditnota ${note.number}`);
    expect(batch.kind).toBe('credit_note');
    expect(net(vouchers)).toEqual({ '1500': -125_000, '3000': 100_000, '2700': 25_000, '4300': -50_000, '1460': 50_000 });
  });

  it('a payment: the settled part off receivables, the overpayment to the customer’s credit; credit used and paid back', async () => {
    const other = await invoiceOrder([[w.service, 1_000]]); // 1 125,00
    const { payInvoice, useCredit, refundCredit } = await payments();
    // Pays the first invoice's 2 375,00 outstanding (3 625,00 − 1 250,00 credited) with 2 500,00 by bank.
    await withServices((ctx) => payInvoice(ctx, { invoiceId: invoice.id, amountOre: 250_000, paidOn: '2025-01-05', method: 'bank', source: 'manual', reference: 'Nettbank' }));
    const pay = await batchOf('Innbetaling KID ' + invoice.kid);
    expect(pay.batch.kind).toBe('payment');
    expect(net(pay.vouchers)).toEqual({ '1920': 250_000, '1500': -237_500, '2900': -12_500 });
    // The 125,00 credit goes to the other invoice, then another payment overpays it and the rest is paid back.
    await withServices((ctx) => useCredit(ctx, other.id));
    const used = (await w.t.ok('accounting.batches', { endRow: 100 })).rows.find((b) => b.reference.startsWith('Kundens tilgode brukt'))!;
    expect(net((await w.t.ok('accounting.batch', { id: used.id })).vouchers)).toEqual({ '2900': 12_500, '1500': -12_500 });
    await withServices((ctx) => payInvoice(ctx, { invoiceId: other.id, amountOre: 110_000, paidOn: '2025-01-05', method: 'vipps', source: 'manual', reference: null }));
    await withServices((ctx) => refundCredit(ctx, w.customer, 10_000, '2025-01-05', 'Tilbake'));
    const refund = await batchOf('Tilbakebetaling til kunde');
    expect(refund.batch.kind).toBe('refund');
    expect(net(refund.vouchers)).toEqual({ '2900': 10_000, '1926': -10_000 });
  });

  it('a supplier invoice: stock goods to stock, input VAT with SAF-T code 1, owed to the supplier', async () => {
    const po = await w.po([[w.screw, 10_000, 3_000]]);
    await w.t.ok('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'LF-77', invoiceDate: '2025-01-04', lines: [{ lineId: po.lines[0]!.id, quantity: 10_000, unitPriceOre: 3_000 }] });
    const { batch, vouchers } = await batchOf('Leverandørfaktura LF-77');
    expect(batch).toMatchObject({ kind: 'supplier_invoice', date: '2025-01-04' });
    expect(net(vouchers)).toEqual({ '1460': 30_000, '2710': 7_500, '2400': -37_500 });
    expect(vouchers[0]!.lines.find((l) => l.account === '2710')).toMatchObject({ taxCode: '1', taxBaseOre: 30_000, supplierId: w.supplier });
  });

  it('a cash sale is one batch with its payment, waiting to be posted by hand; posting it by hand', async () => {
    const sale = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.bread, quantity: 3_000 }],
      payment: { method: 'cash', receivedOre: 20_000 },
    });
    const inv = (await w.t.ok('invoices.list', { orderId: sale.id, limit: 5 }))[0]!;
    const { batch, vouchers } = await batchOf(`Kontantsalg ${inv.number}`);
    // 3 loaves at 40,00 + 15 % = 138,00, rounded to 138 kr; cost 3 × 20,00.
    expect(batch).toMatchObject({ kind: 'cash_sale', state: 'unposted', postedAt: null, voucherCount: 3 });
    expect(net(vouchers)).toEqual({ '1500': 0, '1900': 13_800, '3001': -12_000, '2701': -1_800, '4300': 6_000, '1460': -6_000 });
    expect((await w.t.ok('accounting.trialBalance', { from: '2025-01-01', to: '2025-12-31' })).rows.find((r) => r.account === '1900')).toBeUndefined();
    expect(await w.t.ok('accounting.post', { batchIds: [batch.id] })).toEqual({ posted: 1 });
    expect((await w.t.ok('accounting.batch', { id: batch.id })).batch).toMatchObject({ state: 'posted', postedAt: FIXED_NOW.toISOString() });
    expect(await w.t.ok('accounting.post', { batchIds: [batch.id] })).toEqual({ posted: 0 });
  });

  it('a cash sale is posted as made when the company posts cash invoices automatically, rounding to whole kroner on its account', async () => {
    await w.t.ok('company.save', { ...COMPANY, purchaseReply: false, purchaseDispatch: false, purchaseReception: false, postCashInvoices: true });
    const sale = await w.t.ok('orders.create', {
      header: { customerId: w.privateCustomer, orderType: 3 },
      lines: [{ productId: w.bread, quantity: 1_000 }],
      payment: { method: 'cash', receivedOre: 5_000 },
    });
    const inv = (await w.t.ok('invoices.list', { orderId: sale.id, limit: 5 }))[0]!;
    const { batch, vouchers } = await batchOf(`Kontantsalg ${inv.number}`);
    expect(batch.state).toBe('posted');
    // 40,00 + 6,00 VAT = 46,00: no rounding. Posted, so not Kontant fakturert: Fakturert, and paid at the counter, on to Betalt.
    expect(net(vouchers)['1900']).toBe(inv.payableOre);
    expect((await w.t.ok('orders.get', { id: sale.id })).statusKind).toBe('paid');
  });

  it('the mapping is the standard chart, editable: a new bank account books the next payment', async () => {
    const mapping = await w.t.ok('accounting.mapping', {});
    expect(mapping.find((m) => m.key === 'receivables')).toMatchObject({ account: '1500', standardAccount: '1500', labelNb: 'Kundefordringer' });
    expect(mapping.find((m) => m.key === 'sales_outside')).toMatchObject({ account: '3200', standardAccount: '3200' });
    const saved = await w.t.ok('accounting.saveMapping', { rows: [{ key: 'bank', account: '1921', accountName: 'Driftskonto DNB' }] });
    expect(saved.find((m) => m.key === 'bank')).toMatchObject({ account: '1921', accountName: 'Driftskonto DNB', standardAccount: '1920' });
    const inv = await invoiceOrder([[w.service, 1_000]]);
    const { payInvoice } = await payments();
    await withServices((ctx) => payInvoice(ctx, { invoiceId: inv.id, amountOre: inv.payableOre, paidOn: '2025-01-05', method: 'bank', source: 'bank_file', reference: null }));
    expect(net((await batchOf(`Innbetaling KID ${inv.kid}`)).vouchers)).toEqual({ '1921': inv.payableOre, '1500': -inv.payableOre });
  });

  it('the trial balance sums to zero; receivables in the ledger = open items + unpaid fees; vouchers balance, numbered without gaps', async () => {
    // One invoice left open, one paid in part.
    await invoiceOrder([[w.drill, 1_000]]);
    const part = await invoiceOrder([[w.service, 2_000]]);
    const { payInvoice } = await payments();
    await withServices((ctx) => payInvoice(ctx, { invoiceId: part.id, amountOre: 100_000, paidOn: '2025-01-05', method: 'card', source: 'manual', reference: null }));
    const unposted = await w.t.ok('accounting.batches', { state: 'unposted', endRow: 1000 });
    if (unposted.rowCount > 0) await w.t.ok('accounting.post', { batchIds: unposted.rows.map((b) => b.id) });
    const tb = await w.t.ok('accounting.trialBalance', { from: '2025-01-01', to: '2025-12-31' });
    expect(tb.totalOre).toBe(0);
    expect(tb.rows.reduce((s, r) => s + r.debitOre, 0)).toBe(tb.rows.reduce((s, r) => s + r.creditOre, 0));
    const { allOpenItems, feesOutstandingOf } = await import('../../src-main/engine/repos/payments');
    const { accountBalanceOre } = await import('../../src-main/engine/repos/accounting');
    const feesOutstanding = (db: Parameters<typeof allOpenItems>[0]) =>
      (db.prepare('SELECT id FROM party').all() as { id: number }[]).reduce((s, p) => s + feesOutstandingOf(db, p.id), 0);
    // Every customer: a cash sale's counter payment settles its invoice, so it is no open item and nothing on receivables.
    const { receivables, open } = await withServices((ctx) => ({
      receivables: accountBalanceOre(ctx.db, '1500'),
      open: allOpenItems(ctx.db, ctx.today).reduce((s, i) => s + i.outstandingOre, 0) + feesOutstanding(ctx.db),
    }));
    expect(open).toBeGreaterThan(0);
    expect(receivables).toBe(open);
    expect(await auditViolations(w.t.file)).toEqual([]);
    const numbers = (await queryFile<{ n: number }>(w.t.file, 'SELECT number AS n FROM voucher ORDER BY number')).map((r) => r.n);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('a booked voucher cannot be changed or deleted', async () => {
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const db = openDatabase(w.t.file);
    try {
      expect(() => db.prepare('UPDATE voucher_line SET debit_ore = debit_ore + 1 WHERE id = 1').run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM voucher WHERE number = 1').run()).toThrow(/cannot be deleted/);
    } finally {
      db.close();
    }
  });
});

describe('a company file from before the accounting handoff', () => {
  it('has everything it holds booked once when first opened, as the events would have booked it', async () => {
    const { makeEngine } = await import('../helpers/engine');
    const { openDatabase } = await import('../../src-main/engine/db/connection');
    const x = await purchaseWorld({ reply: false, dispatch: false, reception: false });
    try {
      const order = await x.order(1, 'confirmed', [[x.drill, 3_000]]);
      const shipped = await x.move(order, 'shipped', { deliverRemaining: true });
      const inv = (await x.t.ok('orders.invoice', { id: shipped.id, version: shipped.version })).invoice;
      await x.t.ok('invoices.credit', { invoiceId: inv.id, lines: [{ invoiceLineId: inv.lines[0]!.id, quantity: 1_000 }], returnToStock: true });
      await x.t.ok('orders.create', { header: { customerId: x.privateCustomer, orderType: 3 }, lines: [{ productId: x.bread, quantity: 2_000 }], payment: { method: 'card', receivedOre: 9_200 } });
      const po = await x.po([[x.screw, 5_000, 3_000]]);
      await x.t.ok('purchase.matchInvoice', { id: po.id, version: po.version, invoiceNumber: 'A-1', invoiceDate: '2025-01-03', lines: [{ lineId: po.lines[0]!.id, quantity: 5_000, unitPriceOre: 3_000 }] });
      const booked = async (file: string) =>
        queryFile<{ source: string; kind: string; account: string; net: number }>(
          file,
          `SELECT b.source, b.kind, l.account, sum(l.debit_ore - l.credit_ore) AS net FROM accounting_batch b JOIN voucher v ON v.batch_id = b.id
           JOIN voucher_line l ON l.voucher_id = v.id GROUP BY b.source, l.account ORDER BY b.source, l.account`,
        );
      const before = await booked(x.t.file);
      expect(before.length).toBeGreaterThan(10);
      x.t.engine.close();
      // As a file of version 13 leaves migration 014: only the cash sale batches, no vouchers, marked for booking.
      const db = openDatabase(x.t.file);
      db.exec(`DROP TRIGGER voucher_undeletable; DROP TRIGGER voucher_line_undeletable;
               DELETE FROM voucher_line; DELETE FROM voucher; DELETE FROM accounting_allocation;
               DELETE FROM accounting_batch WHERE kind <> 'cash_sale'; INSERT INTO accounting_backfill (id) VALUES (1);`);
      db.close();
      const reopened = await makeEngine({ copyOf: x.t.file });
      try {
        expect(await booked(reopened.file)).toEqual(before);
        expect(await queryFile(reopened.file, 'SELECT * FROM accounting_backfill')).toEqual([]);
        expect((await auditViolations(reopened.file)).map((f) => f.rule)).toEqual([]);
      } finally {
        reopened.close();
      }
    } finally {
      x.t.close();
    }
  }, 60_000);
});
