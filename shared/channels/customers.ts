import { z } from 'zod';
import { INVOICE_METHOD_KEYS, LANGUAGES, PARTY_KINDS, type InvoiceMethod, type Language, type PartyKind } from '../enums';
import {
  channel,
  email,
  id,
  nonNegativeOre,
  optionalText,
  orgNumber,
  pageInput,
  percentBp,
  phone,
  requiredText,
  text,
  type Page,
} from './common';
import { customFieldValuesInput, type CustomFieldValues } from './customFields';

export interface Contact {
  readonly id: number;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly role: string | null;
}

export interface DeliveryAddress {
  readonly id: number;
  readonly name: string;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
}

export interface Customer {
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
  /** null: no credit limit. */
  readonly creditLimitOre: number | null;
  readonly paymentTermsDays: number;
  readonly cardSurchargeBp: number;
  readonly invoiceCustomerId: number | null;
  /** The language the customer's documents are printed in unless the clerk picks another. */
  readonly language: Language;
  /** How the customer's invoices go out (fakturametode, issue 13). */
  readonly invoiceMethod: InvoiceMethod;
  readonly contacts: readonly Contact[];
  readonly deliveryAddresses: readonly DeliveryAddress[];
  readonly updatedAt: string;
  /** Custom fields (issue 12): every active customer field, null when empty. */
  readonly customFields: CustomFieldValues;
}

export type CustomerListRow = Omit<Customer, 'contacts' | 'deliveryAddresses' | 'customFields'>;

const postalCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Z -]{3,10}$/)
  .nullable()
  .optional();
const country = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .default('NO');

/** A party's contact person; customers and suppliers (SPEC 5) share it. */
export const contactInput = z
  .object({
    id: id.optional(),
    name: requiredText(100),
    phone: phone.nullable().optional(),
    email: email.nullable().optional(),
    role: optionalText(100),
  })
  .strict();

/** A delivery address is in Norway unless said otherwise: a Norwegian postal code has 4 digits. */
const deliveryAddressInput = z
  .object({
    id: id.optional(),
    name: requiredText(200),
    addressLine1: optionalText(200),
    postalCode,
    city: optionalText(100),
    country,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.country === 'NO' && v.postalCode != null && !/^\d{4}$/.test(v.postalCode)) {
      ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'invalid_postal_code' });
    }
  });
export type DeliveryAddressInput = z.input<typeof deliveryAddressInput>;

/** The name and address fields every party has, customer or supplier (SPEC 5). */
export const partyFields = {
  name: requiredText(200),
  orgNumber: orgNumber.nullable().optional(),
  email: email.nullable().optional(),
  phone: phone.nullable().optional(),
  addressLine1: optionalText(200),
  postalCode,
  city: optionalText(100),
  country,
};

const customerFields = {
  kind: z.enum(PARTY_KINDS),
  ...partyFields,
  creditLimitOre: nonNegativeOre.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
  cardSurchargeBp: percentBp.default(0),
  invoiceCustomerId: id.nullable().optional(),
  /** Left out: kept on update; on create, the company's document language (issue 13). */
  language: z.enum(LANGUAGES).optional(),
  /** Left out: kept on update; on create, the company's default invoice method (issue 13). */
  invoiceMethod: z.enum(INVOICE_METHOD_KEYS).optional(),
  contacts: z.array(contactInput).max(100).default([]),
  deliveryAddresses: z.array(deliveryAddressInput).max(100).default([]),
  /** Custom fields (issue 12), partial: a key left out keeps its value. */
  customFields: customFieldValuesInput.optional(),
};

/** A business party must have an organisation number (SPEC 5); the party table enforces it too. */
export function requireOrgNumberForBusiness(
  value: { kind: PartyKind; orgNumber?: string | null | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.kind === 'business' && !value.orgNumber) {
    ctx.addIssue({ code: 'custom', path: ['orgNumber'], message: 'org_number_required' });
  }
}

export const customerInput = z.object(customerFields).strict().superRefine(requireOrgNumberForBusiness);
export type CustomerInput = z.input<typeof customerInput>;

export const customersChannels = {
  'customers.list': channel<Page<CustomerListRow>>()(pageInput),
  'customers.get': channel<Customer>()(z.object({ id }).strict()),
  'customers.create': channel<Customer>()(customerInput, { guards: ['set_credit_limit'] }),
  'customers.update': channel<Customer>()(
    z
      .object({ id, ...customerFields })
      .strict()
      .superRefine(requireOrgNumberForBusiness),
    { guards: ['set_credit_limit'] },
  ),
  /** The order header's customer field: number, name or organisation number. */
  'customers.lookup': channel<readonly CustomerListRow[]>()(
    z.object({ query: text(100), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
};
