import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import { api } from '../../../lib/api.ts';
import { type LoginLockListQuery, loginLockKeys } from './keys.ts';

export const listLoginLocks = (query: LoginLockListQuery, signal?: AbortSignal) => api(orgRoutes.listLoginLocks, { query, signal });

export function useLoginLocks(query: LoginLockListQuery) {
  return useQuery({
    queryKey: loginLockKeys.list(query),
    queryFn: ({ signal }) => listLoginLocks(query, signal),
    placeholderData: keepPreviousData,
  });
}
