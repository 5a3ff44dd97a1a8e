import { describe, expect, it } from 'vitest';
import { byUrgency, daysLeft, dueWords, lightOf } from './light.ts';

describe('督办 lights', () => {
  const today = '2026-12-06';
  it('is green without a deadline or more than three days before it', () => {
    expect(lightOf(null, today)).toBe('green');
    expect(lightOf('2026-12-10', today)).toBe('green');
  });
  it('is yellow from three days before the deadline to the day itself', () => {
    expect(lightOf('2026-12-09', today)).toBe('yellow');
    expect(lightOf('2026-12-06', today)).toBe('yellow');
  });
  it('is red the day after the deadline', () => {
    expect(lightOf('2026-12-05', today)).toBe('red');
  });
  it('counts whole days across a month and a year', () => {
    expect(daysLeft('2027-01-02', '2026-12-30')).toBe(3);
    expect(daysLeft('2026-11-30', '2026-12-01')).toBe(-1);
  });
  it('says the days in Chinese', () => {
    expect(dueWords('2026-12-03', today)).toBe('逾期 3 天');
    expect(dueWords(today, today)).toBe('今天到期');
    expect(dueWords('2026-12-08', today)).toBe('剩 2 天');
  });
  it('sorts red, then yellow, then green, the nearest deadline first', () => {
    const items = [
      { light: 'green' as const, due: null }, { light: 'yellow' as const, due: '2026-12-08' }, { light: 'red' as const, due: '2026-12-01' },
      { light: 'yellow' as const, due: '2026-12-07' }, { light: 'green' as const, due: '2026-12-20' },
    ];
    expect(items.sort(byUrgency).map((i) => i.due)).toEqual(['2026-12-01', '2026-12-07', '2026-12-08', '2026-12-20', null]);
  });
});
