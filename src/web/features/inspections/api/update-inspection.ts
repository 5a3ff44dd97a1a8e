import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { type InspectionUpdateBody, inspectionKeys } from './keys.ts';

/** Header edits of a draft (date, tags, co-inspectors, location, summary); `version` guards them. */
export const updateInspection = ({ id, body }: { id: string; body: InspectionUpdateBody }) =>
  api(inspectionRoutes.update, { params: { id }, body });

export function useUpdateInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInspection,
    onSuccess: (d) => {
      queryClient.setQueryData(inspectionKeys.detail(d.id), d);
      return queryClient.invalidateQueries({ queryKey: inspectionKeys.lists() });
    },
    onError: (e, { id }) => {
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
    },
  });
}
