import { useQuery } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { checklistKeys } from './keys.ts';

/** One published version in full; versions never change, so the answer is kept. */
export const getChecklistVersion = (id: string, version: number, signal?: AbortSignal) =>
  api(checklistRoutes.getVersion, { params: { id, version }, signal });

export function useChecklistVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: checklistKeys.version(id, version ?? 0),
    queryFn: ({ signal }) => getChecklistVersion(id, version!, signal),
    enabled: version !== null,
    staleTime: Infinity,
  });
}
