import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

export const unlockUser = (id: string) => api(orgRoutes.unlockUser, { params: { id } });

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlockUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
