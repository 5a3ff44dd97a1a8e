// The kernel's own tables, shared by every workflow: one timeline of events for every record that
// moves through states, and one record-number counter.
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districtId, id } from './columns.ts';

/**
 * Every step of every workflow record (hazard, enforcement case, …): written by the kernel's
 * runAction in the same transaction as the step; never updated or deleted.
 */
export const recordEvents = pgTable(
  'record_events',
  {
    id: id(),
    districtId: districtId(),
    /** The workflow's entity, e.g. 'hazard', 'enforcement_case'. */
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** Insertion order: several events of one transaction share the same instant. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    actorUnitName: text('actor_unit_name'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [index('record_events_entity_idx').on(t.entityType, t.entityId, t.seq)],
);

/** Per district, kind ('hazard', 'inspection', 'case') and year, the last record number handed out. */
export const recordCounters = pgTable(
  'record_counters',
  {
    districtId: districtId(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.kind, t.year] })],
);
