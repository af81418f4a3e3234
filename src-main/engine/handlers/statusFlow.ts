// The status flow editor (issue 13): services/statusFlow.ts.
import { addFlowStatus, applyFlowChange, flowView, previewFlowChange, reorderFlow, updateFlowStatus } from '../services/statusFlow';
import { reader, writer, type HandlerMap } from './types';

export const statusFlowHandlers: HandlerMap<
  'statusFlow.get' | 'statusFlow.update' | 'statusFlow.add' | 'statusFlow.reorder' | 'statusFlow.preview' | 'statusFlow.apply'
> = {
  'statusFlow.get': reader((_input, { db }) => flowView(db)),
  'statusFlow.update': writer((input, ctx) => updateFlowStatus(ctx, input)),
  'statusFlow.add': writer((input, ctx) => addFlowStatus(ctx, input)),
  'statusFlow.reorder': writer((input, ctx) => reorderFlow(ctx, input.ids)),
  'statusFlow.preview': reader((input, { db }) => previewFlowChange(db, input)),
  'statusFlow.apply': writer((input, ctx) => applyFlowChange(ctx, input)),
};
