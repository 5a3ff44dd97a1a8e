// Reminders of findings through the notifications module: DUE_SOON_DAYS before the due day and
// once overdue, each told once to the unit that owes the answer (the dedupe key names the kind,
// the finding and its due day, so a restart writes nothing twice and a new due day is told anew).
import { sql } from 'drizzle-orm';
import { addDays } from '../../../domain/common/dates.ts';
import { DUE_SOON_DAYS } from '../../../domain/workbench/light.ts';
import { type Db, sqlWrite } from '../../db/client.ts';

/** Overdue findings older than this are not told again by a fresh server. */
const LOOKBACK_DAYS = 60;

export function findingReminders(db: Db, today: string): Promise<number> {
  const kind = sql`case when f.due_date < ${today} then 'finding.overdue' else 'finding.due_soon' end`;
  return sqlWrite(db, sql`insert into notification_outbox (district_id, kind, title, body, href, entity_type, entity_id, audience, dedupe_key, created_at)
    select f.district_id, ${kind}, left(f.description, 60),
      case when f.due_date < ${today} then '督导问题已逾期（期限 ' || f.due_date || '），请尽快整改并报送' else '请于 ' || f.due_date || ' 前整改并报送' end,
      '/supervision/findings/' || f.id, 'supervision_finding', f.id, jsonb_build_object('unitIds', jsonb_build_array(f.unit_id)),
      ${kind} || ':' || f.id || ':' || f.due_date, now()
    from supervision_findings f
    where f.status in ('open', 'returned') and f.due_date <= ${addDays(today, DUE_SOON_DAYS)} and f.due_date >= ${addDays(today, -LOOKBACK_DAYS)}
    on conflict (dedupe_key) do nothing`);
}
