// The one timeline of every workflow record (record_events): written only through the kernel's
// event writer, read back oldest first.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { type PreparedInsert, prepareJsonInsert, runInserts } from './bulk.ts';
import { recordEvents } from '../db/schema/index.ts';
import type { Actor } from '../http/actor.ts';

export type RecordEventRow = typeof recordEvents.$inferSelect;

export interface RecordEventInput {
  action: string;
  from: string | null;
  to: string | null;
  note?: string | null;
  data?: unknown;
}

/** Writes events of one record by one actor at one instant, in the order they are given. */
export function eventWriter(db: DbOrTx, o: { entityType: string; entityId: string; districtId: string; actor: Actor | null; at: Date }) {
  return async (e: RecordEventInput): Promise<void> => {
    await db.insert(recordEvents).values({
      districtId: o.districtId, entityType: o.entityType, entityId: o.entityId, at: o.at,
      actorId: o.actor?.userId ?? null, actorName: o.actor?.displayName ?? null, actorUnitName: o.actor?.unitName ?? null,
      action: e.action, fromStatus: e.from, toStatus: e.to, note: e.note ?? null, data: e.data ?? null,
    });
  };
}

type FirstEvents = [o: { entityType: string; districtId: string; actor: Actor | null; at: Date }, events: readonly (RecordEventInput & { entityId: string })[]];

/**
 * The first events of many records in one statement per 1,000 (bulk imports): still one event per
 * record, each with its own entity id, in the order given.
 */
export async function insertFirstEvents(db: DbOrTx, ...args: FirstEvents): Promise<void> {
  await runInserts(db, prepareFirstEvents(...args));
}

/** insertFirstEvents's statements, prepared (while the records' own insert runs) to send after it. */
export function prepareFirstEvents(...[o, events]: FirstEvents): PreparedInsert<unknown> {
  return prepareJsonInsert(recordEvents, events.map((e) => ({
    districtId: o.districtId, entityType: o.entityType, entityId: e.entityId, at: o.at,
    actorId: o.actor?.userId ?? null, actorName: o.actor?.displayName ?? null, actorUnitName: o.actor?.unitName ?? null,
    action: e.action, fromStatus: e.from, toStatus: e.to, note: e.note ?? null, data: e.data ?? null,
  })));
}

/** A record's timeline, oldest first (bounded: a record with more steps than this is not a real one). */
export const eventsOf = (db: DbOrTx, entityType: string, entityId: string) =>
  db
    .select()
    .from(recordEvents)
    .where(and(eq(recordEvents.entityType, entityType), eq(recordEvents.entityId, entityId)))
    .orderBy(asc(recordEvents.seq))
    .limit(500);
