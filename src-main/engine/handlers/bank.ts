// Bank files matched by KID (SPEC 11).
// PLACEHOLDER while issue 11 is built in parts: every handler here is replaced before the work lands.
import { reader, type HandlerMap } from './types';

type Channels = 'bank.import' | 'bank.imports' | 'bank.transactions' | 'bank.match' | 'bank.toCredit';

export const bankHandlers: HandlerMap<Channels> = {
  'bank.import': reader(() => {
    throw new Error('bank.import: not built yet');
  }),
  'bank.imports': reader(() => {
    throw new Error('bank.imports: not built yet');
  }),
  'bank.transactions': reader(() => {
    throw new Error('bank.transactions: not built yet');
  }),
  'bank.match': reader(() => {
    throw new Error('bank.match: not built yet');
  }),
  'bank.toCredit': reader(() => {
    throw new Error('bank.toCredit: not built yet');
  }),
};
