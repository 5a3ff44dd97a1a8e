import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { api } from '../../../lib/api.ts';
import { type EntryListQuery, planKeys } from './keys.ts';

export const listEntries = (id: string, query: EntryListQuery, signal?: AbortSignal) => api(planRoutes.entries, { params: { id }, query, signal });

export function useEntries(id: string, query: EntryListQuery) {
  return useQuery({ queryKey: planKeys.entries(id, query), queryFn: ({ signal }) => listEntries(id, query, signal), placeholderData: keepPreviousData });
}
