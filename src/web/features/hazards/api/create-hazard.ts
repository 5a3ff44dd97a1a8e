import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { supervisionRoutes } from '../../../../contract/supervision.ts';
import { api } from '../../../lib/api.ts';
import { type HazardCreateBody, dashboardKey, hazardKeys } from './keys.ts';

export const createHazard = (body: HazardCreateBody) => api(hazardRoutes.create, { body });

/** A hazard seen on a 督导检查 is reported through the visit, which links it. */
export function useCreateHazard(visitId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: HazardCreateBody) => (visitId ? api(supervisionRoutes.visitHazard, { params: { id: visitId }, body }) : createHazard(body)),
    onSuccess: (h) => {
      queryClient.setQueryData(hazardKeys.detail(h.id), h);
      // the visit it came from lists it
      if (visitId) void queryClient.invalidateQueries({ queryKey: ['supervision-visits'] });
      void queryClient.invalidateQueries({ queryKey: dashboardKey });
      return queryClient.invalidateQueries({ queryKey: hazardKeys.lists() });
    },
  });
}
