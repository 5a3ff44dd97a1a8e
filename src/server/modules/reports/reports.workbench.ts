// The forms' items on the 工作台: the rounds the caller's unit owes (due within two weeks, or
// overdue), and for an office the submissions awaiting its review.
import { and, eq, inArray } from 'drizzle-orm';
import type { TWorkbenchItem } from '../../../contract/workbench.ts';
import { can } from '../../../domain/access/permissions.ts';
import { reviewsSubmission } from '../../../domain/access/scope.ts';
import { addDays } from '../../../domain/common/dates.ts';
import { SUBMISSION_STATE_LABELS } from '../../../domain/reports/submission-workflow.ts';
import { byUrgency, dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { ITEMS_PER_KIND, type WorkbenchKind } from '../../../domain/workbench/workbench.ts';
import type { AppContext } from '../../context.ts';
import { orgUnits, reportSubmissions, reportTemplates } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { publishedCampaigns } from '../campaigns/index.ts';
import { owedRounds } from './reports.owed.ts';
import { submissionKey } from './submission-scene.ts';

const AHEAD_DAYS = 14;
/** Overdue rounds further back than this are not listed (a finished campaign's are on its page). */
const BACK_DAYS = 60;
type Part = { items: TWorkbenchItem[]; totals: Partial<Record<WorkbenchKind, number>> };

export async function reportWorkbench(ctx: AppContext, actor: Actor, today: string): Promise<Part[]> {
  const parts: Part[] = [];
  if (!can(actor.role, 'read:report')) return parts;
  if (can(actor.role, 'fill:report')) {
    const cs = await publishedCampaigns(ctx, actor);
    const owed = await owedRounds(ctx.db, cs, { since: addDays(today, -BACK_DAYS), until: addDays(today, AHEAD_DAYS), unitId: actor.unitId });
    const items = owed.map((o): TWorkbenchItem => ({
      kind: 'report_fill', title: o.title.slice(0, 80), subtitle: `${o.campaign.name} · ${SUBMISSION_STATE_LABELS[o.state]}`,
      href: `/report-submissions/${o.key}`, due: o.round.due, dueText: dueWords(o.round.due, today), light: lightOf(o.round.due, today),
    })).sort(byUrgency);
    if (items.length) parts.push({ items: items.slice(0, ITEMS_PER_KIND), totals: { report_fill: items.length } });
  }
  if (can(actor.role, 'review:report') && (actor.unitKind === 'township' || actor.unitKind === 'district')) {
    const rows = await ctx.db.select({ s: reportSubmissions, unitName: orgUnits.name, unitKind: orgUnits.kind, body: reportTemplates.body })
      .from(reportSubmissions).innerJoin(orgUnits, eq(orgUnits.id, reportSubmissions.unitId))
      .innerJoin(reportTemplates, and(eq(reportTemplates.seriesId, reportSubmissions.seriesId), eq(reportTemplates.current, true)))
      .where(and(eq(reportSubmissions.districtId, actor.districtId), inArray(reportSubmissions.status, ['submitted']),
        actor.unitKind === 'township' ? eq(reportSubmissions.townshipId, actor.unitId) : undefined))
      .orderBy(reportSubmissions.submittedAt).limit(500);
    const waiting = rows.filter((r) => reviewsSubmission(actor, { districtId: r.s.districtId, unitId: r.s.unitId, unitKind: r.unitKind, townshipId: r.s.townshipId }));
    const items = waiting.slice(0, ITEMS_PER_KIND).map((r): TWorkbenchItem => ({
      kind: 'report_review', title: (r.body as { title: string }).title.replace('{unit}', r.unitName).slice(0, 80),
      subtitle: `${r.unitName} · 第${r.s.revision}版${r.s.late ? ' · 逾期提交' : ''}`, href: `/report-submissions/${submissionKey(r.s)}`,
      due: null, dueText: `报送期 ${r.s.due}`, light: 'yellow',
    }));
    if (items.length) parts.push({ items, totals: { report_review: waiting.length } });
  }
  return parts;
}
