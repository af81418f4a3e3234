// One template per document kind; the model says which.
import type { DocumentModel } from './model';
import { renderCashReceipt } from './templates/cashReceipt';
import { renderCreditNote } from './templates/creditNote';
import { renderInvoice } from './templates/invoice';
import { renderOrderConfirmation } from './templates/orderConfirmation';
import { renderPackingSlip } from './templates/packingSlip';
import { renderPickingList } from './templates/pickingList';
import { renderPurchaseOrder } from './templates/purchaseOrder';
import { renderQuote } from './templates/quote';
import { renderReminder } from './templates/reminder';
import { renderWaybill } from './templates/waybill';

export interface RenderedPdf {
  readonly bytes: Buffer;
  readonly pageCount: number;
}

/** Lays out a document model as a PDF. Pure: the same model gives the same bytes. */
export function renderDocument(m: DocumentModel): RenderedPdf {
  switch (m.kind) {
    case 'quote':
      return renderQuote(m);
    case 'order_confirmation':
      return renderOrderConfirmation(m);
    case 'purchase_order':
      return renderPurchaseOrder(m);
    case 'picking_list':
      return renderPickingList(m);
    case 'packing_slip':
      return renderPackingSlip(m);
    case 'waybill':
      return renderWaybill(m);
    case 'invoice':
      return renderInvoice(m);
    case 'credit_note':
      return renderCreditNote(m);
    case 'cash_receipt':
      return renderCashReceipt(m);
    case 'reminder':
      return renderReminder(m);
    default: {
      const never: never = m;
      throw new Error(`no template for ${JSON.stringify(never)}`);
    }
  }
}
