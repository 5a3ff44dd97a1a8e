import { describe, expect, it } from 'vitest';
import { campaignState, currentStageIndex, daysLeft, shiftPeriod, stageProblems } from './campaign.ts';

const c = { periodStart: '2024-11-15', periodEnd: '2025-02-28', published: true };
const stages = [
  { name: '自查自改', startDate: '2024-11-15', endDate: '2024-11-30' },
  { name: '督促检查', startDate: '2024-12-01', endDate: '2025-01-31' },
  { name: '巩固提升', startDate: '2025-02-01', endDate: '2025-02-28' },
];

describe('a campaign\'s state and timeline', () => {
  it('is a draft until published, then 进行中 through its last day, then 已结束', () => {
    expect(campaignState({ ...c, published: false }, '2024-12-01')).toBe('draft');
    expect(campaignState(c, '2024-11-01')).toBe('active'); // published ahead of its start
    expect(campaignState(c, '2025-02-28')).toBe('active');
    expect(campaignState(c, '2025-03-01')).toBe('ended');
  });

  it('counts the days left and finds the current stage', () => {
    expect(daysLeft(c, '2025-02-28')).toBe(0);
    expect(daysLeft(c, '2025-02-01')).toBe(27);
    expect(currentStageIndex(stages, '2024-11-30')).toBe(0);
    expect(currentStageIndex(stages, '2024-12-01')).toBe(1);
    expect(currentStageIndex(stages, '2025-03-01')).toBeNull();
  });

  it('names stages that do not fit the period, are reversed or overlap', () => {
    expect(stageProblems(c, stages)).toEqual([]);
    expect(stageProblems(c, [{ name: 'a', startDate: '2024-11-01', endDate: '2024-11-20' }])).toEqual(['第1阶段（a）不在专项行动期间内']);
    expect(stageProblems(c, [{ name: 'a', startDate: '2024-12-20', endDate: '2024-12-01' }])).toEqual(['第1阶段（a）的开始日期晚于结束日期']);
    expect(stageProblems(c, [stages[0]!, { name: 'b', startDate: '2024-11-30', endDate: '2024-12-10' }])).toEqual(['第2阶段（b）与上一阶段重叠']);
  });

  it('moves a campaign so that the same share of it lies before today', () => {
    const { offsetDays } = shiftPeriod('2024-11-15', '2025-02-28', 0.4, '2026-12-06');
    // 2024-11-15 to 2026-12-06 is 751 days; 42 of the campaign's 105 should lie before today.
    expect(offsetDays).toBe(751 - 42);
  });
});
