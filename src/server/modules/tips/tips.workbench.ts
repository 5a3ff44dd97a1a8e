// Public reports on the 工作台: the office's open reports (待核查, 核查中) and a department's
// assigned ones, lit by the 30-day due day; a leader's rewards to approve; the office's approved
// rewards to pay.
import { and, asc, count, eq } from 'drizzle-orm';
import type { TWorkbenchItem } from '../../../contract/workbench.ts';
import { can } from '../../../domain/access/permissions.ts';
import { formatYuan } from '../../../domain/tips/reward-workflow.ts';
import { TIP_STATE_LABELS } from '../../../domain/tips/tip-workflow.ts';
import { byUrgency, dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { ITEMS_PER_KIND, type WorkbenchKind } from '../../../domain/workbench/workbench.ts';
import type { AppContext } from '../../context.ts';
import { publicReports as pr, tipRewards } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { presentTipItem, tipList } from './tips.repository.ts';
import { rewardScopeSql, tipScopeSql } from './tips.scope.ts';

type Part = { items: TWorkbenchItem[]; totals: Partial<Record<WorkbenchKind, number>>; moreHref?: Partial<Record<WorkbenchKind, string>> };

export async function tipWorkbench(ctx: AppContext, actor: Actor, today: string): Promise<Part[]> {
  const parts: Part[] = [];
  if (can(actor.role, 'act:tip')) {
    const mineUnitId = actor.role === 'department' ? actor.unitId : null;
    const { rows, total } = await tipList.page(ctx.db, { scope: tipScopeSql(actor), today, mineUnitId }, { page: 1, pageSize: ITEMS_PER_KIND });
    if (total > 0) {
      const items = rows.map((j) => presentTipItem(j, today)).map((t): TWorkbenchItem => ({
        kind: 'tip_triage', title: t.summary, subtitle: `${t.number} · ${TIP_STATE_LABELS[t.status]} · ${t.township.name}`, href: `/tips/${t.id}`,
        due: t.dueDay, dueText: dueWords(t.dueDay, today), light: lightOf(t.dueDay, today),
      })).sort(byUrgency);
      parts.push({ items, totals: { tip_triage: total }, moreHref: { tip_triage: '/tips?mine=true' } });
    }
  }
  const rewardsIn = async (status: 'proposed' | 'approved', kind: 'reward_approve' | 'reward_pay', subtitle: string) => {
    const where = and(rewardScopeSql(actor), eq(tipRewards.status, status))!;
    const [rows, [n]] = await Promise.all([
      ctx.db.select({ w: tipRewards, number: pr.number }).from(tipRewards).innerJoin(pr, eq(pr.id, tipRewards.reportId)).where(where)
        .orderBy(asc(tipRewards.proposedAt), asc(tipRewards.id)).limit(ITEMS_PER_KIND),
      ctx.db.select({ n: count() }).from(tipRewards).where(where),
    ]);
    if (!n?.n) return;
    parts.push({
      items: rows.map(({ w, number }): TWorkbenchItem => ({
        kind, title: `举报 ${number} 奖励 ${formatYuan(w.amountFen)} 元`, subtitle: `${w.anonymous ? '匿名举报' : '实名举报'} · ${subtitle}`, href: `/tips/${w.reportId}`,
        due: null, dueText: null, light: 'green',
      })),
      totals: { [kind]: n.n }, moreHref: { [kind]: `/tips/rewards?status=${status}` },
    });
  };
  if (actor.role === 'leader') await rewardsIn('proposed', 'reward_approve', '待您审批');
  if (actor.role === 'office') await rewardsIn('approved', 'reward_pay', '已批准，待发放');
  return parts;
}
