import { and, asc, desc, eq, gt, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { THazardFilter } from '../../../contract/hazards.ts';
import { HAZARD_STATUSES, type HazardStatus, OPEN_HAZARD_STATUSES } from '../../../domain/hazards/hazard-machine.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import { shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { RegionRef } from '../../../domain/access/scope.ts';
import { ledgerStatuses } from '../../../domain/hazards/ledger-tabs.ts';
import type { DbOrTx } from '../../db/client.ts';
import { ledgerTabCounts, summaryQueryOf } from './hazard-counts.ts';
import {
  enterprises, hazardCriteria, hazardExtensions, hazardListings, hazardPlans, hazardReports, hazardTransfers,
  hazards, inspections, orgUnits, publicReports, sectors, users,
} from '../../db/schema/index.ts';

export type HazardRow = typeof hazards.$inferSelect;
const village = alias(orgUnits, 'village');
const responsible = alias(orgUnits, 'responsible');

const OPEN = sql.join(OPEN_HAZARD_STATUSES.map((s) => sql`${s}`), sql`, `);

export const overdueSql = (today: string) => sql`(${hazards.status} in (${OPEN}) and ${hazards.dueDate} < ${today})`;

/** The ledger's filters but its tab choices (state, 在改, 含已作废: ledgerStatuses, in the list's tab). */
export function filterSql(f: Partial<THazardFilter>, today: string): SQL[] {
  const c: SQL[] = [];
  if (f.q) {
    const byName = sql`${hazards.enterpriseId} in (select ${enterprises.id} from ${enterprises} where ${containsText(f.q, enterprises.name)})`;
    c.push(or(containsText(f.q, hazards.number, hazards.description), byName)!);
  }
  if (f.level) c.push(eq(hazards.level, f.level));
  if (f.source) c.push(eq(hazards.source, f.source));
  if (f.villageId) c.push(eq(hazards.villageId, f.villageId));
  if (f.responsibleUnitId) c.push(eq(hazards.responsibleUnitId, f.responsibleUnitId));
  if (f.sectorId) c.push(eq(hazards.sectorId, f.sectorId));
  if (f.enterpriseId) c.push(eq(hazards.enterpriseId, f.enterpriseId));
  if (f.overdue === true) c.push(overdueSql(today));
  if (f.overdue === false) c.push(sql`not ${overdueSql(today)}`);
  if (f.listed !== undefined) c.push(f.listed ? isNotNull(hazards.listingLevel) : isNull(hazards.listingLevel));
  if (f.transferred !== undefined) c.push(f.transferred ? gt(hazards.transferCount, 0) : eq(hazards.transferCount, 0));
  if (f.reopened !== undefined) c.push(f.reopened ? gt(hazards.reopenCount, 0) : eq(hazards.reopenCount, 0));
  if (f.from) c.push(sql`${hazards.foundAt} >= ${shanghaiDayStart(f.from)}`);
  if (f.to) c.push(lt(hazards.foundAt, shanghaiDayStart(f.to, 1)));
  return c;
}

const listColumns = {
  h: hazards,
  enterpriseName: enterprises.name,
  villageName: village.name,
  responsibleUnitName: responsible.name,
  sectorName: sectors.name,
};

function listQuery(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .innerJoin(village, eq(village.id, hazards.villageId))
    .innerJoin(responsible, eq(responsible.id, hazards.responsibleUnitId))
    .innerJoin(sectors, eq(sectors.id, hazards.sectorId));
}
export type HazardListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

// A ledger row needs half the hazard's columns: lists and exports read only those (the detail reads all).
const h = hazards;
const itemColumns = {
  h: {
    id: h.id, number: h.number, enterpriseId: h.enterpriseId, villageId: h.villageId, source: h.source, foundAt: h.foundAt,
    description: h.description, location: h.location, sectorId: h.sectorId, level: h.level, status: h.status, fixedOnSpot: h.fixedOnSpot,
    dueDate: h.dueDate, listingLevel: h.listingLevel, transferCount: h.transferCount, pendingTransferId: h.pendingTransferId,
    reopenCount: h.reopenCount, responsibleUnitId: h.responsibleUnitId, closedAt: h.closedAt, version: h.version,
  },
  enterpriseName: enterprises.name,
  villageName: village.name,
  responsibleUnitName: responsible.name,
  sectorName: sectors.name,
};
function itemQuery(db: DbOrTx) {
  return db
    .select(itemColumns)
    .from(hazards)
    .innerJoin(enterprises, eq(enterprises.id, hazards.enterpriseId))
    .innerJoin(village, eq(village.id, hazards.villageId))
    .innerJoin(responsible, eq(responsible.id, hazards.responsibleUnitId))
    .innerJoin(sectors, eq(sectors.id, hazards.sectorId));
}
/** A hazard as the ledger lists it. */
export type HazardItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['execute']>>[number];

/** What a ledger query is run for: the filter, the actor's scope and the township's day (overdue). */
export interface HazardListArgs {
  f: THazardFilter;
  scope: SQL;
  today: string;
  /** The whole region the scope is, when it is one: its summary rows count the tabs (hazard-counts.ts). */
  region?: (RegionRef & { districtId: string }) | null;
}


/**
 * The ledger: page, total and the status tabs' counts (with how many of each are overdue) in one
 * scan; keyset batches for the export. The tabs count under every filter but the status, 在改 and
 * 含已作废 (the tab bar shows them all); the page and total apply those on the status.
 */
export const hazardList = defineListQuery<HazardListArgs, HazardItemRow, HazardStatus>({
  from: sql`from ${hazards}`,
  id: hazards.id,
  where: ({ f, scope, today }) => [scope, ...filterSql(f, today)],
  // Overdue ones most overdue first (what is listed to be chased), the rest newest found first.
  sort: ({ f }) => (f.overdue === true ? [{ expr: hazards.dueDate, dir: 'asc' }] : [{ expr: hazards.foundAt, dir: 'desc' }]),
  tab: {
    column: hazards.status,
    values: HAZARD_STATUSES,
    where: ({ f }, status) => {
      const listed = ledgerStatuses(f);
      if (listed.length === HAZARD_STATUSES.length) return undefined;
      return listed.length ? sql`${status} in (${sql.join(listed.map((s) => sql`${s}`), sql`, `)})` : sql`false`;
    },
    tallies: ({ today }) => ({ overdue: sql`(${overdueSql(today)})::int` }),
  },
  counts: async (db, { f, today, region }) => {
    const q = region && summaryQueryOf(region.districtId, region, { ...f, page: undefined, pageSize: undefined } as Partial<THazardFilter>, today);
    if (!q) return null;
    const counts = await ledgerTabCounts(db, q, today, f);
    return { counts, total: ledgerStatuses(f).reduce((n, s) => n + counts[s].n, 0) };
  },
  // One array parameter, not 5,000 (an export batch): binding each id costs more than the join.
  rows: (db, ids) => itemQuery(db).where(idIn(hazards.id, ids)),
  rowId: (r) => r.h.id,
});

export function findHazardInScope(db: DbOrTx, scope: SQL, id: string) {
  return listQuery(db)
    .where(and(eq(hazards.id, id), scope))
    .limit(1)
    .then((r) => r[0] ?? null);
}

export async function insertHazard(db: DbOrTx, row: typeof hazards.$inferInsert) {
  const [r] = await db.insert(hazards).values(row).returning();
  return r!;
}

/** Conditional on the version read: null means someone else changed the hazard first. */
export async function updateHazard(db: DbOrTx, id: string, version: number, set: Partial<typeof hazards.$inferInsert>) {
  const [r] = await db
    .update(hazards)
    .set({ ...set, version: sql`${hazards.version} + 1` })
    .where(and(eq(hazards.id, id), eq(hazards.version, version)))
    .returning();
  return r ?? null;
}

export const plansOf = (db: DbOrTx, hazardId: string) =>
  db.select().from(hazardPlans).where(eq(hazardPlans.hazardId, hazardId)).orderBy(desc(hazardPlans.createdAt)).limit(50);
export const extensionsOf = (db: DbOrTx, hazardId: string) =>
  db.select().from(hazardExtensions).where(eq(hazardExtensions.hazardId, hazardId)).orderBy(asc(hazardExtensions.requestedAt)).limit(50);
export const listingsOf = (db: DbOrTx, hazardId: string) =>
  db.select().from(hazardListings).where(eq(hazardListings.hazardId, hazardId)).orderBy(asc(hazardListings.createdAt)).limit(50);
export const reportsOf = (db: DbOrTx, hazardId: string) =>
  db.select().from(hazardReports).where(eq(hazardReports.hazardId, hazardId)).orderBy(asc(hazardReports.reportedAt)).limit(50);
const fromUnit = alias(orgUnits, 'from_unit');
const toUnit = alias(orgUnits, 'to_unit');
export const transfersOf = (db: DbOrTx, hazardId: string) =>
  db
    .select({ t: hazardTransfers, fromUnitName: fromUnit.name, toUnitName: toUnit.name })
    .from(hazardTransfers)
    .innerJoin(fromUnit, eq(fromUnit.id, hazardTransfers.fromUnitId))
    .innerJoin(toUnit, eq(toUnit.id, hazardTransfers.toUnitId))
    .where(eq(hazardTransfers.hazardId, hazardId))
    .orderBy(asc(hazardTransfers.requestedAt))
    .limit(50);

export async function insertPlan(db: DbOrTx, row: typeof hazardPlans.$inferInsert) {
  const [r] = await db.insert(hazardPlans).values(row).returning();
  return r!;
}
export async function insertExtension(db: DbOrTx, row: typeof hazardExtensions.$inferInsert) {
  const [r] = await db.insert(hazardExtensions).values(row).returning();
  return r!;
}
export async function decideExtension(db: DbOrTx, id: string, set: Partial<typeof hazardExtensions.$inferInsert>) {
  await db.update(hazardExtensions).set(set).where(eq(hazardExtensions.id, id));
}
export async function insertListing(db: DbOrTx, row: typeof hazardListings.$inferInsert) {
  await db.insert(hazardListings).values(row);
}
export async function insertTransfer(db: DbOrTx, row: typeof hazardTransfers.$inferInsert) {
  const [r] = await db.insert(hazardTransfers).values(row).returning();
  return r!;
}
export async function decideTransfer(db: DbOrTx, id: string, set: Partial<typeof hazardTransfers.$inferInsert>) {
  await db.update(hazardTransfers).set(set).where(eq(hazardTransfers.id, id));
}
export async function insertReport(db: DbOrTx, row: typeof hazardReports.$inferInsert) {
  await db.insert(hazardReports).values(row);
}
export const findTransfer = (db: DbOrTx, id: string) =>
  db.select().from(hazardTransfers).where(eq(hazardTransfers.id, id)).limit(1).then((r) => r[0] ?? null);
export const findExtension = (db: DbOrTx, id: string) =>
  db.select().from(hazardExtensions).where(eq(hazardExtensions.id, id)).limit(1).then((r) => r[0] ?? null);

export const findUserName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');
export const findUnitRow = (db: DbOrTx, id: string) =>
  db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1).then((r) => r[0] ?? null);

/** The department of a region that supervises a sector (first by sort order), if any. */
export function supervisingDepartment(db: DbOrTx, regionId: string, sectorId: string) {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'department'), eq(orgUnits.parentId, regionId), eq(orgUnits.active, true), sql`${sectorId}::uuid = any(${orgUnits.sectorIds})`))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name))
    .limit(1)
    .then((r) => r[0] ?? null);
}

/** 判定依据 suggestions of a district: general ones and, with a sector, that sector's. */
export function criteriaOf(db: DbOrTx, districtId: string, o: { sectorId?: string | undefined; includeInactive?: boolean | undefined } = {}) {
  const conds: SQL[] = [eq(hazardCriteria.districtId, districtId)];
  if (!o.includeInactive) conds.push(eq(hazardCriteria.active, true));
  if (o.sectorId) conds.push(or(isNull(hazardCriteria.sectorId), eq(hazardCriteria.sectorId, o.sectorId))!);
  return db.select().from(hazardCriteria).where(and(...conds)).orderBy(asc(hazardCriteria.sortOrder), asc(hazardCriteria.text)).limit(500);
}

export async function insertCriterion(db: DbOrTx, row: typeof hazardCriteria.$inferInsert) {
  const [r] = await db.insert(hazardCriteria).values(row).returning();
  return r!;
}

export async function updateCriterion(db: DbOrTx, districtId: string, id: string, version: number, set: Partial<typeof hazardCriteria.$inferInsert>) {
  const [r] = await db
    .update(hazardCriteria)
    .set({ ...set, version: sql`${hazardCriteria.version} + 1` })
    .where(and(eq(hazardCriteria.id, id), eq(hazardCriteria.districtId, districtId), eq(hazardCriteria.version, version)))
    .returning();
  return r ?? null;
}

export const findCriterion = (db: DbOrTx, districtId: string, id: string) =>
  db.select().from(hazardCriteria).where(and(eq(hazardCriteria.id, id), eq(hazardCriteria.districtId, districtId))).limit(1).then((r) => r[0] ?? null);

export const findPlan = (db: DbOrTx, id: string) =>
  db.select().from(hazardPlans).where(eq(hazardPlans.id, id)).limit(1).then((r) => r[0] ?? null);

/** The number of the inspection a hazard was found in (for the detail's link back). */
export async function findInspectionNumber(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ number: inspections.number }).from(inspections).where(eq(inspections.id, id)).limit(1);
  return row?.number ?? null;
}

export async function findPublicReportNumber(db: DbOrTx, id: string): Promise<{ id: string; number: string } | null> {
  const [row] = await db.select({ id: publicReports.id, number: publicReports.number }).from(publicReports).where(eq(publicReports.id, id)).limit(1);
  return row ?? null;
}

/** Whether the ledger already holds this hazard: same enterprise, found day and description (the import's duplicate check). */
export async function hazardExists(db: DbOrTx, scope: SQL, h: { enterpriseId: string; description: string; foundOn: string }): Promise<boolean> {
  const [r] = await db
    .select({ id: hazards.id })
    .from(hazards)
    .where(and(
      scope, eq(hazards.enterpriseId, h.enterpriseId), eq(hazards.description, h.description),
      sql`${hazards.foundAt} >= ${shanghaiDayStart(h.foundOn)}`, lt(hazards.foundAt, shanghaiDayStart(h.foundOn, 1)),
    ))
    .limit(1);
  return r !== undefined;
}

/**
 * The dashboard's figures of the hazards in a scope found in a date range (voided ones left out), in
 * one scan grouped four ways: the whole scope, per village, per sector, per status.
 */
