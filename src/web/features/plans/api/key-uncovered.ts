import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { api } from '../../../lib/api.ts';
import { planKeys } from './keys.ts';

export const keyUncovered = (id: string, page: number, signal?: AbortSignal) =>
  api(planRoutes.keyUncovered, { params: { id }, query: { page, pageSize: 20 }, signal });

export function useKeyUncovered(id: string, page: number) {
  return useQuery({ queryKey: planKeys.keyUncovered(id, page), queryFn: ({ signal }) => keyUncovered(id, page, signal), placeholderData: keepPreviousData });
}
