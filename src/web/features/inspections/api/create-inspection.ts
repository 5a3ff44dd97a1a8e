import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api } from '../../../lib/api.ts';
import { type InspectionCreateBody, inspectionKeys } from './keys.ts';

export const createInspection = (body: InspectionCreateBody) => api(inspectionRoutes.create, { body });

export function useCreateInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInspection,
    onSuccess: (d) => {
      queryClient.setQueryData(inspectionKeys.detail(d.id), d);
      return queryClient.invalidateQueries({ queryKey: inspectionKeys.lists() });
    },
  });
}
