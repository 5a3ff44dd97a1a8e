import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationRoutes } from '../../../../contract/notifications.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => ['notifications', 'unread'] as const,
  list: (q: { page: number; unread: boolean }) => ['notifications', 'list', q] as const,
};

export function useUnreadCount() {
  return useQuery({ queryKey: notificationKeys.unread(), queryFn: ({ signal }) => api(notificationRoutes.unread, { signal }), staleTime: 60_000 });
}

export function useNotifications(q: { page: number; unread: boolean; pageSize?: number }) {
  return useQuery({
    queryKey: notificationKeys.list(q),
    queryFn: ({ signal }) => api(notificationRoutes.list, { query: { page: q.page, pageSize: q.pageSize ?? 20, ...(q.unread ? { unread: 'true' } : {}) }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteBody<typeof notificationRoutes.markRead>) => api(notificationRoutes.markRead, { body }),
    onSuccess: (r) => {
      qc.setQueryData(notificationKeys.unread(), r);
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}
