// What a metric counts over: a family is one table (with the joins its metrics need), the
// conditions every row of it must meet in a window, and how a row belongs to a unit of each kind.
// Attribution is the unit's data scope as the forms read it: a village counts what is in the
// village; a department what is in its sectors in its region (enterprises, hazards) and what it
// did itself (inspections, cases); a township or district what is in its region.
import { type SQL, sql } from 'drizzle-orm';
import { shanghaiDayStart } from '../../../../domain/common/dates.ts';
import { drillLapse, drillState } from './drill-joins.ts';

export type UnitKind = 'district' | 'township' | 'village' | 'department';
export type Family =
  | 'enterprise' | 'hazard' | 'inspection' | 'case' | 'accountability' | 'leadership_activity' | 'technical_inspector' | 'enterprise_check'
  | 'publicity' | 'exposure' | 'tip_reward' | 'safety_activity';

/** The window a figure counts: records from `from` (a day) up to the cut-off instant (the end of `to`, the due day). */
export interface MetricWindow {
  from: string;
  to: string;
  cutoff: Date;
}

/** What a breakdown groups by, beside the unit (the campaign dashboard's charts). */
export type Dimension = 'village' | 'sector' | 'week' | 'status';

export interface FamilySpec {
  /** FROM … with the row alias the metrics use (e, h, i, c, a). */
  from: SQL;
  district: SQL;
  /** The row's township (a department's region, when it is a township). */
  township: SQL;
  base(w: MetricWindow): SQL;
  /** The row belongs to unit `u` (an org_units row aliased u) of this kind. */
  attribution(kind: UnitKind): SQL;
  /** The family's table by its own name, for a condition written on it (a data scope) to be applied by id. */
  table: SQL;
  id: SQL;
  /** The expression of each dimension this family can be broken down by. */
  dimensions: Partial<Record<Dimension, SQL>>;
  /** Kinds whose attribution keeps a row inside the unit's parent region: the engine then reads those regions only. */
  inParentRegion: readonly UnitKind[];
  /**
   * Per-row facts some metrics read, each a join the engine adds once for all the cells that name
   * it (MetricDef.joins), instead of a subquery per cell and row. A join yields at most one row per
   * family row. `gate` (the scopes of the cells that use it) says which rows need it: a lateral join runs for those only.
   */
  joins: Record<string, (gate: SQL, w: MetricWindow) => SQL>;
}

/** The Monday of an instant's week in Asia/Shanghai, as 'YYYY-MM-DD'. */
const weekOf = (col: string) => sql.raw(`to_char(date_trunc('week', ${col} at time zone 'Asia/Shanghai'), 'YYYY-MM-DD')`);

const fromDay = (w: MetricWindow) => shanghaiDayStart(w.from);
const SELF_TYPES = sql.raw(`('self_daily', 'self_weekly', 'self_monthly')`);

/**
 * Every check of an enterprise in one row set: completed inspections (not self-inspections) and
 * leaders' 调研检查 / 现场督导检查 activities that name the enterprise visited (not voided). `leader`:
 * a leader-led inspection, or any such activity (leaders' by definition).
 */
const ENTERPRISE_CHECKS = sql.raw(`(select i.id, i.enterprise_id, i.district_id, i.township_id, i.unit_id, i.inspected_on as on_day, i.leader_led as leader
    from inspections i where i.status = 'completed' and i.type not in ('self_daily', 'self_weekly', 'self_monthly')
  union all
  select la.id, la.enterprise_id, la.district_id, la.township_id, la.unit_id, la.held_on, true
    from leadership_activities la where la.voided_at is null and la.enterprise_id is not null and la.kind in ('research_inspection', 'site_supervision'))`);

/**
 * Every exposure of an enterprise in one row set (decision 020): each enforcement measure (its kind
 * as `source`, on its case's filing day, decided on its own day) and each enterprise a live
 * publicity exposure named (`source` 'publicity', on its publication day). A publicity row belongs
 * to the region that published it (unit_id: its office's unit; no village).
 */
const EXPOSURES = sql.raw(`(select c.id, c.enterprise_id, c.district_id, c.township_id, c.village_id, c.unit_id, c.filed_on as on_day, m.decided_on, m.kind as source
    from enforcement_measures m join enforcement_cases c on c.id = m.case_id
  union all
  select pr.id, x.enterprise_id, pr.district_id, pr.township_id, null::uuid, pr.unit_id, pr.published_on, pr.published_on, 'publicity'
    from publicity_records pr cross join lateral unnest(pr.enterprise_ids) as x(enterprise_id)
    where pr.voided_at is null and pr.kind = 'exposure')`);

/** Region containment for a department: its parent is a township or the district. */
const deptRegion = (t: string) => sql.raw(`(${t}.township_id = u.parent_id or ${t}.district_id = u.parent_id)`);

export const FAMILIES: Record<Family, FamilySpec> = {
  enterprise: {
    from: sql`enterprises e`,
    table: sql`enterprises`,
    id: sql`e.id`,
    district: sql`e.district_id`,
    township: sql`e.township_id`,
    base: (w) => sql`e.voided_at is null and e.status <> 'closed' and e.created_at < ${w.cutoff}`,
    attribution: (kind) => ({
      village: sql`e.village_id = u.id`,
      township: sql`e.township_id = u.id`,
      district: sql`e.district_id = u.id`,
      department: sql`e.sector_ids && u.sector_ids and ${deptRegion('e')}`,
    })[kind],
    dimensions: { village: sql`e.village_id::text` },
    inParentRegion: ['department'],
    joins: {
      /** ds: the enterprise's drills and training as of the due day (missed, pending, owed per category). */
      drillState,
    },
  },
  hazard: {
    from: sql`hazards h`,
    table: sql`hazards`,
    id: sql`h.id`,
    district: sql`h.district_id`,
    township: sql`h.township_id`,
    base: (w) => sql`h.status <> 'voided' and h.found_at >= ${fromDay(w)} and h.found_at < ${w.cutoff}`,
    attribution: (kind) => ({
      village: sql`h.village_id = u.id`,
      township: sql`h.township_id = u.id`,
      district: sql`h.district_id = u.id`,
      department: sql`h.sector_id = any(u.sector_ids) and ${deptRegion('h')}`,
    })[kind],
    dimensions: { village: sql`h.village_id::text`, sector: sql`h.sector_id::text`, week: weekOf('h.found_at'), status: sql`h.status` },
    inParentRegion: ['department'],
    joins: {
      /** hl.listed_on: the day the hazard was first listed (挂牌督办), if ever. */
      listing: (gate) => sql`left join lateral (select min(l.listed_on) as listed_on from hazard_listings l where ${gate} and l.hazard_id = h.id) hl on true`,
    },
  },
  inspection: {
    from: sql`inspections i`,
    table: sql`inspections`,
    id: sql`i.id`,
    district: sql`i.district_id`,
    township: sql`i.township_id`,
    base: (w) => sql`i.status = 'completed' and i.type not in ${SELF_TYPES} and i.inspected_on >= ${w.from} and i.inspected_on <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`i.unit_id = u.id`,
      department: sql`i.unit_id = u.id`,
      township: sql`i.township_id = u.id`,
      district: sql`i.district_id = u.id`,
    })[kind],
    dimensions: { village: sql`i.village_id::text`, week: sql`to_char(date_trunc('week', i.inspected_on), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {
      /** ke: the inspected enterprise if it is a key enterprise (重点企业), else nulls: a join the planner hashes over the few key ones. */
      keyEnterprise: () => sql`left join enterprises ke on ke.id = i.enterprise_id and ke.is_key`,
      /** dl.lapsed: the inspected enterprise let a drill window lapse in the year before the inspection. */
      drillLapse,
    },
  },
  case: {
    from: sql`enforcement_cases c`,
    table: sql`enforcement_cases`,
    id: sql`c.id`,
    district: sql`c.district_id`,
    township: sql`c.township_id`,
    base: (w) => sql`c.filed_on >= ${w.from} and c.filed_on <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`c.village_id = u.id`,
      department: sql`c.unit_id = u.id`,
      township: sql`c.township_id = u.id`,
      district: sql`c.district_id = u.id`,
    })[kind],
    dimensions: { village: sql`c.village_id::text`, week: sql`to_char(date_trunc('week', c.filed_on), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {
      /** cm.kinds, cm.persons: the kind and number of persons of each measure decided by the due day. */
      measures: (gate, w) => sql`left join lateral (select array_agg(m.kind) as kinds, array_agg(coalesce(m.person_count, 0)) as persons
        from enforcement_measures m where ${gate} and m.case_id = c.id and m.decided_on <= ${w.to}) cm on true`,
    },
  },
  accountability: {
    from: sql`accountability_records a`,
    table: sql`accountability_records`,
    id: sql`a.id`,
    district: sql`a.district_id`,
    township: sql`a.township_id`,
    base: (w) => sql`a.decided_on >= ${w.from} and a.decided_on <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`a.target_unit_id = u.id`,
      department: sql`a.target_unit_id = u.id`,
      township: sql`a.township_id = u.id`,
      district: sql`a.district_id = u.id`,
    })[kind],
    dimensions: { week: sql`to_char(date_trunc('week', a.decided_on), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {},
  },
  /** 领导活动: a unit counts what it recorded; a township or district what was held in its region. */
  leadership_activity: {
    from: sql`leadership_activities la`,
    table: sql`leadership_activities`,
    id: sql`la.id`,
    district: sql`la.district_id`,
    township: sql`la.township_id`,
    base: (w) => sql`la.voided_at is null and la.held_on >= ${w.from} and la.held_on <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`la.unit_id = u.id`,
      department: sql`la.unit_id = u.id`,
      township: sql`la.township_id = u.id`,
      district: sql`la.district_id = u.id`,
    })[kind],
    dimensions: { week: sql`to_char(date_trunc('week', la.held_on), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {},
  },
  /**
   * 专兼职技术检查员, counted on the window's last day (a roster is a state, not events): a township
   * its own roster; the district both levels; a department or village those working for it.
   */
  technical_inspector: {
    from: sql`technical_inspectors ti`,
    table: sql`technical_inspectors`,
    id: sql`ti.id`,
    district: sql`ti.district_id`,
    township: sql`ti.township_id`,
    base: (w) => sql`ti.voided_at is null and ti.from_date <= ${w.to} and (ti.to_date is null or ti.to_date >= ${w.to})`,
    attribution: (kind) => ({
      village: sql`ti.unit_id = u.id`,
      department: sql`ti.unit_id = u.id`,
      township: sql`ti.township_id = u.id`,
      district: sql`ti.district_id = u.id`,
    })[kind],
    dimensions: {},
    inParentRegion: [],
    joins: {},
  },
  /**
   * 举报奖励 paid in the window (by the day paid): the office of the report's township pays it, so a
   * township counts its own and the district all of its townships'; villages and departments none.
   */
  tip_reward: {
    from: sql`tip_rewards tr`,
    table: sql`tip_rewards`,
    id: sql`tr.id`,
    district: sql`tr.district_id`,
    township: sql`tr.township_id`,
    base: (w) => sql`tr.status = 'paid' and tr.paid_on >= ${w.from} and tr.paid_on <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`false`,
      department: sql`false`,
      township: sql`tr.township_id = u.id`,
      district: sql`tr.district_id = u.id`,
    })[kind],
    dimensions: { week: sql`to_char(date_trunc('week', tr.paid_on), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {},
  },
  /**
   * 应急演练 / 安全培训 records by the day held: an enterprise's counted where the enterprise is (a
   * department: in its sectors and region), a unit's 执法人员培训 by that unit and its region.
   */
  safety_activity: {
    from: sql`safety_activities sa left join enterprises se on se.id = sa.enterprise_id`,
    table: sql`safety_activities`,
    id: sql`sa.id`,
    district: sql`sa.district_id`,
    township: sql`sa.township_id`,
    base: (w) => sql`sa.voided_at is null and sa.held_on >= ${w.from} and sa.held_on <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`(se.village_id = u.id or sa.unit_id = u.id)`,
      department: sql`((se.sector_ids && u.sector_ids and ${deptRegion('se')}) or sa.unit_id = u.id)`,
      township: sql`sa.township_id = u.id`,
      district: sql`sa.district_id = u.id`,
    })[kind],
    dimensions: { village: sql`se.village_id::text`, week: sql`to_char(date_trunc('week', sa.held_on), 'YYYY-MM-DD')` },
    inParentRegion: ['department'],
    joins: {},
  },
  /** Checks of enterprises (inspections and leaders' visits), each attributed like an inspection: to the unit that recorded it. */
  enterprise_check: {
    from: sql`${ENTERPRISE_CHECKS} ec`,
    table: sql`${ENTERPRISE_CHECKS} enterprise_checks`,
    id: sql`ec.id`,
    district: sql`ec.district_id`,
    township: sql`ec.township_id`,
    base: (w) => sql`ec.on_day >= ${w.from} and ec.on_day <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`ec.unit_id = u.id`,
      department: sql`ec.unit_id = u.id`,
      township: sql`ec.township_id = u.id`,
      district: sql`ec.district_id = u.id`,
    })[kind],
    dimensions: { week: sql`to_char(date_trunc('week', ec.on_day), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {},
  },
  /**
   * 宣传/曝光 records running on a day of the window (a column over a period, or still running,
   * counts in each window it runs in): a township its own, the district both levels, a unit what its
   * office recorded.
   */
  publicity: {
    from: sql`publicity_records pr`,
    table: sql`publicity_records`,
    id: sql`pr.id`,
    district: sql`pr.district_id`,
    township: sql`pr.township_id`,
    // domain publicityInWindow: a column without an end runs on; an exposure or a report is one day
    base: (w) => sql`pr.voided_at is null and pr.published_on <= ${w.to}
      and (pr.ends_on >= ${w.from} or (pr.ends_on is null and (pr.kind = 'media_column' or pr.published_on >= ${w.from})))`,
    attribution: (kind) => ({
      village: sql`pr.unit_id = u.id`,
      department: sql`pr.unit_id = u.id`,
      township: sql`pr.township_id = u.id`,
      district: sql`pr.district_id = u.id`,
    })[kind],
    dimensions: { week: sql`to_char(date_trunc('week', pr.published_on), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {},
  },
  /** Exposures of enterprises (measures and publicity), each attributed like its case or its publicity record. */
  exposure: {
    from: sql`${EXPOSURES} ex`,
    table: sql`${EXPOSURES} exposures`,
    id: sql`ex.id`,
    district: sql`ex.district_id`,
    township: sql`ex.township_id`,
    base: (w) => sql`ex.on_day >= ${w.from} and ex.on_day <= ${w.to} and ex.decided_on <= ${w.to}`,
    attribution: (kind) => ({
      village: sql`ex.village_id = u.id`,
      department: sql`ex.unit_id = u.id`,
      township: sql`ex.township_id = u.id`,
      district: sql`ex.district_id = u.id`,
    })[kind],
    dimensions: { week: sql`to_char(date_trunc('week', ex.on_day), 'YYYY-MM-DD')` },
    inParentRegion: [],
    joins: {},
  },
};
