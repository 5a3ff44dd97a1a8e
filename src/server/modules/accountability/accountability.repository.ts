import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { ACCOUNTABILITY_KINDS, type AccountabilityKind, type TAccountabilityFilter } from '../../../contract/accountability.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import type { DbOrTx } from '../../db/client.ts';
import { accountabilityRecords as records, enterprises, hazards, orgUnits, users } from '../../db/schema/index.ts';

export type AccountabilityRow = typeof records.$inferSelect;

export function filterSql(f: Partial<TAccountabilityFilter>, opts: { ignoreKind?: boolean } = {}): SQL[] {
  const c: SQL[] = [];
  const text = containsText(f.q, records.targetName, records.reason, records.measure, records.documentNo);
  if (text) c.push(text);
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

/** The accountability list: page, total and the kind tabs in one scan; keyset batches for the export. */
export const accountabilityList = defineListQuery<{ f: TAccountabilityFilter; scope: SQL }, AccountabilityListRow, AccountabilityKind>({
  from: sql`from ${records}`,
  id: records.id,
  where: ({ f, scope }) => [scope, ...filterSql(f, { ignoreKind: true })],
  sort: () => [{ expr: records.decidedOn, dir: 'desc' }, { expr: records.createdAt, dir: 'desc' }],
  tab: { column: records.kind, values: ACCOUNTABILITY_KINDS, where: ({ f }, kind) => (f.kind ? sql`${kind} = ${f.kind}` : undefined) },
  rows: (db, ids) => listQuery(db).where(idIn(records.id, ids)),
  rowId: (r) => r.r.id,
});

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
