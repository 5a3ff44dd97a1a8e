import { and, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDrillFilter } from '../../../contract/drills.ts';
import type { DbOrTx } from '../../db/client.ts';
import { drillRequirements, enterprises, orgUnits, safetyActivities as sa, users } from '../../db/schema/index.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import { ACTIVITY_CATEGORIES, type ActivityCategory } from '../../../domain/drills/drill-requirement.ts';

export type DrillRow = typeof sa.$inferSelect;

export function filterSql(f: Partial<TDrillFilter>): SQL[] {
  const c: SQL[] = f.includeVoided ? [] : [sql`${sa.voidedAt} is null`];
  if (f.enterpriseId) c.push(eq(sa.enterpriseId, f.enterpriseId));
  if (f.unitId) c.push(eq(sa.unitId, f.unitId));
  if (f.category) c.push(eq(sa.category, f.category));
  if (f.kind) c.push(eq(sa.kind, f.kind));
  if (f.staff === true) c.push(sql`${sa.unitId} is not null`);
  if (f.staff === false) c.push(sql`${sa.enterpriseId} is not null`);
  if (f.verified === true) c.push(sql`${sa.verifiedAt} is not null`);
  if (f.verified === false) c.push(sql`${sa.verifiedAt} is null`);
  if (f.from) c.push(sql`${sa.heldOn} >= ${f.from}`);
  if (f.to) c.push(sql`${sa.heldOn} <= ${f.to}`);
  // by the subject's name (an enterprise's or a trained unit's) or the content: subqueries, so the list needs no join
  const named = containsText(f.q, sql`x.name`);
  if (named) {
    c.push(sql`(${sa.enterpriseId} in (select x.id from ${enterprises} x where ${named}) or ${sa.unitId} in (select x.id from ${orgUnits} x where ${named})
      or ${containsText(f.q, sa.content)!})`);
  }
  return c;
}

const unit = alias(orgUnits, 'trained_unit');
const verifier = alias(users, 'verifier');
const columns = { r: sa, enterpriseName: enterprises.name, unitName: unit.name, verifiedByName: verifier.displayName };
function rowsQuery(db: DbOrTx) {
  return db.select(columns).from(sa)
    .leftJoin(enterprises, eq(enterprises.id, sa.enterpriseId))
    .leftJoin(unit, eq(unit.id, sa.unitId))
    .leftJoin(verifier, eq(verifier.id, sa.verifiedBy));
}
export type DrillListRow = Awaited<ReturnType<ReturnType<typeof rowsQuery>['execute']>>[number];

export const drillList = defineListQuery<{ f: TDrillFilter; scope: SQL }, DrillListRow, ActivityCategory>({
  from: sql`from ${sa}`,
  id: sa.id,
  where: ({ f, scope }) => [scope, ...filterSql({ ...f, category: undefined })],
  tab: { column: sa.category, values: ACTIVITY_CATEGORIES, where: ({ f }, value) => (f.category ? sql`${value} = ${f.category}` : undefined) },
  sort: () => [{ expr: sa.heldOn, dir: 'desc' }, { expr: sa.createdAt, dir: 'desc' }],
  rows: (db, ids) => rowsQuery(db).where(idIn(sa.id, ids)),
  rowId: (r) => r.r.id,
});

export const findInScope = (db: DbOrTx, scope: SQL, id: string) =>
  rowsQuery(db).where(and(eq(sa.id, id), scope)).limit(1).then((r) => r[0] ?? null);

export async function insertDrill(db: DbOrTx, row: typeof sa.$inferInsert) {
  const [r] = await db.insert(sa).values(row).returning();
  return r!;
}

export async function updateDrill(db: DbOrTx, id: string, version: number, set: Partial<typeof sa.$inferInsert>) {
  const [r] = await db.update(sa).set({ ...set, version: sql`${sa.version} + 1` }).where(and(eq(sa.id, id), eq(sa.version, version))).returning();
  return r ?? null;
}

export const findUnit = (db: DbOrTx, districtId: string, id: string) =>
  db.select().from(orgUnits).where(and(eq(orgUnits.id, id), eq(orgUnits.districtId, districtId))).limit(1).then((r) => r[0] ?? null);

export const findUserName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');

export const findRequirement = (db: DbOrTx, districtId: string) =>
  db.select().from(drillRequirements).where(eq(drillRequirements.districtId, districtId)).limit(1).then((r) => r[0] ?? null);
