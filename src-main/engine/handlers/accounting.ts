// The accounting handoff (SPEC 11).
// PLACEHOLDER while issue 11 is built in parts: every handler here is replaced before the work lands.
import { reader, type HandlerMap } from './types';

type Channels = 'accounting.mapping' | 'accounting.saveMapping' | 'accounting.batches' | 'accounting.batch' | 'accounting.post' | 'accounting.trialBalance' | 'accounting.export' | 'accounting.exports';

export const accountingHandlers: HandlerMap<Channels> = {
  'accounting.mapping': reader(() => {
    throw new Error('accounting.mapping: not built yet');
  }),
  'accounting.saveMapping': reader(() => {
    throw new Error('accounting.saveMapping: not built yet');
  }),
  'accounting.batches': reader(() => {
    throw new Error('accounting.batches: not built yet');
  }),
  'accounting.batch': reader(() => {
    throw new Error('accounting.batch: not built yet');
  }),
  'accounting.post': reader(() => {
    throw new Error('accounting.post: not built yet');
  }),
  'accounting.trialBalance': reader(() => {
    throw new Error('accounting.trialBalance: not built yet');
  }),
  'accounting.export': reader(() => {
    throw new Error('accounting.export: not built yet');
  }),
  'accounting.exports': reader(() => {
    throw new Error('accounting.exports: not built yet');
  }),
};
