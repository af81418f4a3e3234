// An action button's state as the screens show it: the engine's answer for the
// action (available, or not with the reason its channel would refuse with), and
// the one concern that is the screen's own: a form with unsaved changes is saved
// before an action runs on the order as stored. No rule is decided here.
import type { Availability as EngineAvailability } from '../../shared/channels/common';
import { bilingual, type BilingualText } from '../i18n';

export type Availability = { readonly ok: true } | { readonly ok: false; readonly reason: BilingualText };

export const OK: Availability = { ok: true };
export const no = (reason: BilingualText): Availability => ({ ok: false, reason });

/** The engine's answer; with `dirty`, unsaved changes come first, since the engine answers for the order as saved. */
export function fromEngine(answer: EngineAvailability, dirty = false): Availability {
  if (dirty) return no(bilingual('process.saveFirst'));
  return answer.available || !answer.reason ? OK : no({ nb: answer.reason.nb, en: answer.reason.en });
}
