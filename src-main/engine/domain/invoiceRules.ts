// Invoice particulars (SPEC 7, 9): KID with its MOD10 check digit, due dates.
import { kidMod10CheckDigit } from '../../../shared/checks';

/** KID: customer number (6 digits) and invoice number (7 digits) with a MOD10 check digit. */
export function makeKid(customerNumber: number, invoiceNumber: number): string {
  const body = `${String(customerNumber).padStart(6, '0')}${String(invoiceNumber).padStart(7, '0')}`;
  return body + kidMod10CheckDigit(body);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(isoDate: string, months: number): string {
  const [y, m, day] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** Every period start from `start` in steps of `months` up to and including `today`. */
export function duePeriods(start: string, months: number, today: string): string[] {
  const out: string[] = [];
  for (let p = start; p <= today && out.length < 1200; p = addMonths(start, months * out.length)) out.push(p);
  return out;
}
