import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseRoutes } from '../../../../contract/cases.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { type CaseActionBody, caseKeys } from './keys.ts';

/** One step of a case (or publish/attach); the body carries the version it was based on. */
export const actOnCase = ({ id, body }: { id: string; body: CaseActionBody }) => api(caseRoutes.act, { params: { id }, body });

export function useActOnCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnCase,
    onSuccess: (c) => {
      queryClient.setQueryData(caseKeys.detail(c.id), c);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
    onError: (e, { id }) => {
      // Someone else acted first: reload so the user sees the current state and actions.
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
    },
  });
}
