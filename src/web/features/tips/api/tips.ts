// Every call of the office's 群众举报 pages: the list, a report, its actions, the reporter's
// identity (an audited request), rewards and posters.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { tipRoutes as r } from '../../../../contract/tips.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type TipListQuery = RouteQuery<typeof r.list>;
export type TipData = RouteResponse<typeof r.get>;
export type TipActionBody = RouteBody<typeof r.action>;
export type RewardActionBody = RouteBody<typeof r.rewardAction>;
export type RewardListQuery = RouteQuery<typeof r.rewards>;

export const tipKeys = recordKeys<TipListQuery>('tips');
const rewardListKey = (q: RewardListQuery) => ['tip-rewards', q] as const;

export const useTips = (query: TipListQuery) =>
  useQuery({ queryKey: tipKeys.list(query), queryFn: ({ signal }) => api(r.list, { query, signal }), placeholderData: keepPreviousData });
export const useTip = (id: string) => useQuery({ queryKey: tipKeys.detail(id), queryFn: ({ signal }) => api(r.get, { params: { id }, signal }), enabled: !!id });
export const useRewards = (query: RewardListQuery) =>
  useQuery({ queryKey: rewardListKey(query), queryFn: ({ signal }) => api(r.rewards, { query, signal }), placeholderData: keepPreviousData });

function useSettle() {
  const qc = useQueryClient();
  return {
    onSuccess: (t: TipData) => {
      qc.setQueryData(tipKeys.detail(t.id), t);
      return Promise.all([qc.invalidateQueries({ queryKey: tipKeys.lists() }), qc.invalidateQueries({ queryKey: ['tip-rewards'] }), qc.invalidateQueries({ queryKey: ['workbench'] })]);
    },
    onError: () => qc.invalidateQueries({ queryKey: tipKeys.all }),
  };
}

export function useActOnTip() {
  return useMutation({ mutationFn: (v: { id: string; body: TipActionBody }) => api(r.action, { params: { id: v.id }, body: v.body }), ...useSettle() });
}
export function useProposeReward() {
  return useMutation({ mutationFn: (v: { id: string; body: RouteBody<typeof r.proposeReward> }) => api(r.proposeReward, { params: { id: v.id }, body: v.body }), ...useSettle() });
}
export function useActOnReward() {
  return useMutation({ mutationFn: (v: { id: string; body: RewardActionBody }) => api(r.rewardAction, { params: { id: v.id }, body: v.body }), ...useSettle() });
}
/** Not cached: each view is its own audited request. */
export const useRevealIdentity = () => useMutation({ mutationFn: (id: string) => api(r.identity, { params: { id } }) });
