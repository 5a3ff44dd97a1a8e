import type { FastifyInstance } from 'fastify';
import { notificationRoutes } from '../../../contract/notifications.ts';
import type { AppContext } from '../../context.ts';
import { registerRoute } from '../../http/route.ts';
import * as service from './notifications.service.ts';

export function registerNotificationRoutes(app: FastifyInstance, ctx: AppContext) {
  registerRoute(app, notificationRoutes.list, { permission: 'use:account' }, ({ actor, query }) => service.listNotifications(ctx, actor, query));
  registerRoute(app, notificationRoutes.unread, { permission: 'use:account' }, async ({ actor }) => ({ unread: await service.unreadCount(ctx.db, actor.userId) }));
  registerRoute(app, notificationRoutes.markRead, { permission: 'use:account' }, ({ actor, body }) => service.markRead(ctx, actor, body));
  registerRoute(app, notificationRoutes.stream, { permission: 'use:account' }, async ({ actor, reply }) => {
    // The stream outlives the handler: Fastify lets go of the response and the hub keeps it.
    reply.hijack();
    await ctx.notificationHub!.open(actor.userId, reply.raw);
  });
  registerRoute(app, notificationRoutes.webhook, { permission: 'manage:notifications' }, ({ actor }) => service.webhookSettings(ctx, actor));
  registerRoute(app, notificationRoutes.putWebhook, { permission: 'manage:notifications' }, ({ actor, body }) => service.putWebhook(ctx, actor, body));
  registerRoute(app, notificationRoutes.deleteWebhook, { permission: 'manage:notifications' }, ({ actor }) => service.deleteWebhook(ctx, actor));
  registerRoute(app, notificationRoutes.deliveries, { permission: 'manage:notifications' }, ({ actor, query }) => service.listDeliveries(ctx, actor, query));
}
