// Every call of the supervision pages: groups, the visit form, visits, findings and their actions.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { supervisionRoutes as r } from '../../../../contract/supervision.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type GroupListQuery = RouteQuery<typeof r.groups>;
export type GroupData = RouteResponse<typeof r.group>;
export type GroupBody = RouteBody<typeof r.createGroup>;
export type VisitListQuery = RouteQuery<typeof r.visits>;
export type VisitData = RouteResponse<typeof r.visit>;
export type VisitBody = RouteBody<typeof r.createVisit>;
export type VisitFormData = RouteResponse<typeof r.visitForm>;
export type FindingListQuery = RouteQuery<typeof r.findings>;
export type FindingData = RouteResponse<typeof r.finding>;
export type FindingActionBody = RouteBody<typeof r.findingAction>;

export const groupKeys = recordKeys<GroupListQuery>('supervision-groups');
export const visitKeys = recordKeys<VisitListQuery>('supervision-visits');
export const findingKeys = recordKeys<FindingListQuery>('supervision-findings');

export const useGroups = (query: GroupListQuery) =>
  useQuery({ queryKey: groupKeys.list(query), queryFn: ({ signal }) => api(r.groups, { query, signal }), placeholderData: keepPreviousData });
export const useGroupOptions = (enabled: boolean, groupId?: string) =>
  useQuery({ queryKey: ['supervision-group-options', groupId], queryFn: ({ signal }) => api(r.groupOptions, { query: { groupId }, signal }), enabled });
export const usePeople = (q: string, groupId?: string) =>
  useQuery({ queryKey: ['supervision-people', q, groupId], queryFn: ({ signal }) => api(r.people, { query: { q: q || undefined, groupId }, signal }), placeholderData: keepPreviousData });

export function useSaveGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: GroupBody & { version?: number; active?: boolean } }) =>
      v.id ? api(r.updateGroup, { params: { id: v.id }, body: { ...v.body, version: v.body.version ?? 1 } }) : api(r.createGroup, { body: v.body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupKeys.all }),
  });
}

export const useVisitForm = () => useQuery({ queryKey: ['supervision-visit-form'], queryFn: ({ signal }) => api(r.visitForm, { signal }) });
export const useVisits = (query: VisitListQuery) =>
  useQuery({ queryKey: visitKeys.list(query), queryFn: ({ signal }) => api(r.visits, { query, signal }), placeholderData: keepPreviousData });
export const useVisit = (id: string) => useQuery({ queryKey: visitKeys.detail(id), queryFn: ({ signal }) => api(r.visit, { params: { id }, signal }), enabled: !!id });

export function useCreateVisit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitBody) => api(r.createVisit, { body }),
    onSuccess: (v) => {
      qc.setQueryData(visitKeys.detail(v.id), v);
      return Promise.all([qc.invalidateQueries({ queryKey: visitKeys.lists() }), qc.invalidateQueries({ queryKey: groupKeys.all }), qc.invalidateQueries({ queryKey: findingKeys.all })]);
    },
  });
}

export function useAddFinding(visitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteBody<typeof r.addFinding>) => api(r.addFinding, { params: { id: visitId }, body }),
    onSuccess: (v) => {
      qc.setQueryData(visitKeys.detail(v.id), v);
      return qc.invalidateQueries({ queryKey: findingKeys.all });
    },
  });
}

export const useFindings = (query: FindingListQuery) =>
  useQuery({ queryKey: findingKeys.list(query), queryFn: ({ signal }) => api(r.findings, { query, signal }), placeholderData: keepPreviousData });
export const useFinding = (id: string) => useQuery({ queryKey: findingKeys.detail(id), queryFn: ({ signal }) => api(r.finding, { params: { id }, signal }), enabled: !!id });

export function useActOnFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; body: FindingActionBody }) => api(r.findingAction, { params: { id: v.id }, body: v.body }),
    onSuccess: (f) => {
      qc.setQueryData(findingKeys.detail(f.id), f);
      return Promise.all([qc.invalidateQueries({ queryKey: findingKeys.lists() }), qc.invalidateQueries({ queryKey: visitKeys.all }), qc.invalidateQueries({ queryKey: ['workbench'] })]);
    },
    onError: () => qc.invalidateQueries({ queryKey: findingKeys.all }),
  });
}
