// Orders from an import (EDI, web shop): Unprocessed orders wait in Web for a
// clerk; Card payment orders (type 9) exist only this way (SPEC 1.1).
import type { ChannelParsed } from '../../../shared/catalog';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { lineAmountOre } from '../domain/pricing';
import { norwegianSortKey } from '../domain/sortKey';
import { getCompany } from '../repos/company';
import { getCustomerRow } from '../repos/customers';
import { nextNumber } from '../repos/numberSeries';
import { insertHeader, insertLine, refreshDerived } from '../repos/orders';
import { setCardFields } from '../repos/processing';
import { getProducts } from '../repos/products';
import { reload, statusOfKind, syncStockHolds, vatRegistered } from '../services/processing';
import { formatAmount } from '../../../shared/format';

export function resolveImportedOrder(ctx: HandlerContext, input: ChannelParsed<'orders.import'>): number {
  const { db } = ctx;
  const customer = getCustomerRow(db, input.customerId);
  if (!customer) throw new DomainError('unknown_customer', 'customerId', { id: input.customerId });
  const invoiceCustomer = getCustomerRow(db, input.invoiceCustomerId);
  if (!invoiceCustomer) throw new DomainError('unknown_customer', 'invoiceCustomerId', { id: input.invoiceCustomerId });
  // An import that names no type takes the company's default for imports (SPEC 8); card orders always name theirs.
  const orderType = input.orderType ?? getCompany(db)?.defaultOrderTypeImport ?? 6;
  if (orderType === 9 && !input.card) throw new DomainError('card_requires', 'card');
  const products = getProducts(db, input.lines.map((l) => l.productId));
  const id = insertHeader(
    db,
    nextNumber(db, 'sales_order'),
    {
      transactionType: 'sales',
      orderType,
      // Card orders are processed like Normal orders; unprocessed imports wait in Web.
      statusId: statusOfKind(db, orderType === 9 ? 'confirmed' : 'web'),
      customerId: customer.id,
      customerNumber: customer.number,
      customerName: customer.name,
      customerSort: norwegianSortKey(customer.name),
      contactId: null,
      orderDate: ctx.today,
      deliveryDate: null,
      customerReference: input.customerReference ?? null,
      ourReference: input.source === 'web' ? 'Nettbutikk' : 'EDI',
      paymentTermsDays: customer.paymentTermsDays,
      notes: null,
      title: null,
      ourContactId: null,
      responsibleId: null,
      projectId: null,
    },
    ctx.now.toISOString(),
  );
  input.lines.forEach((l, i) => {
    const p = products.get(l.productId);
    if (!p || !p.active) throw new DomainError('unknown_product', `lines.${i}.productId`, { id: l.productId });
    const price = l.unitPriceOre ?? p.priceOre;
    insertLine(db, id, i + 1, {
      productId: p.id,
      productNumber: p.number,
      description: p.name,
      unit: p.unit,
      quantity: l.quantity,
      unitPriceOre: price,
      discountBp: 0,
      vatCode: p.vatCode,
      amountOre: lineAmountOre({ quantity: l.quantity, unitPriceOre: price, discountBp: 0 }),
      deliveryDate: null,
    });
  });
  if (input.card) setCardFields(db, id, { ...input.card, invoicePartyId: invoiceCustomer.id });
  refreshDerived(db, id, { vatRegistered: vatRegistered(db) });
  const order = reload(db, id);
  if (orderType === 9 && input.card) {
    const max = Math.floor((input.card.contractAmountOre * (10_000 + invoiceCustomer.cardSurchargeBp)) / 10_000);
    if (order.totals.grossOre > max) throw new DomainError('card_amount_exceeded', 'lines', { max: formatAmount(max) });
  }
  syncStockHolds(ctx, order, { deliverRemaining: false, returnGoods: false, allowShortage: true, overrideCreditLimit: false });
  return id;
}
