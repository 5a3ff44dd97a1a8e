import type { caseRoutes } from '../../../../contract/cases.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type CaseListQuery = RouteQuery<typeof caseRoutes.list>;
export type CaseFilterQuery = RouteQuery<typeof caseRoutes.exportXlsx>;
export type CaseSourceQuery = RouteQuery<typeof caseRoutes.source>;
export type CaseDetailData = RouteResponse<typeof caseRoutes.get>;
export type CaseActionBody = RouteBody<typeof caseRoutes.act>;
export type CaseCreateBody = RouteBody<typeof caseRoutes.create>;

export const caseKeys = {
  ...recordKeys<CaseListQuery>('cases'),
  source: (query: CaseSourceQuery) => ['cases', 'source', query] as const,
};
