import { and, desc, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';

export function lastEntry(db: DbOrTx) {
  return db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .then((r) => r[0] ?? null);
}

export async function insertEntries(db: DbOrTx, rows: (typeof auditLog.$inferInsert)[]) {
  await db.insert(auditLog).values(rows);
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

export interface AuditWhere {
  districtId: string;
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  fromInstant?: Date | undefined;
  toInstant?: Date | undefined;
}

function whereOf(f: AuditWhere): SQL {
  const conds: SQL[] = [eq(auditLog.districtId, f.districtId)];
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.entityType) conds.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conds.push(eq(auditLog.entityId, f.entityId));
  if (f.action) conds.push(sql`${auditLog.action} like ${`${f.action.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (f.fromInstant) conds.push(gte(auditLog.at, f.fromInstant));
  if (f.toInstant) conds.push(lt(auditLog.at, f.toInstant));
  return and(...conds)!;
}

export async function listEntries(db: DbOrTx, f: AuditWhere, page: number, pageSize: number) {
  const where = whereOf(f);
  const [items, total] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where).then((r) => r[0]?.n ?? 0),
  ]);
  return { items, total };
}
