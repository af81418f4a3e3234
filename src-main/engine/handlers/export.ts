// Export of the lists to CSV and .xlsx (issue 13): read in batches, each its own
// short read transaction, the file written in between (services/listExport.ts).
import { exportList } from '../services/listExport';
import { batchedReader, type AnyHandlerMap } from './types';

export const exportHandlers: AnyHandlerMap<'export.list'> = {
  'export.list': batchedReader((input, ctx) => exportList(input, ctx.read, ctx.today)),
};
