import { useQuery } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { hazardKeys } from './keys.ts';

export const getHazard = (id: string, signal?: AbortSignal) => api(hazardRoutes.get, { params: { id }, signal });

export function useHazard(id: string) {
  return useQuery({
    queryKey: hazardKeys.detail(id),
    queryFn: ({ signal }) => getHazard(id, signal),
  });
}
