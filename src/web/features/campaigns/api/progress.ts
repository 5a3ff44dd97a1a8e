import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidating } from './invalidating.ts';
import { campaignProgressRoutes as p } from '../../../../contract/campaign-progress.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api, apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';
import { type MatrixQuery, type MyOccurrencesQuery, campaignKeys } from './keys.ts';

export function useMatrix(id: string, query: MatrixQuery) {
  return useQuery({ queryKey: campaignKeys.matrix(id, query), queryFn: ({ signal }) => api(p.matrix, { params: { id }, query, signal }), placeholderData: keepPreviousData });
}

export function useMyOccurrences(query: MyOccurrencesQuery) {
  return useQuery({ queryKey: campaignKeys.mine(query), queryFn: ({ signal }) => api(p.myOccurrences, { query, signal }), placeholderData: keepPreviousData });
}

export function useOccurrence(key: string) {
  return useQuery({ queryKey: campaignKeys.occurrence(key), queryFn: ({ signal }) => api(p.occurrence, { params: { key }, signal }) });
}

export const useFileReport = (key: string) => useInvalidating((body: RouteBody<typeof p.fileReport>) => api(p.fileReport, { params: { key }, body }));
export const useAcknowledge = (key: string) => useInvalidating(() => api(p.acknowledge, { params: { key } }));
export const useUrge = () => useInvalidating((body: RouteBody<typeof p.urge>) => api(p.urge, { body }));
export const useReviewReport = () =>
  useInvalidating(({ id, body }: { id: string; body: RouteBody<typeof p.reviewReport> }) => api(p.reviewReport, { params: { id }, body }));

export function useExportTasks(id: string) {
  return useMutation({
    mutationFn: async (unitId?: string) => {
      const { blob, fileName } = await apiFile(p.exportTasks, { params: { id }, query: { unitId } });
      saveBlob(blob, fileName ?? '工作清单和落实情况.xlsx');
    },
  });
}
