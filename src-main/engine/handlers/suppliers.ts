import { DomainError } from '../../../shared/errors';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { nextNumber } from '../repos/numberSeries';
import { replaceContacts } from '../repos/parties';
import { getSupplier, insertSupplier, listSuppliers, lookupSuppliers, updateSupplier } from '../repos/suppliers';
import { assertNewContacts, assertOwnContacts, contactValues, partyValues } from './parties';
import { reader, writer, type HandlerMap } from './types';

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
    assertNewContacts(input.contacts);
    const id = insertSupplier(db, nextNumber(db, 'supplier'), partyValues(db, input), now.toISOString(), getCompany(db)?.documentLanguage ?? 'nb');
    replaceContacts(db, id, contactValues(input.contacts));
    const created = getSupplier(db, id)!;
    logActivity(db, { at: now.toISOString(), userId, entity: 'supplier', entityId: id, action: 'create', after: created });
    return created;
  }),
  'suppliers.update': writer((input, { db, now, userId }) => {
    const before = getSupplier(db, input.id);
    if (!before) throw new DomainError('not_found', 'id', { entity: 'leverandør', id: input.id });
    assertOwnContacts(db, input.id, input.contacts);
    updateSupplier(db, input.id, partyValues(db, input), now.toISOString());
    replaceContacts(db, input.id, contactValues(input.contacts));
    const after = getSupplier(db, input.id)!;
    logActivity(db, { at: now.toISOString(), userId, entity: 'supplier', entityId: input.id, action: 'update', before, after });
    return after;
  }),
  'suppliers.lookup': reader((input, { db }) => lookupSuppliers(db, input.query, input.limit)),
};
