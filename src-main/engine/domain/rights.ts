// Rights (SPEC 8). A workstation with no users yet is open: every right is
// granted until the administrator creates the first user.
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

/** Refuses with the right's name in both languages. */
export function requireRight(actor: Actor, right: Right, field: string | null = null): void {
  if (hasRight(actor, right)) return;
  const r = RIGHTS.find((x) => x.key === right)!;
  throw new DomainError('missing_right', field, { right, rightNb: r.nb, rightEn: r.en });
}
