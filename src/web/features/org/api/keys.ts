import type { orgRoutes } from '../../../../contract/org.ts';
import type { RouteQuery } from '../../../../contract/route.ts';

export type UserListQuery = RouteQuery<typeof orgRoutes.listUsers>;
export type LoginLockListQuery = RouteQuery<typeof orgRoutes.listLoginLocks>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
};

export const loginLockKeys = {
  all: ['login-locks'] as const,
  list: (query: LoginLockListQuery) => ['login-locks', 'list', query] as const,
};
