import { getCompany } from '../repos/company';
import { countUsers } from '../repos/users';
import { guardAll } from '../domain/rights';
import { createDemoCompany } from '../demo/demoCompany';
import { DomainError } from '../../../shared/errors';
import { reader, writer, type HandlerMap } from './types';

export const systemHandlers: HandlerMap<'system.bootstrap' | 'system.createDemo'> = {
  'system.bootstrap': reader((_input, { db, dataFile, appVersion, today, fileProblem }) => ({
    companyExists: getCompany(db) !== null,
    dataFile,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    appVersion,
    today,
    readOnly: db.readonly,
    fileProblem: fileProblem ? { error: fileProblem, readable: true } : null,
  })),
  'system.createDemo': writer((input, ctx) => {
    // The first start of a new installation, before a company or a user exists.
    if (getCompany(ctx.db) || countUsers(ctx.db) > 0) throw new DomainError('company_exists');
    // The demo drives the sales and purchasing handlers itself, as the open workstation, every action allowed.
    return createDemoCompany({ ...ctx, guard: guardAll(ctx.actor) }, { orders: input.orders });
  }),
};
