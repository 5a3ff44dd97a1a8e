import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { scheduleRoutes } from '../../../../contract/schedules.ts';
import { api } from '../../../lib/api.ts';
import { scheduleKeys } from './keys.ts';

export const getCalendar = (id: string, month: string, signal?: AbortSignal) =>
  api(scheduleRoutes.calendar, { params: { id }, query: { month }, signal });

export function useCalendar(id: string, month: string) {
  return useQuery({ queryKey: scheduleKeys.calendar(id, month), queryFn: ({ signal }) => getCalendar(id, month, signal), placeholderData: keepPreviousData });
}
