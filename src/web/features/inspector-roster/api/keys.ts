import type { inspectorRosterRoutes } from '../../../../contract/inspector-roster.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type InspectorListQuery = RouteQuery<typeof inspectorRosterRoutes.list>;
export type InspectorDetailData = RouteResponse<typeof inspectorRosterRoutes.get>;
export type InspectorCreateBody = RouteBody<typeof inspectorRosterRoutes.create>;
export type InspectorUpdateBody = RouteBody<typeof inspectorRosterRoutes.update>;

export const inspectorKeys = {
  ...recordKeys<InspectorListQuery>('inspector-roster'),
  count: (on: string) => ['inspector-roster', 'count', on] as const,
};
