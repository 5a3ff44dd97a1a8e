import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { type PreparedInsert, prepareJsonInsert, runInserts } from '../../kernel/bulk.ts';
import { GENESIS_HASH, JsonText, canonicalJsonValue, chainHash } from './audit.chain.ts';
import { chainAnchor, entriesAfter, insertEntries, lastEntry } from './audit.repository.ts';

// Serializes appends to the chain across connections (a no-op cost on PGlite).
export const AUDIT_LOCK_KEY = 7_243_001;

export interface AuditEvent {
  at: Date;
  districtId: string | null;
  actor: { userId: string; displayName: string } | null;
  action: string; // e.g. enterprise.create
  entityType: string; // e.g. enterprise
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one row to the chain. Call inside the transaction of the write it records. */
export function recordAudit(tx: DbOrTx, e: AuditEvent): Promise<void> {
  return recordAuditBatch(tx, [e]);
}

/** Appends rows in order, in a few statements (bulk writes such as seeding or imports). */
export async function recordAuditBatch(tx: DbOrTx, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await (await auditAppender(tx)).append(events);
}

/** Rows hashed and chained, not yet written (AuditAppender.chain); many rows come with their insert prepared. */
export interface ChainedRows {
  rows: (typeof auditLog.$inferInsert)[];
  prepared?: PreparedInsert<unknown>;
}

export interface AuditAppender {
  /** Hashes and writes the rows (await it before the transaction's next statement). */
  append(events: readonly AuditEvent[]): Promise<void>;
  /**
   * Hashes the rows and takes their place in the chain without writing them: a bulk import does
   * this while its records' insert runs, then `write`s them, in the order they were chained.
   */
  chain(events: readonly AuditEvent[]): ChainedRows;
  write(chained: ChainedRows): Promise<void>;
}

/**
 * The chain's end held for one transaction (bulk imports append page after page): the lock is taken
 * and the last row read once; rows are hashed and written page after page.
 */
export async function auditAppender(tx: DbOrTx): Promise<AuditAppender> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const last = await lastEntry(tx);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const appender: AuditAppender = {
    append(events) {
      return appender.write(appender.chain(events));
    },
    write(chained) {
      if (chained.prepared) return runInserts(tx, chained.prepared);
      return chained.rows.length === 0 ? Promise.resolve() : insertEntries(tx, chained.rows);
    },
    chain(events) {
      const rows = events.map((e) => {
        seq += 1;
        const content = {
          seq,
          at: new Date(Math.floor(e.at.getTime())), // ms precision survives timestamptz round trips
          districtId: e.districtId,
          actorId: e.actor?.userId ?? null,
          actorName: e.actor?.displayName ?? null,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          // The values as jsonb will read them back, as JSON text: hashed and stored as is.
          before: new JsonText(canonicalJsonValue(e.before)),
          after: new JsonText(canonicalJsonValue(e.after)),
        };
        const hash = chainHash(prevHash, content);
        const row = { ...content, prevHash, hash };
        prevHash = hash;
        return row;
      });
      // Many rows: their JSON is prepared now too (the statement the import sends after its records').
      return rows.length > 1 ? { rows, prepared: prepareJsonInsert(auditLog, rows) } : { rows };
    },
  };
  return appender;
}

export type AuditRow = typeof auditLog.$inferSelect;
export type ChainVerdict =
  /** `firstSeq`: where the kept chain starts when older rows were purged (audit.retention.ts). */
  | { ok: true; rows: number; lastSeq: number; lastHash: string; firstSeq?: number }
  | { ok: false; rows: number; brokenSeq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' };

/** Recomputes the chain page by page and names the first row that does not match. */
export async function verifyAuditChain(db: Db, pageSize = 1000): Promise<ChainVerdict> {
  // After a retention purge the chain starts at the anchor: the first kept row and the hash it chains from.
  const anchor = await chainAnchor(db);
  let prevHash = anchor?.prevHash ?? GENESIS_HASH;
  let prevSeq = anchor ? anchor.firstSeq - 1 : 0;
  let rows = 0;
  for (;;) {
    const page = await entriesAfter(db, prevSeq, pageSize);
    if (page.length === 0) return { ok: true, rows, lastSeq: prevSeq, lastHash: prevHash, ...(anchor ? { firstSeq: anchor.firstSeq } : {}) };
    for (const r of page) {
      if (r.seq !== prevSeq + 1) return { ok: false, rows, brokenSeq: prevSeq + 1, reason: 'gap' };
      if (r.prevHash !== prevHash) return { ok: false, rows, brokenSeq: r.seq, reason: 'prev_hash_mismatch' };
      const expected = chainHash(prevHash, {
        seq: r.seq, at: r.at, districtId: r.districtId, actorId: r.actorId, actorName: r.actorName,
        action: r.action, entityType: r.entityType, entityId: r.entityId, before: r.before, after: r.after,
      });
      if (expected !== r.hash) return { ok: false, rows, brokenSeq: r.seq, reason: 'hash_mismatch' };
      prevHash = r.hash;
      prevSeq = r.seq;
      rows++;
    }
  }
}
