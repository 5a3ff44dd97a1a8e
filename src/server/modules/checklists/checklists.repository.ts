// Checklist templates and their immutable versions. currentTemplateVersion and
// templateVersionById are the entry points other modules (inspections, schedules) use.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type ChecklistAudience, type ChecklistTemplateContent, type StoredTemplateContent, withItemDefaults } from '../../../domain/checklists/checklist.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checklistTemplates, checklistTemplateVersions, inspections, users } from '../../db/schema/index.ts';
import { containsText } from '../../kernel/list-query.ts';

export type TemplateRow = typeof checklistTemplates.$inferSelect;
export type TemplateVersionRow = Omit<typeof checklistTemplateVersions.$inferSelect, 'content'> & { content: ChecklistTemplateContent };

// Versions stored before an item field existed lack it: every read fills the defaults.
const asVersion = (r: typeof checklistTemplateVersions.$inferSelect): TemplateVersionRow => ({ ...r, content: withItemDefaults(r.content as StoredTemplateContent) });

/** The newest published version of an active template of the district, or null. */
export async function currentTemplateVersion(db: DbOrTx, districtId: string, code: string): Promise<TemplateVersionRow | null> {
  const [r] = await db
    .select({ v: checklistTemplateVersions })
    .from(checklistTemplates)
    .innerJoin(
      checklistTemplateVersions,
      and(eq(checklistTemplateVersions.templateId, checklistTemplates.id), eq(checklistTemplateVersions.version, checklistTemplates.currentVersion)),
    )
    .where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.code, code), eq(checklistTemplates.active, true)))
    .limit(1);
  return r ? asVersion(r.v) : null;
}

/** One stored version by id (any template, active or not: past inspections keep theirs). */
export async function templateVersionById(db: DbOrTx, id: string): Promise<TemplateVersionRow | null> {
  const [r] = await db.select().from(checklistTemplateVersions).where(eq(checklistTemplateVersions.id, id)).limit(1);
  return r ? asVersion(r) : null;
}

/** Active templates of the district with these codes, each with its current version. */
export async function currentVersionsOf(db: DbOrTx, districtId: string, codes: readonly string[]): Promise<{ t: TemplateRow; v: TemplateVersionRow }[]> {
  const rows = await db
    .select({ t: checklistTemplates, v: checklistTemplateVersions })
    .from(checklistTemplates)
    .innerJoin(
      checklistTemplateVersions,
      and(eq(checklistTemplateVersions.templateId, checklistTemplates.id), eq(checklistTemplateVersions.version, checklistTemplates.currentVersion)),
    )
    .where(and(eq(checklistTemplates.districtId, districtId), inArray(checklistTemplates.code, [...codes]), eq(checklistTemplates.active, true)));
  return rows.map((r) => ({ t: r.t, v: asVersion(r.v) }));
}

export interface TemplateFilter {
  q?: string | undefined;
  audience?: ChecklistAudience | undefined;
  active?: boolean | undefined;
}

const usedCountSql = sql<number>`(select count(*)::int from ${inspections} where ${inspections.districtId} = ${checklistTemplates.districtId} and ${inspections.templateCode} = ${checklistTemplates.code})`;

export async function listTemplates(db: DbOrTx, districtId: string, f: TemplateFilter, page: number, pageSize: number) {
  const c = [eq(checklistTemplates.districtId, districtId)];
  if (f.q) {
    c.push(containsText(f.q, checklistTemplates.name, checklistTemplates.code)!);
  }
  if (f.audience) c.push(eq(checklistTemplates.audience, f.audience));
  if (f.active !== undefined) c.push(eq(checklistTemplates.active, f.active));
  const where = and(...c);
  const [items, total] = await Promise.all([
    db
      .select({
        t: checklistTemplates,
        itemCount: checklistTemplateVersions.itemCount,
        publishedAt: checklistTemplateVersions.publishedAt,
        source: sql<string | null>`${checklistTemplateVersions.content}->>'source'`,
        usedCount: usedCountSql,
      })
      .from(checklistTemplates)
      .innerJoin(
        checklistTemplateVersions,
        and(eq(checklistTemplateVersions.templateId, checklistTemplates.id), eq(checklistTemplateVersions.version, checklistTemplates.currentVersion)),
      )
      .where(where)
      .orderBy(desc(checklistTemplates.active), asc(checklistTemplates.name), asc(checklistTemplates.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(checklistTemplates).where(where).then((r) => r[0]?.n ?? 0),
  ]);
  return { items, total };
}

export async function countTemplates(db: DbOrTx, districtId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(checklistTemplates).where(eq(checklistTemplates.districtId, districtId));
  return r?.n ?? 0;
}

export async function findTemplate(db: DbOrTx, districtId: string, id: string) {
  const [r] = await db
    .select({ t: checklistTemplates, usedCount: usedCountSql })
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.id, id)))
    .limit(1);
  return r ?? null;
}

export async function findTemplateByCode(db: DbOrTx, districtId: string, code: string): Promise<TemplateRow | null> {
  const [r] = await db.select().from(checklistTemplates).where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.code, code))).limit(1);
  return r ?? null;
}

export async function findVersion(db: DbOrTx, templateId: string, version: number): Promise<TemplateVersionRow | null> {
  const [r] = await db
    .select()
    .from(checklistTemplateVersions)
    .where(and(eq(checklistTemplateVersions.templateId, templateId), eq(checklistTemplateVersions.version, version)))
    .limit(1);
  return r ? asVersion(r) : null;
}

/** Version summaries, newest first, with who published each and how many inspections used it. */
export async function versionsOf(db: DbOrTx, templateId: string) {
  const rows = await db
    .select({
      versionId: checklistTemplateVersions.id,
      version: checklistTemplateVersions.version,
      itemCount: checklistTemplateVersions.itemCount,
      publishedAt: checklistTemplateVersions.publishedAt,
      publishedByName: users.displayName,
    })
    .from(checklistTemplateVersions)
    .leftJoin(users, eq(users.id, checklistTemplateVersions.publishedBy))
    .where(eq(checklistTemplateVersions.templateId, templateId))
    .orderBy(desc(checklistTemplateVersions.version));
  const ids = rows.map((r) => r.versionId);
  const used = ids.length
    ? await db
        .select({ id: inspections.templateVersionId, n: sql<number>`count(*)::int` })
        .from(inspections)
        .where(inArray(inspections.templateVersionId, ids))
        .groupBy(inspections.templateVersionId)
    : [];
  const usedBy = new Map(used.map((u) => [u.id, u.n]));
  return rows.map((r) => ({ ...r, usedCount: usedBy.get(r.versionId) ?? 0 }));
}

export async function insertTemplate(db: DbOrTx, row: typeof checklistTemplates.$inferInsert): Promise<TemplateRow> {
  const [r] = await db.insert(checklistTemplates).values(row).returning();
  return r!;
}

export async function insertVersion(db: DbOrTx, row: Omit<typeof checklistTemplateVersions.$inferInsert, 'content'> & { content: ChecklistTemplateContent }) {
  const [r] = await db.insert(checklistTemplateVersions).values(row).returning();
  return asVersion(r!);
}

/** Conditional on the version read: null means someone else changed the template first. */
export async function updateTemplate(db: DbOrTx, id: string, version: number, set: Partial<typeof checklistTemplates.$inferInsert>): Promise<TemplateRow | null> {
  const [r] = await db
    .update(checklistTemplates)
    .set({ ...set, version: sql`${checklistTemplates.version} + 1` })
    .where(and(eq(checklistTemplates.id, id), eq(checklistTemplates.version, version)))
    .returning();
  return r ?? null;
}
