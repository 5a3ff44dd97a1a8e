// Reading and writing forms and submissions. A form is read through its campaign, and the campaign
// through the caller's scope (the campaigns module); submissions by (form, due, unit).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { FillerKind, TemplateBody } from '../../../domain/reports/template.ts';
import type { DbOrTx } from '../../db/client.ts';
import { orgUnits, reportSubmissionVersions, reportSubmissions, reportTemplates, users } from '../../db/schema/index.ts';

export type TemplateRow = typeof reportTemplates.$inferSelect;
export type SubmissionRow = typeof reportSubmissions.$inferSelect;
export type VersionRow = typeof reportSubmissionVersions.$inferSelect;
export const bodyOf = (t: TemplateRow) => t.body as TemplateBody;

export interface FillerUnit {
  id: string;
  name: string;
  kind: 'district' | 'township' | 'village' | 'department';
  filler: FillerKind;
  /** Its township (itself for a township), null for a district-level unit. */
  townshipId: string | null;
}

/** The current version of every form of these campaigns. */
export const formsOf = (db: DbOrTx, campaignIds: readonly string[]) => campaignIds.length === 0 ? Promise.resolve([]) :
  db.select().from(reportTemplates).where(and(inArray(reportTemplates.campaignId, [...campaignIds]), eq(reportTemplates.current, true))).orderBy(asc(reportTemplates.createdAt), asc(reportTemplates.seriesId));

export async function currentOfSeries(db: DbOrTx, seriesId: string) {
  const [t] = await db.select().from(reportTemplates).where(and(eq(reportTemplates.seriesId, seriesId), eq(reportTemplates.current, true))).limit(1);
  return t ?? null;
}

export async function templateById(db: DbOrTx, id: string) {
  const [t] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, id)).limit(1);
  return t ?? null;
}

export const libraryOf = (db: DbOrTx, districtId: string) =>
  db.select().from(reportTemplates).where(and(eq(reportTemplates.districtId, districtId), sql`${reportTemplates.campaignId} is null`, eq(reportTemplates.current, true)))
    .orderBy(asc(reportTemplates.name)).limit(200);

/**
 * The units that fill a form in a campaign's region: a township campaign's own departments and
 * villages (and the township itself); a district campaign's townships, district departments, and
 * every township's departments and villages. One query for all filler kinds.
 */
export async function fillerUnits(db: DbOrTx, c: { districtId: string; townshipId: string | null }, fillers: readonly FillerKind[]): Promise<FillerUnit[]> {
  if (fillers.length === 0) return [];
  const rows = await db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, parentId: orgUnits.parentId, parentKind: sql<string | null>`p.kind` })
    .from(orgUnits).leftJoin(sql`org_units p`, sql`p.id = ${orgUnits.parentId}`)
    .where(and(eq(orgUnits.districtId, c.districtId), eq(orgUnits.active, true), inArray(orgUnits.kind, ['township', 'village', 'department'])))
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name));
  const inRegion = (townshipId: string | null) => c.townshipId === null || townshipId === c.townshipId;
  const out: FillerUnit[] = [];
  for (const r of rows) {
    const townshipId = r.kind === 'township' ? r.id : r.parentKind === 'township' ? r.parentId : null;
    const filler: FillerKind | null = r.kind === 'township' ? 'township' : r.kind === 'village' ? 'village'
      : r.parentKind === 'township' ? 'department' : r.parentKind === 'district' ? 'district_department' : null;
    if (!filler || !fillers.includes(filler)) continue;
    if (filler === 'district_department' ? c.townshipId !== null : !inRegion(townshipId)) continue;
    out.push({ id: r.id, name: r.name, kind: r.kind as FillerUnit['kind'], filler, townshipId });
  }
  return out;
}

export const submissionsOfRound = (db: DbOrTx, seriesIds: readonly string[], due?: string) => seriesIds.length === 0 ? Promise.resolve([]) :
  db.select().from(reportSubmissions).where(and(inArray(reportSubmissions.seriesId, [...seriesIds]), due ? eq(reportSubmissions.due, due) : undefined));

export async function submissionOf(db: DbOrTx, seriesId: string, unitId: string, due: string) {
  const [s] = await db.select().from(reportSubmissions)
    .where(and(eq(reportSubmissions.seriesId, seriesId), eq(reportSubmissions.unitId, unitId), eq(reportSubmissions.due, due))).limit(1);
  return s ?? null;
}

export async function submissionById(db: DbOrTx, id: string) {
  const [s] = await db.select().from(reportSubmissions).where(eq(reportSubmissions.id, id)).limit(1);
  return s ?? null;
}

export async function latestVersion(db: DbOrTx, submissionId: string) {
  const [v] = await db.select().from(reportSubmissionVersions).where(eq(reportSubmissionVersions.submissionId, submissionId)).orderBy(desc(reportSubmissionVersions.revision)).limit(1);
  return v ?? null;
}

/** The latest submitted version of each of these submissions (the roll-up's figures). */
export async function latestVersions(db: DbOrTx, submissionIds: readonly string[]) {
  if (submissionIds.length === 0) return new Map<string, VersionRow>();
  const rows = await db.selectDistinctOn([reportSubmissionVersions.submissionId]).from(reportSubmissionVersions)
    .where(inArray(reportSubmissionVersions.submissionId, [...submissionIds]))
    .orderBy(reportSubmissionVersions.submissionId, desc(reportSubmissionVersions.revision));
  return new Map(rows.map((r) => [r.submissionId, r]));
}

export const versionsOf = (db: DbOrTx, submissionId: string) =>
  db.select({ revision: reportSubmissionVersions.revision, submittedAt: reportSubmissionVersions.submittedAt, late: reportSubmissionVersions.late, submittedBy: users.displayName })
    .from(reportSubmissionVersions).leftJoin(users, eq(users.id, reportSubmissionVersions.submittedBy))
    .where(eq(reportSubmissionVersions.submissionId, submissionId)).orderBy(desc(reportSubmissionVersions.revision)).limit(100);

export async function unitById(db: DbOrTx, id: string) {
  const [u] = await db.select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, parentId: orgUnits.parentId, districtId: orgUnits.districtId, parentKind: sql<string | null>`(select p.kind from org_units p where p.id = "org_units"."parent_id")` })
    .from(orgUnits).where(eq(orgUnits.id, id)).limit(1);
  return u ?? null;
}
