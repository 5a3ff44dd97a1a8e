// The campaign's items on the 工作台: what the caller's unit owes (due within the next two weeks,
// or overdue), and for the office that keeps a campaign the reports awaiting its confirmation.
import type { TWorkbenchItem } from '../../../contract/workbench.ts';
import { keepsCampaign } from '../../../domain/access/scope.ts';
import { can } from '../../../domain/access/permissions.ts';
import { addDays } from '../../../domain/common/dates.ts';
import { OCCURRENCE_STATE_LABELS, isOwed } from '../../../domain/campaigns/occurrences.ts';
import { byUrgency, dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { ITEMS_PER_KIND, type WorkbenchKind } from '../../../domain/workbench/workbench.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import * as repo from './campaigns.repository.ts';
import { publishedCampaigns } from './progress-views.service.ts';
import { occurrencesOf } from './occurrences.engine.ts';

/** Owed occurrences this far ahead show on the 工作台 (further ones are on 我的任务). */
const AHEAD_DAYS = 14;

export async function campaignWorkbench(ctx: AppContext, actor: Actor, today: string) {
  const parts: { items: TWorkbenchItem[]; totals: Partial<Record<WorkbenchKind, number>>; moreHref?: Partial<Record<WorkbenchKind, string>> }[] = [];
  if (!can(actor.role, 'read:campaign')) return parts;
  const cs = (await publishedCampaigns(ctx, actor)).filter((c) => c.periodStart <= addDays(today, AHEAD_DAYS));
  if (cs.length === 0) return parts;
  if (can(actor.role, 'report:progress')) {
    const owed = (await occurrencesOf(ctx.db, cs, today, { unitId: actor.unitId }))
      .filter((o) => isOwed(o.state) && o.due <= addDays(today, AHEAD_DAYS));
    const items = owed.map((o): TWorkbenchItem => ({
      kind: 'campaign_report', title: o.task.requirement.slice(0, 80),
      subtitle: `${o.campaign.name} · ${OCCURRENCE_STATE_LABELS[o.state]}${o.acknowledged ? '' : ' · 待签收'}${o.urges ? ` · 已催办${o.urges}次` : ''}`,
      href: `/occurrences/${o.key}`, due: o.due, dueText: dueWords(o.due, today), light: lightOf(o.due, today),
    })).sort(byUrgency);
    if (items.length) parts.push({ items: items.slice(0, ITEMS_PER_KIND), totals: { campaign_report: items.length }, moreHref: { campaign_report: '/my-tasks' } });
  }
  const kept = cs.filter((c) => keepsCampaign(actor, c));
  if (kept.length) {
    const waiting = (await occurrencesOf(ctx.db, kept, today)).filter((o) => o.state === 'submitted');
    const names = await repo.unitNames(ctx.db, waiting.slice(0, ITEMS_PER_KIND).map((o) => o.unitId));
    const items = waiting.slice(0, ITEMS_PER_KIND).map((o): TWorkbenchItem => ({
      kind: 'campaign_review', title: o.task.requirement.slice(0, 80), subtitle: `${names.get(o.unitId)?.name ?? ''} · ${o.campaign.name}`,
      href: `/occurrences/${o.key}`, due: null, dueText: `节点 ${o.due}`, light: 'yellow',
    }));
    if (items.length) parts.push({ items, totals: { campaign_review: waiting.length } });
  }
  return parts;
}
