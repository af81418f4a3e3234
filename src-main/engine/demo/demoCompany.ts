// Minimal demo company; the full Norwegian demo data set replaces this.
import type { DemoSummary } from '../../../shared/channels/system';
import type { HandlerContext } from '../context';

export function createDemoCompany(_ctx: HandlerContext, _opts: { orders: number }): DemoSummary {
  throw new Error('demo company not built yet');
}
