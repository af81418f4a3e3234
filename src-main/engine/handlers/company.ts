import { DomainError } from '../../../shared/errors';
import { formatNok } from '../../../shared/format';
import { feeWithinLaw, MAX_REMINDER_FEE_ORE } from '../domain/reminderRules';
import { logActivity } from '../repos/activity';
import { getCompany, saveCompany } from '../repos/company';
import { countOrders, countStatuses, insertStatuses, replaceStatuses } from '../repos/statuses';
import { statusSeeds } from '../domain/statusFlows';
import { reader, writer, type HandlerMap } from './types';

export const companyHandlers: HandlerMap<'company.get' | 'company.save'> = {
  'company.get': reader((_input, { db }) => getCompany(db)),
  'company.save': writer((input, { db, now, userId }) => {
    // Inkassoforskriften § 1-2: a reminder fee is never above the legal maximum.
    if (!feeWithinLaw(input.reminderFeeOre)) throw new DomainError('reminder_fee_above_legal', 'reminderFeeOre', { max: formatNok(MAX_REMINDER_FEE_ORE) });
    const before = getCompany(db);
    const values = {
      ...input,
      addressLine1: input.addressLine1 ?? null,
      postalCode: input.postalCode ?? null,
      city: input.city ?? null,
      bankAccount: input.bankAccount ?? null,
      email: input.email ?? null,
      phone: input.phone ?? null,
      gs1CompanyPrefix: input.gs1CompanyPrefix ?? null,
      defaultCarrier: input.defaultCarrier ?? null,
    };
    // The status flow is laid down from the preset chosen at setup. Another preset
    // replaces it while no order stands in it; once orders exist, moving them to
    // another flow is the flow editor's work (issue 13), so the change is refused.
    if (before && before.statusPreset !== input.statusPreset) {
      if (countOrders(db, 'sales') > 0) throw new DomainError('preset_change_with_orders', 'statusPreset');
      replaceStatuses(db, 'sales', statusSeeds(input.statusPreset));
    }
    saveCompany(db, values, now.toISOString());
    if (countStatuses(db) === 0) insertStatuses(db, 'sales', statusSeeds(input.statusPreset));
    logActivity(db, { at: now.toISOString(), userId, entity: 'company', entityId: 1, action: before ? 'update' : 'create', before, after: values });
    const saved = getCompany(db);
    if (!saved) throw new DomainError('internal');
    return saved;
  }),
};
