import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';
import { type HazardCreateBody, dashboardKey, hazardKeys } from './keys.ts';

export const createHazard = (body: HazardCreateBody) => api(hazardRoutes.create, { body });

export function useCreateHazard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createHazard,
    onSuccess: (h) => {
      queryClient.setQueryData(hazardKeys.detail(h.id), h);
      void queryClient.invalidateQueries({ queryKey: dashboardKey });
      return queryClient.invalidateQueries({ queryKey: hazardKeys.lists() });
    },
  });
}
