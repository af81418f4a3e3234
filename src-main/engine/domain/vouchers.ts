// The accounting rules (SPEC 11): each event that moves money becomes vouchers of
// lines on account keys (domain/accountKeys.ts), debit = credit to the øre. Pure:
// the service (services/accounting.ts) reads the facts, maps keys to the
// company's accounts and stores the result.
import { VAT_CODES, type PaymentMethod, type ReceiptMethod, type VatCode } from '../../../shared/enums';
import { inputVatKey, moneyKey, outputVatKey, salesKey, type AccountKey } from './accountKeys';
import { divRound, vatRateBp } from './pricing';

export interface KeyedLine {
  readonly key: AccountKey;
  readonly debitOre: number;
  readonly creditOre: number;
  readonly taxCode: string | null;
  /** Set where SAF-T reports the line's VAT: VAT lines, and sales at 0 % (codes 5 and 6). */
  readonly taxBaseOre: number | null;
  readonly customerId: number | null;
  readonly supplierId: number | null;
  readonly description: string;
}

export interface VoucherDraft {
  readonly description: string;
  readonly lines: readonly KeyedLine[];
}

interface LineExtras {
  readonly taxCode?: string | null;
  readonly taxBaseOre?: number | null;
  readonly customerId?: number | null;
  readonly supplierId?: number | null;
  readonly description: string;
}

/** A line for a signed amount: positive is a debit, negative a credit; nothing for zero. */
function signed(key: AccountKey, amountOre: number, x: LineExtras): KeyedLine[] {
  if (amountOre === 0) return [];
  return [
    {
      key,
      debitOre: amountOre > 0 ? amountOre : 0,
      creditOre: amountOre < 0 ? -amountOre : 0,
      taxCode: x.taxCode ?? null,
      taxBaseOre: x.taxBaseOre ?? null,
      customerId: x.customerId ?? null,
      supplierId: x.supplierId ?? null,
      description: x.description,
    },
  ];
}

const saftOf = (code: VatCode) => VAT_CODES.find((v) => v.code === code)!;

export function sumDebit(lines: readonly Pick<KeyedLine, 'debitOre'>[]): number {
  return lines.reduce((s, l) => s + l.debitOre, 0);
}
export function sumCredit(lines: readonly Pick<KeyedLine, 'creditOre'>[]): number {
  return lines.reduce((s, l) => s + l.creditOre, 0);
}
export function isBalanced(lines: readonly Pick<KeyedLine, 'debitOre' | 'creditOre'>[]): boolean {
  return sumDebit(lines) === sumCredit(lines);
}

export interface InvoiceFacts {
  readonly kind: 'invoice' | 'credit_note';
  readonly number: number;
  readonly customerId: number;
  /** What the customer owes for it: gross + cash rounding (negative for a credit note). */
  readonly payableOre: number;
  readonly roundingOre: number;
  readonly vatRegistered: boolean;
  /** The VAT table as issued (signed like the invoice). */
  readonly byRate: readonly { readonly vatCode: VatCode; readonly rateBp: number; readonly baseOre: number; readonly vatOre: number }[];
}

/**
 * An invoice or credit note: receivables for what is payable; sales per VAT code;
 * output VAT per rate with its SAF-T code and base; the cash rounding. A credit
 * note is the same with the signs turned by its own negative amounts.
 */
export function invoiceVoucher(f: InvoiceFacts): VoucherDraft {
  const what = f.kind === 'invoice' ? `Faktura ${f.number}` : `Kreditnota ${f.number}`;
  const lines: KeyedLine[] = [...signed('receivables', f.payableOre, { customerId: f.customerId, description: what })];
  for (const r of f.byRate) {
    const v = saftOf(r.vatCode);
    const code = f.vatRegistered ? v.saftCode : null;
    // Turnover at 0 % (zero-rated, outside the act) is reported on its sales line; VAT-bearing sales through their VAT line.
    const zero = f.vatRegistered && r.rateBp === 0;
    lines.push(...signed(salesKey(r.vatCode), -r.baseOre, { taxCode: code, taxBaseOre: zero ? r.baseOre : null, customerId: f.customerId, description: `${what}, salg ${v.short.nb}` }));
    const vatKey = outputVatKey(r.vatCode);
    if (vatKey && r.vatOre !== 0) {
      lines.push(...signed(vatKey, -r.vatOre, { taxCode: code, taxBaseOre: r.baseOre, customerId: f.customerId, description: `${what}, utgående mva ${v.short.nb}` }));
    }
  }
  lines.push(...signed('rounding', -f.roundingOre, { description: `${what}, øreavrunding` }));
  return { description: what, lines };
}

/** Goods sold from stock: their cost leaves stock for cost of goods sold (negative: goods back on a credit note). */
export function costOfGoodsVoucher(what: string, costOre: number): VoucherDraft | null {
  if (costOre === 0) return null;
  return {
    description: `${what}, varekostnad`,
    lines: [...signed('cost_of_goods', costOre, { description: `${what}, varekostnad` }), ...signed('stock', -costOre, { description: `${what}, varelager` })],
  };
}

/**
 * Money received: on the account it came in on; the part that settled invoices
 * (or reminder fees) off receivables, the rest is the customer's credit.
 */
export function paymentVoucher(p: {
  readonly reference: string;
  readonly customerId: number;
  readonly method: ReceiptMethod | PaymentMethod;
  readonly amountOre: number;
  readonly settledOre: number;
}): VoucherDraft {
  const x = { customerId: p.customerId, description: p.reference };
  return {
    description: p.reference,
    lines: [
      ...signed(moneyKey(p.method), p.amountOre, { description: p.reference }),
      ...signed('receivables', -p.settledOre, x),
      ...signed('customer_credit', -(p.amountOre - p.settledOre), x),
    ],
  };
}

export interface CreditMovement {
  readonly kind: 'settle' | 'refund';
  /** A settle: positive uses credit on an invoice, negative gives it back to credit (after a credit note). A refund: positive. */
  readonly amountOre: number;
  readonly customerId: number;
  /** How the money came in (a refund goes back the same way). */
  readonly method: ReceiptMethod;
  readonly description: string;
}

/** Movements of a customer's credit: used on an invoice, released by a credit note, paid back. */
export function creditVoucher(description: string, moves: readonly CreditMovement[]): VoucherDraft {
  const lines: KeyedLine[] = [];
  for (const m of moves) {
    const x = { customerId: m.customerId, description: m.description };
    if (m.kind === 'settle') {
      lines.push(...signed('customer_credit', m.amountOre, x), ...signed('receivables', -m.amountOre, x));
    } else {
      lines.push(...signed('customer_credit', m.amountOre, x), ...signed(moneyKey(m.method), -m.amountOre, { description: m.description }));
    }
  }
  return { description, lines };
}

/** A reminder fee charged: the customer owes it (receivables); the company earns it. Fees are outside VAT. */
export function reminderFeeVoucher(what: string, customerId: number, feeOre: number): VoucherDraft {
  return {
    description: what,
    lines: [...signed('receivables', feeOre, { customerId, description: what }), ...signed('reminder_fees', -feeOre, { description: what })],
  };
}

export interface SupplierInvoiceFacts {
  readonly number: string;
  readonly supplierId: number;
  readonly vatRegistered: boolean;
  readonly lines: readonly { readonly vatCode: VatCode; readonly amountOre: number; readonly stockManaged: boolean }[];
}

/**
 * A supplier invoice (prices excl. VAT): stock-managed goods to stock, the rest
 * to purchases, input VAT per rate (on the sum of the lines at that rate, as
 * invoices compute it), the total owed to the supplier.
 */
export function supplierInvoiceVoucher(f: SupplierInvoiceFacts): VoucherDraft {
  const what = `Leverandørfaktura ${f.number}`;
  const base = new Map<string, { key: AccountKey; vatCode: VatCode; amountOre: number }>();
  const byRate = new Map<VatCode, number>();
  for (const l of f.lines) {
    const key: AccountKey = l.stockManaged ? 'stock' : 'purchases';
    const k = `${key}|${l.vatCode}`;
    base.set(k, { key, vatCode: l.vatCode, amountOre: (base.get(k)?.amountOre ?? 0) + l.amountOre });
    byRate.set(l.vatCode, (byRate.get(l.vatCode) ?? 0) + l.amountOre);
  }
  const x = { supplierId: f.supplierId };
  const lines: KeyedLine[] = [];
  for (const b of base.values()) {
    const code = f.vatRegistered && inputVatKey(b.vatCode) ? saftOf(b.vatCode).saftInputCode : null;
    lines.push(...signed(b.key, b.amountOre, { ...x, taxCode: code, description: `${what}, ${b.key === 'stock' ? 'varer til lager' : 'varekjøp'}` }));
  }
  let gross = 0;
  for (const [vatCode, baseOre] of byRate) {
    const vatKey = inputVatKey(vatCode);
    const vatOre = f.vatRegistered && vatKey ? divRound(BigInt(baseOre) * BigInt(vatRateBp(vatCode)), 10_000n) : 0;
    gross += baseOre + vatOre;
    if (vatKey && vatOre !== 0) {
      const v = saftOf(vatCode);
      lines.push(...signed(vatKey, vatOre, { ...x, taxCode: v.saftInputCode, taxBaseOre: baseOre, description: `${what}, inngående mva ${v.short.nb}` }));
    }
  }
  lines.push(...signed('suppliers', -gross, { ...x, description: what }));
  return { description: what, lines };
}

/** A reversal (a void): every line with debit and credit swapped. */
export function reversedVoucher<L extends Omit<KeyedLine, 'key'>>(description: string, lines: readonly L[]): { description: string; lines: L[] } {
  return { description, lines: lines.map((l) => ({ ...l, debitOre: l.creditOre, creditOre: l.debitOre, description: `Annullert: ${l.description}` })) };
}
