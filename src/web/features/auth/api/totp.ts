import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouteBody } from '../../../../contract/route.ts';
import { securityRoutes as r } from '../../../../contract/security.ts';
import { api } from '../../../lib/api.ts';
import { meQueryKey } from '../../../lib/auth.ts';

export const totpKeys = { status: ['auth', 'totp'] as const, sessions: ['auth', 'sessions'] as const };

export function useTotpStatus() {
  return useQuery({ queryKey: totpKeys.status, queryFn: ({ signal }) => api(r.totpStatus, { signal }) });
}

/** Refreshes what depends on the second factor: its status and the session's (mustEnrollTotp). */
function useRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: totpKeys.status });
  };
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api(r.totpSetup) });
}

/** Turns it on; /me is refreshed by the caller once the recovery codes were shown (it may lift the enrollment requirement). */
export function useTotpEnable() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RouteBody<typeof r.totpEnable>) => api(r.totpEnable, { body }), onSuccess: refresh });
}

export function useRegenerateRecoveryCodes() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: RouteBody<typeof r.totpRecoveryCodes>) => api(r.totpRecoveryCodes, { body }), onSuccess: refresh });
}

export function useTotpDisable() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteBody<typeof r.totpDisable>) => api(r.totpDisable, { body }),
    onSuccess: async () => {
      await refresh();
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useSessions() {
  return useQuery({ queryKey: totpKeys.sessions, queryFn: ({ signal }) => api(r.sessions, { signal }) });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(r.endSession, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpKeys.sessions }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api(r.endOtherSessions),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: totpKeys.sessions }),
  });
}
