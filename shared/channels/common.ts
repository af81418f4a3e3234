// Building blocks for the channel schemas. Refinement messages are error codes
// (shared/errors.ts), so every refusal reaches the user in nb and en.
import { z } from 'zod';
import { isValidBankAccount, isValidEan, isValidOrgNumber, compactDigits } from '../checks';
import { parseDate } from '../format';
import type { Access } from '../access';
import { errorData, type ErrorCode } from '../errors';

/** A channel: its input schema, who may call it (shared/access.ts), and (as a phantom type) what it returns. */
export interface ChannelDef<I extends z.ZodType, O> {
  readonly input: I;
  readonly access: Access;
  readonly __output?: O;
}
export const channel =
  <O>() =>
  <I extends z.ZodType>(input: I, access: Access = {}): ChannelDef<I, O> => ({ input, access });

export const NO_INPUT = z.object({}).strict();

export const id = z.number().int().positive();
/** Money in integer øre. Bounded so that sums of a million lines stay safe integers. */
export const ore = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00);
export const nonNegativeOre = ore.min(0);
/** Quantities in integer thousandths. */
export const quantity = z.number().int().min(-1_000_000_000).max(1_000_000_000);
export const positiveQuantity = quantity.min(1);
/** Basis points: 2500 = 25 %. */
export const percentBp = z.number().int().min(0).max(10_000);

export const isoDate = z.string().refine((s) => parseDate(s) === s && /^\d{4}-\d{2}-\d{2}$/.test(s), {
  message: 'invalid_date',
});

export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const orgNumber = z
  .string()
  .transform(compactDigits)
  .refine(isValidOrgNumber, { message: 'invalid_org_number' });

export const bankAccount = z
  .string()
  .transform(compactDigits)
  .refine(isValidBankAccount, { message: 'invalid_bank_account' });

/** A GS1 company prefix: 7 to 10 digits (the lengths an SSCC's serial leaves room for). */
export const gs1CompanyPrefix = z.string().trim().refine((v) => /^\d{7,10}$/.test(v), { message: 'invalid_gs1_prefix' });

export const ean = z.string().trim().refine(isValidEan, { message: 'invalid_ean' });

/** Norwegian or international phone number: digits, spaces, an optional leading +. */
export const phone = z
  .string()
  .trim()
  .refine((s) => /^\+?[\d ]{8,18}$/.test(s) && s.replace(/\D/g, '').length >= 8, { message: 'invalid_phone' });

export const email = z.string().trim().max(200).email();

export const pageInput = z
  .object({
    search: text(200).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** A number column's filter as AG Grid sends it (the lists filter through the engine). */
export const numberColumnFilter = z
  .object({
    filterType: z.literal('number'),
    type: z.enum(['equals', 'lessThan', 'greaterThan', 'inRange']),
    filter: z.number().int(),
    filterTo: z.number().int().nullable().optional(),
  })
  .strict();

export interface Page<T> {
  readonly rows: readonly T[];
  readonly total: number;
}

/**
 * Whether an action can be taken now, and if not, why: the same refusal (code and
 * text in both languages) that the action's channel would give. The screens show
 * an unavailable action disabled with this reason; they never work it out themselves.
 */
export interface Availability {
  readonly available: boolean;
  readonly reason: { readonly code: ErrorCode; readonly nb: string; readonly en: string } | null;
}

export const AVAILABLE: Availability = { available: true, reason: null };

export function unavailable(code: ErrorCode, params: Readonly<Record<string, string | number>> = {}): Availability {
  const data = errorData(code, null, params);
  return { available: false, reason: { code, nb: data.message.nb, en: data.message.en } };
}
