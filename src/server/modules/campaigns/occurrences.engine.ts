// Occurrences of campaigns, derived: each live task's deadline rule (or, for a continuous task, the
// campaign's report cycle) expanded over the campaign's period, for each unit that owes the task;
// the state of each from its latest report, or from the records that settle it (occurrence-evidence.ts). One query per kind of row (tasks, units, latest
// reports, urges) for any number of campaigns, never one per occurrence.
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { expandDeadline, parseDeadline, type DeadlineRule, type Due } from '../../../domain/campaigns/deadline-rule/index.ts';
import { type OccurrenceState, isOverdue, occurrenceKey, occurrenceState, taskDues } from '../../../domain/campaigns/occurrences.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import type { DbOrTx } from '../../db/client.ts';
import { occurrenceUrges, progressReports } from '../../db/schema/index.ts';
import * as repo from './campaigns.repository.ts';
import { type OccurrenceEvidence, evidenceFor } from './occurrence-evidence.ts';

export interface Occurrence {
  key: string;
  campaign: repo.CampaignRow;
  task: repo.TaskRow;
  unitId: string;
  due: string;
  from: string;
  state: OccurrenceState;
  overdue: boolean;
  acknowledged: boolean;
  assignedDay: string;
  acknowledgedDay: string | null;
  /** When and by whom the unit signed for the task (filing signs for it too). */
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  urges: number;
  latestReportId: string | null;
  /** Records that settle it (leaders' activities for a task linked to a required frequency), else null. */
  evidence: OccurrenceEvidence | null;
}

const periodOf = (c: repo.CampaignRow) => ({ start: c.periodStart, end: c.periodEnd });

/** The due dates of one task in its campaign (the report cycle's for a continuous task). */
export function duesOfTask(c: repo.CampaignRow, t: repo.TaskRow, cycle: readonly Due[] = cycleDues(c)): readonly Due[] {
  const rule = t.deadlineRule as DeadlineRule;
  return taskDues(rule.kind, expandDeadline(rule, periodOf(c)), cycle);
}

export function cycleDues(c: repo.CampaignRow): Due[] {
  return expandDeadline(parseDeadline(c.reportCycleText, periodOf(c)), periodOf(c));
}

export interface OccurrenceFilter {
  /** Only this unit's occurrences. */
  unitId?: string;
  taskIds?: readonly string[];
}

/** Every occurrence of these (published) campaigns, for one unit or all. */
export async function occurrencesOf(db: DbOrTx, cs: readonly repo.CampaignRow[], today: string, f: OccurrenceFilter = {}): Promise<Occurrence[]> {
  if (cs.length === 0) return [];
  const ids = cs.map((c) => c.id);
  const [tasks, units, latest, urges, evidenceOf] = await Promise.all([
    repo.tasksOf(db, ids),
    repo.taskUnitsOf(db, ids, f.unitId),
    latestReports(db, ids, f.unitId),
    urgeCounts(db, ids, f.unitId),
    evidenceFor(db, cs),
  ]);
  const byId = new Map(cs.map((c) => [c.id, c]));
  const cycles = new Map(cs.map((c) => [c.id, cycleDues(c)]));
  const wanted = f.taskIds ? new Set(f.taskIds) : null;
  const unitsByTask = new Map<string, repo.TaskUnitRow[]>();
  for (const u of units) unitsByTask.set(u.taskId, [...(unitsByTask.get(u.taskId) ?? []), u]);
  const out: Occurrence[] = [];
  for (const t of tasks) {
    if (wanted && !wanted.has(t.id)) continue;
    const c = byId.get(t.campaignId)!;
    const dues = duesOfTask(c, t, cycles.get(c.id));
    for (const u of unitsByTask.get(t.id) ?? []) {
      for (const d of dues) {
        const key = occurrenceKey({ taskId: t.id, unitId: u.unitId, due: d.due });
        const r = latest.get(key);
        // Met by the records: confirmed without a report; otherwise the reports decide, as for any task.
        const evidence = evidenceOf(t.id, d);
        const state = evidence?.met ? 'confirmed' : occurrenceState(r);
        out.push({
          key, campaign: c, task: t, unitId: u.unitId, due: d.due, from: d.from, state, overdue: isOverdue(state, d.due, today),
          acknowledged: u.acknowledgedAt !== null, assignedDay: shanghaiDay(u.assignedAt), acknowledgedDay: u.acknowledgedAt ? shanghaiDay(u.acknowledgedAt) : null,
          acknowledgedAt: u.acknowledgedAt, acknowledgedBy: u.acknowledgedBy,
          urges: urges.get(key) ?? 0, latestReportId: r?.id ?? null, evidence,
        });
      }
    }
  }
  return out;
}

async function latestReports(db: DbOrTx, campaignIds: string[], unitId?: string) {
  const rows = await db.selectDistinctOn([progressReports.taskId, progressReports.unitId, progressReports.due], {
    id: progressReports.id, taskId: progressReports.taskId, unitId: progressReports.unitId, due: progressReports.due, status: progressReports.status,
  }).from(progressReports)
    .where(and(inArray(progressReports.campaignId, campaignIds), unitId ? eq(progressReports.unitId, unitId) : undefined))
    .orderBy(progressReports.taskId, progressReports.unitId, progressReports.due, sql`${progressReports.revision} desc`);
  return new Map(rows.map((r) => [occurrenceKey(r), r]));
}

async function urgeCounts(db: DbOrTx, campaignIds: string[], unitId?: string) {
  const rows = await db.select({ taskId: occurrenceUrges.taskId, unitId: occurrenceUrges.unitId, due: occurrenceUrges.due, n: count() }).from(occurrenceUrges)
    .where(and(inArray(occurrenceUrges.campaignId, campaignIds), unitId ? eq(occurrenceUrges.unitId, unitId) : undefined))
    .groupBy(occurrenceUrges.taskId, occurrenceUrges.unitId, occurrenceUrges.due);
  return new Map(rows.map((r) => [occurrenceKey(r), r.n]));
}

/** Figures of one campaign's occurrences (the campaign page, the list). */
export function figuresOf(occs: readonly Occurrence[], tasks: readonly repo.TaskRow[], today: string) {
  return {
    tasks: tasks.length,
    occurrences: occs.length,
    dueSoFar: occs.filter((o) => o.due <= today).length,
    confirmed: occs.filter((o) => o.state === 'confirmed').length,
    submitted: occs.filter((o) => o.state === 'submitted').length,
    returned: occs.filter((o) => o.state === 'returned').length,
    overdue: occs.filter((o) => o.overdue).length,
    unreadDeadlines: tasks.filter((t) => (t.deadlineRule as DeadlineRule).kind === 'unread').length,
  };
}
