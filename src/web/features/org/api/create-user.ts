import { useMutation, useQueryClient } from '@tanstack/react-query';
import { orgRoutes } from '../../../../contract/org.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';
import { userKeys } from './keys.ts';

export type UserCreateInput = RouteBody<typeof orgRoutes.createUser>;

export const createUser = (body: UserCreateInput) => api(orgRoutes.createUser, { body });

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
