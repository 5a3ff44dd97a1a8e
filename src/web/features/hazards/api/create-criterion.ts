import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { type CriterionCreateBody, hazardKeys } from './keys.ts';

export const createCriterion = (body: CriterionCreateBody) => api(hazardRoutes.createCriterion, { body });

export function useCreateCriterion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCriterion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hazardKeys.criteriaAll() }),
  });
}
