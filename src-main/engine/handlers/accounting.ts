// The accounting handoff (SPEC 11): the account mapping, the batches and their
// vouchers, posting by hand, the trial balance and the accountant's exports.
import { DomainError } from '../../../shared/errors';
import { isAccountKey, standardAccountOf } from '../domain/accountKeys';
import {
  accountTotals,
  getAccount,
  getBatch,
  insertExport,
  listBatches,
  listExports,
  mappingList,
  markExported,
  periodBatchCounts,
  postBatches,
  setMapping,
  upsertAccount,
  vouchersOfBatch,
  vouchersOfPeriod,
} from '../repos/accounting';
import { logActivity } from '../repos/activity';
import { getCompany } from '../repos/company';
import { saftXml, vouchersCsv } from '../services/accountingExport';
import { reader, writer, type HandlerMap } from './types';

type Channels = 'accounting.mapping' | 'accounting.saveMapping' | 'accounting.batches' | 'accounting.batch' | 'accounting.post' | 'accounting.trialBalance' | 'accounting.export' | 'accounting.exports';

function assertPeriod(from: string, to: string): void {
  if (from > to) throw new DomainError('invalid_period', 'to');
}

export const accountingHandlers: HandlerMap<Channels> = {
  'accounting.mapping': reader((_input, ctx) => mappingList(ctx.db)),

  'accounting.saveMapping': writer((input, ctx) => {
    const seen = new Set<string>();
    input.rows.forEach((r, i) => {
      if (!isAccountKey(r.key)) throw new DomainError('unknown_account_key', `rows.${i}.key`, { key: r.key });
      if (seen.has(r.key)) throw new DomainError('duplicate_account_key', `rows.${i}.key`, { key: r.key });
      seen.add(r.key);
    });
    const before = mappingList(ctx.db);
    for (const r of input.rows) {
      if (!isAccountKey(r.key)) continue;
      // A new account number reports as the standard account of what it is used for; a known one keeps its own.
      const standardAccount = getAccount(ctx.db, r.account)?.standardAccount ?? standardAccountOf(r.key);
      upsertAccount(ctx.db, { number: r.account, name: r.accountName, standardAccount }, ctx.today);
      setMapping(ctx.db, r.key, r.account);
    }
    const after = mappingList(ctx.db);
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'company', entityId: 1, action: 'account_mapping', before, after });
    return after;
  }),

  'accounting.batches': reader((input, ctx) => listBatches(ctx.db, input)),

  'accounting.batch': reader((input, ctx) => {
    const batch = getBatch(ctx.db, input.id);
    if (!batch) throw new DomainError('batch_not_found', 'id', { id: input.id });
    return { batch, vouchers: vouchersOfBatch(ctx.db, input.id).map(({ batchId: _b, batchKind: _k, ...v }) => v) };
  }),

  'accounting.post': writer((input, ctx) => {
    input.batchIds.forEach((id, i) => {
      if (!getBatch(ctx.db, id)) throw new DomainError('batch_not_found', `batchIds.${i}`, { id });
    });
    const posted = postBatches(ctx.db, input.batchIds, ctx.now.toISOString());
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'company', entityId: 1, action: 'post_batches', after: { batchIds: input.batchIds, posted } });
    return { posted };
  }),

  'accounting.trialBalance': reader((input, ctx) => {
    assertPeriod(input.from, input.to);
    const rows = accountTotals(ctx.db, input.from, input.to);
    return { rows, totalOre: rows.reduce((s, r) => s + r.balanceOre, 0) };
  }),

  'accounting.export': writer((input, ctx) => {
    assertPeriod(input.from, input.to);
    const company = getCompany(ctx.db);
    if (!company) throw new DomainError('company_missing');
    const counts = periodBatchCounts(ctx.db, input.from, input.to);
    const vouchers = vouchersOfPeriod(ctx.db, input.from, input.to);
    const stamp = ctx.now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
    // Skatteetaten's naming: SAF-T Financial_<org. no.>_<created>_<file no.>_<files>.xml.
    const fileName = input.format === 'saft' ? `SAF-T Financial_${company.orgNumber}_${stamp}_1_1.xml` : `Bilag_${input.from}_${input.to}.csv`;
    const content =
      input.format === 'saft'
        ? saftXml(ctx.db, { company, from: input.from, to: input.to, createdOn: ctx.today, softwareVersion: ctx.appVersion, vouchers })
        : vouchersCsv(ctx.db, vouchers);
    const exportId = insertExport(ctx.db, {
      format: input.format,
      from: input.from,
      to: input.to,
      fileName,
      batchCount: counts.total,
      newBatchCount: counts.fresh,
      at: ctx.now.toISOString(),
      userId: ctx.userId,
    });
    markExported(ctx.db, exportId, input.from, input.to);
    logActivity(ctx.db, { at: ctx.now.toISOString(), userId: ctx.userId, entity: 'company', entityId: 1, action: 'accounting_export', after: { exportId, ...input, batches: counts.total, new: counts.fresh } });
    return {
      exportId,
      format: input.format,
      fileName,
      content,
      from: input.from,
      to: input.to,
      batchCount: counts.total,
      newBatchCount: counts.fresh,
      earlierExportedCount: counts.total - counts.fresh,
      voucherCount: vouchers.length,
    };
  }),

  'accounting.exports': reader((_input, ctx) => listExports(ctx.db)),
};
