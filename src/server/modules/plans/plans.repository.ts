// Queries of the annual inspection plans. Coverage is derived in SQL (domain coversPlanEntry said in SQL): an entry is covered by a
// completed inspection linked to it (inspections_plan_entry_idx), or by a completed inspection of an
// authority type by the plan's unit of the same enterprise in the entry's month
// (inspections_enterprise_date_idx).
import { and, asc, between, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { AUTHORITY_INSPECTION_TYPES } from '../../../domain/inspections/inspection-rules.ts';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises, inspectionPlanEntries as entries, inspectionPlans as plans, inspections, orgUnits } from '../../db/schema/index.ts';
import { containsText } from '../../kernel/list-query.ts';

export type PlanRow = typeof plans.$inferSelect;
export type EntryRow = typeof entries.$inferSelect;
/** The domain's authority types as a SQL list (constants, so inlined: the SQL text stays the same for every query). */
const AUTHORITY = sql.raw(`(${AUTHORITY_INSPECTION_TYPES.map((t) => `'${t}'`).join(', ')})`);

const monthStartSql = sql`make_date(${plans.year}, ${entries.month}::int, 1)`;
/** Needs `plans` joined on the entry's plan. */
export const coveredSql = sql`(
  exists (select 1 from ${inspections} i where i.plan_entry_id = ${entries.id} and i.status = 'completed')
  or exists (select 1 from ${inspections} i where i.enterprise_id = ${entries.enterpriseId} and i.unit_id = ${plans.unitId}
    and i.status = 'completed' and i.type in ${AUTHORITY}
    and i.inspected_on >= ${monthStartSql} and i.inspected_on < (${monthStartSql} + interval '1 month')::date)
)`;
/** The entry's month is over (before today's month) and it is not covered. */
export const overdueSql = (today: string) => sql`((${monthStartSql} + interval '1 month')::date <= ${today}::date and not ${coveredSql})`;

// ---- plans

export function listPlans(db: DbOrTx, where: SQL, page: number, pageSize: number) {
  return Promise.all([
    db
      .select({ p: plans, unitName: orgUnits.name })
      .from(plans)
      .innerJoin(orgUnits, eq(orgUnits.id, plans.unitId))
      .where(where)
      .orderBy(desc(plans.year), asc(orgUnits.sortOrder), asc(orgUnits.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(plans).where(where).then((r) => r[0]?.n ?? 0),
  ]).then(([items, total]) => ({ items, total }));
}

export function findPlan(db: DbOrTx, where: SQL, id: string) {
  return db
    .select({ p: plans, unitName: orgUnits.name })
    .from(plans)
    .innerJoin(orgUnits, eq(orgUnits.id, plans.unitId))
    .where(and(eq(plans.id, id), where))
    .limit(1)
    .then((r) => r[0] ?? null);
}

export async function insertPlan(db: DbOrTx, row: typeof plans.$inferInsert) {
  const [r] = await db.insert(plans).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function updatePlan(db: DbOrTx, id: string, version: number | null, set: Partial<typeof plans.$inferInsert>) {
  const where = version === null ? eq(plans.id, id) : and(eq(plans.id, id), eq(plans.version, version));
  const [r] = await db.update(plans).set({ ...set, version: sql`${plans.version} + 1` }).where(where).returning();
  return r ?? null;
}

/** Planned, covered and key counts of several plans (one list page). */
export async function totalsOf(db: DbOrTx, planIds: string[]) {
  if (planIds.length === 0) return new Map<string, { planned: number; covered: number; keyPlanned: number }>();
  const rows = await db
    .select({
      planId: entries.planId,
      planned: sql<number>`count(*)::int`,
      covered: sql<number>`count(*) filter (where ${coveredSql})::int`,
      keyPlanned: sql<number>`count(*) filter (where ${entries.isKey})::int`,
    })
    .from(entries)
    .innerJoin(plans, eq(plans.id, entries.planId))
    .where(inArray(entries.planId, planIds))
    .groupBy(entries.planId);
  return new Map(rows.map((r) => [r.planId, r]));
}

/** Per month of one plan: planned, covered, key planned and covered, overdue. */
export function monthTotals(db: DbOrTx, planId: string, today: string) {
  return db
    .select({
      month: entries.month,
      planned: sql<number>`count(*)::int`,
      covered: sql<number>`count(*) filter (where ${coveredSql})::int`,
      keyPlanned: sql<number>`count(*) filter (where ${entries.isKey})::int`,
      keyCovered: sql<number>`count(*) filter (where ${entries.isKey} and ${coveredSql})::int`,
      overdue: sql<number>`count(*) filter (where ${overdueSql(today)})::int`,
    })
    .from(entries)
    .innerJoin(plans, eq(plans.id, entries.planId))
    .where(eq(entries.planId, planId))
    .groupBy(entries.month);
}

// ---- entries

export interface EntryFilter {
  month?: number | undefined;
  isKey?: boolean | undefined;
  covered?: boolean | undefined;
  overdue?: boolean | undefined;
  q?: string | undefined;
}

function entryWhere(planId: string, f: EntryFilter, today: string): SQL {
  const c: SQL[] = [eq(entries.planId, planId)];
  if (f.month) c.push(eq(entries.month, f.month));
  if (f.isKey !== undefined) c.push(eq(entries.isKey, f.isKey));
  if (f.covered === true) c.push(coveredSql);
  if (f.covered === false) c.push(sql`not ${coveredSql}`);
  if (f.overdue === true) c.push(overdueSql(today));
  if (f.overdue === false) c.push(sql`not ${overdueSql(today)}`);
  if (f.q) c.push(containsText(f.q, enterprises.name)!);
  return and(...c)!;
}

function entrySelect(db: DbOrTx, today: string) {
  return db
    .select({
      e: entries,
      enterpriseName: enterprises.name,
      villageName: orgUnits.name,
      covered: sql<boolean>`${coveredSql}`,
      overdue: sql<boolean>`${overdueSql(today)}`,
    })
    .from(entries)
    .innerJoin(plans, eq(plans.id, entries.planId))
    .innerJoin(enterprises, eq(enterprises.id, entries.enterpriseId))
    .innerJoin(orgUnits, eq(orgUnits.id, enterprises.villageId));
}

export async function listEntries(db: DbOrTx, planId: string, f: EntryFilter, today: string, page: number, pageSize: number) {
  const where = entryWhere(planId, f, today);
  const [items, total] = await Promise.all([
    entrySelect(db, today).where(where).orderBy(asc(entries.month), desc(entries.isKey), asc(enterprises.name), asc(entries.id)).limit(pageSize).offset((page - 1) * pageSize),
    db
      .select({ n: count() })
      .from(entries)
      .innerJoin(plans, eq(plans.id, entries.planId))
      .innerJoin(enterprises, eq(enterprises.id, entries.enterpriseId))
      .where(where)
      .then((r) => r[0]?.n ?? 0),
  ]);
  return { items, total };
}

export function entryView(db: DbOrTx, entryId: string, today: string) {
  return entrySelect(db, today).where(eq(entries.id, entryId)).limit(1).then((r) => r[0] ?? null);
}

/** The completed inspections covering some entries of one plan (the plan's unit and year given). */
export async function coveringInspections(db: DbOrTx, plan: PlanRow, list: EntryRow[]) {
  if (list.length === 0) return [];
  const ids = list.map((e) => e.id);
  const ents = [...new Set(list.map((e) => e.enterpriseId))];
  return db
    .select({ id: inspections.id, number: inspections.number, inspectedOn: inspections.inspectedOn, enterpriseId: inspections.enterpriseId, planEntryId: inspections.planEntryId, unitId: inspections.unitId, type: inspections.type })
    .from(inspections)
    .where(
      and(
        eq(inspections.status, 'completed'),
        or(
          inArray(inspections.planEntryId, ids),
          and(
            inArray(inspections.enterpriseId, ents),
            eq(inspections.unitId, plan.unitId),
            sql`${inspections.type} in ${AUTHORITY}`,
            between(inspections.inspectedOn, `${plan.year}-01-01`, `${plan.year}-12-31`),
          ),
        ),
      ),
    )
    .orderBy(desc(inspections.inspectedOn));
}

export function findEntry(db: DbOrTx, planId: string, entryId: string) {
  return db.select().from(entries).where(and(eq(entries.id, entryId), eq(entries.planId, planId))).limit(1).then((r) => r[0] ?? null);
}

export async function insertEntries(db: DbOrTx, rows: (typeof entries.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(entries).values(rows).onConflictDoNothing().returning();
}

export async function deleteEntry(db: DbOrTx, entryId: string) {
  const [r] = await db.delete(entries).where(eq(entries.id, entryId)).returning();
  return r ?? null;
}

export function linkedInspectionCount(db: DbOrTx, entryId: string) {
  return db.select({ n: count() }).from(inspections).where(eq(inspections.planEntryId, entryId)).then((r) => r[0]?.n ?? 0);
}

/** Enterprises (id, district, township, village, sectors, isKey) for the unit-scope check of new entries. */
export function enterprisesByIds(db: DbOrTx, districtId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: enterprises.id, districtId: enterprises.districtId, townshipId: enterprises.townshipId, villageId: enterprises.villageId,
      sectorIds: enterprises.sectorIds, isKey: enterprises.isKey, name: enterprises.name, voidedAt: enterprises.voidedAt,
    })
    .from(enterprises)
    .where(and(eq(enterprises.districtId, districtId), inArray(enterprises.id, ids)));
}

// ---- 重点企业未覆盖

/**
 * Key enterprises of a plan not inspected this year: no completed authority inspection by the plan's
 * unit in the plan's year and none linked to their entries. Overdue: the first planned month is over.
 */
export async function keyUncovered(db: DbOrTx, plan: PlanRow, today: string, page: number, pageSize: number) {
  const yearFrom = `${plan.year}-01-01`;
  const yearTo = `${plan.year}-12-31`;
  const where = and(
    eq(entries.planId, plan.id),
    eq(entries.isKey, true),
    sql`not exists (select 1 from ${inspections} i where i.enterprise_id = ${entries.enterpriseId} and i.unit_id = ${plan.unitId}
      and i.status = 'completed' and i.type in ${AUTHORITY} and i.inspected_on between ${yearFrom} and ${yearTo})`,
    sql`not exists (select 1 from ${inspections} i join ${entries} pe on pe.id = i.plan_entry_id
      where pe.plan_id = ${plan.id} and pe.enterprise_id = ${entries.enterpriseId} and i.status = 'completed')`,
  );
  const firstMonth = sql`min(${entries.month})::int`;
  const [items, total] = await Promise.all([
    db
      .select({
        enterpriseId: entries.enterpriseId,
        enterpriseName: enterprises.name,
        villageName: orgUnits.name,
        months: sql<number[]>`array_agg(${entries.month}::int order by ${entries.month})`,
        overdue: sql<boolean>`(make_date(${plan.year}, ${firstMonth}, 1) + interval '1 month')::date <= ${today}::date`,
      })
      .from(entries)
      .innerJoin(enterprises, eq(enterprises.id, entries.enterpriseId))
      .innerJoin(orgUnits, eq(orgUnits.id, enterprises.villageId))
      .where(where)
      .groupBy(entries.enterpriseId, enterprises.name, orgUnits.name)
      .orderBy(asc(firstMonth), asc(enterprises.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(distinct ${entries.enterpriseId})::int` })
      .from(entries)
      .where(where)
      .then((r) => r[0]?.n ?? 0),
  ]);
  return { items, total };
}

// ---- units a plan may belong to

/** A region's township and district level units, and departments, for the create form. */
export function planUnitCandidates(db: DbOrTx, districtId: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, parentId: orgUnits.parentId, sectorIds: orgUnits.sectorIds })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.active, true), sql`${orgUnits.kind} in ('district', 'township', 'department')`))
    .orderBy(asc(orgUnits.kind), asc(orgUnits.sortOrder), asc(orgUnits.name))
    .limit(2000);
}

export function findUnit(db: DbOrTx, districtId: string, id: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, parentId: orgUnits.parentId, sectorIds: orgUnits.sectorIds })
    .from(orgUnits)
    .where(and(eq(orgUnits.districtId, districtId), eq(orgUnits.id, id)))
    .limit(1)
    .then((r) => r[0] ?? null);
}
