import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { type HazardListQuery, hazardKeys } from './keys.ts';

export const listHazards = (query: HazardListQuery, signal?: AbortSignal) => api(hazardRoutes.list, { query, signal });

export function useHazards(query: HazardListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: hazardKeys.list(query),
    queryFn: ({ signal }) => listHazards(query, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}
