// The dashboard's figures from either source: the summary rows (hazard-counts.ts) or the metric
// registry. Both return the same shape so that a test can hold one to the other.
import type { SQL } from 'drizzle-orm';
import type { RegionRef } from '../../../domain/access/scope.ts';
import { shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { HazardStatus } from '../../../domain/hazards/hazard-machine.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { HazardCountBreakdown } from '../../db/schema/index.ts';
import { type MetricCell, scopedCells } from '../reports/index.ts';
import { overdueCounts, summaryCounts } from './hazard-counts.ts';

export interface DashboardRange {
  from?: string | undefined;
  /** The last day counted (today at the latest). */
  to: string;
  today: string;
}
export interface UnitFigures { found: number; closed: number; overdue: number }
export interface DashboardFigures {
  totals: { found: number; closed: number; open: number; overdue: number; major: number; majorClosed: number };
  majorByStatus: Partial<Record<HazardStatus, number>>;
  byVillage: Map<string, UnitFigures>;
  bySector: Map<string, UnitFigures>;
}

/** From the summary rows: a whole region, whole months from `from`, as of today. */
export async function dashboardFiguresFromSummary(db: DbOrTx, region: RegionRef, range: DashboardRange): Promise<DashboardFigures> {
  const months = range.from ? { fromMonth: range.from } : {};
  const q = (by: HazardCountBreakdown) => ({ region, by, months });
  const window = { from: range.from };
  const totals = { found: 0, closed: 0, open: 0, overdue: 0, major: 0, majorClosed: 0 };
  const majorByStatus: Partial<Record<HazardStatus, number>> = {};
  for (const r of await summaryCounts(db, q('all'))) {
    if (r.status === 'voided') continue; // 统计期内发现且未作废
    totals.found += r.n;
    totals.major += r.major;
    if (r.status === 'closed') { totals.closed += r.n; totals.majorClosed += r.major; }
    if (r.major > 0) majorByStatus[r.status] = r.major;
  }
  totals.open = totals.found - totals.closed;
  for (const r of await overdueCounts(db, q('all'), range.today, window)) totals.overdue += r.n;
  const split = async (by: 'village' | 'sector') => {
    const m = new Map<string, UnitFigures>();
    const of = (id: string) => m.get(id) ?? m.set(id, { found: 0, closed: 0, overdue: 0 }).get(id)!;
    for (const r of await summaryCounts(db, q(by), true)) {
      if (r.status === 'voided') continue;
      of(r.unitId).found += r.n;
      if (r.status === 'closed') of(r.unitId).closed += r.n;
    }
    for (const r of await overdueCounts(db, q(by), range.today, window)) of(r.unitId).overdue += r.n;
    return m;
  };
  return { totals, majorByStatus, byVillage: await split('village'), bySector: await split('sector') };
}

const TOTALS: MetricCell[] = [
  { key: 'found', metric: 'hazards.found' },
  { key: 'closed', metric: 'hazards.rectified' },
  { key: 'open', metric: 'hazards.open' },
  { key: 'overdue', metric: 'hazards.overdue' },
  { key: 'major', metric: 'hazards.found', params: { level: 'major' } },
  { key: 'majorClosed', metric: 'hazards.rectified', params: { level: 'major' } },
];
const SPLIT = TOTALS.slice(0, 4).filter((c) => c.key !== 'open');
/** Before any record: a range without a start counts the whole history. */
const EPOCH = '2000-01-01';

/** From the metric registry: any scope and range, as of the end of `to`. */
export async function dashboardFiguresFromEngine(db: DbOrTx, scope: SQL, range: DashboardRange): Promise<DashboardFigures> {
  const window = { from: range.from ?? EPOCH, to: range.to, cutoff: shanghaiDayStart(range.to, 1) };
  const run = (by?: 'village' | 'sector' | 'status', cells: MetricCell[] = SPLIT) => scopedCells(db, { family: 'hazard', scope, cells, window, ...(by ? { by } : {}) });
  // one query at a time: on the embedded database they would queue anyway
  const all = (await run(undefined, TOTALS)).get('') ?? new Map<string, number>();
  const byStatus = await run('status', [TOTALS[4]!]);
  const t = (k: string) => all.get(k) ?? 0;
  const figures = (m: Map<string, number>): UnitFigures => ({ found: m.get('found') ?? 0, closed: m.get('closed') ?? 0, overdue: m.get('overdue') ?? 0 });
  const split = async (by: 'village' | 'sector') => new Map([...(await run(by))].map(([id, m]) => [id, figures(m)]));
  return {
    totals: { found: t('found'), closed: t('closed'), open: t('open'), overdue: t('overdue'), major: t('major'), majorClosed: t('majorClosed') },
    majorByStatus: Object.fromEntries([...byStatus].filter(([, m]) => (m.get('major') ?? 0) > 0).map(([s, m]) => [s, m.get('major')!])),
    byVillage: await split('village'),
    bySector: await split('sector'),
  };
}
