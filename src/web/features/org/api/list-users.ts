import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import { api } from '../../../lib/api.ts';
import { type UserListQuery, userKeys } from './keys.ts';

export const listUsers = (query: UserListQuery, signal?: AbortSignal) => api(orgRoutes.listUsers, { query, signal });

export function useUsers(query: UserListQuery) {
  return useQuery({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });
}
