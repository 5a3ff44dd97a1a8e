import { useQuery } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { checklistKeys } from './keys.ts';

export const getChecklist = (id: string, signal?: AbortSignal) => api(checklistRoutes.get, { params: { id }, signal });

export function useChecklist(id: string) {
  return useQuery({ queryKey: checklistKeys.detail(id), queryFn: ({ signal }) => getChecklist(id, signal) });
}
