// The rules for changing a number series' next number (issue 13, SPEC 7 and 8).
import { DomainError } from '../../../shared/errors';

export interface SeriesState {
  /** The invoice series (invoices and credit notes): numbers run without gaps from the first one. */
  readonly gapFree: boolean;
  /** The highest number in use; null while none is. */
  readonly highestUsed: number | null;
  /** The highest number the series may be set to (the KID holds invoice and customer numbers in fixed widths). */
  readonly max: number;
}

/**
 * Refuses a next number the series cannot take:
 * - the gap-free invoice series can start anywhere until its first number is used;
 *   after that its next number is the highest used + 1 and nothing else: lower
 *   would reuse a number (an issued invoice's number is never reused), higher would
 *   leave a gap in the series the accounts are checked against (SPEC 7);
 * - any other series may be set anywhere that is not a number in use (numbers in
 *   use further on are stepped over when the series reaches them).
 */
export function assertNextNumberAllowed(state: SeriesState, requested: number, requestedInUse: boolean): void {
  if (requested > state.max) throw new DomainError('too_big', 'nextNumber', { max: state.max });
  if (state.gapFree) {
    if (state.highestUsed === null) return;
    const next = state.highestUsed + 1;
    if (requested < next) throw new DomainError('invoice_series_below_used', 'nextNumber', { n: requested, highest: state.highestUsed });
    if (requested > next) throw new DomainError('invoice_series_gap', 'nextNumber', { n: requested, highest: state.highestUsed, next });
    return;
  }
  if (requestedInUse) throw new DomainError('series_number_in_use', 'nextNumber', { n: requested });
}

/** The next number can be edited: always, except the invoice series once it has a number in use. */
export function seriesEditable(state: SeriesState): boolean {
  return !(state.gapFree && state.highestUsed !== null);
}
