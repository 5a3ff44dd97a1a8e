import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';

/** Enterprises matching a search (within the user's scope), for the report form's picker. */
export const searchEnterprises = (q: string, signal?: AbortSignal) =>
  api(enterpriseRoutes.list, { query: { q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' }, signal });

export function useEnterpriseSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['enterprises', 'hazard-picker', q],
    queryFn: ({ signal }) => searchEnterprises(q, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const getEnterprise = (id: string, signal?: AbortSignal) => api(enterpriseRoutes.get, { params: { id }, signal });

/** One enterprise (its name and sectors), e.g. preselected by ?enterpriseId= or the user's own. */
export function useEnterpriseById(id: string | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'detail', id ?? ''],
    queryFn: ({ signal }) => getEnterprise(id as string, signal),
    enabled: !!id,
  });
}
