// A campaign task linked to a required frequency takes its occurrences' state from the leaders'
// activities: met over the occurrence's window [from, due] (every leader of a bound post held the
// count) confirms it without a report (domain/supervision/compliance.ts occurrenceMet).
import { occurrenceMet, parseFrequency } from '../../../domain/supervision/compliance.ts';
import { ACTIVITY_KIND_LABELS } from '../../../domain/supervision/leadership.ts';
import type { EvidenceSource } from '../campaigns/index.ts';
import { leaderNames } from './leadership.presenter.ts';
import { leadershipDataOf, periodOf, specOf } from './leadership.records.ts';

export const leadershipEvidence: EvidenceSource = async (db, cs) => {
  const data = await leadershipDataOf(db, cs, { linkedOnly: true });
  if (!data) return null;
  // One requirement per task (the service refuses a second); the oldest wins if data says otherwise.
  const byTask = new Map<string, (typeof data.reqs)[number]>();
  for (const r of data.reqs) if (r.taskId && !byTask.has(r.taskId)) byTask.set(r.taskId, r);
  const counts = new Map(data.reqs.map((r) => [r.id, parseFrequency(r.frequencyText, periodOf(data.campaigns.get(r.campaignId)!)).count]));
  return (taskId, w) => {
    const r = byTask.get(taskId);
    if (!r) return null;
    const c = data.campaigns.get(r.campaignId)!;
    const res = occurrenceMet(specOf(r), counts.get(r.id)!, data.leadersOf(c), data.facts, w);
    return {
      sourceId: r.id, label: r.label, met: res.met,
      records: res.activityIds.map((id) => data.factById.get(id)!).sort((a, b) => a.heldOn.localeCompare(b.heldOn)).map((a) => ({
        id: a.id, href: `/leadership/${a.id}`, day: a.heldOn, title: `${ACTIVITY_KIND_LABELS[a.kind]}：${a.topic}`, who: leaderNames(a),
      })),
    };
  };
};
