// The session as the web app sees it: the current user from /api/auth/me, kept in the
// react-query cache. A 401 anywhere clears it (the route guard then sends people to the
// login page); a forced password change refetches it (the guard then sends them to the
// change-password page; a required second factor, to its enrollment).
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { authRoutes } from '../../contract/auth.ts';
import type { TMe, TMeResponse } from '../../contract/auth.ts';
import { api, isApiError, onApiError, setCsrfToken } from './api.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** The server's answer when there simply is no session (as opposed to an expired one). */
const NOT_LOGGED_IN_MESSAGE = '请先登录';

// A message for the login page (e.g. "会话已超时"), taken once.
let loginNotice: string | null = null;
export function takeLoginNotice(): string | null {
  const n = loginNotice;
  loginNotice = null;
  return n;
}

export async function fetchMe(signal?: AbortSignal): Promise<TMeResponse | null> {
  try {
    const me = await api(authRoutes.me, { signal });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e, 'UNAUTHENTICATED')) {
      if (e.message !== NOT_LOGGED_IN_MESSAGE) loginNotice = e.message;
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The current user's query: used by useMe, and started by the providers before the first page's code has loaded. */
export const meQuery = queryOptions({
  queryKey: meQueryKey,
  queryFn: ({ signal }) => fetchMe(signal),
  staleTime: Infinity,
  retry: 1,
});

export function useMe() {
  return useQuery(meQuery);
}

/** The signed-in user; only for components rendered under the route guard. */
export function useCurrentUser(): TMe {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside the authenticated area');
  return data.user;
}

export function setSession(queryClient: QueryClient, me: TMeResponse | null) {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.setQueryData(meQueryKey, me);
}

/** Forget everything cached for the previous user. */
export function endSession(queryClient: QueryClient, notice?: string) {
  if (notice) loginNotice = notice;
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
  queryClient.setQueryData(meQueryKey, null);
}

/** Wires the global reactions to session failures; call once at start-up. */
export function installSessionHandlers(queryClient: QueryClient): () => void {
  return onApiError((e, def) => {
    if (def === authRoutes.login || def === authRoutes.loginTotp || def === authRoutes.me) return;
    if (e.code === 'UNAUTHENTICATED') {
      const hadSession = !!queryClient.getQueryData(meQueryKey);
      endSession(queryClient, hadSession ? e.message : undefined);
    } else if (e.code === 'PASSWORD_CHANGE_REQUIRED' || e.code === 'TOTP_ENROLLMENT_REQUIRED' || e.code === 'CSRF') {
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    }
  });
}

/** Only same-site paths are accepted as a place to return to after login. */
export function safeRedirect(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/login')) return '/';
  return raw;
}

/** Ends the session on the server, then locally, and goes to the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => api(authRoutes.logout),
    onSettled: () => {
      navigate('/login', { replace: true });
      endSession(queryClient);
    },
  });
}
