import type { drillRoutes } from '../../../../contract/drills.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type DrillListQuery = RouteQuery<typeof drillRoutes.list>;
export type DrillData = RouteResponse<typeof drillRoutes.get>;
export type DrillCreateBody = RouteBody<typeof drillRoutes.create>;
export type ComplianceQuery = RouteQuery<typeof drillRoutes.compliance>;
export type RequirementBody = RouteBody<typeof drillRoutes.putRequirement>;
/** The body of an action on a record (verify or void), as the action modal sends it. */
export type DrillActionBody = RouteBody<typeof drillRoutes.verify> | RouteBody<typeof drillRoutes.void>;

export const drillKeys = {
  ...recordKeys<DrillListQuery>('drills'),
  compliance: (query: ComplianceQuery) => ['drills', 'compliance', query] as const,
  requirement: ['drills', 'requirement'] as const,
};
