// 看板 figures: the hazards in the actor's scope found in a date range, counted by the metric
// registry (the same definitions the report forms and their drill-downs use), as of the end of
// the range's last day: totals, the major hazards by state, by village and by sector.
import { asc, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { HazardDashboard } from '../../../contract/hazards.ts';
import { shanghaiDay, shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { AppContext } from '../../context.ts';
import { orgUnits, sectors } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { type MetricCell, scopedCells } from '../reports/index.ts';
import { presentHazardItem } from './hazards.presenter.ts';
import { hazardList } from './hazards.repository.ts';
import { hazardScopeSql } from './hazards.scope.ts';

/** Before any record: a range without a start counts the whole history. */
const EPOCH = '2000-01-01';

const TOTALS: MetricCell[] = [
  { key: 'found', metric: 'hazards.found' },
  { key: 'closed', metric: 'hazards.rectified' },
  { key: 'open', metric: 'hazards.open' },
  { key: 'overdue', metric: 'hazards.overdue' },
  { key: 'major', metric: 'hazards.found', params: { level: 'major' } },
  { key: 'majorClosed', metric: 'hazards.rectified', params: { level: 'major' } },
  { key: 'majorListed', metric: 'hazards.listed', params: { level: 'major' } },
];
const SPLIT = TOTALS.slice(0, 4).filter((c) => c.key !== 'open');

export async function hazardDashboard(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<z.input<typeof HazardDashboard>> {
  const today = shanghaiDay(ctx.clock.now());
  const scope = hazardScopeSql(actor);
  const to = q.to && q.to < today ? q.to : today;
  const window = { from: q.from ?? EPOCH, to, cutoff: shanghaiDayStart(to, 1) };
  const range = { from: q.from, to: q.to };
  const run = (by?: 'village' | 'sector' | 'status', cells: MetricCell[] = SPLIT) => scopedCells(ctx.db, { family: 'hazard', scope, cells, window, ...(by ? { by } : {}) });
  // one query at a time: on the embedded database they would queue anyway
  const totals = (await run(undefined, TOTALS)).get('') ?? new Map<string, number>();
  const byStatus = await run('status', [TOTALS[4]!]);
  const byVillage = await run('village');
  const bySector = await run('sector');
  const overdue = await hazardList.first(ctx.db, { f: { ...range, overdue: true }, scope, today }, 20);
  const villageIds = [...byVillage.keys()];
  const sectorIds = [...bySector.keys()];
  const villages = villageIds.length ? await ctx.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, villageIds)).orderBy(asc(orgUnits.sortOrder), asc(orgUnits.name)) : [];
  const sectorRows = sectorIds.length ? await ctx.db.select({ id: sectors.id, name: sectors.name }).from(sectors).where(inArray(sectors.id, sectorIds)).orderBy(asc(sectors.sortOrder), asc(sectors.name)) : [];
  const t = (k: string) => totals.get(k) ?? 0;
  const figures = (m: Map<string, number> | undefined) => ({ found: m?.get('found') ?? 0, closed: m?.get('closed') ?? 0, overdue: m?.get('overdue') ?? 0 });
  return {
    found: t('found'),
    closed: t('closed'),
    rectificationRate: t('found') ? t('closed') / t('found') : 0,
    open: t('open'),
    overdue: t('overdue'),
    major: {
      found: t('major'),
      closed: t('majorClosed'),
      listed: t('majorListed'),
      byStatus: Object.fromEntries([...byStatus].filter(([, m]) => (m.get('major') ?? 0) > 0).map(([status, m]) => [status, m.get('major')!])),
    },
    byVillage: villages.map((v) => ({ villageId: v.id, villageName: v.name, ...figures(byVillage.get(v.id)) })),
    bySector: sectorRows.map((s) => ({ sectorId: s.id, sectorName: s.name, ...figures(bySector.get(s.id)) })),
    overdueList: overdue.map((r) => presentHazardItem(r, today)),
  };
}
