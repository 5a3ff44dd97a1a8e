import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api, isApiError } from '../../../lib/api.ts';
import { enterpriseKeys } from './keys.ts';

export type EnterpriseVoidInput = RouteBody<typeof enterpriseRoutes.void>;

export const voidEnterprise = ({ id, body }: { id: string; body: EnterpriseVoidInput }) =>
  api(enterpriseRoutes.void, { params: { id }, body });

export function useVoidEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: voidEnterprise,
    onSuccess: (e) => {
      queryClient.setQueryData(enterpriseKeys.detail(e.id), e);
      return queryClient.invalidateQueries({ queryKey: enterpriseKeys.lists() });
    },
    onError: (e, { id }) => {
      if (isApiError(e, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: enterpriseKeys.detail(id) });
    },
  });
}
