// Suppliers are parties too (SPEC 5): the same register as customers, with the
// fields purchasing needs (no credit limit, card surcharge or invoice customer).
import { z } from 'zod';
import { PARTY_KINDS, type PartyKind } from '../enums';
import { channel, id, pageInput, text, type Page } from './common';
import { contactInput, partyFields, requireOrgNumberForBusiness, type Contact } from './customers';

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

const supplierFields = {
  kind: z.enum(PARTY_KINDS).default('business'),
  ...partyFields,
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  contacts: z.array(contactInput).max(100).default([]),
};

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
