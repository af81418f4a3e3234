// Norwegian particulars of invoices and business documents (SPEC 9;
// bokføringsforskriften § 5-1-1, foretaksregisterloven § 10-2): the seller's
// organisation number followed by "MVA" when VAT registered, "Foretaksregisteret"
// for companies that must be registered there, VAT per rate in NOK, KID, and
// cash rounding as its own amount.
import { formatBankAccount, formatOrgNumber } from '../../../shared/checks';
import { formatAmount, formatDate, formatPercentBp, formatQuantity } from '../../../shared/format';
import type { Labels } from './labels';
import type { Party, Seller } from './model';

/** "Org.nr. 923 609 016 MVA" (the MVA only when the seller is VAT registered). */
export function sellerOrgLine(seller: Pick<Seller, 'orgNumber' | 'vatRegistered'>, L: Labels): string {
  return `${L.orgNo} ${formatOrgNumber(seller.orgNumber)}${seller.vatRegistered ? ' MVA' : ''}`;
}

/**
 * Limited companies (AS, ASA) must be registered in Foretaksregisteret and say
 * so on their business documents (foretaksregisterloven § 10-2).
 */
export function inEnterpriseRegister(name: string): boolean {
  return /\s(AS|ASA)$/i.test(name.trim());
}

export function sellerAddressLines(seller: Seller): string[] {
  const postal = [seller.postalCode, seller.city].filter(Boolean).join(' ');
  return [seller.addressLine1 ?? '', postal, seller.country !== 'NO' ? seller.country : ''].filter((s) => s.length > 0);
}

/** One line for the return address above the recipient: "Fjordlager AS · Havnegata 12 · 5003 Bergen". */
export function sellerReturnLine(seller: Seller): string {
  return [seller.name, ...sellerAddressLines(seller)].join(' · ');
}

export function partyOrgLine(party: Party, L: Labels): string | null {
  return party.orgNumber ? `${L.orgNo} ${formatOrgNumber(party.orgNumber)}` : null;
}

export const amount = (ore: number): string => formatAmount(ore);
export const nok = (ore: number): string => `kr ${formatAmount(ore)}`;
export const qty = (thousandths: number): string => formatQuantity(thousandths);
export const date = (iso: string | null | undefined): string => formatDate(iso);
export const percent = (bp: number): string => formatPercentBp(bp);
export const bankAccount = (v: string | null): string => (v ? formatBankAccount(v) : '');

/** Weight in kilograms with up to three decimals: 12500 g → "12,5". */
export function kilograms(grams: number): string {
  return formatQuantity(grams);
}
