// The built-in checklists (domain/seed-checklists.ts) stored as version 1 of each template.
// Used by the demo seed and by the "载入内置检查表" action of a district that started empty.
import { and, eq, inArray } from 'drizzle-orm';
import { itemsOf } from '../../../domain/checklists/checklist.ts';
import { SEED_CHECKLISTS } from '../../../domain/checklists/seed-checklists.ts';
import type { DbOrTx } from '../../db/client.ts';
import { checklistTemplates, checklistTemplateVersions } from '../../db/schema/index.ts';

export interface SeededTemplate {
  templateId: string;
  versionId: string;
  code: string;
  name: string;
}

/** Inserts the seed templates whose code the district lacks; returns what it inserted. */
export async function insertSeedTemplates(tx: DbOrTx, districtId: string, actorUserId: string | null, now: Date): Promise<SeededTemplate[]> {
  const codes = SEED_CHECKLISTS.map((t) => t.code);
  const existing = await tx
    .select({ code: checklistTemplates.code })
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.districtId, districtId), inArray(checklistTemplates.code, codes)));
  const have = new Set(existing.map((r) => r.code));
  const out: SeededTemplate[] = [];
  for (const content of SEED_CHECKLISTS) {
    if (have.has(content.code)) continue;
    const [t] = await tx
      .insert(checklistTemplates)
      .values({ districtId, code: content.code, name: content.name, audience: content.audience, currentVersion: 1, createdBy: actorUserId, createdAt: now, updatedAt: now })
      .returning({ id: checklistTemplates.id });
    const [v] = await tx
      .insert(checklistTemplateVersions)
      .values({ districtId, templateId: t!.id, version: 1, content: structuredClone(content), itemCount: itemsOf(content).length, publishedAt: now, publishedBy: actorUserId })
      .returning({ id: checklistTemplateVersions.id });
    out.push({ templateId: t!.id, versionId: v!.id, code: content.code, name: content.name });
  }
  return out;
}

/** Stores SEED_CHECKLISTS as version 1 of each template; codes the district already has are skipped. */
export async function seedChecklistTemplates(tx: DbOrTx, districtId: string, actorUserId: string | null, now: Date): Promise<void> {
  await insertSeedTemplates(tx, districtId, actorUserId, now);
}
