import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../contract/enterprises.ts';
import { api } from '../lib/api.ts';

/** Enterprises in the user's scope matching a search (name, USCC or principal), optionally of one village. */
export const searchEnterprises = (q: string, villageId: string | undefined, signal?: AbortSignal) =>
  api(enterpriseRoutes.list, { query: { q: q || undefined, villageId, pageSize: 20, sort: 'name', order: 'asc' }, signal });

/** The search behind every enterprise picker; the last results stay shown while the next arrive. */
export function useEnterpriseSearch(q: string, opts: { villageId?: string | undefined; enabled: boolean }) {
  return useQuery({
    queryKey: ['enterprises', 'search', q, opts.villageId ?? null],
    queryFn: ({ signal }) => searchEnterprises(q, opts.villageId, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
  });
}
