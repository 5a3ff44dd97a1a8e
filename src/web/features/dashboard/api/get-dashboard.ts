import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import type { RouteQuery } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';

export type DashboardQuery = RouteQuery<typeof hazardRoutes.dashboard>;

/** The key starts with 'dashboard': hazard actions invalidate it. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  hazards: (query: DashboardQuery) => ['dashboard', 'hazards', query] as const,
};

export const getHazardDashboard = (query: DashboardQuery, signal?: AbortSignal) =>
  api(hazardRoutes.dashboard, { query, signal });

export function useHazardDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: dashboardKeys.hazards(query),
    queryFn: ({ signal }) => getHazardDashboard(query, signal),
    placeholderData: keepPreviousData,
  });
}
