// Dashboard figures: counts over the hazards in the actor's scope found in a date range.
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { HazardDashboard } from '../../../contract/hazards.ts';
import { shanghaiDay } from '../../../domain/dates.ts';
import type { AppContext } from '../../context.ts';
import { hazards, orgUnits, sectors } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { presentHazardItem } from './hazards.presenter.ts';
import { filterSql, listHazards, overdueSql } from './hazards.repository.ts';
import { hazardScopeSql } from './hazards.scope.ts';

const n = sql<number>`count(*)::int`;

export async function hazardDashboard(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<z.input<typeof HazardDashboard>> {
  const today = shanghaiDay(ctx.clock.now());
  const where = and(hazardScopeSql(actor), ...filterSql({ from: q.from, to: q.to }, today))!; // excludes voided
  const closedN = sql<number>`count(*) filter (where ${hazards.status} = 'closed')::int`;
  const overdueN = sql<number>`count(*) filter (where ${overdueSql(today)})::int`;
  const db = ctx.db;
  const [totals, majorByStatus, majorListed, byVillage, bySector, overdue] = await Promise.all([
    db.select({ found: n, closed: closedN, overdue: overdueN, open: sql<number>`count(*) filter (where ${hazards.status} <> 'closed')::int` }).from(hazards).where(where),
    db.select({ status: hazards.status, n }).from(hazards).where(and(where, eq(hazards.level, 'major'))).groupBy(hazards.status),
    db.select({ n }).from(hazards).where(and(where, eq(hazards.level, 'major'), isNotNull(hazards.listingLevel))),
    db
      .select({ villageId: hazards.villageId, villageName: orgUnits.name, found: n, closed: closedN, overdue: overdueN })
      .from(hazards)
      .innerJoin(orgUnits, eq(orgUnits.id, hazards.villageId))
      .where(where)
      .groupBy(hazards.villageId, orgUnits.name, orgUnits.sortOrder)
      .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name)),
    db
      .select({ sectorId: hazards.sectorId, sectorName: sectors.name, found: n, closed: closedN, overdue: overdueN })
      .from(hazards)
      .innerJoin(sectors, eq(sectors.id, hazards.sectorId))
      .where(where)
      .groupBy(hazards.sectorId, sectors.name, sectors.sortOrder)
      .orderBy(asc(sectors.sortOrder), asc(sectors.name)),
    listHazards(db, hazardScopeSql(actor), { from: q.from, to: q.to, overdue: true }, today, 1, 20),
  ]);
  const t = totals[0] ?? { found: 0, closed: 0, overdue: 0, open: 0 };
  const major = Object.fromEntries(majorByStatus.map((r) => [r.status, r.n]));
  const majorFound = majorByStatus.reduce((s, r) => s + r.n, 0);
  return {
    found: t.found,
    closed: t.closed,
    rectificationRate: t.found ? t.closed / t.found : 0,
    open: t.open,
    overdue: t.overdue,
    major: { found: majorFound, closed: major.closed ?? 0, listed: majorListed[0]?.n ?? 0, byStatus: major },
    byVillage,
    bySector,
    overdueList: overdue.items.map((r) => presentHazardItem(r, today)),
  };
}
