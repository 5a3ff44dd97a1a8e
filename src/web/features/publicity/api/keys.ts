import type { publicityRoutes } from '../../../../contract/publicity.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type PublicityListQuery = RouteQuery<typeof publicityRoutes.list>;
export type PublicityDetailData = RouteResponse<typeof publicityRoutes.get>;
export type PublicityCreateBody = RouteBody<typeof publicityRoutes.create>;
export type PublicityUpdateBody = RouteBody<typeof publicityRoutes.update>;

export const publicityKeys = recordKeys<PublicityListQuery>('publicity');
