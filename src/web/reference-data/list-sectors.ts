import { useQuery } from '@tanstack/react-query';
import { orgRoutes } from '../../contract/org.ts';
import type { RouteQuery } from '../../contract/route.ts';
import { api } from '../lib/api.ts';

export type SectorListQuery = RouteQuery<typeof orgRoutes.listSectors>;

export const sectorKeys = {
  all: ['sectors'] as const,
  list: (query: SectorListQuery) => ['sectors', 'list', query] as const,
};

export const listSectors = (query: SectorListQuery, signal?: AbortSignal) => api(orgRoutes.listSectors, { query, signal });

export function useSectors(query: SectorListQuery = {}, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: sectorKeys.list(query),
    queryFn: ({ signal }) => listSectors(query, signal),
    staleTime: 5 * 60_000,
    enabled: opts.enabled,
  });
}
