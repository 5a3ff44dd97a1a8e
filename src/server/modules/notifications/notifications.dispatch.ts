// The dispatcher: turns pending outbox rows into inbox rows for every active member of their
// audience and, where the district has a group robot, into a webhook delivery; then marks them
// dispatched. One transaction per batch and unique keys (user, outbox row) and (outbox row) make
// a repeat after a crash harmless: nothing twice, nothing lost.
import { inArray, sql } from 'drizzle-orm';
import { type NotificationKind, groupRobotMessage } from '../../../domain/notifications/notifications.ts';
import { type Db, sqlRows } from '../../db/client.ts';
import { notificationOutbox, notificationWebhooks, webhookDeliveries } from '../../db/schema/index.ts';

const BATCH = 200;

export interface DispatchResult {
  dispatched: number;
  /** Users with new inbox rows (their unread count changed). */
  users: string[];
}

/** Dispatches up to one batch of pending outbox rows; `linkBase` makes the robot's links absolute. */
export async function dispatchPending(db: Db, now: Date, linkBase: string | null): Promise<DispatchResult> {
  return db.transaction(async (tx) => {
    // SKIP LOCKED: two server processes on one PostgreSQL never dispatch the same row.
    const pending = await sqlRows<{ id: number | string }>(tx, sql`
      select id from notification_outbox where dispatched_at is null order by id limit ${BATCH} for update skip locked`);
    if (pending.length === 0) return { dispatched: 0, users: [] };
    const ids = pending.map((p) => Number(p.id));
    const idList = sql.join(ids.map((i) => sql`${i}`), sql`, `);
    // An enterprise account's unit is its village: a unit's audience is that unit's staff, an
    // enterprise's is its own accounts.
    const inserted = await sqlRows<{ user_id: string }>(tx, sql`
      insert into notifications (district_id, user_id, outbox_id, kind, title, body, href, created_at)
      select o.district_id, u.id, o.id, o.kind, o.title, o.body, o.href, o.created_at
        from notification_outbox o
        join users u on u.district_id = o.district_id and u.active
         and (o.actor_id is null or u.id <> o.actor_id)
         and ((u.role <> 'enterprise' and u.unit_id::text in (select jsonb_array_elements_text(coalesce(o.audience->'unitIds', '[]'::jsonb))))
           or u.enterprise_id::text in (select jsonb_array_elements_text(coalesce(o.audience->'enterpriseIds', '[]'::jsonb)))
           or u.id::text in (select jsonb_array_elements_text(coalesce(o.audience->'userIds', '[]'::jsonb))))
       where o.id in (${idList})
      on conflict (user_id, outbox_id) do nothing
      returning user_id`);

    const rows = await tx.select().from(notificationOutbox).where(inArray(notificationOutbox.id, ids));
    const hooks = await tx.select().from(notificationWebhooks)
      .where(inArray(notificationWebhooks.districtId, [...new Set(rows.map((r) => r.districtId))]));
    const hookOf = new Map(hooks.filter((h) => h.enabled).map((h) => [h.districtId, h]));
    const deliveries = rows.flatMap((r) => {
      const hook = hookOf.get(r.districtId);
      if (!hook || (hook.kinds.length > 0 && !hook.kinds.includes(r.kind))) return [];
      const link = r.href && linkBase ? `${linkBase.replace(/\/$/, '')}${r.href}` : null;
      return [{
        districtId: r.districtId, outboxId: r.id, url: hook.url, nextAttemptAt: now,
        payload: groupRobotMessage({ kind: r.kind as NotificationKind, title: r.title, body: r.body, link }),
      }];
    });
    if (deliveries.length) await tx.insert(webhookDeliveries).values(deliveries).onConflictDoNothing();
    await tx.update(notificationOutbox).set({ dispatchedAt: now }).where(inArray(notificationOutbox.id, ids));
    return { dispatched: ids.length, users: [...new Set(inserted.map((i) => i.user_id))] };
  });
}
