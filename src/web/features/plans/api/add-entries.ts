import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { api } from '../../../lib/api.ts';
import { type EntryCreateBody, planKeys } from './keys.ts';

export type AddEntriesInput = Omit<EntryCreateBody, 'enterpriseId'> & { enterpriseIds: string[] };

/** One enterprise through POST …/entries (its own field errors), several through …/entries/bulk. */
export async function addEntries(planId: string, { enterpriseIds, ...rest }: AddEntriesInput) {
  if (enterpriseIds.length === 1) {
    await api(planRoutes.addEntry, { params: { id: planId }, body: { ...rest, enterpriseId: enterpriseIds[0]! } });
    return { added: 1, skipped: 0 };
  }
  return api(planRoutes.bulkAdd, { params: { id: planId }, body: { ...rest, enterpriseIds } });
}

export function useAddEntries(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AddEntriesInput) => addEntries(planId, input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: planKeys.plan(planId) }),
  });
}
