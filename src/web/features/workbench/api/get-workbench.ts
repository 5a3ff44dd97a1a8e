import { useQuery } from '@tanstack/react-query';
import { workbenchRoutes } from '../../../../contract/workbench.ts';
import { api } from '../../../lib/api.ts';

export const workbenchKey = ['workbench'] as const;

export function useWorkbench() {
  // What awaits a person changes with every action anywhere: refetch when they come back to it.
  return useQuery({ queryKey: workbenchKey, queryFn: ({ signal }) => api(workbenchRoutes.get, { signal }), refetchOnWindowFocus: true, staleTime: 15_000 });
}
