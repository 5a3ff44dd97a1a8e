import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { api } from '../../../lib/api.ts';
import { type PlanListQuery, planKeys } from './keys.ts';

export const listPlans = (query: PlanListQuery, signal?: AbortSignal) => api(planRoutes.list, { query, signal });

export function usePlans(query: PlanListQuery) {
  return useQuery({ queryKey: planKeys.list(query), queryFn: ({ signal }) => listPlans(query, signal), placeholderData: keepPreviousData });
}
