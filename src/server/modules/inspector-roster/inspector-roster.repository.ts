import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { INSPECTOR_EMPLOYMENTS, type InspectorEmployment } from '../../../domain/supervision/leadership.ts';
import type { TInspectorFilter } from '../../../contract/inspector-roster.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import type { DbOrTx } from '../../db/client.ts';
import { orgUnits, technicalInspectors as ti, users } from '../../db/schema/index.ts';

export type InspectorRow = typeof ti.$inferSelect;

/** Serving on `day`: from ≤ day and (no end, or end ≥ day), as domain inspectorActiveOn. */
export const activeOnSql = (day: string): SQL => sql`${ti.fromDate} <= ${day} and (${ti.toDate} is null or ${ti.toDate} >= ${day})`;

export function filterSql(f: Partial<TInspectorFilter>, opts: { ignoreEmployment?: boolean } = {}): SQL[] {
  const c: SQL[] = [f.voided ? isNotNull(ti.voidedAt) : isNull(ti.voidedAt)];
  const text = containsText(f.q, ti.name, ti.certificates, ti.note);
  if (text) c.push(text);
  if (f.employment && !opts.ignoreEmployment) c.push(eq(ti.employment, f.employment));
  if (f.unitId) c.push(eq(ti.unitId, f.unitId));
  if (f.roster === 'district') c.push(isNull(ti.townshipId));
  else if (f.roster) c.push(eq(ti.townshipId, f.roster));
  if (f.activeOn) c.push(activeOnSql(f.activeOn));
  return c;
}

const roster = alias(orgUnits, 'roster');
const columns = { r: ti, unitName: orgUnits.name, rosterName: roster.name };
function listQuery(db: DbOrTx) {
  return db.select(columns).from(ti)
    .leftJoin(orgUnits, eq(orgUnits.id, ti.unitId))
    .leftJoin(roster, eq(roster.id, sql`coalesce(${ti.townshipId}, ${ti.districtId})`));
}
export type InspectorListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

/** The roster: page, total and the 专职/兼职 tabs in one scan. */
export const inspectorList = defineListQuery<{ f: TInspectorFilter; scope: SQL }, InspectorListRow, InspectorEmployment>({
  from: sql`from ${ti}`,
  id: ti.id,
  where: ({ f, scope }) => [scope, ...filterSql(f, { ignoreEmployment: true })],
  sort: () => [{ expr: ti.fromDate, dir: 'desc' }, { expr: ti.createdAt, dir: 'desc' }],
  tab: { column: ti.employment, values: INSPECTOR_EMPLOYMENTS, where: ({ f }, e) => (f.employment ? sql`${e} = ${f.employment}` : undefined) },
  rows: (db, ids) => listQuery(db).where(idIn(ti.id, ids)),
  rowId: (r) => r.r.id,
});

export const findInScope = (db: DbOrTx, scope: SQL, id: string) =>
  listQuery(db).where(and(eq(ti.id, id), scope)).limit(1).then((r) => r[0] ?? null);

export async function insertInspector(db: DbOrTx, row: typeof ti.$inferInsert) {
  const [r] = await db.insert(ti).values(row).returning();
  return r!;
}

/** Conditional on the version read and on not being voided: null means someone else changed it first. */
export async function updateInspector(db: DbOrTx, id: string, version: number, set: Partial<typeof ti.$inferInsert>) {
  const [r] = await db
    .update(ti)
    .set({ ...set, version: sql`${ti.version} + 1` })
    .where(and(eq(ti.id, id), eq(ti.version, version), isNull(ti.voidedAt)))
    .returning();
  return r ?? null;
}

export const findUnit = (db: DbOrTx, id: string) =>
  db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1).then((r) => r[0] ?? null);

export const findUserName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');

/** The district and its townships, in order: the levels a count is given for. */
export const regionsOf = (db: DbOrTx, districtId: string) =>
  db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind }).from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), inArray(orgUnits.kind, ['district', 'township'])))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));

/** Live entries serving on `day`, per roster (null: the district's own) and employment. */
export const countOn = (db: DbOrTx, scope: SQL, day: string) =>
  db.select({ townshipId: ti.townshipId, employment: ti.employment, n: sql<number>`count(*)::int` }).from(ti)
    .where(and(scope, isNull(ti.voidedAt), activeOnSql(day)))
    .groupBy(ti.townshipId, ti.employment);
