import { useQuery } from '@tanstack/react-query';
import { caseRoutes } from '../../../../contract/cases.ts';
import { api } from '../../../lib/api.ts';
import { type CaseSourceQuery, caseKeys } from './keys.ts';

/** What the 立案 form pre-fills from an inspection, a hazard or an enterprise. */
export const getCaseSource = (query: CaseSourceQuery, signal?: AbortSignal) => api(caseRoutes.source, { query, signal });

export function useCaseSource(query: CaseSourceQuery) {
  const enabled = !!(query.inspectionId || query.hazardId || query.enterpriseId);
  return useQuery({ queryKey: caseKeys.source(query), queryFn: ({ signal }) => getCaseSource(query, signal), enabled, retry: false });
}
