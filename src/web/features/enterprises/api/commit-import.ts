import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { api } from '../../../lib/api.ts';
import { enterpriseKeys } from './keys.ts';

/** Writes the rows of a previewed batch that had no errors. */
export const commitImport = (batchId: string) => api(enterpriseRoutes.importCommit, { params: { batchId } });

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enterpriseKeys.all }),
  });
}
