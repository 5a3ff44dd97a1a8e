import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { type ChecklistContentBody, checklistKeys } from './keys.ts';

export const createChecklist = (body: ChecklistContentBody) => api(checklistRoutes.create, { body });

export function useCreateChecklist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createChecklist,
    onSuccess: (d) => {
      queryClient.setQueryData(checklistKeys.detail(d.id), d);
      return queryClient.invalidateQueries({ queryKey: checklistKeys.lists() });
    },
  });
}
