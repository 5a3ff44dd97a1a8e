import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';

/** Enterprises matching a search within the user's scope, for the entry picker. */
export const searchEnterprises = (q: string, signal?: AbortSignal) =>
  api(enterpriseRoutes.list, { query: { q: q || undefined, pageSize: 20, sort: 'name', order: 'asc' }, signal });

export function useEnterpriseSearch(q: string, enabled: boolean) {
  return useQuery({ queryKey: ['enterprises', 'plan-picker', q], queryFn: ({ signal }) => searchEnterprises(q, signal), placeholderData: keepPreviousData, enabled });
}
