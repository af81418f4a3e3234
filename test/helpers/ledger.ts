// Invoices, credit notes and payments for the ledger tests (issue 11), through the real channels.
import type { Invoice } from '../../shared/channels/processing';
import type { SalesWorld } from './sales';

/** A Direct order (type 2) for `customerId`, invoiced at once: what the customer is asked to pay. */
export async function invoiceFor(w: SalesWorld, lines: readonly [number, number][], customerId = w.customer): Promise<Invoice> {
  const o = await w.t.ok('orders.create', {
    header: { customerId, orderType: 2, statusId: w.status('confirmed') },
    lines: lines.map(([productId, quantity]) => ({ productId, quantity })),
  });
  return (await w.t.ok('orders.invoice', { id: o.id, version: o.version })).invoice;
}

/** A credit note for the whole invoice, or `quantity` of each line. */
export function creditNote(w: SalesWorld, invoice: Invoice, quantity?: number): Promise<Invoice> {
  return w.t.ok('invoices.credit', {
    invoiceId: invoice.id,
    lines: invoice.lines.map((l) => ({ invoiceLineId: l.id, quantity: quantity ?? l.quantity })),
    returnToStock: false,
  });
}

export function pay(w: SalesWorld, invoiceId: number, amountOre: number, paidOn = '2025-01-04') {
  return w.t.ok('payments.register', { invoiceId, amountOre, paidOn, method: 'bank', reference: 'Nettbank' });
}

/** The stored figures of the ledger, read on the side: payments, what is allocated of them, and every customer's credit. */
export const LEDGER_SUMS = `SELECT
  (SELECT coalesce(sum(amount_ore), 0) FROM customer_payment) AS paid,
  (SELECT coalesce(sum(amount_ore), 0) FROM payment_allocation) AS allocated`;
