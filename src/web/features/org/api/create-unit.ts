import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { unitKeys } from '../../../reference-data/list-units.ts';
import { api } from '../../../lib/api.ts';

export type UnitCreateInput = RouteBody<typeof orgRoutes.createUnit>;

export const createUnit = (body: UnitCreateInput) => api(orgRoutes.createUnit, { body });

export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUnit,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
