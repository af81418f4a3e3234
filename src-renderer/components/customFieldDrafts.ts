// Custom field values on a form (issue 12), as text: how a stored value is
// shown (1 234,50, dd.mm.åååå, Ja/Nei) and what typed text means, for the
// forms' drafts and for CustomFieldsSection. No React here: the order draft uses it.
import type { CustomFieldDef, CustomFieldValue } from '../../shared/channels/customFields';
import { formatAmount, formatDate, parseAmount, parseDate, parseDecimal } from '../../shared/format';
import { bilingual, type BilingualText } from '../i18n';
import type { FieldCheck } from './fieldChecks';

/** What the clerk typed in a field, with what it parses to (undefined: not a value of the field's type). */
export interface CustomDraft {
  readonly text: string;
  readonly value: CustomFieldValue | undefined;
}
export type CustomDrafts = Readonly<Record<string, CustomDraft>>;

/** The form field's name (and the engine's path without its prefix): customFields.<key>. */
export const customFieldName = (key: string): string => `customFields.${key}`;

export const fieldLabel = (f: Pick<CustomFieldDef, 'labelNb' | 'labelEn'>, lang: 'nb' | 'en'): string => (lang === 'en' && f.labelEn ? f.labelEn : f.labelNb);

/** A stored value as the form shows it. */
export function textOf(f: CustomFieldDef, value: CustomFieldValue | undefined): string {
  if (value === null || value === undefined) return '';
  switch (f.type) {
    case 'amount':
      return typeof value === 'number' ? formatAmount(value, { separator: ' ' }) : '';
    case 'date':
      return typeof value === 'string' ? formatDate(value) : '';
    case 'yesno':
      return value === true ? 'yes' : 'no';
    default:
      return String(value);
  }
}

/** What the typed text means for the field; undefined when it means nothing of its type. */
export function parseCustomText(f: CustomFieldDef, text: string): CustomFieldValue | undefined {
  const s = text.trim();
  if (!s) return null;
  switch (f.type) {
    case 'amount':
      return parseAmount(s) ?? undefined;
    case 'number':
      return parseDecimal(s, 0) ?? undefined;
    case 'date':
      return parseDate(s) ?? undefined;
    case 'yesno':
      return s === 'yes';
    default:
      return s;
  }
}

const INVALID: Readonly<Record<string, Parameters<typeof bilingual>[0]>> = {
  amount: 'common.invalidAmount',
  number: 'common.invalidWhole',
  date: 'common.invalidDate',
};

export const customFieldCheck =
  (f: CustomFieldDef): FieldCheck =>
  (text) =>
    parseCustomText(f, text) === undefined ? bilingual(INVALID[f.type] ?? 'common.invalidNumber') : null;

/** The values a save sends (the touched fields), and the fields whose text is not a value. */
export function customPayload(drafts: CustomDrafts): { values: Record<string, CustomFieldValue>; errors: Record<string, BilingualText> } {
  const values: Record<string, CustomFieldValue> = {};
  const errors: Record<string, BilingualText> = {};
  for (const [key, d] of Object.entries(drafts)) {
    if (d.value === undefined) errors[customFieldName(key)] = bilingual('customFields.invalidValue');
    else values[key] = d.value;
  }
  return { values, errors };
}

