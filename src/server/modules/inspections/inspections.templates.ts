// The checklist versions inspections use (from the checklists module): the newest published
// version of an active template for a new inspection, the exact version an existing one used.
import { and, asc, eq } from 'drizzle-orm';
import type { TChecklistVersionView } from '../../../contract/checklists.ts';
import type { ChecklistTemplateContent } from '../../../domain/checklists/checklist.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checklistTemplates, checklistTemplateVersions } from '../../db/schema/index.ts';
import * as checklists from '../checklists/index.ts';

export interface TemplateVersion {
  templateId: string;
  versionId: string;
  version: number;
  publishedAt: Date;
  itemCount: number;
  content: ChecklistTemplateContent;
}

const asTemplateVersion = (r: checklists.TemplateVersionRow): TemplateVersion => ({
  templateId: r.templateId, versionId: r.id, version: r.version, publishedAt: r.publishedAt, itemCount: r.itemCount, content: r.content,
});

export async function currentTemplateVersion(db: DbOrTx, districtId: string, code: string): Promise<TemplateVersion | null> {
  const r = await checklists.currentTemplateVersion(db, districtId, code);
  return r ? asTemplateVersion(r) : null;
}

export async function templateVersionById(db: DbOrTx, id: string): Promise<TemplateVersion | null> {
  const r = await checklists.templateVersionById(db, id);
  return r ? asTemplateVersion(r) : null;
}

/** Active templates of a district with their current version (a district has tens, not thousands). */
export function publishedTemplates(db: DbOrTx, districtId: string) {
  return db
    .select({
      code: checklistTemplates.code, name: checklistTemplates.name, audience: checklistTemplates.audience,
      version: checklistTemplateVersions.version, itemCount: checklistTemplateVersions.itemCount,
    })
    .from(checklistTemplates)
    .innerJoin(
      checklistTemplateVersions,
      and(eq(checklistTemplateVersions.templateId, checklistTemplates.id), eq(checklistTemplateVersions.version, checklistTemplates.currentVersion)),
    )
    .where(and(eq(checklistTemplates.districtId, districtId), eq(checklistTemplates.active, true)))
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
