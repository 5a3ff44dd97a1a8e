import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { dashboardKey, hazardKeys } from './keys.ts';

/** Writes the rows of a previewed batch that had no errors, each as a new hazard. */
export const commitHazardImport = (batchId: string) => api(hazardRoutes.importCommit, { params: { batchId } });

export function useCommitHazardImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitHazardImport,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: dashboardKey });
      return queryClient.invalidateQueries({ queryKey: hazardKeys.lists() });
    },
  });
}
