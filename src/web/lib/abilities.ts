// What the signed-in user may do at all, as the server says (/api/auth/me abilities, from
// domain/permissions.ts). Menus, the home page and page-level buttons ask this, never a role list
// of their own; what may be done to one record is that record's allowedActions.
import type { TMe } from '../../contract/auth.ts';
import type { Permission } from '../../domain/access/permissions.ts';
import { useCurrentUser } from './auth.ts';

export const userCan = (me: Pick<TMe, 'abilities'>, permission: Permission): boolean => me.abilities.includes(permission);

/** `can('read:dashboard')` for the current user. */
export function useCan(): (permission: Permission) => boolean {
  const me = useCurrentUser();
  return (permission) => userCan(me, permission);
}
