import type { caseRoutes } from '../../../../contract/cases.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';

export type CaseListQuery = RouteQuery<typeof caseRoutes.list>;
export type CaseFilterQuery = RouteQuery<typeof caseRoutes.exportXlsx>;
export type CaseSourceQuery = RouteQuery<typeof caseRoutes.source>;
export type CaseDetailData = RouteResponse<typeof caseRoutes.get>;
export type CaseActionBody = RouteBody<typeof caseRoutes.act>;
export type CaseCreateBody = RouteBody<typeof caseRoutes.create>;

export const caseKeys = {
  all: ['cases'] as const,
  lists: () => ['cases', 'list'] as const,
  list: (query: CaseListQuery) => ['cases', 'list', query] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  source: (query: CaseSourceQuery) => ['cases', 'source', query] as const,
};
