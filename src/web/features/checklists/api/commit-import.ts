import { useMutation, useQueryClient } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { checklistKeys } from './keys.ts';

/** Publishes a previewed workbook: version 1 of a new code or the next version of an existing one. */
export const commitChecklistImport = (batchId: string) => api(checklistRoutes.importCommit, { params: { batchId } });

export function useCommitChecklistImport() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: commitChecklistImport, onSuccess: () => queryClient.invalidateQueries({ queryKey: checklistKeys.all }) });
}
