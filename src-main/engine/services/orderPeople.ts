// The order header's people and project (issue 12), for sales and purchase
// orders alike: title, our contact, responsible employee and project. A field
// left out keeps what the order has; null clears it.
import { CLOSED_PROJECT_STATUSES } from '../../../shared/enums';
import type { HandlerContext } from '../context';
import { employeeOfUser, getEmployee } from '../repos/employees';
import { getProject } from '../repos/projects';
import { assertActiveEmployee } from './employees';
import { assertOrderProject } from './projects';

export interface PeopleInput {
  readonly title?: string | null | undefined;
  readonly ourContactId?: number | null | undefined;
  readonly responsibleId?: number | null | undefined;
  readonly projectId?: number | null | undefined;
}

export interface PeopleValues {
  readonly title: string | null;
  readonly ourContactId: number | null;
  readonly responsibleId: number | null;
  readonly projectId: number | null;
}

/** The logged-in user's employee, when active: a new sales order's responsible unless one is chosen. */
function userEmployee(ctx: HandlerContext): number | null {
  if (ctx.userId === null) return null;
  const e = employeeOfUser(ctx.db, ctx.userId);
  return e?.active ? e.id : null;
}

/**
 * Checks and completes the header's people: chosen employees exist and are
 * active (an inactive one already on the order may stay), the project is open
 * and, on a sales order, the customer's (assertOrderProject).
 */
export function resolvePeople(
  ctx: HandlerContext,
  h: PeopleInput,
  order: { sales: boolean; customerId: number; prefix: string },
  previous: (PeopleValues & { customerId: number }) | null,
): PeopleValues {
  const was = previous ?? { title: null, ourContactId: null, responsibleId: null, projectId: null };
  const ourContactId = h.ourContactId === undefined ? was.ourContactId : h.ourContactId;
  const responsibleId =
    h.responsibleId !== undefined ? h.responsibleId : previous ? was.responsibleId : order.sales ? userEmployee(ctx) : null;
  const projectId = h.projectId === undefined ? was.projectId : h.projectId;
  assertActiveEmployee(ctx, ourContactId, `${order.prefix}ourContactId`, was.ourContactId);
  assertActiveEmployee(ctx, responsibleId, `${order.prefix}responsibleId`, was.responsibleId);
  assertOrderProject(ctx, projectId, { sales: order.sales, customerId: order.customerId, field: `${order.prefix}projectId` }, previous);
  return {
    title: h.title === undefined ? was.title : h.title || null,
    ourContactId,
    responsibleId,
    projectId,
  };
}

/**
 * What a copy of an order takes along (orders.copy): its title, and the people
 * and project that can still be chosen (active employees, an open project); the
 * rest is left out, so the copy is made as the clerk would make it today.
 */
export function carriedPeople(ctx: HandlerContext, source: PeopleValues): PeopleInput {
  const active = (id: number | null) => (id !== null && getEmployee(ctx.db, id)?.active ? id : undefined);
  const project = source.projectId === null ? null : getProject(ctx.db, source.projectId);
  return {
    title: source.title,
    ourContactId: active(source.ourContactId),
    responsibleId: active(source.responsibleId),
    projectId: project && !CLOSED_PROJECT_STATUSES.includes(project.status) ? project.id : undefined,
  };
}
