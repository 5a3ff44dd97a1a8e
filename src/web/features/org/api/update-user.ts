import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

export type UserUpdateInput = RouteBody<typeof orgRoutes.updateUser>;

export const updateUser = ({ id, body }: { id: string; body: UserUpdateInput }) =>
  api(orgRoutes.updateUser, { params: { id }, body });

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
