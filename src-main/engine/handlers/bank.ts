// Bank files matched by KID (SPEC 11): services/bankImport.ts does the work.
import { DomainError } from '../../../shared/errors';
import { getImport, listImports, transactionsOf } from '../repos/bank';
import { importBankFile, matchByHand, toCredit } from '../services/bankImport';
import { reader, writer, type HandlerMap } from './types';

type Channels = 'bank.import' | 'bank.imports' | 'bank.transactions' | 'bank.match' | 'bank.toCredit';

export const bankHandlers: HandlerMap<Channels> = {
  'bank.import': writer((input, ctx) => importBankFile(ctx, input.fileName, input.content)),
  'bank.imports': reader((_input, ctx) => listImports(ctx.db)),
  'bank.transactions': reader((input, ctx) => {
    if (input.importId !== undefined && !getImport(ctx.db, input.importId)) {
      throw new DomainError('not_found', 'importId', { entity: 'bankfil', id: input.importId });
    }
    return transactionsOf(ctx.db, { importId: input.importId, unmatchedOnly: input.state === 'unmatched' });
  }),
  'bank.match': writer((input, ctx) => matchByHand(ctx, input.transactionId, input.invoiceId)),
  'bank.toCredit': writer((input, ctx) => toCredit(ctx, input.transactionId, input.customerId)),
};
