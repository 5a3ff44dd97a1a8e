import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { unitKeys } from '../../../reference-data/list-units.ts';
import { api } from '../../../lib/api.ts';

export type UnitUpdateInput = RouteBody<typeof orgRoutes.updateUnit>;

export const updateUnit = ({ id, body }: { id: string; body: UnitUpdateInput }) =>
  api(orgRoutes.updateUnit, { params: { id }, body });

export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnit,
    // Success or conflict, the list must show the current state.
    onSettled: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
