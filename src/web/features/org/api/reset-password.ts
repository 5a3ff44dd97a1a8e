import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

export type ResetPasswordInput = RouteBody<typeof orgRoutes.resetPassword>;

/** Sets a temporary password; the server makes the user change it at the next login. */
export const resetPassword = ({ id, body }: { id: string; body: ResetPasswordInput }) =>
  api(orgRoutes.resetPassword, { params: { id }, body });

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
