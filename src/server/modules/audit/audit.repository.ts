import { type SQL, type SQLWrapper, and, desc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { auditCodesNamed } from '../../../contract/audit-labels.ts';
import { insertAsJson } from '../../kernel/bulk.ts';
import { JsonText } from '../../kernel/json-text.ts';
import type { DbOrTx } from '../../db/client.ts';
import { auditAnchor, auditLog } from '../../db/schema/index.ts';
import { containsText, defineListQuery, escapeLike } from '../../kernel/list-query.ts';
import { idsNamedLike } from './audit.names.ts';

type AuditRow = typeof auditLog.$inferSelect;

export function lastEntry(db: DbOrTx) {
  return db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .then((r) => r[0] ?? null);
}

export async function insertEntries(db: DbOrTx, rows: (typeof auditLog.$inferInsert)[]) {
  // One row: the plain insert (its JSON text read back into values); more (imports, seeding): one
  // JSON parameter per 1,000 rows, the JSON text inside it as is.
  const value = (v: unknown) => (v instanceof JsonText ? JSON.parse(v.text) : v);
  if (rows.length === 1) await db.insert(auditLog).values(rows.map((r) => ({ ...r, before: value(r.before), after: value(r.after) })));
  else await insertAsJson(db, auditLog, rows);
}

/** Where the kept chain starts (none: nothing was ever purged). */
export function chainAnchor(db: DbOrTx) {
  return db.select().from(auditAnchor).where(eq(auditAnchor.id, 1)).limit(1).then((r) => r[0] ?? null);
}
export async function saveChainAnchor(db: DbOrTx, a: { firstSeq: number; prevHash: string; purgedAt: Date; purgedRows: number }) {
  await db.insert(auditAnchor).values({ id: 1, ...a }).onConflictDoUpdate({ target: auditAnchor.id, set: a });
}
/** The first row recorded at or after `at` (seq and the hash it chains from). */
export function firstEntryFrom(db: DbOrTx, at: Date) {
  return db
    .select({ seq: auditLog.seq, prevHash: auditLog.prevHash })
    .from(auditLog)
    .where(gte(auditLog.at, at))
    .orderBy(auditLog.seq)
    .limit(1)
    .then((r) => r[0] ?? null);
}
export function entryAt(db: DbOrTx, seq: number) {
  return db.select({ seq: auditLog.seq, prevHash: auditLog.prevHash }).from(auditLog).where(eq(auditLog.seq, seq)).limit(1).then((r) => r[0] ?? null);
}
/** Deletes the rows before `seq` (the purge's transaction must have set anzhi.audit_purge); returns how many. */
export async function deleteEntriesBefore(db: DbOrTx, seq: number): Promise<number> {
  const r = await db.delete(auditLog).where(lt(auditLog.seq, seq)).returning({ seq: auditLog.seq });
  return r.length;
}

/** Rows in chain order after a given seq, a page at a time (verification never loads the whole table). */
export function entriesAfter(db: DbOrTx, afterSeq: number, limit: number) {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(auditLog.seq).limit(limit);
}

/** Whether the record was written by the demo seed (its first audit row is demo.seed). */
export function seededAsDemo(db: DbOrTx, entityType: string, entityId: string) {
  return db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId), eq(auditLog.action, 'demo.seed')))
    .limit(1)
    .then((r) => r.length > 0);
}

export interface AuditFilter {
  districtId: string;
  q?: string | undefined;
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** An action code or its prefix. */
  action?: string | undefined;
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
}

/**
 * The search: the actor's name, the name of the action or of the kind of record (作废, 隐患), or
 * the number or name of the record itself (its id among those whose name or number matches).
 */
function searchSql(districtId: string, q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const { actions, entityTypes } = auditCodesNamed(q);
  const any = (col: SQLWrapper, codes: string[]) => (codes.length ? [sql`${col} in (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`] : []);
  return sql`(${sql.join([
    containsText(q, auditLog.actorName)!,
    ...any(auditLog.action, actions),
    ...any(auditLog.entityType, entityTypes),
    sql`${auditLog.entityId} in ${idsNamedLike(districtId, q)}`,
  ], sql` or `)})`;
}

/** The district's audit trail, newest first: page and total in one scan (the list kernel). */
export const auditList = defineListQuery<AuditFilter, AuditRow>({
  from: sql`from ${auditLog}`,
  // The chain's sequence is the primary key (a text id for the kernel's id lists).
  id: sql`${auditLog.seq}::text`,
  where: (f) => [
    eq(auditLog.districtId, f.districtId),
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.action ? sql`${auditLog.action} like ${`${escapeLike(f.action)}%`}` : undefined,
    f.fromInstant ? gte(auditLog.at, f.fromInstant) : undefined,
    f.toInstant ? lt(auditLog.at, f.toInstant) : undefined,
    searchSql(f.districtId, f.q),
  ],
  sort: () => [{ expr: auditLog.seq, dir: 'desc' }],
  rows: (db, ids) => db.select().from(auditLog).where(inArray(auditLog.seq, ids.map(Number))),
  rowId: (r) => String(r.seq),
});
