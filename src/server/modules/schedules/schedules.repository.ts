// Queries of the 日周月 schedules: the schedule row, the district's templates and work calendar,
// and completed self-inspection dates (inspections_enterprise_date_idx serves every one of them).
import { and, asc, between, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { SELF_INSPECTION_TYPES } from '../../../domain/inspections/inspection-rules.ts';
import type { EnterpriseScope } from '../../../domain/access/scope.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checklistTemplates, enterprises, inspections, orgUnits, selfInspectionSchedules } from '../../db/schema/index.ts';
import { scopeSql } from '../enterprises/index.ts';
import { containsText } from '../../kernel/list-query.ts';

export type ScheduleRow = typeof selfInspectionSchedules.$inferSelect;

export function findSchedule(db: DbOrTx, enterpriseId: string) {
  return db.select().from(selfInspectionSchedules).where(eq(selfInspectionSchedules.enterpriseId, enterpriseId)).limit(1).then((r) => r[0] ?? null);
}

/** Inserts a first schedule; null when one was inserted meanwhile (the caller's view is stale). */
export async function insertSchedule(db: DbOrTx, row: typeof selfInspectionSchedules.$inferInsert) {
  const [r] = await db.insert(selfInspectionSchedules).values(row).onConflictDoNothing().returning();
  return r ?? null;
}

export async function updateSchedule(db: DbOrTx, enterpriseId: string, version: number, set: Partial<typeof selfInspectionSchedules.$inferInsert>) {
  const [r] = await db
    .update(selfInspectionSchedules)
    .set({ ...set, version: sql`${selfInspectionSchedules.version} + 1` })
    .where(and(eq(selfInspectionSchedules.enterpriseId, enterpriseId), eq(selfInspectionSchedules.version, version)))
    .returning();
  return r ?? null;
}

/** The district's active checklist templates (a few dozen at most). */
export function activeTemplates(db: DbOrTx, districtId: string) {
  return db
    .select({ code: checklistTemplates.code, name: checklistTemplates.name })
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.active, true)))
    .orderBy(asc(checklistTemplates.code));
}

export function templateNames(db: DbOrTx, districtId: string, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .select({ code: checklistTemplates.code, name: checklistTemplates.name })
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.districtId, districtId), inArray(checklistTemplates.code, codes)));
}

/** Self-inspections of one enterprise in [from, to] with the status: completed ones for the figures, drafts to continue instead of starting anew. Oldest first. */
export function selfInspectionsBetween(db: DbOrTx, enterpriseId: string, status: 'completed' | 'draft', from: string, to: string) {
  return db
    .select({ id: inspections.id, type: inspections.type, inspectedOn: inspections.inspectedOn })
    .from(inspections)
    .where(
      and(
        eq(inspections.enterpriseId, enterpriseId),
        between(inspections.inspectedOn, from, to),
        eq(inspections.status, status),
        inArray(inspections.type, [...SELF_INSPECTION_TYPES]),
      ),
    )
    .orderBy(asc(inspections.inspectedOn), asc(inspections.id));
}

// ---- 谁落后了

export interface BehindCandidateFilter {
  scope: EnterpriseScope;
  districtId: string;
  villageId?: string | undefined;
  q?: string | undefined;
  frequency?: 'daily' | 'weekly' | 'monthly' | undefined;
  /** Schedules starting after this day have nothing due yet. */
  to: string;
}


function candidateWhere(f: BehindCandidateFilter): SQL {
  const c: SQL[] = [
    eq(selfInspectionSchedules.districtId, f.districtId),
    eq(selfInspectionSchedules.active, true),
    sql`${selfInspectionSchedules.startsOn} <= ${f.to}`,
    isNull(enterprises.voidedAt),
    scopeSql(f.scope),
  ];
  if (f.villageId) c.push(eq(enterprises.villageId, f.villageId));
  if (f.q) c.push(containsText(f.q, enterprises.name)!);
  if (f.frequency === 'daily') c.push(sql`${selfInspectionSchedules.dailyTemplateCode} is not null`);
  if (f.frequency === 'weekly') c.push(sql`${selfInspectionSchedules.weeklyTemplateCode} is not null`);
  if (f.frequency === 'monthly') c.push(sql`${selfInspectionSchedules.monthlyTemplateCode} is not null`);
  if (!f.frequency) {
    c.push(sql`coalesce(${selfInspectionSchedules.dailyTemplateCode}, ${selfInspectionSchedules.weeklyTemplateCode}, ${selfInspectionSchedules.monthlyTemplateCode}) is not null`);
  }
  return and(...c)!;
}

/** One keyset page of the scoped, filtered schedules (with the enterprise's name and village). */
export function behindCandidates(db: DbOrTx, f: BehindCandidateFilter, afterId: string | null, limit: number) {
  return db
    .select({ s: selfInspectionSchedules, enterpriseName: enterprises.name, villageName: orgUnits.name })
    .from(selfInspectionSchedules)
    .innerJoin(enterprises, eq(enterprises.id, selfInspectionSchedules.enterpriseId))
    .innerJoin(orgUnits, eq(orgUnits.id, enterprises.villageId))
    .where(afterId ? and(candidateWhere(f), gt(selfInspectionSchedules.enterpriseId, afterId)) : candidateWhere(f))
    .orderBy(asc(selfInspectionSchedules.enterpriseId))
    .limit(limit);
}

/** Per enterprise and type, the distinct days with a completed self-inspection in [from, to]. */
export async function doneDatesOf(db: DbOrTx, enterpriseIds: string[], from: string, to: string) {
  if (enterpriseIds.length === 0) return [];
  return db
    .select({
      enterpriseId: inspections.enterpriseId,
      type: inspections.type,
      days: sql<string[]>`array_agg(distinct ${inspections.inspectedOn}::text order by ${inspections.inspectedOn}::text)`,
    })
    .from(inspections)
    .where(
      and(
        inArray(inspections.enterpriseId, enterpriseIds),
        between(inspections.inspectedOn, from, to),
        eq(inspections.status, 'completed'),
        inArray(inspections.type, [...SELF_INSPECTION_TYPES]),
      ),
    )
    .groupBy(inspections.enterpriseId, inspections.type);
}

/** The last day each enterprise completed any self-inspection (for one page of results). */
export async function lastDoneOf(db: DbOrTx, enterpriseIds: string[], upTo: string) {
  if (enterpriseIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ enterpriseId: inspections.enterpriseId, last: sql<string>`max(${inspections.inspectedOn})::text` })
    .from(inspections)
    .where(
      and(
        inArray(inspections.enterpriseId, enterpriseIds),
        sql`${inspections.inspectedOn} <= ${upTo}`,
        eq(inspections.status, 'completed'),
        inArray(inspections.type, [...SELF_INSPECTION_TYPES]),
      ),
    )
    .groupBy(inspections.enterpriseId);
  return new Map(rows.map((r) => [r.enterpriseId, r.last]));
}
