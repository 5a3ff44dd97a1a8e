import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouteBody, RouteQuery } from '../../../../contract/route.ts';
import { securityRoutes as r } from '../../../../contract/security.ts';
import { api } from '../../../lib/api.ts';
import { meQueryKey } from '../../../lib/auth.ts';

export type SecurityEventQuery = RouteQuery<typeof r.events>;

export const securityKeys = {
  settings: ['security', 'settings'] as const,
  events: (query: SecurityEventQuery) => ['security', 'events', query] as const,
};

export function useSecurityEvents(query: SecurityEventQuery) {
  return useQuery({ queryKey: securityKeys.events(query), queryFn: ({ signal }) => api(r.events, { query, signal }), placeholderData: keepPreviousData });
}

export function useSecuritySettings(enabled: boolean) {
  return useQuery({ queryKey: securityKeys.settings, queryFn: ({ signal }) => api(r.settings, { signal }), enabled });
}

export function useUpdateSecuritySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteBody<typeof r.updateSettings>) => api(r.updateSettings, { body }),
    onSuccess: async (data) => {
      queryClient.setQueryData(securityKeys.settings, data);
      // the requirement may bind the user who set it: the session says so (and the guard acts on it)
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
