import { useQuery } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { api } from '../../../lib/api.ts';

const PAGE_SIZE = 10;

/** The latest hazards of one enterprise, for its page. The key starts with 'hazards' so hazard changes refresh it. */
export const listEnterpriseHazards = (enterpriseId: string, signal?: AbortSignal) =>
  api(hazardRoutes.list, { query: { enterpriseId, pageSize: PAGE_SIZE }, signal });

export function useEnterpriseHazards(enterpriseId: string) {
  return useQuery({
    queryKey: ['hazards', 'list', { enterpriseId, pageSize: PAGE_SIZE }],
    queryFn: ({ signal }) => listEnterpriseHazards(enterpriseId, signal),
  });
}
