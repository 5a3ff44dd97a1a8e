// The district work calendar: one year's holidays and 调休 workdays, and the edits of one day.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { type CalendarDayBody, calendarKeys } from './keys.ts';

export const getCalendarYear = (year: number, signal?: AbortSignal) => api(calendarRoutes.year, { params: { year }, signal });

export function useCalendarYear(year: number) {
  return useQuery({ queryKey: calendarKeys.year(year), queryFn: ({ signal }) => getCalendarYear(year, signal) });
}

export const putCalendarDay = ({ day, body }: { day: string; body: CalendarDayBody }) => api(calendarRoutes.putDay, { params: { day }, body });
export const deleteCalendarDay = (day: string) => api(calendarRoutes.deleteDay, { params: { day } });

export function usePutCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: putCalendarDay, onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }) });
}

export function useDeleteCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteCalendarDay, onSuccess: () => queryClient.invalidateQueries({ queryKey: calendarKeys.all }) });
}
