import { useQuery } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { checklistKeys } from './keys.ts';

export const getChecklistDiff = (id: string, from: number, to: number, signal?: AbortSignal) =>
  api(checklistRoutes.diff, { params: { id }, query: { from, to }, signal });

export function useChecklistDiff(id: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: checklistKeys.diff(id, range?.from ?? 0, range?.to ?? 0),
    queryFn: ({ signal }) => getChecklistDiff(id, range!.from, range!.to, signal),
    enabled: range !== null,
    staleTime: Infinity,
  });
}
