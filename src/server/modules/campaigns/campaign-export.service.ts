// The task list with its 落实情况 as .xlsx, for one unit (its own reports) or for all (each unit's
// state in a line). A unit that does not watch every unit gets its own column only.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { OCCURRENCE_STATE_LABELS, occurrenceKey } from '../../../domain/campaigns/occurrences.ts';
import type { AppContext } from '../../context.ts';
import { progressReports } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { describeDeadline } from '../../../domain/campaigns/deadline-rule/index.ts';
import { type AnnexSheetRow, annexWorkbook } from './campaigns.xlsx.ts';
import * as repo from './campaigns.repository.ts';
import { loadCampaign, todayOf } from './campaigns.service.ts';
import { watchesAllUnits } from './occurrence-access.ts';
import { occurrencesOf } from './occurrences.engine.ts';

export async function exportTasks(ctx: AppContext, actor: Actor, id: string, unitId: string | undefined): Promise<{ fileName: string; buf: Buffer }> {
  const today = todayOf(ctx);
  const { c } = await loadCampaign(ctx.db, actor, id);
  const only = watchesAllUnits(actor, c) ? unitId : actor.unitId;
  const [tasks, taskUnits] = await Promise.all([repo.tasksOf(ctx.db, [id]), repo.taskUnitsOf(ctx.db, [id], only)]);
  const occs = c.publishedAt ? await occurrencesOf(ctx.db, [c], today, only ? { unitId: only } : {}) : [];
  const names = await repo.unitNames(ctx.db, taskUnits.map((u) => u.unitId));
  // The latest report text of each occurrence (one query for the campaign).
  const latest = await ctx.db.selectDistinctOn([progressReports.taskId, progressReports.unitId, progressReports.due], {
    taskId: progressReports.taskId, unitId: progressReports.unitId, due: progressReports.due, text: progressReports.text,
  }).from(progressReports).where(and(eq(progressReports.campaignId, id), only ? eq(progressReports.unitId, only) : undefined, inArray(progressReports.status, ['submitted', 'confirmed'])))
    .orderBy(progressReports.taskId, progressReports.unitId, progressReports.due, sql`${progressReports.revision} desc`);
  const texts = new Map(latest.map((r) => [occurrenceKey(r), r.text]));
  const period = { start: c.periodStart, end: c.periodEnd };
  const rows: AnnexSheetRow[] = tasks.filter((t) => !only || taskUnits.some((u) => u.taskId === t.id)).map((t) => {
    const mine = occs.filter((o) => o.task.id === t.id);
    const progress = only
      ? mine.map((o) => `${o.due} ${OCCURRENCE_STATE_LABELS[o.state]}${o.overdue ? '（逾期）' : ''}${texts.get(o.key) ? `：${texts.get(o.key)}` : ''}`).join('\n')
      : [...new Set(mine.map((o) => o.unitId))].map((u) => {
        const list = mine.filter((o) => o.unitId === u);
        const done = list.filter((o) => o.state === 'confirmed').length;
        const late = list.filter((o) => o.overdue).length;
        return `${names.get(u)?.name ?? ''}：已确认${done}/${list.length}${late ? `，逾期${late}` : ''}`;
      }).join('\n');
    const units = taskUnits.filter((u) => u.taskId === t.id).map((u) => names.get(u.unitId)?.name ?? '').join('、');
    return { number: t.number, group: t.groupName, action: t.action, requirement: t.requirement, units: t.unitsText || units, deadline: t.deadlineText || describeDeadline(t.deadlineRule as never, period), progress };
  });
  const unitName = only ? names.get(only)?.name ?? '' : '';
  return { fileName: `${c.name}工作清单和落实情况${unitName ? `（${unitName}）` : ''}.xlsx`, buf: await annexWorkbook(`${c.name}工作清单和责任清单`, rows) };
}
