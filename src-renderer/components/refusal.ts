// Refusals in the user's language, next to the field they name (SPEC 10). The
// engine says which field with a dotted path ("orgNumber", "contacts.0.phone",
// "lines.2.quantity"); a form claims the paths it shows, and anything it does
// not show goes to the form's banner.
import { useState } from 'react';
import { ApiError } from '../api/client';
import { bilingual, type BilingualText } from '../i18n';

export type FieldErrors = Readonly<Record<string, BilingualText>>;

export interface Refusal {
  readonly fields: FieldErrors;
  /** Shown above the form: refusals without a field, or for a field the form does not show. */
  readonly general: BilingualText | null;
}

export const NO_REFUSAL: Refusal = { fields: {}, general: null };

/**
 * Turns a thrown error into a refusal. `fieldOf` maps the engine's path to the
 * form's own field name, or returns null when the form has no such field.
 */
export function refusalOf(error: unknown, fieldOf: (path: string) => string | null = (p) => p): Refusal {
  if (error instanceof ApiError) {
    const { field, message } = error.data;
    const own = field ? fieldOf(field) : null;
    return own ? { fields: { [own]: message }, general: null } : { fields: {}, general: message };
  }
  return { fields: {}, general: bilingual('common.couldNotSave') };
}

export function useRefusal() {
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  return {
    refusal,
    setRefusal,
    clear: () => setRefusal(NO_REFUSAL),
    /** Local checks found problems: show them like the engine's. */
    setFields: (fields: FieldErrors) => setRefusal({ fields, general: null }),
  };
}

/** Focuses the control that carries `data-field=<name>` inside root, so the clerk can fix it at once. */
export function focusField(root: HTMLElement | null, name: string | undefined): void {
  if (!root || !name) return;
  const el = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(name)}"]`);
  if (el) {
    el.focus();
    if (el instanceof HTMLInputElement) el.select();
  }
}
