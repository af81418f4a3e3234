// Rights (SPEC 8). A workstation with no users yet is open: every right is
// granted until the administrator creates the first user.
import { GUARDED_ACTIONS, type Access, type GuardedAction } from '../../../shared/access';
import { RIGHTS, type Right } from '../../../shared/enums';
import { DomainError } from '../../../shared/errors';

export interface Actor {
  /** null: no users exist yet (a new installation). */
  readonly userId: number | null;
  readonly rights: ReadonlySet<Right> | 'all';
}

export const OPEN_WORKSTATION: Actor = { userId: null, rights: 'all' };

export function hasRight(actor: Actor, right: Right): boolean {
  return actor.rights === 'all' || actor.rights.has(right);
}

/** The missing right as a refusal (code and parameters), or null when the actor has it. */
export function missingRight(actor: Actor, right: Right): { code: 'missing_right'; params: Record<string, string> } | null {
  if (hasRight(actor, right)) return null;
  const r = RIGHTS.find((x) => x.key === right)!;
  return { code: 'missing_right', params: { right, rightNb: r.nb, rightEn: r.en } };
}

/** Refuses with the right's name in both languages. */
export function requireRight(actor: Actor, right: Right, field: string | null = null): void {
  const missing = missingRight(actor, right);
  if (missing) throw new DomainError(missing.code, field, missing.params);
}

/** Checks the right of an action inside a call (shared/access.ts); throws when the actor lacks it. */
export type Guard = (action: GuardedAction, field?: string | null) => void;

/**
 * The guard of one call: an action must be declared by its channel (in its
 * `guards`, or covered by the channel's own right), or the call fails as a
 * programming error; a declared action needs its right.
 */
export function guardOf(channel: string, access: Access, actor: Actor): Guard {
  return (action, field = null) => {
    const right = GUARDED_ACTIONS[action];
    if (access.right !== right && !access.guards?.includes(action)) {
      throw new Error(`The action ${action} is not declared on the channel ${channel} (shared/access.ts)`);
    }
    requireRight(actor, right, field);
  };
}

/** For work that is not a channel call (the data generator): every action, with the actor's rights. */
export function guardAll(actor: Actor): Guard {
  return (action, field = null) => requireRight(actor, GUARDED_ACTIONS[action], field);
}
