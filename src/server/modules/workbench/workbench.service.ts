// The 工作台: what awaits the caller, gathered from every area's source (each in the caller's
// scope), the most urgent first, a few of each kind with the kind's total; and the key figures
// for the roles that watch them. A new area adds its source to SOURCES.
import type { TWorkbench, TWorkbenchItem } from '../../../contract/workbench.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { SELF_INSPECTION_FREQUENCY_LABELS } from '../../../domain/schedules/self-inspection-schedule.ts';
import { byUrgency, dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { ITEMS_PER_KIND, WORKBENCH_KINDS, type WorkbenchKind, shows } from '../../../domain/workbench/workbench.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { hazardFigures, hazardWorkbench } from '../hazards/index.ts';
import { inspectionWorkbench } from '../inspections/index.ts';
import { todayTasks } from '../schedules/index.ts';
import { campaignWorkbench } from '../campaigns/index.ts';
import { reportWorkbench } from '../reports/index.ts';
import { supervisionWorkbench } from '../supervision/index.ts';
import { leadershipWorkbench } from '../leadership/index.ts';
import { drillWorkbench } from '../drills/index.ts';
import { tipWorkbench } from '../tips/index.ts';
import { ACTIVITY_CATEGORY_LABELS } from '../../../domain/drills/drill-requirement.ts';

interface Part { items: TWorkbenchItem[]; totals: Partial<Record<WorkbenchKind, number>>; moreHref?: Partial<Record<WorkbenchKind, string>> }
type Source = (ctx: AppContext, actor: Actor, today: string) => Promise<Part[]>;

/** 今日自查: the enterprise's self-inspections due now and not done (the home page starts them in one tap). */
const selfInspectionToday: Source = async (ctx, actor, today) => {
  if (actor.role !== 'enterprise' || !actor.enterpriseId) return [];
  const t = await todayTasks(ctx, actor, actor.enterpriseId);
  const open = t.tasks.filter((k) => k.status !== 'done');
  return [{
    items: open.map((k): TWorkbenchItem => ({
      kind: 'self_inspection_today', title: `${SELF_INSPECTION_FREQUENCY_LABELS[k.frequency]}查：${k.templateName}`,
      subtitle: k.draftInspectionId ? '已开始，继续填写' : '未开始', href: k.draftInspectionId ? `/inspections/${k.draftInspectionId}/fill` : `/enterprises/${actor.enterpriseId}/self-inspection`,
      due: k.dueDate, dueText: dueWords(k.dueDate, today), light: lightOf(k.dueDate, today),
    })),
    totals: open.length ? { self_inspection_today: open.length } : {},
  }];
};

/** 演练/培训待完成: the enterprise's drill or training window closing within 30 days, unmet. */
const drillsDue: Source = async (ctx, actor, today) => {
  const due = await drillWorkbench(ctx, actor, today);
  if (!due.length) return [];
  return [{
    items: due.map((d): TWorkbenchItem => ({
      kind: 'drill_due', title: `本期${ACTIVITY_CATEGORY_LABELS[d.category]}尚未开展`, subtitle: `请在${d.dueOn}前开展并登记`,
      href: `/drills/new?category=${d.category}`, due: d.dueOn, dueText: dueWords(d.dueOn, today), light: lightOf(d.dueOn, today),
    })),
    totals: { drill_due: due.length },
  }];
};

const SOURCES: Source[] = [
  selfInspectionToday,
  (ctx, actor, today) => hazardWorkbench(ctx.db, actor, today, ctx.clock.now()),
  (ctx, actor, today) => inspectionWorkbench(ctx.db, actor, today),
  campaignWorkbench,
  reportWorkbench,
  supervisionWorkbench,
  (ctx, actor) => leadershipWorkbench(ctx, actor),
  drillsDue,
  tipWorkbench,
];

export async function workbenchOf(ctx: AppContext, actor: Actor): Promise<TWorkbench> {
  const today = shanghaiDay(ctx.clock.now());
  const [parts, figures] = await Promise.all([
    Promise.all(SOURCES.map((s) => s(ctx, actor, today))).then((p) => p.flat()),
    shows.figures(actor.role) ? hazardFigures(ctx.db, actor, today) : Promise.resolve(null),
  ]);
  const totals: Partial<Record<WorkbenchKind, number>> = {};
  const moreHref: Partial<Record<WorkbenchKind, string>> = {};
  for (const p of parts) {
    for (const [k, n] of Object.entries(p.totals) as [WorkbenchKind, number][]) totals[k] = (totals[k] ?? 0) + n;
    Object.assign(moreHref, p.moreHref);
  }
  const all = parts.flatMap((p) => p.items);
  const items = WORKBENCH_KINDS.flatMap((k) => all.filter((i) => i.kind === k).sort(byUrgency).slice(0, ITEMS_PER_KIND));
  return { today, items, totals, moreHref, figures };
}
