import { z } from 'zod';
import { INVOICE_METHOD_KEYS, LANGUAGES, STATUS_PRESETS, type InvoiceMethod, type Language, type StatusPreset } from '../enums';
import { IMPORT_DEFAULT_TYPES, MANUAL_DEFAULT_TYPES } from '../kinds';
import { NO_INPUT, bankAccount, channel, email, gs1CompanyPrefix, optionalText, orgNumber, phone, requiredText } from './common';

export interface Company {
  readonly name: string;
  readonly orgNumber: string;
  readonly vatRegistered: boolean;
  readonly addressLine1: string | null;
  readonly postalCode: string | null;
  readonly city: string | null;
  readonly country: string;
  readonly bankAccount: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly defaultPaymentTermsDays: number;
  readonly statusPreset: StatusPreset;
  readonly autoConfirmOnAccept: boolean;
  readonly generateBackorders: boolean;
  readonly purchaseReply: boolean;
  readonly purchaseDispatch: boolean;
  readonly purchaseReception: boolean;
  readonly postCashInvoices: boolean;
  /** The GS1 company prefix the waybills' SSCCs are made from (7–10 digits); null until set. */
  readonly gs1CompanyPrefix: string | null;
  /** The carrier a waybill names unless the clerk changes it for one shipment. */
  readonly defaultCarrier: string | null;
  /** A paid order moves on from the flow's Betalt to Avsluttet (SPEC 11). */
  readonly closeWhenPaid: boolean;
  /** The reminder fee charged where the law allows one; never above the legal maximum (domain/reminderRules.ts). */
  readonly reminderFeeOre: number;
  /** Defaults the engine reads (issue 13): the order type of an order entered by hand that names none. */
  readonly defaultOrderTypeManual: (typeof MANUAL_DEFAULT_TYPES)[number];
  /** The order type of a web-shop / EDI order that names none. */
  readonly defaultOrderTypeImport: (typeof IMPORT_DEFAULT_TYPES)[number];
  /** The invoice method a new customer gets unless it is given one. */
  readonly defaultInvoiceMethod: InvoiceMethod;
  /** The language a new customer's or supplier's documents are printed in unless it is given one. */
  readonly documentLanguage: Language;
  readonly updatedAt: string;
}

export const companyInput = z
  .object({
    name: requiredText(200),
    orgNumber,
    vatRegistered: z.boolean(),
    addressLine1: optionalText(200),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{4}$/)
      .nullable()
      .optional(),
    city: optionalText(100),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .default('NO'),
    bankAccount: bankAccount.nullable().optional(),
    email: email.nullable().optional(),
    phone: phone.nullable().optional(),
    defaultPaymentTermsDays: z.number().int().min(0).max(365).default(14),
    statusPreset: z.enum(STATUS_PRESETS).default('standard'),
    autoConfirmOnAccept: z.boolean().default(false),
    generateBackorders: z.boolean().default(true),
    purchaseReply: z.boolean().default(true),
    purchaseDispatch: z.boolean().default(false),
    purchaseReception: z.boolean().default(true),
    postCashInvoices: z.boolean().default(false),
    gs1CompanyPrefix: gs1CompanyPrefix.nullable().optional(),
    defaultCarrier: optionalText(100),
    closeWhenPaid: z.boolean().default(false),
    reminderFeeOre: z.number().int().min(0).max(100_000).default(0),
    defaultOrderTypeManual: z.union(MANUAL_DEFAULT_TYPES.map((t) => z.literal(t)) as unknown as [z.ZodLiteral<(typeof MANUAL_DEFAULT_TYPES)[number]>]).default(1),
    defaultOrderTypeImport: z.union(IMPORT_DEFAULT_TYPES.map((t) => z.literal(t)) as unknown as [z.ZodLiteral<(typeof IMPORT_DEFAULT_TYPES)[number]>]).default(6),
    defaultInvoiceMethod: z.enum(INVOICE_METHOD_KEYS).default('print'),
    documentLanguage: z.enum(LANGUAGES).default('nb'),
  })
  .strict();
export type CompanyInput = z.input<typeof companyInput>;

export const companyChannels = {
  'company.get': channel<Company | null>()(NO_INPUT, { open: true }),
  'company.save': channel<Company>()(companyInput, { right: 'administer' }),
};
