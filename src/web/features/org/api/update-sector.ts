import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { sectorKeys } from '../../../reference-data/list-sectors.ts';
import { api } from '../../../lib/api.ts';

export type SectorUpdateInput = RouteBody<typeof orgRoutes.updateSector>;

export const updateSector = ({ id, body }: { id: string; body: SectorUpdateInput }) =>
  api(orgRoutes.updateSector, { params: { id }, body });

export function useUpdateSector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSector,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sectorKeys.all }),
  });
}

/** Several updates in a row (a reorder); stops at the first failure, then reloads. */
export function useUpdateSectors() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (updates: { id: string; body: SectorUpdateInput }[]) => {
      for (const u of updates) await updateSector(u);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sectorKeys.all }),
  });
}
