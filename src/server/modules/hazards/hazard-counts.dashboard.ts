// The dashboard's figures from either source: the summary rows (hazard-counts.ts) or the metric
// registry. Both return the same shape so that a test can hold one to the other.
import { type SQL, sql } from 'drizzle-orm';
import type { RegionRef } from '../../../domain/access/scope.ts';
import { shanghaiDayStart } from '../../../domain/common/dates.ts';
import type { HazardStatus } from '../../../domain/hazards/hazard-machine.ts';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { hazardListings, hazards } from '../../db/schema/index.ts';
import { type MetricCell, scopedCells } from '../reports/index.ts';
import { overdueThisMonth, summaryCounts } from './hazard-counts.ts';

export interface DashboardRange {
  from?: string | undefined;
  /** The last day counted (today at the latest). */
  to: string;
  today: string;
}
export interface UnitFigures { found: number; closed: number; overdue: number }
export interface DashboardFigures {
  totals: { found: number; closed: number; open: number; overdue: number; major: number; majorClosed: number; majorListed: number };
  majorByStatus: Partial<Record<HazardStatus, number>>;
  byVillage: Map<string, UnitFigures>;
  bySector: Map<string, UnitFigures>;
}

/** From the summary rows: a whole region, whole months from `from`, as of today (three statements at once). */
export async function dashboardFiguresFromSummary(db: DbOrTx, region: RegionRef & { districtId: string }, range: DashboardRange): Promise<DashboardFigures> {
  const q = { districtId: region.districtId, region, months: range.from ? { fromMonth: range.from } : {} };
  const BYS = ['all', 'village', 'sector'] as const;
  // three independent reads, side by side on PostgreSQL's pool (queued on the embedded database)
  const [counts, overdue, listed] = await Promise.all([
    summaryCounts(db, q, BYS, range.today), overdueThisMonth(db, q, BYS, range.today, { from: range.from }), majorListed(db, region, range),
  ]);
  const totals = { found: 0, closed: 0, open: 0, overdue: 0, major: 0, majorClosed: 0, majorListed: listed };
  const majorByStatus: Partial<Record<HazardStatus, number>> = {};
  const byVillage = new Map<string, UnitFigures>();
  const bySector = new Map<string, UnitFigures>();
  const of = (m: Map<string, UnitFigures>, id: string) => m.get(id) ?? m.set(id, { found: 0, closed: 0, overdue: 0 }).get(id)!;
  for (const r of counts) {
    if (r.status === 'voided') continue; // 统计期内发现且未作废
    if (r.by === 'all') {
      totals.overdue += r.overdue;
      totals.found += r.n;
      totals.major += r.major;
      if (r.status === 'closed') { totals.closed += r.n; totals.majorClosed += r.major; }
      if (r.major > 0) majorByStatus[r.status] = r.major;
    } else {
      const u = of(r.by === 'village' ? byVillage : bySector, r.unitId);
      u.found += r.n;
      u.overdue += r.overdue;
      if (r.status === 'closed') u.closed += r.n;
    }
  }
  totals.open = totals.found - totals.closed;
  for (const r of overdue) {
    if (r.by === 'all') totals.overdue += r.n;
    else of(r.by === 'village' ? byVillage : bySector, r.unitId).overdue += r.n;
  }
  return { totals, majorByStatus, byVillage, bySector };
}

/** Major hazards of the region found in the range and listed (挂牌督办) by `to`, from the ledger: few rows (a partial index). */
async function majorListed(db: DbOrTx, region: RegionRef & { districtId: string }, range: DashboardRange): Promise<number> {
  const h = hazards;
  const rows = await sqlRows<{ n: number }>(db, sql`
    select count(*)::int as n from ${h}
    where ${h.districtId} = ${region.districtId} and ${region.level === 'township' ? sql`${h.townshipId} = ${region.id}` : sql`true`}
      and ${h.level} = 'major' and ${h.status} <> 'voided' and ${h.listingLevel} is not null
      ${range.from ? sql`and ${h.foundAt} >= ${shanghaiDayStart(range.from)}` : sql``} and ${h.foundAt} < ${shanghaiDayStart(range.to, 1)}
      and exists (select 1 from ${hazardListings} l where l.hazard_id = ${h.id} and l.listed_on <= ${range.to})`);
  return Number(rows[0]!.n);
}

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
    totals: {
      found: t('found'), closed: t('closed'), open: t('open'), overdue: t('overdue'), major: t('major'), majorClosed: t('majorClosed'), majorListed: t('majorListed'),
    },
    majorByStatus: Object.fromEntries([...byStatus].filter(([, m]) => (m.get('major') ?? 0) > 0).map(([s, m]) => [s, m.get('major')!])),
    byVillage: await split('village'),
    bySector: await split('sector'),
  };
}
