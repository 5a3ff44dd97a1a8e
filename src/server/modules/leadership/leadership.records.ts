// What the required frequencies are checked against, for any number of campaigns in three queries:
// their live requirements, the leaders of their regions (accounts with a post), and the live
// activities those leaders took part in over the campaigns' periods. The compliance table, the
// task occurrences, the 工作台 and the reminders all read it.
import type { ActivityFact, LeaderRef, RequirementSpec } from '../../../domain/supervision/compliance.ts';
import type { ActivityKind, LeaderPost } from '../../../domain/supervision/leadership.ts';
import type { CampaignRow } from '../campaigns/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import * as repo from './leadership.repository.ts';
import { leaderInRegion, regionOfCampaign } from './leadership.scope.ts';

export type RegionLeader = LeaderRef & { unitName: string };
export type ActivityRecord = ActivityFact & { topic: string; leaders: unknown };

export interface LeadershipData {
  reqs: repo.RequirementRow[];
  campaigns: Map<string, CampaignRow>;
  /** The leaders of a campaign's region. */
  leadersOf(c: CampaignRow): RegionLeader[];
  facts: ActivityRecord[];
  factById: Map<string, ActivityRecord>;
}

/** A stored requirement as the domain reads it. */
export const specOf = (r: repo.RequirementRow): RequirementSpec => ({ posts: r.posts as LeaderPost[], kinds: r.kinds as ActivityKind[], frequencyText: r.frequencyText });

export const periodOf = (c: CampaignRow) => ({ start: c.periodStart, end: c.periodEnd });

/** Null when none of the campaigns has a requirement (of the kind asked for). */
export async function leadershipDataOf(
  db: DbOrTx, cs: readonly CampaignRow[], o: { linkedOnly?: boolean; userIds?: readonly string[] } = {},
): Promise<LeadershipData | null> {
  const reqs = (await repo.requirementsOf(db, cs.map((c) => c.id))).filter((r) => !o.linkedOnly || r.taskId !== null);
  if (reqs.length === 0) return null;
  const campaigns = new Map(cs.filter((c) => reqs.some((r) => r.campaignId === c.id)).map((c) => [c.id, c]));
  const live = [...campaigns.values()];
  const regions = [...new Set(live.map(regionOfCampaign))];
  const wanted = o.userIds ? new Set(o.userIds) : null;
  const leaders = (await repo.leadersOfRegions(db, regions)).filter((l) => !wanted || wanted.has(l.userId));
  const facts: ActivityRecord[] = (await repo.activitiesOfLeaders(db, {
    districtIds: live.map((c) => c.districtId), userIds: leaders.map((l) => l.userId),
    from: live.map((c) => c.periodStart).sort()[0]!, to: live.map((c) => c.periodEnd).sort().at(-1)!,
  })).map((a) => ({ id: a.id, heldOn: a.heldOn, kind: a.kind as ActivityKind, leaderUserIds: a.leaderUserIds, topic: a.topic, leaders: a.leaders }));
  const byRegion = new Map<string, RegionLeader[]>();
  for (const r of regions) {
    byRegion.set(r, leaders.filter((l) => leaderInRegion(l, r)).map((l) => ({ userId: l.userId, name: l.name, post: l.post!, unitName: l.unitName })));
  }
  return {
    reqs, campaigns, facts, factById: new Map(facts.map((f) => [f.id, f])),
    leadersOf: (c) => byRegion.get(regionOfCampaign(c)) ?? [],
  };
}
