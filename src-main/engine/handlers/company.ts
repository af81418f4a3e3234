import { DomainError } from '../../../shared/errors';
import { logActivity } from '../repos/activity';
import { getCompany, saveCompany } from '../repos/company';
import { countStatuses, insertStatuses } from '../repos/statuses';
import { statusSeeds } from '../domain/statusFlows';
import { reader, writer, type HandlerMap } from './types';

export const companyHandlers: HandlerMap<'company.get' | 'company.save'> = {
  'company.get': reader((_input, { db }) => getCompany(db), { open: true }),
  'company.save': writer((input, { db, now, userId }) => {
    const before = getCompany(db);
    const values = {
      ...input,
      addressLine1: input.addressLine1 ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
      bankAccount: input.bankAccount ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
    };
    saveCompany(db, values, now.toISOString());
    // The status flow is laid down once, from the preset chosen at setup.
    if (countStatuses(db) === 0) insertStatuses(db, 'sales', statusSeeds(input.statusPreset));
    logActivity(db, { at: now.toISOString(), userId, entity: 'company', entityId: 1, action: before ? 'update' : 'create', before, after: values });
    const saved = getCompany(db);
    if (!saved) throw new DomainError('internal');
    return saved;
  }, { right: 'administer' }),
};
