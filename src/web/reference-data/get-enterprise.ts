// One enterprise by id, read by several features (a preselected enterprise on a create page, the
// chip of a list narrowed to it) and by the enterprises feature itself; its query keys live here
// so every reader and every change invalidates the same entries.
import { useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../contract/enterprises.ts';
import type { RouteQuery } from '../../contract/route.ts';
import { api } from '../lib/api.ts';
import { recordKeys } from '../lib/query-keys.ts';

export type EnterpriseListQuery = RouteQuery<typeof enterpriseRoutes.list>;
export const enterpriseKeys = recordKeys<EnterpriseListQuery>('enterprises');

export const getEnterprise = (id: string, signal?: AbortSignal) => api(enterpriseRoutes.get, { params: { id }, signal });

/** The enterprise `id`; nothing is fetched while `id` is not known yet. */
export function useEnterprise(id: string | undefined) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getEnterprise(id as string, signal),
    enabled: !!id,
  });
}
