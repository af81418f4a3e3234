// What the sales order and purchase order working copies share: a line as the
// clerk types it, its text forms of amounts, quantities and discounts, and the
// parsing of the cells both screens have (nb-NO rules of shared/format). What
// differs (the columns, the header, the price rule) stays in orderDraft and purchaseDraft.
import type { Product } from '../../../shared/channels/products';
import type { VatCode } from '../../../shared/enums';
import { formatAmount, formatQuantity, parseAmount, parseDate, parseDecimal, parseQuantity } from '../../../shared/format';
import { bilingual } from '../../i18n';

export interface DraftLineBase {
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

let uidCounter = 0;
export function newUid(): string {
  uidCounter += 1;
  return `l${uidCounter}`;
}

export function emptyLineBase(): DraftLineBase {
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

export function isBlankLine(l: DraftLineBase): boolean {
  return l.productId === null && !l.productText.trim() && !l.quantity.trim() && !l.description.trim();
}

/** Amounts typed in the grid keep the no-break space out: "1 234,50" reads the same and edits better. */
export const amountText = (ore: number): string => formatAmount(ore, { separator: ' ' });
export const quantityText = (thousandths: number): string => formatQuantity(thousandths, { separator: ' ' });
/** Basis points as a percentage the clerk types: 1000 → "10", 1250 → "12,5", 0 → "". */
export function discountText(bp: number): string {
  if (bp === 0) return '';
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '').replace('.', ',');
}

/** Discount typed as a percentage ("10", "12,5") → basis points; null when not 0–100 %. */
export function parseDiscount(text: string): number | null {
  if (!text.trim()) return 0;
  const bp = parseDecimal(text.replace('%', ''), 2);
  return bp === null || bp < 0 || bp > 10_000 ? null : bp;
}

export const optional = (text: string): string | null => (text.trim() ? text.trim() : null);

/** A saved line (sales or purchase) as the engine returns it, as far as the shared cells go. */
export interface SavedLine {
  readonly id: number;
  readonly productId: number;
  readonly productNumber: string;
  readonly description: string;
  readonly unit: string;
  readonly quantity: number;
  readonly unitPriceOre: number;
  readonly discountBp: number;
  readonly vatCode: VatCode;
}

export function lineBaseOf(l: SavedLine): DraftLineBase {
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

/** A product picked in a line: text, unit, description and VAT code come from it; the screen says which price. */
export function withProductCells<L extends DraftLineBase>(line: L, p: Product, price: string): L {
  return { ...line, productId: p.id, productText: p.number, pickedNumber: p.number, description: p.name, unit: p.unit, price, vatCode: p.vatCode };
}

type Errors = Record<string, ReturnType<typeof bilingual>>;

/** The header's dates and payment terms, as both order screens have them; problems go into `errors`. */
export function parseHeaderDates(h: { readonly orderDate: string; readonly deliveryDate: string; readonly paymentTermsDays: string }, errors: Errors) {
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
  return { orderDate, deliveryDate, paymentTermsDays };
}

/** Whether the line's product cell holds a picked product; if not, says so on `field`. */
export function productChosen<L extends DraftLineBase>(l: L, field: string, errors: Errors): l is L & { readonly productId: number } {
  if (l.productId !== null && l.productText === l.pickedNumber) return true;
  errors[field] = bilingual('order.line.chooseProduct');
  return false;
}

export interface LineCells<P> {
  readonly quantity: number;
  readonly unitPriceOre: P;
  readonly discountBp: number;
}

/**
 * The quantity, price and discount of a line; problems go into `errors` on
 * `field(column)`. `parsePrice` is the screen's price rule (undefined: left to the
 * engine). Null when the line cannot be sent.
 */
export function parseLineCells<P extends number | undefined>(
  l: DraftLineBase,
  field: (col: 'quantity' | 'price' | 'discount') => string,
  errors: Errors,
  parsePrice: (text: string) => P | null,
): LineCells<P> | null {
  const quantity = parseQuantity(l.quantity);
  if (quantity === null) errors[field('quantity')] = bilingual('common.invalidNumber');
  else if (quantity <= 0) errors[field('quantity')] = bilingual('order.line.invalidQuantity');
  const unitPriceOre = parsePrice(l.price);
  const badPrice = unitPriceOre === null || (unitPriceOre !== undefined && unitPriceOre < 0);
  if (badPrice) errors[field('price')] = bilingual('common.invalidAmount');
  const discountBp = parseDiscount(l.discount);
  if (discountBp === null) errors[field('discount')] = bilingual('common.invalidPercent');
  if (quantity === null || quantity <= 0 || badPrice || discountBp === null) return null;
  return { quantity, unitPriceOre: unitPriceOre as P, discountBp };
}

/** The sales price rule: the price must be there. */
export const requiredPrice = (text: string): number | null => parseAmount(text);
