import type { CampaignState } from '../../../../domain/campaigns/campaign.ts';
import type { CellState, OccurrenceState } from '../../../../domain/campaigns/occurrences.ts';

export { CAMPAIGN_STATE_LABELS } from '../../../../domain/campaigns/campaign.ts';
export { CELL_STATE_LABELS, OCCURRENCE_STATE_LABELS } from '../../../../domain/campaigns/occurrences.ts';

export const CAMPAIGN_STATE_COLORS: Record<CampaignState, string> = { draft: 'default', active: 'processing', ended: 'success' };
export const OCCURRENCE_STATE_COLORS: Record<OccurrenceState, string> = { not_reported: 'default', submitted: 'processing', returned: 'warning', confirmed: 'success' };
/** Matrix cells: red overdue, orange returned, blue awaiting confirmation, grey not yet due, green confirmed (readable text on each). */
export const CELL_COLORS: Record<CellState, { bg: string; fg: string }> = {
  overdue: { bg: '#fff1f0', fg: '#a8071a' },
  returned: { bg: '#fff7e6', fg: '#ad4e00' },
  submitted: { bg: '#e6f4ff', fg: '#003eb3' },
  upcoming: { bg: '#fafafa', fg: '#595959' },
  confirmed: { bg: '#f6ffed', fg: '#237804' },
  none: { bg: '#ffffff', fg: '#8c8c8c' },
};

/** A task's 序号 as people say it: "4" is 第4项; anything else (一、（1）) stays as written. */
export const taskNo = (n: string): string => (/^\d+$/.test(n) ? `第${n}项` : n);

/**
 * A 时限要求 as one or two lines: the reading alone when it only adds the count to the phrase
 * ("2026年11月10日前" read as "2026年11月10日前（1次）"), else the phrase and its reading.
 */
export function deadlineLines(text: string, label: string): { main: string; reading: string | null } {
  if (text && label.startsWith(text) && /^（[^（）]*）$/.test(label.slice(text.length))) return { main: label, reading: null };
  return { main: text || label, reading: text ? label : null };
}
