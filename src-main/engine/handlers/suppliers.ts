import type { SupplierInput } from '../../../shared/channels/suppliers';
import type { PartyKind } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import type { Db } from '../db/connection';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { contactIdsOf, replaceContacts } from '../repos/customers';
import { nextNumber } from '../repos/numberSeries';
import { getSupplier, insertSupplier, listSuppliers, lookupSuppliers, updateSupplier, type SupplierValues } from '../repos/suppliers';
import { reader, writer, type HandlerMap } from './types';

type Parsed = Omit<SupplierInput, 'kind' | 'country' | 'contacts'> & {
  kind: PartyKind;
  country: string;
  contacts: { id?: number | undefined; name: string; phone?: string | null | undefined; email?: string | null | undefined; role?: string | null | undefined }[];
};

function values(db: Db, input: Parsed): SupplierValues {
  return {
    kind: input.kind,
    name: input.name,
    orgNumber: input.orgNumber ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    addressLine1: input.addressLine1 ?? null,
    postalCode: input.postalCode ?? null,
    city: input.city ?? null,
    country: input.country,
    // Payment terms default from the company (SPEC 8), as for customers.
    paymentTermsDays: input.paymentTermsDays ?? getCompany(db)?.defaultPaymentTermsDays ?? 14,
  };
}

function contacts(input: Parsed) {
  return input.contacts.map((c) => ({ id: c.id, name: c.name, phone: c.phone ?? null, email: c.email ?? null, role: c.role ?? null }));
}

export const supplierHandlers: HandlerMap<
  'suppliers.list' | 'suppliers.get' | 'suppliers.create' | 'suppliers.update' | 'suppliers.lookup'
> = {
  'suppliers.list': reader((input, { db }) => listSuppliers(db, input)),
  'suppliers.get': reader((input, { db }) => {
    const s = getSupplier(db, input.id);
    if (!s) throw new DomainError('not_found', 'id', { entity: 'leverandør', id: input.id });
    return s;
  }),
  'suppliers.create': writer((input, { db, now, userId }) => {
    const i = input.contacts.findIndex((c) => c.id !== undefined);
    if (i >= 0) throw new DomainError('unknown_contact', `contacts.${i}.id`, { id: input.contacts[i]!.id! });
    const id = insertSupplier(db, nextNumber(db, 'supplier'), values(db, input), now.toISOString());
    replaceContacts(db, id, contacts(input));
    const created = getSupplier(db, id)!;
    logActivity(db, { at: now.toISOString(), userId, entity: 'supplier', entityId: id, action: 'create', after: created });
    return created;
  }),
  'suppliers.update': writer((input, { db, now, userId }) => {
    const before = getSupplier(db, input.id);
    if (!before) throw new DomainError('not_found', 'id', { entity: 'leverandør', id: input.id });
    const own = contactIdsOf(db, input.id);
    input.contacts.forEach((c, i) => {
      if (c.id !== undefined && !own.has(c.id)) throw new DomainError('unknown_contact', `contacts.${i}.id`, { id: c.id });
    });
    updateSupplier(db, input.id, values(db, input), now.toISOString());
    replaceContacts(db, input.id, contacts(input));
    const after = getSupplier(db, input.id)!;
    logActivity(db, { at: now.toISOString(), userId, entity: 'supplier', entityId: input.id, action: 'update', before, after });
    return after;
  }),
  'suppliers.lookup': reader((input, { db }) => lookupSuppliers(db, input.query, input.limit)),
};
