import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { api } from '../../../lib/api.ts';
import { type ChecklistListQuery, checklistKeys } from './keys.ts';

export const listChecklists = (query: ChecklistListQuery, signal?: AbortSignal) => api(checklistRoutes.list, { query, signal });

export function useChecklists(query: ChecklistListQuery) {
  return useQuery({ queryKey: checklistKeys.list(query), queryFn: ({ signal }) => listChecklists(query, signal), placeholderData: keepPreviousData });
}
