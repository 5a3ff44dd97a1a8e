import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { type CriteriaQuery, hazardKeys } from './keys.ts';

export const listCriteria = (query: CriteriaQuery, signal?: AbortSignal) => api(hazardRoutes.criteria, { query, signal });

/** 重大隐患判定依据: suggestions for the criterion field, for a sector (with the general ones) or all. */
export function useCriteria(sectorId: string | undefined, enabled: boolean) {
  const query: CriteriaQuery = { sectorId };
  return useQuery({
    queryKey: hazardKeys.criteria(query),
    queryFn: ({ signal }) => listCriteria(query, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** Every criterion of the district, retired ones too when asked, for the maintenance page. */
export function useCriteriaList(includeInactive: boolean) {
  const query: CriteriaQuery = { includeInactive: includeInactive ? 'true' : undefined };
  return useQuery({
    queryKey: hazardKeys.criteria(query),
    queryFn: ({ signal }) => listCriteria(query, signal),
    placeholderData: keepPreviousData,
  });
}
