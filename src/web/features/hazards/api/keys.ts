import type { hazardRoutes } from '../../../../contract/hazards.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';

export type HazardListQuery = RouteQuery<typeof hazardRoutes.list>;
export type HazardFilterQuery = RouteQuery<typeof hazardRoutes.exportXlsx>;
export type HazardDetailData = RouteResponse<typeof hazardRoutes.get>;
export type HazardActionBody = RouteBody<typeof hazardRoutes.act>;
export type HazardCreateBody = RouteBody<typeof hazardRoutes.create>;

export const hazardKeys = {
  all: ['hazards'] as const,
  lists: () => ['hazards', 'list'] as const,
  list: (query: HazardListQuery) => ['hazards', 'list', query] as const,
  detail: (id: string) => ['hazards', 'detail', id] as const,
  criteria: (sectorId: string | undefined) => ['hazards', 'criteria', sectorId ?? null] as const,
};

/** The dashboard's figures change with every hazard action. */
export const dashboardKey = ['dashboard'] as const;
