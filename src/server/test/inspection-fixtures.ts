// Direct inserts for schedule and plan tests: checklist templates, district calendar days and
// inspections (as if completed through the inspections API, which these tests do not exercise).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { checklistTemplates, inspections, workCalendarDays } from '../db/schema/index.ts';
import { type EnterpriseRow, uniq } from './factories.ts';

export async function buildTemplate(db: Db, o: { districtId: string; code?: string; name?: string; active?: boolean }) {
  const [r] = await db
    .insert(checklistTemplates)
    .values({
      districtId: o.districtId, code: o.code ?? `T${uniq()}`, name: o.name ?? `测试检查表${uniq()}`, audience: 'enterprise_small',
      currentVersion: 1, active: o.active ?? true,
    })
    .returning();
  return r!;
}

export async function buildCalendarDays(db: Db, districtId: string, days: { day: string; kind: 'holiday' | 'workday'; name: string }[]) {
  await db.insert(workCalendarDays).values(days.map((d) => ({ districtId, ...d })));
}

type InspectionType = (typeof inspections.$inferInsert)['type'];

export async function buildInspection(
  db: Db,
  o: {
    enterprise: EnterpriseRow; type: InspectionType; inspectedOn: string; unitId: string; createdBy: string;
    status?: 'draft' | 'completed'; templateCode?: string; planEntryId?: string | null;
  },
) {
  const [r] = await db
    .insert(inspections)
    .values({
      districtId: o.enterprise.districtId, townshipId: o.enterprise.townshipId, villageId: o.enterprise.villageId, enterpriseId: o.enterprise.id,
      number: `TEST-JC-${uniq()}`, type: o.type, inspectedOn: o.inspectedOn, unitId: o.unitId, templateVersionId: randomUUID(),
      templateCode: o.templateCode ?? 'TEST', templateVersion: 1, status: o.status ?? 'completed', planEntryId: o.planEntryId ?? null,
      completedAt: (o.status ?? 'completed') === 'completed' ? new Date(`${o.inspectedOn}T10:00:00+08:00`) : null, createdBy: o.createdBy,
    })
    .returning();
  return r!;
}
