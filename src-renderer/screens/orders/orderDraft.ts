// The order screen's working copy: what the clerk has typed, as text, until
// Ctrl+S turns it into the engine's input. Parsing uses the nb-NO rules of
// shared/format; every problem found here is reported by field, like the engine's.
import { customPayload, type CustomDrafts } from '../../components/customFieldDrafts';
import type { HeaderInput, LineInput, Order, TextLineInput, TextLineKind } from '../../../shared/channels/orders';
import type { CustomerListRow } from '../../../shared/channels/customers';
import type { Product } from '../../../shared/channels/products';
import type { VatCode } from '../../../shared/enums';
import { formatDate, parseAmount, parseQuantity } from '../../../shared/format';
import type { FieldErrors } from '../../components/refusal';
import { bilingual } from '../../i18n';
import { NO_PEOPLE, peopleInput, peopleOf, type OrderPeople } from '../people/OrderPeopleFields';
import {
  amountText,
  emptyLineBase,
  isBlankLine,
  lineBaseOf,
  optional,
  parseDiscount,
  parseHeaderDates,
  parseLineCells,
  productChosen,
  requiredPrice,
  withProductCells,
  type DraftLineBase,
} from './lineDraft';

// Shared with the purchase screen and the forms that show amounts.
export { amountText, discountText, isBlankLine, newUid, parseDiscount, quantityText } from './lineDraft';

export const LINE_COLUMNS = ['product', 'description', 'quantity', 'price', 'discount', 'vatCode'] as const;
export type LineColumn = (typeof LINE_COLUMNS)[number];
/** The columns Enter walks through, in order; Enter on the last one goes to the next line. */
export const ENTER_COLUMNS: readonly LineColumn[] = ['product', 'quantity', 'price', 'discount'];

/**
 * A row of the order as typed; the purchase line adds its delivery date.
 * A heading or text row (SPEC 2) is a row with `textKind`: its text is in
 * `description`, it has no product, and `textId` is its saved id.
 */
export type DraftLine = DraftLineBase & { readonly textKind?: TextLineKind; readonly textId?: number };

export const isTextRow = (l: DraftLine): boolean => l.textKind !== undefined;

/** A new heading or text row. */
export const emptyTextRow = (kind: TextLineKind): DraftLine => ({ ...emptyLineBase(), textKind: kind });

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
  /** Custom fields typed since the order was loaded or saved (issue 12). */
  readonly custom: CustomDrafts;
  /** Tittel, Vår kontakt, Ansvarlig, Prosjekt (issue 12). */
  readonly people: OrderPeople;
}

export const KEPT_DELIVERY_ADDRESS = 'kept';

export interface Draft {
  readonly header: DraftHeader;
  readonly lines: readonly DraftLine[];
}

export const emptyLine = (): DraftLine => emptyLineBase();

/** A new order, dated by the engine's today (system.bootstrap), never by the renderer's clock. */
export function newDraft(defaultStatusId: number | undefined, today: string, defaultOrderType: number = 1): Draft {
  return {
    header: {
      customerId: null,
      customerText: '',
      customerPicked: null,
      customerNumber: null,
      orderType: String(defaultOrderType),
      statusId: defaultStatusId ? String(defaultStatusId) : '',
      orderDate: formatDate(today),
      deliveryDate: '',
      customerReference: '',
      ourReference: '',
      contactId: '',
      deliveryAddressId: '',
      paymentTermsDays: '',
      notes: '',
      custom: {},
      people: NO_PEOPLE,
    },
    lines: [emptyLine()],
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
      custom: {},
      people: peopleOf(order),
    },
    lines: order.lines.length || order.textLines.length ? rowsOfOrder(order) : [emptyLine()],
  };
}

/** Product lines and text rows in one list, in the order's lineNo order (one numbering for both). */
function rowsOfOrder(order: Order): DraftLine[] {
  const rows: { lineNo: number; row: DraftLine }[] = [
    ...order.lines.map((l) => ({ lineNo: l.lineNo, row: lineBaseOf(l) as DraftLine })),
    ...order.textLines.map((t) => ({ lineNo: t.lineNo, row: { ...emptyLineBase(), textKind: t.kind, textId: t.id, description: t.text } })),
  ];
  return rows.sort((a, b) => a.lineNo - b.lineNo).map((r) => r.row);
}

/** A product picked in a line: text, unit, price and VAT code come from it (the price only if the clerk has not typed one). */
export function withProduct(line: DraftLine, p: Product): DraftLine {
  // Typing in the product cell clears priceTouched, so a new product brings its own price.
  return withProductCells(line, p, line.priceTouched && line.price.trim() ? line.price : amountText(p.priceOre));
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

/** A new order started from another screen (a project's "Ny ordre"). */
export function withPrefill(d: Draft, prefill: { customer: CustomerListRow | null; people: Partial<OrderPeople> } | undefined): Draft {
  if (!prefill) return d;
  const header = prefill.customer ? withCustomer(d.header, prefill.customer) : d.header;
  return { ...d, header: { ...header, people: { ...header.people, ...prefill.people } } };
}

/** Comparable form of a draft, for "are there unsaved changes". Blank lines do not count. */
// Lines are replaced, never changed in place: what is worked out of one line is
// kept with it, so a keystroke on a thousand-line order redoes one line, not all.
const lineFingerprints = new WeakMap<DraftLine, string>();
function lineFingerprint(l: DraftLine): string {
  let f = lineFingerprints.get(l);
  if (f === undefined) {
    f = isBlankLine(l)
      ? ''
      : JSON.stringify(
          l.textKind ? [l.textId, l.textKind, l.description] : [l.id, l.productId, l.productText, l.description, l.quantity, l.price, l.discount, l.vatCode],
        );
    lineFingerprints.set(l, f);
  }
  return f;
}

export function fingerprint(d: Draft): string {
  const h = JSON.stringify({ ...d.header, customerText: undefined, customerPicked: undefined, customerNumber: undefined });
  let lines = '';
  for (const l of d.lines) {
    const f = lineFingerprint(l);
    if (f) lines += `${f},`;
  }
  return `${h}|${lines}`;
}

export const lineField = (uid: string, col: LineColumn): string => `line.${uid}.${col}`;

/**
 * What is wrong with a number cell as typed (the same rules as Ctrl+S), or null.
 * An empty cell is left to Ctrl+S: a line being typed is not yet complete.
 */
export function cellError(line: DraftLine, col: 'quantity' | 'price' | 'discount'): ReturnType<typeof bilingual> | null {
  if (!line[col].trim()) return null;
  const errors: Record<string, ReturnType<typeof bilingual>> = {};
  parseLineCells(line, (c) => c, errors, requiredPrice);
  return errors[col] ?? null;
}

export interface PricedDraftLine {
  readonly uid: string;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
}

/** The lines that are complete enough to price (for the running totals). */
const pricedOf = new WeakMap<DraftLine, PricedDraftLine | null>();
function pricedLine(l: DraftLine): PricedDraftLine | null {
  let p = pricedOf.get(l);
  if (p !== undefined) return p;
  p = null;
  if (l.productId !== null) {
    const quantity = parseQuantity(l.quantity);
    const unitPriceOre = parseAmount(l.price);
    const discountBp = parseDiscount(l.discount);
    if (quantity !== null && quantity > 0 && unitPriceOre !== null && unitPriceOre >= 0 && discountBp !== null) {
      p = { uid: l.uid, quantity, unitPriceOre, discountBp, vatCode: l.vatCode };
    }
  }
  pricedOf.set(l, p);
  return p;
}

export function pricedLines(lines: readonly DraftLine[]): PricedDraftLine[] {
  const out: PricedDraftLine[] = [];
  for (const l of lines) {
    const p = pricedLine(l);
    if (p) out.push(p);
  }
  return out;
}

/** The same lines priced the same (a new blank line or a changed description prices nothing new). */
export function samePriced(a: readonly PricedDraftLine[], b: readonly PricedDraftLine[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y && (x.uid !== y.uid || x.quantity !== y.quantity || x.unitPriceOre !== y.unitPriceOre || x.discountBp !== y.discountBp || x.vatCode !== y.vatCode)) return false;
  }
  return true;
}

export interface BuiltOrder {
  readonly header: HeaderInput;
  readonly lines: (LineInput & { id?: number })[];
  /** Headings and text rows, each with its place in the whole list (product and text rows together). */
  readonly texts: TextLineInput[];
  /** texts[i] came from the draft row with this uid. */
  readonly textUids: readonly string[];
  /** lines[i] came from the draft line with this uid (to place the engine's "lines.i.x" refusals). */
  readonly uids: readonly string[];
  readonly errors: FieldErrors;
}

export function buildOrder(d: Draft): BuiltOrder {
  const errors: Record<string, ReturnType<typeof bilingual>> = {};
  const h = d.header;
  if (h.customerId === null || h.customerText !== h.customerPicked) errors.customer = bilingual('order.chooseCustomer');

  const { orderDate, deliveryDate, paymentTermsDays } = parseHeaderDates(h, errors);

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
    ...peopleInput(h.people),
  };
  const custom = customPayload(h.custom);
  Object.assign(errors, custom.errors);
  if (Object.keys(custom.values).length) header.customFields = custom.values;

  const lines: (LineInput & { id?: number })[] = [];
  const uids: string[] = [];
  const texts: TextLineInput[] = [];
  const textUids: string[] = [];
  // The place each row is saved at: blank rows are not saved, so they take none.
  let index = 0;
  for (const l of d.lines) {
    if (isBlankLine(l)) continue;
    if (l.textKind) {
      texts.push({ ...(l.textId !== undefined ? { id: l.textId } : {}), index: index++, kind: l.textKind, text: l.description.trim() });
      textUids.push(l.uid);
      continue;
    }
    index++;
    if (!productChosen(l, lineField(l.uid, 'product'), errors)) continue;
    const cells = parseLineCells(l, (col) => lineField(l.uid, col), errors, requiredPrice);
    if (!cells) continue;
    lines.push({
      ...(l.id !== undefined ? { id: l.id } : {}),
      productId: l.productId,
      description: optional(l.description),
      ...cells,
      vatCode: l.vatCode,
    });
    uids.push(l.uid);
  }
  return { header, lines, texts, uids, textUids, errors };
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
  title: 'orderTitle',
  ourContactId: 'ourContactId',
  responsibleId: 'responsibleId',
  projectId: 'projectId',
};

/** Places an engine refusal ("header.customerId", "statusId", "lines.2.quantity") on the screen's field. */
export function fieldOfPath(path: string, uids: readonly string[], textUids: readonly string[] = []): string | null {
  const parts = path.split('.');
  if (parts[0] === 'header') parts.shift();
  if (parts[0] === 'texts') {
    const uid = textUids[Number(parts[1])];
    return uid ? lineField(uid, 'description') : null;
  }
  if (parts[0] === 'lines' || parts[0] === 'line') {
    const index = Number(parts[1]);
    const uid = parts[0] === 'lines' ? uids[index] : uids[0];
    if (!uid) return null;
    return lineField(uid, LINE_PATHS[parts[2] ?? 'productId'] ?? 'product');
  }
  if (parts[0] === 'customFields') return parts.join('.');
  return HEADER_PATHS[parts[0] ?? ''] ?? null;
}
