// Employees (issue 12): initials unique, a user is at most one employee.
import type { Employee, EmployeeInput } from '../../../shared/channels/people';
import { DomainError } from '../../../shared/errors';
import type { HandlerContext } from '../context';
import { logActivity } from '../repos/activity';
import { employeeByInitials, employeeOfUser, getEmployee, insertEmployee, updateEmployee, type EmployeeValues } from '../repos/employees';
import { getUser } from '../repos/users';

type Fields = Omit<EmployeeInput, 'initials'> & { initials: string };

function values(ctx: HandlerContext, id: number | null, input: Fields): EmployeeValues {
  const same = employeeByInitials(ctx.db, input.initials);
  if (same && same.id !== id) throw new DomainError('duplicate_initials', 'initials', { initials: input.initials, name: same.name });
  const userId = input.userId ?? null;
  if (userId !== null) {
    if (!getUser(ctx.db, userId)) throw new DomainError('not_found', 'userId', { entity: 'bruker', id: userId });
    const other = employeeOfUser(ctx.db, userId);
    if (other && other.id !== id) throw new DomainError('user_has_employee', 'userId', { name: other.name });
  }
  return {
    name: input.name,
    initials: input.initials,
    phone: input.phone ?? null,
    email: input.email ?? null,
    userId,
    active: input.active ?? true,
  };
}

export function createEmployee(ctx: HandlerContext, input: Fields): Employee {
  const at = ctx.now.toISOString();
  const id = insertEmployee(ctx.db, values(ctx, null, input), at);
  const created = getEmployee(ctx.db, id)!;
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'employee', entityId: id, action: 'create', after: created });
  return created;
}

export function changeEmployee(ctx: HandlerContext, id: number, version: number, input: Fields): Employee {
  const before = getEmployee(ctx.db, id);
  if (!before) throw new DomainError('not_found', 'id', { entity: 'ansatt', id });
  if (before.version !== version) throw new DomainError('version_conflict', 'version');
  const at = ctx.now.toISOString();
  updateEmployee(ctx.db, id, values(ctx, id, input), at);
  const after = getEmployee(ctx.db, id)!;
  logActivity(ctx.db, { at, userId: ctx.userId, entity: 'employee', entityId: id, action: 'update', before, after });
  return after;
}

/** An employee chosen on an order or project must exist and be active (a former employee stays on old records). */
export function assertActiveEmployee(ctx: HandlerContext, id: number | null | undefined, field: string, was: number | null = null): void {
  if (id === null || id === undefined || id === was) return;
  const e = getEmployee(ctx.db, id);
  if (!e) throw new DomainError('not_found', field, { entity: 'ansatt', id });
  if (!e.active) throw new DomainError('employee_inactive', field, { name: e.name });
}
