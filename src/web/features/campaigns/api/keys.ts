import type { campaignProgressRoutes } from '../../../../contract/campaign-progress.ts';
import type { campaignRoutes } from '../../../../contract/campaigns.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';

export type CampaignListQuery = RouteQuery<typeof campaignRoutes.list>;
export type CampaignCreateBody = RouteBody<typeof campaignRoutes.create>;
export type CampaignUpdateBody = RouteBody<typeof campaignRoutes.update>;
export type CampaignDetailData = RouteResponse<typeof campaignRoutes.get>;
export type TaskListQuery = RouteQuery<typeof campaignRoutes.tasks>;
export type TaskBody = RouteBody<typeof campaignRoutes.createTask>;
export type TaskData = RouteResponse<typeof campaignRoutes.createTask>;
export type MatrixQuery = RouteQuery<typeof campaignProgressRoutes.matrix>;
export type MatrixData = RouteResponse<typeof campaignProgressRoutes.matrix>;
export type MyOccurrencesQuery = RouteQuery<typeof campaignProgressRoutes.myOccurrences>;
export type OccurrenceData = RouteResponse<typeof campaignProgressRoutes.occurrence>;
export type AnnexPreviewData = RouteResponse<typeof campaignProgressRoutes.importPreview>;
export type AnnexCommitBody = RouteBody<typeof campaignProgressRoutes.importCommit>;

/** Every campaign query starts with 'campaigns': a report or an import refreshes the figures everywhere. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (q: CampaignListQuery) => ['campaigns', 'list', q] as const,
  detail: (id: string) => ['campaigns', 'one', id, 'detail'] as const,
  tasks: (id: string, q: TaskListQuery) => ['campaigns', 'one', id, 'tasks', q] as const,
  matrix: (id: string, q: MatrixQuery) => ['campaigns', 'one', id, 'matrix', q] as const,
  mine: (q: MyOccurrencesQuery) => ['campaigns', 'mine', q] as const,
  occurrence: (key: string) => ['campaigns', 'occurrence', key] as const,
};
