import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { scheduleRoutes } from '../../../../contract/schedules.ts';
import { api } from '../../../lib/api.ts';
import { type BehindQuery, scheduleKeys } from './keys.ts';

export const listBehind = (query: BehindQuery, signal?: AbortSignal) => api(scheduleRoutes.behind, { query, signal });

export function useBehind(query: BehindQuery) {
  return useQuery({ queryKey: scheduleKeys.behind(query), queryFn: ({ signal }) => listBehind(query, signal), placeholderData: keepPreviousData });
}
