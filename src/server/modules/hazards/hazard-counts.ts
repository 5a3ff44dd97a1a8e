// Counts of hazards read from the summary rows (`hazard_counts`, kept by a trigger in the same
// transaction as every change) instead of the ledger, when they can answer: a whole township's or
// district's view, filters the rows keep (state, level, source, village or sector), whole months of
// finding days. Overdue hazards are the rows' open hazards due in a month before this one, plus
// this month's due before today, counted from the open hazards' index (which carries every column
// the filters need): a few days' worth, however long the history. Anything else returns null and
// the caller counts the ledger.
import { and, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { THazardFilter } from '../../../contract/hazards.ts';
import type { RegionRef } from '../../../domain/access/scope.ts';
import { monthStartOf, shanghaiDayStart } from '../../../domain/common/dates.ts';
import { type MonthWindow, monthWindowOf } from '../../../domain/hazards/hazard-count-window.ts';
import { HAZARD_STATUSES, type HazardStatus, OPEN_HAZARD_STATUSES } from '../../../domain/hazards/hazard-machine.ts';
import type { DbOrTx } from '../../db/client.ts';
import { sqlRows } from '../../db/client.ts';
import { hazardCounts, hazards, type HazardCountBreakdown } from '../../db/schema/index.ts';

/** The filters the summary rows keep; any other set filter sends the count to the ledger. */
const KEPT = new Set<keyof THazardFilter>(['status', 'open', 'includeVoided', 'level', 'source', 'villageId', 'sectorId', 'from', 'to']);

export interface SummaryQuery {
  /** The region's district (the summary rows' first key). */
  districtId: string;
  region: RegionRef;
  by: HazardCountBreakdown;
  /** The village or sector counted, for `by` village or sector with one unit. */
  unitId?: string | undefined;
  level?: string | undefined;
  source?: string | undefined;
  months: MonthWindow;
}

/** The summary rows that answer a ledger filter, or null when they cannot. */
export function summaryQueryOf(districtId: string, region: RegionRef | null, f: Partial<THazardFilter>, today: string): SummaryQuery | null {
  if (!region) return null;
  for (const [k, v] of Object.entries(f)) if (v !== undefined && !KEPT.has(k as keyof THazardFilter)) return null;
  const months = monthWindowOf(f, today);
  if (!months) return null;
  // one breakdown a query: a village's sector, or a village's source, is not kept
  if (f.villageId && (f.sectorId || f.source)) return null;
  if (f.sectorId && f.source) return null;
  const by: HazardCountBreakdown = f.villageId ? 'village' : f.sectorId ? 'sector' : 'all';
  return { districtId, region, by, unitId: f.villageId ?? f.sectorId, level: f.level, source: f.source, months };
}

function summaryWhere(q: Omit<SummaryQuery, 'by'>, by: HazardCountBreakdown): SQL {
  const c = hazardCounts;
  // villages are kept under their township only: a district's are all its townships' rows
  const region = by === 'village' && q.region.level === 'district' ? undefined : eq(c.regionId, q.region.id);
  return and(
    eq(c.districtId, q.districtId),
    region,
    eq(c.by, by),
    q.unitId ? eq(c.unitId, q.unitId) : undefined,
    q.level ? eq(c.level, q.level) : undefined,
    q.source ? eq(c.source, q.source) : undefined,
    q.months.fromMonth ? gte(c.month, q.months.fromMonth) : undefined,
    q.months.toMonth ? lte(c.month, q.months.toMonth) : undefined,
    ne(c.n, 0),
  )!;
}

export interface CountRow {
  by: HazardCountBreakdown; unitId: string; status: HazardStatus; n: number; major: number;
  /** Open and due in a month before today's (the rest of the overdue: overdueThisMonth). */
  overdue: number;
}

/** How many hazards per breakdown, unit and state, of them of level major and overdue before this month. */
export async function summaryCounts(db: DbOrTx, q: Omit<SummaryQuery, 'by'>, bys: readonly HazardCountBreakdown[], today: string): Promise<CountRow[]> {
  const c = hazardCounts;
  // One statement per breakdown, side by side on PostgreSQL's pool: each is read from an index
  // alone (its INCLUDE columns, migration 0027), where one OR of the three ranges read the table's
  // pages, and a UNION ALL of them took longer on the embedded database than the three apart.
  const one = (by: HazardCountBreakdown) => sqlRows<{ unit_id: string; status: HazardStatus; n: number; major: number; overdue: number }>(db, sql`
    select ${c.unitId} as unit_id, ${c.status} as status, sum(${c.n})::int as n,
      coalesce(sum(${c.n}) filter (where ${c.level} = 'major'), 0)::int as major,
      -- a hazard not open, or without a due day, is kept under the due month 'infinity'
      coalesce(sum(${c.n}) filter (where ${c.dueMonth} < ${monthStartOf(today)}), 0)::int as overdue
    from ${c} where ${summaryWhere(q, by)} group by ${c.unitId}, ${c.status}`);
  const parts = await Promise.all(bys.map(one));
  return parts.flatMap((rows, i) => rows.map((r) => ({
    by: bys[i]!, unitId: r.unit_id, status: r.status, n: Number(r.n), major: Number(r.major), overdue: Number(r.overdue),
  })));
}

/**
 * The open hazards due earlier this month than today under the same question (the overdue the
 * summary rows cannot tell, their due month not being over), per state and per unit of each
 * breakdown asked, in one pass over the open hazards' index by due day (grouping sets).
 */
export async function overdueThisMonth(
  db: DbOrTx, q: Omit<SummaryQuery, 'by'> & { by?: HazardCountBreakdown }, bys: readonly HazardCountBreakdown[], today: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<Omit<CountRow, 'major' | 'overdue'>[]> {
  const h = hazards;
  const regionCol = q.region.level === 'district' ? h.districtId : h.townshipId;
  const unitOf = (by: HazardCountBreakdown) => (by === 'village' ? h.villageId : by === 'sector' ? h.sectorId : regionCol);
  const where = and(
    inArray(h.status, [...OPEN_HAZARD_STATUSES]),
    sql`${h.dueDate} >= ${monthStartOf(today)}`,
    sql`${h.dueDate} < ${today}`,
    eq(h.districtId, q.districtId),
    eq(regionCol, q.region.id),
    q.unitId && q.by ? eq(unitOf(q.by), q.unitId) : undefined,
    q.level ? eq(h.level, q.level as 'general' | 'major') : undefined,
    q.source ? eq(h.source, q.source as (typeof h.source.enumValues)[number]) : undefined,
    range.from ? gte(h.foundAt, shanghaiDayStart(range.from)) : undefined,
    range.to ? sql`${h.foundAt} < ${shanghaiDayStart(range.to, 1)}` : undefined,
  );
  const sets = sql.join(bys.map((by) => sql`(${unitOf(by)}, ${h.status})`), sql`, `);
  const which = sql.join(bys.map((by, i) => sql`when grouping(${unitOf(by)}) = 0 then ${i}`), sql` `);
  const unit = sql.join(bys.map((by) => sql`${unitOf(by)}`), sql`, `);
  const rows = await sqlRows<{ i: number; unit_id: string; status: HazardStatus; n: number }>(db, sql`
    select case ${which} end as i, coalesce(${unit})::text as unit_id, ${h.status} as status, count(*)::int as n
    from ${h} where ${where} group by grouping sets (${sets})`);
  return rows.map((r) => ({ by: bys[Number(r.i)]!, unitId: r.unit_id, status: r.status, n: Number(r.n) }));
}

/** The ledger's tabs from the summary rows: per state, how many and how many overdue. */
export async function ledgerTabCounts(db: DbOrTx, q: SummaryQuery, today: string, range: { from?: string | undefined; to?: string | undefined }) {
  // side by side on PostgreSQL's pool (one after the other on the embedded database, which queues them)
  const [counts, overdue] = await Promise.all([summaryCounts(db, q, [q.by], today), overdueThisMonth(db, q, [q.by], today, range)]);
  const out = {} as Record<HazardStatus, { n: number; tallies: Record<string, number> }>;
  for (const s of HAZARD_STATUSES) out[s] = { n: 0, tallies: { overdue: 0 } };
  for (const r of counts) {
    out[r.status].n += r.n;
    out[r.status].tallies.overdue! += r.overdue;
  }
  for (const r of overdue) out[r.status].tallies.overdue = (out[r.status].tallies.overdue ?? 0) + r.n;
  return out;
}
