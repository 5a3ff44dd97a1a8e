// A campaign's state and timeline, derived from its dates and today (a Shanghai day, passed in):
// a draft until published, then 进行中 until its last day has passed, then 已结束.
import { addDays, daysBetween } from '../common/dates.ts';

export const CAMPAIGN_STATES = ['draft', 'active', 'ended'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
export const CAMPAIGN_STATE_LABELS: Record<CampaignState, string> = { draft: '草稿', active: '进行中', ended: '已结束' };

export interface CampaignDates {
  periodStart: string;
  periodEnd: string;
  published: boolean;
}

export function campaignState(c: CampaignDates, today: string): CampaignState {
  if (!c.published) return 'draft';
  return today > c.periodEnd ? 'ended' : 'active';
}

/** Days from today to the period's last day (0 on the last day; negative once ended). */
export function daysLeft(c: CampaignDates, today: string): number {
  return daysBetween(today, c.periodEnd);
}

export interface StageDates {
  name: string;
  startDate: string;
  endDate: string;
}

/** The stage today falls in; before the first, none; after the last, none. */
export function currentStageIndex(stages: readonly StageDates[], today: string): number | null {
  const i = stages.findIndex((s) => s.startDate <= today && today <= s.endDate);
  return i < 0 ? null : i;
}

/** Why stages do not fit the campaign (Chinese, per stage), empty when they do. */
export function stageProblems(c: { periodStart: string; periodEnd: string }, stages: readonly StageDates[]): string[] {
  const out: string[] = [];
  stages.forEach((s, i) => {
    const n = `第${i + 1}阶段（${s.name}）`;
    if (s.startDate > s.endDate) out.push(`${n}的开始日期晚于结束日期`);
    if (s.startDate < c.periodStart || s.endDate > c.periodEnd) out.push(`${n}不在专项行动期间内`);
    const prev = stages[i - 1];
    if (prev && s.startDate <= prev.endDate) out.push(`${n}与上一阶段重叠`);
  });
  return out;
}

/** Moves a campaign's dates so that it keeps its length and the same proportion of it lies before today (the demo's live campaign). */
export function shiftPeriod(start: string, end: string, fractionElapsed: number, today: string): { offsetDays: number } {
  const newStart = addDays(today, -Math.round(daysBetween(start, end) * fractionElapsed));
  return { offsetDays: daysBetween(start, newStart) };
}
