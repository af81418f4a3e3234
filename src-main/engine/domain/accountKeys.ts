// What the account mapping maps (SPEC 11): each kind of amount a voucher books,
// with the Norwegian standard account (NS 4102) an account chosen for it reports
// as in SAF-T. The default accounts are in migration 014.
import type { ReceiptMethod, VatCode } from '../../../shared/enums';

export const ACCOUNT_KEYS = [
  { key: 'receivables', standard: '1500', nb: 'Kundefordringer', en: 'Accounts receivable' },
  { key: 'customer_credit', standard: '2900', nb: 'Forskudd fra kunder (kundens tilgode)', en: 'Customer credit (prepayments)' },
  { key: 'bank', standard: '1920', nb: 'Bank', en: 'Bank' },
  { key: 'cash', standard: '1900', nb: 'Kontanter', en: 'Cash' },
  { key: 'card', standard: '1920', nb: 'Bankkort, oppgjør', en: 'Card settlement' },
  { key: 'vipps', standard: '1920', nb: 'Vipps, oppgjør', en: 'Vipps settlement' },
  { key: 'sales_25', standard: '3000', nb: 'Salg, 25 %', en: 'Sales, 25 %' },
  { key: 'sales_15', standard: '3000', nb: 'Salg, 15 %', en: 'Sales, 15 %' },
  { key: 'sales_12', standard: '3000', nb: 'Salg, 12 %', en: 'Sales, 12 %' },
  { key: 'sales_0', standard: '3100', nb: 'Salg, fritatt for mva', en: 'Sales, zero-rated' },
  { key: 'sales_outside', standard: '3200', nb: 'Salg, utenfor mva-loven', en: 'Sales, outside the VAT act' },
  { key: 'output_vat_25', standard: '2700', nb: 'Utgående mva, 25 %', en: 'Output VAT, 25 %' },
  { key: 'output_vat_15', standard: '2700', nb: 'Utgående mva, 15 %', en: 'Output VAT, 15 %' },
  { key: 'output_vat_12', standard: '2700', nb: 'Utgående mva, 12 %', en: 'Output VAT, 12 %' },
  { key: 'input_vat_25', standard: '2710', nb: 'Inngående mva, 25 %', en: 'Input VAT, 25 %' },
  { key: 'input_vat_15', standard: '2710', nb: 'Inngående mva, 15 %', en: 'Input VAT, 15 %' },
  { key: 'input_vat_12', standard: '2710', nb: 'Inngående mva, 12 %', en: 'Input VAT, 12 %' },
  { key: 'purchases', standard: '4300', nb: 'Varekjøp (ikke lagerført)', en: 'Purchases (not stock-managed)' },
  { key: 'stock', standard: '1460', nb: 'Varelager', en: 'Stock' },
  { key: 'cost_of_goods', standard: '4300', nb: 'Varekostnad', en: 'Cost of goods sold' },
  { key: 'suppliers', standard: '2400', nb: 'Leverandørgjeld', en: 'Accounts payable' },
  { key: 'rounding', standard: '7740', nb: 'Øreavrunding', en: 'Cash rounding' },
  { key: 'reminder_fees', standard: '8050', nb: 'Purregebyr', en: 'Reminder fees' },
] as const;
export type AccountKey = (typeof ACCOUNT_KEYS)[number]['key'];
export const isAccountKey = (k: string): k is AccountKey => ACCOUNT_KEYS.some((a) => a.key === k);
export const standardAccountOf = (k: AccountKey): string => ACCOUNT_KEYS.find((a) => a.key === k)!.standard;

type RatedCode = Exclude<VatCode, '0' | 'outside'>;
const rated = (code: VatCode): code is RatedCode => code !== '0' && code !== 'outside';

export const salesKey = (code: VatCode): AccountKey => `sales_${code}`;
/** VAT accounts exist only for the codes that charge VAT. */
export const outputVatKey = (code: VatCode): AccountKey | null => (rated(code) ? `output_vat_${code}` : null);
export const inputVatKey = (code: VatCode): AccountKey | null => (rated(code) ? `input_vat_${code}` : null);
/** Where money received (or paid back) one way or another lands; "other" is taken as the bank. */
export const moneyKey = (method: ReceiptMethod): AccountKey => (method === 'other' ? 'bank' : method);
