// Campaign use cases: list, read, create, edit and publish. The issuing office keeps a campaign
// (domain/access/scope.ts keepsCampaign); everyone in its region reads it. State, current stage and
// days left are derived from the dates and today; figures from the derived occurrences.
import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { TCampaignCreate, TCampaignDetail, TCampaignListItem, TCampaignUpdate } from '../../../contract/campaigns.ts';
import { keepsCampaign, watchesAllUnits } from '../../../domain/access/scope.ts';
import { can } from '../../../domain/access/permissions.ts';
import { campaignState, currentStageIndex, daysLeft, stageProblems } from '../../../domain/campaigns/campaign.ts';
import { campaignAllowedActions } from '../../../domain/campaigns/campaign-policy.ts';
import { describeDeadline, parseDeadline } from '../../../domain/campaigns/deadline-rule/index.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { campaigns, campaignTasks, checklistTemplates, sectors } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/index.ts';
import * as repo from './campaigns.repository.ts';
import { campaignScopeSql } from './campaigns.scope.ts';
import { figuresOf, occurrencesOf } from './occurrences.engine.ts';

export const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());

/** The campaign if the actor may see it (another region's answers 404). */
export async function loadCampaign(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findCampaign(db, campaignScopeSql(actor), id);
  if (!row) throw notFound('专项行动');
  return row;
}

/** The campaign if the actor keeps it (edits, reviews, urges); one the actor only reads is refused as forbidden. */
export async function loadKeptCampaign(db: DbOrTx, actor: Actor, id: string) {
  const row = await loadCampaign(db, actor, id);
  if (!keepsCampaign(actor, row.c)) throw forbidden('只有发布该专项行动的安委办可以修改、审核和催办');
  return row;
}

const published = (c: repo.CampaignRow) => c.publishedAt !== null;

async function presentItems(db: DbOrTx, rows: { c: repo.CampaignRow; issuerName: string }[], today: string): Promise<TCampaignListItem[]> {
  const ids = rows.map((r) => r.c.id);
  const [stages, tasks, occs] = await Promise.all([
    repo.stagesOfMany(db, ids),
    repo.tasksOf(db, ids),
    occurrencesOf(db, rows.filter((r) => published(r.c)).map((r) => r.c), today),
  ]);
  return rows.map(({ c, issuerName }) => {
    const st = stages.get(c.id) ?? [];
    const i = currentStageIndex(st, today);
    return {
      id: c.id, name: c.name, docNumber: c.docNumber, issuerName, townshipId: c.townshipId, parentId: c.parentId,
      periodStart: c.periodStart, periodEnd: c.periodEnd, state: campaignState({ ...c, published: published(c) }, today),
      currentStage: i === null ? null : st[i]!.name, daysLeft: daysLeft({ ...c, published: published(c) }, today),
      figures: figuresOf(occs.filter((o) => o.campaign.id === c.id), tasks.filter((t) => t.campaignId === c.id), today),
    };
  });
}

export async function listCampaigns(ctx: AppContext, actor: Actor, q: { state?: 'draft' | 'active' | 'ended' | undefined; q?: string | undefined; page: number; pageSize: number }) {
  const today = todayOf(ctx);
  const conds: SQL[] = [campaignScopeSql(actor)];
  if (q.q) conds.push(repo.textFilter(q.q));
  if (q.state === 'draft') conds.push(isNull(campaigns.publishedAt));
  if (q.state === 'active') conds.push(and(isNotNull(campaigns.publishedAt), gte(campaigns.periodEnd, today))!);
  if (q.state === 'ended') conds.push(and(isNotNull(campaigns.publishedAt), lt(campaigns.periodEnd, today))!);
  const { items, total } = await repo.listCampaigns(ctx.db, and(...conds)!, q.page, q.pageSize);
  const creates = can(actor.role, 'edit:campaign') && (actor.unitKind === 'district' || actor.unitKind === 'township');
  const parents = creates && actor.unitKind === 'township'
    ? await ctx.db.select({ id: campaigns.id, name: campaigns.name }).from(campaigns)
      .where(and(campaignScopeSql(actor), isNull(campaigns.townshipId), isNotNull(campaigns.publishedAt))).orderBy(desc(campaigns.periodEnd)).limit(50)
    : [];
  return {
    items: await presentItems(ctx.db, items, today), total, page: q.page, pageSize: q.pageSize,
    allowedActions: creates ? ['create' as const] : [], parentOptions: parents,
  };
}


export async function getCampaign(ctx: AppContext, actor: Actor, id: string): Promise<TCampaignDetail> {
  const today = todayOf(ctx);
  const row = await loadCampaign(ctx.db, actor, id);
  const c = row.c;
  const [[item], stages, children, keySectors, checklists, parent] = await Promise.all([
    presentItems(ctx.db, [row], today),
    repo.stagesOf(ctx.db, id),
    repo.childrenOf(ctx.db, campaignScopeSql(actor), id).then((rows) => presentItems(ctx.db, rows, today)),
    c.keySectorIds.length ? ctx.db.select({ id: sectors.id, name: sectors.name }).from(sectors).where(and(eq(sectors.districtId, c.districtId), inArray(sectors.id, c.keySectorIds))) : [],
    c.checklistTemplateIds.length ? ctx.db.select({ id: checklistTemplates.id, name: checklistTemplates.name }).from(checklistTemplates).where(and(eq(checklistTemplates.districtId, c.districtId), inArray(checklistTemplates.id, c.checklistTemplateIds))) : [],
    c.parentId ? repo.findCampaign(ctx.db, campaignScopeSql(actor), c.parentId) : null,
  ]);
  const keeps = keepsCampaign(actor, c);
  const period = { start: c.periodStart, end: c.periodEnd };
  return {
    ...item!,
    stages: stages.map((s) => ({ id: s.id, ordinal: s.ordinal, name: s.name, startDate: s.startDate, endDate: s.endDate, due: s.due })),
    currentStageIndex: currentStageIndex(stages, today),
    keySectors, checklists,
    reportCycleText: c.reportCycleText, reportCycleLabel: describeDeadline(parseDeadline(c.reportCycleText, period), period),
    remindDaysBefore: c.remindDaysBefore, note: c.note, published: published(c),
    parent: parent ? { id: parent.c.id, name: parent.c.name } : null,
    children, today, version: c.version,
    allowedActions: campaignAllowedActions({ keeps, watches: watchesAllUnits(actor, c), published: published(c), state: item!.state }),
  };
}

function checkDates(input: { periodStart: string; periodEnd: string; stages: TCampaignCreate['stages'] }) {
  if (input.periodStart > input.periodEnd) throw invalid({ periodEnd: ['结束日期不能早于开始日期'] });
  const problems = stageProblems(input, input.stages);
  if (problems.length) throw invalid({ stages: problems }, problems[0]);
}

/** A parent must be a district campaign the actor sees (a township implements its district's). */
async function checkParent(db: DbOrTx, actor: Actor, parentId: string | null) {
  if (!parentId) return;
  const p = await repo.findCampaign(db, campaignScopeSql(actor), parentId);
  if (!p || p.c.townshipId !== null) throw invalid({ parentId: ['上级专项行动不存在'] });
}

export async function createCampaign(ctx: AppContext, actor: Actor, input: TCampaignCreate): Promise<TCampaignDetail> {
  if (actor.unitKind !== 'district' && actor.unitKind !== 'township') throw invalid({ _: ['只有区、镇（街道）安委办可以新建专项行动'] }, '只有区、镇（街道）安委办可以新建专项行动');
  checkDates(input);
  await checkParent(ctx.db, actor, input.parentId);
  const townshipId = actor.unitKind === 'township' ? actor.unitId : null;
  if (townshipId === null && input.parentId) throw invalid({ parentId: ['区级专项行动没有上级专项行动'] });
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [c] = await tx.insert(campaigns).values({
      districtId: actor.districtId, townshipId, parentId: input.parentId, name: input.name, docNumber: input.docNumber,
      periodStart: input.periodStart, periodEnd: input.periodEnd, keySectorIds: input.keySectorIds, checklistTemplateIds: input.checklistTemplateIds,
      reportCycleText: input.reportCycleText, remindDaysBefore: input.remindDaysBefore, note: input.note, createdBy: actor.userId, createdAt: now, updatedAt: now,
    }).returning();
    await repo.replaceStages(tx, c!, input.stages);
    await recordAudit(tx, { at: now, districtId: actor.districtId, actor, action: 'campaign.create', entityType: 'campaign', entityId: c!.id, after: { ...c, stages: input.stages } });
    return c!.id;
  });
  return getCampaign(ctx, actor, id);
}

export async function updateCampaign(ctx: AppContext, actor: Actor, id: string, input: TCampaignUpdate): Promise<TCampaignDetail> {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  if (input.version !== c.version) throw conflict();
  const stages = input.stages ?? (await repo.stagesOf(ctx.db, id)).map((s) => ({ name: s.name, startDate: s.startDate, endDate: s.endDate, due: s.due }));
  const next = { periodStart: input.periodStart ?? c.periodStart, periodEnd: input.periodEnd ?? c.periodEnd };
  checkDates({ ...next, stages });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { version: _v, stages: _s, ...fields } = input;
    const [u] = await tx.update(campaigns).set({ ...fields, version: c.version + 1, updatedAt: now }).where(and(eq(campaigns.id, id), eq(campaigns.version, c.version))).returning();
    if (!u) throw conflict();
    if (input.stages) await repo.replaceStages(tx, c, input.stages);
    // A phrase without a year takes the campaign's: a new period re-reads every task's deadline.
    if (next.periodStart !== c.periodStart || next.periodEnd !== c.periodEnd) {
      const period = { start: next.periodStart, end: next.periodEnd };
      for (const t of await repo.tasksOf(tx, [id], true)) {
        await tx.update(campaignTasks).set({ deadlineRule: parseDeadline(t.deadlineText, period) }).where(eq(campaignTasks.id, t.id));
      }
    }
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'campaign.update', entityType: 'campaign', entityId: id, before: c, after: u });
  });
  return getCampaign(ctx, actor, id);
}

export async function publishCampaign(ctx: AppContext, actor: Actor, id: string, version: number): Promise<TCampaignDetail> {
  const { c } = await loadKeptCampaign(ctx.db, actor, id);
  if (version !== c.version) throw conflict();
  if (c.publishedAt) throw conflict('该专项行动已发布');
  const tasks = await repo.tasksOf(ctx.db, [id]);
  if (tasks.length === 0) throw invalid({ _: ['请先导入或添加工作任务再发布'] }, '请先导入或添加工作任务再发布');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [u] = await tx.update(campaigns).set({ publishedAt: now, version: c.version + 1, updatedAt: now }).where(and(eq(campaigns.id, id), eq(campaigns.version, c.version))).returning();
    if (!u) throw conflict();
    // Units are assigned when the campaign is published: the 签收 clock starts now.
    await tx.execute(sql`update campaign_task_units set assigned_at = ${now.toISOString()}::timestamptz where campaign_id = ${id}`);
    await recordAudit(tx, { at: now, districtId: c.districtId, actor, action: 'campaign.publish', entityType: 'campaign', entityId: id, after: { publishedAt: now } });
  });
  return getCampaign(ctx, actor, id);
}
