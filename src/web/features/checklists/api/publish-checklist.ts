import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { type ChecklistPublishBody, checklistKeys } from './keys.ts';

/** Checks an edit against the current version and answers the diff; writes nothing. */
export const previewPublish = ({ id, body }: { id: string; body: ChecklistPublishBody }) =>
  api(checklistRoutes.previewPublish, { params: { id }, body });

export function usePreviewPublish() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: previewPublish,
    onError: (e, { id }) => {
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: checklistKeys.detail(id) });
    },
  });
}

/** Publishes the edit as the next version. */
export const publishChecklist = ({ id, body }: { id: string; body: ChecklistPublishBody }) =>
  api(checklistRoutes.publish, { params: { id }, body });

export function usePublishChecklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishChecklist,
    onSuccess: (d) => {
      queryClient.setQueryData(checklistKeys.detail(d.id), d);
      return queryClient.invalidateQueries({ queryKey: checklistKeys.lists() });
    },
    onError: (e, { id }) => {
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: checklistKeys.detail(id) });
    },
  });
}
