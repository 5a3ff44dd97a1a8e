import { useMutation, useQueryClient } from '@tanstack/react-query';
import { securityRoutes } from '../../../../contract/security.ts';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

/** Turns a user's second factor off (a lost phone): the user signs in with the password, or enrolls again where required. */
export const resetTotp = (id: string) => api(securityRoutes.resetUserTotp, { params: { id } });

export function useResetTotp() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resetTotp, onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }) });
}
