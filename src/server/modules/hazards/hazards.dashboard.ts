// Dashboard figures: counts over the hazards in the actor's scope found in a date range.
import type { z } from 'zod';
import type { HazardDashboard } from '../../../contract/hazards.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import type { Actor } from '../../http/actor.ts';
import { presentHazardItem } from './hazards.presenter.ts';
import { dashboardCounts, hazardList } from './hazards.repository.ts';
import { hazardScopeSql } from './hazards.scope.ts';

export async function hazardDashboard(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<z.input<typeof HazardDashboard>> {
  const today = shanghaiDay(ctx.clock.now());
  const scope = hazardScopeSql(actor);
  const range = { from: q.from, to: q.to };
  const [counts, overdue] = await Promise.all([
    dashboardCounts(ctx.db, scope, range, today),
    hazardList.first(ctx.db, { f: { ...range, overdue: true }, scope, today }, 20),
  ]);
  const t = counts.totals;
  return {
    found: t.found,
    closed: t.closed,
    rectificationRate: t.found ? t.closed / t.found : 0,
    open: t.open,
    overdue: t.overdue,
    major: {
      found: counts.majorByStatus.reduce((s, r) => s + r.n, 0),
      closed: counts.majorByStatus.find((r) => r.status === 'closed')?.n ?? 0,
      listed: counts.majorListed,
      byStatus: Object.fromEntries(counts.majorByStatus.map((r) => [r.status, r.n])),
    },
    byVillage: counts.byVillage,
    bySector: counts.bySector,
    overdueList: overdue.map((r) => presentHazardItem(r, today)),
  };
}
