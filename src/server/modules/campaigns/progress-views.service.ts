// Views over the derived occurrences: what a unit owes (soonest first), and the office's matrix of
// tasks × units with each cell's most pressing state.
import { and, isNotNull, type SQL } from 'drizzle-orm';
import type { TMatrix, TOccurrenceItem } from '../../../contract/campaign-progress.ts';
import { type CellState, cellSummary, occurrenceKey } from '../../../domain/campaigns/occurrences.ts';
import type { AppContext } from '../../context.ts';
import { campaigns } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { describeDeadline } from '../../../domain/campaigns/deadline-rule/index.ts';
import * as repo from './campaigns.repository.ts';
import { campaignScopeSql } from './campaigns.scope.ts';
import { loadCampaign, todayOf } from './campaigns.service.ts';
import { watchesAllUnits } from './occurrence-access.ts';
import { type Occurrence, occurrencesOf } from './occurrences.engine.ts';

/** The published campaigns in the actor's scope (bounded: a region runs a handful at once). */
export async function publishedCampaigns(ctx: AppContext, actor: Actor, extra?: SQL) {
  return ctx.db.select().from(campaigns).where(and(campaignScopeSql(actor), isNotNull(campaigns.publishedAt), extra)).limit(200);
}

export function presentOccurrence(o: Occurrence, unitName: string): TOccurrenceItem {
  return {
    key: o.key, campaignId: o.campaign.id, campaignName: o.campaign.name, taskId: o.task.id, taskNumber: o.task.number, groupName: o.task.groupName,
    requirement: o.task.requirement, unitId: o.unitId, unitName, due: o.due, from: o.from, state: o.state, overdue: o.overdue,
    acknowledged: o.acknowledged, urges: o.urges,
  };
}

type MyQuery = { campaignId?: string | undefined; state?: TOccurrenceItem['state'] | undefined; overdue?: boolean | undefined; owed?: boolean | undefined; page: number; pageSize: number };

/** What the caller's unit owes, the most urgent first: overdue, then by due date. */
export async function myOccurrences(ctx: AppContext, actor: Actor, q: MyQuery) {
  const today = todayOf(ctx);
  const cs = (await publishedCampaigns(ctx, actor)).filter((c) => !q.campaignId || c.id === q.campaignId);
  let occs = await occurrencesOf(ctx.db, cs, today, { unitId: actor.unitId });
  if (q.state) occs = occs.filter((o) => o.state === q.state);
  if (q.overdue !== undefined) occs = occs.filter((o) => o.overdue === q.overdue);
  if (q.owed) occs = occs.filter((o) => o.state === 'not_reported' || o.state === 'returned');
  occs.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.localeCompare(b.due) || a.task.ordinal - b.task.ordinal);
  const page = occs.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return { items: page.map((o) => presentOccurrence(o, actor.unitName)), total: occs.length, page: q.page, pageSize: q.pageSize };
}

type MatrixQuery = { group?: string | undefined; unitId?: string | undefined; state?: CellState | undefined; overdue?: boolean | undefined };

export async function matrix(ctx: AppContext, actor: Actor, id: string, q: MatrixQuery): Promise<TMatrix> {
  const today = todayOf(ctx);
  const { c } = await loadCampaign(ctx.db, actor, id);
  // A unit that only reads sees its own column; the office and the region's watchers every unit's.
  const ownOnly = !watchesAllUnits(actor, c);
  const [tasks, taskUnits] = await Promise.all([repo.tasksOf(ctx.db, [id]), repo.taskUnitsOf(ctx.db, [id], ownOnly ? actor.unitId : undefined)]);
  const occs = c.publishedAt ? await occurrencesOf(ctx.db, [c], today, ownOnly ? { unitId: actor.unitId } : {}) : [];
  const unitIds = [...new Set(taskUnits.map((u) => u.unitId))].filter((u) => !q.unitId || u === q.unitId);
  const names = await repo.unitNames(ctx.db, unitIds);
  const units = unitIds.map((u) => names.get(u)!).filter(Boolean)
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh-CN'));
  const byCell = new Map<string, Occurrence[]>();
  for (const o of occs) byCell.set(`${o.task.id}|${o.unitId}`, [...(byCell.get(`${o.task.id}|${o.unitId}`) ?? []), o]);
  const assigned = new Map(taskUnits.map((u) => [`${u.taskId}|${u.unitId}`, u]));
  const period = { start: c.periodStart, end: c.periodEnd };
  const rows = tasks.filter((t) => !q.group || t.groupName === q.group).map((t) => {
    const cells = units.flatMap((u) => {
      const a = assigned.get(`${t.id}|${u.id}`);
      if (!a) return [];
      const list = byCell.get(`${t.id}|${u.id}`) ?? [];
      const s = cellSummary(list, today);
      const next = s.nextDue ? list.find((o) => o.due === s.nextDue) : list.at(-1);
      return [{ unitId: u.id, ...s, nextKey: next ? occurrenceKey({ taskId: t.id, unitId: u.id, due: next.due }) : null, acknowledged: a.acknowledgedAt !== null }];
    }).filter((cell) => (!q.state || cell.state === q.state) && (q.overdue === undefined || (cell.overdue > 0) === q.overdue));
    return { taskId: t.id, number: t.number, groupName: t.groupName, requirement: t.requirement, deadlineLabel: describeDeadline(t.deadlineRule as never, period), cells };
  }).filter((r) => r.cells.length > 0 || (!q.state && q.overdue === undefined && !q.unitId));
  const groups = [...new Set(tasks.map((t) => t.groupName).filter((g) => g !== ''))];
  return { today, units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind })), rows, groups };
}
