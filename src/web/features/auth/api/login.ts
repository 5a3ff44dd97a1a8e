import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authRoutes } from '../../../../contract/auth.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { setSession } from '../../../lib/auth.ts';

export type LoginInput = RouteBody<typeof authRoutes.login>;
export type LoginTotpInput = RouteBody<typeof authRoutes.loginTotp>;

export const login = (body: LoginInput) => api(authRoutes.login, { body });
export const loginTotp = (body: LoginTotpInput) => api(authRoutes.loginTotp, { body });

/** Signs in: the session starts here, or after the second step when the account has TOTP on. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (res) => {
      if ('totpRequired' in res) return;
      // Nothing cached may survive a change of user.
      queryClient.removeQueries();
      setSession(queryClient, res);
    },
  });
}

/** The second step: the code from the authenticator app (or a recovery code) for the pending token. */
export function useLoginTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginTotp,
    onSuccess: (me) => {
      queryClient.removeQueries();
      setSession(queryClient, me);
    },
  });
}
