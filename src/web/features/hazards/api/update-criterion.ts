import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { type CriterionUpdateBody, hazardKeys } from './keys.ts';

/** Edits, retires or restores a criterion; `version` guards against a concurrent change (409). */
export const updateCriterion = ({ id, body }: { id: string; body: CriterionUpdateBody }) =>
  api(hazardRoutes.updateCriterion, { params: { id }, body });

export function useUpdateCriterion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCriterion,
    // Success or conflict, the lists must show the current state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: hazardKeys.criteriaAll() }),
  });
}
