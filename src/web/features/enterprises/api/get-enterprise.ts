import { useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';
import { enterpriseKeys } from './keys.ts';

export const getEnterprise = (id: string, signal?: AbortSignal) => api(enterpriseRoutes.get, { params: { id }, signal });

export function useEnterprise(id: string) {
  return useQuery({
    queryKey: enterpriseKeys.detail(id),
    queryFn: ({ signal }) => getEnterprise(id, signal),
  });
}
