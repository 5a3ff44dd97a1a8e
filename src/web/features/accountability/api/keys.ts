import type { accountabilityRoutes } from '../../../../contract/accountability.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type AccountabilityListQuery = RouteQuery<typeof accountabilityRoutes.list>;
export type AccountabilityFilterQuery = RouteQuery<typeof accountabilityRoutes.exportXlsx>;
export type AccountabilityDetailData = RouteResponse<typeof accountabilityRoutes.get>;
export type AccountabilityCreateBody = RouteBody<typeof accountabilityRoutes.create>;
export type AccountabilityUpdateBody = RouteBody<typeof accountabilityRoutes.update>;

export const accountabilityKeys = recordKeys<AccountabilityListQuery>('accountability');
