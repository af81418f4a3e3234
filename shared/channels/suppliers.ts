// Suppliers are parties too (SPEC 5): the same register as customers, with the
// fields purchasing needs (no credit limit, card surcharge or invoice customer).
import { z } from 'zod';
import { PARTY_KINDS, type PartyKind } from '../enums';
import { channel, email, id, optionalText, orgNumber, pageInput, phone, requiredText, text, type Page } from './common';
import type { Contact } from './customers';

export interface Supplier {
  readonly id: number;
  readonly number: number;
  readonly kind: PartyKind;
  readonly name: string;
  readonly orgNumber: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
  readonly paymentTermsDays: number;
  readonly contacts: readonly Contact[];
  readonly updatedAt: string;
}

export type SupplierListRow = Omit<Supplier, 'contacts'>;

const contactInput = z
  .object({
    id: id.optional(),
    name: requiredText(100),
    phone: phone.nullable().optional(),
    email: email.nullable().optional(),
    role: optionalText(100),
  })
  .strict();

const supplierFields = {
  kind: z.enum(PARTY_KINDS).default('business'),
  name: requiredText(200),
  orgNumber: orgNumber.nullable().optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  addressLine1: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z -]{3,10}$/)
    .nullable()
    .optional(),
  city: optionalText(100),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('NO'),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  contacts: z.array(contactInput).max(100).default([]),
};

/** A business party needs its organisation number (SPEC 5); the party table enforces it too. */
function requireOrgNumberForBusiness(value: { kind: PartyKind; orgNumber?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.kind === 'business' && !value.orgNumber) {
    ctx.addIssue({ code: 'custom', path: ['orgNumber'], message: 'org_number_required' });
  }
}

export const supplierInput = z.object(supplierFields).strict().superRefine(requireOrgNumberForBusiness);
export type SupplierInput = z.input<typeof supplierInput>;

export const suppliersChannels = {
  'suppliers.list': channel<Page<SupplierListRow>>()(pageInput),
  'suppliers.get': channel<Supplier>()(z.object({ id }).strict()),
  'suppliers.create': channel<Supplier>()(supplierInput),
  'suppliers.update': channel<Supplier>()(z.object({ id, ...supplierFields }).strict().superRefine(requireOrgNumberForBusiness)),
  /** The purchase order header's supplier field: number, name or organisation number. */
  'suppliers.lookup': channel<readonly SupplierListRow[]>()(
    z.object({ query: text(100), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
};
