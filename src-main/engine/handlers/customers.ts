import type { CustomerInput } from '../../../shared/channels/customers';
import { DomainError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import {
  deliveryAddressIdsOf,
  getCustomer,
  getCustomerRow,
  insertCustomer,
  listCustomers,
  lookupCustomers,
  replaceDeliveryAddresses,
  updateCustomer,
  type CustomerValues,
} from '../repos/customers';
import { nextNumber } from '../repos/numberSeries';
import { saveCustomValues } from '../services/customFields';
import { replaceContacts } from '../repos/parties';
import { assertNewContacts, assertOwnContacts, contactValues, partyValues, type ParsedContact } from './parties';
import { reader, writer, type HandlerMap } from './types';

type Parsed = Omit<CustomerInput, 'country' | 'cardSurchargeBp' | 'contacts' | 'deliveryAddresses'> & {
  country: string;
  cardSurchargeBp: number;
  contacts: ParsedContact[];
  deliveryAddresses: {
    id?: number | undefined;
    name: string;
    addressLine1?: string | null | undefined;
    postalCode?: string | null | undefined;
    city?: string | null | undefined;
    country: string;
  }[];
};

function values(db: Db, input: Parsed, selfId: number | null): CustomerValues {
  if (input.invoiceCustomerId != null && input.invoiceCustomerId !== selfId && !getCustomerRow(db, input.invoiceCustomerId)) {
    throw new DomainError('unknown_customer', 'invoiceCustomerId', { id: input.invoiceCustomerId });
  }
  // Left out, the language and invoice method stay as they are; a new customer gets the company's defaults (issue 13).
  const before = selfId === null ? null : getCustomerRow(db, selfId);
  const company = before ? null : getCompany(db);
  return {
    ...partyValues(db, input),
    creditLimitOre: input.creditLimitOre ?? null,
    cardSurchargeBp: input.cardSurchargeBp,
    invoiceCustomerId: input.invoiceCustomerId ?? null,
    language: input.language ?? before?.language ?? company?.documentLanguage ?? 'nb',
    invoiceMethod: input.invoiceMethod ?? before?.invoiceMethod ?? company?.defaultInvoiceMethod ?? 'print',
  };
}

function deliveryAddresses(input: Parsed) {
  return input.deliveryAddresses.map((a) => ({
    id: a.id,
    name: a.name,
    addressLine1: a.addressLine1 ?? null,
    postalCode: a.postalCode ?? null,
    city: a.city ?? null,
    country: a.country,
  }));
}

export const customerHandlers: HandlerMap<
  'customers.list' | 'customers.get' | 'customers.create' | 'customers.update' | 'customers.lookup'
> = {
  'customers.list': reader((input, { db }) => listCustomers(db, input)),
  'customers.get': reader((input, { db }) => {
    const c = getCustomer(db, input.id);
    if (!c) throw new DomainError('not_found', 'id', { entity: 'kunde', id: input.id });
    return c;
  }),
  'customers.create': writer((input, ctx) => {
    const { db, now, userId, guard } = ctx;
    assertNewContacts(input.contacts);
    const a = input.deliveryAddresses.findIndex((d) => d.id !== undefined);
    if (a >= 0) {
      throw new DomainError('unknown_delivery_address', `deliveryAddresses.${a}.id`, { id: input.deliveryAddresses[a]!.id! });
    }
    const v = values(db, input, null);
    // A credit limit is set by those who may decide over credit (SPEC 8).
    if (v.creditLimitOre !== null) guard('set_credit_limit', 'creditLimitOre');
    const id = insertCustomer(db, nextNumber(db, 'customer'), v, now.toISOString());
    replaceContacts(db, id, contactValues(input.contacts));
    replaceDeliveryAddresses(db, id, deliveryAddresses(input));
    saveCustomValues(ctx, 'customer', id, input.customFields, { creating: true });
    const created = getCustomer(db, id)!;
    logActivity(db, { at: now.toISOString(), userId, entity: 'customer', entityId: id, action: 'create', after: created });
    return created;
  }),
  'customers.update': writer((input, ctx) => {
    const { db, now, userId, guard } = ctx;
    const before = getCustomer(db, input.id);
    if (!before) throw new DomainError('not_found', 'id', { entity: 'kunde', id: input.id });
    assertOwnContacts(db, input.id, input.contacts);
    const ownAddresses = deliveryAddressIdsOf(db, input.id);
    input.deliveryAddresses.forEach((d, i) => {
      if (d.id !== undefined && !ownAddresses.has(d.id)) {
        throw new DomainError('unknown_delivery_address', `deliveryAddresses.${i}.id`, { id: d.id });
      }
    });
    const v = values(db, input, input.id);
    if (v.creditLimitOre !== before.creditLimitOre) guard('set_credit_limit', 'creditLimitOre');
    updateCustomer(db, input.id, v, now.toISOString());
    replaceContacts(db, input.id, contactValues(input.contacts));
    replaceDeliveryAddresses(db, input.id, deliveryAddresses(input));
    saveCustomValues(ctx, 'customer', input.id, input.customFields, { creating: false });
    const after = getCustomer(db, input.id)!;
    logActivity(db, { at: now.toISOString(), userId, entity: 'customer', entityId: input.id, action: 'update', before, after });
    return after;
  }),
  'customers.lookup': reader((input, { db }) => lookupCustomers(db, input.query, input.limit)),
};
