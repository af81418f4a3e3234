// The purchase order screen's working copy: what the clerk has typed, as text,
// until Ctrl+S turns it into purchase.create / purchase.save input. Parsing
// follows the nb-NO rules of shared/format; problems are reported by field.
import type { Product } from '../../../shared/channels/products';
import type { PurchaseHeaderInput, PurchaseLineInput, PurchaseOrder, PurchaseLine } from '../../../shared/channels/purchasing';
import type { SupplierListRow } from '../../../shared/channels/suppliers';
import type { VatCode } from '../../../shared/enums';
import { formatDate, parseAmount, parseDate, parseQuantity } from '../../../shared/format';
import type { FieldErrors } from '../../components/refusal';
import { bilingual } from '../../i18n';
import { amountText, discountText, newUid, parseDiscount, quantityText } from '../orders/orderDraft';

export const PURCHASE_COLUMNS = ['product', 'description', 'quantity', 'price', 'discount', 'vatCode', 'deliveryDate'] as const;
export type PurchaseColumn = (typeof PURCHASE_COLUMNS)[number];
/** The cells Enter walks through; Enter on the last goes to the next line. */
export const PURCHASE_ENTER_COLUMNS: readonly PurchaseColumn[] = ['product', 'quantity', 'price', 'discount'];

export interface PurchaseDraftLine {
  readonly uid: string;
  readonly id?: number;
  readonly productId: number | null;
  readonly productText: string;
  readonly pickedNumber: string | null;
  readonly description: string;
  readonly unit: string;
  readonly quantity: string;
  readonly price: string;
  readonly priceTouched: boolean;
  readonly discount: string;
  readonly vatCode: VatCode;
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
}

export interface PurchaseDraft {
  readonly header: PurchaseDraftHeader;
  readonly lines: readonly PurchaseDraftLine[];
}

export function emptyPurchaseLine(): PurchaseDraftLine {
  return {
    uid: newUid(),
    productId: null,
    productText: '',
    pickedNumber: null,
    description: '',
    unit: '',
    quantity: '',
    price: '',
    priceTouched: false,
    discount: '',
    vatCode: '25',
    deliveryDate: '',
  };
}

export function isBlankPurchaseLine(l: PurchaseDraftLine): boolean {
  return l.productId === null && !l.productText.trim() && !l.quantity.trim() && !l.description.trim();
}

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
    },
    lines: [emptyPurchaseLine()],
  };
}

function lineFromOrder(l: PurchaseLine): PurchaseDraftLine {
  return {
    uid: newUid(),
    id: l.id,
    productId: l.productId,
    productText: l.productNumber,
    pickedNumber: l.productNumber,
    description: l.description,
    unit: l.unit,
    quantity: quantityText(l.quantity),
    price: amountText(l.unitPriceOre),
    priceTouched: true,
    discount: discountText(l.discountBp),
    vatCode: l.vatCode,
    deliveryDate: formatDate(l.deliveryDate),
  };
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
    },
    lines: po.lines.length ? po.lines.map(lineFromOrder) : [emptyPurchaseLine()],
  };
}

/** A product picked in a line: text, unit and VAT code from it; the price is its cost price (what we pay), unless typed. */
export function withPurchaseProduct(line: PurchaseDraftLine, p: Product): PurchaseDraftLine {
  return {
    ...line,
    productId: p.id,
    productText: p.number,
    pickedNumber: p.number,
    description: p.name,
    unit: p.unit,
    price: line.priceTouched && line.price.trim() ? line.price : p.costOre != null ? amountText(p.costOre) : '',
    vatCode: p.vatCode,
  };
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

const optional = (text: string): string | null => (text.trim() ? text.trim() : null);

export function buildPurchase(d: PurchaseDraft): BuiltPurchase {
  const errors: Record<string, ReturnType<typeof bilingual>> = {};
  const h = d.header;
  if (h.supplierId === null || h.supplierText !== h.supplierPicked) errors.supplier = bilingual('purchasing.chooseSupplier');
  const orderDate = h.orderDate.trim() ? parseDate(h.orderDate) : null;
  if (h.orderDate.trim() && !orderDate) errors.orderDate = bilingual('common.invalidDate');
  const deliveryDate = h.deliveryDate.trim() ? parseDate(h.deliveryDate) : null;
  if (h.deliveryDate.trim() && !deliveryDate) errors.deliveryDate = bilingual('common.invalidDate');
  let paymentTermsDays: number | undefined;
  if (h.paymentTermsDays.trim()) {
    const n = Number(h.paymentTermsDays.trim());
    if (!Number.isInteger(n) || n < 0) errors.paymentTermsDays = bilingual('common.invalidWhole');
    else paymentTermsDays = n;
  }
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
  };

  const lines: (PurchaseLineInput & { id?: number })[] = [];
  const uids: string[] = [];
  for (const l of d.lines) {
    if (isBlankPurchaseLine(l)) continue;
    if (l.productId === null || l.productText !== l.pickedNumber) {
      errors[purchaseLineField(l.uid, 'product')] = bilingual('order.line.chooseProduct');
      continue;
    }
    const quantity = parseQuantity(l.quantity);
    if (quantity === null) errors[purchaseLineField(l.uid, 'quantity')] = bilingual('common.invalidNumber');
    else if (quantity <= 0) errors[purchaseLineField(l.uid, 'quantity')] = bilingual('order.line.invalidQuantity');
    // An empty price: the engine takes the product's cost price.
    const unitPriceOre = l.price.trim() ? parseAmount(l.price) : undefined;
    if (unitPriceOre === null || (unitPriceOre !== undefined && unitPriceOre < 0)) errors[purchaseLineField(l.uid, 'price')] = bilingual('common.invalidAmount');
    const discountBp = parseDiscount(l.discount);
    if (discountBp === null) errors[purchaseLineField(l.uid, 'discount')] = bilingual('common.invalidPercent');
    const lineDate = l.deliveryDate.trim() ? parseDate(l.deliveryDate) : null;
    if (l.deliveryDate.trim() && !lineDate) errors[purchaseLineField(l.uid, 'deliveryDate')] = bilingual('common.invalidDate');
    if (quantity === null || quantity <= 0 || unitPriceOre === null || (unitPriceOre ?? 0) < 0 || discountBp === null) continue;
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
