import { describe, expect, it } from 'vitest';
import { springFestival } from './festivals.ts';
import { parseDeadline, type DeadlineRule } from './index.ts';

const datesOf = (r: DeadlineRule) => (r.kind === 'dates' ? r.dates : r.kind);

describe('lunar holidays (lunar-javascript)', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
  ])('春节 %i is %s', (year, day) => {
    expect(springFestival(year)).toBe(day);
  });

  it.each([
    // A campaign starting before each 春节: 春节前 is due on 除夕, the day before.
    [{ start: '2023-11-15', end: '2024-03-31' }, '2024-02-09'],
    [{ start: '2024-11-15', end: '2025-02-28' }, '2025-01-28'],
    [{ start: '2025-12-01', end: '2026-03-31' }, '2026-02-16'],
    [{ start: '2026-11-15', end: '2027-02-28' }, '2027-02-05'],
  ])('春节前 in %o is %s (除夕)', (period, day) => {
    const rule = parseDeadline('春节前', period);
    expect(rule).toMatchObject({ kind: 'dates', dates: [day], certainty: 'assumed' });
  });

  it('takes the first 春节 on or after the campaign start, not the one of the start year', () => {
    // 2024's 春节 (02-10) is before a March campaign: the next one is 2025-01-29.
    expect(datesOf(parseDeadline('春节前', { start: '2024-03-01', end: '2025-06-30' }))).toEqual(['2025-01-28']);
  });

  it('reads a written year as certain', () => {
    expect(parseDeadline('2026年春节前', { start: '2025-11-01', end: '2026-03-31' })).toMatchObject({ dates: ['2026-02-16'], certainty: 'certain' });
  });

  it('除夕, 除夕前 and 农历年底 are due on 除夕 itself', () => {
    const period = { start: '2024-11-15', end: '2025-02-28' };
    expect(datesOf(parseDeadline('除夕前', period))).toEqual(['2025-01-28']);
    expect(datesOf(parseDeadline('除夕', period))).toEqual(['2025-01-28']);
    expect(datesOf(parseDeadline('农历年底前', period))).toEqual(['2025-01-28']);
    expect(datesOf(parseDeadline('农历年末', period))).toEqual(['2025-01-28']);
  });

  it('asks about a written year with 除夕: the 春节 of that year, or the end of that lunar year?', () => {
    const rule = parseDeadline('2025年除夕前', { start: '2024-11-15', end: '2025-02-28' });
    expect(rule).toMatchObject({ dates: ['2025-01-28'], certainty: 'assumed' });
    expect(rule.notes).toEqual(['除夕按2025年春节的前一天（2025年1月28日）理解']);
  });

  it('reads the other holidays the plans name: the day before each', () => {
    const y2024 = { start: '2024-01-01', end: '2024-12-31' };
    expect(datesOf(parseDeadline('元宵节前', y2024))).toEqual(['2024-02-23']); // 元宵 2024-02-24
    expect(datesOf(parseDeadline('清明节前', y2024))).toEqual(['2024-04-03']); // 清明 2024-04-04
    expect(datesOf(parseDeadline('五一前', y2024))).toEqual(['2024-04-30']);
    expect(datesOf(parseDeadline('端午节前', y2024))).toEqual(['2024-06-09']); // 端午 2024-06-10
    expect(datesOf(parseDeadline('中秋节前', y2024))).toEqual(['2024-09-16']); // 中秋 2024-09-17
    expect(datesOf(parseDeadline('国庆节前', y2024))).toEqual(['2024-09-30']);
    expect(datesOf(parseDeadline('元旦前', { start: '2024-11-15', end: '2025-02-28' }))).toEqual(['2024-12-31']);
  });

  it('does not guess a holiday without 前: the holiday itself, or the days around it?', () => {
    for (const text of ['春节', '春节期间', '春节前后', '国庆', '元旦春节期间', '节前']) {
      expect(parseDeadline(text, { start: '2024-11-15', end: '2025-02-28' }).kind).toBe('unread');
    }
  });
});
