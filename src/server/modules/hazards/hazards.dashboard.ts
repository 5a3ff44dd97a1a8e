// 看板 figures: the hazards in the actor's scope found in a date range, as of the end of the
// range's last day: totals, the major hazards by state, by village and by sector. Two sources
// give the same figures (hazard-counts.test.ts holds them to it):
// - the summary rows, for a whole township's or district's view of whole months up to today (the
//   default view): a few thousand rows however long the history;
// - otherwise the metric registry (the definitions the report forms and their drill-downs use),
//   which also answers as of a past day.
import { asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { HazardDashboard } from '../../../contract/hazards.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { monthWindowOf } from '../../../domain/hazards/hazard-count-window.ts';
import type { AppContext } from '../../context.ts';
import { orgUnits, sectors } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { dashboardFiguresFromEngine, dashboardFiguresFromSummary, type DashboardRange } from './hazard-counts.dashboard.ts';
import { presentHazardItem } from './hazards.presenter.ts';
import { hazardList } from './hazards.repository.ts';
import { hazardScopeSql, hazardSummaryRegion } from './hazards.scope.ts';

export async function hazardDashboard(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<z.input<typeof HazardDashboard>> {
  const today = shanghaiDay(ctx.clock.now());
  const scope = hazardScopeSql(actor);
  const range: DashboardRange = { from: q.from, to: q.to && q.to < today ? q.to : today, today };
  const region = hazardSummaryRegion(actor);
  // As of today only: the summary rows hold today's states, not a past day's.
  const months = range.to === today ? monthWindowOf({ from: q.from }, today) : null;
  const overdueList = () => hazardList.first(ctx.db, { f: { from: q.from, to: q.to, overdue: true }, scope, today }, 20);
  // From the summary rows, the figures and the overdue list side by side (PostgreSQL's pool; the
  // embedded database queues them). The registry's path runs in a transaction of its own: one
  // thing at a time beside it, since PGlite has one session.
  const [f, overdue] = region && months
    ? await Promise.all([dashboardFiguresFromSummary(ctx.db, region, range), overdueList()])
    : [await dashboardFiguresFromEngine(ctx.db, scope, range), await overdueList()];
  const villageIds = [...f.byVillage.keys()];
  const sectorIds = [...f.bySector.keys()];
  const villages = villageIds.length ? await ctx.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, villageIds)).orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name)) : [];
  const sectorRows = sectorIds.length ? await ctx.db.select({ id: sectors.id, name: sectors.name }).from(sectors).where(inArray(sectors.id, sectorIds)).orderBy(asc(sectors.sortOrder), asc(sectors.name)) : [];
  const t = f.totals;
  return {
    found: t.found,
    closed: t.closed,
    rectificationRate: t.found ? t.closed / t.found : 0,
    open: t.open,
    overdue: t.overdue,
    major: { found: t.major, closed: t.majorClosed, listed: t.majorListed, byStatus: f.majorByStatus },
    byVillage: villages.map((v) => ({ villageId: v.id, villageName: v.name, ...f.byVillage.get(v.id)! })),
    bySector: sectorRows.map((s) => ({ sectorId: s.id, sectorName: s.name, ...f.bySector.get(s.id)! })),
    overdueList: overdue.map((r) => presentHazardItem(r, today)),
  };
}
