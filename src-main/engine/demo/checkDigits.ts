// Completes identifiers with their check digits (SPEC 9), so that the demo data
// and the generator make numbers that pass the same checks as user input
// (shared/checks.ts). A body whose MOD11 check digit would be 10 has no valid
// number; the next body up is taken instead.

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;
const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

function mod11(body: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(body[i]) * weights[i]!;
  const rest = sum % 11;
  if (rest === 0) return 0;
  return rest === 1 ? null : 11 - rest;
}

function completeMod11(body: string, weights: readonly number[]): string {
  const width = weights.length;
  let n = Number(body);
  for (;;) {
    const b = String(n).padStart(width, '0');
    const check = mod11(b, weights);
    if (check !== null) return `${b}${check}`;
    n++;
  }
}

/** A valid 9-digit organisation number from an 8-digit body (or the next body that has one). */
export function orgNumberFrom(body8: string | number): string {
  return completeMod11(String(body8).padStart(8, '0'), ORG_WEIGHTS);
}

/** A valid 11-digit bank account number from a 10-digit body (or the next body that has one). */
export function bankAccountFrom(body10: string): string {
  return completeMod11(body10, ACCOUNT_WEIGHTS);
}

/** EAN-13 from its 12-digit body: weights 3,1 from the right. */
export function ean13From(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${body12}${(10 - (sum % 10)) % 10}`;
}
