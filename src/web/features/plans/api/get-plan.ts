import { useQuery } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { api } from '../../../lib/api.ts';
import { planKeys } from './keys.ts';

export const getPlan = (id: string, signal?: AbortSignal) => api(planRoutes.get, { params: { id }, signal });

export function usePlan(id: string) {
  return useQuery({ queryKey: planKeys.detail(id), queryFn: ({ signal }) => getPlan(id, signal) });
}
