import { describe, expect, it } from 'vitest';
import { currentRound, isLocked, roundOf, roundsOf } from './rounds.ts';

const period = { start: '2024-11-15', end: '2025-02-28' };

describe('a form\'s rounds in a campaign', () => {
  it('cumulative figures count from the campaign\'s start; period figures from the window\'s', () => {
    const cumulative = roundsOf({ dueText: '每月14日和月底18:00前', cumulative: true, graceDays: 3 }, period);
    expect(cumulative.map((r) => [r.due, r.from])).toEqual([
      ['2024-11-30', '2024-11-15'], ['2024-12-14', '2024-11-15'], ['2024-12-31', '2024-11-15'], ['2025-01-14', '2024-11-15'],
      ['2025-01-31', '2024-11-15'], ['2025-02-14', '2024-11-15'], ['2025-02-28', '2024-11-15'],
    ]);
    const period_ = roundsOf({ dueText: '每月14日和月底18:00前', cumulative: false, graceDays: 3 }, period);
    expect(period_.map((r) => r.from)).toEqual(['2024-11-15', '2024-12-01', '2024-12-15', '2025-01-01', '2025-01-15', '2025-02-01', '2025-02-15']);
  });

  it('cuts the figures off at the end of the due day in Asia/Shanghai, and is late after the time the phrase gives', () => {
    const r = roundOf({ due: '2024-12-14', from: '2024-12-01', time: '18:00' }, { campaignStart: '2024-11-15', cumulative: true, graceDays: 3 });
    expect(r.cutoff.toISOString()).toBe('2024-12-14T16:00:00.000Z');
    expect(r.deadline.toISOString()).toBe('2024-12-14T10:00:00.000Z');
    expect(r.lockAfter).toBe('2024-12-17');
    const noTime = roundOf({ due: '2024-12-28', from: '2024-12-01' }, { campaignStart: '2024-11-15', cumulative: true, graceDays: 0 });
    expect(noTime.deadline.toISOString()).toBe('2024-12-28T16:00:00.000Z');
  });

  it('a phrase that cannot be read gives no rounds (never a guessed date)', () => {
    expect(roundsOf({ dueText: '及时报送', cumulative: true, graceDays: 3 }, period)).toEqual([]);
  });

  it('locks after the grace days unless reopened up to today', () => {
    expect(isLocked({ lockAfter: '2024-12-17' }, '2024-12-17', null)).toBe(false);
    expect(isLocked({ lockAfter: '2024-12-17' }, '2024-12-18', null)).toBe(true);
    expect(isLocked({ lockAfter: '2024-12-17' }, '2024-12-18', '2024-12-20')).toBe(false);
    expect(isLocked({ lockAfter: '2024-12-17' }, '2024-12-21', '2024-12-20')).toBe(true);
  });

  it('the current round is the first not yet due, else the last', () => {
    const rs = [{ due: '2024-11-30' }, { due: '2024-12-14' }];
    expect(currentRound(rs, '2024-12-01')).toEqual({ due: '2024-12-14' });
    expect(currentRound(rs, '2025-01-01')).toEqual({ due: '2024-12-14' });
    expect(currentRound([], '2025-01-01')).toBeNull();
  });
});
