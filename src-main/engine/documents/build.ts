// Reading what a document says out of the database: the company, the parties,
// the order or invoice, deliveries and products, as a DocumentModel.
import type { Order, OrderDeliveryAddress } from '../../../shared/channels/orders';
import type { Invoice } from '../../../shared/channels/processing';
import type { Language } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { addDays } from '../domain/invoiceRules';
import { remainingToDeliver } from '../../../shared/lineState';
import { getCompany } from '../repos/company';
import { getCustomer } from '../repos/customers';
import { getSupplier } from '../repos/suppliers';
import { deliveriesOf, deliveryLinesOf, getLogo, orderHeadersOf, orderLineDetails } from '../repos/documents';
import { getInvoice } from '../repos/invoices';
import { getOrderDeliveryAddress } from '../repos/orders';
import { getProducts } from '../repos/products';
import { invoiceTexts } from '../repos/textLines';
import { flattenGroups, groupRows, keepLines, type PlacedText, type RowGroup } from '../domain/textLines';
import type {
  InvoiceModel,
  OrderDocumentModel,
  OrderInfo,
  PackingLine,
  PackingSlipModel,
  Party,
  PickLine,
  PickingListModel,
  PricedLine,
  Seller,
  WaybillModel,
} from './model';
import { sellerAddressLines } from './particulars';

/** How long a quote holds when nothing else is agreed. */
export const QUOTE_VALID_DAYS = 30;

export interface Common {
  readonly seller: Seller;
  readonly logo: Uint8Array | null;
  readonly logoSha256: string | null;
}

export function commonParts(db: Db): Common {
  const c = getCompany(db);
  if (!c) throw new DomainError('company_missing');
  const logo = getLogo(db);
  return {
    seller: {
      name: c.name,
      addressLine1: c.addressLine1,
      postalCode: c.postalCode,
      city: c.city,
      country: c.country,
      orgNumber: c.orgNumber,
      vatRegistered: c.vatRegistered,
      bankAccount: c.bankAccount,
      email: c.email,
      phone: c.phone,
    },
    logo: logo ? new Uint8Array(logo.image) : null,
    logoSha256: logo?.sha256 ?? null,
  };
}

/** A customer (or supplier) as the order or invoice names it, with the address on file. */
export function partyOf(db: Db, customerId: number, name: string, contactId: number | null = null): Party {
  const c = getCustomer(db, customerId) ?? getSupplier(db, customerId);
  const address = c ? addressLines(c) : [];
  const contact = contactId ? (c?.contacts.find((k) => k.id === contactId)?.name ?? null) : null;
  return { name, address, orgNumber: c?.orgNumber ?? null, number: c?.number ?? null, contact };
}

function addressLines(a: { addressLine1: string | null; postalCode: string | null; city: string | null; country: string }): string[] {
  const postal = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.addressLine1 ?? '', postal, a.country !== 'NO' ? a.country : ''].filter((s) => s.length > 0);
}

/** The delivery address's lines: its name (when it is not the customer's), street, postal code and city, country. */
function deliveryAddressLines(a: OrderDeliveryAddress, customerName: string): string[] {
  return [a.name !== customerName ? a.name : '', ...addressLines(a)].filter((s) => s.length > 0);
}

/**
 * Where an order's goods go (SPEC 5): the delivery address copied onto the order
 * when it has one, else the customer's own address.
 */
function deliverToOf(db: Db, order: Order): Party {
  const customer = partyOf(db, order.customerId, order.customerName, order.contactId);
  const a = order.deliveryAddress;
  return a ? { ...customer, address: deliveryAddressLines(a, order.customerName) } : customer;
}

function sellerParty(seller: Seller): Party {
  return {
    name: seller.name,
    address: sellerAddressLines(seller),
    orgNumber: seller.orgNumber,
    number: null,
    contact: null,
  };
}

function orderInfo(o: Order): OrderInfo {
  return {
    number: o.number,
    transactionType: o.transactionType,
    orderDate: o.orderDate,
    deliveryDate: o.deliveryDate,
    customerNumber: o.customerNumber,
    customerReference: o.customerReference,
    ourReference: o.ourReference,
    paymentTermsDays: o.paymentTermsDays,
    notes: o.notes,
  };
}

/** `texts` only when there are any: a document without them keeps the content hash it always had. */
const textsPart = (texts: readonly PlacedText[]): { texts?: readonly PlacedText[] } => (texts.length > 0 ? { texts } : {});

interface Issue {
  readonly language: Language;
  readonly issuedAt: string;
}

/** Quote / inquiry, order confirmation, purchase order: the order's lines and totals as they stand. */
export function orderDocumentModel(
  db: Db,
  common: Common,
  order: Order,
  kind: 'quote' | 'order_confirmation' | 'purchase_order',
  issue: Issue,
): OrderDocumentModel {
  // Every row of the order, headings and text in place (a heading with no lines yet prints too).
  const rows = flattenGroups(groupRows(order.lines, order.textLines));
  const lines: PricedLine[] = rows.lines.map((l) => ({
    productNumber: l.productNumber,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPriceOre: l.unitPriceOre,
    discountBp: l.discountBp,
    vatCode: l.vatCode,
    amountOre: l.amountOre,
  }));
  return {
    kind,
    ...issue,
    seller: common.seller,
    logo: common.logo,
    order: orderInfo(order),
    counterparty: partyOf(db, order.customerId, order.customerName, order.contactId),
    lines,
    ...textsPart(rows.texts),
    totals: order.totals,
    validUntil: kind === 'quote' ? addDays(order.orderDate, QUOTE_VALID_DAYS) : null,
  };
}

/**
 * Compares bin locations the way shelves are numbered: "A-2" before "A-10";
 * lines without a bin come last.
 */
export function compareBins(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const pa = a.toUpperCase().match(/\d+|\D+/g) ?? [];
  const pb = b.toUpperCase().match(/\d+|\D+/g) ?? [];
  // "02" and "2" are the same shelf number; leading zeros only break a tie at the end.
  let zeros = 0;
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
      zeros ||= x.length - y.length;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || zeros || (a < b ? -1 : 1);
}

/**
 * What remains to be delivered, sorted by bin (SPEC 3). Services (products
 * neither stock-managed nor in a bin) are not picked.
 */
export function pickingListModel(db: Db, common: Common, order: Order, issue: Issue, field: string | null = null): PickingListModel {
  const products = getProducts(db, order.lines.map((l) => l.productId));
  type Pick = PickLine & { lineNo: number };
  const byBin = (a: Pick, b: Pick) =>
    compareBins(a.bin, b.bin) || (a.productNumber < b.productNumber ? -1 : a.productNumber > b.productNumber ? 1 : 0) || a.lineNo - b.lineNo;
  const picked = keepLines(groupRows(order.lines, order.textLines), (l): Pick | null => {
    const remaining = remainingToDeliver(l);
    const p = products.get(l.productId);
    if (remaining <= 0 || !p || (!p.stockManaged && !p.binLocation)) return null;
    return { bin: p.binLocation, productNumber: l.productNumber, description: l.description, ean: p.ean, quantity: remaining, unit: l.unit, lineNo: l.lineNo };
  });
  // Bin order, so the picker walks the warehouse once; under headings, bin order within each group, each
  // remark travelling with the line it stands before.
  const groups: RowGroup<Pick>[] =
    order.textLines.length === 0
      ? [{ heading: null, items: picked.flatMap((g) => g.items).sort((a, b) => byBin(a.line, b.line)), trailing: [] }]
      : picked.map((g) => ({ ...g, items: [...g.items].sort((a, b) => byBin(a.line, b.line)) }));
  const { lines, texts } = flattenGroups(groups);
  if (lines.length === 0) throw new DomainError('document_nothing_to_pick', field, { order: order.number });
  return {
    kind: 'picking_list',
    ...issue,
    seller: common.seller,
    logo: common.logo,
    order: orderInfo(order),
    deliverTo: deliverToOf(db, order),
    lines: lines.map(({ lineNo: _lineNo, ...l }) => l),
    ...textsPart(texts),
  };
}

/**
 * One delivery of an order (the latest, unless named): what it contains, and
 * what remains on backorder after it (SPEC 1.2.1, 4).
 */
export function packingSlipModel(db: Db, common: Common, order: Order, deliveryId: number | undefined, issue: Issue): PackingSlipModel {
  const deliveries = deliveriesOf(db, order.id);
  const index = deliveryId === undefined ? deliveries.length - 1 : deliveries.findIndex((d) => d.id === deliveryId);
  const delivery = deliveries[index];
  if (!delivery) {
    if (deliveryId !== undefined) throw new DomainError('not_found', 'deliveryId', { entity: 'levering', id: deliveryId });
    throw new DomainError('document_no_delivery', null, { order: order.number });
  }
  const before = new Map<number, number>();
  const now = new Map<number, number>();
  for (const dl of deliveryLinesOf(db, order.id)) {
    if (dl.deliveryId < delivery.id) before.set(dl.orderLineId, (before.get(dl.orderLineId) ?? 0) + dl.quantity);
    else if (dl.deliveryId === delivery.id) now.set(dl.orderLineId, dl.quantity);
  }
  const isLatest = index === deliveries.length - 1;
  const all: (PackingLine & { id: number; lineNo: number })[] = order.lines.map((l) => {
    const deliveredBefore = Math.min(before.get(l.id) ?? 0, l.quantity);
    const deliveredNow = now.get(l.id) ?? 0;
    // A line closed short is done; for an earlier delivery it was still to come.
    const closedShort = l.closedShort && isLatest;
    return {
      id: l.id,
      lineNo: l.lineNo,
      productNumber: l.productNumber,
      description: l.description,
      unit: l.unit,
      ordered: l.quantity,
      deliveredNow,
      deliveredBefore,
      backorder: closedShort ? 0 : Math.max(0, l.quantity - deliveredBefore - deliveredNow),
      closedShort,
    };
  });
  const strip = ({ id: _id, lineNo: _lineNo, ...l }: PackingLine & { id: number; lineNo: number }): PackingLine => l;
  // This delivery's lines with the headings and remarks that go with them.
  const delivered = flattenGroups(keepLines(groupRows(all, order.textLines), (l) => (l.deliveredNow > 0 ? l : null)));
  const rest = flattenGroups(keepLines(groupRows(all, order.textLines), (l) => (l.backorder > 0 ? l : null)));
  return {
    kind: 'packing_slip',
    ...issue,
    seller: common.seller,
    logo: common.logo,
    order: orderInfo(order),
    deliverTo: deliverToOf(db, order),
    delivery: { id: delivery.id, deliveredAt: delivery.deliveredAt.slice(0, 10), sequence: index + 1 },
    lines: delivered.lines.map(strip),
    ...textsPart(delivered.texts),
    remaining: rest.lines.map(strip),
    ...(rest.texts.length > 0 ? { remainingTexts: rest.texts } : {}),
  };
}

export function waybillModel(
  db: Db,
  common: Common,
  order: Order,
  w: {
    companyPrefix: string;
    extensionDigit: number;
    carrier: string | null;
    note: string | null;
    parcels: readonly { no: number; weightGrams: number; sscc: string }[];
  },
  issue: Issue & { shipDate: string },
): WaybillModel {
  return {
    kind: 'waybill',
    language: issue.language,
    issuedAt: issue.issuedAt,
    seller: common.seller,
    logo: common.logo,
    order: orderInfo(order),
    sender: sellerParty(common.seller),
    receiver: deliverToOf(db, order),
    shipDate: issue.shipDate,
    carrier: w.carrier,
    note: w.note,
    companyPrefix: w.companyPrefix,
    extensionDigit: w.extensionDigit,
    parcels: w.parcels,
  };
}

/**
 * The invoice's delivery place: the delivery address of its orders when they all
 * ship to the same one, else the buyer's address.
 */
function deliveryPlaceOf(db: Db, invoice: Invoice, buyer: Party): string | null {
  const places = [...new Set(invoice.orderIds)].map((id) => {
    const a = getOrderDeliveryAddress(db, id);
    return a ? deliveryAddressLines(a, invoice.customerName).join(', ') : null;
  });
  const first = places[0];
  if (first && places.every((p) => p === first)) return first;
  return buyer.address.length > 0 ? buyer.address.join(', ') : null;
}

/** A collective invoice with text rows: where each order's lines after the first begin (a group never spans two orders). */
function orderStarts(invoice: Invoice): { groupEnds?: readonly number[] } {
  if (invoice.orderIds.length < 2) return {};
  const ends = invoice.lines.flatMap((l, i) => (i > 0 && l.orderId !== invoice.lines[i - 1]!.orderId ? [i] : []));
  return ends.length > 0 ? { groupEnds: ends } : {};
}

export function loadInvoice(db: Db, invoiceId: number): Invoice {
  const invoice = getInvoice(db, invoiceId);
  if (!invoice) throw new DomainError('not_found', 'invoiceId', { entity: 'faktura', id: invoiceId });
  return invoice;
}

/** Invoice, credit note or cash receipt: the issued invoice row and lines, never the order as it is now. */
export function invoiceDocumentModel(
  db: Db,
  common: Common,
  invoice: Invoice,
  kind: 'invoice' | 'credit_note' | 'cash_receipt',
  language: Language,
): InvoiceModel {
  const details = orderLineDetails(db, invoice.lines.flatMap((l) => (l.orderLineId ? [l.orderLineId] : [])));
  const products = getProducts(db, invoice.lines.flatMap((l) => (l.productId ? [l.productId] : [])));
  const orders = orderHeadersOf(db, invoice.orderIds);
  const single = invoice.orderIds.length === 1 ? orders.get(invoice.orderIds[0]!) : undefined;
  const credited = invoice.creditedInvoiceId ? getInvoice(db, invoice.creditedInvoiceId) : null;
  const buyer = partyOf(db, invoice.customerId, invoice.customerName);
  const texts = invoiceTexts(db, invoice.id);
  const lines: PricedLine[] = invoice.lines.map((l) => {
    const d = l.orderLineId ? details.get(l.orderLineId) : undefined;
    const p = l.productId ? products.get(l.productId) : undefined;
    return {
      productNumber: d?.productNumber ?? p?.number ?? '',
      description: l.description,
      quantity: l.quantity,
      unit: d?.unit ?? p?.unit ?? '',
      unitPriceOre: l.unitPriceOre,
      discountBp: l.discountBp,
      vatCode: l.vatCode,
      amountOre: l.amountOre,
    };
  });
  return {
    kind,
    language,
    // The invoice's own time, so the same invoice always prints the same bytes.
    issuedAt: invoice.createdAt,
    // The seller as it charged VAT when the invoice was issued ("MVA" after the org. no., the VAT table).
    seller: { ...common.seller, vatRegistered: invoice.vatRegistered },
    logo: common.logo,
    invoice: {
      number: invoice.number,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      deliveryDate: invoice.deliveryDate,
      kid: invoice.kid,
      orderNumbers: invoice.orderIds.map((id) => orders.get(id)?.number).filter((n): n is number => n !== undefined),
      customerReference: single?.customerReference ?? null,
      ourReference: single?.ourReference ?? null,
      credited: credited ? { number: credited.number, invoiceDate: credited.invoiceDate } : null,
      createdAt: invoice.createdAt,
    },
    buyer,
    deliveryPlace: deliveryPlaceOf(db, invoice, buyer),
    lines,
    // The headings and text rows the invoice was issued with (credit notes have none).
    ...textsPart(texts),
    ...(texts.length > 0 ? orderStarts(invoice) : {}),
    totals: { byRate: invoice.byRate, netOre: invoice.netOre, vatOre: invoice.vatOre, grossOre: invoice.grossOre },
    roundingOre: invoice.roundingOre,
    payableOre: invoice.payableOre,
    payment: invoice.payment,
  };
}
