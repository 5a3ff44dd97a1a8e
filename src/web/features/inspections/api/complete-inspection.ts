import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { dashboardKey, hazardKeys } from '../../hazards/api/keys.ts';
import { type InspectionCompleteBody, inspectionKeys } from './keys.ts';

/** Locks the record and turns each 不符合 answer into a hazard. */
export const completeInspection = ({ id, body }: { id: string; body: InspectionCompleteBody }) =>
  api(inspectionRoutes.complete, { params: { id }, body });

export function useCompleteInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeInspection,
    onSuccess: (d) => {
      queryClient.setQueryData(inspectionKeys.detail(d.id), d);
      // The inspection's 不符合 answers became hazards: the ledger and the dashboard change with it.
      void queryClient.invalidateQueries({ queryKey: hazardKeys.all });
      void queryClient.invalidateQueries({ queryKey: dashboardKey });
      return queryClient.invalidateQueries({ queryKey: inspectionKeys.lists() });
    },
    onError: (e, { id }) => {
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
    },
  });
}
