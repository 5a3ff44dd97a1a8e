import { useMutation, useQueryClient } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { api } from '../../../lib/api.ts';
import { type PlanCreateBody, planKeys } from './keys.ts';

export const createPlan = (body: PlanCreateBody) => api(planRoutes.create, { body });

export function useCreatePlan() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createPlan, onSuccess: () => void qc.invalidateQueries({ queryKey: planKeys.all }) });
}
