// What a person may do to a campaign and to one occurrence of its tasks, given their ties to it:
// the rules the server enforces and the buttons the web shows (allowedActions), in one place.
import type { CampaignState } from './campaign.ts';
import { type OccurrenceState, isOwed } from './occurrences.ts';

export const CAMPAIGN_ACTIONS = ['edit', 'publish', 'edit_tasks', 'review', 'urge', 'overview'] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/**
 * The issuing office edits a draft and publishes it; once published it reviews and urges, and an
 * ended campaign is no longer urged. Those who watch every unit (the office, the region's leaders
 * and groups) see the published campaign's 概况 (its region's figures, every unit's progress).
 */
export function campaignAllowedActions(o: { keeps: boolean; watches: boolean; published: boolean; state: CampaignState }): CampaignAction[] {
  const overview: CampaignAction[] = o.published && (o.keeps || o.watches) ? ['overview'] : [];
  if (!o.keeps) return overview;
  if (!o.published) return ['edit', 'publish', 'edit_tasks'];
  return ['edit', 'edit_tasks', 'review', ...(o.state === 'ended' ? [] : ['urge' as const]), ...overview];
}

export const OCCURRENCE_ACTIONS = ['report', 'acknowledge', 'urge'] as const;
export type OccurrenceAction = (typeof OCCURRENCE_ACTIONS)[number];

export interface OccurrenceTies {
  /** The actor belongs to the unit that owes it and its role files progress. */
  reportsForUnit: boolean;
  /** The actor's office issued the campaign. */
  keeps: boolean;
  state: OccurrenceState;
  acknowledged: boolean;
  campaignEnded: boolean;
}

/** The owing unit reports while it owes and acknowledges once; the issuing office urges while it is owed and the campaign runs. */
export function occurrenceAllowedActions(t: OccurrenceTies): OccurrenceAction[] {
  const out: OccurrenceAction[] = [];
  if (t.reportsForUnit && isOwed(t.state)) out.push('report');
  if (t.reportsForUnit && !t.acknowledged) out.push('acknowledge');
  if (t.keeps && isOwed(t.state) && !t.campaignEnded) out.push('urge');
  return out;
}
