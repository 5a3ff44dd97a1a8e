import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';
import { type EnterpriseListQuery, enterpriseKeys } from './keys.ts';

export const listEnterprises = (query: EnterpriseListQuery, signal?: AbortSignal) =>
  api(enterpriseRoutes.list, { query, signal });

export function useEnterprises(query: EnterpriseListQuery) {
  return useQuery({
    queryKey: enterpriseKeys.list(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });
}
