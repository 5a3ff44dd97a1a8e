// Who is behind on drills and training: one query over the enterprises in scope, each category's
// windows of the year made by generate_series, the same rules as domain/drills complianceOf
// (owed: started, and the enterprise on record by the window's midpoint; met: a live record held in it).
import { sql, type SQL } from 'drizzle-orm';
import type { TComplianceQuery } from '../../../contract/drills.ts';
import type { ActivityCategory, Requirement } from '../../../domain/drills/drill-requirement.ts';
import type { DbOrTx } from '../../db/client.ts';
import { heldBetween, registeredOn, windowsSql } from './drills.windows.ts';

const num = (v: unknown) => Number(v ?? 0);

/** The lateral subquery of one category: times a year, windows owed / met / missed, the open window's end, the last record. */
function categorySql(category: ActivityCategory, req: Requirement, year: number, today: string): SQL {
  const r = req[category];
  return sql`(
    select n, count(*) filter (where owed) as owed, count(*) filter (where owed and met) as met,
      count(*) filter (where owed and not met and w_end < ${today}::date) as missed,
      min(w_end) filter (where owed and not met and w_end >= ${today}::date) as open_end,
      (select max(a.held_on) from safety_activities a where a.enterprise_id = e.id and a.category = ${category} and a.voided_at is null and a.held_on <= make_date(${year}, 12, 31)) as last_held
    from (
      select n, w_end, (w_start <= ${today}::date and reg < w_mid) as owed,
        ${heldBetween(sql`${category}`, sql`w_start`, sql`w_end`)} as met
      from (select case when e.is_high_risk then ${r.highRisk}::int else ${r.normal}::int end as n, ${registeredOn} as reg) k
      left join lateral ${windowsSql(sql`k.n`, sql`${year}::int`)} w on true
    ) x group by n
  )`;
}

const statusOf = (p: string) => sql.raw(`case when ${p}.owed = 0 then 'not_required' when ${p}.missed > 0 then 'missed' when ${p}.open_end is not null then 'pending' else 'met' end`);

export interface ComplianceRow {
  id: string; name: string; villageName: string; isHighRisk: boolean;
  drill: CategoryRow; training: CategoryRow;
}
export interface CategoryRow { timesPerYear: number; owed: number; met: number; status: 'met' | 'pending' | 'missed' | 'not_required'; dueOn: string | null; lastHeldOn: string | null }

export interface ComplianceCounts { missed: number; pending: number; met: number }

/**
 * One page of enterprises with their state per category, the total under the status filter and the
 * counts per worst state without it, in one statement (the scan made once, read three ways).
 */
export async function complianceRows(db: DbOrTx, o: { scope: SQL; q: TComplianceQuery; req: Requirement; year: number; today: string }) {
  const { q } = o;
  const conds: SQL[] = [o.scope, sql`e.voided_at is null`, sql`e.status <> 'closed'`];
  if (q.villageId) conds.push(sql`e.village_id = ${q.villageId}`);
  if (q.sectorId) conds.push(sql`e.sector_ids @> array[${q.sectorId}]::uuid[]`);
  if (q.enterpriseId) conds.push(sql`e.id = ${q.enterpriseId}`);
  if (q.q) conds.push(sql`e.name ilike ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const cats = q.category ? [q.category] : (['drill', 'training'] as const);
  // The worst state over the categories asked for: the tabs partition the enterprises by it.
  const any = (state: string) => cats.map((c) => `c.${c}_status = '${state}'`).join(' or ');
  const worst = sql.raw(`case when ${any('missed')} then 'missed' when ${any('pending')} then 'pending' else 'met' end`);
  const outer = !q.status ? sql`true` : q.status === 'behind' ? sql`w.worst in ('missed', 'pending')` : sql`w.worst = ${q.status}`;
  const where = sql.join(conds.map((c) => sql`(${c})`), sql` and `);
  const res = await db.execute(sql`
    with c as materialized (
      select e.id, e.name, v.name as village_name, e.is_high_risk,
        d.n as drill_n, d.owed as drill_owed, d.met as drill_met, ${statusOf('d')} as drill_status, d.open_end as drill_due, d.last_held as drill_last,
        t.n as training_n, t.owed as training_owed, t.met as training_met, ${statusOf('t')} as training_status, t.open_end as training_due, t.last_held as training_last
      from enterprises e join org_units v on v.id = e.village_id
      cross join lateral ${categorySql('drill', o.req, o.year, o.today)} d
      cross join lateral ${categorySql('training', o.req, o.year, o.today)} t
      where ${where}
    ), w as (select c.*, ${worst} as worst from c c)
    select
      (select json_build_object('missed', count(*) filter (where worst = 'missed'), 'pending', count(*) filter (where worst = 'pending'),
        'met', count(*) filter (where worst = 'met')) from w) as counts,
      (select count(*) from w where ${outer}) as total,
      (select coalesce(json_agg(p order by p.rank, p.name collate "C", p.id), '[]'::json) from (
        select w.*, case w.worst when 'missed' then 0 when 'pending' then 1 else 2 end as rank from w where ${outer}
        order by rank, name collate "C", id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}) p) as rows`);
  const r = (res as unknown as { rows: { counts: unknown; total: unknown; rows: unknown }[] }).rows[0]!;
  const json = <T,>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
  const rows = json<Record<string, unknown>[]>(r.rows);
  const counts = json<Record<string, unknown>>(r.counts);
  const day = (v: unknown) => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  const cat = (x: Record<string, unknown>, c: string): CategoryRow => ({
    timesPerYear: num(x[`${c}_n`]), owed: num(x[`${c}_owed`]), met: num(x[`${c}_met`]), status: x[`${c}_status`] as CategoryRow['status'],
    dueOn: day(x[`${c}_due`]), lastHeldOn: day(x[`${c}_last`]),
  });
  return {
    total: num(r.total),
    counts: { missed: num(counts.missed), pending: num(counts.pending), met: num(counts.met) } satisfies ComplianceCounts,
    rows: rows.map((x): ComplianceRow => ({
      id: String(x.id), name: String(x.name), villageName: String(x.village_name), isHighRisk: Boolean(x.is_high_risk),
      drill: cat(x, 'drill'), training: cat(x, 'training'),
    })),
  };
}
