// Every channel's handler, merged into one map that must cover the whole catalog.
import type { ChannelName } from '../../../shared/catalog';
import { authHandlers } from './auth';
import { companyHandlers } from './company';
import { customerHandlers } from './customers';
import { documentHandlers } from './documents';
import { orderHandlers } from './orders';
import { orderStoryHandlers } from './orderStory';
import { processingHandlers } from './processing';
import { jobsHandlers } from './jobs';
import { productHandlers } from './products';
import { purchasingHandlers } from './purchasing';
import { stockHandlers } from './stock';
import { supplierHandlers } from './suppliers';
import { systemHandlers } from './system';
import type { HandlerMap } from './types';
import { invoicesHandlers } from './invoices';
import { bankHandlers } from './bank';
import { remindersHandlers } from './reminders';
import { accountingHandlers } from './accounting';
import { peopleHandlers } from './people';
import { collaborationHandlers } from './collaboration';
import { filesHandlers } from './files';
import { customFieldHandlers } from './customFields';
import { exportHandlers } from './export';
import { numberSeriesHandlers } from './numberSeries';
import { backupHandlers } from './backup';
import { statusFlowHandlers } from './statusFlow';
import { importHandlers } from './import';

export const handlers: HandlerMap<ChannelName> = {
  ...systemHandlers,
  ...authHandlers,
  ...companyHandlers,
  ...productHandlers,
  ...stockHandlers,
  ...customerHandlers,
  ...orderHandlers,
  ...processingHandlers,
  ...jobsHandlers,
  ...orderStoryHandlers,
  ...documentHandlers,
  ...supplierHandlers,
  ...purchasingHandlers,
  ...invoicesHandlers,
  ...bankHandlers,
  ...remindersHandlers,
  ...accountingHandlers,
  ...peopleHandlers,
  ...collaborationHandlers,
  ...filesHandlers,
  ...customFieldHandlers,
  ...exportHandlers,
  ...numberSeriesHandlers,
  ...backupHandlers,
  ...statusFlowHandlers,
  ...importHandlers,
};
