import type { inspectionRoutes } from '../../../../contract/inspections.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';

export type InspectionListQuery = RouteQuery<typeof inspectionRoutes.list>;
export type InspectionFilterQuery = RouteQuery<typeof inspectionRoutes.exportXlsx>;
export type InspectionDetailData = RouteResponse<typeof inspectionRoutes.get>;
export type InspectionOptionsData = RouteResponse<typeof inspectionRoutes.options>;
export type InspectionCreateBody = RouteBody<typeof inspectionRoutes.create>;
export type InspectionUpdateBody = RouteBody<typeof inspectionRoutes.update>;
export type AnswerSaveBody = RouteBody<typeof inspectionRoutes.saveAnswer>;
export type InspectionCompleteBody = RouteBody<typeof inspectionRoutes.complete>;
export type InspectionDiscardBody = RouteBody<typeof inspectionRoutes.discard>;
export type InspectionAnswerData = InspectionDetailData['answers'][number];

export const inspectionKeys = {
  all: ['inspections'] as const,
  lists: () => ['inspections', 'list'] as const,
  list: (query: InspectionListQuery) => ['inspections', 'list', query] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
  options: (enterpriseId: string | undefined) => ['inspections', 'options', enterpriseId ?? ''] as const,
};

/** Completing an inspection creates hazards: the ledger and the dashboard change with it. */
export const hazardsKey = ['hazards'] as const;
export const dashboardKey = ['dashboard'] as const;
