import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditRoutes } from '../../../../contract/audit.ts';
import type { RouteQuery } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';

export type AuditListQuery = RouteQuery<typeof auditRoutes.list>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditListQuery) => ['audit', 'list', query] as const,
};

export const listAudit = (query: AuditListQuery, signal?: AbortSignal) => api(auditRoutes.list, { query, signal });

export function useAuditLog(query: AuditListQuery) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
}
