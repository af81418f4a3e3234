// Export of the lists to CSV and .xlsx (issue 13): a task that reads in batches, each
// its own short read transaction, the file written in between (services/listExport.ts).
import { exportList } from '../services/listExport';
import { readingTask, type HandlerMap } from './types';

export const exportHandlers: HandlerMap<'export.list'> = {
  'export.list': readingTask((input, ctx) => exportList(input, ctx.read, ctx.today)),
};
