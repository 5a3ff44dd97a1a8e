import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TCaseFilter } from '../../../contract/cases.ts';
import { CASE_STATUSES, type CaseStatus, MEASURE_KINDS } from '../../../domain/enforcement/enforcement.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  enforcementCases as cases, enforcementMeasures as measures, enterprises, hazards, inspections, orgUnits, users,
} from '../../db/schema/index.ts';

export type CaseRow = typeof cases.$inferSelect;
export type MeasureRow = typeof measures.$inferSelect;
const village = alias(orgUnits, 'village');
const handling = alias(orgUnits, 'handling');

const hasMeasure = (kind: string) => sql`exists (select 1 from ${measures} where ${measures.caseId} = ${cases.id} and ${measures.kind} = ${kind})`;

export function filterSql(f: Partial<TCaseFilter>, opts: { ignoreStatus?: boolean } = {}): SQL[] {
  const c: SQL[] = [];
  if (f.q) {
    const byName = sql`${cases.enterpriseId} in (select ${enterprises.id} from ${enterprises} where ${containsText(f.q, enterprises.name)})`;
    c.push(or(containsText(f.q, cases.number, cases.title), byName)!);
  }
  if (f.status && !opts.ignoreStatus) c.push(eq(cases.status, f.status));
  if (f.measureKind) c.push(hasMeasure(f.measureKind));
  if (f.dualPenalty === true) c.push(and(gt(cases.fineOnEnterpriseFen, 0), gt(cases.fineOnPrincipalFen, 0))!);
  if (f.dualPenalty === false) c.push(sql`not (${cases.fineOnEnterpriseFen} > 0 and ${cases.fineOnPrincipalFen} > 0)`);
  if (f.published !== undefined) c.push(eq(cases.published, f.published));
  if (f.dangerousOperationCrime !== undefined) c.push(eq(cases.dangerousOperationCrime, f.dangerousOperationCrime));
  if (f.unitId) c.push(eq(cases.unitId, f.unitId));
  if (f.villageId) c.push(eq(cases.villageId, f.villageId));
  if (f.enterpriseId) c.push(eq(cases.enterpriseId, f.enterpriseId));
  if (f.hazardId) c.push(eq(cases.hazardId, f.hazardId));
  if (f.inspectionId) c.push(eq(cases.inspectionId, f.inspectionId));
  if (f.from) c.push(sql`${cases.filedOn} >= ${f.from}`);
  if (f.to) c.push(sql`${cases.filedOn} <= ${f.to}`);
  return c;
}

const listColumns = { c: cases, enterpriseName: enterprises.name, villageName: village.name, unitName: handling.name };

function listQuery(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(cases)
    .innerJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .innerJoin(village, eq(village.id, cases.villageId))
    .innerJoin(handling, eq(handling.id, cases.unitId));
}
export type CaseListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

export interface CaseListArgs {
  f: TCaseFilter;
  scope: SQL;
}

const DUAL = sql`(${cases.fineOnEnterpriseFen} > 0 and ${cases.fineOnPrincipalFen} > 0)`;

/**
 * The case list: page, total, the status tabs and the report figures of the cases (fines, 一案双罚,
 * 典型案例) per status in one scan; keyset batches for the export.
 */
export const caseList = defineListQuery<CaseListArgs, CaseListRow, CaseStatus>({
  from: sql`from ${cases}`,
  id: cases.id,
  where: ({ f, scope }) => [scope, ...filterSql(f, { ignoreStatus: true })],
  sort: () => [{ expr: cases.filedOn, dir: 'desc' }, { expr: cases.number, dir: 'desc' }],
  tab: {
    column: cases.status,
    values: CASE_STATUSES,
    where: ({ f }, status) => (f.status ? sql`${status} = ${f.status}` : undefined),
    tallies: () => ({
      finesFen: sql`coalesce(${cases.fineOnEnterpriseFen}, 0) + coalesce(${cases.fineOnPrincipalFen}, 0)`,
      dualPenalty: sql`(${DUAL})::int`,
      published: sql`(${cases.published})::int`,
      dangerousOperationCrime: sql`(${cases.published} and ${cases.dangerousOperationCrime})::int`,
    }),
  },
  rows: (db, ids) => listQuery(db).where(idIn(cases.id, ids)),
  rowId: (r) => r.c.id,
});

/** The measures of the filtered cases by kind (cases and persons), for the report-form figures. */
export function measuresByKind(db: DbOrTx, scope: SQL, f: TCaseFilter) {
  return db
    .select({
      kind: measures.kind,
      cases: sql<number>`count(distinct ${measures.caseId})::int`,
      persons: sql<number>`coalesce(sum(${measures.personCount}), 0)::int`,
    })
    .from(measures)
    .innerJoin(cases, eq(cases.id, measures.caseId))
    .where(and(scope, ...filterSql(f)))
    .groupBy(measures.kind);
}

export function findCaseInScope(db: DbOrTx, scope: SQL, id: string) {
  return listQuery(db)
    .where(and(eq(cases.id, id), scope))
    .limit(1)
    .then((r) => r[0] ?? null);
}

export async function insertCase(db: DbOrTx, row: typeof cases.$inferInsert) {
  const [r] = await db.insert(cases).values(row).returning();
  return r!;
}

/** Conditional on the version read: null means someone else changed the case first. */
export async function updateCase(db: DbOrTx, id: string, version: number, set: Partial<typeof cases.$inferInsert>) {
  const [r] = await db
    .update(cases)
    .set({ ...set, version: sql`${cases.version} + 1` })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning();
  return r ?? null;
}


export async function insertMeasures(db: DbOrTx, rows: (typeof measures.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(measures).values(rows).returning();
}
/** A decision's measures are inserted together: shown in the order of the kinds (行政处罚 first). */
const kindOrder = sql`array_position(array[${sql.join(MEASURE_KINDS.map((k) => sql`${k}`), sql`, `)}]::text[], ${measures.kind})`;
export const measuresOf = (db: DbOrTx, caseId: string) =>
  db.select().from(measures).where(eq(measures.caseId, caseId)).orderBy(asc(measures.decidedOn), kindOrder, asc(measures.id)).limit(100);
/** Measures of a page of cases, for the list's kinds and referral persons. */
export function measuresOfCases(db: DbOrTx, caseIds: string[]) {
  if (caseIds.length === 0) return Promise.resolve([] as MeasureRow[]);
  return db.select().from(measures).where(inArray(measures.caseId, caseIds)).orderBy(asc(measures.decidedOn), kindOrder, asc(measures.id));
}
export async function markMeasuresExecuted(db: DbOrTx, caseId: string, executedOn: string) {
  await db.update(measures).set({ executedOn }).where(and(eq(measures.caseId, caseId), sql`${measures.executedOn} is null`));
}

export const findUserName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');
export const findUnitRow = (db: DbOrTx, id: string) =>
  db.select().from(orgUnits).where(eq(orgUnits.id, id)).limit(1).then((r) => r[0] ?? null);

/** An inspection of the district, with what a case needs of it. */
export const findInspection = (db: DbOrTx, districtId: string, id: string) =>
  db
    .select({
      id: inspections.id, number: inspections.number, enterpriseId: inspections.enterpriseId, status: inspections.status, inspectedOn: inspections.inspectedOn,
      type: inspections.type, failedCount: inspections.failedCount,
    })
    .from(inspections)
    .where(and(eq(inspections.id, id), eq(inspections.districtId, districtId)))
    .limit(1)
    .then((r) => r[0] ?? null);

/** A hazard by id, with the facts 依法不予处罚 depends on. */
export const findHazardBrief = (db: DbOrTx, id: string) =>
  db
    .select({
      id: hazards.id, number: hazards.number, enterpriseId: hazards.enterpriseId, description: hazards.description,
      source: hazards.source, level: hazards.level, status: hazards.status, districtId: hazards.districtId,
    })
    .from(hazards)
    .where(eq(hazards.id, id))
    .limit(1)
    .then((r) => r[0] ?? null);
