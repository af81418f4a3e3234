import { z } from 'zod';
import { NO_INPUT, channel } from './common';
import type { DomainErrorData } from '../errors';

export interface Bootstrap {
  /** False on first start: the renderer offers to set up the company or load the demo company. */
  readonly companyExists: boolean;
  readonly dataFile: string;
  readonly schemaVersion: number;
  readonly appVersion: string;
  /** The engine's today (yyyy-mm-dd): new orders are dated by it, not by the renderer's clock. */
  readonly today: string;
  /** The file is open read-only (not writable, or opened so on purpose): every save is refused. */
  readonly readOnly: boolean;
  /** Why the company file cannot be used as it should, or null when it can. */
  readonly fileProblem: FileProblem | null;
}

/** A company file Ordrebok refused at open, or found damaged after opening it (issue 9, point 24). */
export interface FileProblem {
  /** The refusal: database_newer, database_corrupt, database_empty, … with its message in nb and en. */
  readonly error: DomainErrorData;
  /** True when the data can still be read (damage found after opening): the app may go on, but nothing is saved. */
  readonly readable: boolean;
}

export interface DemoSummary {
  readonly products: number;
  readonly customers: number;
  /** Sales orders (those entered, and those the work made from them). */
  readonly orders: number;
  readonly suppliers: number;
  /** Purchase orders, amendments and cancelled ones included. */
  readonly purchaseOrders: number;
}

export const systemChannels = {
  'system.bootstrap': channel<Bootstrap>()(NO_INPUT, { open: true }),
  /** First start: fill the empty database with the demo company (refused once a company exists). */
  'system.createDemo': channel<DemoSummary>()(
    z.object({ orders: z.number().int().min(0).max(5000).default(200) }).strict(),
    { right: 'administer' },
  ),
};
