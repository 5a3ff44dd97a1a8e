import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { sectorKeys } from '../../../reference-data/list-sectors.ts';
import { api } from '../../../lib/api.ts';

export type SectorCreateInput = RouteBody<typeof orgRoutes.createSector>;

export const createSector = (body: SectorCreateInput) => api(orgRoutes.createSector, { body });

export function useCreateSector() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSector,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sectorKeys.all }),
  });
}
