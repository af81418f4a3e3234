// The defaults the engine reads (issue 13, SPEC 8): each company setting is
// changed in the middle of the company's life, after orders exist, and the
// engine's behaviour follows from the next step on; what was made before keeps
// what it got. One test per default.
//
// "Order type per source": an order entered by hand and one imported from the web
// shop (orders.import). Ordrebok has no third source: an order is never made from
// an activity (a task, job or reminder belongs to an order that exists already),
// so there is no "from an activity" default to read.
import { afterEach, describe, expect, it } from 'vitest';
import type { Company } from '../../shared/channels/company';
import { auditViolations, queryFile } from '../helpers/engine';
import { purchaseWorld } from '../helpers/purchasing';
import { salesWorld, type SalesWorld } from '../helpers/sales';

let w: SalesWorld | null = null;
afterEach(() => {
  w?.t.close();
  w = null;
});

/** Saves the company with some settings changed and the rest as they are, as the settings form does. */
async function setCompany(t: SalesWorld['t'], patch: Partial<Company>): Promise<Company> {
  const { companyInput } = await import('../../shared/channels/company');
  const company = await t.ok('company.get', {});
  if (!company) throw new Error('no company');
  const keys = new Set(Object.keys(companyInput.shape));
  const input = Object.fromEntries(Object.entries(company).filter(([k]) => keys.has(k)));
  return t.ok('company.save', { ...input, ...patch });
}

const line = (productId: number) => [{ productId, quantity: 1_000 }];

describe('defaults the engine reads', () => {
  it('order type for manual entry: an order that names no type takes the company default, changed mid-life', async () => {
    w = await salesWorld();
    expect((await w.t.ok('company.get', {}))!.defaultOrderTypeManual).toBe(1);
    const first = await w.t.ok('orders.create', { header: { customerId: w.customer }, lines: line(w.service) });
    expect(first.orderType).toBe(1);

    await setCompany(w.t, { defaultOrderTypeManual: 7 });
    const second = await w.t.ok('orders.create', { header: { customerId: w.customer, statusId: w.status('confirmed') }, lines: line(w.drill) });
    expect(second.orderType).toBe(7);
    // A Pre-order reserves like a Normal order (it only skips the checks at entry).
    expect((await w.stock(w.drill)).reserved).toBe(1_000);
    await setCompany(w.t, { defaultOrderTypeManual: 5 });
    expect((await w.t.ok('orders.create', { header: { customerId: w.customer, statusId: w.status('quote') }, lines: line(w.drill) })).orderType).toBe(5);
    // A type named on the order wins; the orders made before keep theirs.
    expect((await w.t.ok('orders.create', { header: { customerId: w.customer, orderType: 2 }, lines: line(w.service) })).orderType).toBe(2);
    expect((await w.t.ok('orders.get', { id: first.id })).orderType).toBe(1);
    expect((await w.t.ok('orders.get', { id: second.id })).orderType).toBe(7);
    // Only the types a clerk starts from can be the default (never Card payment, which only an import makes).
    expect((await w.t.refused('company.save', { ...(await w.t.ok('company.get', {}))!, updatedAt: undefined, defaultOrderTypeManual: 9 })).field).toBe('defaultOrderTypeManual');
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('order type for web-shop imports: an import that names no type takes the company default, changed mid-life', async () => {
    w = await salesWorld();
    const imported = () => w!.t.ok('orders.import', { source: 'web', customerId: w!.customer, invoiceCustomerId: w!.customer, customerReference: 'WEB-1', lines: line(w!.drill) });
    const first = await imported();
    expect(first.orderType).toBe(6);
    expect(first.statusId).toBe(w.status('web'));

    await setCompany(w.t, { defaultOrderTypeImport: 1 });
    const second = await imported();
    expect(second.orderType).toBe(1);
    expect(second.statusId).toBe(w.status('web'));
    // A Normal import is confirmed by the clerk without a change of type.
    const confirmed = await w.move(second, 'confirmed');
    expect(confirmed.orderType).toBe(1);
    expect((await w.stock(w.drill)).reserved).toBe(1_000);
    // An Unprocessed one must change type first: the default decided that.
    const e = await w.t.refused('orders.setStatus', { id: first.id, version: first.version, statusId: w.status('confirmed') });
    expect(e.code).toBe('status_needs_processing_type');
    // An import that names its type keeps it.
    expect((await w.t.ok('orders.import', { source: 'edi', customerId: w.customer, invoiceCustomerId: w.customer, orderType: 6, lines: line(w.service) })).orderType).toBe(6);
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('payment terms: a new customer gets the company default, its own terms win on its orders and invoices', async () => {
    w = await salesWorld({ company: { defaultPaymentTermsDays: 10 } });
    const before = await w.t.ok('customers.create', { kind: 'private', name: 'Før Endring' });
    expect(before.paymentTermsDays).toBe(10);

    await setCompany(w.t, { defaultPaymentTermsDays: 20 });
    const after = await w.t.ok('customers.create', { kind: 'private', name: 'Etter Endring' });
    expect(after.paymentTermsDays).toBe(20);
    const own = await w.t.ok('customers.create', { kind: 'private', name: 'Egne Vilkår', paymentTermsDays: 45 });
    expect(own.paymentTermsDays).toBe(45);
    expect((await w.t.ok('customers.get', { id: before.id })).paymentTermsDays).toBe(10);

    // An order takes its customer's terms, and its invoice falls due by them.
    for (const [customer, days, due] of [[after.id, 20, '2025-01-25'], [own.id, 45, '2025-02-19'], [before.id, 10, '2025-01-15']] as const) {
      const order = await w.t.ok('orders.create', { header: { customerId: customer, orderType: 2, statusId: w.status('confirmed') }, lines: line(w.service) });
      expect(order.paymentTermsDays).toBe(days);
      const { invoice } = await w.t.ok('orders.invoice', { id: order.id, version: order.version });
      expect(invoice.dueDate).toBe(due);
    }
  });

  it('invoice method: a new customer gets the company default, changed mid-life; its own method wins and is kept', async () => {
    w = await salesWorld();
    const before = await w.t.ok('customers.create', { kind: 'private', name: 'Før Endring' });
    expect(before.invoiceMethod).toBe('print');

    await setCompany(w.t, { defaultInvoiceMethod: 'ehf' });
    const after = await w.t.ok('customers.create', { kind: 'business', name: 'Etter Endring AS', orgNumber: '923609016' });
    expect(after.invoiceMethod).toBe('ehf');
    const own = await w.t.ok('customers.create', { kind: 'private', name: 'Egen Metode', invoiceMethod: 'email' });
    expect(own.invoiceMethod).toBe('email');
    // Saved without a method (a form that does not show it), a customer keeps its own.
    const updated = await w.t.ok('customers.update', { id: before.id, kind: 'private', name: 'Før Endring' });
    expect(updated.invoiceMethod).toBe('print');
    expect((await w.t.ok('customers.update', { id: own.id, kind: 'private', name: 'Egen Metode', invoiceMethod: 'print' })).invoiceMethod).toBe('print');
  });

  it('document language: new customers and suppliers print in the company default; a customer’s own language wins', async () => {
    w = await salesWorld();
    const nb = await w.t.ok('customers.create', { kind: 'private', name: 'Kari Nordmann' });
    expect(nb.language).toBe('nb');

    await setCompany(w.t, { documentLanguage: 'en' });
    const en = await w.t.ok('customers.create', { kind: 'business', name: 'Fjord Events AS', orgNumber: '974760673' });
    expect(en.language).toBe('en');
    const own = await w.t.ok('customers.create', { kind: 'private', name: 'Ola Nordmann', language: 'nb' });
    expect(own.language).toBe('nb');
    // The documents follow: an order confirmation for the new customer prints in English, the earlier one's in Norwegian.
    for (const [customer, language] of [[en.id, 'en'], [nb.id, 'nb'], [own.id, 'nb']] as const) {
      const order = await w.t.ok('orders.create', { header: { customerId: customer, orderType: 1, statusId: w.status('confirmed') }, lines: line(w.service) });
      expect((await w.t.ok('documents.render', { kind: 'order_confirmation', orderId: order.id })).document.language).toBe(language);
    }
    // Kept when the customer is saved without it.
    expect((await w.t.ok('customers.update', { id: en.id, kind: 'business', name: 'Fjord Events AS', orgNumber: '974760673' })).language).toBe('en');
    // A supplier made now gets it too (purchase orders print in the supplier's language).
    const supplier = await w.t.ok('suppliers.create', { kind: 'private', name: 'Per Leverandør' });
    const rows = await queryFile<{ language: string }>(w.t.file, 'SELECT language FROM party WHERE id = ?', supplier.id);
    expect(rows[0]!.language).toBe('en');
  });

  it('post cash invoices automatically: a cash sale is posted (Fakturert) or left for posting by hand (Kontant fakturert)', async () => {
    w = await salesWorld({ company: { postCashInvoices: false } });
    const cash = () =>
      w!.t.ok('orders.create', { header: { customerId: w!.privateCustomer, orderType: 3 }, lines: line(w!.service), payment: { method: 'cash', receivedOre: 200_000 } });
    const before = await cash();
    expect(before.statusKind).toBe('cash_invoiced');

    await setCompany(w.t, { postCashInvoices: true });
    const after = await cash();
    expect(after.statusKind).not.toBe('cash_invoiced');
    const batches = await queryFile<{ invoice_id: number; state: string }>(
      w.t.file,
      "SELECT invoice_id, state FROM accounting_batch WHERE kind = 'cash_sale' ORDER BY id",
    );
    expect(batches.map((b) => b.state)).toEqual(['unposted', 'posted']);
  });

  it('generate backorders: what remains after a part invoice becomes a Rest order, or stays open on the order', async () => {
    w = await salesWorld({ company: { generateBackorders: true } });
    const partInvoice = async () => {
      let o = await w!.order(1, 'confirmed', [[w!.drill, 4_000]]);
      o = await w!.t.ok('orders.deliver', { id: o.id, version: o.version, lines: [{ lineId: o.lines[0]!.id, quantity: 1_000 }] });
      return w!.t.ok('orders.invoice', { id: o.id, version: o.version });
    };
    const withRest = await partInvoice();
    expect(withRest.backorder).not.toBeNull();
    expect(withRest.backorder!.lines[0]!.quantity).toBe(3_000);

    await setCompany(w.t, { generateBackorders: false });
    const without = await partInvoice();
    expect(without.backorder).toBeNull();
    expect(without.order.lines[0]).toMatchObject({ quantity: 4_000, qtyInvoiced: 1_000 });
    expect(await auditViolations(w.t.file)).toEqual([]);
  });

  it('confirm automatically on acceptance: an accepted quote goes on to Bekreftet, or waits in Akseptert', async () => {
    // The Field service flow shows Akseptert (in Standard it is hidden, so acceptance always goes on to Bekreftet).
    w = await salesWorld({ company: { statusPreset: 'field_service', autoConfirmOnAccept: false } });
    const accept = async () => {
      const q = await w!.order(1, 'quote', [[w!.drill, 1_000]]);
      return w!.move(q, 'accepted');
    };
    expect((await accept()).statusKind).toBe('accepted');
    await setCompany(w.t, { autoConfirmOnAccept: true });
    expect((await accept()).statusKind).toBe('confirmed');
  });

  it('purchase reply / dispatch / reception: each switched on holds the supplier invoice back until its step, switched off it does not', async () => {
    const pw = await purchaseWorld({ reply: false, dispatch: false, reception: false });
    w = pw;
    const options = ['purchaseReply', 'purchaseDispatch', 'purchaseReception'] as const;
    for (const option of options) {
      await setCompany(pw.t, { purchaseReply: false, purchaseDispatch: false, purchaseReception: false, [option]: true });
      const po = await pw.po([[pw.screw, 2_000, 3000]]);
      const invoice = { id: po.id, version: po.version, invoiceNumber: `LF-${option}`, invoiceDate: '2025-01-06', lines: [{ lineId: po.lines[0]!.id, quantity: 2_000, unitPriceOre: 3000 }] };
      const e = await pw.t.refused('purchase.matchInvoice', invoice);
      expect(e.code, option).toMatch(/^purchase_/);
      // The same order, the option switched off mid-life: the invoice goes through (and receives the goods, as reception is not registered).
      await setCompany(pw.t, { [option]: false });
      const before = (await pw.stock(pw.screw)).onHand;
      const matched = await pw.t.ok('purchase.matchInvoice', invoice);
      expect(matched.lines[0]!.qtyInvoiced).toBe(2_000);
      expect((await pw.stock(pw.screw)).onHand).toBe(before + 2_000);
    }
    expect(await auditViolations(pw.t.file)).toEqual([]);
  });
});
