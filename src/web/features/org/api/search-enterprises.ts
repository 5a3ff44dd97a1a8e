import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';

/** Enterprises matching a search, for the picker of an enterprise user's account. */
export const searchEnterprises = (q: string, villageId: string | undefined, signal?: AbortSignal) =>
  api(enterpriseRoutes.list, { query: { q: q || undefined, villageId, pageSize: 20, sort: 'name', order: 'asc' }, signal });

export function useEnterpriseSearch(q: string, villageId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['enterprises', 'picker', q, villageId ?? null],
    queryFn: ({ signal }) => searchEnterprises(q, villageId, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}
