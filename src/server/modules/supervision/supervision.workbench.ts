// The findings on the 工作台: a unit's findings to answer (待整改, 已退回); a group member's (and
// the office's) answered findings to accept; and per unit the group covers, its findings not yet
// closed. Items light by due day like hazards (green, yellow within 3 days, red overdue).
import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { TWorkbenchItem } from '../../../contract/workbench.ts';
import { can } from '../../../domain/access/permissions.ts';
import { FINDING_STATE_LABELS } from '../../../domain/supervision/finding-workflow.ts';
import { byUrgency, dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { ITEMS_PER_KIND, type WorkbenchKind } from '../../../domain/workbench/workbench.ts';
import type { AppContext } from '../../context.ts';
import { orgUnits, supervisionFindings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { findingItems } from './findings.repository.ts';
import { actingGroupIds } from './supervision.scope.ts';

const countOf = (ctx: AppContext, where: SQL) =>
  ctx.db.select({ n: sql<number>`count(*)::int` }).from(supervisionFindings).where(where).then((r) => r[0]?.n ?? 0);

type Part = { items: TWorkbenchItem[]; totals: Partial<Record<WorkbenchKind, number>>; moreHref?: Partial<Record<WorkbenchKind, string>> };
const LIMIT = 200;

export async function supervisionWorkbench(ctx: AppContext, actor: Actor, today: string): Promise<Part[]> {
  const parts: Part[] = [];
  if (can(actor.role, 'answer:finding')) {
    const where = and(eq(supervisionFindings.unitId, actor.unitId), inArray(supervisionFindings.status, ['open', 'returned']))!;
    const [owed, total] = await Promise.all([findingItems(ctx.db, where, today), countOf(ctx, where)]);
    const items = owed.map((f): TWorkbenchItem => ({
      kind: 'finding_answer', title: f.description.slice(0, 80), subtitle: `${f.group.name} · ${FINDING_STATE_LABELS[f.status]}`,
      href: `/supervision/findings/${f.id}`, due: f.dueDate, dueText: dueWords(f.dueDate, today), light: lightOf(f.dueDate, today),
    })).sort(byUrgency);
    if (items.length) parts.push({ items: items.slice(0, ITEMS_PER_KIND), totals: { finding_answer: total }, moreHref: { finding_answer: '/supervision/findings?owed=true' } });
  }
  if (!can(actor.role, 'visit:supervision')) return parts;
  const groupIds = await actingGroupIds(ctx.db, actor);
  if (groupIds.length === 0) return parts;
  const waiting = and(inArray(supervisionFindings.groupId, groupIds), eq(supervisionFindings.status, 'answered'))!;
  const [answered, waitingTotal] = await Promise.all([findingItems(ctx.db, waiting, today), countOf(ctx, waiting)]);
  if (answered.length) {
    const items = answered.map((f): TWorkbenchItem => ({
      kind: 'finding_accept', title: f.description.slice(0, 80), subtitle: `${f.unit.name} 已报送整改情况`, href: `/supervision/findings/${f.id}`,
      due: null, dueText: null, light: 'green',
    }));
    parts.push({ items: items.slice(0, ITEMS_PER_KIND), totals: { finding_accept: waitingTotal }, moreHref: { finding_accept: '/supervision/findings?status=answered' } });
  }
  // Per assigned unit: its findings not yet closed, the earliest due day and how many are overdue.
  const rows = await ctx.db.select({
    unitId: supervisionFindings.unitId, unitName: orgUnits.name, open: sql<number>`count(*)::int`,
    overdue: sql<number>`count(*) filter (where ${supervisionFindings.status} in ('open', 'returned') and ${supervisionFindings.dueDate} < ${today})::int`,
    due: sql<string>`min(${supervisionFindings.dueDate}) filter (where ${supervisionFindings.status} in ('open', 'returned'))`,
  }).from(supervisionFindings).innerJoin(orgUnits, eq(orgUnits.id, supervisionFindings.unitId))
    .where(and(inArray(supervisionFindings.groupId, groupIds), inArray(supervisionFindings.status, ['open', 'answered', 'returned'])))
    .groupBy(supervisionFindings.unitId, orgUnits.name).limit(LIMIT);
  if (rows.length) {
    const items = rows.map((r): TWorkbenchItem => ({
      kind: 'group_open_findings', title: r.unitName, subtitle: `未销号问题 ${r.open} 条${r.overdue ? ` · 逾期 ${r.overdue} 条` : ''}`,
      href: `/supervision/findings?unitId=${r.unitId}`, due: r.due ?? null, dueText: r.due ? dueWords(r.due, today) : null, light: r.due ? lightOf(r.due, today) : 'green',
    })).sort(byUrgency);
    parts.push({ items: items.slice(0, ITEMS_PER_KIND), totals: { group_open_findings: items.length } });
  }
  return parts;
}
