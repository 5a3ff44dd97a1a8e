import type { inspectionRoutes } from '../../../../contract/inspections.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

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
  ...recordKeys<InspectionListQuery>('inspections'),
  options: (enterpriseId: string | undefined) => ['inspections', 'options', enterpriseId ?? ''] as const,
};

