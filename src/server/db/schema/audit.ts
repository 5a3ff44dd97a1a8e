import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit trail. Each row's hash covers its content and the previous row's hash,
 * so editing or deleting any row breaks the chain from there on (see audit.chain.ts).
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().defaultRandom(),
    districtId: uuid('district_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_district_at_idx').on(t.districtId, t.at),
    index('audit_entity_idx').on(t.entityType, t.entityId),
    index('audit_actor_idx').on(t.actorId),
    // the security-event view: a district's entries of a few actions, newest first
    index('audit_district_action_idx').on(t.districtId, t.action, t.seq),
  ],
);

/**
 * Where the kept audit trail starts once older rows were purged (AUDIT_RETENTION_DAYS): the first
 * kept row's seq and the hash it chains from, so verification starts there and still notices a
 * row removed after it. One row (id 1); none: nothing purged, the chain starts at genesis.
 */
export const auditAnchor = pgTable('audit_anchor', {
  id: integer('id').primaryKey(),
  firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
  prevHash: text('prev_hash').notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true, mode: 'date' }).notNull(),
  purgedRows: bigint('purged_rows', { mode: 'number' }).notNull(),
});
