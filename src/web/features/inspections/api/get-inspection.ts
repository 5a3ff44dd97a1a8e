import { useQuery } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api } from '../../../lib/api.ts';
import { inspectionKeys } from './keys.ts';

export const getInspection = (id: string, signal?: AbortSignal) => api(inspectionRoutes.get, { params: { id }, signal });

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => getInspection(id, signal),
  });
}
