// Queries on inspections, their inspectors and answers, named by intent.
import { and, asc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { InspectionFilter } from '../../../contract/inspections.ts';
import { AUTHORITY_INSPECTION_TYPES, SELF_INSPECTION_TYPES } from '../../../domain/inspections/inspection-rules.ts';
import { INSPECTION_STATUSES } from '../../../contract/inspections.ts';
import { containsText, defineListQuery, idIn } from '../../kernel/list-query.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  checklistTemplateVersions, enterprises, hazards, inspectionAnswers, inspectionInspectors, inspectionPlanEntries, inspectionPlans, inspections, orgUnits, users,
} from '../../db/schema/index.ts';

export type InspectionRow = typeof inspections.$inferSelect;
export type InspectorRow = typeof inspectionInspectors.$inferSelect;
export type AnswerRow = typeof inspectionAnswers.$inferSelect;
type Filter = z.output<typeof InspectionFilter>;

const village = alias(orgUnits, 'village');
const unit = alias(orgUnits, 'unit');

/** Whose inspections: `where` is on inspections, and on enterprises (scopeSql) when `joinsEnterprises`. */
export interface InspectionScope {
  where: SQL;
  joinsEnterprises: boolean;
}

/** The caller, for "mine" and to keep the name search in the district. */
export interface Caller {
  userId: string;
  districtId: string;
}

/** `opts.joinsEnterprises`: the query joins the enterprises, so the name is searched on the joined row. */
export function filterSql(f: Partial<Filter>, caller: Caller, opts: { ignoreStatus?: boolean; joinsEnterprises?: boolean } = {}): SQL[] {
  const c: SQL[] = [];
  if (f.q) {
    // Without the join (a whole region), each side on one table, so the trigram indexes on the number
    // and the enterprise name serve it; a narrower scope has few enterprises, already joined.
    const byName = opts.joinsEnterprises
      ? containsText(f.q, enterprises.name)
      : sql`${inspections.enterpriseId} = any(select ${enterprises.id} from ${enterprises} where ${containsText(f.q, enterprises.name)} and ${enterprises.districtId} = ${caller.districtId})`;
    c.push(or(containsText(f.q, inspections.number), byName)!);
  }
  if (f.type) c.push(eq(inspections.type, f.type));
  if (f.kind === 'self') c.push(inArray(inspections.type, [...SELF_INSPECTION_TYPES]));
  if (f.kind === 'authority') c.push(inArray(inspections.type, [...AUTHORITY_INSPECTION_TYPES]));
  if (f.status && !opts.ignoreStatus) c.push(eq(inspections.status, f.status));
  if (f.methodTag) c.push(sql`${f.methodTag} = any(${inspections.methodTags})`);
  if (f.enterpriseId) c.push(eq(inspections.enterpriseId, f.enterpriseId));
  if (f.villageId) c.push(eq(inspections.villageId, f.villageId));
  if (f.unitId) c.push(eq(inspections.unitId, f.unitId));
  if (f.from) c.push(gte(inspections.inspectedOn, f.from));
  if (f.to) c.push(lte(inspections.inspectedOn, f.to));
  if (f.hasFailed === true) c.push(sql`${inspections.failedCount} > 0`);
  if (f.hasFailed === false) c.push(eq(inspections.failedCount, 0));
  if (f.mine) {
    c.push(
      sql`exists (select 1 from ${inspectionInspectors} where ${inspectionInspectors.inspectionId} = ${inspections.id} and ${inspectionInspectors.userId} = ${caller.userId})`,
    );
  }
  return c;
}

const listColumns = {
  i: inspections,
  enterpriseName: enterprises.name,
  enterpriseAddress: enterprises.address,
  villageName: village.name,
  unitName: unit.name,
  templateName: sql<string>`${checklistTemplateVersions.content}->>'name'`,
  inspectorNames: sql<string[]>`coalesce((select array_agg(${inspectionInspectors.name} order by ${inspectionInspectors.sortOrder}) from ${inspectionInspectors} where ${inspectionInspectors.inspectionId} = ${inspections.id}), '{}')`,
  hazardCount: sql<number>`(select count(*)::int from ${hazards} where ${hazards.inspectionId} = ${inspections.id})`,
};

function listQuery(db: DbOrTx) {
  return db
    .select(listColumns)
    .from(inspections)
    .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .innerJoin(village, eq(village.id, inspections.villageId))
    .innerJoin(unit, eq(unit.id, inspections.unitId))
    .innerJoin(checklistTemplateVersions, eq(checklistTemplateVersions.id, inspections.templateVersionId));
}
export type InspectionListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

export interface InspectionListArgs {
  f: Filter;
  scope: InspectionScope;
  caller: Caller;
}

/**
 * The inspection list: page, total and the status tabs in one scan; keyset batches for the export.
 * The enterprises are joined only when the scope is on them (sectors, a village, an enterprise).
 */
export const inspectionList = defineListQuery<InspectionListArgs, InspectionListRow, (typeof INSPECTION_STATUSES)[number]>({
  from: ({ scope }) => (scope.joinsEnterprises ? sql`from ${inspections} inner join ${enterprises} on ${enterprises.id} = ${inspections.enterpriseId}` : sql`from ${inspections}`),
  id: inspections.id,
  where: ({ f, scope, caller }) => [scope.where, ...filterSql(f, caller, { ignoreStatus: true, joinsEnterprises: scope.joinsEnterprises })],
  sort: () => [{ expr: inspections.inspectedOn, dir: 'desc' }, { expr: inspections.createdAt, dir: 'desc' }],
  tab: { column: inspections.status, values: INSPECTION_STATUSES, where: ({ f }, status) => (f.status ? sql`${status} = ${f.status}` : undefined) },
  rows: (db, ids) => listQuery(db).where(idIn(inspections.id, ids)),
  rowId: (r) => r.i.id,
});

export function findInspectionInScope(db: DbOrTx, scope: SQL, id: string) {
  return listQuery(db)
    .where(and(eq(inspections.id, id), scope))
    .limit(1)
    .then((r) => r[0] ?? null);
}

export async function insertInspection(db: DbOrTx, row: typeof inspections.$inferInsert) {
  const [r] = await db.insert(inspections).values(row).returning();
  return r!;
}

/** Conditional on the version read: null means someone else changed the inspection first. */
export async function updateInspection(db: DbOrTx, id: string, version: number, set: Partial<typeof inspections.$inferInsert>) {
  const [r] = await db
    .update(inspections)
    .set({ ...set, version: sql`${inspections.version} + 1` })
    .where(and(eq(inspections.id, id), eq(inspections.version, version), eq(inspections.status, 'draft')))
    .returning();
  return r ?? null;
}

export async function deleteInspection(db: DbOrTx, id: string) {
  await db.delete(inspectionAnswers).where(eq(inspectionAnswers.inspectionId, id));
  await db.delete(inspectionInspectors).where(eq(inspectionInspectors.inspectionId, id));
  await db.delete(inspections).where(eq(inspections.id, id));
}

export const inspectorsOf = (db: DbOrTx, inspectionId: string) =>
  db.select().from(inspectionInspectors).where(eq(inspectionInspectors.inspectionId, inspectionId)).orderBy(asc(inspectionInspectors.sortOrder));

export async function replaceInspectors(db: DbOrTx, inspectionId: string, rows: (typeof inspectionInspectors.$inferInsert)[]) {
  await db.delete(inspectionInspectors).where(eq(inspectionInspectors.inspectionId, inspectionId));
  if (rows.length) await db.insert(inspectionInspectors).values(rows);
}

/** A change to a draft voids every inspector's signature (they signed other content). */
export async function clearSignatures(db: DbOrTx, inspectionId: string) {
  await db.update(inspectionInspectors).set({ signedAt: null, signatureHash: null }).where(eq(inspectionInspectors.inspectionId, inspectionId));
}

export async function signInspector(db: DbOrTx, inspectionId: string, userId: string, at: Date, hash: string) {
  await db
    .update(inspectionInspectors)
    .set({ signedAt: at, signatureHash: hash })
    .where(and(eq(inspectionInspectors.inspectionId, inspectionId), eq(inspectionInspectors.userId, userId)));
}

export const answersOf = (db: DbOrTx, inspectionId: string) =>
  db.select().from(inspectionAnswers).where(eq(inspectionAnswers.inspectionId, inspectionId)).limit(2000);

export async function upsertAnswer(db: DbOrTx, row: typeof inspectionAnswers.$inferInsert) {
  const { districtId: _d, inspectionId: _i, itemKey: _k, ...set } = row;
  await db.insert(inspectionAnswers).values(row).onConflictDoUpdate({ target: [inspectionAnswers.inspectionId, inspectionAnswers.itemKey], set });
}

export async function setAnswerHazard(db: DbOrTx, inspectionId: string, itemKey: string, hazardId: string) {
  await db
    .update(inspectionAnswers)
    .set({ hazardId })
    .where(and(eq(inspectionAnswers.inspectionId, inspectionId), eq(inspectionAnswers.itemKey, itemKey)));
}

export async function countFailed(db: DbOrTx, inspectionId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inspectionAnswers)
    .where(and(eq(inspectionAnswers.inspectionId, inspectionId), eq(inspectionAnswers.result, 'nonconform')));
  return r?.n ?? 0;
}

/** The hazards created from an inspection's answers. */
export const hazardsOf = (db: DbOrTx, inspectionId: string) =>
  db
    .select({ id: hazards.id, number: hazards.number, status: hazards.status, level: hazards.level, itemKey: hazards.inspectionItemKey })
    .from(hazards)
    .where(eq(hazards.inspectionId, inspectionId))
    .limit(1000);

/** Active users of a unit (and, for enterprise accounts, the same enterprise) among `ids`. */
export function colleaguesAmong(db: DbOrTx, o: { districtId: string; unitId: string; enterpriseId: string | null; ids: string[] }) {
  if (o.ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: users.id, name: users.displayName, certificateNo: users.enforcementCertificateNo })
    .from(users)
    .where(
      and(
        inArray(users.id, o.ids),
        eq(users.districtId, o.districtId),
        eq(users.unitId, o.unitId),
        eq(users.active, true),
        sql`${users.enterpriseId} is not distinct from ${o.enterpriseId}`,
      ),
    );
}

/** Colleagues a caller may pick as co-inspectors (a unit has tens of users, not thousands). */
export function colleaguesOf(db: DbOrTx, o: { districtId: string; unitId: string; enterpriseId: string | null; exceptUserId: string }) {
  return db
    .select({ userId: users.id, name: users.displayName, certificateNo: users.enforcementCertificateNo })
    .from(users)
    .where(
      and(
        eq(users.districtId, o.districtId),
        eq(users.unitId, o.unitId),
        eq(users.active, true),
        sql`${users.enterpriseId} is not distinct from ${o.enterpriseId}`,
        sql`${users.id} <> ${o.exceptUserId}`,
      ),
    )
    .orderBy(asc(users.displayName))
    .limit(500);
}

export const usersFull = (db: DbOrTx, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({
          id: users.id, districtId: users.districtId, unitId: users.unitId, enterpriseId: users.enterpriseId, displayName: users.displayName,
          enforcementCertificateNo: users.enforcementCertificateNo, active: users.active,
        })
        .from(users)
        .where(inArray(users.id, ids));

export const findUserName = (db: DbOrTx, id: string) =>
  db.select({ name: users.displayName }).from(users).where(eq(users.id, id)).limit(1).then((r) => r[0]?.name ?? '');

export const findUnitCode = (db: DbOrTx, id: string) =>
  db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, id)).limit(1).then((r) => r[0]?.code ?? null);

/** A plan entry of the district with the unit whose plan it is. */
export const findPlanEntry = (db: DbOrTx, districtId: string, id: string) =>
  db
    .select({ enterpriseId: inspectionPlanEntries.enterpriseId, planUnitId: inspectionPlans.unitId })
    .from(inspectionPlanEntries)
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionPlanEntries.planId))
    .where(and(eq(inspectionPlanEntries.id, id), eq(inspectionPlanEntries.districtId, districtId)))
    .limit(1)
    .then((r) => r[0] ?? null);
