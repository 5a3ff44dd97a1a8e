// Notifications: an outbox written in the same transaction as the change that causes it, the
// in-app inbox rows it fans out to, the district's optional group-robot webhook and its delivery
// log. The dispatcher (modules/notifications) turns outbox rows into inbox rows and deliveries;
// unique keys make every step safe to repeat after a crash.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districtId, instant, timestamps, version } from './columns.ts';

/** Who a notification is for: every active member of a unit, of an enterprise, or one user. */
export interface NotificationAudience {
  unitIds?: string[];
  enterpriseIds?: string[];
  userIds?: string[];
}

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    districtId: districtId(),
    /** e.g. 'hazard.transferred', 'hazard.due_soon' (the kinds are the notifications module's). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** The page of the record, e.g. /hazards/<id>. */
    href: text('href'),
    entityType: text('entity_type'),
    entityId: uuid('entity_id'),
    audience: jsonb('audience').$type<NotificationAudience>().notNull(),
    /** The actor who caused it (never notified of their own change). */
    actorId: uuid('actor_id'),
    /** A reminder's identity (kind, record, deadline): at most one outbox row per key, across restarts. */
    dedupeKey: text('dedupe_key'),
    createdAt: instant('created_at').notNull().defaultNow(),
    dispatchedAt: instant('dispatched_at'),
  },
  (t) => [
    uniqueIndex('notification_outbox_dedupe_uq').on(t.dedupeKey),
    index('notification_outbox_pending_idx').on(t.id).where(sql`${t.dispatchedAt} is null`),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    districtId: districtId(),
    userId: uuid('user_id').notNull(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    href: text('href'),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_user_outbox_uq').on(t.userId, t.outboxId),
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Per district, the optional 企业微信/政务微信 group robot; nothing is sent unless an admin sets it. */
export const notificationWebhooks = pgTable('notification_webhooks', {
  districtId: uuid('district_id').primaryKey(),
  url: text('url').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** The kinds sent to the group (empty: all). */
  kinds: jsonb('kinds').$type<string[]>().notNull().default([]),
  version: version(),
  ...timestamps,
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    districtId: districtId(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    url: text('url').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_outbox_uq').on(t.outboxId),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_district_idx').on(t.districtId, t.id),
  ],
);
