// The SQL twins of domain/drills windowsOf and timesPerYear, shared by who is behind (the list),
// the reminders and the report metrics, so the three count the same windows.
import { type SQL, sql } from 'drizzle-orm';
import { type ActivityCategory, DEFAULT_REQUIREMENT } from '../../../domain/drills/drill-requirement.ts';

/**
 * The windows of `year` for `n` times a year (0, 1, 2 or 4): a set-returning subquery of w_start,
 * w_end and w_mid (the first day of the window's second half), empty for 0.
 */
export function windowsSql(n: SQL, year: SQL): SQL {
  const start = sql`make_date(${year}, i * (12 / ${n}) + 1, 1)`;
  return sql`(select ${start} as w_start,
      (${start} + make_interval(months => 12 / ${n}) - interval '1 day')::date as w_end,
      (${start} + make_interval(months => (12 / ${n}) / 2, days => case when (12 / ${n}) % 2 = 1 then 15 else 0 end))::date as w_mid
    from generate_series(0, ${n} - 1) i where ${n} > 0)`;
}

/**
 * Times a year for enterprise `e` in a category from its district's row `dr` (drill_requirements,
 * left-joined: absent, the default of domain/drills).
 */
export function timesSql(category: ActivityCategory): SQL {
  const d = DEFAULT_REQUIREMENT[category];
  const col = (k: 'normal' | 'high_risk') => sql.raw(`dr.${category}_${k}`);
  return sql`case when e.is_high_risk then coalesce(${col('high_risk')}, ${d.highRisk}::int) else coalesce(${col('normal')}, ${d.normal}::int) end`;
}

/** A live record of enterprise `e` in the category held between two days (both SQL). */
export const heldBetween = (category: SQL, from: SQL, to: SQL) =>
  sql`exists (select 1 from safety_activities a where a.enterprise_id = e.id and a.category = ${category} and a.voided_at is null and a.held_on between ${from} and ${to})`;

/** The day enterprise `e` was put on record (Asia/Shanghai): a window is owed when that is before its midpoint. */
export const registeredOn = sql`(e.created_at at time zone 'Asia/Shanghai')::date`;
