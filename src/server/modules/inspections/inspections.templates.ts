// The checklist versions inspections use: the newest published version of an active template
// for a new inspection, and the exact version an existing inspection was filled against.
// (Private to inspections until the checklists module offers the same queries.)
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TChecklistVersionView } from '../../../contract/checklists.ts';
import type { ChecklistTemplateContent } from '../../../domain/checklist.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checklistTemplates, checklistTemplateVersions } from '../../db/schema/index.ts';

export interface TemplateVersion {
  templateId: string;
  versionId: string;
  version: number;
  publishedAt: Date;
  itemCount: number;
  content: ChecklistTemplateContent;
}

const columns = {
  templateId: checklistTemplateVersions.templateId,
  versionId: checklistTemplateVersions.id,
  version: checklistTemplateVersions.version,
  publishedAt: checklistTemplateVersions.publishedAt,
  itemCount: checklistTemplateVersions.itemCount,
  content: checklistTemplateVersions.content,
};

const newest = sql`${checklistTemplateVersions.version} = (select max(v2.version) from ${checklistTemplateVersions} v2 where v2.template_id = ${checklistTemplates.id})`;

export async function currentTemplateVersion(db: DbOrTx, districtId: string, code: string): Promise<TemplateVersion | null> {
  const [r] = await db
    .select(columns)
    .from(checklistTemplates)
    .innerJoin(checklistTemplateVersions, eq(checklistTemplateVersions.templateId, checklistTemplates.id))
    .where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.code, code), eq(checklistTemplates.active, true), newest))
    .limit(1);
  return r ? { ...r, content: r.content as ChecklistTemplateContent } : null;
}

export async function templateVersionById(db: DbOrTx, id: string): Promise<TemplateVersion | null> {
  const [r] = await db.select(columns).from(checklistTemplateVersions).where(eq(checklistTemplateVersions.id, id)).limit(1);
  return r ? { ...r, content: r.content as ChecklistTemplateContent } : null;
}

/** Active templates of a district with their newest version (a district has tens, not thousands). */
export function publishedTemplates(db: DbOrTx, districtId: string) {
  return db
    .select({
      code: checklistTemplates.code, name: checklistTemplates.name, audience: checklistTemplates.audience,
      version: checklistTemplateVersions.version, itemCount: checklistTemplateVersions.itemCount,
    })
    .from(checklistTemplates)
    .innerJoin(checklistTemplateVersions, eq(checklistTemplateVersions.templateId, checklistTemplates.id))
    .where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.active, true), newest))
    .orderBy(asc(checklistTemplates.name))
    .limit(500);
}

export function versionView(v: TemplateVersion): TChecklistVersionView {
  const c = v.content;
  return {
    code: c.code, name: c.name, audience: c.audience, source: c.source ?? null, description: c.description ?? null,
    groups: c.groups.map((g) => ({ title: g.title, items: g.items.map((i) => ({ ...i, requirement: i.requirement ?? null, unit: i.unit ?? null })) })),
    templateId: v.templateId, versionId: v.versionId, version: v.version, publishedAt: v.publishedAt.toISOString(),
  };
}
