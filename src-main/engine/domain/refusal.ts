// A rule's answer before anything is written: null (go ahead) or why not. The
// same value refuses a channel (thrown as a DomainError) and tells a screen why
// an action is disabled (an Availability), so the two always agree.
import { AVAILABLE, unavailable, type Availability } from '../../../shared/channels/common';
import { DomainError, type ErrorCode } from '../../../shared/errors';

export interface Refusal {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export const refusal = (code: ErrorCode, params: Readonly<Record<string, string | number>> = {}): Refusal => ({ code, params });

/** The first refusal of the rules given, in order. */
export function firstRefusal(...checks: readonly (() => Refusal | null)[]): Refusal | null {
  for (const check of checks) {
    const r = check();
    if (r) return r;
  }
  return null;
}

export function assertAllowed(r: Refusal | null, field: string | null = null): void {
  if (r) throw new DomainError(r.code, field, r.params);
}

export function availabilityOf(r: Refusal | null): Availability {
  return r ? unavailable(r.code, r.params) : AVAILABLE;
}
