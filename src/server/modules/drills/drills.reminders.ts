// Reminders of drills and training through the notifications module, to the enterprise's own
// accounts: an owed window unmet 30 and again 7 days before it closes, and once when it closed
// short. One statement over every enterprise with an account; the dedupe key names the kind, the
// enterprise, the category, the window's last day (and the stage), so each is told once, a restart
// writes nothing twice and a server that was down catches up on its next run.
import { sql } from 'drizzle-orm';
import { addDays } from '../../../domain/common/dates.ts';
import { type Db, sqlWrite } from '../../db/client.ts';
import { heldBetween, registeredOn, timesSql, windowsSql } from './drills.windows.ts';

/** Days before a window closes when the enterprise is told, the earlier first. */
export const DRILL_REMIND_DAYS = [30, 7] as const;
/** A window that closed short longer ago than this is not told again by a fresh server. */
const MISSED_LOOKBACK_DAYS = 30;

export function drillReminders(db: Db, today: string): Promise<number> {
  const [early, late] = DRILL_REMIND_DAYS;
  const years = [...new Set([addDays(today, -MISSED_LOOKBACK_DAYS).slice(0, 4), today.slice(0, 4)])].map(Number);
  const label = sql`case c.category when 'drill' then '应急演练' else '安全培训' end`;
  return sqlWrite(db, sql`
    insert into notification_outbox (district_id, kind, title, body, href, entity_type, entity_id, audience, dedupe_key, created_at)
    select x.district_id, x.kind,
      case when x.kind = 'drill.missed' then x.label || '上期未按要求开展' else '本期' || x.label || '尚未开展' end,
      case when x.kind = 'drill.missed' then to_char(x.w_start, 'YYYY-MM-DD') || '至' || to_char(x.w_end, 'YYYY-MM-DD') || '应开展1次，未登记'
           else '请于 ' || to_char(x.w_end, 'YYYY-MM-DD') || ' 前开展并登记（还剩 ' || (x.w_end - ${today}::date) || ' 天）' end,
      '/drills/new?category=' || x.category, 'enterprise', x.enterprise_id, jsonb_build_object('enterpriseIds', jsonb_build_array(x.enterprise_id)),
      x.kind || ':' || x.enterprise_id || ':' || x.category || ':' || to_char(x.w_end, 'YYYY-MM-DD')
        || case when x.kind = 'drill.due_soon' then ':' || case when x.w_end - ${today}::date <= ${late}::int then ${late}::int else ${early}::int end else '' end,
      now()
    from (
      select e.id as enterprise_id, e.district_id, c.category, ${label} as label, w.w_start, w.w_end,
        case when w.w_end < ${today}::date then 'drill.missed' else 'drill.due_soon' end as kind
      from enterprises e
      left join drill_requirements dr on dr.district_id = e.district_id
      cross join (values ('drill'), ('training')) c(category)
      cross join lateral (select case c.category when 'drill' then ${timesSql('drill')} else ${timesSql('training')} end as n) k
      cross join unnest(${sql.param(`{${years.join(',')}}`)}::int[]) y(year)
      cross join lateral ${windowsSql(sql`k.n`, sql`y.year`)} w
      where e.voided_at is null and e.status <> 'closed'
        and exists (select 1 from users u where u.enterprise_id = e.id and u.active)
        and w.w_start <= ${today}::date and ${registeredOn} < w.w_mid
        and (w.w_end between ${today}::date and ${today}::date + ${early}::int or w.w_end between ${today}::date - ${MISSED_LOOKBACK_DAYS}::int and ${today}::date - 1)
        and not ${heldBetween(sql`c.category`, sql`w.w_start`, sql`w.w_end`)}
    ) x
    on conflict (dedupe_key) do nothing`);
}
