// The order screen's working copy: what the clerk has typed, as text, until
// Ctrl+S turns it into the engine's input. Parsing uses the nb-NO rules of
// shared/format; every problem found here is reported by field, like the engine's.
import type { HeaderInput, LineInput, Order, OrderLine } from '../../../shared/channels/orders';
import type { CustomerListRow } from '../../../shared/channels/customers';
import type { Product } from '../../../shared/channels/products';
import type { VatCode } from '../../../shared/enums';
import { formatAmount, formatDate, formatQuantity, parseAmount, parseDate, parseDecimal, parseQuantity } from '../../../shared/format';
import type { FieldErrors } from '../../components/refusal';
import { bilingual } from '../../i18n';

export const LINE_COLUMNS = ['product', 'description', 'quantity', 'price', 'discount', 'vatCode'] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];
/** The columns Enter walks through, in order; Enter on the last one goes to the next line. */
export const ENTER_COLUMNS: readonly LineColumn[] = ['product', 'quantity', 'price', 'discount'];

export interface DraftLine {
  readonly uid: string;
  /** The saved line, when there is one. */
  readonly id?: number;
  readonly productId: number | null;
  /** What is in the product cell. */
  readonly productText: string;
  /** The number of the product that was picked; when productText differs, the cell needs a new pick. */
  readonly pickedNumber: string | null;
  readonly description: string;
  readonly unit: string;
  readonly quantity: string;
  readonly price: string;
  readonly priceTouched: boolean;
  readonly discount: string;
  readonly vatCode: VatCode;
}

export interface DraftHeader {
  readonly customerId: number | null;
  readonly customerText: string;
  readonly customerPicked: string | null;
  readonly customerNumber: number | null;
  readonly orderType: string;
  readonly statusId: string;
  readonly orderDate: string;
  readonly deliveryDate: string;
  readonly customerReference: string;
  readonly ourReference: string;
  readonly contactId: string;
  /**
   * '' ships to the customer's own address; an id, to that delivery address;
   * KEPT_DELIVERY_ADDRESS keeps the copy on the order whose source has been removed.
   */
  readonly deliveryAddressId: string;
  readonly paymentTermsDays: string;
  readonly notes: string;
}

export const KEPT_DELIVERY_ADDRESS = 'kept';

export interface Draft {
  readonly header: DraftHeader;
  readonly lines: readonly DraftLine[];
}

let uidCounter = 0;
export function newUid(): string {
  uidCounter += 1;
  return `l${uidCounter}`;
}

export function emptyLine(): DraftLine {
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
  };
}

export function isBlankLine(l: DraftLine): boolean {
  return l.productId === null && !l.productText.trim() && !l.quantity.trim() && !l.description.trim();
}

/** A new order, dated by the engine's today (system.bootstrap), never by the renderer's clock. */
export function newDraft(defaultStatusId: number | undefined, today: string): Draft {
  return {
    header: {
      customerId: null,
      customerText: '',
      customerPicked: null,
      customerNumber: null,
      orderType: '1',
      statusId: defaultStatusId ? String(defaultStatusId) : '',
      orderDate: formatDate(today),
      deliveryDate: '',
      customerReference: '',
      ourReference: '',
      contactId: '',
      deliveryAddressId: '',
      paymentTermsDays: '',
      notes: '',
    },
    lines: [emptyLine()],
  };
}

/** Amounts typed in the grid keep the no-break space out: "1 234,50" reads the same and edits better. */
export const amountText = (ore: number): string => formatAmount(ore, { separator: ' ' });
export const quantityText = (thousandths: number): string => formatQuantity(thousandths, { separator: ' ' });
/** Basis points as a percentage the clerk types: 1000 → "10", 1250 → "12,5", 0 → "". */
export function discountText(bp: number): string {
  if (bp === 0) return '';
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',');
}

function lineFromOrder(l: OrderLine): DraftLine {
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
  };
}

export function draftFromOrder(order: Order): Draft {
  return {
    header: {
      customerId: order.customerId,
      customerText: order.customerName,
      customerPicked: order.customerName,
      customerNumber: order.customerNumber,
      orderType: String(order.orderType),
      statusId: String(order.statusId),
      orderDate: formatDate(order.orderDate),
      deliveryDate: formatDate(order.deliveryDate),
      customerReference: order.customerReference ?? '',
      ourReference: order.ourReference ?? '',
      contactId: order.contactId ? String(order.contactId) : '',
      deliveryAddressId: order.deliveryAddress ? String(order.deliveryAddress.deliveryAddressId ?? KEPT_DELIVERY_ADDRESS) : '',
      paymentTermsDays: String(order.paymentTermsDays),
      notes: order.notes ?? '',
    },
    lines: order.lines.length ? order.lines.map(lineFromOrder) : [emptyLine()],
  };
}

/** A product picked in a line: text, unit, price and VAT code come from it (the price only if the clerk has not typed one). */
export function withProduct(line: DraftLine, p: Product): DraftLine {
  return {
    ...line,
    productId: p.id,
    productText: p.number,
    pickedNumber: p.number,
    description: p.name,
    unit: p.unit,
    // Typing in the product cell clears priceTouched, so a new product brings its own price.
    price: line.priceTouched && line.price.trim() ? line.price : amountText(p.priceOre),
    vatCode: p.vatCode,
  };
}

export function withCustomer(header: DraftHeader, c: CustomerListRow): DraftHeader {
  return {
    ...header,
    customerId: c.id,
    customerText: c.name,
    customerPicked: c.name,
    customerNumber: c.number,
    paymentTermsDays: String(c.paymentTermsDays),
    contactId: header.customerId === c.id ? header.contactId : '',
    // Another customer: its own address until one of its delivery addresses is chosen.
    deliveryAddressId: header.customerId === c.id ? header.deliveryAddressId : '',
  };
}

/** Comparable form of a draft, for "are there unsaved changes". Blank lines do not count. */
export function fingerprint(d: Draft): string {
  return JSON.stringify({
    h: { ...d.header, customerText: undefined, customerPicked: undefined, customerNumber: undefined },
    l: d.lines
      .filter((l) => !isBlankLine(l))
      .map((l) => [l.id, l.productId, l.productText, l.description, l.quantity, l.price, l.discount, l.vatCode]),
  });
}

/** Discount typed as a percentage ("10", "12,5") → basis points; null when not 0–100 %. */
export function parseDiscount(text: string): number | null {
  if (!text.trim()) return 0;
  const bp = parseDecimal(text.replace('%', ''), 2);
  return bp === null || bp < 0 || bp > 10_000 ? null : bp;
}

export const lineField = (uid: string, col: LineColumn): string => `line.${uid}.${col}`;

export interface PricedDraftLine {
  readonly uid: string;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
}

/** The lines that are complete enough to price (for the running totals). */
export function pricedLines(lines: readonly DraftLine[]): PricedDraftLine[] {
  const out: PricedDraftLine[] = [];
  for (const l of lines) {
    if (l.productId === null) continue;
    const quantity = parseQuantity(l.quantity);
    const unitPriceOre = parseAmount(l.price);
    const discountBp = parseDiscount(l.discount);
    if (quantity === null || quantity <= 0 || unitPriceOre === null || unitPriceOre < 0 || discountBp === null) continue;
    out.push({ uid: l.uid, quantity, unitPriceOre, discountBp, vatCode: l.vatCode });
  }
  return out;
}

export interface BuiltOrder {
  readonly header: HeaderInput;
  readonly lines: (LineInput & { id?: number })[];
  /** lines[i] came from the draft line with this uid (to place the engine's "lines.i.x" refusals). */
  readonly uids: readonly string[];
  readonly errors: FieldErrors;
}

function optional(text: string): string | null {
  const v = text.trim();
  return v ? v : null;
}

export function buildOrder(d: Draft): BuiltOrder {
  const errors: Record<string, ReturnType<typeof bilingual>> = {};
  const h = d.header;
  if (h.customerId === null || h.customerText !== h.customerPicked) errors.customer = bilingual('order.chooseCustomer');

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

  const header: HeaderInput = {
    customerId: h.customerId ?? 0,
    orderType: Number(h.orderType) as HeaderInput['orderType'],
    ...(h.statusId ? { statusId: Number(h.statusId) } : {}),
    ...(orderDate ? { orderDate } : {}),
    deliveryDate,
    customerReference: optional(h.customerReference),
    ourReference: optional(h.ourReference),
    contactId: h.contactId ? Number(h.contactId) : null,
    // Left out, the order keeps the copy it has.
    ...(h.deliveryAddressId === KEPT_DELIVERY_ADDRESS ? {} : { deliveryAddressId: h.deliveryAddressId ? Number(h.deliveryAddressId) : null }),
    ...(paymentTermsDays !== undefined ? { paymentTermsDays } : {}),
    notes: optional(h.notes),
  };

  const lines: (LineInput & { id?: number })[] = [];
  const uids: string[] = [];
  for (const l of d.lines) {
    if (isBlankLine(l)) continue;
    if (l.productId === null || l.productText !== l.pickedNumber) {
      errors[lineField(l.uid, 'product')] = bilingual('order.line.chooseProduct');
      continue;
    }
    const quantity = parseQuantity(l.quantity);
    if (quantity === null) errors[lineField(l.uid, 'quantity')] = bilingual('common.invalidNumber');
    else if (quantity <= 0) errors[lineField(l.uid, 'quantity')] = bilingual('order.line.invalidQuantity');
    const unitPriceOre = parseAmount(l.price);
    if (unitPriceOre === null || unitPriceOre < 0) errors[lineField(l.uid, 'price')] = bilingual('common.invalidAmount');
    const discountBp = parseDiscount(l.discount);
    if (discountBp === null) errors[lineField(l.uid, 'discount')] = bilingual('common.invalidPercent');
    if (quantity === null || quantity <= 0 || unitPriceOre === null || unitPriceOre < 0 || discountBp === null) continue;
    lines.push({
      ...(l.id !== undefined ? { id: l.id } : {}),
      productId: l.productId,
      description: optional(l.description),
      quantity,
      unitPriceOre,
      discountBp,
      vatCode: l.vatCode,
    });
    uids.push(l.uid);
  }
  return { header, lines, uids, errors };
}

const LINE_PATHS: Readonly<Record<string, LineColumn>> = {
  productId: 'product',
  description: 'description',
  quantity: 'quantity',
  unitPriceOre: 'price',
  discountBp: 'discount',
  vatCode: 'vatCode',
  id: 'product',
};

const HEADER_PATHS: Readonly<Record<string, string>> = {
  customerId: 'customer',
  orderType: 'orderType',
  statusId: 'statusId',
  orderDate: 'orderDate',
  deliveryDate: 'deliveryDate',
  customerReference: 'customerReference',
  ourReference: 'ourReference',
  contactId: 'contactId',
  deliveryAddressId: 'deliveryAddressId',
  paymentTermsDays: 'paymentTermsDays',
  notes: 'notes',
};

/** Places an engine refusal ("header.customerId", "statusId", "lines.2.quantity") on the screen's field. */
export function fieldOfPath(path: string, uids: readonly string[]): string | null {
  const parts = path.split('.');
  if (parts[0] === 'header') parts.shift();
  if (parts[0] === 'lines' || parts[0] === 'line') {
    const index = Number(parts[1]);
    const uid = parts[0] === 'lines' ? uids[index] : uids[0];
    if (!uid) return null;
    return lineField(uid, LINE_PATHS[parts[2] ?? 'productId'] ?? 'product');
  }
  return HEADER_PATHS[parts[0] ?? ''] ?? null;
}
