// The task list (工作清单和责任清单) of a campaign: read by everyone who sees the campaign, kept by
// its office. A task's deadline phrase is parsed when saved (and again when the period changes);
// the parsed rule is shown beside the text so a person sees what the phrase will mean.
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { containsText } from '../../kernel/list-query.ts';
import type { TCampaignTask, TTaskInput, TTaskUpdate } from '../../../contract/campaigns.ts';
import { type DeadlineRule, type Period, describeDeadline, expandDeadline, needsConfirmation, parseDeadline } from '../../../domain/campaigns/deadline-rule/index.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaignTasks } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './campaigns.repository.ts';
import { loadCampaign, loadKeptCampaign } from './campaigns.service.ts';

const periodOf = (c: repo.CampaignRow): Period => ({ start: c.periodStart, end: c.periodEnd });

export function deadlineView(rule: DeadlineRule, period: Period) {
  return {
    kind: rule.kind, label: describeDeadline(rule, period), dueDates: expandDeadline(rule, period).map((d) => d.due),
    needsConfirmation: needsConfirmation(rule), notes: rule.notes,
  };
}

export function presentTask(c: repo.CampaignRow, t: repo.TaskRow, units: readonly repo.TaskUnitRow[], names: Map<string, repo.UnitRef>): TCampaignTask {
  return {
    id: t.id, kind: t.kind, ordinal: t.ordinal, number: t.number, groupName: t.groupName, action: t.action, requirement: t.requirement,
    unitsText: t.unitsText,
    units: units.map((u) => ({ id: u.unitId, name: names.get(u.unitId)?.name ?? '', kind: names.get(u.unitId)?.kind ?? '', lead: u.lead })),
    deadlineText: t.deadlineText, deadline: deadlineView(t.deadlineRule as DeadlineRule, periodOf(c)), target: t.target,
    voided: t.voidedAt !== null, voidReason: t.voidReason, version: t.version,
  };
}

type TaskQuery = { q?: string | undefined; group?: string | undefined; unitId?: string | undefined; voided?: boolean | undefined; page: number; pageSize: number };

export async function listTasks(ctx: AppContext, actor: Actor, id: string, q: TaskQuery) {
  const { c } = await loadCampaign(ctx.db, actor, id);
  const where = and(
    eq(campaignTasks.campaignId, id),
    q.voided ? isNotNull(campaignTasks.voidedAt) : isNull(campaignTasks.voidedAt),
    q.group ? eq(campaignTasks.groupName, q.group) : undefined,
    containsText(q.q, campaignTasks.requirement, campaignTasks.action, campaignTasks.unitsText, campaignTasks.number),
    q.unitId ? sql`exists (select 1 from campaign_task_units u where u.task_id = ${campaignTasks.id} and u.unit_id = ${q.unitId})` : undefined,
  )!;
  const [items, [total], groups] = await Promise.all([
    ctx.db.select().from(campaignTasks).where(where).orderBy(campaignTasks.ordinal, campaignTasks.createdAt).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: sql<number>`count(*)::int` }).from(campaignTasks).where(where),
    ctx.db.selectDistinct({ g: campaignTasks.groupName, o: sql<number>`min(${campaignTasks.ordinal})` }).from(campaignTasks)
      .where(and(eq(campaignTasks.campaignId, id), isNull(campaignTasks.voidedAt))).groupBy(campaignTasks.groupName).orderBy(sql`2`),
  ]);
  const units = (await repo.taskUnitsOf(ctx.db, [id])).filter((u) => items.some((t) => t.id === u.taskId));
  const names = await repo.unitNames(ctx.db, units.map((u) => u.unitId));
  return {
    items: items.map((t) => presentTask(c, t, units.filter((u) => u.taskId === t.id), names)),
    total: total?.n ?? 0, page: q.page, pageSize: q.pageSize, groups: groups.map((g) => g.g).filter((g) => g !== ''),
  };
}

/** The units must be ones the campaign can assign (its region's departments and villages). */
export async function checkUnits(db: DbOrTx, c: repo.CampaignRow, unitIds: readonly string[], field = 'unitIds') {
  const allowed = new Set((await repo.assignableUnits(db, c.districtId, c.townshipId)).map((u) => u.id));
  const bad = unitIds.filter((u) => !allowed.has(u));
  if (bad.length) throw invalid({ [field]: ['责任单位不属于本专项行动的辖区'] });
}

async function presentOne(db: DbOrTx, c: repo.CampaignRow, taskId: string) {
  const t = await repo.findTask(db, c.id, taskId);
  if (!t) throw notFound('任务');
  const units = (await repo.taskUnitsOf(db, [c.id])).filter((u) => u.taskId === taskId);
  return presentTask(c, t, units, await repo.unitNames(db, units.map((u) => u.unitId)));
}

const leadsOf = (unitIds: readonly string[], leadUnitIds?: readonly string[]) =>
  unitIds.map((unitId) => ({ unitId, lead: leadUnitIds === undefined || leadUnitIds.length === 0 || leadUnitIds.includes(unitId) }));

export async function createTask(ctx: AppContext, actor: Actor, id: string, input: TTaskInput): Promise<TCampaignTask> {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  await checkUnits(ctx.db, c, input.unitIds);
  const now = ctx.clock.now();
  const taskId = await ctx.db.transaction(async (tx) => {
    const [{ max } = { max: 0 }] = await tx.select({ max: sql<number>`coalesce(max(${campaignTasks.ordinal}), 0)::int` }).from(campaignTasks).where(eq(campaignTasks.campaignId, id));
    const [t] = await tx.insert(campaignTasks).values({
      districtId: c.districtId, campaignId: id, kind: input.kind, ordinal: max + 1, number: input.number, groupName: input.groupName, action: input.action,
      requirement: input.requirement, deadlineText: input.deadlineText, deadlineRule: parseDeadline(input.deadlineText, periodOf(c)), target: input.target,
      createdAt: now, updatedAt: now,
    }).returning();
    await repo.setTaskUnits(tx, t!, leadsOf(input.unitIds, input.leadUnitIds), now);
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'campaign_task.create', entityType: 'campaign_task', entityId: t!.id, after: { ...t, unitIds: input.unitIds } });
    return t!.id;
  });
  return presentOne(ctx.db, c, taskId);
}

export async function updateTask(ctx: AppContext, actor: Actor, id: string, taskId: string, input: TTaskUpdate): Promise<TCampaignTask> {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  const t = await repo.findTask(ctx.db, id, taskId);
  if (!t) throw notFound('任务');
  if (t.version !== input.version) throw conflict();
  if (t.voidedAt) throw conflict('任务已作废，不能修改');
  if (input.unitIds) await checkUnits(ctx.db, c, input.unitIds);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { version: _v, unitIds, leadUnitIds, ...fields } = input;
    const set = { ...fields, ...(input.deadlineText !== undefined ? { deadlineRule: parseDeadline(input.deadlineText, periodOf(c)) } : {}), version: t.version + 1, updatedAt: now };
    const [u] = await tx.update(campaignTasks).set(set).where(and(eq(campaignTasks.id, taskId), eq(campaignTasks.version, t.version))).returning();
    if (!u) throw conflict();
    if (unitIds) await repo.setTaskUnits(tx, t, leadsOf(unitIds, leadUnitIds), now);
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'campaign_task.update', entityType: 'campaign_task', entityId: taskId, before: t, after: { ...u, unitIds } });
  });
  return presentOne(ctx.db, c, taskId);
}

export async function voidTask(ctx: AppContext, actor: Actor, id: string, taskId: string, input: { reason: string; version: number }): Promise<TCampaignTask> {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  const t = await repo.findTask(ctx.db, id, taskId);
  if (!t) throw notFound('任务');
  if (t.version !== input.version) throw conflict();
  if (t.voidedAt) throw conflict('任务已作废');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx.update(campaignTasks).set({ voidedAt: now, voidReason: input.reason, version: t.version + 1, updatedAt: now })
      .where(and(eq(campaignTasks.id, taskId), eq(campaignTasks.version, t.version))).returning();
    if (!u) throw conflict();
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'campaign_task.void', entityType: 'campaign_task', entityId: taskId, after: { reason: input.reason } });
  });
  return presentOne(ctx.db, c, taskId);
}

/** Puts the listed tasks first, in the given order; the others keep theirs after them. */
export async function reorderTasks(ctx: AppContext, actor: Actor, id: string, taskIds: readonly string[]) {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  const tasks = await repo.tasksOf(ctx.db, [id], true);
  const known = new Set(tasks.map((t) => t.id));
  if (new Set(taskIds).size !== taskIds.length || taskIds.some((t) => !known.has(t))) throw invalid({ taskIds: ['任务列表有误，请刷新后重试'] });
  const order = [...taskIds, ...tasks.map((t) => t.id).filter((t) => !taskIds.includes(t))];
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`update campaign_tasks t set ordinal = o.n, updated_at = ${now.toISOString()}::timestamptz
      from unnest(${sql.param(order)}::uuid[]) with ordinality as o(id, n) where t.id = o.id and t.campaign_id = ${id}`);
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'campaign_task.reorder', entityType: 'campaign', entityId: id, after: { order } });
  });
  return { ok: true as const };
}

export function parseDeadlineText(text: string, period: Period) {
  if (period.start > period.end) throw invalid({ 'period.end': ['结束日期不能早于开始日期'] });
  const rule = parseDeadline(text, period);
  return { rule: rule as unknown as Record<string, unknown>, dueDates: expandDeadline(rule, period).map((d) => d.due), label: describeDeadline(rule, period), needsConfirmation: needsConfirmation(rule) };
}

/** The units the campaign's tasks can be assigned to (for the task form). */
export async function assignable(ctx: AppContext, actor: Actor, id: string) {
  const { c } = await loadCampaign(ctx.db, actor, id);
  return { items: (await repo.assignableUnits(ctx.db, c.districtId, c.townshipId)).map((u) => ({ id: u.id, name: u.name, kind: u.kind })) };
}
