// Custom fields (Spesialfelter, issue 12): the administrator defines fields per
// record kind; their values travel with the record (`customFields` on an order,
// a customer, a product and a project) and are checked by the engine.
import { z } from 'zod';
import { channel, id, optionalText, requiredText } from './common';

export const CUSTOM_FIELD_ENTITIES = ['order', 'customer', 'product', 'project'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'amount', 'date', 'yesno', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/**
 * A field's value as it travels: text, a date (ISO) and a choice (its key) as
 * strings; a whole number and an amount (øre) as integers; yes/no as a boolean.
 */
export type CustomFieldValue = string | number | boolean | null;
/** The record's values by field key: every active field of its kind, null when empty. */
export type CustomFieldValues = Readonly<Record<string, CustomFieldValue>>;

/** The column id of a field in a list (orders.list sortModel / filterModel). */
export const customFieldColumnId = (key: string): string => `cf_${key}`;

/** Longest text a text field keeps. */
export const CUSTOM_TEXT_MAX = 500;

export interface CustomFieldChoice {
  readonly key: string;
  readonly labelNb: string;
  readonly labelEn: string | null;
}

export interface CustomFieldDef {
  readonly id: number;
  readonly entity: CustomFieldEntity;
  readonly key: string;
  readonly type: CustomFieldType;
  readonly labelNb: string;
  readonly labelEn: string | null;
  readonly required: boolean;
  readonly active: boolean;
  /** Shown as a column in the record kind's list by default. */
  readonly listColumn: boolean;
  readonly sortOrder: number;
  /** Bounds of a number or an amount (øre). */
  readonly minValue: number | null;
  readonly maxValue: number | null;
  readonly choices: readonly CustomFieldChoice[];
  /** How many records have a value in it (its type is fixed once there are any). */
  readonly valueCount: number;
  readonly version: number;
}

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

/**
 * Values as a save sends them, partial: a key left out keeps its value, null
 * empties it. Each value is checked against its field's type by the engine.
 */
export const customFieldValuesInput = z
  .record(z.string().max(40), z.union([z.string().max(CUSTOM_TEXT_MAX), z.number(), z.boolean(), z.null()]))
  .refine((v) => Object.keys(v).length <= 100, { message: 'too_many_values' });
export type CustomFieldValuesInput = z.input<typeof customFieldValuesInput>;

const choiceInput = z
  .object({
    /** Left out for a new choice: made from the label. */
    key: fieldKey.optional(),
    labelNb: requiredText(60),
    labelEn: optionalText(60),
  })
  .strict();

const bound = z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00).nullable().optional();

export const customFieldInput = z
  .object({
    /** Left out: a new field. */
    id: id.optional(),
    version: z.number().int().min(1).optional(),
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    /** Left out for a new field: made from the label. */
    key: fieldKey.optional(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    labelNb: requiredText(60),
    labelEn: optionalText(60),
    required: z.boolean().default(false),
    active: z.boolean().default(true),
    listColumn: z.boolean().default(false),
    minValue: bound,
    maxValue: bound,
    choices: z.array(choiceInput).max(50).default([]),
  })
  .strict();
export type CustomFieldInput = z.input<typeof customFieldInput>;

export const customFieldsChannels = {
  /** The definitions, by kind and display order (anyone: the forms and lists need them). */
  'customFields.list': channel<readonly CustomFieldDef[]>()(
    z.object({ entity: z.enum(CUSTOM_FIELD_ENTITIES).optional(), includeInactive: z.boolean().default(false) }).strict(),
  ),
  'customFields.save': channel<CustomFieldDef>()(customFieldInput, { right: 'administer' }),
  /** The kind's fields in their new order: every field of the kind, once. */
  'customFields.reorder': channel<readonly CustomFieldDef[]>()(
    z.object({ entity: z.enum(CUSTOM_FIELD_ENTITIES), ids: z.array(id).min(1).max(200) }).strict(),
    { right: 'administer' },
  ),
  /** Out of use: no longer shown or required; its values are kept (saving it active again brings them back). */
  'customFields.deactivate': channel<CustomFieldDef>()(
    z.object({ id, version: z.number().int().min(1) }).strict(),
    { right: 'administer' },
  ),
} as const;
