// Custom field definitions (issue 12); values travel with their records' own channels.
import { deactivateCustomField, listCustomFields, reorderCustomFields, saveCustomField } from '../services/customFields';
import { reader, writer, type HandlerMap } from './types';

export const customFieldHandlers: HandlerMap<'customFields.list' | 'customFields.save' | 'customFields.reorder' | 'customFields.deactivate'> = {
  'customFields.list': reader((input, { db }) => listCustomFields(db, input)),
  'customFields.save': writer((input, ctx) => saveCustomField(ctx, input)),
  'customFields.reorder': writer((input, ctx) => reorderCustomFields(ctx, input.entity, input.ids)),
  'customFields.deactivate': writer((input, ctx) => deactivateCustomField(ctx, input.id, input.version)),
};
