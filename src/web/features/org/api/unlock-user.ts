import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import { api } from '../../../lib/api.ts';
import { loginLockKeys, userKeys } from './keys.ts';

/** Lifts the account's lock at `address`, or without one every lock of the account. */
export const unlockUser = ({ id, address }: { id: string; address?: string }) =>
  api(orgRoutes.unlockUser, { params: { id }, body: address ? { address } : {} });

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      await queryClient.invalidateQueries({ queryKey: loginLockKeys.all });
    },
  });
}
