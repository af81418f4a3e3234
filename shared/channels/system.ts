import { z } from 'zod';
import { NO_INPUT, channel } from './common';

export interface Bootstrap {
  /** False on first start: the renderer offers to set up the company or load the demo company. */
  readonly companyExists: boolean;
  readonly dataFile: string;
  readonly schemaVersion: number;
  readonly appVersion: string;
  /** The engine's today (yyyy-mm-dd): new orders are dated by it, not by the renderer's clock. */
  readonly today: string;
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
  'system.bootstrap': channel<Bootstrap>()(NO_INPUT),
  /** First start: fill the empty database with the demo company (refused once a company exists). */
  'system.createDemo': channel<DemoSummary>()(
    z.object({ orders: z.number().int().min(0).max(5000).default(200) }).strict(),
  ),
};
