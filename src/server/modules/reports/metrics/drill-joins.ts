// The per-row facts the drill figures read (families.ts joins), from the same windows' SQL as the
// list of who is behind: an enterprise's state as of the due day, and whether an inspected
// enterprise had let a drill window lapse before the inspection.
import { type SQL, sql } from 'drizzle-orm';
import { heldBetween, registeredOn, timesSql, windowsSql } from '../../drills/index.ts';
import type { MetricWindow } from './families.ts';

const n = sql`case c.category when 'drill' then ${timesSql('drill')} else ${timesSql('training')} end`;

/**
 * ds: enterprise e's state per category in the due day's year, as of the due day: <c>_owed (a window
 * owed so far), <c>_missed (an owed window ended unmet), <c>_pending (the due day's window owed and
 * unmet so far). Records held after the due day do not count.
 */
export const drillState = (gate: SQL, w: MetricWindow): SQL => {
  const asOf = sql`${w.to}::date`;
  const flag = (c: string, cond: SQL) => sql`coalesce(bool_or(x.category = ${c} and ${cond}), false)`;
  const cols = ['drill', 'training'].flatMap((c) => [
    sql`${flag(c, sql`x.owed`)} as ${sql.raw(`${c}_owed`)}`,
    sql`${flag(c, sql`x.owed and not x.met and x.w_end < ${asOf}`)} as ${sql.raw(`${c}_missed`)}`,
    sql`${flag(c, sql`x.owed and not x.met and x.w_end >= ${asOf}`)} as ${sql.raw(`${c}_pending`)}`,
  ]);
  return sql`left join lateral (select ${sql.join(cols, sql`, `)} from (
      select c.category, w.w_end, (w.w_start <= ${asOf} and ${registeredOn} < w.w_mid) as owed,
        ${heldBetween(sql`c.category`, sql`w.w_start`, sql`least(w.w_end, ${asOf})`)} as met
      from (values ('drill'), ('training')) c(category)
      left join drill_requirements dr on dr.district_id = e.district_id
      cross join lateral (select ${n} as n) k
      cross join lateral ${windowsSql(sql`k.n`, sql`extract(year from ${asOf})::int`)} w
      where ${gate}
    ) x) ds on true`;
};

/**
 * dl.lapsed: the inspected enterprise had an owed drill window that ended in the year before the
 * inspection day with no record held in it (null for the rows no cell asks about).
 */
export const drillLapse = (gate: SQL): SQL => sql`left join lateral (
    -- The enterprise and its requirement are joined outside the exists: inside it, the planner took
    -- EXISTS's fast start and scanned enterprises for each inspection (3.1 s for a county's 8,102
    -- spot checks, against 0.1 s by the primary key).
    select exists (
      select 1 from generate_series(extract(year from i.inspected_on)::int - 1, extract(year from i.inspected_on)::int) y(year)
      cross join lateral ${windowsSql(sql`k.n`, sql`y.year`)} w
      where ${registeredOn} < w.w_mid
        and w.w_end < i.inspected_on and w.w_end >= i.inspected_on - 365
        and not ${heldBetween(sql`'drill'`, sql`w.w_start`, sql`w.w_end`)}
    ) as lapsed
    from enterprises e
    left join drill_requirements dr on dr.district_id = e.district_id
    cross join lateral (select ${timesSql('drill')} as n) k
    where e.id = i.enterprise_id and ${gate}
  ) dl on true`;
