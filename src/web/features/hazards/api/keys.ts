import type { hazardRoutes } from '../../../../contract/hazards.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';
import { dashboardKeys } from '../../dashboard/api/get-dashboard.ts';

export type HazardListQuery = RouteQuery<typeof hazardRoutes.list>;
export type HazardFilterQuery = RouteQuery<typeof hazardRoutes.exportXlsx>;
export type HazardDetailData = RouteResponse<typeof hazardRoutes.get>;
export type HazardActionBody = RouteBody<typeof hazardRoutes.act>;
export type HazardCreateBody = RouteBody<typeof hazardRoutes.create>;
export type CriteriaQuery = RouteQuery<typeof hazardRoutes.criteria>;
export type CriterionCreateBody = RouteBody<typeof hazardRoutes.createCriterion>;
export type CriterionUpdateBody = RouteBody<typeof hazardRoutes.updateCriterion>;
export type Criterion = RouteResponse<typeof hazardRoutes.createCriterion>;

export const hazardKeys = {
  ...recordKeys<HazardListQuery>('hazards'),
  /** Every list of 判定依据 (the report form's suggestions and the maintenance page). */
  criteriaAll: () => ['hazards', 'criteria'] as const,
  criteria: (query: CriteriaQuery) => ['hazards', 'criteria', query] as const,
};

/** The dashboard's figures change with every hazard action. */
export const dashboardKey = dashboardKeys.all;
