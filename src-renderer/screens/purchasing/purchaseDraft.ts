// The purchase order screen's working copy: what the clerk has typed, as text,
// until Ctrl+S turns it into purchase.create / purchase.save input. Parsing
// follows the nb-NO rules of shared/format; problems are reported by field.
import type { Product } from '../../../shared/channels/products';
import type { PurchaseHeaderInput, PurchaseLineInput, PurchaseOrder, PurchaseLine } from '../../../shared/channels/purchasing';
import type { SupplierListRow } from '../../../shared/channels/suppliers';
import { formatDate, parseAmount, parseDate } from '../../../shared/format';
import type { FieldErrors } from '../../components/refusal';
import { bilingual } from '../../i18n';
import { NO_PEOPLE, peopleInput, peopleOf, type OrderPeople } from '../people/OrderPeopleFields';
import {
  amountText,
  emptyLineBase,
  isBlankLine,
  lineBaseOf,
  optional,
  parseHeaderDates,
  parseLineCells,
  productChosen,
  withProductCells,
  type DraftLineBase,
} from '../orders/lineDraft';

export const PURCHASE_COLUMNS = ['product', 'description', 'quantity', 'price', 'discount', 'vatCode', 'deliveryDate'] as const;
export type PurchaseColumn = (typeof PURCHASE_COLUMNS)[number];
/** The cells Enter walks through; Enter on the last goes to the next line. */
export const PURCHASE_ENTER_COLUMNS: readonly PurchaseColumn[] = ['product', 'quantity', 'price', 'discount'];

/** An order line as typed, with the date the supplier is to deliver it. */
export interface PurchaseDraftLine extends DraftLineBase {
  readonly deliveryDate: string;
}

export interface PurchaseDraftHeader {
  readonly supplierId: number | null;
  readonly supplierText: string;
  readonly supplierPicked: string | null;
  readonly supplierNumber: number | null;
  readonly orderType: string;
  readonly orderDate: string;
  readonly deliveryDate: string;
  readonly supplierReference: string;
  readonly ourReference: string;
  readonly contactId: string;
  readonly paymentTermsDays: string;
  readonly notes: string;
  /** Tittel, Vår kontakt, Ansvarlig, Prosjekt (issue 12). */
  readonly people: OrderPeople;
}

export interface PurchaseDraft {
  readonly header: PurchaseDraftHeader;
  readonly lines: readonly PurchaseDraftLine[];
}

export const emptyPurchaseLine = (): PurchaseDraftLine => ({ ...emptyLineBase(), deliveryDate: '' });

export const isBlankPurchaseLine: (l: PurchaseDraftLine) => boolean = isBlankLine;

/** A new purchase order, dated by the engine's today. */
export function newPurchaseDraft(today: string): PurchaseDraft {
  return {
    header: {
      supplierId: null,
      supplierText: '',
      supplierPicked: null,
      supplierNumber: null,
      orderType: '1',
      orderDate: formatDate(today),
      deliveryDate: '',
      supplierReference: '',
      ourReference: '',
      contactId: '',
      paymentTermsDays: '',
      notes: '',
      people: NO_PEOPLE,
    },
    lines: [emptyPurchaseLine()],
  };
}

function lineFromOrder(l: PurchaseLine): PurchaseDraftLine {
  return { ...lineBaseOf(l), deliveryDate: formatDate(l.deliveryDate) };
}

export function draftFromPurchase(po: PurchaseOrder): PurchaseDraft {
  return {
    header: {
      supplierId: po.supplierId,
      supplierText: po.supplierName,
      supplierPicked: po.supplierName,
      supplierNumber: po.supplierNumber,
      orderType: String(po.orderType),
      orderDate: formatDate(po.orderDate),
      deliveryDate: formatDate(po.deliveryDate),
      supplierReference: po.supplierReference ?? '',
      ourReference: po.ourReference ?? '',
      contactId: po.contactId ? String(po.contactId) : '',
      paymentTermsDays: String(po.paymentTermsDays),
      notes: po.notes ?? '',
      people: peopleOf(po),
    },
    lines: po.lines.length ? po.lines.map(lineFromOrder) : [emptyPurchaseLine()],
  };
}

/** A product picked in a line: text, unit and VAT code from it; the price is its cost price (what we pay), unless typed. */
export function withPurchaseProduct(line: PurchaseDraftLine, p: Product): PurchaseDraftLine {
  return withProductCells(line, p, line.priceTouched && line.price.trim() ? line.price : p.costOre != null ? amountText(p.costOre) : '');
}

export function withSupplier(header: PurchaseDraftHeader, s: SupplierListRow): PurchaseDraftHeader {
  return {
    ...header,
    supplierId: s.id,
    supplierText: s.name,
    supplierPicked: s.name,
    supplierNumber: s.number,
    paymentTermsDays: String(s.paymentTermsDays),
    contactId: header.supplierId === s.id ? header.contactId : '',
  };
}

export function purchaseFingerprint(d: PurchaseDraft): string {
  return JSON.stringify({
    h: { ...d.header, supplierText: undefined, supplierPicked: undefined, supplierNumber: undefined },
    l: d.lines
      .filter((l) => !isBlankPurchaseLine(l))
      .map((l) => [l.id, l.productId, l.productText, l.description, l.quantity, l.price, l.discount, l.vatCode, l.deliveryDate]),
  });
}

export const purchaseLineField = (uid: string, col: PurchaseColumn): string => `pline.${uid}.${col}`;

export interface BuiltPurchase {
  readonly header: PurchaseHeaderInput;
  readonly lines: (PurchaseLineInput & { id?: number })[];
  readonly uids: readonly string[];
  readonly errors: FieldErrors;
}

/** The purchase price rule: an empty price leaves the engine to take the product's cost price. */
const optionalPrice = (text: string): number | undefined | null => (text.trim() ? parseAmount(text) : undefined);

export function buildPurchase(d: PurchaseDraft): BuiltPurchase {
  const errors: Record<string, ReturnType<typeof bilingual>> = {};
  const h = d.header;
  if (h.supplierId === null || h.supplierText !== h.supplierPicked) errors.supplier = bilingual('purchasing.chooseSupplier');
  const { orderDate, deliveryDate, paymentTermsDays } = parseHeaderDates(h, errors);
  const header: PurchaseHeaderInput = {
    supplierId: h.supplierId ?? 0,
    orderType: Number(h.orderType) as PurchaseHeaderInput['orderType'],
    ...(orderDate ? { orderDate } : {}),
    deliveryDate,
    supplierReference: optional(h.supplierReference),
    ourReference: optional(h.ourReference),
    contactId: h.contactId ? Number(h.contactId) : null,
    ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}),
    notes: optional(h.notes),
    ...peopleInput(h.people),
  };

  const lines: (PurchaseLineInput & { id?: number })[] = [];
  const uids: string[] = [];
  for (const l of d.lines) {
    if (isBlankPurchaseLine(l)) continue;
    if (!productChosen(l, purchaseLineField(l.uid, 'product'), errors)) continue;
    const cells = parseLineCells(l, (col) => purchaseLineField(l.uid, col), errors, optionalPrice);
    const lineDate = l.deliveryDate.trim() ? parseDate(l.deliveryDate) : null;
    if (l.deliveryDate.trim() && !lineDate) errors[purchaseLineField(l.uid, 'deliveryDate')] = bilingual('common.invalidDate');
    if (!cells) continue;
    const { quantity, unitPriceOre, discountBp } = cells;
    lines.push({
      ...(l.id !== undefined ? { id: l.id } : {}),
      productId: l.productId,
      description: optional(l.description),
      quantity,
      ...(unitPriceOre !== undefined ? { unitPriceOre } : {}),
      discountBp,
      vatCode: l.vatCode,
      deliveryDate: lineDate,
    });
    uids.push(l.uid);
  }
  return { header, lines, uids, errors };
}

const LINE_PATHS: Readonly<Record<string, PurchaseColumn>> = {
  productId: 'product',
  description: 'description',
  quantity: 'quantity',
  unitPriceOre: 'price',
  discountBp: 'discount',
  vatCode: 'vatCode',
  deliveryDate: 'deliveryDate',
  id: 'product',
};

const HEADER_PATHS: Readonly<Record<string, string>> = {
  supplierId: 'supplier',
  orderType: 'orderType',
  orderDate: 'orderDate',
  deliveryDate: 'deliveryDate',
  supplierReference: 'supplierReference',
  ourReference: 'ourReference',
  contactId: 'contactId',
  paymentTermsDays: 'paymentTermsDays',
  notes: 'notes',
  title: 'orderTitle',
  ourContactId: 'ourContactId',
  responsibleId: 'responsibleId',
  projectId: 'projectId',
};

/** Places an engine refusal ("header.supplierId", "lines.2.quantity") on the screen's field. */
export function purchaseFieldOfPath(path: string, uids: readonly string[]): string | null {
  const parts = path.split('.');
  if (parts[0] === 'header') parts.shift();
  if (parts[0] === 'lines') {
    const uid = uids[Number(parts[1])];
    if (!uid) return null;
    return purchaseLineField(uid, LINE_PATHS[parts[2] ?? 'productId'] ?? 'product');
  }
  return HEADER_PATHS[parts[0] ?? ''] ?? null;
}
