import { and, desc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { TAccountabilityFilter } from '../../../contract/accountability.ts';
import type { DbOrTx } from '../../db/client.ts';
import { accountabilityRecords as records, enterprises, hazards, orgUnits, users } from '../../db/schema/index.ts';

export type AccountabilityRow = typeof records.$inferSelect;
const escapeLike = (s: string) => s.replace(/[%_\\]/g, '\\$&');

export function filterSql(f: Partial<TAccountabilityFilter>, opts: { ignoreKind?: boolean } = {}): SQL[] {
  const c: SQL[] = [];
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    c.push(
      or(
        sql`${records.targetName} ilike ${like}`,
        sql`${records.reason} ilike ${like}`,
        sql`${records.measure} ilike ${like}`,
        sql`${records.documentNo} ilike ${like}`,
      )!,
    );
  }
  if (f.kind && !opts.ignoreKind) c.push(eq(records.kind, f.kind));
  if (f.targetType) c.push(eq(records.targetType, f.targetType));
  if (f.from) c.push(sql`${records.decidedOn} >= ${f.from}`);
  if (f.to) c.push(sql`${records.decidedOn} <= ${f.to}`);
  return c;
}

const columns = { r: records, unitName: orgUnits.name, hazardNumber: hazards.number };
function listQuery(db: DbOrTx) {
  return db.select(columns).from(records).leftJoin(orgUnits, eq(orgUnits.id, records.targetUnitId)).leftJoin(hazards, eq(hazards.id, records.hazardId));
}
export type AccountabilityListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

export async function listRecords(db: DbOrTx, scope: SQL, f: TAccountabilityFilter, page: number, pageSize: number) {
  const where = and(scope, ...filterSql(f));
  const [items, total] = await Promise.all([
    listQuery(db).where(where).orderBy(desc(records.decidedOn), desc(records.createdAt)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(records).where(where).then((r) => r[0]?.n ?? 0),
  ]);
  return { items, total };
}

/** Records per kind under the same filters, the kind filter aside (for the tabs and the forms). */
export function kindCounts(db: DbOrTx, scope: SQL, f: TAccountabilityFilter) {
  return db
    .select({ kind: records.kind, n: sql<number>`count(*)::int` })
    .from(records)
    .where(and(scope, ...filterSql(f, { ignoreKind: true })))
    .groupBy(records.kind);
}

export const findRecordInScope = (db: DbOrTx, scope: SQL, id: string) =>
  listQuery(db).where(and(eq(records.id, id), scope)).limit(1).then((r) => r[0] ?? null);

export async function insertRecord(db: DbOrTx, row: typeof records.$inferInsert) {
  const [r] = await db.insert(records).values(row).returning();
  return r!;
}

/** Conditional on the version read: null means someone else changed it first. */
export async function updateRecord(db: DbOrTx, id: string, version: number, set: Partial<typeof records.$inferInsert>) {
  const [r] = await db
    .update(records)
    .set({ ...set, version: sql`${records.version} + 1` })
    .where(and(eq(records.id, id), eq(records.version, version)))
    .returning();
  return r ?? null;
}

export const findUnit = (db: DbOrTx, districtId: string, id: string) =>
  db.select().from(orgUnits).where(and(eq(orgUnits.id, id), eq(orgUnits.districtId, districtId))).limit(1).then((r) => r[0] ?? null);

export const findUserName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');

/** A live enterprise of the district by its exact name: a named unit must not be one. */
export const enterpriseNamed = (db: DbOrTx, districtId: string, name: string) =>
  db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.districtId, districtId), eq(enterprises.name, name), isNull(enterprises.voidedAt)))
    .limit(1)
    .then((r) => r[0] ?? null);
