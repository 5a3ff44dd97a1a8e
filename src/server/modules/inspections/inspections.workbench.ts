// The inspections' part of the 工作台: drafts the caller left, drafts of others that await the
// caller's signature, the month's plan entries of the caller's unit not yet inspected, and for an
// enterprise the recent inspections of it that found problems.
import { and, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import type { TWorkbenchItem } from '../../../contract/workbench.ts';
import { addDays, monthStartOf } from '../../../domain/common/dates.ts';
import { INSPECTION_TYPE_LABELS } from '../../../domain/inspections/inspection-rules.ts';
import { dueWords, lightOf } from '../../../domain/workbench/light.ts';
import type { WorkbenchKind } from '../../../domain/workbench/workbench.ts';
import type { DbOrTx } from '../../db/client.ts';
import { enterprises, inspectionInspectors, inspectionPlanEntries, inspectionPlans, inspections } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

interface Part { items: TWorkbenchItem[]; totals: Partial<Record<WorkbenchKind, number>> }
const LIMIT = 20;

export async function inspectionWorkbench(db: DbOrTx, actor: Actor, today: string): Promise<Part[]> {
  const item = (kind: WorkbenchKind, r: { id: string; number: string; type: keyof typeof INSPECTION_TYPE_LABELS; enterpriseName: string; inspectedOn: string }, subtitle: string, href: string): TWorkbenchItem => ({
    kind, title: `${INSPECTION_TYPE_LABELS[r.type]} ${r.enterpriseName}`, subtitle: `${r.number} · ${r.inspectedOn} · ${subtitle}`, href, due: null, dueText: null,
    light: 'green',
  });
  const cols = { id: inspections.id, number: inspections.number, type: inspections.type, enterpriseName: enterprises.name, inspectedOn: inspections.inspectedOn };
  const mine = and(eq(inspectionInspectors.inspectionId, inspections.id), eq(inspectionInspectors.userId, actor.userId));

  if (actor.role === 'enterprise') {
    if (!actor.enterpriseId) return [];
    // 近期检查: completed in the last 30 days by others (not its own self-inspections) that found something.
    const rows = await db.select({ ...cols, failed: inspections.failedCount }).from(inspections)
      .innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
      .where(and(eq(inspections.enterpriseId, actor.enterpriseId), eq(inspections.status, 'completed'), sql`${inspections.failedCount} > 0`,
        sql`${inspections.type} not like 'self_%'`, gte(inspections.inspectedOn, addDays(today, -30))))
      .orderBy(desc(inspections.inspectedOn)).limit(LIMIT);
    return [{
      items: rows.map((r) => ({ ...item('inspection_found', r, `发现问题 ${r.failed} 项`, `/inspections/${r.id}`), light: 'yellow' as const })),
      totals: rows.length ? { inspection_found: rows.length } : {},
    }];
  }

  const [drafts, toSign, entries] = await Promise.all([
    db.select(cols).from(inspections).innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
      .where(and(eq(inspections.districtId, actor.districtId), eq(inspections.createdBy, actor.userId), eq(inspections.status, 'draft')))
      .orderBy(desc(inspections.updatedAt)).limit(LIMIT),
    // Someone else's draft naming the caller, not yet signed by the caller as it stands.
    db.select(cols).from(inspections).innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId)).innerJoin(inspectionInspectors, mine)
      .where(and(eq(inspections.districtId, actor.districtId), eq(inspections.status, 'draft'), ne(inspections.createdBy, actor.userId), isNull(inspectionInspectors.signatureHash)))
      .orderBy(desc(inspections.updatedAt)).limit(LIMIT),
    // The month's entries of the caller's unit's plan that no completed inspection fulfils yet.
    db.select({ id: inspectionPlanEntries.id, planId: inspectionPlans.id, enterpriseName: enterprises.name, isKey: inspectionPlanEntries.isKey })
      .from(inspectionPlanEntries)
      .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionPlanEntries.planId))
      .innerJoin(enterprises, eq(enterprises.id, inspectionPlanEntries.enterpriseId))
      .where(and(eq(inspectionPlans.unitId, actor.unitId), eq(inspectionPlans.year, Number(today.slice(0, 4))), eq(inspectionPlanEntries.month, Number(today.slice(5, 7))),
        sql`not exists (select 1 from ${inspections} i where i.plan_entry_id = ${inspectionPlanEntries.id} and i.status = 'completed')`))
      .orderBy(desc(inspectionPlanEntries.isKey), enterprises.name).limit(100),
  ]);
  const due = addDays(monthStartOf(today, 1), -1); // the month's last day
  return [
    { items: drafts.map((r) => item('inspection_draft', r, '草稿', `/inspections/${r.id}/fill`)), totals: drafts.length ? { inspection_draft: drafts.length } : {} },
    { items: toSign.map((r) => ({ ...item('inspection_sign', r, '待我签名', `/inspections/${r.id}/fill`), light: 'yellow' as const })), totals: toSign.length ? { inspection_sign: toSign.length } : {} },
    {
      items: entries.map((e): TWorkbenchItem => ({
        kind: 'plan_entry', title: e.enterpriseName, subtitle: e.isKey ? '重点企业 · 本月计划检查' : '本月计划检查', href: `/plans/${e.planId}`,
        due, dueText: dueWords(due, today), light: lightOf(due, today),
      })),
      totals: entries.length ? { plan_entry: entries.length } : {},
    },
  ];
}
