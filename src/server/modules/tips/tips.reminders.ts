// Reminders of public reports through the notifications module: DUE_SOON_DAYS before the 30-day
// due day and once overdue, each told once (the dedupe key names the kind and the report) to the
// township's 安委办 accounts and the department asked to investigate.
import { sql } from 'drizzle-orm';
import { addDays } from '../../../domain/common/dates.ts';
import { TIP_CONCLUDE_DAYS } from '../../../domain/tips/tip-workflow.ts';
import { DUE_SOON_DAYS } from '../../../domain/workbench/light.ts';
import { type Db, sqlWrite } from '../../db/client.ts';
import { registerReminderSource } from '../notifications/index.ts';

const LOOKBACK_DAYS = 60;

export function tipReminders(db: Db, today: string): Promise<number> {
  const due = sql`((p.submitted_at at time zone 'Asia/Shanghai')::date + ${TIP_CONCLUDE_DAYS}::int)`;
  const kind = sql`case when ${due} < ${today}::date then 'tip.overdue' else 'tip.due_soon' end`;
  return sqlWrite(db, sql`insert into notification_outbox (district_id, kind, title, body, href, entity_type, entity_id, audience, dedupe_key, created_at)
    select p.district_id, ${kind}, '群众举报 ' || p.number || ' ' || left(p.description, 40),
      case when ${due} < ${today}::date then '举报已超过核查时限（' || ${due} || '），请尽快核查办结并答复' else '请于 ' || ${due} || ' 前核查办结并答复举报人' end,
      '/tips/' || p.id, 'public_report', p.id,
      jsonb_build_object(
        'userIds', coalesce((select jsonb_agg(u.id) from users u where u.unit_id = p.township_id and u.role = 'office' and u.active), '[]'::jsonb),
        'unitIds', case when p.assigned_unit_id is null then '[]'::jsonb else jsonb_build_array(p.assigned_unit_id) end),
      ${kind} || ':' || p.id, now()
    from public_reports p
    where p.status in ('pending', 'investigating')
      and p.submitted_at < ${addDays(today, DUE_SOON_DAYS + 1 - TIP_CONCLUDE_DAYS)}::date::timestamp at time zone 'Asia/Shanghai'
      and p.submitted_at >= ${addDays(today, -LOOKBACK_DAYS - TIP_CONCLUDE_DAYS)}::date::timestamp at time zone 'Asia/Shanghai'
    on conflict (dedupe_key) do nothing`);
}

export const registerTipReminders = () => registerReminderSource(tipReminders);
