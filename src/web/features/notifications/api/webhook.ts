import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationRoutes } from '../../../../contract/notifications.ts';
import type { RouteBody } from '../../../../contract/route.ts';
import { api } from '../../../lib/api.ts';

const keys = { settings: ['notification-webhook'] as const, deliveries: (page: number) => ['notification-webhook', 'deliveries', page] as const };

export const useWebhookSettings = () => useQuery({ queryKey: keys.settings, queryFn: ({ signal }) => api(notificationRoutes.webhook, { signal }) });

export function useDeliveries(page: number) {
  return useQuery({
    queryKey: keys.deliveries(page), queryFn: ({ signal }) => api(notificationRoutes.deliveries, { query: { page, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData, refetchInterval: 30_000,
  });
}

export function useSaveWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RouteBody<typeof notificationRoutes.putWebhook>) => api(notificationRoutes.putWebhook, { body }),
    onSuccess: (r) => qc.setQueryData(keys.settings, r),
  });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api(notificationRoutes.deleteWebhook),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.settings }),
  });
}
