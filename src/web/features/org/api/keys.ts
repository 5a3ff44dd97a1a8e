import type { orgRoutes } from '../../../../contract/org.ts';
import type { RouteQuery } from '../../../../contract/route.ts';

export type UserListQuery = RouteQuery<typeof orgRoutes.listUsers>;

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
};
