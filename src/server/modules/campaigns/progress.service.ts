// A unit's occurrences and what is done to them: the detail with its history, filing a report
// (pre-filled from the inspections the unit already recorded: 最多报一次), 签收, 催办 and the
// office's review (on the workflow kernel). Every write tells the people who must act next.
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { TOccurrenceDetail, TReportAction, TReportFile } from '../../../contract/campaign-progress.ts';
import { keepsCampaign } from '../../../domain/access/scope.ts';
import { can } from '../../../domain/access/permissions.ts';
import { ACK_STATE_LABELS, OCCURRENCE_STATE_LABELS, ackState, parseOccurrenceKey } from '../../../domain/campaigns/occurrences.ts';
import { occurrenceAllowedActions } from '../../../domain/campaigns/campaign-policy.ts';
import { PROGRESS_REPORT_ACTION_LABELS, progressReportWorkflow } from '../../../domain/campaigns/progress-report-workflow.ts';
import { allowedActions } from '../../../domain/workflow/workflow.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaignTaskUnits, enterprises, inspections, occurrenceUrges, progressReports, recordEvents } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid } from '../../http/errors.ts';
import { runAction } from '../../kernel/run-action.ts';
import { eventWriter } from '../../kernel/record-events.ts';
import { recordAudit } from '../audit/index.ts';
import { attachFiles, listFilesOf, presentFile } from '../files/index.ts';
import { notify } from '../notifications/index.ts';
import { deadlineView } from './campaign-tasks.service.ts';
import * as repo from './campaigns.repository.ts';
import { todayOf } from './campaigns.service.ts';
import { loadOccurrence } from './occurrence-access.ts';
import type { Occurrence } from './occurrences.engine.ts';
import { progressReportServerWorkflow } from './progress-reports.workflow.ts';

const REPORT_FILE_OWNER = 'progress_report';

/** Completed inspections by the unit in the occurrence's window: what the count is pre-filled from. */
async function inspectionsInWindow(db: DbOrTx, o: Occurrence) {
  return db.select({ id: inspections.id, number: inspections.number, enterpriseName: enterprises.name, at: inspections.inspectedOn })
    .from(inspections).innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(and(eq(inspections.districtId, o.campaign.districtId), eq(inspections.unitId, o.unitId), eq(inspections.status, 'completed'),
      gte(inspections.inspectedOn, o.from), lte(inspections.inspectedOn, o.due), inArray(inspections.type, ['enforcement', 'assistance', 'supervision', 'spot_check'])))
    .orderBy(asc(inspections.inspectedOn)).limit(200);
}

/** The actor's ties to an occurrence, for the domain's policy (campaign-policy.ts). */
const tiesOf = (actor: Actor, o: Occurrence, today: string) => ({
  reportsForUnit: can(actor.role, 'report:progress') && actor.unitId === o.unitId,
  keeps: keepsCampaign(actor, o.campaign), state: o.state, acknowledged: o.acknowledged, campaignEnded: today > o.campaign.periodEnd,
});

export async function occurrenceDetail(ctx: AppContext, actor: Actor, key: string): Promise<TOccurrenceDetail> {
  const today = todayOf(ctx);
  const o = await loadOccurrence(ctx.db, actor, key, today);
  const period = { start: o.campaign.periodStart, end: o.campaign.periodEnd };
  const [reports, urges, unit, prefill] = await Promise.all([
    ctx.db.select().from(progressReports).where(and(eq(progressReports.taskId, o.task.id), eq(progressReports.unitId, o.unitId), eq(progressReports.due, o.due)))
      .orderBy(asc(progressReports.revision)).limit(100),
    ctx.db.select().from(occurrenceUrges).where(and(eq(occurrenceUrges.taskId, o.task.id), eq(occurrenceUrges.unitId, o.unitId), eq(occurrenceUrges.due, o.due)))
      .orderBy(asc(occurrenceUrges.at)).limit(200),
    repo.unitNames(ctx.db, [o.unitId]),
    inspectionsInWindow(ctx.db, o),
  ]);
  const ids = reports.map((r) => r.id);
  const [files, events, people, linked] = await Promise.all([
    listFilesOf(ctx.db, REPORT_FILE_OWNER, ids),
    ids.length ? ctx.db.select().from(recordEvents).where(and(eq(recordEvents.entityType, 'progress_report'), inArray(recordEvents.entityId, ids))).orderBy(asc(recordEvents.seq)).limit(500) : [],
    repo.userNames(ctx.db, [...reports.flatMap((r) => [r.filedBy, r.reviewedBy]), o.acknowledgedBy].filter((x): x is string => x !== null)),
    inspectionsByIds(ctx.db, o.campaign.districtId, reports.flatMap((r) => r.inspectionIds)),
  ]);
  const reviewer = keepsCampaign(actor, o.campaign);
  const latestId = reports.at(-1)?.id;
  // 签收 first: filing signs for an unsigned task at the same moment, and the sort keeps ties in order.
  const history = [
    ...(o.acknowledgedAt ? [{ at: o.acknowledgedAt.toISOString(), who: (o.acknowledgedBy && people.get(o.acknowledgedBy)) || '', what: '签收', note: null }] : []),
    ...events.map((e) => ({ at: e.at.toISOString(), who: [e.actorUnitName, e.actorName].filter(Boolean).join(' '), what: e.action === 'file' ? `报送落实情况` : (PROGRESS_REPORT_ACTION_LABELS as Record<string, string>)[e.action] ?? e.action, note: e.note })),
    ...urges.map((u) => ({ at: u.at.toISOString(), who: u.byName, what: '催办', note: u.note })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const actions = occurrenceAllowedActions(tiesOf(actor, o, today));
  return {
    key: o.key, campaignId: o.campaign.id, campaignName: o.campaign.name, taskId: o.task.id, taskNumber: o.task.number, groupName: o.task.groupName,
    requirement: o.task.requirement, action: o.task.action, unitId: o.unitId, unitName: unit.get(o.unitId)?.name ?? '', due: o.due, from: o.from,
    state: o.state, overdue: o.overdue, acknowledged: o.acknowledged, urges: o.urges,
    deadlineText: o.task.deadlineText, deadline: deadlineView(o.task.deadlineRule as never, period), target: o.task.target,
    ackState: ACK_STATE_LABELS[ackState(o.assignedDay, o.acknowledgedDay, today)],
    reports: reports.map((r) => ({
      id: r.id, revision: r.revision, status: r.status, text: r.text, count: r.count,
      inspections: r.inspectionIds.map((i) => linked.get(i)).filter((x) => x !== undefined),
      files: (files.get(r.id) ?? []).map(presentFile).map((f) => ({ id: f.id, name: f.originalName, kind: f.kind, url: f.url })),
      filedByName: people.get(r.filedBy) ?? '', filedAt: r.filedAt.toISOString(),
      reviewedByName: r.reviewedBy ? people.get(r.reviewedBy) ?? '' : null, reviewedAt: r.reviewedAt?.toISOString() ?? null, reviewReason: r.reviewReason,
      version: r.version,
      allowedActions: reviewer && r.id === latestId ? allowedActions(progressReportWorkflow, { status: r.status, superseded: false }, ['reviewer']) : [],
    })),
    history,
    prefill: { count: prefill.length, inspections: prefill },
    evidence: o.evidence ? { label: o.evidence.label, met: o.evidence.met, records: o.evidence.records } : null,
    allowedActions: actions,
  };
}

async function inspectionsByIds(db: DbOrTx, districtId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; number: string | null; enterpriseName: string; at: string }>();
  const rows = await db.select({ id: inspections.id, number: inspections.number, enterpriseName: enterprises.name, at: inspections.inspectedOn })
    .from(inspections).innerJoin(enterprises, eq(enterprises.id, inspections.enterpriseId))
    .where(and(eq(inspections.districtId, districtId), inArray(inspections.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The office that keeps the campaign: its unit is told of filings. */
const keeperUnit = (c: repo.CampaignRow) => c.townshipId ?? c.districtId;

export async function fileReport(ctx: AppContext, actor: Actor, key: string, input: TReportFile): Promise<TOccurrenceDetail> {
  const today = todayOf(ctx);
  const o = await loadOccurrence(ctx.db, actor, key, today);
  const ties = tiesOf(actor, o, today);
  if (!ties.reportsForUnit) throw forbidden('只有责任单位可以报送落实情况');
  if (!occurrenceAllowedActions(ties).includes('report')) throw conflict(`该节点${OCCURRENCE_STATE_LABELS[o.state]}，不能重复报送`);
  // Linked inspections must be the unit's own, recorded in the window the occurrence covers.
  const allowed = new Set((await inspectionsInWindow(ctx.db, o)).map((i) => i.id));
  if (input.inspectionIds.some((i) => !allowed.has(i))) throw invalid({ inspectionIds: ['只能关联本单位在本期内完成的检查'] });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`coalesce(max(${progressReports.revision}), 0)::int` }).from(progressReports)
      .where(and(eq(progressReports.taskId, o.task.id), eq(progressReports.unitId, o.unitId), eq(progressReports.due, o.due)));
    const [r] = await tx.insert(progressReports).values({
      districtId: o.campaign.districtId, campaignId: o.campaign.id, taskId: o.task.id, unitId: o.unitId, due: o.due, revision: n + 1, status: 'submitted',
      text: input.text, count: input.count, inspectionIds: input.inspectionIds, filedBy: actor.userId, filedAt: now, createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning();
    if (!r) throw conflict('该节点刚刚已有人报送，请刷新后查看');
    await attachFiles(tx, actor, { ids: input.fileIds, ownerType: REPORT_FILE_OWNER, ownerId: r.id, purpose: 'report' });
    // Filing answers the task: it is acknowledged too, if nobody had yet.
    await tx.update(campaignTaskUnits).set({ acknowledgedAt: now, acknowledgedBy: actor.userId })
      .where(and(eq(campaignTaskUnits.taskId, o.task.id), eq(campaignTaskUnits.unitId, o.unitId), sql`${campaignTaskUnits.acknowledgedAt} is null`));
    await eventWriter(tx, { entityType: 'progress_report', entityId: r.id, districtId: r.districtId, actor, at: now })({ action: 'file', from: null, to: 'submitted', note: input.text.slice(0, 200) });
    await notify(tx, {
      districtId: r.districtId, kind: 'campaign.report_filed', title: o.task.requirement.slice(0, 60), body: `${actor.unitName} 报送了节点 ${o.due} 的落实情况`,
      href: `/occurrences/${o.key}`, entity: { type: 'progress_report', id: r.id }, audience: { unitIds: [keeperUnit(o.campaign)] }, actorId: actor.userId,
    });
    await recordAudit(tx, { at: now, districtId: r.districtId, actor, action: 'progress_report.file', entityType: 'progress_report', entityId: r.id, after: { ...r, fileIds: input.fileIds } });
  });
  return occurrenceDetail(ctx, actor, key);
}

export async function acknowledge(ctx: AppContext, actor: Actor, key: string): Promise<TOccurrenceDetail> {
  const today = todayOf(ctx);
  const o = await loadOccurrence(ctx.db, actor, key, today);
  const ties = tiesOf(actor, o, today);
  if (!ties.reportsForUnit) throw forbidden('只有责任单位可以签收任务');
  if (!occurrenceAllowedActions(ties).includes('acknowledge')) throw conflict('该任务已签收');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.update(campaignTaskUnits).set({ acknowledgedAt: now, acknowledgedBy: actor.userId })
      .where(and(eq(campaignTaskUnits.taskId, o.task.id), eq(campaignTaskUnits.unitId, o.unitId)));
    await recordAudit(tx, { at: now, districtId: o.campaign.districtId, actor, action: 'occurrence.acknowledge', entityType: 'campaign_task', entityId: o.task.id, after: { unitId: o.unitId } });
  });
  return occurrenceDetail(ctx, actor, key);
}

export async function urge(ctx: AppContext, actor: Actor, keys: readonly string[], note: string | null): Promise<{ urged: number }> {
  const today = todayOf(ctx);
  const unique = [...new Set(keys)];
  if (unique.some((k) => parseOccurrenceKey(k) === null)) throw invalid({ keys: ['催办事项有误，请刷新后重试'] });
  const occs: Occurrence[] = [];
  for (const k of unique) occs.push(await loadOccurrence(ctx.db, actor, k, today));
  const ties = occs.map((o) => tiesOf(actor, o, today));
  if (ties.some((x) => !x.keeps)) throw forbidden('只有发布该专项行动的安委办可以催办');
  if (ties.some((x) => x.campaignEnded)) throw conflict('专项行动已结束，不再催办');
  const owed = occs.filter((_o, i) => occurrenceAllowedActions(ties[i]!).includes('urge'));
  if (owed.length === 0) throw conflict('所选事项均已报送，无需催办');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(occurrenceUrges).values(owed.map((o) => ({
      districtId: o.campaign.districtId, campaignId: o.campaign.id, taskId: o.task.id, unitId: o.unitId, due: o.due, note, byId: actor.userId, byName: actor.displayName, at: now,
    })));
    const leaders = await repo.leadersOf(tx, [...new Set(owed.map((o) => keeperUnit(o.campaign)))]);
    await notify(tx, owed.map((o) => ({
      districtId: o.campaign.districtId, kind: 'campaign.urged' as const, title: o.task.requirement.slice(0, 60),
      body: `${actor.unitName} 催办：节点 ${o.due}${o.overdue ? '（已逾期）' : ''}${note ? `。${note}` : ''}`,
      href: `/occurrences/${o.key}`, entity: { type: 'campaign_task', id: o.task.id }, audience: { unitIds: [o.unitId], userIds: leaders }, actorId: actor.userId,
    })));
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'occurrence.urge', entityType: 'campaign', entityId: owed[0]!.campaign.id, after: { keys: owed.map((o) => o.key), note } });
  });
  return { urged: owed.length };
}

export const reviewReport = (ctx: AppContext, actor: Actor, id: string, body: TReportAction) => runAction(ctx, actor, progressReportServerWorkflow, id, body);

