import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { checklistKeys } from './keys.ts';

/** 停用 or 重新启用 a template; the body carries the version it was based on. */
export const setChecklistActive = ({ id, active, version }: { id: string; active: boolean; version: number }) =>
  api(checklistRoutes.setActive, { params: { id }, body: { active, version } });

export function useSetChecklistActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setChecklistActive,
    onSuccess: (d) => {
      queryClient.setQueryData(checklistKeys.detail(d.id), d);
      return queryClient.invalidateQueries({ queryKey: checklistKeys.lists() });
    },
    onError: (e, { id }) => {
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: checklistKeys.detail(id) });
    },
  });
}
