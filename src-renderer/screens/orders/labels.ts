// Labels of the shared enums in the user's language.
import type { Status } from '../../../shared/channels/orders';
import { MANUAL_ORDER_TYPE_IDS, ORDER_TYPES, VAT_CODES, type Language, type OrderTypeId, type VatCode } from '../../../shared/enums';

export function orderTypeLabel(id: number, lang: Language): string {
  const t = ORDER_TYPES.find((o) => o.id === id);
  return t ? `${t.id} ${t[lang]}` : String(id);
}

/** Types a clerk may choose (1–8): 9, card payment, comes only from an import. */
export function manualOrderTypeOptions(lang: Language): { value: string; label: string }[] {
  return MANUAL_ORDER_TYPE_IDS.map((id: OrderTypeId) => ({ value: String(id), label: orderTypeLabel(id, lang) }));
}

export function statusLabel(status: Pick<Status, 'labelNb' | 'labelEn'> | undefined, lang: Language): string {
  if (!status) return '';
  return lang === 'en' ? status.labelEn : status.labelNb;
}

/** The statuses a clerk sees, in flow order. */
export function visibleStatuses(statuses: readonly Status[] | undefined): Status[] {
  return (statuses ?? []).filter((s) => !s.hidden).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
}

/** "25 %", or "Utenfor" for outside the VAT act (shared/enums.ts VAT_CODES). */
export function vatShortLabel(code: VatCode, lang: Language): string {
  return (VAT_CODES.find((v) => v.code === code)?.short[lang] ?? code).replace(' ', '\u00a0');
}

export function vatLabel(code: VatCode, lang: Language): string {
  return VAT_CODES.find((v) => v.code === code)?.[lang] ?? code;
}
