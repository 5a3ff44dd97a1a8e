// Reminders of campaign occurrences, through the notifications module: N days before a due date
// (N per campaign) and on the day one becomes overdue, each told once to the owing unit. Like the
// hazards' reminders, the scan is of the state, so a server that was down catches up, and the
// dedupe key (kind, occurrence) makes a repeat write nothing across restarts.
import { and, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/common/dates.ts';
import { isOwed } from '../../../domain/campaigns/occurrences.ts';
import { type Db, sqlWrite } from '../../db/client.ts';
import { campaigns } from '../../db/schema/index.ts';
import { occurrencesOf } from './occurrences.engine.ts';

/** At most this many days back an overdue reminder is still sent (a long-finished campaign is not re-announced). */
const OVERDUE_LOOKBACK_DAYS = 30;

export async function campaignReminders(db: Db, today: string): Promise<number> {
  const live = await db.select().from(campaigns)
    .where(and(isNotNull(campaigns.publishedAt), gte(campaigns.periodEnd, addDays(today, -OVERDUE_LOOKBACK_DAYS)), lte(campaigns.periodStart, addDays(today, 30)))).limit(500);
  let queued = 0;
  for (const c of live) {
    const occs = (await occurrencesOf(db, [c], today)).filter((o) => isOwed(o.state));
    const due = occs.flatMap((o) => {
      if (o.due < today) return o.due >= addDays(today, -OVERDUE_LOOKBACK_DAYS) ? [{ o, kind: 'campaign.overdue', body: `时限 ${o.due}，已逾期，请尽快报送落实情况` }] : [];
      if (o.due <= addDays(today, c.remindDaysBefore)) return [{ o, kind: 'campaign.due_soon', body: `时限 ${o.due}，请按时报送落实情况` }];
      return [];
    });
    if (due.length === 0) continue;
    const values = sql.join(due.map(({ o, kind, body }) => sql`(${c.districtId}::uuid, ${kind}, ${o.task.requirement.slice(0, 60)}, ${body}, ${`/occurrences/${o.key}`},
      'campaign_task', ${o.task.id}::uuid, ${JSON.stringify({ unitIds: [o.unitId] })}::jsonb, ${`${kind}:${o.key}`}, now())`), sql`, `);
    queued += await sqlWrite(db, sql`insert into notification_outbox (district_id, kind, title, body, href, entity_type, entity_id, audience, dedupe_key, created_at)
      values ${values} on conflict (dedupe_key) do nothing`);
  }
  return queued;
}
