import { useMutation, useQueryClient } from '@tanstack/react-query';
import { scheduleRoutes } from '../../../../contract/schedules.ts';
import { api } from '../../../lib/api.ts';
import { type ScheduleBody, scheduleKeys } from './keys.ts';

export const putSchedule = (id: string, body: ScheduleBody) => api(scheduleRoutes.put, { params: { id }, body });

export function usePutSchedule(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleBody) => putSchedule(id, body),
    onSuccess: (data) => {
      qc.setQueryData(scheduleKeys.schedule(id), data);
      void qc.invalidateQueries({ queryKey: scheduleKeys.ofEnterprise(id) });
    },
  });
}
