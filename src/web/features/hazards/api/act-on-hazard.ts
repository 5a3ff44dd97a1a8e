import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { type HazardActionBody, dashboardKey, hazardKeys } from './keys.ts';

/** One step of the closed loop (or a side action); the body carries the version it was based on. */
export const actOnHazard = ({ id, body }: { id: string; body: HazardActionBody }) =>
  api(hazardRoutes.act, { params: { id }, body });

export function useActOnHazard() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnHazard,
    onSuccess: (h) => {
      queryClient.setQueryData(hazardKeys.detail(h.id), h);
      void queryClient.invalidateQueries({ queryKey: dashboardKey });
      return queryClient.invalidateQueries({ queryKey: hazardKeys.lists() });
    },
    onError: (e, { id }) => {
      // Someone else acted first: reload so the user sees the current state and actions.
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: hazardKeys.detail(id) });
    },
  });
}
