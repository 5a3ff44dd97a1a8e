// The demo's checklist templates: the seed checklists as version 1 (stored by the checklists
// module's seeder), and one later edit — 附件2-1 with its 安全生产投入 item reworded — published as
// version 2 partway through the demo window, so older inspections keep version 1.
import { and, eq } from 'drizzle-orm';
import { type ChecklistTemplateContent, type ChecklistTemplateVersion, itemsOf, nextTemplateVersion } from '../../domain/checklists/checklist.ts';
import { SEED_CHECKLISTS, DASHENG_SMALL_ENTERPRISE } from '../../domain/checklists/seed-checklists.ts';
import type { Tx } from '../../server/db/client.ts';
import { checklistTemplateVersions, checklistTemplates } from '../../server/db/schema/index.ts';
import { seedChecklistTemplates } from '../../server/modules/checklists/checklists.seed.ts';

/** The template that gets a version 2 in the demo. */
export const EDITED_TEMPLATE_CODE = DASHENG_SMALL_ENTERPRISE.code;

const edited: ChecklistTemplateContent = {
  ...structuredClone(DASHENG_SMALL_ENTERPRISE),
  groups: DASHENG_SMALL_ENTERPRISE.groups.map((g) => ({
    ...g,
    items: g.items.map((i) =>
      i.key === 'safety-investment'
        ? {
            ...i,
            content: '6.按规定足额提取和使用安全生产费用，保障安全设施建设、安全设备购置和维护保养、人员教育培训、劳动防护用品配备和应急演练等资金投入，建立费用使用台账。',
            howToCheck: '问经费投入情况，查安全生产费用使用台账，看设施设备、培训、劳保等维护情况。',
            checkMethods: ['ask', 'records', 'look'],
          }
        : i,
    ),
  })),
};

const v2 = nextTemplateVersion({ ...DASHENG_SMALL_ENTERPRISE, version: 1 }, edited);
if (!v2.ok) throw new Error(`demo data: the edited checklist is refused (${v2.refusal})`);
export const EDITED_TEMPLATE_V2: ChecklistTemplateVersion = v2.template;

export interface DemoTemplateVersion {
  code: string;
  version: number;
  content: ChecklistTemplateContent;
}

/** The version of a template in force on a day: version 2 of the edited one from its publishing day on. */
export function templateOn(code: string, day: string, v2PublishedDay: string): DemoTemplateVersion {
  if (code === EDITED_TEMPLATE_CODE && day >= v2PublishedDay) {
    const { version: _v, ...content } = EDITED_TEMPLATE_V2;
    return { code, version: 2, content };
  }
  const content = SEED_CHECKLISTS.find((t) => t.code === code);
  if (!content) throw new Error(`demo data: no checklist ${code}`);
  return { code, version: 1, content };
}

/**
 * Stores the templates (version 1 published at `publishedAt`, version 2 of the edited one at
 * `v2At`) and answers each (code, version)'s row id, as "code@version".
 */
export async function insertDemoTemplates(
  tx: Tx,
  o: { districtId: string; officeUserId: string; publishedAt: Date; v2At: Date },
): Promise<{ versionIds: Map<string, string>; templates: { id: string; code: string; name: string; currentVersion: number }[] }> {
  await seedChecklistTemplates(tx, o.districtId, o.officeUserId, o.publishedAt);
  const [template] = await tx
    .select({ id: checklistTemplates.id })
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.districtId, o.districtId), eq(checklistTemplates.code, EDITED_TEMPLATE_CODE)));
  if (!template) throw new Error('demo data: the seed checklists were not stored');
  const { version: _v, ...content } = EDITED_TEMPLATE_V2;
  await tx.insert(checklistTemplateVersions).values({
    districtId: o.districtId, templateId: template.id, version: 2, content, itemCount: itemsOf(content).length,
    publishedAt: o.v2At, publishedBy: o.officeUserId,
  });
  await tx
    .update(checklistTemplates)
    .set({ name: content.name, currentVersion: 2, version: 2, updatedAt: o.v2At })
    .where(eq(checklistTemplates.id, template.id));
  const rows = await tx
    .select({ id: checklistTemplateVersions.id, version: checklistTemplateVersions.version, code: checklistTemplates.code })
    .from(checklistTemplateVersions)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId))
    .where(eq(checklistTemplateVersions.districtId, o.districtId));
  const templates = await tx
    .select({ id: checklistTemplates.id, code: checklistTemplates.code, name: checklistTemplates.name, currentVersion: checklistTemplates.currentVersion })
    .from(checklistTemplates)
    .where(eq(checklistTemplates.districtId, o.districtId));
  return { versionIds: new Map(rows.map((r) => [`${r.code}@${r.version}`, r.id])), templates };
}
