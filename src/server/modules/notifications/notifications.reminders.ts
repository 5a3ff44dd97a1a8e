// Time-based reminders: a hazard due within DUE_SOON_DAYS, and one now overdue, each told once per
// deadline to its responsible unit (and its enterprise while it is being rectified). The scan is
// of the state, not of the time since the last run, so a server that was down catches up on its
// next run, and the dedupe key makes a repeat (a restart, two runs) write nothing.
import { sql } from 'drizzle-orm';
import { DUE_SOON_DAYS } from '../../../domain/workbench/light.ts';
import { type Db, sqlWrite } from '../../db/client.ts';

/**
 * Another area's reminders (a campaign's occurrences, …): queued with a dedupe key, like the
 * hazards' own, so a repeat writes nothing. Areas register theirs at start-up; the notifier runs
 * them all on its timer.
 */
export type ReminderSource = (db: Db, today: string) => Promise<number>;
const sources: ReminderSource[] = [];
export function registerReminderSource(s: ReminderSource): void {
  if (!sources.includes(s)) sources.push(s);
}

/** Queues every area's reminders due on `today` (a Shanghai day); returns how many were new. */
export async function produceReminders(db: Db, today: string): Promise<number> {
  let n = await hazardReminders(db, today);
  for (const s of sources) n += await s(db, today);
  return n;
}

async function hazardReminders(db: Db, today: string): Promise<number> {
  const audience = sql`jsonb_build_object(
    'unitIds', jsonb_build_array(h.responsible_unit_id),
    'enterpriseIds', case when h.enterprise_id is not null and h.status in ('reported', 'rectifying')
                          then jsonb_build_array(h.enterprise_id) else '[]'::jsonb end)`;
  const title = sql`h.number || ' ' || left(h.description, 60)`;
  return sqlWrite(db, sql`
    insert into notification_outbox (district_id, kind, title, body, href, entity_type, entity_id, audience, dedupe_key, created_at)
    select h.district_id, r.kind, ${title}, r.body, '/hazards/' || h.id, 'hazard', h.id, ${audience},
           r.kind || ':' || h.id || ':' || h.due_date, now()
      from hazards h
      cross join lateral (
        select case when h.due_date < ${today}::date then 'hazard.overdue' else 'hazard.due_soon' end as kind,
               case when h.due_date < ${today}::date
                    then '整改期限 ' || to_char(h.due_date, 'YYYY-MM-DD') || '，已逾期 ' || (${today}::date - h.due_date) || ' 天'
                    else '整改期限 ' || to_char(h.due_date, 'YYYY-MM-DD') || '，还剩 ' || (h.due_date - ${today}::date) || ' 天' end as body
      ) r
     where h.status in ('reported', 'rectifying', 'awaiting_verification')
       and h.due_date <= ${today}::date + ${DUE_SOON_DAYS}::int
    on conflict (dedupe_key) do nothing`);
}
