// The office's side of public reports: the list, the detail with its allowedActions, the audited
// view of the reporter's identity, triage actions, and rewards (propose, approve, pay).
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type {
  TRewardActionRequest, TRewardListResponse, TTipActionRequest, TTipDetail, TTipIdentity, TTipListQuery, TTipListResponse, TTipReward,
} from '../../../contract/tips.ts';
import type { z } from '../../../contract/zod.ts';
import type { RewardListQuery, RewardPropose } from '../../../contract/tips.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { REWARD_STATES, rewardWorkflow } from '../../../domain/tips/reward-workflow.ts';
import { isOfficeOver } from '../../../domain/tips/tip-scope.ts';
import { TIP_ACTION_LABELS, TIP_STATES, TRUE_TIP_STATES, tipWorkflow } from '../../../domain/tips/tip-workflow.ts';
import { allowedActions } from '../../../domain/workflow/workflow.ts';
import type { AppContext } from '../../context.ts';
import { enterprises, hazards, orgUnits, publicReports as pr, tipRewards, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { eventsOf, eventWriter } from '../../kernel/record-events.ts';
import { runAction } from '../../kernel/run-action.ts';
import { recordAudit } from '../audit/index.ts';
import { listFilesOf, presentFile } from '../files/index.ts';
import { notify } from '../notifications/index.ts';
import { REWARD_FILE_OWNER, rewardRelations, rewardServerWorkflow } from './rewards.workflow.ts';
import { TIP_FILE_OWNER } from './tips.public.ts';
import { findReport, presentTipItem, tipList } from './tips.repository.ts';
import { rewardScopeSql, tipScopeSql } from './tips.scope.ts';
import { tipRelations, tipServerWorkflow } from './tips.workflow.ts';
import { can } from '../../../domain/access/permissions.ts';

const todayOf = (ctx: AppContext) => shanghaiDay(ctx.clock.now());
const WHAT: Record<string, string> = { submit: '群众提交举报', ...TIP_ACTION_LABELS };
const REWARD_WHAT: Record<string, string> = { propose: '提出奖励', approve: '批准奖励', reject: '不予批准奖励', pay: '登记发放奖励', claim: '举报人申领奖励' };

export async function listTips(ctx: AppContext, actor: Actor, q: TTipListQuery): Promise<TTipListResponse> {
  const today = todayOf(ctx);
  const mineUnitId = q.mine ? (actor.role === 'department' ? actor.unitId : null) : undefined;
  const { rows, total, counts } = await tipList.page(ctx.db, { ...q, scope: tipScopeSql(actor), today, mineUnitId }, q);
  return {
    items: rows.map((r) => hideReward(actor, presentTipItem(r, today))), total, page: q.page, pageSize: q.pageSize,
    counts: Object.fromEntries(TIP_STATES.map((s) => [s, counts[s].n])) as TTipListResponse['counts'],
  };
}

/** A department investigates; rewards are the office's and the leaders' business. */
const hideReward = <T extends { rewardStatus: unknown }>(actor: Actor, item: T): T => (can(actor.role, 'read:tip_reward') ? item : { ...item, rewardStatus: null });

const nameOf = async (ctx: AppContext, ids: (string | null)[]) => {
  const wanted = ids.filter((i): i is string => i !== null);
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
};

async function presentReward(ctx: AppContext, actor: Actor, reportId: string): Promise<TTipReward | null> {
  if (!can(actor.role, 'read:tip_reward')) return null;
  const [r] = await ctx.db.select().from(tipRewards).where(and(eq(tipRewards.reportId, reportId), rewardScopeSql(actor))).limit(1);
  if (!r) return null;
  const [names, files] = await Promise.all([nameOf(ctx, [r.proposedBy, r.decidedBy, r.paidBy]), listFilesOf(ctx.db, REWARD_FILE_OWNER, [r.id])]);
  return {
    id: r.id, status: r.status, amountFen: r.amountFen, anonymous: r.anonymous, basis: r.basis, proposedByName: names.get(r.proposedBy) ?? '',
    proposedAt: r.proposedAt.toISOString(), decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? '') : null, decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote, claimedAt: r.claimedAt?.toISOString() ?? null, paidOn: r.paidOn, payMethod: r.payMethod,
    paidByName: r.paidBy ? (names.get(r.paidBy) ?? '') : null, codeVerified: r.codeVerified, receipts: (files.get(r.id) ?? []).map(presentFile),
    version: r.version, allowedActions: allowedActions(rewardWorkflow, { status: r.status, anonymous: r.anonymous }, rewardRelations(actor, r)),
  };
}

export async function getTip(ctx: AppContext, actor: Actor, id: string): Promise<TTipDetail> {
  const j = await findReport(ctx.db, and(eq(pr.id, id), tipScopeSql(actor))!);
  if (!j) throw notFound('举报');
  const r = j.r;
  const [files, events, reward, [hazard], [ent], [dup]] = await Promise.all([
    listFilesOf(ctx.db, TIP_FILE_OWNER, [id]),
    eventsOf(ctx.db, 'public_report', id),
    presentReward(ctx, actor, id),
    r.hazardId ? ctx.db.select({ id: hazards.id, number: hazards.number, status: hazards.status }).from(hazards).where(eq(hazards.id, r.hazardId)).limit(1) : Promise.resolve([]),
    r.enterpriseId ? ctx.db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(eq(enterprises.id, r.enterpriseId)).limit(1) : Promise.resolve([]),
    r.duplicateOfId ? ctx.db.select({ id: pr.id, number: pr.number }).from(pr).where(eq(pr.id, r.duplicateOfId)).limit(1) : Promise.resolve([]),
  ]);
  const office = isOfficeOver(actor, r);
  const rewardEvents = reward ? await eventsOf(ctx.db, 'tip_reward', reward.id) : [];
  const history = [...events.map((e) => ({ e, what: WHAT[e.action] ?? e.action })), ...rewardEvents.map((e) => ({ e, what: REWARD_WHAT[e.action] ?? e.action }))]
    .sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.e.seq - b.e.seq);
  return {
    ...hideReward(actor, presentTipItem(j, todayOf(ctx))),
    description: r.description, enterpriseName: r.enterpriseName, enterprise: ent ?? null, latitude: r.latitude, longitude: r.longitude,
    internalNote: r.internalNote, publicReply: r.publicReply, repliedAt: r.repliedAt?.toISOString() ?? null, conclusionReason: r.conclusionReason,
    concludedAt: r.concludedAt?.toISOString() ?? null, hazard: hazard ?? null, duplicateOf: dup ?? null, files: (files.get(id) ?? []).map(presentFile),
    hasIdentity: j.hasIdentity, mayViewIdentity: j.hasIdentity && can(actor.role, 'read:tip_identity') && office,
    reward, mayProposeReward: reward === null && actor.role === 'office' && office && (TRUE_TIP_STATES as readonly string[]).includes(r.status),
    history: history.map(({ e, what }) => ({ at: e.at.toISOString(), who: [e.actorUnitName, e.actorName].filter(Boolean).join(' ') || '举报人', what, note: e.note })),
    version: r.version, allowedActions: allowedActions(tipWorkflow, { status: r.status }, tipRelations(actor, r)),
  };
}

/** The reporter's name and phone (and a reward claim's phone): the office over the report only, each view in the audit trail. */
export async function viewIdentity(ctx: AppContext, actor: Actor, id: string): Promise<TTipIdentity> {
  const [r] = await ctx.db.select({ id: pr.id, districtId: pr.districtId, townshipId: pr.townshipId, reporterName: pr.reporterName, reporterPhone: pr.reporterPhone })
    .from(pr).where(and(eq(pr.id, id), tipScopeSql(actor))).limit(1);
  if (!r || !isOfficeOver(actor, r)) throw notFound('举报');
  const [reward] = await ctx.db.select({ claimPhone: tipRewards.claimPhone }).from(tipRewards).where(eq(tipRewards.reportId, id)).limit(1);
  await ctx.db.transaction((tx) => recordAudit(tx, {
    at: ctx.clock.now(), districtId: r.districtId, actor, action: 'public_report.identity_view', entityType: 'public_report', entityId: r.id,
    after: { viewed: ['reporterName', 'reporterPhone', 'claimPhone'] },
  }));
  return { reporterName: r.reporterName, reporterPhone: r.reporterPhone, claimPhone: reward?.claimPhone ?? null };
}

const tipFlow = tipServerWorkflow(getTip);
export const actOnTip = (ctx: AppContext, actor: Actor, id: string, body: TTipActionRequest) => runAction(ctx, actor, tipFlow, id, body);
const rewardFlow = rewardServerWorkflow(getTip);
export const actOnReward = (ctx: AppContext, actor: Actor, id: string, body: TRewardActionRequest) => runAction(ctx, actor, rewardFlow, id, body);

/** 提出奖励 for a report found true: the office over it, once per report. */
export async function proposeReward(ctx: AppContext, actor: Actor, id: string, body: z.output<typeof RewardPropose>): Promise<TTipDetail> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx.select().from(pr).where(and(eq(pr.id, id), tipScopeSql(actor))).limit(1);
    if (!r) throw notFound('举报');
    if (!isOfficeOver(actor, r)) throw new AppError('FORBIDDEN', '举报奖励由镇街或区安委办提出');
    if (r.version !== body.version) throw conflict();
    if (!(TRUE_TIP_STATES as readonly string[]).includes(r.status)) throw new AppError('CONFLICT', '只有核查属实或部分属实的举报可以给予奖励');
    const [w] = await tx.insert(tipRewards).values({
      districtId: r.districtId, townshipId: r.townshipId, reportId: r.id, status: 'proposed', amountFen: body.amountFen, anonymous: r.anonymous,
      basis: body.basis, proposedBy: actor.userId, proposedAt: now, createdAt: now, updatedAt: now,
    }).onConflictDoNothing().returning();
    if (!w) throw new AppError('CONFLICT', '该举报已提出过奖励');
    await eventWriter(tx, { entityType: 'tip_reward', entityId: w.id, districtId: w.districtId, actor, at: now })({ action: 'propose', from: null, to: 'proposed', note: body.basis, data: { amountFen: body.amountFen } });
    await recordAudit(tx, { at: now, districtId: w.districtId, actor, action: 'tip_reward.propose', entityType: 'tip_reward', entityId: w.id, after: { reportId: r.id, amountFen: w.amountFen, anonymous: w.anonymous } });
    const leaders = await tx.select({ id: users.id }).from(users).where(and(inArray(users.unitId, [r.townshipId]), eq(users.role, 'leader'), eq(users.active, true)));
    await notify(tx, {
      districtId: w.districtId, kind: 'reward.proposed', title: `举报 ${r.number} 的奖励待审批`, body: `奖励 ${(w.amountFen / 100).toFixed(2)} 元`, href: `/tips/${r.id}`,
      entity: { type: 'public_report', id: r.id }, audience: { userIds: leaders.map((l) => l.id) }, actorId: actor.userId,
    });
  });
  return getTip(ctx, actor, id);
}

export async function listRewards(ctx: AppContext, actor: Actor, q: z.output<typeof RewardListQuery>): Promise<TRewardListResponse> {
  const base = and(rewardScopeSql(actor), q.townshipId ? eq(tipRewards.townshipId, q.townshipId) : undefined);
  const where = and(base, q.status ? eq(tipRewards.status, q.status) : undefined);
  const [rows, [total], grouped] = await Promise.all([
    ctx.db.select({ w: tipRewards, number: pr.number, townshipName: orgUnits.name }).from(tipRewards)
      .innerJoin(pr, eq(pr.id, tipRewards.reportId)).innerJoin(orgUnits, eq(orgUnits.id, tipRewards.townshipId))
      .where(where).orderBy(sql`case ${tipRewards.status} when 'proposed' then 0 when 'approved' then 1 else 2 end`, desc(tipRewards.proposedAt), desc(tipRewards.id))
      .limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(tipRewards).where(where),
    ctx.db.select({ s: tipRewards.status, n: count() }).from(tipRewards).where(base).groupBy(tipRewards.status),
  ]);
  const counts = Object.fromEntries(REWARD_STATES.map((s) => [s, grouped.find((g) => g.s === s)?.n ?? 0])) as TRewardListResponse['counts'];
  return {
    items: rows.map(({ w, number, townshipName }) => ({
      id: w.id, reportId: w.reportId, reportNumber: number, township: { id: w.townshipId, name: townshipName }, status: w.status, amountFen: w.amountFen,
      anonymous: w.anonymous, proposedAt: w.proposedAt.toISOString(), paidOn: w.paidOn,
    })),
    total: total?.n ?? 0, page: q.page, pageSize: q.pageSize, counts,
  };
}

export async function tipVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  const [r] = await ctx.db.select({ id: pr.id }).from(pr).where(and(eq(pr.id, id), tipScopeSql(actor))).limit(1);
  return r !== undefined;
}
export async function rewardVisibleTo(ctx: AppContext, actor: Actor, id: string): Promise<boolean> {
  const [r] = await ctx.db.select({ id: tipRewards.id }).from(tipRewards).where(and(eq(tipRewards.id, id), rewardScopeSql(actor))).limit(1);
  return r !== undefined;
}
