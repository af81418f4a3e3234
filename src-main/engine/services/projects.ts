// Projects (issue 12): numbered from their series, with a customer and a
// responsible employee; a closed project (completed, cancelled) takes no new
// orders, and a project with a customer takes only that customer's sales orders.
import type { Project, ProjectInput, ProjectView } from '../../../shared/channels/people';
import { CLOSED_PROJECT_STATUSES, PROJECT_STATUSES, type ProjectStatus } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';
import { UNPROCESSED_TYPES } from '../../../shared/kinds';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { logActivity } from '../repos/activity';
import { getCustomerRow } from '../repos/customers';
import { nextNumber } from '../repos/numberSeries';
import { getProject, insertProject, projectFigures, salesOrderOfOtherCustomer, updateProject, type ProjectValues } from '../repos/projects';
import { assertActiveEmployee } from './employees';

type Fields = Omit<ProjectInput, 'status'> & { status: ProjectStatus };

export function projectView(db: Db, id: number, field = 'id'): ProjectView {
  const p = getProject(db, id);
  if (!p) throw new DomainError('not_found', field, { entity: 'prosjekt', id });
  return { ...p, ...projectFigures(db, id, { notSales: UNPROCESSED_TYPES, dropped: ['cancelled'] }) };
}

function values(ctx: HandlerContext, input: Fields, before: Project | null): ProjectValues {
  const customerId = input.customerId ?? null;
  if (customerId !== null && customerId !== before?.customerId && !getCustomerRow(ctx.db, customerId)) {
    throw new DomainError('unknown_customer', 'customerId', { id: customerId });
  }
  // Its sales orders stay its customer's: a project with orders of one customer is not given another.
  if (before && customerId !== null && customerId !== before.customerId) {
    const other = salesOrderOfOtherCustomer(ctx.db, before.id, customerId);
    if (other) throw new DomainError('project_has_other_orders', 'customerId', { order: other.number, customer: other.customerName });
  }
  const responsibleId = input.responsibleId ?? null;
  assertActiveEmployee(ctx, responsibleId, 'responsibleId', before?.responsibleId ?? null);
  return {
    name: input.name,
    customerId,
    responsibleId,
    status: input.status,
    startDate: input.startDate ?? null,
    endDate: input.endDate ?? null,
    description: input.description || null,
  };
}

export function createProject(ctx: HandlerContext, input: Fields): ProjectView {
  const at = ctx.now.toISOString();
  const v = values(ctx, input, null);
  const id = insertProject(ctx.db, nextNumber(ctx.db, 'project'), v, at);
  const created = projectView(ctx.db, id);
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'project', entityId: id, action: 'create', after: getProject(ctx.db, id) });
  return created;
}

export function changeProject(ctx: HandlerContext, id: number, version: number, input: Fields): ProjectView {
  const before = getProject(ctx.db, id);
  if (!before) throw new DomainError('not_found', 'id', { entity: 'prosjekt', id });
  if (before.version !== version) throw new DomainError('version_conflict', 'version');
  const at = ctx.now.toISOString();
  updateProject(ctx.db, id, values(ctx, input, before), at);
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'project', entityId: id, action: 'update', before, after: getProject(ctx.db, id) });
  return projectView(ctx.db, id);
}

function statusLabel(status: ProjectStatus): { nb: string; en: string } {
  const s = PROJECT_STATUSES.find((x) => x.key === status)!;
  return { nb: s.nb.toLocaleLowerCase('nb'), en: s.en.toLowerCase() };
}

/**
 * The project of an order header: it must exist and be open, and for a sales
 * order belong to the order's customer (or to no customer). An order keeps the
 * project it has (even once closed) as long as its customer stays.
 */
export function assertOrderProject(
  ctx: HandlerContext,
  projectId: number | null,
  order: { sales: boolean; customerId: number; field: string },
  previous: { projectId: number | null; customerId: number } | null,
): void {
  if (projectId === null) return;
  const unchanged = previous?.projectId === projectId;
  if (unchanged && previous.customerId === order.customerId) return;
  const p = getProject(ctx.db, projectId);
  if (!p) throw new DomainError('not_found', order.field, { entity: 'prosjekt', id: projectId });
  if (!unchanged && CLOSED_PROJECT_STATUSES.includes(p.status)) {
    const label = statusLabel(p.status);
    throw new DomainError('project_closed', order.field, { number: p.number, status: label.nb, statusEn: label.en });
  }
  if (order.sales && p.customerId !== null && p.customerId !== order.customerId) {
    throw new DomainError('project_other_customer', order.field, { number: p.number, customer: p.customerName ?? String(p.customerId) });
  }
}
