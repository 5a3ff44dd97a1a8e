import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api } from '../../../lib/api.ts';
import { type InspectionListQuery, inspectionKeys } from './keys.ts';

export const listInspections = (query: InspectionListQuery, signal?: AbortSignal) =>
  api(inspectionRoutes.list, { query, signal });

export function useInspections(query: InspectionListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: inspectionKeys.list(query),
    queryFn: ({ signal }) => listInspections(query, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}
