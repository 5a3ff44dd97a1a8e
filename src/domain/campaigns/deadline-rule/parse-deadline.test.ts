import { describe, expect, it } from 'vitest';
import { parseDeadline, type DeadlineRule } from './index.ts';

const P2023: { start: string; end: string } = { start: '2023-05-18', end: '2023-12-31' }; // seed 000
const NOV_FEB = { start: '2024-11-15', end: '2025-02-28' }; // seed 003

/** The due days of a 'dates' rule, or the kind when it is something else. */
const datesOf = (r: DeadlineRule) => (r.kind === 'dates' ? r.dates : r.kind);

describe('parseDeadline: the shapes of the issue', () => {
  it('reads a written date as certain, with no notes', () => {
    expect(parseDeadline('2023年7月30日前', P2023)).toEqual({ kind: 'dates', text: '2023年7月30日前', dates: ['2023-07-30'], certainty: 'certain', notes: [] });
  });

  it('takes a missing year from the campaign, and says so', () => {
    expect(parseDeadline('8月中旬、11月中旬', P2023)).toEqual({
      kind: 'dates', text: '8月中旬、11月中旬', dates: ['2023-08-20', '2023-11-20'], certainty: 'assumed', notes: ['年份取自专项行动（2023年）'],
    });
  });

  it('rolls a month earlier than the campaign start into the next year, and says so', () => {
    const rule = parseDeadline('1月底前', NOV_FEB);
    expect(rule).toMatchObject({ kind: 'dates', dates: ['2025-01-31'], certainty: 'assumed' });
    expect(rule.notes).toEqual(['年份取自专项行动（2024年）', '跨年：1月早于专项行动开始的月份，按次年（2025年）理解']);
  });

  it('reads X底前 and X前 as the end of X', () => {
    expect(datesOf(parseDeadline('7月底前', P2023))).toEqual(['2023-07-31']);
    expect(datesOf(parseDeadline('12月', P2023))).toEqual(['2023-12-31']);
    expect(datesOf(parseDeadline('年底前', P2023))).toEqual(['2023-12-31']);
    expect(datesOf(parseDeadline('年底前', NOV_FEB))).toEqual(['2024-12-31']); // the campaign's (start) year
    expect(datesOf(parseDeadline('2023年年底前', P2023))).toEqual(['2023-12-31']);
  });

  it('reads 上旬 as the 10th, 中旬 as the 20th, 下旬 as the month end', () => {
    expect(datesOf(parseDeadline('6月上旬前', P2023))).toEqual(['2023-06-10']);
    expect(datesOf(parseDeadline('2月中旬前', NOV_FEB))).toEqual(['2025-02-20']);
    expect(datesOf(parseDeadline('5月下旬前', P2023))).toEqual(['2023-05-31']);
    expect(datesOf(parseDeadline('2月下旬前', { start: '2024-01-01', end: '2024-12-31' }))).toEqual(['2024-02-29']);
  });

  it('asks about "N月前": it could mean before N月 begins', () => {
    const rule = parseDeadline('3月前', { start: '2024-01-01', end: '2024-12-31' });
    expect(rule).toMatchObject({ kind: 'dates', dates: ['2024-03-31'], certainty: 'assumed' });
    expect(rule.notes).toContain('“3月前”按3月底理解');
  });

  it('reads halves and quarters of a year', () => {
    const y = { start: '2024-01-01', end: '2024-12-31' };
    expect(datesOf(parseDeadline('2024年上半年', y))).toEqual(['2024-06-30']);
    expect(datesOf(parseDeadline('下半年', y))).toEqual(['2024-12-31']);
    expect(datesOf(parseDeadline('第三季度末', y))).toEqual(['2024-09-30']);
    expect(datesOf(parseDeadline('一季度', y))).toEqual(['2024-03-31']);
  });

  it('reads a range as one occurrence due at its end', () => {
    expect(parseDeadline('2024年12月1日—2025年1月31日', NOV_FEB)).toEqual({
      kind: 'range', text: '2024年12月1日—2025年1月31日', start: '2024-12-01', end: '2025-01-31', certainty: 'certain', notes: [],
    });
    expect(parseDeadline('即日起至2025年2月底', NOV_FEB)).toMatchObject({ kind: 'range', start: '2024-11-15', end: '2025-02-28', certainty: 'certain' });
    expect(parseDeadline('8-11月', P2023)).toMatchObject({ kind: 'range', start: '2023-08-01', end: '2023-11-30', certainty: 'assumed' });
    expect(parseDeadline('12月1日至2025年1月31日', NOV_FEB)).toMatchObject({ kind: 'range', start: '2024-12-01', end: '2025-01-31', certainty: 'certain' });
  });

  it('reads a range crossing the year without a second year as the next year, and asks', () => {
    const rule = parseDeadline('2024年12月1日—1月31日', NOV_FEB);
    expect(rule).toMatchObject({ kind: 'range', start: '2024-12-01', end: '2025-01-31', certainty: 'assumed' });
    expect(rule.notes).toEqual(['跨年：1月按次年（2025年）理解']);
  });

  it('refuses a range that ends before it starts', () => {
    expect(parseDeadline('2024年12月1日至2024年11月1日', NOV_FEB)).toMatchObject({ kind: 'unread', notes: ['起止日期颠倒'] });
  });

  it('reads rhythms', () => {
    expect(parseDeadline('每月', P2023)).toEqual({ kind: 'recurring', text: '每月', every: 'month', interval: 1, certainty: 'certain', notes: [] });
    expect(parseDeadline('每月28日前', P2023)).toMatchObject({ every: 'month', interval: 1, days: [28] });
    expect(parseDeadline('每季度', P2023)).toMatchObject({ every: 'quarter', interval: 1 });
    expect(parseDeadline('每半年至少1次', P2023)).toMatchObject({ every: 'half-year', interval: 1 });
    expect(parseDeadline('每3个月', P2023)).toMatchObject({ every: 'month', interval: 3, notes: ['自专项行动开始日（2023年5月18日）起每3个月为一期'] });
    expect(parseDeadline('每周', P2023)).toMatchObject({ every: 'week', interval: 1 });
    expect(parseDeadline('每年至少1次', P2023)).toMatchObject({ every: 'year', interval: 1 });
    expect(parseDeadline('每两周', P2023)).toMatchObject({ every: 'week', interval: 2 });
    expect(parseDeadline('每季度末', P2023)).toMatchObject({ every: 'quarter', interval: 1 });
    expect(parseDeadline('每月上旬', P2023)).toMatchObject({ every: 'month', days: [10] });
    expect(parseDeadline('每月下旬', P2023)).toMatchObject({ every: 'month' });
    expect(parseDeadline('每旬', P2023)).toMatchObject({ every: 'month', days: [10, 20, 'end'] });
  });

  it('reads two days a month with a time', () => {
    expect(parseDeadline('每月14日和月底18:00前', NOV_FEB)).toEqual({
      kind: 'recurring', text: '每月14日和月底18:00前', every: 'month', interval: 1, days: [14, 'end'], time: '18:00', certainty: 'certain', notes: [],
    });
  });

  it('reads weekdays and their times', () => {
    expect(parseDeadline('每周五12点前', P2023)).toMatchObject({ every: 'week', days: [5], time: '12:00' });
    expect(parseDeadline('每周一、三、五', P2023)).toMatchObject({ every: 'week', days: [1, 3, 5] });
    expect(parseDeadline('每星期日', P2023)).toMatchObject({ every: 'week', days: [7] });
    expect(parseDeadline('每周一次', P2023)).toMatchObject({ every: 'week' });
    expect(parseDeadline('每周一次', P2023)).not.toHaveProperty('days');
  });

  it('reads continuous work', () => {
    for (const text of ['常态化', '长期坚持', '持续推进', '长期', '常态化开展', '专项行动期间', '每天1次']) {
      expect(parseDeadline(text, P2023)).toMatchObject({ kind: 'continuous', text, certainty: 'certain' });
    }
  });

  it('notes a date outside the campaign period, and keeps it', () => {
    const rule = parseDeadline('2023年5月10日前', P2023);
    expect(rule).toMatchObject({ kind: 'dates', dates: ['2023-05-10'], certainty: 'certain' });
    expect(rule.notes).toEqual(['2023年5月10日在专项行动期间之外']);
  });

  it('refuses a day that does not exist', () => {
    expect(parseDeadline('2023年2月29日前', P2023)).toEqual({ kind: 'unread', text: '2023年2月29日前', notes: ['日期不存在：2023年2月29日'] });
    expect(datesOf(parseDeadline('2024年2月29日前', P2023))).toEqual(['2024-02-29']);
    expect(parseDeadline('2023年13月1日前', P2023).kind).toBe('unread');
  });
});

describe('parseDeadline: spellings it tolerates', () => {
  it.each([
    ['十一月三十日前', '2023-11-30'],
    ['二〇二三年十月十五日前', '2023-10-15'],
    ['二零二三年十二月', '2023-12-31'],
    ['２０２３年７月３０日前', '2023-07-30'],
    ['2023 年 7 月 30 日前', '2023-07-30'],
    ['2023年7月30日前。', '2023-07-30'],
    ['2023年7月30日以前', '2023-07-30'],
    ['2023年7月30日之前', '2023-07-30'],
    ['2023年7月30日止', '2023-07-30'],
    ['2023年7月30日前完成', '2023-07-30'],
    ['（2023年7月30日前）', '2023-07-30'],
    ['【2023年7月30日前】', '2023-07-30'],
    ['于2023年7月30日前报送', '2023-07-30'],
    ['截至2023年7月30日', '2023-07-30'],
    ['2023-07-30', '2023-07-30'],
    ['2023.7.30', '2023-07-30'],
    ['2023年7月30号前', '2023-07-30'],
    ['7月30号前', '2023-07-30'],
    ['2023年8月末', '2023-08-31'],
    ['2023年9月份', '2023-09-30'],
  ])('%s → %s', (text, day) => {
    expect(datesOf(parseDeadline(text, P2023))).toEqual([day]);
  });

  it('reads a time given with a date', () => {
    expect(parseDeadline('2023年7月30日18:00前', P2023)).toMatchObject({ kind: 'dates', dates: ['2023-07-30'], time: '18:00' });
    expect(parseDeadline('2023年7月30日下午5点前', P2023)).toMatchObject({ time: '17:00' });
    expect(parseDeadline('2023年7月30日9点半前', P2023)).toMatchObject({ time: '09:30' });
  });

  it('refuses two different times in one list', () => {
    expect(parseDeadline('7月30日18:00、8月30日12:00', P2023).kind).toBe('unread');
  });

  it('carries the year and month along a list', () => {
    expect(datesOf(parseDeadline('2023年8月15日、9月15日、10月15日前', P2023))).toEqual(['2023-08-15', '2023-09-15', '2023-10-15']);
    expect(datesOf(parseDeadline('2024年11月30日、1月31日', NOV_FEB))).toEqual(['2024-11-30', '2025-01-31']);
  });
});
