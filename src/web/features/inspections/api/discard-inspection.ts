import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api } from '../../../lib/api.ts';
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
  });
}
