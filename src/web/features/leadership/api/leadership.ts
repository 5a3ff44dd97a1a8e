// Every call of the leadership pages: activities (list, one, record, edit, void), the region's
// leaders, what the caller owes now, and a campaign's requirements with their compliance.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { campaignRoutes } from '../../../../contract/campaigns.ts';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { leadershipRoutes as r } from '../../../../contract/leadership.ts';
import { api } from '../../../lib/api.ts';
import {
  type ActivityCreateBody, type ActivityListQuery, type ActivityUpdateBody, type RequirementBody, activityKeys, campaignLeadershipKeys,
} from './keys.ts';

export function useActivityList(query: ActivityListQuery) {
  return useQuery({ queryKey: activityKeys.list(query), queryFn: ({ signal }) => api(r.list, { query, signal }), placeholderData: keepPreviousData });
}

export function useActivity(id: string | undefined) {
  return useQuery({ queryKey: activityKeys.detail(id ?? ''), queryFn: ({ signal }) => api(r.get, { params: { id: id as string }, signal }), enabled: !!id });
}

export function useSaveActivity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: ActivityCreateBody | ActivityUpdateBody }) =>
      v.id ? api(r.update, { params: { id: v.id }, body: v.body as ActivityUpdateBody }) : api(r.create, { body: v.body }),
    onSuccess: (a) => {
      qc.setQueryData(activityKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: campaignLeadershipKeys.all });
      void qc.invalidateQueries({ queryKey: ['workbench'] });
      return qc.invalidateQueries({ queryKey: activityKeys.lists() });
    },
  });
}

export function useVoidActivity(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; version: number }) => api(r.void, { params: { id }, body }),
    onSuccess: (a) => {
      qc.setQueryData(activityKeys.detail(a.id), a);
      void qc.invalidateQueries({ queryKey: campaignLeadershipKeys.all });
      return qc.invalidateQueries({ queryKey: activityKeys.lists() });
    },
  });
}

export function useRegionLeaders() {
  return useQuery({ queryKey: ['leadership', 'leaders'], queryFn: ({ signal }) => api(r.leaders, { signal }), staleTime: 60_000 });
}

export function useLeaderDue(enabled = true) {
  return useQuery({ queryKey: ['leadership', 'due'], queryFn: ({ signal }) => api(r.due, { signal }), enabled });
}

/** Campaigns in scope, for linking an activity (the newest first). */
export function useCampaignOptions() {
  return useQuery({ queryKey: ['leadership', 'campaign-options'], queryFn: ({ signal }) => api(campaignRoutes.list, { query: { pageSize: 100 }, signal }), staleTime: 60_000 });
}

/** A campaign's tasks, for linking an activity to those it served. */
export function useCampaignTasks(campaignId: string | null | undefined) {
  return useQuery({
    queryKey: ['leadership', 'campaign-tasks', campaignId],
    queryFn: ({ signal }) => api(campaignRoutes.tasks, { params: { id: campaignId as string }, query: { pageSize: 100 }, signal }),
    enabled: !!campaignId,
  });
}

export function useHazardSearch(q: string) {
  return useQuery({
    queryKey: ['hazards', 'leadership-picker', q],
    queryFn: ({ signal }) => api(hazardRoutes.list, { query: { q: q || undefined, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignLeadership(campaignId: string) {
  return useQuery({ queryKey: campaignLeadershipKeys.of(campaignId), queryFn: ({ signal }) => api(r.campaign, { params: { id: campaignId }, signal }) });
}

export function useRequirementSuggestions(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignLeadershipKeys.suggestions(campaignId),
    queryFn: ({ signal }) => api(r.suggestions, { params: { id: campaignId }, signal }), enabled,
  });
}

export function useSaveRequirement(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: RequirementBody; version?: number }) => v.id
      ? api(r.updateRequirement, { params: { id: campaignId, requirementId: v.id }, body: { ...v.body, version: v.version ?? 0 } })
      : api(r.createRequirement, { params: { id: campaignId }, body: v.body }),
    onSuccess: (data) => {
      qc.setQueryData(campaignLeadershipKeys.of(campaignId), data);
      void qc.invalidateQueries({ queryKey: campaignLeadershipKeys.suggestions(campaignId) });
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}

export function useVoidRequirement(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; version: number }) => api(r.voidRequirement, { params: { id: campaignId, requirementId: v.id }, body: { version: v.version } }),
    onSuccess: (data) => {
      qc.setQueryData(campaignLeadershipKeys.of(campaignId), data);
      void qc.invalidateQueries({ queryKey: campaignLeadershipKeys.suggestions(campaignId) });
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}
