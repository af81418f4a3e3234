// Check digits of Norwegian identifiers (SPEC 9). Pure and dependency-free,
// used by the zod schemas at the boundary and by the documents.

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** MOD11 check digit over `digits` with `weights`; null when the remainder gives 10 (no valid number). */
function mod11(digits: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * (weights[i] ?? 0);
  const rest = sum % 11;
  if (rest === 0) return 0;
  const check = 11 - rest;
  return check === 10 ? null : check;
}

/** Removes the spaces and dots people type in numbers ("923 609 016", "1503.12.34567"). */
export function compactDigits(value: string): string {
  return value.replace(/[\s.\u00a0]/g, '');
}

/** Organisation number: 9 digits, MOD11 with weights 3,2,7,6,5,4,3,2. */
export function isValidOrgNumber(value: string): boolean {
  const v = compactDigits(value);
  if (!/^\d{9}$/.test(v)) return false;
  return mod11(v, ORG_WEIGHTS) === Number(v[8]);
}

/** Bank account number: 11 digits, MOD11 with weights 5,4,3,2,7,6,5,4,3,2. */
export function isValidBankAccount(value: string): boolean {
  const v = compactDigits(value);
  if (!/^\d{11}$/.test(v)) return false;
  return mod11(v, ACCOUNT_WEIGHTS) === Number(v[10]);
}

/** KID with a MOD10 (Luhn) check digit. */
export function isValidKidMod10(value: string): boolean {
  if (!/^\d{2,25}$/.test(value)) return false;
  return kidMod10CheckDigit(value.slice(0, -1)) === value.slice(-1);
}

/** The MOD10 (Luhn) check digit to append to `body`. */
export function kidMod10CheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** The MOD11 check character to append to a KID `body` (weights 2..7 from the right); '-' where the remainder gives 10. */
export function kidMod11CheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (2 + (i % 6));
  const rest = sum % 11;
  if (rest === 0) return '0';
  return rest === 1 ? '-' : String(11 - rest);
}

/** KID with a MOD11 check digit (Nets allows '-' as the check character where MOD11 gives 10). */
export function isValidKidMod11(value: string): boolean {
  if (!/^\d{1,24}[\d-]$/.test(value) || value.length < 2) return false;
  return kidMod11CheckDigit(value.slice(0, -1)) === value.slice(-1);
}

/** A KID that carries either check digit Nets allows (MOD10 or MOD11). */
export function isValidKid(value: string): boolean {
  return isValidKidMod10(value) || isValidKidMod11(value);
}

/** EAN-8 / EAN-13 / GTIN-14 check digit (weights 3,1 from the right). */
export function isValidEan(value: string): boolean {
  if (!/^(\d{8}|\d{12,14})$/.test(value)) return false;
  let sum = 0;
  const body = value.slice(0, -1);
  for (let i = 0; i < body.length; i++) {
    sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10 === Number(value.slice(-1));
}

/** Formats an organisation number the Norwegian way: "923 609 016". */
export function formatOrgNumber(value: string): string {
  const v = compactDigits(value);
  return /^\d{9}$/.test(v) ? `${v.slice(0, 3)} ${v.slice(3, 6)} ${v.slice(6)}` : value;
}

/** Formats a bank account the Norwegian way: "1503.12.34567". */
export function formatBankAccount(value: string): string {
  const v = compactDigits(value);
  return /^\d{11}$/.test(v) ? `${v.slice(0, 4)}.${v.slice(4, 6)}.${v.slice(6)}` : value;
}
