import { z } from 'zod';
import { RIGHT_KEYS, type Right } from '../enums';
import { NO_INPUT, channel, id, requiredText } from './common';

export interface SessionUser {
  readonly id: number;
  readonly username: string;
  readonly name: string;
  readonly groupId: number;
  readonly rights: readonly Right[];
}

export interface AuthStatus {
  /** No users yet: the workstation is open and every right is granted (a new install). */
  readonly usersExist: boolean;
  readonly user: SessionUser | null;
}

export interface User {
  readonly id: number;
  readonly username: string;
  readonly name: string;
  readonly groupId: number;
  readonly active: boolean;
}

export interface AccessGroup {
  readonly id: number;
  readonly name: string;
  readonly rights: readonly Right[];
}

const pin = z.string().regex(/^\d{4,8}$/, { message: 'invalid_pin' });
const username = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u);

export const authChannels = {
  'auth.status': channel<AuthStatus>()(NO_INPUT, { open: true }),
  'auth.login': channel<SessionUser>()(z.object({ username, pin: z.string().max(8) }).strict(), { open: true }),
  'auth.logout': channel<AuthStatus>()(NO_INPUT, { open: true }),
  'users.list': channel<readonly User[]>()(NO_INPUT, { right: 'administer' }),
  /** Creates (no id) or updates a user; a PIN is required for a new user and optional on update. */
  'users.save': channel<User>()(
    z
      .object({ id: id.optional(), username, name: requiredText(100), groupId: id, pin: pin.optional(), active: z.boolean().default(true) })
      .strict(),
    { right: 'administer' },
  ),
  'groups.list': channel<readonly AccessGroup[]>()(NO_INPUT, { right: 'administer' }),
  'groups.save': channel<AccessGroup>()(
    z.object({ id: id.optional(), name: requiredText(60), rights: z.array(z.enum(RIGHT_KEYS)).max(RIGHT_KEYS.length) }).strict(),
    { right: 'administer' },
  ),
};
