import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { type InspectionDiscardBody, inspectionKeys } from './keys.ts';

export const discardInspection = ({ id, body }: { id: string; body: InspectionDiscardBody }) =>
  api(inspectionRoutes.discard, { params: { id }, body });

export function useDiscardInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: discardInspection,
    onSuccess: (_r, { id }) => {
      queryClient.removeQueries({ queryKey: inspectionKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: inspectionKeys.lists() });
    },
    onError: (e, { id }) => {
      // Changed meanwhile (a colleague signed, say): reload, or every retry would send the old version.
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
    },
  });
}
