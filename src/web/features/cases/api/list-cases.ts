import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { caseRoutes } from '../../../../contract/cases.ts';
import { api } from '../../../lib/api.ts';
import { type CaseListQuery, caseKeys } from './keys.ts';

export const listCases = (query: CaseListQuery, signal?: AbortSignal) => api(caseRoutes.list, { query, signal });

export function useCases(query: CaseListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: caseKeys.list(query),
    queryFn: ({ signal }) => listCases(query, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}
