import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { inspectionKeys } from './keys.ts';

/** The caller signs the record as it is now (谁检查、谁签名). */
export const signInspection = ({ id, version }: { id: string; version: number }) =>
  api(inspectionRoutes.sign, { params: { id }, body: { version } });

export function useSignInspection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signInspection,
    onSuccess: (d) => {
      queryClient.setQueryData(inspectionKeys.detail(d.id), d);
    },
    onError: (e, { id }) => {
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
    },
  });
}
