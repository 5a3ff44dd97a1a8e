import { useQuery } from '@tanstack/react-query';
import { orgRoutes } from '../../contract/org.ts';
import type { RouteQuery } from '../../contract/route.ts';
import { api } from '../lib/api.ts';

export type UnitListQuery = RouteQuery<typeof orgRoutes.listUnits>;

export const unitKeys = {
  all: ['units'] as const,
  list: (query: UnitListQuery) => ['units', 'list', query] as const,
};

export const listUnits = (query: UnitListQuery, signal?: AbortSignal) => api(orgRoutes.listUnits, { query, signal });

export function useUnits(query: UnitListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: unitKeys.list(query),
    queryFn: ({ signal }) => listUnits(query, signal),
    staleTime: 5 * 60_000,
    enabled: opts.enabled,
  });
}

/** The villages/communities visible to the user, for pickers and filters. */
export function useVillages(opts: { enabled?: boolean } = {}) {
  return useUnits({ kind: 'village' }, opts);
}
