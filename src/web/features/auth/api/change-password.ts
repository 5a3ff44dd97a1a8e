import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authRoutes } from '../../../../contract/auth.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { meQueryKey } from '../../../lib/auth.ts';

export type ChangePasswordInput = RouteBody<typeof authRoutes.changePassword>;

export const changePassword = (body: ChangePasswordInput) => api(authRoutes.changePassword, { body });

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // mustChangePassword is now false: reload the session so the guard lets the user through.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}
