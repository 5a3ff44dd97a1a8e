import { z, int, coerceInt } from './zod.ts';
import { defineRoute } from './route.ts';
import { OkResponse, PageQuery, QueryBool, pageOf } from './common.ts';
import { NOTIFICATION_KINDS } from '../domain/notifications/notifications.ts';

export const NotificationItem = z.object({
  id: int(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  href: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TNotificationItem = z.infer<typeof NotificationItem>;

export const NotificationListQuery = PageQuery.extend({ unread: QueryBool.optional() });
export const NotificationPage = pageOf(NotificationItem).extend({ unread: int() });
export type TNotificationPage = z.infer<typeof NotificationPage>;

export const UnreadCount = z.object({ unread: int() });
export const MarkReadRequest = z.union([
  z.object({ ids: z.array(coerceInt().min(1)).min(1, '请选择通知').max(100) }),
  z.object({ all: z.literal(true) }),
]);

const WEBHOOK_URL = /^https?:\/\/[^\s]+$/;
export const WebhookSettings = z.object({
  configured: z.boolean(),
  url: z.string().nullable(),
  enabled: z.boolean(),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)),
  version: int().nullable(),
});
export type TWebhookSettings = z.infer<typeof WebhookSettings>;
export const WebhookSettingsInput = z.object({
  url: z.string().trim().max(500).regex(WEBHOOK_URL, '请填写以 http:// 或 https:// 开头的机器人地址'),
  enabled: z.boolean(),
  kinds: z.array(z.enum(NOTIFICATION_KINDS)).max(NOTIFICATION_KINDS.length).default([]),
  /** null when there is none yet. */
  version: int().nullable(),
});

export const WebhookDelivery = z.object({
  id: int(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export const WebhookDeliveryPage = pageOf(WebhookDelivery);

export const notificationRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/notifications', summary: '我的通知', tag: 'notifications', query: NotificationListQuery, response: NotificationPage }),
  unread: defineRoute({ method: 'GET', path: '/api/notifications/unread-count', summary: '未读通知数', tag: 'notifications', response: UnreadCount }),
  markRead: defineRoute({ method: 'POST', path: '/api/notifications/read', summary: '标记通知已读', tag: 'notifications', body: MarkReadRequest, response: UnreadCount }),
  stream: defineRoute({
    method: 'GET', path: '/api/notifications/stream', summary: '通知实时推送（server-sent events：unread 事件带未读数）', tag: 'notifications',
    responseType: 'event-stream',
  }),
  webhook: defineRoute({ method: 'GET', path: '/api/notifications/webhook', summary: '政务微信/企业微信群机器人设置', tag: 'notifications', response: WebhookSettings }),
  putWebhook: defineRoute({
    method: 'PUT', path: '/api/notifications/webhook', summary: '设置政务微信/企业微信群机器人', tag: 'notifications', body: WebhookSettingsInput, response: WebhookSettings,
  }),
  deleteWebhook: defineRoute({ method: 'DELETE', path: '/api/notifications/webhook', summary: '停用并删除群机器人设置', tag: 'notifications', response: OkResponse }),
  deliveries: defineRoute({
    method: 'GET', path: '/api/notifications/webhook/deliveries', summary: '群机器人推送记录', tag: 'notifications', query: PageQuery, response: WebhookDeliveryPage,
  }),
};
