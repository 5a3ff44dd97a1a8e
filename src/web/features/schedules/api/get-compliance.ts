import { useQuery } from '@tanstack/react-query';
import { scheduleRoutes } from '../../../../contract/schedules.ts';
import { api } from '../../../lib/api.ts';
import { scheduleKeys } from './keys.ts';

export const getCompliance = (id: string, signal?: AbortSignal) => api(scheduleRoutes.compliance, { params: { id }, signal });

export function useCompliance(id: string) {
  return useQuery({ queryKey: scheduleKeys.compliance(id), queryFn: ({ signal }) => getCompliance(id, signal) });
}
