import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { checklistKeys } from './keys.ts';

/** Publishes the built-ins' newer wording over the district's untouched copies. */
export const updateBuiltIns = () => api(checklistRoutes.updateBuiltIns);

export function useUpdateBuiltIns() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateBuiltIns, onSuccess: () => queryClient.invalidateQueries({ queryKey: checklistKeys.all }) });
}
