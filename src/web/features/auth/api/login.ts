import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authRoutes } from '../../../../contract/auth.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { setSession } from '../../../lib/auth.ts';

export type LoginInput = RouteBody<typeof authRoutes.login>;

export const login = (body: LoginInput) => api(authRoutes.login, { body });

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Nothing cached may survive a change of user.
      queryClient.removeQueries();
      setSession(queryClient, me);
    },
  });
}
