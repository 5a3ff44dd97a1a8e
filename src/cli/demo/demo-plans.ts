// 年度监督检查计划 of the demo: for the departments with demo logins (应急办, 村镇建设中心) and two
// more, for the demo clock's year and 2026. Entries per month, key enterprises (重点企业) flagged.
// Most inspections the two departments made in the window fulfil an entry (plan_entry_id); some
// key enterprises planned for past months were not inspected, so coverage has gaps to show.
import { randomUUID } from 'node:crypto';
import { isSelfInspection } from '../../domain/inspections/inspection-rules.ts';
import type { inspectionPlanEntries, inspectionPlans } from '../../server/db/schema/index.ts';
import { addDays, atMinutes, department, type DemoContext, type DemoEnterpriseRef } from './demo-context.ts';
import type { DemoInspection } from './demo-inspection-rows.ts';

type PlanRow = typeof inspectionPlans.$inferInsert;
type EntryRow = typeof inspectionPlanEntries.$inferInsert;
type PlanType = NonNullable<EntryRow['inspectionType']>;

export interface DemoPlans {
  plans: PlanRow[];
  entries: EntryRow[];
}

/** The planning units and who keeps each plan (the office for the departments without a login). */
const PLAN_UNITS: readonly { unit: string; keeper: string }[] = [
  { unit: '应急办', keeper: 'yingji' },
  { unit: '村镇建设中心', keeper: 'jianshe' },
  { unit: '产业服务中心', keeper: 'anweiban' },
  { unit: '民生服务办公室', keeper: 'anweiban' },
];

export function generatePlans(ctx: DemoContext, authority: readonly DemoInspection[]): DemoPlans {
  const { rand } = ctx;
  const currentYear = Number(ctx.today.slice(0, 4));
  const currentMonth = Number(ctx.today.slice(5, 7));
  const years = [...new Set([currentYear, 2026])].sort();
  const out: DemoPlans = { plans: [], entries: [] };

  for (const year of years) {
    for (const { unit, keeper } of PLAN_UNITS) {
      const dept = department(ctx, unit);
      const inScope = ctx.enterprises.filter((e) => e.demo.status === 'operating' && e.demo.sectors.some((s) => dept.sectors.includes(s)));
      if (inScope.length === 0) continue;
      // The current year's plan runs from the campaign's start (the window) to December.
      const firstMonth = year === currentYear && ctx.windowStart.startsWith(String(year)) ? Number(ctx.windowStart.slice(5, 7)) : 1;
      const months = Array.from({ length: 13 - firstMonth }, (_, i) => firstMonth + i);
      const createdOn = year === currentYear
        ? addDays(`${year}-${String(firstMonth).padStart(2, '0')}-01`, -6)
        : year < currentYear ? `${year - 1}-12-20` : ctx.yesterday;
      const createdAt = atMinutes(createdOn < ctx.today ? createdOn : ctx.yesterday, rand.int(9 * 60, 17 * 60));
      const planId = randomUUID();
      out.plans.push({
        id: planId, districtId: ctx.districtId, townshipId: ctx.townshipId, unitId: dept.id, year,
        name: `${year}年度安全生产监督检查计划（${unit}）`,
        note: `依据大盛府发〔2024〕31号和${unit}监管行业领域制定；重点企业每季度至少检查1次，其余单位全年至少检查1次。`,
        createdBy: ctx.account(keeper).userId, version: 1, createdAt, updatedAt: createdAt,
      });

      const entries = new Map<string, EntryRow>();
      const entry = (e: DemoEnterpriseRef, month: number, type: PlanType, note: string | null = null): EntryRow => {
        const key = `${e.id}|${month}`;
        const have = entries.get(key);
        if (have) return have;
        const row: EntryRow = { id: randomUUID(), districtId: ctx.districtId, planId, enterpriseId: e.id, month, isKey: e.demo.isKey, inspectionType: type, note };
        entries.set(key, row);
        return row;
      };
      const byId = new Map(inScope.map((e) => [e.id, e]));

      // Inspections this unit made fulfil entries of their month (most of them were planned).
      const inspected = new Set<string>();
      for (const i of authority) {
        const month = Number(i.row.inspectedOn.slice(5, 7));
        if (i.row.unitId !== dept.id || !i.row.inspectedOn.startsWith(String(year)) || !months.includes(month)) continue;
        inspected.add(`${i.row.enterpriseId}|${month}`);
        const e = byId.get(i.row.enterpriseId);
        if (!e || !rand.chance(0.75) || isSelfInspection(i.row.type)) continue;
        i.row.planEntryId = entry(e, month, i.row.type as PlanType).id;
      }

      // Key enterprises: one entry per quarter of the plan; some planned for past months were missed.
      const keyType: PlanType = unit === '应急办' ? 'enforcement' : 'assistance';
      for (const e of inScope.filter((x) => x.demo.isKey)) {
        for (let q = 0; q < 4; q++) {
          const quarter = months.filter((m) => Math.ceil(m / 3) === q + 1);
          if (quarter.length === 0) continue;
          if ([...entries.values()].some((r) => r.enterpriseId === e.id && quarter.includes(r.month))) continue;
          entry(e, rand.pick(quarter), keyType, '重点企业');
        }
      }
      // Everyone else at least once a year, spread so each month has some work planned.
      for (const e of inScope.filter((x) => !x.demo.isKey)) {
        if ([...entries.values()].some((r) => r.enterpriseId === e.id)) continue;
        if (rand.chance(0.55)) entry(e, rand.pick(months), rand.weighted([['assistance', 4], ['spot_check', 1]] as const));
      }
      // A planned key entry in a past month that no inspection fulfilled, for the coverage view.
      if (year === currentYear) {
        const past = months.filter((m) => m < currentMonth);
        const missed = [...entries.values()].filter((r) => r.isKey && past.includes(r.month) && !inspected.has(`${r.enterpriseId}|${r.month}`));
        if (missed.length === 0 && past.length > 0) {
          const keyNotInspected = inScope.find((e) => e.demo.isKey && ![...inspected].some((k) => k.startsWith(e.id)));
          if (keyNotInspected) entry(keyNotInspected, past[0]!, keyType, '重点企业');
        }
      }
      out.entries.push(...[...entries.values()].sort((a, b) => a.month - b.month));
    }
  }
  return out;
}
