import { useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';

export const getEnterprise = (id: string, signal?: AbortSignal) => api(enterpriseRoutes.get, { params: { id }, signal });

/** One enterprise (its name and sectors), e.g. preselected by ?enterpriseId= or the user's own. */
export function useEnterpriseById(id: string | undefined) {
  return useQuery({
    queryKey: ['enterprises', 'detail', id ?? ''],
    queryFn: ({ signal }) => getEnterprise(id as string, signal),
    enabled: !!id,
  });
}
