// The hand-written queries bench/forms.ts measures the metric engine against: for each form, ONE
// statement with FILTERed aggregates, written for that form alone (it knows that every hazard cell
// of the 调度表 is about major hazards, which answers it needs, which units it groups by).
import { type SQL, sql } from 'drizzle-orm';
import type { MetricWindow } from '../src/server/modules/reports/metrics/families.ts';
import { shanghaiDayStart } from '../src/domain/common/dates.ts';

const SPOT = 'chongming-spot-check';
const AUTHORITY = sql.raw(`('department', 'village', 'supervision', 'assigned')`);
const SELF = sql.raw(`('self_daily', 'self_weekly', 'self_monthly')`);
const failed = (n: number, item: string) =>
  sql`count(distinct i.enterprise_id) filter (where i.template_code = ${SPOT} and i.failed_item_keys @> array[${item}]::text[])::int as ${sql.raw(`spot_${n}`)}`;

/**
 * 崇明 调度表 for one region: the district (`region` 'district_id') or a township ('township_id').
 * One row, a column per computed cell.
 */
export function dispatchQuery(o: { districtId: string; region: 'district_id' | 'township_id'; unitId: string; w: MetricWindow }): SQL {
  const { districtId: D, unitId: U, w } = o;
  const col = (alias: string) => sql.raw(`${alias}.${o.region}`);
  const from = shanghaiDayStart(w.from);
  return sql`with hz as (
      select
        count(*) filter (where h.source = 'self_inspection')::int as self_major,
        count(*) filter (where h.source = 'self_inspection' and h.closed_at < ${w.cutoff})::int as self_major_fixed,
        count(*) filter (where h.source in ${AUTHORITY})::int as dept_major,
        count(*) filter (where h.source in ${AUTHORITY} and h.closed_at < ${w.cutoff})::int as dept_major_fixed,
        count(*) filter (where l.listed)::int as listed_major,
        count(*) filter (where l.listed and h.closed_at < ${w.cutoff})::int as listed_major_fixed
      from hazards h
      left join lateral (select true as listed from hazard_listings l where l.hazard_id = h.id and l.listed_on <= ${w.to} limit 1) l on true
      where h.district_id = ${D} and ${col('h')} = ${U} and h.level = 'major' and h.status <> 'voided' and h.found_at >= ${from} and h.found_at < ${w.cutoff}
    ), insp as (
      select
        count(distinct i.enterprise_id) filter (where i.template_code = ${SPOT})::int as spot_total,
        ${failed(2, 'principal-study')}, ${failed(3, 'principal-led-inspection')}, ${failed(4, 'deputy-duty-list')}, ${failed(5, 'safety-management')},
        ${failed(6, 'special-work-certificates')}, ${failed(7, 'outsourcing')},
        count(distinct i.enterprise_id) filter (where i.template_code = ${SPOT} and (i.failed_item_keys @> array['drill-and-escape']::text[] or dl.lapsed))::int as spot_8,
        count(*) filter (where i.type = 'assistance' and e.id is not null)::int as assist_key
      from inspections i
      left join enterprises e on e.id = i.enterprise_id and e.is_key
      -- 未按规定开展应急演练: a drill window owed in the year before the inspection closed with no drill held
      left join lateral (
        select exists (
          select 1 from generate_series(extract(year from i.inspected_on)::int - 1, extract(year from i.inspected_on)::int) y(year),
            lateral (select (12 / k.n) as months) m,
            generate_series(0, k.n - 1) w(i),
            lateral (select make_date(y.year, w.i * m.months + 1, 1) as s) ws
          where ((ee.created_at at time zone 'Asia/Shanghai')::date
              < (ws.s + make_interval(months => m.months / 2, days => case when m.months % 2 = 1 then 15 else 0 end))::date)
            and (ws.s + make_interval(months => m.months) - interval '1 day')::date < i.inspected_on
            and (ws.s + make_interval(months => m.months) - interval '1 day')::date >= i.inspected_on - 365
            and not exists (select 1 from safety_activities a where a.enterprise_id = ee.id and a.category = 'drill' and a.voided_at is null
              and a.held_on between ws.s and (ws.s + make_interval(months => m.months) - interval '1 day')::date)
        ) as lapsed
        from enterprises ee left join drill_requirements dr on dr.district_id = ee.district_id,
          lateral (select case when ee.is_high_risk then coalesce(dr.drill_high_risk, 2) else coalesce(dr.drill_normal, 1) end as n) k
        where ee.id = i.enterprise_id and i.template_code = ${SPOT} and k.n > 0
      ) dl on true
      where i.district_id = ${D} and ${col('i')} = ${U} and i.status = 'completed' and i.type not in ${SELF}
        and i.inspected_on >= ${w.from} and i.inspected_on <= ${w.to} and (i.template_code = ${SPOT} or i.type = 'assistance')
    ), cs as (
      select
        count(*) filter (where m.kinds @> array['penalty'])::int as penalties,
        coalesce(sum(c.fine_on_enterprise_fen + c.fine_on_principal_fen) filter (where c.decided_on <= ${w.to} and c.fine_on_enterprise_fen + c.fine_on_principal_fen > 0), 0)::bigint as penalty_amount,
        count(*) filter (where c.decided_on <= ${w.to} and c.fine_on_enterprise_fen > 0 and c.fine_on_principal_fen > 0)::int as dual_penalty,
        coalesce(sum(m.referred), 0)::bigint as referrals,
        count(distinct c.enterprise_id) filter (where m.kinds @> array['suspension'])::int as suspensions,
        count(distinct c.enterprise_id) filter (where m.kinds && array['exposure', 'summons', 'joint_sanction'])::int as exposures,
        count(*) filter (where c.published and c.published_at < ${w.cutoff})::int as published_cases,
        count(*) filter (where c.published and c.published_at < ${w.cutoff} and c.dangerous_operation_crime)::int as crime_cases
      from enforcement_cases c
      left join lateral (select array_agg(m.kind) as kinds, sum(coalesce(m.person_count, 0)) filter (where m.kind = 'judicial_referral') as referred
        from enforcement_measures m where m.case_id = c.id and m.decided_on <= ${w.to}) m on true
      where c.district_id = ${D} and ${col('c')} = ${U} and c.filed_on >= ${w.from} and c.filed_on <= ${w.to}
    ), ac as (
      select
        count(*) filter (where a.kind = 'accountability' and a.target_type = 'person')::int as accountability,
        count(*) filter (where a.kind = 'interview_notice' and a.target_type = 'unit')::int as unit_interviews
      from accountability_records a
      where a.district_id = ${D} and ${col('a')} = ${U} and a.decided_on >= ${w.from} and a.decided_on <= ${w.to}
    )
    select ${U}::uuid as unit_id, * from hz, insp, cs, ac`;
}

/** 大盛 附件3 for every department of one township: a row per department, a column per computed cell. */
export function departmentSummaryQuery(o: { districtId: string; townshipId: string; w: MetricWindow }): SQL {
  const { districtId: D, townshipId: T, w } = o;
  const from = shanghaiDayStart(w.from);
  return sql`with u as (
      select id, sector_ids from org_units where district_id = ${D} and parent_id = ${T} and kind = 'department'
    ), ent as (
      select u.id as unit_id, count(*)::int as supervised,
        count(*) filter (where e.risk_grade = 'red')::int as grade_red, count(*) filter (where e.risk_grade = 'orange')::int as grade_orange,
        count(*) filter (where e.risk_grade = 'yellow')::int as grade_yellow, count(*) filter (where e.risk_grade = 'blue')::int as grade_blue
      from enterprises e join u on e.sector_ids && u.sector_ids
      where e.district_id = ${D} and e.township_id = ${T} and e.voided_at is null and e.status <> 'closed' and e.created_at < ${w.cutoff}
      group by u.id
    ), hz as (
      select u.id as unit_id, count(*)::int as hazards, count(*) filter (where h.closed_at < ${w.cutoff})::int as hazards_fixed,
        count(*) filter (where h.level = 'major')::int as major, count(*) filter (where h.level = 'major' and h.closed_at < ${w.cutoff})::int as major_fixed,
        count(*) filter (where t.hazard_id is not null)::int as transferred, count(*) filter (where l.hazard_id is not null)::int as listed
      from hazards h join u on h.sector_id = any(u.sector_ids)
      left join (select distinct hazard_id from hazard_listings where district_id = ${D} and listed_on <= ${w.to}) l on l.hazard_id = h.id
      -- a department counts the transfers it made itself
      left join (select distinct t.hazard_id, t.from_unit_id from hazard_transfers t join org_units tu on tu.id = t.to_unit_id and tu.kind = 'department'
          join org_units tp on tp.id = tu.parent_id and tp.kind = 'district'
        where t.district_id = ${D} and t.status in ('pending', 'accepted') and t.requested_at < ${w.cutoff}) t on t.hazard_id = h.id and t.from_unit_id = u.id
      where h.district_id = ${D} and h.township_id = ${T} and h.status <> 'voided' and h.found_at >= ${from} and h.found_at < ${w.cutoff}
      group by u.id
    ), insp as (
      select i.unit_id, count(distinct i.enterprise_id)::int as inspected, count(distinct i.enterprise_id) filter (where i.leader_led)::int as inspected_by_leaders
      from inspections i
      where i.district_id = ${D} and i.unit_id in (select id from u) and i.status = 'completed' and i.type not in ${SELF}
        and i.inspected_on >= ${w.from} and i.inspected_on <= ${w.to}
      group by i.unit_id
    ), cs as (
      select c.unit_id, count(distinct c.enterprise_id)::int as enforced,
        coalesce(sum(c.fine_on_enterprise_fen + c.fine_on_principal_fen) filter (where c.decided_on <= ${w.to} and c.fine_on_enterprise_fen + c.fine_on_principal_fen > 0), 0)::bigint as fines
      from enforcement_cases c
      where c.district_id = ${D} and c.unit_id in (select id from u) and c.filed_on >= ${w.from} and c.filed_on <= ${w.to}
      group by c.unit_id
    )
    select u.id as unit_id, ent.supervised, ent.grade_red, ent.grade_orange, ent.grade_yellow, ent.grade_blue, insp.inspected, insp.inspected_by_leaders,
      hz.hazards, hz.hazards_fixed, hz.major, hz.major_fixed, hz.transferred, hz.listed, cs.enforced, cs.fines
    from u left join ent on ent.unit_id = u.id left join hz on hz.unit_id = u.id left join insp on insp.unit_id = u.id left join cs on cs.unit_id = u.id`;
}
