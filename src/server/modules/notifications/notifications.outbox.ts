// Writing a notification: one outbox row, in the transaction of the change that causes it, so a
// rolled-back change sends nothing and a crash after the commit loses nothing (the dispatcher
// picks the row up whenever it next runs).
import { sql } from 'drizzle-orm';
import type { NotificationKind } from '../../../domain/notifications/notifications.ts';
import type { Tx } from '../../db/client.ts';
import { type NotificationAudience, notificationOutbox } from '../../db/schema/index.ts';

export interface NotificationInput {
  districtId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  href?: string | null;
  entity?: { type: string; id: string };
  audience: NotificationAudience;
  /** The person who caused it: never told of their own change. */
  actorId?: string | null;
}

const nonEmpty = (a: NotificationAudience) => [a.unitIds, a.enterpriseIds, a.userIds].some((l) => (l?.length ?? 0) > 0);

/** Queues notifications in the caller's transaction (none for an empty audience). */
export async function notify(tx: Tx, items: NotificationInput | NotificationInput[]): Promise<void> {
  const rows = (Array.isArray(items) ? items : [items]).filter((n) => nonEmpty(n.audience));
  if (rows.length === 0) return;
  await tx.insert(notificationOutbox).values(rows.map((n) => ({
    districtId: n.districtId, kind: n.kind, title: n.title, body: n.body ?? null, href: n.href ?? null,
    entityType: n.entity?.type ?? null, entityId: n.entity?.id ?? null, audience: n.audience, actorId: n.actorId ?? null,
    // The transaction's own clock, like every other row it writes.
    createdAt: sql`now()`,
  })));
}
