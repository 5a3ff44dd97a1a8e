// The summary rows checked against a full recount of the ledger (npm run summaries:verify, and the
// tests after every kind of change), and rebuilt from it when they differ (--repair).
import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { sqlRows, sqlWrite } from '../../db/client.ts';

const KEY = sql`"district_id", "region_id", "by", "unit_id", "level", "source", "status", "month", "due_month"`;

/** What the trigger keeps, counted from the ledger in one pass (the same rows migration 0027 wrote; the keys' rules are its SQL functions). */
const RECOUNT = sql`
  select ${KEY}, count(*)::int as n from (
    select h.district_id, r.region_id, r.by, r.unit_id, h.level, case when r.by = 'all' then h.source else '' end as source, h.status,
      hazard_count_month(h.found_at) as month, hazard_count_due_month(h.status, h.due_date) as due_month
    from hazards h cross join lateral (values
      (h.township_id, 'all', h.township_id), (h.district_id, 'all', h.district_id), (h.township_id, 'village', h.village_id),
      (h.township_id, 'sector', h.sector_id), (h.district_id, 'sector', h.sector_id)) as r(region_id, by, unit_id)
  ) x group by ${KEY}`;

export interface CountDifference {
  districtId: string;
  regionId: string;
  by: string;
  unitId: string;
  level: string;
  source: string;
  status: string;
  month: string;
  dueMonth: string;
  kept: number;
  counted: number;
}

/** Every key where the summary rows and the recount disagree (a zero row kept equals no row). */
export async function hazardCountDifferences(db: DbOrTx, limit = 100): Promise<{ keys: number; differences: CountDifference[] }> {
  const rows = await sqlRows<Record<string, string | number>>(db, sql`
    with kept as (select ${KEY}, n from hazard_counts where n <> 0), counted as (${RECOUNT})
    select coalesce(k.district_id, c.district_id) as district_id, coalesce(k.region_id, c.region_id) as region_id, coalesce(k.by, c.by) as by,
      coalesce(k.unit_id, c.unit_id) as unit_id, coalesce(k.level, c.level) as level, coalesce(k.source, c.source) as source,
      coalesce(k.status, c.status) as status, coalesce(k.month, c.month)::text as month,
      coalesce(k.due_month, c.due_month)::text as due_month, coalesce(k.n, 0) as kept, coalesce(c.n, 0) as counted,
      (select count(*) from counted) as keys
    from kept k full join counted c using (${KEY})
    where coalesce(k.n, 0) <> coalesce(c.n, 0)
    order by 1, 2, 3, 8, 4, 5, 6, 7, 9 limit ${limit}`);
  const keys = rows.length ? Number(rows[0]!.keys) : Number((await sqlRows<{ n: number }>(db, sql`select count(*)::int as n from (${RECOUNT}) c`))[0]!.n);
  return {
    keys,
    differences: rows.map((r) => ({
      districtId: String(r.district_id), regionId: String(r.region_id), by: String(r.by), unitId: String(r.unit_id), level: String(r.level),
      source: String(r.source), status: String(r.status), month: String(r.month), dueMonth: String(r.due_month), kept: Number(r.kept), counted: Number(r.counted),
    })),
  };
}

/** Replaces the summary rows by the recount; the ledger is locked against writes meanwhile. */
export async function rebuildHazardCounts(tx: Tx): Promise<number> {
  await tx.execute(sql`lock table hazards in share mode`);
  await tx.execute(sql`delete from hazard_counts`);
  // pending rows outlive no transaction that applied them; any left by one that did not are replaced too
  await tx.execute(sql`delete from hazard_counts_pending`);
  return sqlWrite(tx, sql`insert into hazard_counts (${KEY}, n) ${RECOUNT}`);
}
