// The reward workflow as the server runs it: a leader over the report's township approves or
// refuses; the office pays, with the receipt, and for an anonymous reporter only against the
// tracking code the claimant shows (its hash must match the report's).
import { and, eq } from 'drizzle-orm';
import type { TRewardActionRequest, TTipDetail } from '../../../contract/tips.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import {
  type RewardAction, type RewardFacts, type RewardInput, type RewardRefusal, type RewardRelation, type RewardState, rewardWorkflow,
} from '../../../domain/tips/reward-workflow.ts';
import { isLeaderOver, isOfficeOver } from '../../../domain/tips/tip-scope.ts';
import { normalizeCode } from '../../../domain/tips/tracking-code.ts';
import type { AppContext } from '../../context.ts';
import { publicReports, tipRewards, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import type { ServerWorkflow } from '../../kernel/run-action.ts';
import { attachFiles } from '../files/index.ts';
import { hashCode } from './tips.public.ts';
import { rewardScopeSql } from './tips.scope.ts';

type Row = typeof tipRewards.$inferSelect;
export const REWARD_FILE_OWNER = 'tip_reward';

export function rewardRelations(actor: Actor, r: Pick<Row, 'districtId' | 'townshipId'>): RewardRelation[] {
  const rel: RewardRelation[] = [];
  if (isLeaderOver(actor, r)) rel.push('leader');
  if (actor.role === 'office' && isOfficeOver(actor, r)) rel.push('office');
  return rel;
}

export function rewardServerWorkflow(present: (ctx: AppContext, actor: Actor, reportId: string) => Promise<TTipDetail>): ServerWorkflow<
  RewardState, RewardAction, RewardFacts, RewardRelation, RewardInput, RewardRefusal, Row, TRewardActionRequest, TTipDetail
> {
  return {
    def: rewardWorkflow,
    audit: { entityType: 'tip_reward', actionPrefix: 'tip_reward' },
    label: '举报奖励',
    forbiddenMessage: '您不能对该奖励进行此操作',
    forbiddenMessageFor: (action) => (action === 'pay' ? '奖励由镇街或区安委办登记发放' : '举报奖励由领导审批'),
    async load(db, actor, id) {
      const [r] = await db.select().from(tipRewards).where(and(eq(tipRewards.id, id), rewardScopeSql(actor))).limit(1);
      return r ?? null;
    },
    facts: async (_db, r) => ({ status: r.status, anonymous: r.anonymous }),
    relations: async (_db, actor, r) => rewardRelations(actor, r),
    async update(tx, id, version, set, now) {
      const [u] = await tx.update(tipRewards).set({ ...set, version: version + 1, updatedAt: now }).where(and(eq(tipRewards.id, id), eq(tipRewards.version, version))).returning();
      return u ?? null;
    },
    handlers: {
      approve: { run: async ({ actor, now, body }) => ({ set: { decidedBy: actor.userId, decidedAt: now, decisionNote: body.note }, event: { note: body.note } }) },
      reject: {
        input: ({ body }) => ({ action: 'reject', note: body.note }),
        run: async ({ actor, now, body }) => ({ set: { decidedBy: actor.userId, decidedAt: now, decisionNote: body.note }, event: { note: body.note } }),
      },
      pay: {
        input: async ({ tx, row, body, today }) => {
          let codeMatches: boolean | null = null;
          if (row.anonymous && body.code) {
            const code = normalizeCode(body.code);
            const [rep] = await tx.select({ codeHash: publicReports.codeHash }).from(publicReports).where(eq(publicReports.id, row.reportId)).limit(1);
            codeMatches = code !== null && rep?.codeHash === hashCode(code);
          }
          return { action: 'pay', paidOn: body.paidOn, today, proposedDay: shanghaiDay(row.proposedAt), codeMatches, receiptCount: body.receiptFileIds.length };
        },
        run: async ({ tx, actor, row, body }) => {
          await attachFiles(tx, actor, { ids: body.receiptFileIds, ownerType: REWARD_FILE_OWNER, ownerId: row.id, purpose: 'report', field: 'receiptFileIds' });
          return {
            set: { paidOn: body.paidOn, payMethod: body.payMethod, paidBy: actor.userId, codeVerified: row.anonymous },
            event: { note: `${body.paidOn} 发放`, data: { receiptFileIds: body.receiptFileIds } },
          };
        },
      },
    },
    async notifications({ tx, actor, row, body }) {
      if (body.action === 'pay') return [];
      const office = await tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, row.townshipId), eq(users.role, 'office'), eq(users.active, true)));
      const approved = body.action === 'approve';
      return [{
        districtId: row.districtId, kind: approved ? 'reward.approved' : 'reward.rejected', title: approved ? '举报奖励已批准，请发放' : '举报奖励未获批准',
        body: approved ? '举报人可凭查询码申领；匿名举报凭查询码发放' : (body.note ?? ''), href: `/tips/${row.reportId}`,
        entity: { type: 'public_report', id: row.reportId }, audience: { userIds: office.map((u) => u.id) }, actorId: actor.userId,
      }];
    },
    presentAfterAction: async (ctx, actor, id) => {
      const [r] = await ctx.db.select({ reportId: tipRewards.reportId }).from(tipRewards).where(eq(tipRewards.id, id)).limit(1);
      return present(ctx, actor, r!.reportId);
    },
  };
}
