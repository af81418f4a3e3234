import { getCompany } from '../repos/company';
import { createDemoCompany } from '../demo/demoCompany';
import { DomainError } from '../../../shared/errors';
import { reader, writer, type HandlerMap } from './types';

export const systemHandlers: HandlerMap<'system.bootstrap' | 'system.createDemo'> = {
  'system.bootstrap': reader((_input, { db, dataFile, appVersion, today }) => ({
    companyExists: getCompany(db) !== null,
    dataFile,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    appVersion,
    today,
  }), { open: true }),
  'system.createDemo': writer((input, ctx) => {
    if (getCompany(ctx.db)) throw new DomainError('company_exists');
    return createDemoCompany(ctx, { orders: input.orders });
  }),
};
