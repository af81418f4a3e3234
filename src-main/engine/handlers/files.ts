// Files and relations on orders (issue 12).
import { attachFile, orderFiles, readFile, removeFile } from '../services/files';
import { addRelation, findRelationCandidates, orderRelations, removeRelation } from '../services/relations';
import { reader, writer, type HandlerMap } from './types';

type Channels = 'files.list' | 'files.attach' | 'files.get' | 'files.remove' | 'relations.list' | 'relations.find' | 'relations.add' | 'relations.remove';

export const filesHandlers: HandlerMap<Channels> = {
  'files.list': reader((input, ctx) => orderFiles(ctx, input.orderId)),
  'files.attach': writer((input, ctx) => attachFile(ctx, input)),
  'files.get': reader((input, ctx) => readFile(ctx, input.id)),
  'files.remove': writer((input, ctx) => removeFile(ctx, input.id)),
  'relations.list': reader((input, ctx) => orderRelations(ctx, input.orderId)),
  'relations.find': reader((input, ctx) => findRelationCandidates(ctx, input)),
  'relations.add': writer((input, ctx) => addRelation(ctx, input)),
  'relations.remove': writer((input, ctx) => removeRelation(ctx, input.id)),
};
