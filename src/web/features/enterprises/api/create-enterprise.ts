import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { enterpriseKeys } from './keys.ts';

export type EnterpriseCreateInput = RouteBody<typeof enterpriseRoutes.create>;

export const createEnterprise = (body: EnterpriseCreateInput) => api(enterpriseRoutes.create, { body });

export function useCreateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEnterprise,
    onSuccess: (e) => {
      queryClient.setQueryData(enterpriseKeys.detail(e.id), e);
      return queryClient.invalidateQueries({ queryKey: enterpriseKeys.lists() });
    },
  });
}
