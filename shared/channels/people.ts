// People and projects (issue 12, SPEC 5): employees are "our contact" and
// responsible for orders, projects group sales and purchase orders. The orders
// of a customer, contact, employee or project are the order list's own channel
// (orders.list) with a filter, so every screen shows them the same way.
import { z } from 'zod';
import { PROJECT_STATUS_KEYS, type ProjectStatus } from '../enums';
import { customFieldValuesInput, type CustomFieldValues } from './customFields';
import { channel, email, id, isoDate, optionalText, type Page, pageInput, phone, requiredText, text } from './common';

export interface Employee {
  readonly id: number;
  readonly name: string;
  readonly initials: string;
  readonly phone: string | null;
  readonly email: string | null;
  /** The user who logs in as this employee. */
  readonly userId: number | null;
  readonly userName: string | null;
  readonly active: boolean;
  readonly version: number;
}

const employeeFields = {
  name: requiredText(100),
  /** Letters only, stored in upper case (NBO, ÅSE). */
  initials: z
    .string()
    .trim()
    .refine((s) => /^\p{L}{1,6}$/u.test(s), { message: 'invalid_initials' })
    .transform((s) => s.toLocaleUpperCase('nb')),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  userId: id.nullable().optional(),
  active: z.boolean().default(true),
};
export const employeeInput = z.object(employeeFields).strict();
export type EmployeeInput = z.input<typeof employeeInput>;

export interface Project {
  readonly id: number;
  readonly number: number;
  readonly name: string;
  readonly customerId: number | null;
  readonly customerName: string | null;
  readonly responsibleId: number | null;
  readonly responsibleName: string | null;
  readonly status: ProjectStatus;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly description: string | null;
  readonly version: number;
  /** Custom fields (issue 12): every active project field, null when empty. */
  readonly customFields: CustomFieldValues;
}

/** A project with what its orders come to (the project screen's figures). */
export interface ProjectView extends Project {
  readonly salesOrderCount: number;
  /** Sales orders' total excl. VAT, and what of it is invoiced (net of credit notes). */
  readonly salesNetOre: number;
  readonly invoicedNetOre: number;
  readonly purchaseOrderCount: number;
  readonly purchaseNetOre: number;
}

const projectFields = {
  name: requiredText(200),
  customerId: id.nullable().optional(),
  responsibleId: id.nullable().optional(),
  status: z.enum(PROJECT_STATUS_KEYS).default('active'),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  description: optionalText(4000),
  /** Custom fields (issue 12), partial: a key left out keeps its value (services/customFields.ts saveCustomValues). */
  customFields: customFieldValuesInput.optional(),
};

/** A project ends on or after it starts. */
function endAfterStart(v: { startDate?: string | null; endDate?: string | null }, ctx: z.RefinementCtx): void {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  }
}
export const projectInput = z.object(projectFields).strict().superRefine(endAfterStart);
export type ProjectInput = z.input<typeof projectInput>;

const version = z.number().int().min(1);

export const peopleChannels = {
  /** Active employees unless asked for all; searched by name or initials (folded). */
  'employees.list': channel<readonly Employee[]>()(
    z.object({ includeInactive: z.boolean().default(false), search: text(100).optional() }).strict(),
  ),
  'employees.get': channel<Employee>()(z.object({ id }).strict()),
  'employees.create': channel<Employee>()(employeeInput, { right: 'administer' }),
  'employees.update': channel<Employee>()(z.object({ id, version, ...employeeFields }).strict(), { right: 'administer' }),
  'projects.list': channel<Page<Project>>()(
    pageInput.extend({ status: z.enum(PROJECT_STATUS_KEYS).optional(), customerId: id.optional(), responsibleId: id.optional() }).strict(),
  ),
  'projects.get': channel<ProjectView>()(z.object({ id }).strict()),
  /** Numbered from the project series. */
  'projects.create': channel<ProjectView>()(projectInput),
  'projects.update': channel<ProjectView>()(z.object({ id, version, ...projectFields }).strict().superRefine(endAfterStart)),
  /** The order header's project field: number or name. */
  'projects.lookup': channel<readonly Project[]>()(
    z.object({ query: text(100), limit: z.number().int().min(1).max(50).default(10) }).strict(),
  ),
} as const;
