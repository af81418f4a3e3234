// SPEC 1.1: order confirmation, picking list, packing slip and waybill only for
// Normal orders; Realized, Unprocessed and Budget print nothing; quotes for type
// 5 or status Quote; receipts for cash sales. documentAvailability is pure, so
// the order screen shows the print action disabled with the engine's reason.
import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../shared/channels/documents';
import { documentAvailability, type OrderForDocuments } from '../../src-main/engine/domain/documentRules';
import type { OrderLine } from '../../shared/channels/orders';
import type { OrderTypeId, StatusKind } from '../../shared/enums';

const line = (over: Partial<OrderLine> = {}): OrderLine =>
  ({ quantity: 2_000, qtyDelivered: 0, closedShort: false, ...over }) as OrderLine;

function order(orderType: OrderTypeId, statusKind: StatusKind, over: Partial<OrderForDocuments> = {}): OrderForDocuments {
  return { number: 10042, transactionType: 'sales', orderType, statusKind, lines: [line()], deliveryState: 'none', invoiceIds: [], ...over };
}

const available = (o: OrderForDocuments, invoices?: { kind: 'invoice' | 'credit_note' }[]) =>
  Object.entries(documentAvailability(o, invoices))
    .filter(([, a]) => a.available)
    .map(([k]) => k)
    .sort();

describe('documentAvailability', () => {
  it('a Normal order in Pack: confirmation, picking list and waybill; a packing slip once something is delivered', () => {
    expect(available(order(1, 'pack'))).toEqual(['order_confirmation', 'picking_list', 'waybill']);
    const partly = order(1, 'pack', { deliveryState: 'partial', lines: [line({ qtyDelivered: 1_000 })] });
    expect(available(partly)).toEqual(['order_confirmation', 'packing_slip', 'picking_list', 'waybill']);
  });

  it('Direct, Cash, Pre-order and Card orders: none of the four warehouse documents, each with the reason', () => {
    for (const t of [2, 3, 7, 9] as const) {
      const a = documentAvailability(order(t, 'confirmed'));
      for (const kind of ['order_confirmation', 'picking_list', 'packing_slip', 'waybill'] as const) {
        expect(a[kind].available, `${t} ${kind}`).toBe(false);
        expect(a[kind].reason?.code).toBe('document_normal_only');
        expect(a[kind].reason?.nb).toContain('ordretype 1 Normal');
        expect(a[kind].reason?.en).toContain('order type 1 Normal');
      }
    }
  });

  it('Realized, Unprocessed and Budget orders print nothing', () => {
    for (const t of [4, 6, 8] as const) {
      const a = documentAvailability(order(t, t === 4 ? 'closed' : 'draft'));
      for (const { key } of DOCUMENT_KINDS) {
        expect(a[key].available, `${t} ${key}`).toBe(false);
      }
      expect(a.quote.reason?.code).toBe('document_type_not_printed');
    }
  });

  it('a quote prints for type 5, or for an order in status Quote', () => {
    expect(available(order(5, 'quote'))).toEqual(['quote']);
    expect(documentAvailability(order(1, 'quote')).quote.available).toBe(true);
    expect(documentAvailability(order(1, 'confirmed')).quote.reason?.code).toBe('document_not_a_quote');
  });

  it('invoice, credit note and receipt follow the invoices; a cash sale prints a receipt, not an invoice', () => {
    const invoiced = order(1, 'invoiced', { invoiceIds: [5], deliveryState: 'full', lines: [line({ qtyDelivered: 2_000 })] });
    expect(available(invoiced, [{ kind: 'invoice' }])).toEqual(['invoice', 'order_confirmation', 'packing_slip', 'waybill']);
    expect(available(invoiced, [{ kind: 'invoice' }, { kind: 'credit_note' }])).toContain('credit_note');
    expect(documentAvailability(invoiced).picking_list.reason?.code).toBe('document_nothing_to_pick');
    const cash = order(3, 'cash_invoiced', { invoiceIds: [6] });
    expect(documentAvailability(cash, [{ kind: 'invoice' }]).cash_receipt.available).toBe(true);
    expect(documentAvailability(cash, [{ kind: 'invoice' }]).invoice.reason?.code).toBe('document_use_receipt');
    expect(documentAvailability(order(1, 'confirmed')).invoice.reason?.code).toBe('document_not_invoiced');
    expect(documentAvailability(order(2, 'invoiced', { invoiceIds: [7] })).cash_receipt.reason?.code).toBe('document_cash_only');
  });

  it('a cancelled order prints no order documents; a purchase order only for purchase orders', () => {
    const cancelled = documentAvailability(order(1, 'cancelled'));
    expect(cancelled.order_confirmation.reason?.code).toBe('document_order_cancelled');
    expect(cancelled.picking_list.reason?.code).toBe('document_order_cancelled');
    expect(documentAvailability(order(1, 'confirmed')).purchase_order.reason?.code).toBe('document_purchase_only');
    const purchase = documentAvailability(order(1, 'confirmed', { transactionType: 'purchase' }));
    expect(purchase.purchase_order.available).toBe(true);
    expect(purchase.picking_list.reason?.code).toBe('document_sales_only');
  });

  it('every reason reads differently in nb and en and names the order', () => {
    for (const t of [1, 2, 3, 4, 5, 6, 7, 8, 9] as const) {
      for (const a of Object.values(documentAvailability(order(t, 'confirmed')))) {
        if (!a.reason) continue;
        expect(a.reason.nb).not.toBe(a.reason.en);
        expect(a.reason.nb).toContain('10042');
        expect(a.reason.en).toContain('10042');
      }
    }
  });
});
