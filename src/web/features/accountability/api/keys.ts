import type { accountabilityRoutes } from '../../../../contract/accountability.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';

export type AccountabilityListQuery = RouteQuery<typeof accountabilityRoutes.list>;
export type AccountabilityFilterQuery = RouteQuery<typeof accountabilityRoutes.exportXlsx>;
export type AccountabilityDetailData = RouteResponse<typeof accountabilityRoutes.get>;
export type AccountabilityCreateBody = RouteBody<typeof accountabilityRoutes.create>;
export type AccountabilityUpdateBody = RouteBody<typeof accountabilityRoutes.update>;

export const accountabilityKeys = {
  lists: () => ['accountability', 'list'] as const,
  list: (query: AccountabilityListQuery) => ['accountability', 'list', query] as const,
  detail: (id: string) => ['accountability', 'detail', id] as const,
};
