import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignRoutes } from '../../../../contract/campaigns.ts';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { type CampaignCreateBody, type CampaignListQuery, type CampaignUpdateBody, campaignKeys } from './keys.ts';

export function useCampaigns(query: CampaignListQuery) {
  return useQuery({ queryKey: campaignKeys.list(query), queryFn: ({ signal }) => api(campaignRoutes.list, { query, signal }), placeholderData: keepPreviousData });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKeys.detail(id), queryFn: ({ signal }) => api(campaignRoutes.get, { params: { id }, signal }) });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: CampaignCreateBody) => api(campaignRoutes.create, { body }), onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.all }) });
}

export function useUpdateCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: CampaignUpdateBody) => api(campaignRoutes.update, { params: { id }, body }), onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.all }) });
}

export function usePublishCampaign(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (version: number) => api(campaignRoutes.publish, { params: { id }, body: { version } }), onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.all }) });
}

/** The district's active checklist templates, for the checklists a campaign uses. */
export function useCampaignChecklists(enabled: boolean) {
  return useQuery({ queryKey: ['campaigns', 'checklists'], queryFn: ({ signal }) => api(checklistRoutes.list, { query: { pageSize: 100 }, signal }), enabled, staleTime: 60_000 });
}
