import { useQuery } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { hazardKeys } from './keys.ts';

/** 重大隐患判定依据: suggestions for the criterion field, for a sector or all. */
export const listCriteria = (sectorId: string | undefined, signal?: AbortSignal) =>
  api(hazardRoutes.criteria, { query: { sectorId }, signal });

export function useCriteria(sectorId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: hazardKeys.criteria(sectorId),
    queryFn: ({ signal }) => listCriteria(sectorId, signal),
    staleTime: 10 * 60_000,
    enabled,
  });
}
