import { useQuery } from '@tanstack/react-query';
import { scheduleRoutes } from '../../../../contract/schedules.ts';
import { api } from '../../../lib/api.ts';
import { scheduleKeys } from './keys.ts';

export const getToday = (id: string, signal?: AbortSignal) => api(scheduleRoutes.today, { params: { id }, signal });

export function useToday(id: string, enabled = true) {
  return useQuery({ queryKey: scheduleKeys.today(id), queryFn: ({ signal }) => getToday(id, signal), enabled });
}
