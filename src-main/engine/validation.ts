// Turning a zod refusal into the domain error the user sees: the first issue
// decides the code and the field.
import type { z } from 'zod';
import { DomainError, type ErrorCode } from '../../shared/errors';

const REFINEMENT_CODES = new Set<string>([
  'invalid_org_number',
  'invalid_bank_account',
  'invalid_ean',
  'invalid_gs1_prefix',
  'invalid_date',
  'invalid_phone',
  'invalid_postal_code',
  'org_number_required',
  'block_too_large',
  'invalid_pin',
  'quantity_zero',
  'invalid_initials',
  'end_before_start',
  'task_order_or_project',
  'file_too_large',
  'invalid_file_name',
  'invalid_base64',
  // issue 13 flows
  'invalid_colour',
  'flow_change_one',
]);

export function fieldPath(path: readonly PropertyKey[]): string | null {
  return path.length ? path.map(String).join('.') : null;
}

/** The value the caller sent at `path`, to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function zodToDomainError(error: z.ZodError, input: unknown): DomainError {
  const issue = error.issues[0];
  if (!issue) return new DomainError('invalid_type');
  return issueToDomainError(issue, input);
}

/** One zod issue as the domain error it stands for (an import names every issue of every row). */
export function issueToDomainError(issue: z.ZodError['issues'][number], input: unknown): DomainError {
  const field = fieldPath(issue.path);
  switch (issue.code) {
    case 'custom': {
      const code = REFINEMENT_CODES.has(issue.message) ? (issue.message as ErrorCode) : 'invalid_format';
      const params = (issue.params ?? {}) as Record<string, string | number>;
      return new DomainError(code, field, params);
    }
    case 'invalid_type':
      if (issue.expected === 'int') return new DomainError('not_integer', field);
      return new DomainError(valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type', field);
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) === 1
          ? new DomainError('required', field)
          : new DomainError('too_short', field, { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return new DomainError('too_small', field, { min: Number(issue.minimum) });
      return new DomainError('too_small', field, { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return new DomainError('too_long', field, { max: Number(issue.maximum) });
      return new DomainError('too_big', field, { max: Number(issue.maximum) });
    case 'invalid_format':
      // A pattern may carry its own message code (a PIN, say).
      return new DomainError(REFINEMENT_CODES.has(issue.message) ? (issue.message as ErrorCode) : 'invalid_format', field);
    case 'invalid_value':
    case 'invalid_union':
      return new DomainError('invalid_choice', field);
    case 'unrecognized_keys':
      return new DomainError('unknown_field', fieldPath([...issue.path, issue.keys[0] ?? '']), {
        key: issue.keys[0] ?? '',
      });
    case 'not_multiple_of':
      return new DomainError('not_integer', field);
    default:
      return new DomainError('invalid_type', field);
  }
}
