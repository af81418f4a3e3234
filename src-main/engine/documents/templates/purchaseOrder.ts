// Purchase order (SPEC 1.3): what we order from a supplier, where it is to be
// delivered (our address), at what price. The counterparty is the supplier;
// the lines are printed as ordered.
import { labels } from '../labels';
import { DocumentLayout } from '../layout';
import type { OrderDocumentModel, Party } from '../model';
import { COLORS } from '../pdf';
import { date, sellerAddressLines } from '../particulars';
import { notesBlock, pricedColumns } from './common';

export function renderPurchaseOrder(m: OrderDocumentModel): { bytes: Buffer; pageCount: number } {
  const L = labels(m.language);
  const ourAddress: Party = { name: m.seller.name, address: sellerAddressLines(m.seller), orgNumber: null, number: null, contact: m.order.ourReference };
  const layout = new DocumentLayout(m, {
    title: L.titles.purchase_order,
    reference: `${L.purchaseOrderNo} ${m.order.number}`,
    fields: [
      [L.purchaseOrderNo, String(m.order.number)],
      [L.date, date(m.order.orderDate)],
      [L.requestedDelivery, date(m.order.deliveryDate)],
      [L.supplierNo, String(m.order.customerNumber)],
      [L.yourRef, m.order.customerReference],
      [L.ourRef, m.order.ourReference],
      [L.paymentTerms, L.netDays(m.order.paymentTermsDays)],
    ],
    parties: [
      { label: L.supplier, party: m.counterparty },
      { label: L.deliveryAddress, party: ourAddress },
    ],
  });
  layout.paragraph(L.purchaseOrderText);
  layout.space(10);
  layout.table(pricedColumns(L, m.lines, { vat: m.seller.vatRegistered }), m.lines);
  layout.totals(m.totals, { vatRegistered: m.seller.vatRegistered, finalLabel: L.total, finalOre: m.totals.grossOre });
  layout.paragraph(L.currencyNote, { size: 8, color: COLORS.muted });
  layout.space(8);
  notesBlock(layout, m.order.notes);
  return layout.finish();
}
