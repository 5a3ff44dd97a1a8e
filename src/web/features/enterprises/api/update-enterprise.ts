import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { enterpriseKeys } from './keys.ts';

export type EnterpriseUpdateInput = RouteBody<typeof enterpriseRoutes.update>;

export const updateEnterprise = ({ id, body }: { id: string; body: EnterpriseUpdateInput }) =>
  api(enterpriseRoutes.update, { params: { id }, body });

export function useUpdateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEnterprise,
    onSuccess: (e) => {
      queryClient.setQueryData(enterpriseKeys.detail(e.id), e);
      return queryClient.invalidateQueries({ queryKey: enterpriseKeys.lists() });
    },
    onError: (e, { id }) => {
      // Someone else changed it: reload so the user sees (and edits) the current version.
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: enterpriseKeys.detail(id) });
    },
  });
}
