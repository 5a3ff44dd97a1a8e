import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { api } from '../../../lib/api.ts';
import { planKeys } from './keys.ts';

export const removeEntry = (planId: string, entryId: string) => api(planRoutes.removeEntry, { params: { id: planId, entryId } });

export function useRemoveEntry(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => removeEntry(planId, entryId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: planKeys.plan(planId) }),
  });
}
