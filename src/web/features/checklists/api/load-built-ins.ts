import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { checklistKeys } from './keys.ts';

/** Loads the built-in templates the district lacks. */
export const loadBuiltIns = () => api(checklistRoutes.loadBuiltIns);

export function useLoadBuiltIns() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: loadBuiltIns, onSuccess: () => queryClient.invalidateQueries({ queryKey: checklistKeys.lists() }) });
}
