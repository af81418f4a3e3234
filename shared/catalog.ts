// The one contract between renderer and main: every channel by name, its input
// schema and its output type. Nothing else crosses the boundary.
import type { z } from 'zod';
import { authChannels } from './channels/auth';
import { companyChannels } from './channels/company';
import { customersChannels } from './channels/customers';
import { documentsChannels } from './channels/documents';
import { ordersChannels } from './channels/orders';
import { orderStoryChannels } from './channels/orderStory';
import { processingChannels } from './channels/processing';
import { jobsChannels } from './channels/jobs';
import { productsChannels } from './channels/products';
import { purchasingChannels } from './channels/purchasing';
import { stockChannels } from './channels/stock';
import { suppliersChannels } from './channels/suppliers';
import { systemChannels } from './channels/system';
import { receivablesChannels } from './channels/receivables';
import { accountingChannels } from './channels/accounting';
import { peopleChannels } from './channels/people';
import { collaborationChannels } from './channels/collaboration';
import { filesChannels } from './channels/files';
import { relationsChannels } from './channels/relations';
import { customFieldsChannels } from './channels/customFields';
import { exportChannels } from './channels/export';
import { numberSeriesChannels } from './channels/numberSeries';
import { backupChannels } from './channels/backup';
import { statusFlowChannels } from './channels/statusFlow';
import { importChannels } from './channels/import';
import type { ChannelDef } from './channels/common';

export const channels = {
  ...systemChannels,
  ...authChannels,
  ...companyChannels,
  ...productsChannels,
  ...stockChannels,
  ...customersChannels,
  ...ordersChannels,
  ...processingChannels,
  ...jobsChannels,
  ...orderStoryChannels,
  ...documentsChannels,
  ...suppliersChannels,
  ...purchasingChannels,
  ...receivablesChannels,
  ...accountingChannels,
  ...peopleChannels,
  ...collaborationChannels,
  ...filesChannels,
  ...relationsChannels,
  ...customFieldsChannels,
  ...exportChannels,
  ...numberSeriesChannels,
  ...backupChannels,
  ...statusFlowChannels,
  ...importChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What a caller sends (before defaults are applied). */
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>;
/** What a handler receives (after validation and defaults). */
export type ChannelParsed<K extends ChannelName> = z.output<Channels[K]['input']>;
export type ChannelOutput<K extends ChannelName> =
  Channels[K] extends ChannelDef<z.ZodType, infer O> ? O : never;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}
