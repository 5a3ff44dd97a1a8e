import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseRoutes } from '../../../../contract/cases.ts';
import { api } from '../../../lib/api.ts';
import { type CaseCreateBody, caseKeys } from './keys.ts';

export const createCase = (body: CaseCreateBody) => api(caseRoutes.create, { body });

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (c) => {
      queryClient.setQueryData(caseKeys.detail(c.id), c);
      return queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    },
  });
}
