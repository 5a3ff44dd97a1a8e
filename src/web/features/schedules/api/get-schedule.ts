import { useQuery } from '@tanstack/react-query';
import { scheduleRoutes } from '../../../../contract/schedules.ts';
import { api } from '../../../lib/api.ts';
import { scheduleKeys } from './keys.ts';

export const getSchedule = (id: string, signal?: AbortSignal) => api(scheduleRoutes.get, { params: { id }, signal });

export function useSchedule(id: string) {
  return useQuery({ queryKey: scheduleKeys.schedule(id), queryFn: ({ signal }) => getSchedule(id, signal) });
}
