import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api } from '../../../lib/api.ts';
import { inspectionKeys } from './keys.ts';

export const getInspectionOptions = (enterpriseId: string | undefined, signal?: AbortSignal) =>
  api(inspectionRoutes.options, { query: { enterpriseId }, signal });

/** What the caller may start (types), with which checklists and colleagues; `types` empty: no 新建检查. */
export function useInspectionOptions(enterpriseId?: string) {
  return useQuery({
    queryKey: inspectionKeys.options(enterpriseId),
    queryFn: ({ signal }) => getInspectionOptions(enterpriseId, signal),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}
