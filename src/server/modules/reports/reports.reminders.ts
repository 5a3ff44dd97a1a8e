// Reminders of form rounds, through the notifications module: the campaign's N days before a due
// date and on the day a round becomes overdue, each told once to the owing unit (the dedupe key
// names the kind, the form, the unit and the due day, so a restart writes nothing twice).
import { and, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/common/dates.ts';
import { type Db, sqlWrite } from '../../db/client.ts';
import { campaigns } from '../../db/schema/index.ts';
import { owedRounds } from './reports.owed.ts';

const OVERDUE_LOOKBACK_DAYS = 30;

export async function reportReminders(db: Db, today: string): Promise<number> {
  const live = await db.select().from(campaigns)
    .where(and(isNotNull(campaigns.publishedAt), gte(campaigns.periodEnd, addDays(today, -OVERDUE_LOOKBACK_DAYS)), lte(campaigns.periodStart, addDays(today, 30)))).limit(500);
  if (live.length === 0) return 0;
  const maxAhead = Math.max(...live.map((c) => c.remindDaysBefore));
  const owed = await owedRounds(db, live, { since: addDays(today, -OVERDUE_LOOKBACK_DAYS), until: addDays(today, maxAhead) });
  const due = owed.flatMap((o) => {
    if (o.round.due < today) return [{ o, kind: 'report.overdue', body: `报送期 ${o.round.due} 已过，请尽快填报` }];
    if (o.round.due <= addDays(today, o.campaign.remindDaysBefore)) return [{ o, kind: 'report.due_soon', body: `请于 ${o.round.due}${o.round.time ? ` ${o.round.time}` : ''} 前填报` }];
    return [];
  });
  let queued = 0;
  for (let i = 0; i < due.length; i += 500) {
    const values = sql.join(due.slice(i, i + 500).map(({ o, kind, body }) => sql`(${o.campaign.districtId}::uuid, ${kind}, ${o.title.slice(0, 60)}, ${body}, ${`/report-submissions/${o.key}`},
      'report_template', ${o.form.seriesId}::uuid, ${JSON.stringify({ unitIds: [o.unitId] })}::jsonb, ${`${kind}:${o.key}`}, now())`), sql`, `);
    queued += await sqlWrite(db, sql`insert into notification_outbox (district_id, kind, title, body, href, entity_type, entity_id, audience, dedupe_key, created_at)
      values ${values} on conflict (dedupe_key) do nothing`);
  }
  return queued;
}
