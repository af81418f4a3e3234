// What a field accepts, checked as the clerk leaves it (TextField's `check`),
// so "abc" in an amount is refused at once and at the field, not first at
// Ctrl+S. The same parsers as the save (shared/format.ts, shared/checks.ts) and,
// for the identifiers, the engine's own messages: the field says what the
// engine would. A blank field passes: whether it is required is the save's question.
import { errorData } from '../../shared/errors';
import { isValidBankAccount, isValidEan, isValidOrgNumber } from '../../shared/checks';
import { parseAmount, parseDate, parseQuantity } from '../../shared/format';
import { bilingual, type BilingualText } from '../i18n';

export type FieldCheck = (text: string) => BilingualText | null;

const unlessBlank =
  (check: (text: string) => BilingualText | null): FieldCheck =>
  (text) =>
    text.trim() ? check(text.trim()) : null;

const engine = (code: Parameters<typeof errorData>[0]) => errorData(code, null).message;

/** Whole numbers of days, counts (0 and up). */
const whole = unlessBlank((t) => (/^\d+$/.test(t) ? null : bilingual('common.invalidWhole')));
/** Kroner and øre, not negative ("1 234,50"). */
const amount = unlessBlank((t) => {
  const ore = parseAmount(t);
  return ore === null || ore < 0 ? bilingual('common.invalidAmount') : null;
});
/** A quantity with up to three decimals, not negative. */
const quantity = unlessBlank((t) => {
  const q = parseQuantity(t);
  return q === null || q < 0 ? bilingual('common.invalidNumber') : null;
});
/** 0–100 with up to two decimals, "%" allowed. */
const percent = unlessBlank((t) => {
  const bp = parseAmount(t.replace('%', ''));
  return bp === null || bp < 0 || bp > 10_000 ? bilingual('common.invalidPercent') : null;
});
const date = unlessBlank((t) => (parseDate(t) === null ? bilingual('common.invalidDate') : null));
const orgNumber = unlessBlank((t) => (isValidOrgNumber(t) ? null : engine('invalid_org_number')));
const bankAccount = unlessBlank((t) => (isValidBankAccount(t) ? null : engine('invalid_bank_account')));
const ean = unlessBlank((t) => (isValidEan(t) ? null : engine('invalid_ean')));
/** Norwegian postal codes have four digits; abroad the engine's looser rule applies at save. */
const postalCode =
  (country: string): FieldCheck =>
  (text) =>
    country === 'NO' && text.trim() && !/^\d{4}$/.test(text.trim()) ? engine('invalid_postal_code') : null;

export const checks = { whole, amount, quantity, percent, date, orgNumber, bankAccount, ean, postalCode } as const;
