// Whom a task can be given to: the users the company's employees log in as
// (employees.list needs no right, the user list does), and oneself.
import { useAuthStatus, useChannel } from '../../api/queries';
import type { PersonRef } from '../../../shared/channels/collaboration';

export function useAssignableUsers(): readonly PersonRef[] {
  const employees = useChannel('employees.list', { includeInactive: false }, { staleTime: 60_000 });
  const auth = useAuthStatus();
  const people = new Map<number, string>();
  const me = auth.data?.user;
  if (me) people.set(me.id, me.name);
  for (const e of employees.data ?? []) if (e.userId !== null && !people.has(e.userId)) people.set(e.userId, e.name);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}
