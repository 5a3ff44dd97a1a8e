// What a leader still owes: for each requirement of a live campaign of the leader's region that
// binds the leader's post, the window that contains today, short of its count (dueForLeader). On
// the leader's 工作台 and phone home page; and the reminders: N days before such a window closes,
// and once when one closed short, each told once to the leader.
import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import type { TLeaderDue } from '../../../contract/leadership.ts';
import type { TWorkbenchItem } from '../../../contract/workbench.ts';
import { can } from '../../../domain/access/permissions.ts';
import { addDays, shanghaiDay } from '../../../domain/common/dates.ts';
import { countedIn, dueForLeader, parseFrequency } from '../../../domain/supervision/compliance.ts';
import { byUrgency, dueWords, lightOf } from '../../../domain/workbench/light.ts';
import { ITEMS_PER_KIND, type WorkbenchKind } from '../../../domain/workbench/workbench.ts';
import type { AppContext } from '../../context.ts';
import { type Db, sqlWrite } from '../../db/client.ts';
import { campaigns, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { type CampaignRow, publishedCampaigns } from '../campaigns/index.ts';
import { leadershipDataOf, periodOf, specOf } from './leadership.records.ts';
import { regionOfCampaign } from './leadership.scope.ts';

const CREATE_HREF = '/leadership/new';

export async function leaderDue(ctx: AppContext, actor: Actor): Promise<TLeaderDue> {
  const today = shanghaiDay(ctx.clock.now());
  const [me] = await ctx.db.select({ post: users.leaderPost }).from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!me?.post || !can(actor.role, 'read:leadership')) return { today, items: [] };
  const mine = (c: CampaignRow) => {
    const region = regionOfCampaign(c);
    return c.periodStart <= today && today <= c.periodEnd && (actor.unitId === region || actor.departmentRegion?.id === region);
  };
  const cs = (await publishedCampaigns(ctx, actor)).filter(mine);
  const data = await leadershipDataOf(ctx.db, cs, { userIds: [actor.userId] });
  if (!data) return { today, items: [] };
  const reqs = data.reqs.map((r) => ({ ...specOf(r), id: r.id, label: r.label, period: periodOf(data.campaigns.get(r.campaignId)!), campaign: data.campaigns.get(r.campaignId)! }));
  const owed = dueForLeader(reqs, { userId: actor.userId, name: actor.displayName, post: me.post }, data.facts, today);
  const byId = new Map(reqs.map((r) => [r.id, r]));
  return {
    today,
    items: owed.map((o) => ({ ...o, campaignId: byId.get(o.requirementId)!.campaign.id, campaignName: byId.get(o.requirementId)!.campaign.name }))
      .sort((a, b) => a.due.localeCompare(b.due) || a.label.localeCompare(b.label)),
  };
}

type Part = { items: TWorkbenchItem[]; totals: Partial<Record<WorkbenchKind, number>>; moreHref?: Partial<Record<WorkbenchKind, string>> };

/** The 工作台's source: 本期应开展的领导活动. */
export async function leadershipWorkbench(ctx: AppContext, actor: Actor): Promise<Part[]> {
  const { today, items } = await leaderDue(ctx, actor);
  if (items.length === 0) return [];
  const list = items.map((o): TWorkbenchItem => ({
    kind: 'leadership_due', title: o.label.slice(0, 80),
    subtitle: `${o.campaignName} · 本期（${o.from.slice(5)}至${o.due.slice(5)}）已开展 ${o.done}/${o.required} 次`,
    href: CREATE_HREF, due: o.due, dueText: dueWords(o.due, today), light: lightOf(o.due, today),
  })).sort(byUrgency);
  return [{ items: list.slice(0, ITEMS_PER_KIND), totals: { leadership_due: list.length }, moreHref: { leadership_due: '/leadership' } }];
}

/** Overdue reminders are sent for windows closed at most this many days ago. */
const OVERDUE_LOOKBACK_DAYS = 30;

export async function leadershipReminders(db: Db, today: string): Promise<number> {
  const live = await db.select().from(campaigns)
    .where(and(isNotNull(campaigns.publishedAt), gte(campaigns.periodEnd, addDays(today, -OVERDUE_LOOKBACK_DAYS)), lte(campaigns.periodStart, today))).limit(500);
  const data = await leadershipDataOf(db, live);
  if (!data) return 0;
  const out: { c: CampaignRow; userId: string; kind: string; key: string; title: string; body: string }[] = [];
  for (const r of data.reqs) {
    const c = data.campaigns.get(r.campaignId)!;
    const spec = specOf(r);
    const f = parseFrequency(r.frequencyText, periodOf(c));
    for (const w of f.windows) {
      const soon = w.from <= today && today <= w.due && w.due <= addDays(today, c.remindDaysBefore);
      const late = w.due < today && w.due >= addDays(today, -OVERDUE_LOOKBACK_DAYS);
      if (!soon && !late) continue;
      for (const l of data.leadersOf(c).filter((x) => spec.posts.includes(x.post))) {
        const done = countedIn(spec, l.userId, data.facts, w).length;
        if (done >= f.count) continue;
        const kind = late ? 'leadership.overdue' : 'leadership.due_soon';
        const body = late ? `${w.from}至${w.due}应开展 ${f.count} 次，实际 ${done} 次` : `请于 ${w.due} 前开展（本期已开展 ${done}/${f.count} 次）`;
        out.push({ c, userId: l.userId, kind, key: `${kind}:${r.id}:${l.userId}:${w.due}`, title: r.label.slice(0, 60), body });
      }
    }
  }
  if (out.length === 0) return 0;
  let queued = 0;
  for (let i = 0; i < out.length; i += 500) {
    const values = sql.join(out.slice(i, i + 500).map((o) => sql`(${o.c.districtId}::uuid, ${o.kind}, ${o.title}, ${o.body}, ${CREATE_HREF},
      'campaign', ${o.c.id}::uuid, ${JSON.stringify({ userIds: [o.userId] })}::jsonb, ${o.key}, now())`), sql`, `);
    queued += await sqlWrite(db, sql`insert into notification_outbox (district_id, kind, title, body, href, entity_type, entity_id, audience, dedupe_key, created_at)
      values ${values} on conflict (dedupe_key) do nothing`);
  }
  return queued;
}
