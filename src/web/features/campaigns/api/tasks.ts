import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useInvalidating } from './invalidating.ts';
import { campaignProgressRoutes } from '../../../../contract/campaign-progress.ts';
import { campaignRoutes } from '../../../../contract/campaigns.ts';
import { api } from '../../../lib/api.ts';
import { type AnnexCommitBody, type TaskBody, type TaskListQuery, campaignKeys } from './keys.ts';

export function useTasks(id: string, query: TaskListQuery) {
  return useQuery({ queryKey: campaignKeys.tasks(id, query), queryFn: ({ signal }) => api(campaignRoutes.tasks, { params: { id }, query, signal }), placeholderData: keepPreviousData });
}

export const useCreateTask = (id: string) => useInvalidating((body: TaskBody) => api(campaignRoutes.createTask, { params: { id }, body }));
export const useUpdateTask = (id: string) =>
  useInvalidating(({ taskId, body }: { taskId: string; body: Partial<TaskBody> & { version: number } }) => api(campaignRoutes.updateTask, { params: { id, taskId }, body }));
export const useVoidTask = (id: string) =>
  useInvalidating(({ taskId, reason, version }: { taskId: string; reason: string; version: number }) => api(campaignRoutes.voidTask, { params: { id, taskId }, body: { reason, version } }));
export const useReorderTasks = (id: string) => useInvalidating((taskIds: string[]) => api(campaignRoutes.reorder, { params: { id }, body: { taskIds } }));

/** What a deadline phrase will mean in this campaign, asked while a person types. */
export function useDeadlinePreview(text: string, period: { start: string; end: string } | null) {
  return useQuery({
    queryKey: ['campaigns', 'deadline', text, period],
    queryFn: ({ signal }) => api(campaignRoutes.parseDeadline, { body: { text, period: period! }, signal }),
    enabled: period !== null && text.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

export const previewAnnexFile = (id: string, file: File) => {
  const body = new FormData();
  body.append('file', file);
  return api(campaignProgressRoutes.importPreview, { params: { id }, body });
};
export const previewAnnexText = (id: string, text: string) =>
  // The route takes a file (multipart) or a pasted table (JSON { text }).
  api(campaignProgressRoutes.importPreview, { params: { id }, body: { text } as unknown as FormData });
export const useCommitAnnex = (id: string) => useInvalidating((body: AnnexCommitBody) => api(campaignProgressRoutes.importCommit, { params: { id }, body }));

export function useAssignableUnits(id: string, enabled = true) {
  return useQuery({ queryKey: ['campaigns', 'one', id, 'units'], queryFn: ({ signal }) => api(campaignRoutes.units, { params: { id }, signal }), enabled, staleTime: 60_000 });
}
