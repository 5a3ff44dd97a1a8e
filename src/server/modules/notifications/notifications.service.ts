// The in-app centre (my notifications, unread count, mark read) and the district's group robot
// settings with their delivery log (admins).
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  MarkReadRequest, NotificationListQuery, TNotificationPage, TWebhookSettings, WebhookDeliveryPage, WebhookSettingsInput,
} from '../../../contract/notifications.ts';
import type { NotificationKind } from '../../../domain/notifications/notifications.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notificationOutbox, notificationWebhooks, notifications, webhookDeliveries } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}

export async function listNotifications(ctx: AppContext, actor: Actor, q: z.output<typeof NotificationListQuery>): Promise<TNotificationPage> {
  const where = and(eq(notifications.userId, actor.userId), q.unread ? isNull(notifications.readAt) : undefined);
  const [rows, [total], unread] = await Promise.all([
    ctx.db.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(notifications).where(where),
    unreadCount(ctx.db, actor.userId),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id, kind: r.kind as NotificationKind, title: r.title, body: r.body, href: r.href, createdAt: r.createdAt.toISOString(), read: r.readAt !== null,
    })),
    total: total?.n ?? 0, page: q.page, pageSize: q.pageSize, unread,
  };
}

/** Marks the caller's own notifications read (another user's ids are simply not theirs to touch). */
export async function markRead(ctx: AppContext, actor: Actor, body: z.output<typeof MarkReadRequest>): Promise<{ unread: number }> {
  const mine = and(eq(notifications.userId, actor.userId), isNull(notifications.readAt));
  await ctx.db.update(notifications).set({ readAt: ctx.clock.now() })
    .where('all' in body ? mine : and(mine, inArray(notifications.id, body.ids)));
  const unread = await unreadCount(ctx.db, actor.userId);
  await ctx.notificationHub?.publish([actor.userId]);
  return { unread };
}

export async function webhookSettings(ctx: AppContext, actor: Actor): Promise<TWebhookSettings> {
  const [h] = await ctx.db.select().from(notificationWebhooks).where(eq(notificationWebhooks.districtId, actor.districtId));
  return h
    ? { configured: true, url: h.url, enabled: h.enabled, kinds: h.kinds as NotificationKind[], version: h.version }
    : { configured: false, url: null, enabled: false, kinds: [], version: null };
}

export async function putWebhook(ctx: AppContext, actor: Actor, input: z.output<typeof WebhookSettingsInput>): Promise<TWebhookSettings> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [h] = await tx.select().from(notificationWebhooks).where(eq(notificationWebhooks.districtId, actor.districtId));
    if ((h?.version ?? null) !== input.version) throw conflict();
    const set = { url: input.url, enabled: input.enabled, kinds: input.kinds, updatedAt: now };
    if (h) {
      await tx.update(notificationWebhooks).set({ ...set, version: sql`${notificationWebhooks.version} + 1` })
        .where(eq(notificationWebhooks.districtId, actor.districtId));
    } else {
      await tx.insert(notificationWebhooks).values({ districtId: actor.districtId, ...set, createdAt: now });
    }
    // The robot's address is a secret of the group: the audit keeps that it changed, not its key.
    await recordAudit(tx, {
      at: now, districtId: actor.districtId, actor, action: 'notification_webhook.save', entityType: 'notification_webhook', entityId: null,
      before: h ? { enabled: h.enabled, kinds: h.kinds } : null, after: { enabled: input.enabled, kinds: input.kinds },
    });
  });
  return webhookSettings(ctx, actor);
}

export async function deleteWebhook(ctx: AppContext, actor: Actor): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const gone = await tx.delete(notificationWebhooks).where(eq(notificationWebhooks.districtId, actor.districtId)).returning();
    if (gone.length) {
      await recordAudit(tx, {
        at: ctx.clock.now(), districtId: actor.districtId, actor, action: 'notification_webhook.delete', entityType: 'notification_webhook',
        entityId: null, before: { enabled: gone[0]!.enabled }, after: null,
      });
    }
  });
  return { ok: true };
}

export async function listDeliveries(ctx: AppContext, actor: Actor, q: { page: number; pageSize: number }): Promise<z.input<typeof WebhookDeliveryPage>> {
  const where = eq(webhookDeliveries.districtId, actor.districtId);
  const [rows, [total]] = await Promise.all([
    ctx.db.select({ d: webhookDeliveries, kind: notificationOutbox.kind, title: notificationOutbox.title }).from(webhookDeliveries)
      .innerJoin(notificationOutbox, eq(notificationOutbox.id, webhookDeliveries.outboxId))
      .where(where).orderBy(desc(webhookDeliveries.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  return {
    items: rows.map(({ d, kind, title }) => ({
      id: d.id, kind: kind as NotificationKind, title, status: d.status, attempts: d.attempts, lastError: d.lastError,
      createdAt: d.createdAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
    })),
    total: total?.n ?? 0, page: q.page, pageSize: q.pageSize,
  };
}
