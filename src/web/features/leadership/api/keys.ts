import type { leadershipRoutes } from '../../../../contract/leadership.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type ActivityListQuery = RouteQuery<typeof leadershipRoutes.list>;
export type ActivityDetailData = RouteResponse<typeof leadershipRoutes.get>;
export type ActivityCreateBody = RouteBody<typeof leadershipRoutes.create>;
export type ActivityUpdateBody = RouteBody<typeof leadershipRoutes.update>;
export type RequirementBody = RouteBody<typeof leadershipRoutes.createRequirement>;

export const activityKeys = recordKeys<ActivityListQuery>('leadership');
export const campaignLeadershipKeys = {
  all: ['campaign-leadership'] as const,
  of: (campaignId: string) => ['campaign-leadership', campaignId] as const,
  suggestions: (campaignId: string) => ['campaign-leadership', campaignId, 'suggestions'] as const,
};
